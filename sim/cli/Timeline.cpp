#include "sim/cli/Timeline.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace samverkan::cli {
namespace {

std::string displayName(const model::Region& region, const std::string& actorId, model::Lang lang) {
    if (actorId == protocol::kControl) return lang == model::Lang::sv ? "Övningsledningen" : "Exercise control";
    const auto a = region.actorIndex(actorId);
    return a == model::kNone ? actorId : region.actors[a].name.in(lang);
}

std::string forumName(const model::Region& region, const std::string& forumId, model::Lang lang) {
    const auto f = region.forumIndex(forumId);
    return f == model::kNone ? forumId : region.forums[f].name.in(lang);
}

// Pads to a width in characters (UTF-8 aware), so columns line up with å, ä, ö.
std::string pad(const std::string& s, std::size_t width) {
    std::size_t chars = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;
    return chars >= width ? s : s + std::string(width - chars, ' ');
}

// Prefixes that tell a reader what kind of line it is.
std::string prefixFor(const std::string& kind, model::Lang lang) {
    const bool sv = lang == model::Lang::sv;
    if (kind == "rejected") return sv ? "AVVISAT: " : "REJECTED: ";
    if (kind == "public-message") return sv ? "Budskap till allmänheten: " : "Public message: ";
    if (kind == "decision-agreed") return sv ? "Beslut: " : "Decision: ";
    if (kind == "decision-proposed") return sv ? "Förslag till beslut: " : "Proposed decision: ";
    if (kind == "own-decision") return sv ? "Eget beslut: " : "Own decision: ";
    if (kind == "inject") return sv ? "Inspel: " : "Inject: ";
    if (kind == "report") return sv ? "Rapport: " : "Report: ";
    if (kind == "contact") return sv ? "Bilateral kontakt: " : "Bilateral contact: ";
    if (kind == "decision-point") return sv ? "Beslutspunkt: " : "Decision point: ";
    if (kind == "decision-answered") return sv ? "Svar: " : "Answer: ";
    return {};
}

bool fromPlay(const protocol::JournalEntry& e) {
    return e.kind == "command" && (e.data.find("\"source\":\"play\"") != std::string::npos ||
                                   e.data.find("\"source\":\"decision-point\"") != std::string::npos);
}

}  // namespace

void printTimeline(std::ostream& out, const exercise::Exercise& run, model::Lang lang) {
    const auto& scenario = run.scenario();
    const auto& region = scenario.region;
    const auto& entries = run.journal().entries();
    out << scenario.title.in(lang) << " — " << (lang == model::Lang::sv ? "spel" : "play") << " '"
        << run.options().playName << "', seed " << run.seed() << "\n";
    auto line = [&](const protocol::JournalEntry& e, const std::string& who, const std::string& text) {
        out << engine::formatClock(scenario.start, e.t) << "  " << pad(engine::formatElapsed(e.t), 9) << " " << pad(who, 31)
            << " " << pad(e.forum.empty() ? "" : "[" + forumName(region, e.forum, lang) + "]", 34) << " " << text << "\n";
    };
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        if (fromPlay(e)) continue;
        // Many actors carrying out one decision at once read better as one line.
        std::size_t same = i + 1;
        while (e.kind == "implemented" && same < entries.size() && entries[same].kind == e.kind && entries[same].t == e.t &&
               entries[same].ref == e.ref)
            ++same;
        if (same - i > 3) {
            std::string names;
            for (std::size_t k = i; k < same; ++k) names += (k == i ? "" : ", ") + displayName(region, entries[k].actor, lang);
            const std::string count = std::to_string(same - i);
            line(e, count + (lang == model::Lang::sv ? " aktörer" : " actors"),
                 (lang == model::Lang::sv ? "genomför beslutet '" : "carry out decision '") + e.ref +
                     (lang == model::Lang::sv ? "' i egen organisation (R10): " : "' in their own organisations (R10): ") + names);
            i = same - 1;
            continue;
        }
        std::string text = prefixFor(e.kind, lang) + e.text.in(lang);
        if (e.kind == "command") text = (lang == model::Lang::sv ? "kommando " : "command ") + e.data;
        line(e, e.actor.empty() ? "" : displayName(region, e.actor, lang), text);
    }
}

void printOutcomes(std::ostream& out, const exercise::Exercise& run, model::Lang lang) {
    const auto* w = run.world();
    if (w == nullptr) return;
    const bool sv = lang == model::Lang::sv;
    out << "\n" << (sv ? "Konsekvenser (verkligt läge, hela förloppet):" : "Consequences (true state, whole run):") << "\n";
    for (std::size_t h = 0; h < w->spec().hazards.size(); ++h) {
        const auto& spec = w->spec().hazards[h];
        const auto& d = w->drawn(h);
        char peak[32];
        std::snprintf(peak, sizeof peak, "%.1f", d.peak);
        out << "  " << spec.name.in(lang) << ": " << (sv ? "början " : "onset ") << engine::formatElapsed(d.onset) << ", "
            << (sv ? "topp " : "peak ") << peak << " " << spec.unit << ", " << (sv ? "varaktighet " : "duration ")
            << engine::formatDuration(d.duration) << "\n";
    }
    for (std::size_t o = 0; o < w->spec().outcomes.size(); ++o) {
        const auto& spec = w->spec().outcomes[o];
        char value[32];
        std::snprintf(value, sizeof value, "%.0f", w->outcome(o));
        out << "  " << pad(spec.name.in(lang), 44) << " " << value << " " << spec.unit << "\n";
    }
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
        if (e.kind == "meeting-opened" || e.kind == "activation-requested") key = e.kind + ":" + e.forum;
        else if (e.kind == "decision-agreed" || e.kind == "own-decision") key = "decision:" + e.ref;
        else if (e.kind == "public-message") key = "public-message";
        else continue;
        if (!milestones.contains(key)) milestones[key] = e.t;
    }
    doc["milestones"] = milestones;
    if (const auto* w = run.world()) {
        ordered_json world;
        ordered_json hazards = ordered_json::array();
        for (std::size_t h = 0; h < w->spec().hazards.size(); ++h)
            hazards.push_back({{"id", w->spec().hazards[h].id}, {"onset_ms", w->drawn(h).onset},
                               {"peak", w->drawn(h).peak}, {"duration_ms", w->drawn(h).duration}});
        world["hazards"] = hazards;
        ordered_json outcomes = ordered_json::object();
        for (std::size_t o = 0; o < w->spec().outcomes.size(); ++o) outcomes[w->spec().outcomes[o].id] = w->outcome(o);
        world["outcomes"] = outcomes;
        // Hourly samples of the true state, for plots.
        ordered_json series = ordered_json::array();
        for (std::size_t i = 0; i < w->samples(); ++i) {
            if (w->sampleTime(i) % engine::kHour != 0) continue;
            ordered_json sample;
            sample["t"] = w->sampleTime(i);
            for (std::size_t h = 0; h < w->spec().hazards.size(); ++h)
                sample[w->spec().hazards[h].id] = w->sampledIntensity(i, h);
            for (std::size_t sv = 0; sv < w->spec().services.size(); ++sv)
                sample[w->spec().services[sv].id] = std::round(w->sampledLevel(i, sv) * 1000.0) / 1000.0;
            series.push_back(sample);
        }
        world["series"] = series;
        doc["world"] = world;
    }
    ordered_json journal = ordered_json::array();
    for (const auto& e : run.journal().entries()) journal.push_back(ordered_json::parse(protocol::toJsonLine(e)));
    doc["journal"] = journal;
    out << doc.dump(2) << "\n";
}

}  // namespace samverkan::cli
