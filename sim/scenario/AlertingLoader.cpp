// Region files: the functions on call in each organisation and the alerting chain that wakes them.
#include <algorithm>

#include "sim/model/Names.hpp"
#include "sim/scenario/ScenarioReading.hpp"

namespace samverkan::scenario {
namespace {

const std::vector<std::string> kDuties{"verify", "alert", "inform"};

// `answer: 5min` or `answer: {min: 2min, max: 5min}`.
void readAnswer(YamlDocument& doc, const YAML::Node& node, const std::string& what, model::OnCallRole& role) {
    if (node.IsScalar()) {
        role.answerMin = role.answerMax = doc.duration(node, what).value_or(0);
        return;
    }
    MapView m(doc, node, what);
    if (!m.ok()) return;
    if (auto v = m.require("min")) role.answerMin = doc.duration(*v, "min").value_or(0);
    if (auto v = m.require("max")) role.answerMax = doc.duration(*v, "max").value_or(0);
    m.finish();
    if (role.answerMax < role.answerMin) doc.error(node, what + ": max is shorter than min");
}

// `information: 15min` or `information: {min: 15min, max: 20min}`.
void readSpan(YamlDocument& doc, const YAML::Node& node, const std::string& what, engine::Millis& lo, engine::Millis& hi) {
    if (node.IsScalar()) {
        lo = hi = doc.duration(node, what).value_or(-1);
        return;
    }
    MapView m(doc, node, what);
    if (!m.ok()) return;
    if (auto v = m.require("min")) lo = doc.duration(*v, "min").value_or(-1);
    if (auto v = m.require("max")) hi = doc.duration(*v, "max").value_or(-1);
    m.finish();
    if (hi < lo) doc.error(node, what + ": max is shorter than min");
}

}  // namespace

void readOnCall(YamlDocument& doc, const YAML::Node& node, model::Region& region) {
    std::vector<std::string> names = region.actorIds();
    for (const auto& g : region.groups) names.push_back(g.id);
    IdSet ids("on-call role");
    readList<int>(doc, node, "on_call", [&](MapView& map, const YAML::Node& item) {
        model::OnCallRole role;
        if (auto v = map.require("id")) role.id = doc.identifier(*v, "on-call role id").value_or("");
        ids.add(doc, item, role.id);
        const std::string what = "on-call role '" + role.id + "'";
        if (auto v = map.require("function")) role.function = doc.text(*v, "function").value_or(model::Text{});
        if (auto v = map.get("duties")) {
            const auto duties = doc.stringList(*v, "duties");
            checkRepeats(doc, *v, what + ": duties", duties);
            for (std::size_t i = 0; i < duties.size(); ++i) {
                const auto it = std::find(kDuties.begin(), kDuties.end(), duties[i]);
                if (it == kDuties.end())
                    doc.error(v->IsSequence() ? (*v)[i] : *v, "unknown duty '" + duties[i] + "' for " + what +
                                                                  "; the duties are verify, alert, inform" +
                                                                  model::didYouMean(duties[i], kDuties));
                else role.duties.push_back(static_cast<model::Duty>(it - kDuties.begin()));
            }
        }
        if (auto v = map.get("mandate")) {
            role.mandate = doc.stringList(*v, "mandate");
            for (std::size_t i = 0; i < role.mandate.size(); ++i)
                if (std::find(region.topics.begin(), region.topics.end(), role.mandate[i]) == region.topics.end())
                    doc.error(v->IsSequence() ? (*v)[i] : *v, "unknown topic '" + role.mandate[i] + "' in the mandate of " + what +
                                                                  model::didYouMean(role.mandate[i], region.topics));
        }
        if (auto v = map.require("answer")) readAnswer(doc, *v, what + ": answer", role);
        if (auto v = map.require("source")) role.source = doc.scalar(*v, "source").value_or("");
        // Who has the function: actors and groups; none named: every actor of the region.
        std::vector<model::ActorIndex> holders;
        if (auto v = map.get("actors")) {
            const auto named = doc.stringList(*v, "actors");
            if (v->IsSequence() && named.empty()) doc.error(*v, what + ": 'actors' names nobody; leave it out to mean every actor");
            for (std::size_t i = 0; i < named.size(); ++i) {
                const auto* g = region.group(named[i]);
                const auto a = region.actorIndex(named[i]);
                if (g == nullptr && a == model::kNone) {
                    doc.error(v->IsSequence() ? (*v)[i] : *v,
                              "unknown actor or group '" + named[i] + "' in " + what + model::didYouMean(named[i], names));
                    continue;
                }
                if (g == nullptr) holders.push_back(a);
                else
                    for (const auto& m : g->members)
                        if (region.actorIndex(m) != model::kNone) holders.push_back(region.actorIndex(m));
            }
        } else {
            for (model::ActorIndex a = 0; a < region.actors.size(); ++a) holders.push_back(a);
        }
        // `except`: actors of those named (or of every actor) that have the function in another form.
        if (auto v = map.get("except")) {
            const auto named = doc.stringList(*v, "except");
            for (std::size_t i = 0; i < named.size(); ++i) {
                const auto a = region.actorIndex(named[i]);
                if (a == model::kNone || std::find(holders.begin(), holders.end(), a) == holders.end())
                    doc.error(v->IsSequence() ? (*v)[i] : *v, what + ": 'except' names '" + named[i] + "', which is not among its actors");
                std::erase(holders, a);
            }
        }
        for (const auto a : holders)
            if (region.actors[a].onCallRole(role.id) == nullptr) region.actors[a].onCall.push_back(role);
        return 0;
    });
}

void readAlerting(YamlDocument& doc, const YAML::Node& node, model::Region& region) {
    MapView map(doc, node, "alerting");
    if (!map.ok()) return;
    model::Alerting alerting;
    const auto ids = region.actorIds();
    if (auto v = map.require("alarm_centre")) {
        alerting.alarmCentre = doc.scalar(*v, "alarm_centre").value_or("");
        const auto a = region.actorIndex(alerting.alarmCentre);
        if (a == model::kNone)
            doc.error(*v, "alarm_centre '" + alerting.alarmCentre + "' is not an actor" + model::didYouMean(alerting.alarmCentre, ids));
        else if (region.actors[a].onCallWith(model::Duty::alert) == nullptr)
            doc.error(*v, "alarm_centre '" + alerting.alarmCentre + "' has no on-call role with the duty 'alert'");
    }
    if (auto v = map.require("duty_officer")) {
        alerting.dutyOfficer = doc.scalar(*v, "duty_officer").value_or("");
        const auto c = region.actorIndex(region.convener);
        if (c != model::kNone) {
            const auto* role = region.actors[c].onCallRole(alerting.dutyOfficer);
            if (role == nullptr)
                doc.error(*v, "duty_officer '" + alerting.dutyOfficer + "' is not an on-call role of the convener '" + region.convener + "'");
            else
                for (const auto d : {model::Duty::verify, model::Duty::alert, model::Duty::inform})
                    if (!role->has(d))
                        doc.error(*v, "duty_officer '" + alerting.dutyOfficer + "' lacks the duty '" + model::dutyName(d) +
                                          "'; the duty officer verifies, alerts and informs");
        }
    }
    if (auto v = map.require("source")) alerting.source = doc.scalar(*v, "source").value_or("");
    if (auto v = map.get("benchmarks")) {
        IdSet seen("benchmark");
        alerting.benchmarks = readList<model::AlertingBenchmark>(doc, *v, "alerting.benchmarks", [&](MapView& m, const YAML::Node& item) {
            model::AlertingBenchmark b;
            if (auto x = m.require("id")) b.id = doc.identifier(*x, "benchmark id").value_or("");
            seen.add(doc, item, b.id);
            if (auto x = m.require("name")) b.name = doc.text(*x, "name").value_or(model::Text{});
            if (auto x = m.get("information")) readSpan(doc, *x, "benchmark '" + b.id + "': information", b.informationMin, b.informationMax);
            if (auto x = m.get("conference")) b.conference = doc.duration(*x, "conference").value_or(-1);
            if (auto x = m.require("source")) b.source = doc.scalar(*x, "source").value_or("");
            if (b.informationMin < 0 && b.conference < 0)
                doc.error(item, "benchmark '" + b.id + "' gives neither 'information' nor 'conference'");
            return b;
        });
    }
    map.finish();
    region.alerting = std::move(alerting);
}

}  // namespace samverkan::scenario
