#include <catch2/catch.hpp>

#include <stdexcept>
#include <vector>

#include "sim/engine/Simulator.hpp"

using namespace samverkan::engine;

TEST_CASE("step advances the clock to each event and hands it over", "[simulator]") {
    Simulator<int> sim;
    sim.schedule(5 * kMinute, 1);
    sim.scheduleAt(2 * kMinute, 2);
    std::vector<std::pair<Millis, int>> seen;
    auto handler = [&](int v) { seen.emplace_back(sim.now(), v); };
    CHECK(sim.nextEventTime() == 2 * kMinute);
    CHECK(sim.step(handler));
    CHECK(sim.step(handler));
    CHECK_FALSE(sim.step(handler));
    CHECK(seen == std::vector<std::pair<Millis, int>>{{2 * kMinute, 2}, {5 * kMinute, 1}});
    CHECK(sim.eventCount() == 2);
}

TEST_CASE("handlers may schedule further events relative to now", "[simulator]") {
    Simulator<int> sim;
    sim.schedule(kHour, 0);
    std::vector<Millis> times;
    const auto handled = sim.runUntil(10 * kHour, [&](int generation) {
        times.push_back(sim.now());
        if (generation < 3) sim.schedule(kHour, generation + 1);
    });
    CHECK(handled == 4);
    CHECK(times == std::vector<Millis>{kHour, 2 * kHour, 3 * kHour, 4 * kHour});
    CHECK(sim.now() == 10 * kHour);
}

TEST_CASE("runUntil stops at the limit, leaves later events pending and includes events at the limit", "[simulator]") {
    Simulator<int> sim;
    sim.schedule(kHour, 1);
    sim.schedule(2 * kHour, 2);
    sim.schedule(3 * kHour, 3);
    int last = 0;
    CHECK(sim.runUntil(2 * kHour, [&](int v) { last = v; }) == 2);
    CHECK(last == 2);
    CHECK(sim.now() == 2 * kHour);
    CHECK(sim.pending() == 1);
    CHECK(sim.nextEventTime() == 3 * kHour);
}

TEST_CASE("cancelled events are not handled", "[simulator]") {
    Simulator<int> sim;
    const auto id = sim.schedule(kMinute, 1);
    sim.schedule(2 * kMinute, 2);
    CHECK(sim.cancel(id));
    std::vector<int> seen;
    sim.runUntil(kHour, [&](int v) { seen.push_back(v); });
    CHECK(seen == std::vector<int>{2});
}

TEST_CASE("time never goes backwards: negative delays and past times are refused", "[simulator]") {
    Simulator<int> sim;
    sim.schedule(kHour, 1);
    sim.step([](int) {});
    CHECK_THROWS_AS(sim.schedule(-1, 2), std::logic_error);
    CHECK_THROWS_WITH(sim.scheduleAt(kMinute, 2), Catch::Contains("in the past") && Catch::Contains("event #1"));
}
