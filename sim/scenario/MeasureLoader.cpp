// The top-level `measures:` list: what the roles can decide, with parameters and effects; and the
// municipalities' population weights that an `areas` parameter counts.
#include <algorithm>
#include <cmath>
#include "sim/scenario/InputFile.hpp"
#include <filesystem>

#include "sim/model/Names.hpp"
#include "sim/protocol/CommandFields.hpp"
#include "sim/scenario/ScenarioReading.hpp"

namespace samverkan::scenario {
namespace {

using model::MeasureParam;
using model::ParamKind;

bool contains(const std::vector<std::string>& items, const std::string& id) {
    return std::find(items.begin(), items.end(), id) != items.end();
}

std::vector<std::string> actorsAndGroups(const model::Region& region) {
    auto ids = region.actorIds();
    for (const auto& g : region.groups) ids.push_back(g.id);
    return ids;
}

// An id among `choices`, directly or as a member of a group there.
bool chosen(const std::string& id, const std::vector<std::string>& choices, const model::Region& region) {
    if (contains(choices, id)) return true;
    for (const auto& c : choices)
        if (const auto* g = region.group(c); g != nullptr && contains(g->members, id)) return true;
    return false;
}

std::string showNumber(double v, ParamKind kind) {
    if (kind == ParamKind::until)
        return engine::formatDuration(static_cast<Millis>(v * static_cast<double>(engine::kHour)));
    return protocol::formatNumber(v);
}

// A number, or a duration in hours for `until`.
std::optional<double> paramNumber(YamlDocument& doc, const YAML::Node& node, const std::string& what, ParamKind kind) {
    if (kind != ParamKind::until) return readNumber(doc, node, what);
    const auto d = doc.duration(node, what);
    if (!d) return std::nullopt;
    return static_cast<double>(*d) / static_cast<double>(engine::kHour);
}

MeasureParam readParam(YamlDocument& doc, MapView& m, const YAML::Node& item, const Scenario& s,
                       const WorldRefs& refs) {
    MeasureParam p;
    p.id = idOf(doc, m);
    p.name = textOf(doc, m, "name");
    if (auto v = m.get("explanation")) p.explanation = doc.text(*v, "explanation").value_or(Text{});
    if (auto v = m.require("kind")) {
        const std::string kind = doc.scalar(*v, "kind").value_or("");
        const auto& names = model::paramKindNames();
        const auto it = std::find(names.begin(), names.end(), kind);
        if (it == names.end()) {
            doc.error(*v, "unknown parameter kind '" + kind + "' (expected share, areas, until or order)" +
                              model::didYouMean(kind, names));
            return p;
        }
        p.kind = static_cast<ParamKind>(it - names.begin());
    }
    const std::string what = "parameter '" + p.id + "'";
    if (p.kind == ParamKind::share || p.kind == ParamKind::until) {
        if (p.kind == ParamKind::until) p.max = 1e6;
        if (auto v = m.get("min")) p.min = paramNumber(doc, *v, "min", p.kind).value_or(p.min);
        if (auto v = m.get("max")) p.max = paramNumber(doc, *v, "max", p.kind).value_or(p.max);
        p.defaultValue = p.max;
        if (auto v = p.kind == ParamKind::until ? m.require("default") : m.get("default"))
            p.defaultValue = paramNumber(doc, *v, "default", p.kind).value_or(p.defaultValue);
        const double top = p.kind == ParamKind::share ? 1.0 : 1e6;
        if (!(0 <= p.min && p.min <= p.defaultValue && p.defaultValue <= p.max && p.max <= top))
            doc.error(item, what + " needs 0 ≤ min ≤ default ≤ max" + (p.kind == ParamKind::share ? " ≤ 1" : "") +
                                "; got min " + showNumber(p.min, p.kind) + ", default " +
                                showNumber(p.defaultValue, p.kind) + ", max " + showNumber(p.max, p.kind));
        return p;
    }
    // areas and order: a list of items to choose from, and a default among them.
    if (auto v = m.require("choices")) {
        p.choices = doc.stringList(*v, "choices");
        checkRepeats(doc, *v, what + ": choices", p.choices);
        for (const auto& id : p.choices) {
            if (p.kind == ParamKind::areas && s.region.actorIndex(id) == model::kNone && s.region.group(id) == nullptr)
                doc.error(*v, what + ": unknown actor or group '" + id + "'" +
                                  model::didYouMean(id, actorsAndGroups(s.region)));
            if (p.kind == ParamKind::order && !contains(refs.services, id))
                doc.error(*v, what + ": unknown service '" + id + "'" + model::didYouMean(id, refs.services));
        }
    }
    if (auto v = m.require("default")) {
        p.defaultItems = doc.stringList(*v, "default");
        if (p.defaultItems.empty()) doc.error(*v, what + ": the default must name at least one item");
        for (std::size_t i = 0; i < p.defaultItems.size(); ++i) {
            const auto& id = p.defaultItems[i];
            if (!chosen(id, p.choices, s.region))
                doc.error(*v, what + ": the default names '" + id + "', which is not among its choices");
            if (std::find(p.defaultItems.begin(), p.defaultItems.begin() + static_cast<std::ptrdiff_t>(i), id) !=
                p.defaultItems.begin() + static_cast<std::ptrdiff_t>(i))
                doc.error(*v, what + ": the default names '" + id + "' twice");
        }
    }
    return p;
}

// `2h`, or `{default: 2h, stockholms-stad: 3h, municipalities: 4h}`.
void readImplementation(YamlDocument& doc, const YAML::Node& node, const Scenario& s, model::Measure& x) {
    if (node.IsScalar()) {
        x.implementation = doc.duration(node, "implementation").value_or(x.implementation);
        return;
    }
    if (!node.IsMap()) {
        doc.error(node,
                  "implementation must be a duration like \"2h\" or a mapping of actors or groups to durations with a "
                  "'default'");
        return;
    }
    bool hasDefault = false;
    for (const auto& kv : node) {
        const auto who = doc.scalar(kv.first, "implementation key");
        const auto delay = doc.duration(kv.second, "implementation");
        if (!who || !delay) continue;
        if (*who == "default") {
            hasDefault = true;
            x.implementation = *delay;
        } else if (s.region.actorIndex(*who) != model::kNone || s.region.group(*who) != nullptr) {
            x.implementationBy.emplace_back(*who, *delay);
        } else {
            doc.error(kv.first, "unknown actor or group '" + *who + "' in implementation" +
                                    model::didYouMean(*who, actorsAndGroups(s.region)));
        }
    }
    if (!hasDefault) doc.error(node, "implementation needs 'default' (the time for every other actor)");
}

model::Claim readClaim(YamlDocument& doc, MapView& c, const WorldRefs& refs) {
    model::Claim claim;
    if (auto v = c.require("outcome")) {
        claim.outcome = doc.scalar(*v, "outcome").value_or("");
        if (!contains(refs.outcomes, claim.outcome))
            doc.error(*v, "unknown outcome '" + claim.outcome + "'" + model::didYouMean(claim.outcome, refs.outcomes));
    }
    if (auto v = c.require("direction")) {
        const std::string d = doc.scalar(*v, "direction").value_or("");
        if (d == "up")
            claim.direction = model::Direction::up;
        else if (d != "down")
            doc.error(*v, "direction must be 'down' or 'up'; got '" + d + "'");
    }
    return claim;
}

// What the measure's parameters need from its effects, and that each kind appears once.
void checkParams(YamlDocument& doc, const YAML::Node& item, const model::Measure& x,
                 const std::vector<world::EffectSpec>& effects, std::size_t index) {
    for (std::size_t i = 0; i < x.params.size(); ++i)
        for (std::size_t j = 0; j < i; ++j) {
            if (x.params[i].id == x.params[j].id)
                doc.error(item, "measure '" + x.id + "' has two parameters '" + x.params[i].id + "'");
            else if (x.params[i].kind == x.params[j].kind)
                doc.error(item, "measure '" + x.id + "' has two parameters of kind '" +
                                    model::paramKindName(x.params[i].kind) + "'");
        }
    bool listChange = false, anyEffect = false;
    for (const auto& e : effects) {
        if (e.measure != index) continue;
        anyEffect = true;
        for (const auto& c : e.changes) listChange = listChange || !c.list.empty();
    }
    for (const auto& p : x.params)
        if (p.kind == ParamKind::order && !listChange)
            doc.error(item, "measure '" + x.id + "': parameter '" + p.id +
                                "' orders a priority list, but no effect changes one");
    if (!x.claims.empty() && !anyEffect)
        doc.error(item,
                  "measure '" + x.id + "' claims to change '" + x.claims.front().outcome + "' but has no effects");
}

}  // namespace

void readMeasures(YamlDocument& doc, const YAML::Node& node, Scenario& s) {
    const WorldRefs refs = s.world ? worldRefs(*s.world) : WorldRefs{};
    std::vector<world::EffectSpec> effects;
    IdSet seen("measure");
    std::size_t count = 0;
    s.measures = readList<model::Measure>(doc, node, "measure", [&](MapView& m, const YAML::Node& item) {
        const std::size_t index = count++;
        model::Measure x;
        x.id = idOf(doc, m);
        seen.add(doc, item, x.id);
        x.name = textOf(doc, m, "name");
        x.explanation = textOf(doc, m, "explanation");
        if (auto v = m.get("source")) x.source = doc.scalar(*v, "source").value_or("assumption");
        if (auto v = m.require("deciders")) {
            x.deciders = doc.stringList(*v, "deciders");
            if (x.deciders.empty())
                doc.error(*v,
                          "measure '" + x.id + "' needs at least one decider: an actor or group that may decide it");
            for (const auto& id : x.deciders)
                if (s.region.actorIndex(id) == model::kNone && s.region.group(id) == nullptr)
                    doc.error(*v, "measure '" + x.id + "': unknown decider '" + id + "'" +
                                      model::didYouMean(id, actorsAndGroups(s.region)));
        }
        if (auto v = m.require("topic")) {
            x.topic = doc.scalar(*v, "topic").value_or("");
            if (!contains(s.region.topics, x.topic))
                doc.error(*v, "unknown topic '" + x.topic + "'" + model::didYouMean(x.topic, s.region.topics));
        }
        if (auto v = m.get("params"))
            x.params = readList<MeasureParam>(
                doc, *v, "parameter", [&](MapView& p, const YAML::Node& at) { return readParam(doc, p, at, s, refs); });
        if (auto v = m.get("implementation")) readImplementation(doc, *v, s, x);
        if (auto v = m.get("claims"))
            x.claims = readList<model::Claim>(doc, *v, "claim",
                                              [&](MapView& c, const YAML::Node&) { return readClaim(doc, c, refs); });
        if (auto v = m.get("effects")) {
            if (!s.world)
                doc.error(*v, "measure '" + x.id + "' has effects, but the scenario has no 'world:' section for them");
            auto read = readList<world::EffectSpec>(doc, *v, "effect", [&](MapView& e, const YAML::Node& at) {
                world::EffectSpec spec;
                spec.measure = index;
                readEffect(doc, e, at, refs, spec);
                return spec;
            });
            effects.insert(effects.end(), read.begin(), read.end());
        }
        checkParams(doc, item, x, effects, index);
        return x;
    });
    if (!s.world) return;
    auto& w = *s.world;
    for (const auto& x : s.measures) {
        world::MeasureSpec spec{x.id};
        for (const auto& p : x.params) {
            spec.params.push_back({p.id, p.kind, p.defaultValue, p.defaultItems});
            if (p.kind != ParamKind::areas) continue;
            for (const auto& id : p.choices)
                if (const auto* g = s.region.group(id); g != nullptr && model::findById(w.groups, id) == nullptr)
                    w.groups.push_back(*g);
        }
        w.measures.push_back(std::move(spec));
    }
    w.effects.insert(w.effects.end(), effects.begin(), effects.end());
}

void checkMeasureArgs(YamlDocument& doc, const YAML::Node& at, const std::string& measure,
                      const std::vector<model::MeasureArg>& args, const Scenario& s) {
    const auto* x = s.measure(measure);
    if (x == nullptr) return;
    std::vector<std::string> ids;
    for (const auto& p : x->params) ids.push_back(p.id);
    for (const auto& a : args) {
        const auto* p = x->parameter(a.param);
        if (p == nullptr) {
            doc.error(at,
                      "measure '" + measure + "' has no parameter '" + a.param + "'" + model::didYouMean(a.param, ids));
            continue;
        }
        if (!p->takesItems()) {
            if (!a.items.empty())
                doc.error(at, "'" + a.param + "' of measure '" + measure + "' takes a number, not a list");
            else if (a.number < p->min || a.number > p->max)
                doc.error(at, "'" + a.param + "' of measure '" + measure + "' must be between " +
                                  protocol::formatNumber(p->min) + " and " + protocol::formatNumber(p->max) + "; got " +
                                  protocol::formatNumber(a.number));
            continue;
        }
        if (a.items.empty())
            doc.error(at, "'" + a.param + "' of measure '" + measure + "' takes a list of " +
                              (p->kind == ParamKind::areas ? "areas" : "services"));
        for (std::size_t i = 0; i < a.items.size(); ++i) {
            if (!chosen(a.items[i], p->choices, s.region))
                doc.error(at, "'" + a.param + "' of measure '" + measure + "' cannot name '" + a.items[i] + "'" +
                                  model::didYouMean(a.items[i], p->choices));
            if (std::find(a.items.begin(), a.items.begin() + static_cast<std::ptrdiff_t>(i), a.items[i]) !=
                a.items.begin() + static_cast<std::ptrdiff_t>(i))
                doc.error(at, "'" + a.param + "' of measure '" + measure + "' names '" + a.items[i] + "' twice");
        }
    }
}

namespace {
// Each municipality's share of the county's street length, for the networks and ploughs split by
// it: the map's `streets_km` where it gives them for every municipality; else, where the map has
// borders, an assumption — a street network that reaches n homes spread over an area A is about
// √(n·A) long (each home a street's length from the next, √(A/n)) — over areas that hold lakes
// and sea; else none (the population shares serve).
void readStreetWeights(const std::vector<model::Area>& areas, world::WorldSpec& w) {
    const bool known = !areas.empty() && std::all_of(areas.begin(), areas.end(), [](const model::Area& a) { return a.streetsKm > 0; });
    const bool bordered = !areas.empty() && std::all_of(areas.begin(), areas.end(), [](const model::Area& a) { return a.areaKm2 > 0; });
    if (!known && !bordered) return;
    std::vector<double> length;
    for (const auto& a : areas) length.push_back(known ? a.streetsKm : std::sqrt(a.population * a.areaKm2));
    double total = 0;
    for (const auto l : length) total += l;
    if (total <= 0) return;
    for (std::size_t i = 0; i < areas.size(); ++i) w.streetWeights.emplace_back(areas[i].id, length[i] / total);
    w.streetWeightsSource = known ? "street length from the map (streets_km)"
                                  : "assumption: street length as √(population × area within the border, lakes and sea included); "
                                    "the map gives no streets_km (range: population share to area share)";
}
}  // namespace

void readAreaWeights(const std::string& scenarioPath, const Limits& limits, Scenario& s,
                     std::vector<Diagnostic>& diagnostics) {
    if (!s.world) return;
    namespace fs = std::filesystem;
    auto& w = *s.world;
    fs::path dir = fs::path(scenarioPath).parent_path();
    std::string mapPath;
    for (int up = 0; up < 4 && mapPath.empty(); ++up, dir /= "..")
        if (const auto candidate = dir / "assets" / "maps" / (s.region.id + ".yaml"); pathExists(candidate.string()))
            mapPath = candidate.lexically_normal().string();
    if (!mapPath.empty()) {
        auto loaded = loadAreaMap(mapPath, s.region, limits);
        diagnostics.insert(diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
        double total = 0;
        if (loaded.ok())
            for (const auto& a : loaded.value->areas) total += a.population;
        if (total > 0) {
            const auto& areas = loaded.value->areas;
            for (const auto& a : areas) w.areaWeights.emplace_back(a.id, a.population / total);
            w.areaWeightsSource = "population share among the municipalities on the map: " + loaded.value->source;
            readStreetWeights(areas, w);
            return;
        }
    }
    std::vector<std::string> municipalities;
    for (const auto& a : s.region.actors)
        if (a.kind == "municipality") municipalities.push_back(a.id);
    for (const auto& id : municipalities)
        w.areaWeights.emplace_back(id, 1.0 / static_cast<double>(municipalities.size()));
    w.areaWeightsSource =
        "assumption: equal weights among the municipalities (no map for region '" + s.region.id + "')";
}

}  // namespace samverkan::scenario
