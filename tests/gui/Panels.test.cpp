// The console's panels keep their state in structs the App owns: what one exercise drafted never
// reaches the next, and two consoles in one process share nothing.
#include <catch2/catch.hpp>

#include <string>

#include "gui/app/App.hpp"
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
