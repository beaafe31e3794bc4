// What the after-action report says, in one language.
#include <algorithm>
#include <cstdio>

#include "sim/eval/Format.hpp"
#include "sim/eval/ReportContent.hpp"

#include "sim/eval/DecidedMeasures.hpp"

namespace samverkan::eval {
namespace {

std::string cites(const std::vector<std::uint64_t>& entries, bool sv) {
    std::string out = sv ? " (journal " : " (journal ";
    for (std::size_t i = 0; i < entries.size(); ++i) out += (i ? ", #" : "#") + std::to_string(entries[i]);
    return out + ")";
}

std::string timingText(const Timing& t, bool sv) {
    return t.at < 0 ? (sv ? "aldrig" : "never") : engine::formatElapsed(t.sinceSignal);
}

std::string focusAreas(const std::vector<std::string>& ids, model::Lang lang) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + render::Renderer::focusArea(id).in(lang);
    return out;
}

// The corrective action a finding calls for, and who owns it.
std::pair<std::string, std::string> correctiveAction(const exercise::Exercise& run, const Finding& f, bool sv) {
    const auto& region = run.scenario().region;
    const auto fi = region.forumIndex(f.forum);
    const std::string forum = fi == model::kNone ? (sv ? "forumet" : "the forum") : region.forums[fi].name.in(sv ? model::Lang::sv : model::Lang::en);
    const std::string window = engine::formatDuration(f.due - f.from);
    const auto& convener = region.actors[region.actorIndex(region.convener)].name.in(sv ? model::Lang::sv : model::Lang::en);
    if (f.status == Status::unexpected) {
        const auto a = region.actorIndex(f.actor);
        const std::string who = a == model::kNone ? (sv ? "övningsledningen" : "exercise control") : region.actors[a].name.in(sv ? model::Lang::sv : model::Lang::en);
        if (f.action == "frame-violation")
            return {sv ? "Gå igenom ramarna från inriktande nivå med " + who + " innan " + forum + " prioriterar (R11)."
                       : "Go through the directing level's frames with " + who + " before " + forum + " sets its priorities (R11).",
                    who};
        return {sv ? "Gå igenom roller, mandat och kontaktvägar i modellen med " + who + "."
                   : "Go through roles, mandates and contact paths of the model with " + who + ".",
                who};
    }
    if (f.action == "activate" || f.action == "convene")
        return {sv ? "Öva aktiveringen: " + convener + " sammankallar " + forum + " inom " + window +
                         " efter signalen; gå igenom larmvägen via SOS Alarm och tjänsteman i beredskap."
                   : "Exercise activation: " + convener + " convenes " + forum + " within " + window +
                         " of the signal; go through the alerting path through SOS Alarm and the duty officer.",
                convener};
    if (f.action == "decide" || f.action == "priorities")
        return {sv ? "Förbered beslutsunderlag och säkerställ att representanterna i " + forum +
                         " har rätt mandat (R3), så att en samlad inriktning kan nås inom " + window + "."
                   : "Prepare decision material and make sure the representatives in " + forum +
                         " have the right mandate (R3), so that an overall direction can be agreed within " + window + ".",
                sv ? "Parterna i " + forum : "The parties in " + forum};
    if (f.action == "public-message")
        return {sv ? "Ta fram gemensamma budskapsmallar i förväg och besluta budskapet i " + forum + " inom " + window + "."
                   : "Prepare joint message templates in advance and agree the message in " + forum + " within " + window + ".",
                convener};
    return {sv ? "Gå igenom rutinen för '" + f.action + "' och öva den." : "Review the routine for '" + f.action + "' and exercise it.",
            convener};
}

}  // namespace

namespace {

// What each decision decided and what its measure did in the world (part of R10's record).
void addMeasures(const exercise::Exercise& run, model::Lang lang, ReportContent& c) {
    const bool sv = lang == model::Lang::sv;
    const auto& words = run.renderer();
    const auto* w = run.world();
    for (const auto& d : decidedMeasures(run)) {
        std::string effect;
        if (d.measure.empty()) effect = sv ? "ingen modellerad effekt (information)" : "no modelled effect (information)";
        else if (d.carriedOut == 0) effect = sv ? "inte genomförd" : "not carried out";
        else if (d.effects.empty() || w == nullptr) effect = sv ? "ingen verkan: kom för sent" : "no effect: came too late";
        for (const auto& took : d.effects) {
            if (!effect.empty()) effect += "; ";
            effect += w->spec().effects[took.effect].label.in(lang) + " – " + (sv ? "styrka " : "strength ") + fixed(took.strength * 100, 0) +
                      " %" + (took.timeliness >= 0.999 ? (sv ? ", i god tid" : ", in good time") : (sv ? ", försvagad: kom sent" : ", weakened: came late"));
        }
        c.measures.push_back({engine::formatElapsed(d.t), words.actor(d.by).in(lang),
                              d.forum.empty() ? (sv ? "ensam" : "alone") : words.forum(d.forum).in(lang),
                              d.measure.empty() ? (sv ? "information" : "information") : words.measure(d.measure).in(lang),
                              d.measure.empty() ? "–" : words.measureArgs(d.measure, d.args).in(lang),
                              std::to_string(d.carriedOut) + " / " + std::to_string(d.actors), effect});
    }
}

}  // namespace

ReportContent buildReportContent(const exercise::Exercise& run, model::Lang lang) {
    ReportContent c;
    c.sv = lang == model::Lang::sv;
    const bool sv = c.sv;
    const auto& s = run.scenario();
    c.measured = measure(run);
    c.evaluation = evaluate(run);
    const auto& m = c.measured;
    const auto& ev = c.evaluation;
    c.title = (sv ? "Utvärdering efter övning: " : "After-action report: ") + s.title.in(lang);
    const auto* play = run.options().play ? &*run.options().play : s.play(run.playName());
    c.subtitle = (play != nullptr ? play->description.in(lang) : run.playName()) + " " + (sv ? "Frö " : "Seed ") +
                 std::to_string(run.seed()) + ", " + (sv ? "start " : "start ") + engine::formatIso(s.start) + ", " +
                 (sv ? "simulerad tid " : "simulated time ") + render::Renderer::duration(run.now()).in(lang) + ".";
    c.scoreLine = fixed(ev.score, 0);
    for (const auto& o : ev.objectives)
        c.objectives.push_back({std::to_string(c.objectives.size() + 1), o.text.in(lang), focusAreas(o.focus, lang), fixed(o.score, 0),
                                o.explanation.in(lang)});

    const auto row = [&](std::string label, std::string value) { c.metrics.push_back({std::move(label), std::move(value)}); };
    row(sv ? "Första signal" : "First signal", m.firstSignal < 0 ? "—" : engine::formatElapsed(m.firstSignal));
    for (const auto& a : m.activations) row((sv ? "Aktivering: " : "Activation: ") + a.label.in(lang), timingText(a, sv));
    row(sv ? "Första samordnade beslut" : "First coordinated decision", timingText(m.firstCoordinatedDecision, sv));
    row(sv ? "Gemensamt budskap till allmänheten" : "Joint public message", timingText(m.firstJointMessage, sv));
    for (const auto& d : m.decisions) row((sv ? "Beslut '" : "Decision '") + d.id + "'", timingText(d, sv));
    if (m.pictureAgeMeanHours >= 0)
        row(sv ? "Samlade lägesbilder; ålder medel / max" : "Joint situational pictures; age mean / max",
            std::to_string(m.pictures) + "; " + fixed(m.pictureAgeMeanHours, 1) + " h / " + fixed(m.pictureAgeMaxHours, 1) + " h");
    if (m.pictures > 0) {
        row(sv ? "Rapporter till forum: lämnade / uteblivna" : "Reports to forums: made / missed",
            std::to_string(m.reportsMade) + " / " + std::to_string(m.reportsMissed));
        // Per service: how old and how wrong what the pictures knew was when they were compiled.
        for (const auto& sp : m.servicePictures)
            row((sv ? "Lägesbild, " : "Picture, ") + sp.name.in(lang) + (sv ? ": ålder medel / max; fel medel / max" : ": age mean / max; error mean / max"),
                sp.known == 0 ? (sv ? "aldrig rapporterad" : "never reported")
                              : fixed(sp.ageMeanHours, 1) + " h / " + fixed(sp.ageMaxHours, 1) + " h; " + fixed(sp.errorMean, 2) + " / " +
                                    fixed(sp.errorMax, 2) + " (" + std::to_string(sp.known) + " / " + std::to_string(sp.pictures) + ")");
    }
    row(sv ? "Budskap till allmänheten (varav gemensamma)" : "Public messages (of which joint)",
        std::to_string(m.publicMessages) + " (" + std::to_string(m.jointMessages) + ")");
    row(sv ? "Samordnade beslut / egna beslut" : "Coordinated / own decisions",
        std::to_string(m.coordinatedDecisions) + " / " + std::to_string(m.ownDecisions));
    row(sv ? "Dubbelarbete: samma fråga löst på flera håll (R15)" : "Duplicated work: the same question settled separately (R15)",
        std::to_string(m.duplicatedDecisions));
    row(sv ? "Kontaktytor: bilaterala / i forum (R15)" : "Contact surfaces: bilateral / in forums (R15)",
        std::to_string(m.bilateralContacts) + " / " + std::to_string(m.forumContacts));
    int present = 0;
    for (const auto& p : m.affected) present += p.joined >= 0 ? 1 : 0;
    row(sv ? "Berörda aktörer i aktiverat forum" : "Affected actors in an activated forum",
        std::to_string(present) + " / " + std::to_string(m.affected.size()));
    if (!m.implementations.empty()) {
        const auto last = *std::max_element(m.implementations.begin(), m.implementations.end(),
                                            [](const Timing& a, const Timing& b) { return a.at < b.at; });
        row(sv ? "Samordnade beslut genomförda i egen organisation (R10)" : "Coordinated decisions carried out in own organisations (R10)",
            std::to_string(m.implementations.size()) + (sv ? " aktörer, sist " : " actors, last ") + timingText(last, sv) + " (" +
                last.label.in(lang) + ")");
    }
    for (const auto& o : m.outcomes) c.outcomes.push_back({o.name.in(lang), fixed(o.value, 0), render::Renderer::unit(o.unit).in(lang)});
    addMeasures(run, lang, c);

    for (const auto& f : ev.findings) {
        const std::string line = f.text.in(lang) + cites(f.entries, sv);
        if (f.status == Status::onTime) {
            c.strengths.push_back(line);
            continue;
        }
        c.improvements.push_back(line);
        const auto [action, owner] = correctiveAction(run, f, sv);
        c.plan.push_back({render::Renderer::focusArea(f.focus.empty() ? "samverkan" : f.focus.front()).in(lang), f.text.in(lang), action, owner,
                          cites(f.entries, sv)});
    }
    if (m.jointMessages > 0)
        c.strengths.push_back(sv ? "Ett gemensamt budskap gick ut genom forum i stället för separata budskap."
                                 : "One joint message went out through a forum instead of separate messages.");
    if (m.duplicatedDecisions > 0)
        c.improvements.push_back(
            sv ? std::to_string(m.duplicatedDecisions) +
                     " beslut eller prioriteringar löste en fråga (samma åtgärd eller prioriteringslista) som redan lösts på annat håll: dubbelarbete som en gemensam lösning i forum hade sparat (R15)."
               : std::to_string(m.duplicatedDecisions) +
                     " decisions or priority orders settled a question (the same measure or priority list) already settled elsewhere: duplicated work that one joint solution in a forum would have saved (R15).");
    if (m.bilateralContacts > m.forumContacts)
        c.improvements.push_back(sv ? "Fler bilaterala kontakter (" + std::to_string(m.bilateralContacts) + ") än kontakter i forum (" +
                                          std::to_string(m.forumContacts) + "): samma fråga hanterades parallellt (R15)."
                                    : "More bilateral contacts (" + std::to_string(m.bilateralContacts) + ") than contacts in forums (" +
                                          std::to_string(m.forumContacts) + "): the same question was handled in parallel (R15).");

    for (const auto& d : s.region.convening)
        c.parameters.push_back({(sv ? "Sammankallande, " : "Convening, ") + d.medium,
                                engine::formatDuration(d.min) + "–" + engine::formatDuration(d.max), d.source});
    if (s.world) {
        const auto& w = *s.world;
        for (const auto& h : w.hazards) {
            if (h.kind != world::HazardKind::generated) {
                double peak = 0;
                for (const double v : h.values) peak = std::max(peak, v);
                const std::string hoursText = std::to_string(h.values.size()) + (sv ? " steg à " : " steps of ") + engine::formatDuration(h.step);
                c.parameters.push_back({h.name.in(lang) + (h.kind == world::HazardKind::series ? (sv ? ": observerad serie" : ": observed series")
                                                                                                 : (sv ? ": prognos" : ": forecast")),
                                        hoursText + (sv ? ", högst " : ", at most ") + fixed(peak, 1) + " " + h.unit +
                                            (h.seriesFile.empty() ? std::string() : " (" + h.seriesFile + ")"),
                                        h.seriesSource});
                if (h.kind == world::HazardKind::forecast) {
                    c.parameters.push_back({h.name.in(lang) + (sv ? ": förskjutning" : ": shift"),
                                            fixed(h.shiftHours.value, 1) + " h ± " + fixed(h.shiftHours.spread, 1), h.shiftHours.source});
                    c.parameters.push_back({h.name.in(lang) + (sv ? ": skala" : ": scale"),
                                            fixed(h.scale.value, 2) + " ± " + fixed(h.scale.spread, 2), h.scale.source});
                }
                continue;
            }
            c.parameters.push_back({h.name.in(lang) + (sv ? ": början" : ": onset"),
                                    fixed(h.onsetHours.value, 1) + " h ± " + fixed(h.onsetHours.spread, 1), h.onsetHours.source});
            c.parameters.push_back({h.name.in(lang) + (sv ? ": topp" : ": peak"), fixed(h.peak.value, 1) + " " + h.unit + " ± " + fixed(h.peak.spread, 1), h.peak.source});
            c.parameters.push_back({h.name.in(lang) + (sv ? ": varaktighet" : ": duration"),
                                    fixed(h.durationHours.value, 1) + " h ± " + fixed(h.durationHours.spread, 1), h.durationHours.source});
        }
        for (const auto& p : w.profiles) c.parameters.push_back({(sv ? "Efterfrågeprofil: " : "Demand profile: ") + p.name.in(lang), sv ? "per timme och veckodag" : "per hour and day of the week", p.source});
        for (const auto& d : w.demands) c.parameters.push_back({d.name.in(lang), fixed(d.base.value, 0) + " " + d.unit, d.base.source});
        for (const auto& r : w.resources) c.parameters.push_back({r.name.in(lang), fixed(r.capacity.value, 0), r.capacity.source});
        for (const auto& sv2 : w.services) {
            for (const auto& e : sv2.exposures) {
                const auto* hz = model::findById(w.hazards, e.hazard);
                const std::string unit = hz != nullptr ? hz->unit : std::string();
                c.parameters.push_back({sv2.name.in(lang) + (sv ? ": känslighet för " : ": sensitivity to ") + (hz != nullptr ? hz->name.in(lang) : e.hazard),
                                        fixed(e.sensitivity.value, 2) + " /h per " + unit +
                                            (e.above.value > 0 ? (sv ? " över " : " above ") + fixed(e.above.value, 1) + " " + unit : std::string()),
                                        e.sensitivity.source});
            }
            if (!sv2.resource.empty())
                c.parameters.push_back({sv2.name.in(lang) + (sv ? ": återhämtning" : ": recovery"), fixed(sv2.recovery.value, 2) + " /h", sv2.recovery.source});
            for (const auto& b : sv2.blockedBy) {
                const auto* demand = model::findById(w.demands, b.demand);
                c.parameters.push_back({sv2.name.in(lang) + (sv ? ": blockeras av " : ": blocked by ") +
                                            (demand != nullptr ? demand->name.in(lang) : b.demand),
                                        fixed(b.weight.value, 2), b.weight.source});
            }
        }
        for (const auto& e : w.effects) c.parameters.push_back({e.label.in(lang), sv ? "effekt" : "effect", e.source});
    }
    return c;
}

}  // namespace samverkan::eval
