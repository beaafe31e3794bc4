// A region's map file (format samverkan-map/1).
#include <cmath>
#include <cstdlib>

#include "sim/model/Names.hpp"
#include "sim/scenario/ScenarioReading.hpp"

namespace samverkan::scenario {
namespace {

std::optional<double> coordinate(YamlDocument& doc, const YAML::Node& node, const std::string& what, double low, double high) {
    const auto s = doc.scalar(node, what);
    if (!s) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s->c_str(), &end);
    if (s->empty() || end != s->c_str() + s->size() || !std::isfinite(v) || v < low || v > high) {
        doc.error(node, what + " must be a number between " + std::to_string(static_cast<int>(low)) + " and " +
                            std::to_string(static_cast<int>(high)) + "; got \"" + *s + "\"");
        return std::nullopt;
    }
    return v;
}

Loaded<model::AreaMap> loadAreaMapFrom(const std::string& path, const std::string* text, const model::Region& region, const Limits& limits) {
    return guardedLoad<model::AreaMap>(path, [&](Loaded<model::AreaMap>& result) {
        YamlDocument doc(path, limits, result.diagnostics);
        if (!(text != nullptr ? doc.loadText(*text) : doc.load())) return;
        MapView map(doc, doc.root(), "the map file");
        if (!map.ok()) return;
        map.requireFormat("samverkan-map/1");
        model::AreaMap out;
        if (auto v = map.require("region")) {
            out.region = doc.scalar(*v, "region").value_or("");
            if (out.region != region.id) doc.error(*v, "this map is for region '" + out.region + "', not '" + region.id + "'");
        }
        if (auto v = map.get("source")) out.source = doc.scalar(*v, "source").value_or("");
        if (auto v = map.require("municipalities")) {
            if (!v->IsSequence()) doc.error(*v, "municipalities must be a list");
            else {
                IdSet ids("municipality");
                for (const auto& item : *v) {
                    MapView m(doc, item, "municipality");
                    if (!m.ok()) continue;
                    model::Area a;
                    if (auto x = m.require("id")) {
                        a.id = doc.identifier(*x, "id").value_or("");
                        ids.add(doc, item, a.id);
                        if (!a.id.empty() && region.actorIndex(a.id) == model::kNone)
                            doc.error(*x, "unknown actor '" + a.id + "'" + model::didYouMean(a.id, region.actorIds()));
                    }
                    if (auto x = m.get("seat")) a.seat = doc.scalar(*x, "seat").value_or("");
                    if (auto x = m.require("lat")) a.lat = coordinate(doc, *x, "lat", -90, 90).value_or(0);
                    if (auto x = m.require("lon")) a.lon = coordinate(doc, *x, "lon", -180, 180).value_or(0);
                    if (auto x = m.get("population")) a.population = coordinate(doc, *x, "population", 0, 1e9).value_or(0);
                    m.finish();
                    out.areas.push_back(std::move(a));
                }
            }
        }
        map.finish();
        if (result.diagnostics.empty()) result.value = std::move(out);
        sortDiagnostics(result.diagnostics);
    });
}

}  // namespace

Loaded<model::AreaMap> loadAreaMap(const std::string& path, const model::Region& region, const Limits& limits) {
    return loadAreaMapFrom(path, nullptr, region, limits);
}

Loaded<model::AreaMap> loadAreaMapText(const std::string& path, const std::string& text, const model::Region& region, const Limits& limits) {
    return loadAreaMapFrom(path, &text, region, limits);
}

}  // namespace samverkan::scenario
