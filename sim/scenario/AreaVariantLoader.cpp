// An areas variant (`areas_of: snowstorm.yaml`): a shipped scenario, whole — its region, world,
// measures, doctrine, injects and plays, the one parameter set — with its world split into the
// variant's areas. The variant names the areas and which services, demands and resources have a
// part in each; nothing else, so that the county-wide scenario and its areas cannot drift apart.
#include <algorithm>

#include "sim/model/Names.hpp"
#include "sim/scenario/ScenarioReading.hpp"
#include "sim/scenario/WorldReading.hpp"

namespace samverkan::scenario {

namespace {

// One `per_area:` entry: an id, or `{id, split: street-length}` for a network or its ploughs.
void readPerAreaItem(YamlDocument& doc, const YAML::Node& item, world::WorldSpec& w) {
    std::string id;
    bool byStreets = false;
    const YAML::Node* splitNode = nullptr;
    YAML::Node split;
    if (item.IsMap()) {
        MapView m(doc, item, "per_area entry");
        if (!m.ok()) return;
        if (auto x = m.require("id")) id = doc.identifier(*x, "id").value_or("");
        if (auto x = m.get("split")) {
            split = *x;
            splitNode = &split;
            const auto how = doc.scalar(*x, "split").value_or("");
            if (how == "street-length") byStreets = true;
            else if (how != "population")
                doc.error(*x, "split is 'population' (the default) or 'street-length'; got '" + how + "'");
        }
        m.finish();
    } else {
        id = doc.identifier(item, "per_area entry").value_or("");
    }
    if (id.empty()) return;
    bool found = false;
    const auto mark = [&](auto& items, bool canSplit, const char* what) {
        for (auto& x : items) {
            if (x.id != id) continue;
            found = true;
            if (x.perArea) doc.error(item, std::string(what) + " '" + id + "' is named twice in per_area");
            x.perArea = true;
            if constexpr (requires { x.byStreetLength; }) x.byStreetLength = byStreets && canSplit;
            if (byStreets && !canSplit && splitNode != nullptr)
                doc.error(*splitNode, std::string(what) + " '" + id + "' cannot be split by street length: that is for a network's "
                                                               "need and the ploughs that clear it");
        }
    };
    mark(w.demands, false, "demand");
    mark(w.resources, true, "resource");
    for (auto& s : w.services) {
        if (s.id != id) continue;
        found = true;
        if (s.perArea) doc.error(item, "service '" + id + "' is named twice in per_area");
        s.perArea = true;
        s.byStreetLength = byStreets && !s.network.hazard.empty();
        if (byStreets && s.network.hazard.empty() && splitNode != nullptr)
            doc.error(*splitNode, "service '" + id + "' is no network (no 'network:'): only a network's need is split by street length");
    }
    if (!found) {
        std::vector<std::string> all;
        for (const auto& d : w.demands) all.push_back(d.id);
        for (const auto& r : w.resources) all.push_back(r.id);
        for (const auto& s : w.services) all.push_back(s.id);
        doc.error(item, "the scenario's world has no service, demand or resource '" + id + "'" + model::didYouMean(id, all));
    }
}

// What the loader asks of a scenario with areas, asked again of the items the variant split: a
// county-wide service cannot take a resource, or run on a network, that each area holds.
void checkSplit(YamlDocument& doc, const YAML::Node& at, const world::WorldSpec& w) {
    for (const auto& s : w.services) {
        if (s.perArea) continue;
        for (const auto& rid : {s.resource, s.boostResource})
            if (const auto* r = model::findById(w.resources, rid); r != nullptr && r->perArea)
                doc.error(at, "service '" + s.id + "' stays county-wide, but resource '" + rid +
                                  "' is split by area; name '" + s.id + "' in per_area too");
        if (const auto* net = model::findById(w.services, s.on.service); net != nullptr && net->perArea)
            doc.error(at, "service '" + s.id + "' stays county-wide, but it runs on '" + net->id +
                              "', which is split by area; name '" + s.id + "' in per_area too");
    }
}

}  // namespace

void readAreaVariant(YamlDocument& doc, MapView& map, const YAML::Node& ofNode, const std::string& path, const Limits& limits,
                     int depth, Loaded<Scenario>& result, const LoadBase& loadBase) {
    for (const auto* key : {"base", "region", "start", "duration", "seed", "world", "measures", "behaviour", "forums", "frames",
                            "reporting", "variants", "objectives", "decision_points", "injects", "plays", "hazards", "observed",
                            "not_reproduced", "runs"})
        if (auto v = map.get(key))
            doc.error(*v, std::string("'") + key + "' comes from the scenario: an areas variant gives its own id, title, summary, "
                                                   "areas and per_area, nothing else");
    std::string id;
    Text title, summary;
    if (auto v = map.require("id")) id = doc.identifier(*v, "id").value_or("");
    if (auto v = map.require("title")) title = doc.text(*v, "title").value_or(Text{});
    if (auto v = map.get("summary")) summary = doc.text(*v, "summary").value_or(Text{});
    const auto areasNode = map.require("areas");
    const auto perNode = map.require("per_area");
    map.finish();
    auto base = readBaseScenario(doc, ofNode, "areas_of", path, limits, depth, result, loadBase);
    if (!base) return;
    Scenario s = std::move(*base);
    if (!s.world) {
        doc.error(ofNode, "the scenario has no world: there is nothing to split by area");
        return;
    }
    auto& w = *s.world;
    if (!w.areas.empty()) {
        doc.error(ofNode, "the scenario has areas of its own; an areas variant builds on a county-wide scenario");
        return;
    }
    s.file = path;
    s.id = id;
    s.title = title;
    s.summary = summary;
    if (areasNode) w.areas = readWorldAreas(doc, *areasNode, s.region);
    if (perNode) {
        if (!perNode->IsSequence()) doc.error(*perNode, "per_area must be a list of ids of the scenario's services, demands and resources");
        else
            for (const auto& item : *perNode) readPerAreaItem(doc, item, w);
        if (result.diagnostics.empty()) checkSplit(doc, *perNode, w);
    }
    sortDiagnostics(result.diagnostics);
    if (!result.diagnostics.empty()) return;
    world::layOutAreas(w);
    result.value = std::move(s);
}

}  // namespace samverkan::scenario
