// The `measures:` catalogue, typed triggers and the municipalities' population weights.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/scenario/Scenario.hpp"
#include "tests/scenario/LoadHelpers.hpp"

using namespace samverkan;
using test::load;
namespace fs = std::filesystem;
using engine::kHour;
using engine::kMinute;

namespace {
const protocol::AgreeDecision& decision(const scenario::Scenario& s, const std::string& play, const std::string& id) {
    for (const auto& step : s.play(play)->steps)
        if (const auto* d = std::get_if<protocol::AgreeDecision>(&step.command); d != nullptr && d->id == id) return *d;
    FAIL("no decision " << id << " in play " << play);
    throw std::logic_error("unreachable");
}

std::string textOf(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("a measure loads with its deciders, topic, parameters, implementation times and claims",
          "[scenario][measures]") {
    const auto snow = load("scenarios/snowstorm.yaml");
    REQUIRE(snow.measures.size() == 5);
    const auto* schools = snow.measure("schools-closed");
    REQUIRE(schools != nullptr);
    CHECK(schools->name.en == "Close schools and day-care");
    CHECK(schools->deciders == std::vector<std::string>{"municipalities"});
    CHECK(schools->topic == "operations");
    CHECK(schools->implementation == 2 * kHour);
    REQUIRE(schools->params.size() == 2);
    CHECK(schools->params[0].kind == model::ParamKind::areas);
    CHECK(schools->params[0].defaultItems == std::vector<std::string>{"municipalities"});
    CHECK(schools->params[1].kind == model::ParamKind::until);
    CHECK(schools->params[1].min == Approx(4));
    CHECK(schools->params[1].max == Approx(48));
    CHECK(schools->params[1].defaultValue == Approx(24));
    REQUIRE(schools->claims.size() == 1);
    CHECK(schools->claims[0].outcome == "person-hours-stranded");
    CHECK(schools->claims[0].direction == model::Direction::down);
    const auto* clearing = snow.measure("snow-clearing-priority");
    REQUIRE(clearing != nullptr);
    CHECK(clearing->implementationFor("trafikverket", snow.region.groups) == kHour);
    CHECK(clearing->implementationFor("huddinge", snow.region.groups) == 2 * kHour);
    CHECK(snow.measure("bandvagnar")->implementationFor("sodertorns-brandforsvar", snow.region.groups) == 30 * kMinute);
    CHECK(snow.measure("bus-lines-cancelled")->parameter("share")->defaultValue == Approx(0.65));
    CHECK(snow.measure("no-such-measure") == nullptr);
}

TEST_CASE("a measure's effects and the typed triggers go into the world model", "[scenario][measures][world]") {
    const auto snow = load("scenarios/snowstorm.yaml");
    REQUIRE(snow.world.has_value());
    const auto& w = *snow.world;
    REQUIRE(w.measures.size() == snow.measures.size());
    for (std::size_t i = 0; i < w.measures.size(); ++i) CHECK(w.measures[i].id == snow.measures[i].id);
    int triggers = 0, measureEffects = 0;
    for (const auto& e : w.effects) {
        if (e.on == world::EffectTrigger::measure) {
            REQUIRE(e.measure < w.measures.size());
            ++measureEffects;
        } else {
            ++triggers;
        }
        if (e.on == world::EffectTrigger::memberJoined) CHECK(e.actor == "forsvarsmakten");
    }
    CHECK(triggers == 3);
    CHECK(measureEffects == 5);
    // Only the groups an `areas` parameter may name travel with the world model.
    REQUIRE(w.groups.size() == 1);
    CHECK(w.groups[0].id == "municipalities");
    CHECK(w.groups[0].members.size() == 26);
}

TEST_CASE("plays name the measure they decide and its arguments, and the alone play narrows them",
          "[scenario][measures]") {
    const auto snow = load("scenarios/snowstorm.yaml");
    CHECK(decision(snow, "reference", "schools-closed").measure == "schools-closed");
    CHECK(decision(snow, "reference", "schools-closed").args.empty());
    const auto& buses = decision(snow, "reference", "bus-lines-cancelled");
    REQUIRE(buses.args.size() == 1);
    CHECK(buses.args[0].param == "share");
    CHECK(buses.args[0].number == Approx(0.65));
    const auto& stockholm = decision(snow, "alone", "stockholm-schools");
    CHECK(stockholm.measure == "schools-closed");
    REQUIRE(stockholm.args.size() == 1);
    CHECK(stockholm.args[0].items == std::vector<std::string>{"stockholms-stad"});
    // The joint judgement is information only.
    CHECK(decision(snow, "reference", "joint-judgement").measure.empty());
}

TEST_CASE("area weights are the municipalities' population shares from the region's map", "[scenario][measures][map]") {
    const auto snow = load("scenarios/snowstorm.yaml");
    const auto& weights = snow.world->areaWeights;
    REQUIRE(weights.size() == 26);
    double sum = 0;
    for (const auto& [id, w] : weights) sum += w;
    CHECK(sum == Approx(1.0));
    const auto stockholm =
        std::find_if(weights.begin(), weights.end(), [](const auto& p) { return p.first == "stockholms-stad"; });
    REQUIRE(stockholm != weights.end());
    CHECK(stockholm->second == Approx(988000.0 / 2436000.0));
    CHECK(snow.world->areaWeightsSource.find("population share") == 0);
}

TEST_CASE("without a map, area weights are equal and marked as an assumption", "[scenario][measures][map]") {
    const auto dir = fs::temp_directory_path() / "samverkan-no-map";
    fs::create_directories(dir);
    std::string yaml = textOf("tests/data/good/minimal-world.yaml");
    const std::string ref = "region: ../../../scenarios/regions/stockholm.yaml";
    yaml.replace(yaml.find(ref), ref.size(), "region: " + fs::absolute("scenarios/regions/stockholm.yaml").string());
    const auto path = (dir / "no-map.yaml").string();
    std::ofstream(path) << yaml;
    const auto s = load(path);
    REQUIRE(s.world->areaWeights.size() == 26);
    for (const auto& [id, w] : s.world->areaWeights) CHECK(w == Approx(1.0 / 26));
    CHECK(s.world->areaWeightsSource.rfind("assumption", 0) == 0);
}

TEST_CASE("a play file's arguments are checked against the measure", "[scenario][measures][bad-input]") {
    const auto snow = load("scenarios/snowstorm.yaml");
    const auto path = (fs::temp_directory_path() / "samverkan-bad-args.play.yaml").string();
    std::ofstream(path)
        << "format: samverkan-play/1\nscenario: snowstorm\nname: bad\ndescription: {sv: Fel, en: Wrong}\nsteps:\n"
           "  - {at: +1h, role: sl, do: agree-decision, id: d, topic: operations, measure: bus-lines-cancelled,\n"
           "     args: {share: 2, lines: [1]}, text: {sv: Inställt, en: Cancelled}}\n"
           "  - {at: +2h, role: huddinge, do: agree-decision, id: e, topic: operations, measure: schools-closed,\n"
           "     args: {areas: [huddinge, polisen]}, text: {sv: Stängt, en: Closed}}\n";
    const auto play = scenario::loadPlayFile(path, snow);
    REQUIRE(play.diagnostics.size() == 3);
    CHECK(play.diagnostics[0].str() ==
          path + ":7:12: error: 'share' of measure 'bus-lines-cancelled' must be between 0.1 and 1; got 2");
    CHECK(play.diagnostics[1].message == "measure 'bus-lines-cancelled' has no parameter 'lines'");
    CHECK(play.diagnostics[2].message == "'areas' of measure 'schools-closed' cannot name 'polisen'");
}

TEST_CASE("measure effects need a world model to act on", "[scenario][measures][bad-input]") {
    std::string yaml = textOf("tests/data/bad/measure-no-deciders.yaml");
    yaml = yaml.substr(0, yaml.find("world:")) + yaml.substr(yaml.find("measures:"));
    yaml.replace(yaml.find("deciders: []"), 12, "deciders: [trafikverket]");
    const auto tmp = (fs::temp_directory_path() / "samverkan-measure-no-world.yaml").string();
    yaml.replace(yaml.find("region: ../../../scenarios"), 26, "region: " + fs::absolute("scenarios").string());
    std::ofstream(tmp) << yaml;
    const auto loaded = scenario::loadScenario(tmp);
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.diagnostics.front().message ==
          "measure 'close-roads' has effects, but the scenario has no 'world:' section for them");
}
