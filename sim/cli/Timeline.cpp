#include "sim/cli/Timeline.hpp"

#include <nlohmann/json.hpp>

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

}  // namespace

void printTimeline(std::ostream& out, const exercise::Exercise& run, model::Lang lang) {
    const auto& scenario = run.scenario();
    const auto& region = scenario.region;
    out << scenario.title.in(lang) << " — " << (lang == model::Lang::sv ? "spel" : "play") << " '"
        << run.options().playName << "', seed " << run.seed() << "\n";
    for (const auto& e : run.journal().entries()) {
        if (e.kind == "command" && e.data.find("\"source\":\"play\"") != std::string::npos) continue;
        if (e.kind == "command" && e.data.find("\"source\":\"decision-point\"") != std::string::npos) continue;
        std::string text = e.text.in(lang);
        if (e.kind == "command") text = (lang == model::Lang::sv ? "kommando " : "command ") + e.data;
        if (e.kind == "rejected") text = (lang == model::Lang::sv ? "AVVISAT: " : "REJECTED: ") + text;
        if (e.kind == "public-message") text = (lang == model::Lang::sv ? "Budskap till allmänheten: " : "Public message: ") + text;
        if (e.kind == "decision-agreed") text = (lang == model::Lang::sv ? "Beslut: " : "Decision: ") + text;
        if (e.kind == "own-decision") text = (lang == model::Lang::sv ? "Eget beslut: " : "Own decision: ") + text;
        if (e.kind == "inject") text = (lang == model::Lang::sv ? "Inspel: " : "Inject: ") + text;
        out << engine::formatClock(scenario.start, e.t) << "  " << pad(engine::formatElapsed(e.t), 9) << " "
            << pad(e.actor.empty() ? "" : displayName(region, e.actor, lang), 28) << " "
            << pad(e.forum.empty() ? "" : "[" + forumName(region, e.forum, lang) + "]", 34) << " " << text << "\n";
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
    ordered_json journal = ordered_json::array();
    for (const auto& e : run.journal().entries()) journal.push_back(ordered_json::parse(protocol::toJsonLine(e)));
    doc["journal"] = journal;
    out << doc.dump(2) << "\n";
}

}  // namespace samverkan::cli
