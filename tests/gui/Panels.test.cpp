// The console's panels keep their state in structs the App owns: what one exercise drafted never
// reaches the next, and two consoles in one process share nothing.
#include <catch2/catch.hpp>

#include <string>

#include "gui/app/App.hpp"
#include "gui/views/Widgets.hpp"
#include "tests/gui/HeadlessImGui.hpp"

using namespace samverkan;
using engine::Millis;
using support::HeadlessImGui;

namespace {

gui::AppOptions controlAt(const std::string& scenario, const std::string& until) {
    gui::AppOptions options;
    options.dataDir = support::kScenarios;
    options.scenario = scenario;
    options.start = true;
    options.control = true;
    options.lang = model::Lang::en;
    options.until = until;
    return options;
}

}  // namespace

TEST_CASE("what the panels drafted for one exercise is gone when the next one starts", "[gui][panels]") {
    HeadlessImGui imgui;
    auto options = controlAt(support::kDemonstration, "+126h");
    options.tab = "replay";
    gui::App app(options);
    for (int i = 0; i < 3; ++i) imgui.frame(app);
    auto& panels = app.panels();
    REQUIRE(panels.review.shown == 0);  // the replay is on screen, at the first entry

    // A decision being worded, a message, a time to jump to, and the replay moved on to the first
    // entry after the start.
    const auto& first = app.session().run->journal().entries();
    int later = 0;
    while (first[static_cast<std::size_t>(later)].t == 0) ++later;
    panels.actions.decision.text = "Skolorna håller stängt i morgon";
    panels.actions.message = "Undvik onödiga resor";
    panels.topBar.jump = "+30h";
    panels.map.truth = false;
    panels.review.index = later;
    for (int i = 0; i < 2; ++i) imgui.frame(app);
    // They last from frame to frame of the same exercise ...
    CHECK(panels.actions.decision.text == "Skolorna håller stängt i morgon");
    CHECK(panels.actions.message == "Undvik onödiga resor");
    CHECK(panels.topBar.jump == "+30h");
    CHECK_FALSE(panels.map.truth);
    CHECK(panels.review.index == later);
    REQUIRE(panels.review.shown == later);
    const Millis laterAt = first[static_cast<std::size_t>(later)].t;
    CHECK(panels.review.stepped.run->now() == laterAt);

    // ... and none of them into the next exercise at the same console.
    app.session().start();
    imgui.frame(app);
    CHECK(panels.actions.decision.text.empty());
    CHECK(panels.actions.message.empty());
    CHECK(panels.topBar.jump.empty());
    CHECK(panels.map.truth);
    CHECK(panels.review.index == 0);
    CHECK(panels.review.shown == 0);
    CHECK(panels.review.stepped.run->now() == 0);
    CHECK(panels.review.stepped.run->now() != laterAt);
}

TEST_CASE("two consoles in one process keep their panels apart", "[gui][panels]") {
    HeadlessImGui imgui;
    const auto options = controlAt(support::kSnowstorm, "+1h");
    gui::App one(options);
    gui::App two(options);
    const auto& actors = one.session().scenario->region.actors;
    REQUIRE(actors.size() > 2);
    // The first console's exercise control acts by hand for the second actor of the region.
    one.panels().actions.actsAs = 2;
    one.panels().topBar.jump = "+30h";
    imgui.frame(one);
    imgui.frame(two);
    imgui.frame(one);
    CHECK(one.session().actsAs == actors[1].id);
    CHECK(one.session().actingRole() == actors[1].id);
    // The second is still exercise control itself, with nothing typed.
    CHECK(two.panels().actions.actsAs == 0);
    CHECK(two.session().actsAs.empty());
    CHECK(two.session().actingRole() == protocol::kControl);
    CHECK(two.panels().topBar.jump.empty());
    CHECK(one.panels().topBar.jump == "+30h");
}

TEST_CASE("a priority dragged onto another row takes that row's place, however far it is dropped", "[gui][priorities]") {
    support::HeadlessImGui imgui;
    gui::Session s;
    s.control = true;
    REQUIRE(s.load(support::kSnowstorm));
    s.start();
    const std::vector<std::string> before{"rail", "main-roads", "trunk-bus-streets", "bus-streets", "local-streets"};
    gui::ListDraft d{"snow-clearing", before};
    auto& io = ImGui::GetIO();
    bool changed = false;
    const auto frame = [&](float y, bool down) {
        const auto& style = ImGui::GetStyle();
        io.MousePos = ImVec2(style.WindowPadding.x + 2 * (ImGui::GetFrameHeight() + style.ItemSpacing.x) + 40, y);
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(600, 400));
        ImGui::Begin("priorities", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove);
        changed = gui::reorderable(s, d) || changed;
        ImGui::End();
        ImGui::Render();
    };
    // The middle of row i: the rows are the arrow buttons' height apart, with the item spacing.
    const auto row = [&](int i) {
        const auto& style = ImGui::GetStyle();
        return style.WindowPadding.y + static_cast<float>(i) * (ImGui::GetFrameHeight() + style.ItemSpacing.y) + ImGui::GetFrameHeight() / 2;
    };
    // Press on row `from`, move the mouse in steps onto row `to`, let go there.
    const auto drag = [&](int from, int to) {
        changed = false;
        frame(row(from), true);
        for (int step = 1; step <= 12; ++step) frame(row(from) + (row(to) - row(from)) * static_cast<float>(step) / 12, true);
        frame(row(to), true);
        frame(row(to), false);
        frame(row(to), false);
    };
    frame(row(0), false);
    frame(row(0), false);
    // The first row dragged down past two rows onto the fourth.
    drag(0, 3);
    CHECK(changed);
    CHECK(d.order == std::vector<std::string>{"main-roads", "trunk-bus-streets", "bus-streets", "rail", "local-streets"});
    // And back up to the top in one drag.
    drag(3, 0);
    CHECK(changed);
    CHECK(d.order == before);
}
