// A region's map file (format samverkan-map/1), with the municipalities' borders from the GeoJSON
// file it names.
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "sim/model/Geometry.hpp"
#include "sim/model/Names.hpp"
#include "sim/scenario/Borders.hpp"
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

/// Gives each municipality its border from the file `ref` (relative to the map file), matched by
/// code: every feature must be some municipality's, and every municipality must have one.
void readBordersOf(YamlDocument& doc, const YAML::Node& at, const std::string& ref, model::AreaMap& map,
                   const std::vector<YAML::Node>& items) {
    namespace fs = std::filesystem;
    const std::string path = (fs::path(doc.file()).parent_path() / ref).lexically_normal().string();
    auto read = readBorders(path, doc.limits());
    // A file that cannot be read at all is reported where the map names it.
    if (read.unreadable) {
        doc.error(at, "borders '" + ref + "': " + read.diagnostics.front().message);
        return;
    }
    for (auto& d : read.diagnostics) doc.report(std::move(d));
    if (!read.diagnostics.empty()) return;
    std::map<std::string, std::size_t> byCode;
    for (std::size_t i = 0; i < map.areas.size(); ++i)
        if (!map.areas[i].code.empty()) byCode.emplace(map.areas[i].code, i);
    std::vector<std::string> firstFeature(map.areas.size());
    for (auto& f : read.features) {
        const auto it = byCode.find(f.code);
        if (it == byCode.end()) {
            doc.report({path, 0, 0, f.where + ": no municipality on the map has code '" + f.code + "'"});
            continue;
        }
        auto& area = map.areas[it->second];
        if (!firstFeature[it->second].empty()) {
            doc.report({path, 0, 0,
                        f.where + ": a second border for code '" + f.code + "' (the first is " +
                            firstFeature[it->second] + ")"});
            continue;
        }
        firstFeature[it->second] = f.where;
        area.border = std::move(f.polygons);
        area.triangles = std::move(f.triangles);
        for (const auto& polygon : area.border) area.areaKm2 += model::polygonAreaKm2(polygon);
    }
    for (std::size_t i = 0; i < map.areas.size(); ++i) {
        const auto& a = map.areas[i];
        if (!a.code.empty() && a.border.empty())
            doc.error(items[i], "municipality '" + a.id + "' (code '" + a.code + "') has no border in '" + ref + "'");
    }
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
        const auto borders = map.get("borders");
        if (borders) out.borders = doc.scalar(*borders, "borders").value_or("");
        std::vector<YAML::Node> items;  // each area's mapping, for what is found later
        if (auto v = map.require("municipalities")) {
            if (!v->IsSequence()) doc.error(*v, "municipalities must be a list");
            else {
                IdSet ids("municipality");
                IdSet codes("municipality code");
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
                    if (auto x = m.get("streets_km")) a.streetsKm = coordinate(doc, *x, "streets_km", 0, 1e6).value_or(0);
                    if (auto x = m.get("code")) {
                        a.code = doc.identifier(*x, "code").value_or("");
                        codes.add(doc, *x, a.code);
                    } else if (borders) {
                        doc.error(item, "municipality '" + a.id + "' needs 'code': its border in '" + out.borders +
                                            "' is found by it");
                    }
                    m.finish();
                    out.areas.push_back(std::move(a));
                    items.push_back(item);
                }
            }
        }
        map.finish();
        if (borders && !out.borders.empty() && result.diagnostics.empty())
            readBordersOf(doc, *borders, out.borders, out, items);
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
