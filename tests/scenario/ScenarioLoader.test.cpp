#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/protocol/CommandFields.hpp"
#include "sim/scenario/Scenario.hpp"
#include "tests/scenario/LoadHelpers.hpp"

using namespace samverkan;
using test::load;


TEST_CASE("the three shipped scenes load with their plays", "[scenario]") {
    const auto snow = load("scenarios/snowstorm.yaml");
    CHECK(snow.playNames() == std::vector<std::string>{"reference", "late", "alone"});
    CHECK(snow.title.sv == "Snöoväder – röd varning");
    CHECK(snow.start == *engine::parseIsoTime("2026-01-14T06:00+01:00"));
    CHECK(snow.duration == 48 * engine::kHour);
    const auto demo = load("scenarios/demonstration.yaml");
    CHECK(demo.playNames() == std::vector<std::string>{"reference", "late", "affected-late", "alone"});
    CHECK(demo.region.forumIndex("planeringsforum") != model::kNone);
    const auto project = load("scenarios/improvement-project.yaml");
    CHECK(project.playNames() == std::vector<std::string>{"reference", "not-adopted", "alone"});
}

TEST_CASE("the snowstorm uses today's red warning, with a class-3 variant", "[scenario][R14]") {
    auto snow = load("scenarios/snowstorm.yaml");
    const auto* warning = snow.inject("smhi-warning");
    REQUIRE(warning != nullptr);
    REQUIRE(warning->warning.has_value());
    CHECK(warning->warning->system == "impact");
    CHECK(warning->warning->level == "red");
    CHECK(warning->warning->severity() == 3);
    REQUIRE(snow.applyVariant("class-3"));
    CHECK(snow.inject("smhi-warning")->warning->system == "class");
    CHECK(snow.inject("smhi-warning")->warning->level == "3");
    CHECK(snow.inject("smhi-warning")->warning->severity() == 3);
    CHECK_FALSE(snow.applyVariant("class-4"));
}

TEST_CASE("plays attribute every step to a role and build on each other", "[scenario]") {
    const auto snow = load("scenarios/snowstorm.yaml");
    const auto* reference = snow.play("reference");
    const auto* late = snow.play("late");
    REQUIRE(reference != nullptr);
    REQUIRE(late != nullptr);
    REQUIRE(reference->steps.size() == late->steps.size());
    int changed = 0;
    for (std::size_t i = 0; i < reference->steps.size(); ++i) {
        CHECK_FALSE(protocol::actingRole(reference->steps[i].command).empty());
        if (reference->steps[i].when.delay != late->steps[i].when.delay) {
            ++changed;
            CHECK(reference->steps[i].id == "convene-coordinating");
            CHECK(late->steps[i].when.delay - reference->steps[i].when.delay == 8 * engine::kHour);
        }
    }
    CHECK(changed == 1);
}

TEST_CASE("injects carry MSEL fields and expected actions with windows", "[scenario]") {
    const auto snow = load("scenarios/snowstorm.yaml");
    const auto* w = snow.inject("smhi-warning");
    CHECK(w->from == "smhi");
    CHECK(w->to == std::vector<std::string>{"sos-alarm"});
    CHECK(w->channel == "warning");
    CHECK_FALSE(w->note.empty());
    REQUIRE(w->expect.size() == 4);
    CHECK(w->expect[0].action == "activate");
    CHECK(w->expect[0].within == 2 * engine::kHour);
    CHECK(w->expect[0].objective == "early-activation");
    CHECK(w->expect[1].after == "coordinating");
    REQUIRE(snow.objectives.size() == 3);
    CHECK(snow.objectives[2].focus == std::vector<std::string>{"kommunikation", "samverkan"});
}

TEST_CASE("decision points map options to commands", "[scenario]") {
    const auto snow = load("scenarios/snowstorm.yaml");
    const auto* p = snow.decisionPoint("stuck-vehicles-report");
    REQUIRE(p != nullptr);
    CHECK(p->role == "trafikverket");
    CHECK(p->defaultOption == "report");
    REQUIRE(p->options.size() == 2);
    REQUIRE(p->options[0].commands.size() == 1);
    CHECK(protocol::typeName(p->options[0].commands[0]) == "report");
    CHECK(protocol::actingRole(p->options[0].commands[0]) == "trafikverket");
    CHECK(p->options[1].commands.empty());
}

TEST_CASE("a play file is checked against its scenario", "[scenario]") {
    const auto snow = load("scenarios/snowstorm.yaml");
    const auto play = scenario::loadPlayFile("tests/data/good/snowstorm-early.play.yaml", snow);
    INFO((play.diagnostics.empty() ? std::string{} : play.diagnostics.front().str()));
    REQUIRE(play.ok());
    CHECK(play.value->name == "early");
    CHECK(play.value->steps.size() == 2);
    const auto demo = load("scenarios/demonstration.yaml");
    const auto wrong = scenario::loadPlayFile("tests/data/good/snowstorm-early.play.yaml", demo);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.diagnostics.front().message == "this play is for scenario 'snowstorm', not 'demonstration'");
}

TEST_CASE("the complete example in docs/scenario-format.md loads and runs its plays", "[scenario][docs]") {
    std::ifstream in("docs/scenario-format.md");
    std::stringstream doc;
    doc << in.rdbuf();
    const std::string text = doc.str();
    const auto begin = text.find("```yaml\nformat: samverkan/1\n");
    REQUIRE(begin != std::string::npos);
    const auto end = text.find("```\n", begin + 8);
    std::string yaml = text.substr(begin + 8, end - begin - 8);
    const std::string regionRef = "region: regions/stockholm.yaml";
    yaml.replace(yaml.find(regionRef), regionRef.size(),
                 "region: " + std::string(SAMVERKAN_SOURCE_DIR) + "/scenarios/regions/stockholm.yaml");
    const auto path = (std::filesystem::temp_directory_path() / "samverkan-doc-example.yaml").string();
    std::ofstream(path) << yaml;
    const auto loaded = scenario::loadScenario(path);
    INFO((loaded.diagnostics.empty() ? std::string{} : loaded.diagnostics.front().str()));
    REQUIRE(loaded.ok());
    CHECK(loaded.value->playNames() == std::vector<std::string>{"reference", "late"});
    CHECK(loaded.value->variants.size() == 1);
    CHECK(loaded.value->decisionPoints.size() == 1);
    CHECK(loaded.value->region.forumIndex("elforum") != model::kNone);
}

TEST_CASE("a world section loads with its figures and sources", "[scenario][world]") {
    const auto s = load("tests/data/good/minimal-world.yaml");
    REQUIRE(s.world.has_value());
    CHECK(s.world->tick == 5 * engine::kMinute);
    REQUIRE(s.world->hazards.size() == 1);
    CHECK(s.world->hazards[0].onsetHours.value == Approx(2.0));
    CHECK(s.world->hazards[0].onsetHours.spread == Approx(0.5));
    CHECK(s.world->demands[0].base.source == "test");
    CHECK(s.world->resources[0].capacity.source == "assumption");
    CHECK(s.world->services[1].dependsOn == "roads");
    const auto snow = load("scenarios/snowstorm.yaml");
    REQUIRE(snow.world.has_value());
    // Groups expand to their members where a service names its observers.
    const auto& local = *std::find_if(snow.world->services.begin(), snow.world->services.end(),
                                      [](const world::ServiceSpec& x) { return x.id == "local-streets"; });
    CHECK(local.observers.size() == 26);
}
