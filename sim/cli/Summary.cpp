#include "sim/cli/Summary.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

#include "sim/cli/Timeline.hpp"
#include "sim/eval/Findings.hpp"
#include "sim/eval/Format.hpp"
#include "sim/eval/Metrics.hpp"

namespace samverkan::cli {
namespace {

using eval::fixed;

// At most `chars` characters (not bytes), with an ellipsis when cut.
std::string shortened(const std::string& text, std::size_t chars) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (count++ == chars) return text.substr(0, i) + "…";
    }
    return text;
}

std::string since(const eval::Timing& t, bool sv) {
    return t.at < 0 ? (sv ? "aldrig" : "never") : engine::formatElapsed(t.sinceSignal);
}

void printWorld(std::ostream& out, const exercise::Exercise& run, model::Lang lang) {
    const auto* w = run.world();
    if (w == nullptr) return;
    const bool sv = lang == model::Lang::sv;
    out << "\n" << (sv ? "Konsekvenser (verkligt läge, hela förloppet):" : "Consequences (true state, whole run):") << "\n";
    for (std::size_t h = 0; h < w->spec().hazards.size(); ++h) {
        const auto& spec = w->spec().hazards[h];
        const auto& d = w->drawn(h);
        if (!d.begins) {
            out << "  " << spec.name.in(lang) << ": " << (sv ? "når aldrig över sin tröskel" : "never rises above its threshold") << "\n";
            continue;
        }
        out << "  " << spec.name.in(lang) << ": " << (sv ? "början " : "onset ") << engine::formatElapsed(d.onset) << ", "
            << (sv ? "topp " : "peak ") << fixed(d.peak, 1) << " " << render::Renderer::unit(spec.unit).in(lang) << ", "
            << (sv ? "varaktighet " : "duration ") << run.renderer().duration(d.duration).in(lang) << "\n";
    }
    for (std::size_t o = 0; o < w->spec().outcomes.size(); ++o) {
        const auto& spec = w->spec().outcomes[o];
        out << "  " << pad(spec.name.in(lang), 52) << " " << fixed(w->outcome(o), 0) << " " << render::Renderer::unit(spec.unit).in(lang) << "\n";
        // Per area, and what falls on the county's common services.
        const auto& areas = w->spec().areas;
        double inAreas = 0;
        for (std::size_t a = 0; a < areas.size(); ++a) {
            inAreas += w->outcomeIn(o, a);
            out << "    " << pad(areas[a].name.in(lang), 50) << " " << fixed(w->outcomeIn(o, a), 0) << "\n";
        }
        if (!areas.empty() && w->outcome(o) - inAreas > 0.5)
            out << "    " << pad(lang == model::Lang::sv ? "Länsgemensamt (inget område)" : "County-wide (no area)", 50) << " "
                << fixed(w->outcome(o) - inAreas, 0) << "\n";
    }
}

// The alerting chain's steps from the first signal, and how they compare with the region's benchmarks.
void printAlerting(std::ostream& out, const exercise::Exercise& run, const eval::Metrics& m, model::Lang lang) {
    const auto& c = m.alerting;
    if (c.dutyOfficerAnswered.at < 0 && c.firstInformation.at < 0) return;
    const bool sv = lang == model::Lang::sv;
    const auto minutes = [&](engine::Millis d) { return run.renderer().duration(d).in(lang); };
    out << "\n" << (sv ? "Larmkedjan från första signalen:" : "The alerting chain from the first signal:") << "\n";
    out << "  " << pad(sv ? "Tjänstemannen i beredskap svarar på larmet" : "The duty officer answers the alert", 52) << " "
        << since(c.dutyOfficerAnswered, sv) << "\n";
    out << "  " << pad(sv ? "Uppgiften verifierad" : "The signal verified", 52) << " " << since(c.verified, sv) << "\n";
    out << "  " << pad(sv ? "Information skickad till aktörerna" : "Information sent to the actors", 52) << " "
        << since(c.firstInformation, sv) << "\n";
    out << "  " << pad((sv ? "Information hos alla aktörer (" : "Information with every actor (") + std::to_string(c.informed) + " / " +
                           std::to_string(c.toInform) + ")", 52)
        << " " << since(c.informedAll, sv) << "\n";
    out << "  " << pad(sv ? "Första samverkanskonferensen" : "The first cooperation conference", 52) << " " << since(c.firstConference, sv)
        << "\n";
    for (const auto& b : eval::compareAlerting(m, run.scenario().region)) {
        const std::string goal = b.lo == b.hi ? minutes(b.lo) : minutes(b.lo) + "–" + minutes(b.hi);
        std::string verdict;
        switch (b.verdict) {
            case -1: verdict = minutes(b.lo - b.measured) + (sv ? " snabbare" : " faster"); break;
            case 0: verdict = sv ? "inom" : "within"; break;
            case 1: verdict = minutes(b.measured - b.hi) + (sv ? " långsammare" : " slower"); break;
            default: verdict = sv ? "inträffade aldrig" : "never happened"; break;
        }
        const std::string step = b.step == "information" ? (sv ? "information till alla" : "information to all")
                                                         : (sv ? "första konferensen" : "first conference");
        out << "  " << (sv ? "Mot " : "Against ") << b.name.in(lang) << ": " << step << " " << goal << " — "
            << (b.measured < 0 ? std::string() : minutes(b.measured) + ", ") << verdict << "\n";
    }
}

}  // namespace

void printSummary(std::ostream& out, const exercise::Exercise& run, model::Lang lang) {
    const bool sv = lang == model::Lang::sv;
    printWorld(out, run, lang);
    const auto m = eval::measure(run);
    out << "\n" << (sv ? "Eskaleringstid från första signalen:" : "Escalation timing from the first signal:") << "\n";
    for (const auto& a : m.activations) out << "  " << pad(a.label.in(lang), 52) << " " << since(a, sv) << "\n";
    for (const auto& d : m.decisions)
        out << "  " << pad((sv ? "Beslut: " : "Decision: ") + shortened(d.label.in(lang), 44), 52) << " " << since(d, sv) << "\n";
    out << "  " << pad(sv ? "Gemensamt budskap till allmänheten" : "Joint public message", 52) << " "
        << since(m.firstJointMessage, sv) << "\n";
    if (m.pictureAgeMeanHours >= 0)
        out << "  " << pad(sv ? "Samlad lägesbild: ålder medel / max (timmar)" : "Joint situational picture: age mean / max (hours)", 52)
            << " " << fixed(m.pictureAgeMeanHours, 1) << " / " << fixed(m.pictureAgeMaxHours, 1) << "\n";
    if (m.pictures > 0) {
        out << "  " << pad(sv ? "Lägesbild: fel medel / max (nivå 0–1)" : "Picture: error mean / max (level 0–1)", 52) << " "
            << fixed(m.pictureErrorMean, 2) << " / " << fixed(m.pictureErrorMax, 2) << "\n";
        out << "  " << pad(sv ? "Rapporter till forum: lämnade / uteblivna" : "Reports to forums: made / missed", 52) << " "
            << m.reportsMade << " / " << m.reportsMissed << "\n";
    }
    out << "  " << pad(sv ? "Kontaktytor: bilaterala / i forum" : "Contact surfaces: bilateral / in forums", 52) << " "
        << m.bilateralContacts << " / " << m.forumContacts << "\n";
    out << "  " << pad(sv ? "Dubbelarbete: samma fråga löst på flera håll" : "Duplicated work: the same question settled separately", 52) << " "
        << m.duplicatedDecisions << "\n";

    printAlerting(out, run, m, lang);

    const auto ev = eval::evaluate(run);
    out << "\n" << (sv ? "Förväntade åtgärder:" : "Expected actions:") << "\n";
    for (const auto& f : ev.findings)
        out << "  " << pad(render::Renderer::findingStatus(eval::statusName(f.status)).in(lang), 11) << " " << f.text.in(lang) << "\n";
    for (const auto& o : ev.objectives)
        out << "  " << (sv ? "Mål: " : "Objective: ") << fixed(o.score, 0) << "/100  " << o.text.in(lang) << "\n";
    out << (sv ? "Poäng: " : "Score: ") << fixed(ev.score, 0) << "/100 — " << ev.explanation.in(lang) << "\n";
}

void printJson(std::ostream& out, const exercise::Exercise& run) {
    using nlohmann::ordered_json;
    ordered_json doc;
    const auto& s = run.scenario();
    doc["scenario"] = s.id;
    doc["file"] = s.file;
    doc["play"] = run.options().playName;
    doc["seed"] = run.seed();
    doc["start"] = engine::formatIso(s.start);
    doc["time_ms"] = run.now();
    doc["finished"] = run.finished();
    ordered_json milestones = ordered_json::object();
    for (const auto& e : run.journal().entries()) {
        std::string key;
        using protocol::Kind;
        if (e.kind == Kind::meetingOpened || e.kind == Kind::activationRequested)
            key = std::string(protocol::kindName(e.kind)) + ":" + e.forum;
        else if (e.kind == Kind::decisionAgreed || e.kind == Kind::ownDecision) key = "decision:" + e.ref;
        else if (e.kind == Kind::publicMessage) key = "public-message";
        else continue;
        if (!milestones.contains(key)) milestones[key] = e.t;
    }
    doc["milestones"] = milestones;

    const auto m = eval::measure(run);
    auto timing = [](const eval::Timing& t) {
        return ordered_json{{"id", t.id}, {"at_ms", t.at}, {"since_signal_ms", t.sinceSignal}, {"seq", t.seq}};
    };
    ordered_json metrics;
    metrics["first_signal_ms"] = m.firstSignal;
    metrics["activations"] = ordered_json::array();
    for (const auto& a : m.activations) metrics["activations"].push_back(timing(a));
    metrics["first_coordinated_decision"] = timing(m.firstCoordinatedDecision);
    metrics["decisions"] = ordered_json::array();
    for (const auto& d : m.decisions) metrics["decisions"].push_back(timing(d));
    metrics["first_public_message"] = timing(m.firstPublicMessage);
    metrics["first_joint_message"] = timing(m.firstJointMessage);
    metrics["implementations"] = ordered_json::array();
    for (const auto& i : m.implementations) metrics["implementations"].push_back(timing(i));
    metrics["affected_present"] = ordered_json::array();
    for (const auto& p : m.affected)
        metrics["affected_present"].push_back({{"actor", p.actor}, {"joined_ms", p.joined}, {"forum", p.forum}});
    metrics["situational_pictures"] = m.pictures;
    metrics["picture_age_mean_hours"] = m.pictureAgeMeanHours;
    metrics["picture_age_max_hours"] = m.pictureAgeMaxHours;
    metrics["picture_error_mean"] = m.pictureErrorMean;
    metrics["picture_error_max"] = m.pictureErrorMax;
    metrics["reports_made"] = m.reportsMade;
    metrics["reports_missed"] = m.reportsMissed;
    metrics["service_pictures"] = ordered_json::array();
    for (const auto& sp : m.servicePictures)
        metrics["service_pictures"].push_back({{"service", sp.id}, {"pictures", sp.pictures}, {"known", sp.known},
                                               {"age_mean_hours", sp.ageMeanHours}, {"age_max_hours", sp.ageMaxHours},
                                               {"error_mean", sp.errorMean}, {"error_max", sp.errorMax}});
    metrics["bilateral_contacts"] = m.bilateralContacts;
    metrics["forum_contacts"] = m.forumContacts;
    metrics["public_messages"] = m.publicMessages;
    metrics["joint_messages"] = m.jointMessages;
    metrics["own_decisions"] = m.ownDecisions;
    metrics["duplicated_decisions"] = m.duplicatedDecisions;
    metrics["coordinated_decisions"] = m.coordinatedDecisions;
    ordered_json outcomes = ordered_json::object();
    for (const auto& o : m.outcomes) outcomes[o.id] = o.value;
    metrics["outcomes"] = outcomes;
    if (const auto* w = run.world(); w != nullptr && !w->spec().areas.empty()) {
        ordered_json byArea = ordered_json::object();
        for (std::size_t o = 0; o < w->spec().outcomes.size(); ++o) {
            ordered_json parts = ordered_json::object();
            for (std::size_t a = 0; a < w->spec().areas.size(); ++a) parts[w->spec().areas[a].id] = w->outcomeIn(o, a);
            byArea[w->spec().outcomes[o].id] = parts;
        }
        metrics["outcomes_by_area"] = byArea;
    }
    doc["metrics"] = metrics;

    const auto ev = eval::evaluate(run);
    ordered_json findings = ordered_json::array();
    for (const auto& f : ev.findings)
        findings.push_back({{"status", eval::statusName(f.status)}, {"inject", f.inject}, {"action", f.action},
                            {"actor", f.actor}, {"forum", f.forum}, {"objective", f.objective}, {"focus", f.focus},
                            {"from_ms", f.from}, {"due_ms", f.due}, {"at_ms", f.at}, {"late_by_ms", f.lateBy},
                            {"score", f.score}, {"entries", f.entries}, {"text", f.text.sv}, {"text_en", f.text.en}});
    doc["findings"] = findings;
    ordered_json objectives = ordered_json::array();
    for (const auto& o : ev.objectives)
        objectives.push_back({{"id", o.id}, {"score", o.score}, {"focus", o.focus}, {"explanation", o.explanation.sv},
                              {"explanation_en", o.explanation.en}});
    doc["objectives"] = objectives;
    doc["score"] = ev.score;
    doc["score_explanation"] = ev.explanation.en;

    if (const auto* w = run.world()) {
        ordered_json world;
        ordered_json hazards = ordered_json::array();
        for (std::size_t h = 0; h < w->spec().hazards.size(); ++h)
            hazards.push_back({{"id", w->spec().hazards[h].id}, {"onset_ms", w->drawn(h).onset},
                               {"peak", w->drawn(h).peak}, {"duration_ms", w->drawn(h).duration}});
        world["hazards"] = hazards;
        // Hourly samples of the true state, for plots.
        ordered_json series = ordered_json::array();
        for (std::size_t i = 0; i < w->samples(); ++i) {
            if (w->sampleTime(i) % engine::kHour != 0) continue;
            ordered_json sample;
            sample["t"] = w->sampleTime(i);
            for (std::size_t h = 0; h < w->spec().hazards.size(); ++h) sample[w->spec().hazards[h].id] = w->sampledIntensity(i, h);
            for (std::size_t sv = 0; sv < w->spec().services.size(); ++sv)
                sample[w->spec().services[sv].id] = std::round(w->sampledLevel(i, sv) * 1000.0) / 1000.0;
            series.push_back(sample);
        }
        world["series"] = series;
        doc["world"] = world;
    }
    ordered_json journal = ordered_json::array();
    for (const auto& e : run.journal().entries()) journal.push_back(ordered_json::parse(run.journal().line(e)));
    doc["journal"] = journal;
    out << doc.dump(2) << "\n";
}

}  // namespace samverkan::cli
