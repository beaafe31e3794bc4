// A validation case (`base:`) and the turning points observed in a real event (`observed:`), with
// what the model does not reproduce (`not_reproduced:`).
#include <algorithm>

#include "sim/scenario/InputFile.hpp"
#include "sim/scenario/WorldReading.hpp"

#include "sim/model/Names.hpp"
#include "sim/scenario/ScenarioReading.hpp"

namespace samverkan::scenario {

namespace {

// "2022-11-19T17:00+01:00" or an offset from the start such as "+5h" or "-2h".
std::optional<Millis> timeOf(YamlDocument& doc, const YAML::Node& node, const Scenario& s, const std::string& what) {
    const auto text = doc.scalar(node, what);
    if (!text) return std::nullopt;
    if (!text->empty() && (text->front() == '+' || text->front() == '-')) return doc.offset(node, what);
    if (const auto t = engine::parseIsoTime(*text)) return t->epochMs - s.start.epochMs;
    doc.error(node, what + " must be a date and time with offset like \"2022-11-19T17:00+01:00\" or an offset such as +5h; got \"" +
                        *text + "\"");
    return std::nullopt;
}

}  // namespace

std::vector<TurningPoint> readTurningPoints(YamlDocument& doc, const YAML::Node& node, const Scenario& s) {
    std::vector<std::string> services;
    if (s.world)
        for (const auto& svc : s.world->services) services.push_back(svc.id);
    IdSet ids("turning point");
    if (!node.IsSequence()) {
        doc.error(node, "observed must be a list of turning points");
        return {};
    }
    return readList<TurningPoint>(doc, node, "turning point", [&](MapView& m, const YAML::Node& item) {
        TurningPoint p;
        p.id = idOf(doc, m);
        ids.add(doc, item, p.id);
        p.where = {item.Mark().line + 1, item.Mark().column + 1};
        p.text = textOf(doc, m, "text");
        p.source = stringOf(doc, m, "source", true);
        if (auto v = m.get("milestone")) {
            static const std::vector<std::string> kMilestones{"verified", "first-information", "informed-all", "first-conference"};
            p.kind = TurningPoint::Kind::milestone;
            p.milestone = doc.scalar(*v, "milestone").value_or("");
            if (std::find(kMilestones.begin(), kMilestones.end(), p.milestone) == kMilestones.end())
                doc.error(*v, "unknown milestone '" + p.milestone + "'; one of verified, first-information, informed-all, first-conference" +
                                  model::didYouMean(p.milestone, kMilestones));
            if (auto a = m.require("after_signal")) {
                p.at = doc.duration(*a, "after_signal").value_or(0);
                if (p.at > s.duration) doc.error(*a, "after_signal lies after the end of the case");
            }
            if (auto t = m.require("tolerance"))
                if (const auto d = doc.duration(*t, "tolerance")) {
                    p.tolerance = *d;
                    if (p.tolerance <= 0) doc.error(*t, "tolerance must be longer than 0");
                }
            if (auto x = m.get("service")) doc.error(*x, "a milestone is a step of the alerting chain, not a service's level");
            return p;
        }
        if (auto v = m.require("service")) {
            p.service = doc.scalar(*v, "service").value_or("");
            if (!p.service.empty() && std::find(services.begin(), services.end(), p.service) == services.end())
                doc.error(*v, "unknown service '" + p.service + "'" + model::didYouMean(p.service, services));
        }
        static constexpr std::pair<const char*, TurningPoint::Kind> kKinds[] = {
            {"falls_below", TurningPoint::Kind::fallsBelow},
            {"rises_above", TurningPoint::Kind::risesAbove},
            {"stays_above", TurningPoint::Kind::staysAbove},
            {"stays_below", TurningPoint::Kind::staysBelow},
        };
        int given = 0;
        YAML::Node levelNode;
        for (const auto& [key, kind] : kKinds)
            if (auto v = m.get(key)) {
                ++given;
                p.kind = kind;
                levelNode = *v;
                if (const auto x = readNumber(doc, *v, key)) {
                    p.level = *x;
                    if (*x < 0 || *x > 1) doc.error(*v, std::string(key) + " is a service's level, from 0 to 1; got " + v->Scalar());
                }
            }
        if (given != 1) {
            doc.error(item, "a turning point gives exactly one of falls_below, rises_above, stays_above or stays_below (or a milestone)");
            for (const auto* key : {"at", "tolerance", "from", "to"}) m.get(key);  // read, so not reported as unknown too
            return p;
        }
        const bool stays = p.kind == TurningPoint::Kind::staysAbove || p.kind == TurningPoint::Kind::staysBelow;
        if (stays) {
            auto from = m.require("from");
            auto to = m.require("to");
            if (from) p.from = timeOf(doc, *from, s, "from").value_or(0);
            if (to) p.to = timeOf(doc, *to, s, "to").value_or(0);
            if (from && to && p.to <= p.from) doc.error(*to, "'to' must come after 'from'");
            if (to && p.to > s.duration) doc.error(*to, "'to' lies after the end of the case");
            if (from && p.from < 0) doc.error(*from, "'from' lies before the start of the case");
        } else {
            if (auto v = m.require("at")) {
                p.at = timeOf(doc, *v, s, "at").value_or(0);
                if (p.at < 0 || p.at > s.duration) doc.error(*v, "'at' lies outside the case (from its start to its end)");
            }
            if (auto v = m.require("tolerance"))
                if (const auto d = doc.duration(*v, "tolerance")) {
                    p.tolerance = *d;
                    if (p.tolerance <= 0) doc.error(*v, "tolerance must be longer than 0");
                }
        }
        return p;
    });
}

void readObserved(YamlDocument& doc, MapView& map, Scenario& s) {
    if (auto v = map.get("observed")) s.observed = readTurningPoints(doc, *v, s);
    if (auto v = map.get("not_reproduced")) {
        if (!v->IsSequence()) doc.error(*v, "not_reproduced must be a list of texts");
        else
            for (const auto& t : *v)
                if (auto text = doc.text(t, "not_reproduced")) s.notReproduced.push_back(*text);
    }
    if (auto v = map.get("runs")) {
        s.checkPlay = doc.scalar(*v, "runs").value_or("reference");
        if (!s.knowsPlay(s.checkPlay) || s.checkPlay == "none")
            doc.error(*v, "runs names the play check-events holds against the observed turning points: one of the case's plays or doctrine; got '" +
                              s.checkPlay + "'");
        if (s.observed.empty()) doc.error(*v, "'runs' goes with 'observed'");
    }
}

// The scenario that a case (`base:`) or an areas variant (`areas_of:`) builds on, read once,
// bounded and only from a regular file: what is wrong in finding it is said at `key`, what is wrong
// in it against its own file. Nothing built on a scenario builds on another such file.
std::optional<Scenario> readBaseScenario(YamlDocument& doc, const YAML::Node& refNode, const char* key, const std::string& path,
                                         const Limits& limits, int depth, Loaded<Scenario>& result, const LoadBase& loadBase) {
    const auto ref = doc.scalar(refNode, key);
    if (!ref) return std::nullopt;
    const bool isCase = std::string_view(key) == "base";
    const std::string basePath = scenarioRelativePath(path, *ref);
    if (!pathExists(basePath)) {
        doc.error(refNode, std::string(isCase ? "base scenario '" : "scenario '") + *ref + "' not found (looked in " + basePath + ")");
        return std::nullopt;
    }
    if (depth > 0) {
        doc.error(refNode, isCase ? std::string("a case's base is a scenario, not another case")
                                  : std::string("'") + key + "' names a scenario, not a file built on another");
        return std::nullopt;
    }
    std::string baseText, readError;
    if (!readInputFile(basePath, limits.maxFileBytes, baseText, readError)) {
        doc.error(refNode, std::string(isCase ? "base scenario '" : "scenario '") + *ref + "': " + readError);
        return std::nullopt;
    }
    // A scenario that itself builds on another is named here, rather than in it.
    for (std::size_t at = 0; at < baseText.size();) {
        for (const auto* other : {"base:", "areas_of:"})
            if (baseText.compare(at, std::char_traits<char>::length(other), other) == 0) {
                doc.error(refNode, isCase && std::string_view(other) == "base:"
                                       ? "'" + *ref + "' is itself a case; a case's base is a scenario, not another case"
                                       : "'" + *ref + "' itself builds on another scenario ('" + std::string(other) +
                                             "'); name the scenario it builds on");
                return std::nullopt;
            }
        const auto next = baseText.find('\n', at);
        if (next == std::string::npos) break;
        at = next + 1;
    }
    auto base = loadBase(basePath, baseText, limits, depth + 1);
    result.diagnostics.insert(result.diagnostics.end(), base.diagnostics.begin(), base.diagnostics.end());
    if (!base.ok()) return std::nullopt;
    auto s = std::move(*base.value);
    s.baseFile = basePath;
    return s;
}

// A validation case (`base: ../snowstorm.yaml`): the base scenario's region, world, measures and
// doctrine — one parameter set for every case — with the case's own id, dates, observed weather
// (hazards replaced by id), injects, plays and turning points. Problems in the base are reported
// against the base's file; the case may change nothing else.
void readCase(YamlDocument& doc, MapView& map, const YAML::Node& baseNode, const std::string& path, const Limits& limits,
              int depth, Loaded<Scenario>& result, const LoadBase& loadBase) {
    for (const auto* key : {"region", "world", "measures", "behaviour", "forums", "frames", "reporting", "variants", "objectives",
                            "decision_points"})
        if (auto v = map.get(key))
            doc.error(*v, std::string("'") + key + "' comes from the base scenario: a case gives its own id, title, start, duration, "
                                                   "seed, hazards, injects, plays and observed turning points, nothing else");
    auto base = readBaseScenario(doc, baseNode, "base", path, limits, depth, result, loadBase);
    if (!base) return;
    Scenario s = std::move(*base);
    s.file = path;
    if (auto v = map.require("id")) s.id = doc.identifier(*v, "id").value_or("");
    if (auto v = map.require("title")) s.title = doc.text(*v, "title").value_or(Text{});
    s.summary = {};
    if (auto v = map.get("summary")) s.summary = doc.text(*v, "summary").value_or(Text{});
    if (auto v = map.require("start")) {
        const std::string text = doc.scalar(*v, "start").value_or("");
        if (const auto t = engine::parseIsoTime(text)) s.start = *t;
        else doc.error(*v, "start must be an ISO 8601 time with offset like \"2026-01-14T06:00+01:00\"; got \"" + text + "\"");
        if (s.world) {
            const std::int64_t local = s.start.epochMs + s.start.offsetMinutes * engine::kMinute;
            const std::int64_t week = 7 * engine::kDay;
            s.world->startSinceMonday = (((local + 3 * engine::kDay) % week) + week) % week;
        }
    }
    if (auto v = map.require("duration")) s.duration = doc.duration(*v, "duration").value_or(0);
    if (auto v = map.get("seed")) s.seed = static_cast<std::uint64_t>(doc.integer(*v, "seed", 0, INT64_MAX).value_or(0));
    if (auto v = map.get("hazards"); v && s.world) {
        IdSet ids("hazard");
        readList<int>(doc, *v, "hazard", [&](MapView& m, const YAML::Node& item) {
            if (auto a = m.get("areas")) doc.error(*a, "a case keeps the base's areas of a hazard; give only its course over time");
            auto h = worldfields::readHazard(doc, m, item, s, ids);
            auto& all = s.world->hazards;
            const auto found = std::find_if(all.begin(), all.end(), [&](const world::HazardSpec& x) { return x.id == h.id; });
            if (found == all.end()) {
                doc.error(item, "the base has no hazard '" + h.id + "'" + model::didYouMean(h.id, worldfields::idsOf(all)));
                return 0;
            }
            h.areas = std::move(found->areas);
            *found = std::move(h);
            return 0;
        });
    }
    if (auto v = map.get("injects")) {
        s.injects.clear();
        readCaseInjects(doc, *v, s);
        // The base's doctrine waits for injects by id: the case must give them.
        for (const auto& r : s.behaviour)
            if (r.when.kind == protocol::Kind::inject && !r.when.ref.empty() && s.inject(r.when.ref) == nullptr)
                doc.error(*v, "the base's doctrine rule '" + r.id + "' waits for inject '" + r.when.ref + "'; give an inject with that id");
        for (const auto& p : s.decisionPoints)
            if (p.when.kind == protocol::Kind::inject && !p.when.ref.empty() && s.inject(p.when.ref) == nullptr)
                doc.error(*v, "the base's decision point '" + p.id + "' waits for inject '" + p.when.ref + "'; give an inject with that id");
    }
    s.plays.clear();  // the base's plays are timed to its own injects; doctrine runs without plays
    if (auto v = map.get("plays")) readPlays(doc, *v, s, "plays needs a 'reference' play: what the actors did");
    readObserved(doc, map, s);
    if (!s.observed.empty() && !s.knowsPlay(s.checkPlay))
        doc.error(doc.root(), "the case's turning points are held against its 'reference' play: give plays: reference (what the actors did), or runs: doctrine");
    map.finish();
    if (s.duration <= 0 && result.diagnostics.empty()) doc.error(doc.root()["duration"], "duration must be longer than 0");
    if (result.diagnostics.empty()) checkBaseDecisionPoints(doc, map.get("plays").value_or(baseNode), s);
    if (result.diagnostics.empty()) checkTriggers(doc, s);
    if (result.diagnostics.empty()) checkWork(doc, s, limits);
    sortDiagnostics(result.diagnostics);
    if (result.diagnostics.empty()) result.value = std::move(s);
}

}  // namespace samverkan::scenario
