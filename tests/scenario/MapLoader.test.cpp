// The region's map with its municipalities' borders: matched by code, areas that make sense, and
// a clear diagnostic for every kind of broken borders file (tests/data/bad/maps/).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "sim/model/Geometry.hpp"
#include "sim/scenario/Scenario.hpp"

using namespace samverkan;
namespace fs = std::filesystem;

namespace {

const model::Region& stockholm() {
    static const auto region = [] {
        auto loaded = scenario::loadRegion("scenarios/regions/stockholm.yaml");
        REQUIRE(loaded.ok());
        return std::move(*loaded.value);
    }();
    return region;
}

const model::AreaMap& shipped() {
    static const auto map = [] {
        auto loaded = scenario::loadAreaMap("assets/maps/stockholm.yaml", stockholm());
        INFO((loaded.diagnostics.empty() ? std::string{} : loaded.diagnostics.front().str()));
        REQUIRE(loaded.ok());
        return std::move(*loaded.value);
    }();
    return map;
}

const model::Area& area(const model::AreaMap& map, const std::string& id) {
    const auto* a = model::findById(map.areas, id);
    REQUIRE(a != nullptr);
    return *a;
}

/// How far `p` lies from the nearest edge of `polygon`, in km (plane approximation about `p`).
double kmToEdge(const model::GeoPolygon& polygon, model::GeoPoint p) {
    const double kmPerDegree = model::kEarthRadiusKm * 3.14159265358979323846 / 180;
    const double shrink = std::cos(p.lat * 3.14159265358979323846 / 180);
    double best = 1e9;
    const auto& r = polygon.outer;
    for (std::size_t i = 0; i < r.size(); ++i) {
        const auto& a = r[i];
        const auto& b = r[(i + 1) % r.size()];
        const double ax = (a.lon - p.lon) * shrink * kmPerDegree, ay = (a.lat - p.lat) * kmPerDegree;
        const double dx = (b.lon - a.lon) * shrink * kmPerDegree, dy = (b.lat - a.lat) * kmPerDegree;
        const double t = std::clamp(-(ax * dx + ay * dy) / (dx * dx + dy * dy), 0.0, 1.0);
        best = std::min(best, std::hypot(ax + t * dx, ay + t * dy));
    }
    return best;
}

std::string firstLineOf(const fs::path& p) {
    std::ifstream in(p);
    std::string line;
    std::getline(in, line);
    return line;
}

}  // namespace

TEST_CASE("every municipality of the shipped map has its border, found by its code", "[map][borders]") {
    const auto& map = shipped();
    REQUIRE(map.borders == "stockholm-borders.geojson");
    REQUIRE(map.areas.size() == 26);
    std::size_t points = 0;
    for (const auto& a : map.areas) {
        INFO(a.id << " " << a.code);
        REQUIRE_FALSE(a.border.empty());
        CHECK_FALSE(a.triangles.empty());
        CHECK(a.areaKm2 > 0);
        for (const auto& p : a.border) points += p.outer.size();
        // A wrong code would put the seat in another municipality, kilometres away. The seats are
        // rounded to 0.01° and the borders simplified, so a seat near its border (Sundbyberg's)
        // may fall just outside it.
        const model::GeoPoint seat{a.lon, a.lat};
        const bool inside =
            std::any_of(a.border.begin(), a.border.end(), [&](const auto& p) { return model::contains(p, seat); });
        CHECK((inside || kmToEdge(a.border.front(), seat) < 0.5));
    }
    CHECK(points > 500);  // about 850 points in all: the borders were not cut short
}

TEST_CASE("the municipalities' areas come out of their borders in km²", "[map][borders]") {
    const auto& map = shipped();
    // Stockholms stad: about 188 km² of land, 215 km² with its lakes and bays. The simplified
    // polygon includes the water and cuts corners along the shore, so allow a broad range; a
    // missing cos(latitude) (about 410) or a wrong unit would fall far outside it.
    const double city = area(map, "stockholms-stad").areaKm2;
    CHECK(city > 150);
    CHECK(city < 260);
    // The triangles cover the same ground as the polygon.
    double fromTriangles = 0;
    for (const auto& t : area(map, "stockholms-stad").triangles)
        fromTriangles += model::ringAreaKm2({t[0], t[1], t[2]});
    CHECK(fromTriangles == Approx(city).epsilon(0.01));
    // Sundbyberg is the country's smallest municipality (about 9 km²), Norrtälje the county's largest.
    const auto bySize = [](const model::Area& a, const model::Area& b) { return a.areaKm2 < b.areaKm2; };
    CHECK(std::min_element(map.areas.begin(), map.areas.end(), bySize)->id == "sundbyberg");
    CHECK(std::max_element(map.areas.begin(), map.areas.end(), bySize)->id == "norrtalje");
}

TEST_CASE("a map without borders still loads, with seats only", "[map][borders]") {
    const auto loaded = scenario::loadAreaMapText("assets/maps/stockholm.yaml",
                                                  "format: samverkan-map/1\nregion: stockholm\nmunicipalities:\n  - "
                                                  "{id: solna, seat: Solna, lat: 59.36, lon: 18.00}\n",
                                                  stockholm());
    REQUIRE(loaded.ok());
    CHECK(loaded.value->borders.empty());
    CHECK(loaded.value->areas.front().border.empty());
    CHECK(loaded.value->areas.front().areaKm2 == 0);
}

TEST_CASE("a MultiPolygon with a hole, and an id on the feature itself", "[map][borders]") {
    const auto loaded = scenario::loadAreaMap("tests/data/good/borders-map.yaml", stockholm());
    INFO((loaded.diagnostics.empty() ? std::string{} : loaded.diagnostics.front().str()));
    REQUIRE(loaded.ok());
    const auto& solna = area(*loaded.value, "solna");
    REQUIRE(solna.border.size() == 2);
    REQUIRE(solna.border[0].holes.size() == 1);
    CHECK(solna.border[1].holes.empty());
    const auto& sundbyberg = area(*loaded.value, "sundbyberg");
    CHECK(sundbyberg.border.size() == 1);
    // Solna's pieces: 0.02° and 0.01° squares with a 0.005° hole in the first.
    CHECK(solna.areaKm2 == Approx(model::polygonAreaKm2(solna.border[0]) + model::polygonAreaKm2(solna.border[1])));
    CHECK(solna.areaKm2 > sundbyberg.areaKm2);
    CHECK(solna.areaKm2 < sundbyberg.areaKm2 * (1 + 0.25 - 0.0625 + 0.01));
    CHECK_FALSE(model::contains(solna.border[0], {17.9975, 59.3575}));  // in the hole
    CHECK(model::contains(solna.border[0], {17.992, 59.352}));
}

TEST_CASE("each broken borders file gives its exact expected first diagnostic", "[map][borders][diagnostics]") {
    std::vector<fs::path> fixtures;
    for (const auto& entry : fs::directory_iterator("tests/data/bad/maps"))
        if (entry.path().extension() == ".yaml") fixtures.push_back(entry.path());
    std::sort(fixtures.begin(), fixtures.end());
    REQUIRE(fixtures.size() >= 10);
    for (const auto& f : fixtures) {
        INFO(f.string());
        const auto expected = fs::path(f).replace_extension(".expected");
        REQUIRE(fs::exists(expected));
        const auto loaded = scenario::loadAreaMap("tests/data/bad/maps/" + f.filename().string(), stockholm());
        CHECK_FALSE(loaded.value.has_value());
        REQUIRE_FALSE(loaded.diagnostics.empty());
        CHECK(loaded.diagnostics.front().str() == firstLineOf(expected));
    }
}

TEST_CASE("a borders file with more points than the limit is refused before it is cut into triangles",
          "[map][borders][limits]") {
    scenario::Limits limits;
    limits.maxBorderPoints = 200;
    const auto loaded = scenario::loadAreaMap("assets/maps/stockholm.yaml", stockholm(), limits);
    REQUIRE_FALSE(loaded.ok());
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics[0].str() ==
          "assets/maps/stockholm-borders.geojson: error: the borders hold more than 200 points (the limit); simplify "
          "them "
          "(mapshaper, say)");
    CHECK(scenario::loadAreaMap("assets/maps/stockholm.yaml", stockholm())
              .ok());  // the default limit takes the shipped file
}
