// The console's map: every municipality filled within its border, the one under the mouse found
// by its polygon, names only where they fit, and discs where a map has no borders.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "gui/app/App.hpp"
#include "tests/gui/HeadlessImGui.hpp"

using namespace samverkan;
using support::HeadlessImGui;

namespace {

gui::AppOptions mapAt(const std::string& until) {
    gui::AppOptions options;
    options.dataDir = support::kScenarios;
    options.assetsDir = std::string(SAMVERKAN_SOURCE_DIR) + "/assets";
    options.scenario = support::kDemonstration;
    options.start = true;
    options.control = true;
    options.lang = model::Lang::en;
    options.until = until;
    options.tab = "map";
    return options;
}

const model::Area& area(const gui::App& app, const std::string& id) {
    const auto* a = model::findById(app.session().areaMap->areas, id);
    REQUIRE(a != nullptr);
    return *a;
}

/// The municipality under the mouse at `p` after one more frame.
std::string hoveredAt(HeadlessImGui& imgui, gui::App& app, model::GeoPoint p) {
    ImGui::GetIO().MousePos = app.panels().map.projection.toScreen(p);
    imgui.frame(app);
    return app.panels().map.hovered;
}

bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("the map fills every municipality within its border and knows which one is under the mouse", "[gui][map]") {
    HeadlessImGui imgui;
    gui::App app(mapAt("+128h"));
    for (int i = 0; i < 3; ++i) imgui.frame(app);
    REQUIRE(app.currentTab() == "map");
    REQUIRE(app.session().areaMap.has_value());
    const auto& map = app.panels().map;
    std::size_t triangles = 0;
    for (const auto& a : app.session().areaMap->areas) triangles += a.triangles.size();
    CHECK(map.filledAreas == 26);
    CHECK(map.filledTriangles == triangles);
    CHECK(triangles > 26);

    // The projection keeps the county's shape: a degree of longitude is cos(latitude) of a degree
    // of latitude on screen, and the screen maps back to the same place.
    const auto& proj = map.projection;
    const ImVec2 a = proj.toScreen({18, 59}), east = proj.toScreen({19, 59}), north = proj.toScreen({18, 60});
    CHECK((east.x - a.x) / (a.y - north.y) == Approx(0.51).margin(0.02));
    const auto back = proj.toMap(proj.toScreen({18.07, 59.33}));
    CHECK(back.lon == Approx(18.07).margin(1e-4));
    CHECK(back.lat == Approx(59.33).margin(1e-4));

    // Each seat is found inside its own municipality, small ones in the middle of the county too.
    for (const auto* id : {"solna", "stockholms-stad", "lidingo", "norrtalje", "nynashamn", "danderyd"}) {
        INFO(id);
        const auto& seat = area(app, id);
        CHECK(hoveredAt(imgui, app, {seat.lon, seat.lat}) == id);
    }
    // The sea east of Nynäshamn and south of Värmdö is no municipality's.
    CHECK(hoveredAt(imgui, app, {18.9, 58.85}).empty());

    // The largest are named on the map; the smallest, in the middle, only in the tooltip.
    CHECK(has(map.labelled, "norrtalje"));
    CHECK(has(map.labelled, "stockholms-stad"));
    CHECK_FALSE(has(map.labelled, "sundbyberg"));
    CHECK_FALSE(has(map.labelled, "solna"));
}

TEST_CASE("a map without borders draws a disc at each seat, as before", "[gui][map]") {
    HeadlessImGui imgui;
    gui::App app(mapAt("+128h"));
    for (auto& a : app.session().areaMap->areas) a.border.clear(), a.triangles.clear();
    for (int i = 0; i < 3; ++i) imgui.frame(app);
    const auto& map = app.panels().map;
    CHECK(map.filledAreas == 0);
    CHECK(map.filledTriangles == 0);
    const auto& norrtalje = area(app, "norrtalje");
    CHECK(hoveredAt(imgui, app, {norrtalje.lon, norrtalje.lat}) == "norrtalje");
    CHECK(has(map.labelled, "stockholms-stad"));
}
