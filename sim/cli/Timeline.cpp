#include "sim/cli/Timeline.hpp"


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

}  // namespace

std::string pad(const std::string& s, std::size_t width) {
    std::size_t chars = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;
    return chars >= width ? s : s + std::string(width - chars, ' ');
}

namespace {

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

}  // namespace samverkan::cli
