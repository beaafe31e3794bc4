// A validation case's observed turning points (`observed:`) and what the model does not reproduce
// (`not_reproduced:`).
#include <algorithm>

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

}  // namespace samverkan::scenario
