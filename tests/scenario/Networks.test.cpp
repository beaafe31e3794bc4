// Snow networks, the modes that run on them and the loads on power lines, as a scenario file gives them.
#include <catch2/catch.hpp>

#include "sim/scenario/Scenario.hpp"

using namespace samverkan;

TEST_CASE("a network, a mode on it and a load with wind are read with their units", "[scenario][snowfall]") {
    const auto loaded = scenario::loadScenario("tests/data/good/snow-networks.yaml");
    INFO((loaded.diagnostics.empty() ? std::string() : loaded.diagnostics.front().str()));
    REQUIRE(loaded.ok());
    const auto& w = *loaded.value->world;
    const auto* roads = model::findById(w.services, "roads");
    REQUIRE(roads != nullptr);
    const auto& net = roads->network;
    CHECK(net.hazard == "snow");
    CHECK(net.startsAt.value == 1);
    CHECK(net.cycleHours.value == 2);  // "2h"
    CHECK(net.passableTo.value == 5);
    CHECK(net.closedAt.value == 30);
    REQUIRE(net.traffic.size() == 1);
    CHECK(net.traffic[0].demand == "cars");
    CHECK(net.traffic[0].weight.value == 1);
    CHECK(net.stuckRate.value == Approx(0.04));
    CHECK(net.clearedAwayHours.value == 3);
    CHECK(roads->resource == "ploughs");
    CHECK(roads->on.service.empty());
    const auto* buses = model::findById(w.services, "buses");
    REQUIRE(buses != nullptr);
    CHECK(buses->network.hazard.empty());
    CHECK(buses->on.service == "roads");
    CHECK(buses->on.passableTo.value == 3);
    CHECK(buses->on.closedAt.value == 15);
    CHECK(buses->on.vehicles == "travellers");
    CHECK(buses->on.vehicleWeight.value == Approx(0.3));
    CHECK(buses->on.withdrawnBelow.value == Approx(0.3));
    CHECK(buses->on.resumesAbove.value == Approx(0.7));
    // The power lines' loss is a load built up over 12 hours, doubled by a wind of 15 m/s.
    const auto* power = model::findById(w.services, "power");
    REQUIRE(power != nullptr);
    REQUIRE(power->exposures.size() == 1);
    const auto& e = power->exposures[0];
    CHECK(e.hazard == "snow");
    CHECK(e.loadHours.value == 12);
    CHECK(e.with == "wind");
    CHECK(e.per.value == 15);
    CHECK(e.above.value == 10);
}

TEST_CASE("the shipped snowstorm's other bus lines run on the bus streets with limits on the falling snow, the trunk lines without",
          "[scenario][snowfall]") {
    const auto loaded = scenario::loadScenario("scenarios/snowstorm.yaml");
    INFO((loaded.diagnostics.empty() ? std::string() : loaded.diagnostics.front().str()));
    REQUIRE(loaded.ok());
    const auto& w = *loaded.value->world;
    const auto* other = model::findById(w.services, "other-buses");
    const auto* trunk = model::findById(w.services, "trunk-buses");
    const auto* streets = model::findById(w.services, "bus-streets");
    REQUIRE(other != nullptr);
    REQUIRE(trunk != nullptr);
    REQUIRE(streets != nullptr);
    CHECK(other->on.service == "bus-streets");
    CHECK(other->on.limitedByFalling());
    CHECK(other->on.fallingPassableTo.value == Approx(1));
    CHECK(other->on.fallingClosedAt.value == Approx(3));
    CHECK(other->on.fallingClosedAt.source.find("assumption") != std::string::npos);
    CHECK(trunk->on.service == "trunk-bus-streets");
    CHECK_FALSE(trunk->on.limitedByFalling());
    // The City's main routes: ploughing from 2 cm, by the municipalities' own ploughs.
    CHECK(streets->network.startsAt.value == Approx(2));
    CHECK(streets->network.cycleHours.value == Approx(4));
    CHECK(streets->resource == "street-ploughs");
}
