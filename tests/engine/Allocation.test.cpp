// No allocation per event in steady state: operator new is counted (tests/support/CountingNew.cpp).
#include <catch2/catch.hpp>

#include "sim/engine/Random.hpp"
#include "sim/engine/Simulator.hpp"
#include "tests/support/CountingNew.hpp"

using namespace samverkan::engine;

TEST_CASE("the engine allocates nothing per event once it has its working size", "[simulator][memory]") {
    Simulator<std::uint32_t> sim;
    Random rng("alloc", 3);
    for (std::uint32_t i = 0; i < 1000; ++i) sim.schedule(rng.uniformInt(1, 60000), i);
    auto hold = [&](std::uint32_t payload) { sim.schedule(rng.uniformInt(1, 60000), payload); };
    auto rounds = [&](int n) {
        for (int round = 0; round < n; ++round) {
            for (int i = 0; i < 1000; ++i) sim.step(hold);
            sim.cancel(sim.schedule(rng.uniformInt(1, 60000), 7));
        }
    };
    rounds(100);  // warm up: every internal vector grows to the size this load needs
    const auto before = samverkan::support::allocationCount();
    rounds(100);
    CHECK(samverkan::support::allocationCount() - before == 0);
    CHECK(sim.pending() == 1000);
}
