// No allocation per event in steady state: operator new is counted in this test binary.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

#include "sim/engine/Random.hpp"
#include "sim/engine/Simulator.hpp"

namespace {
std::atomic<std::uint64_t> g_allocations{0};
}

void* operator new(std::size_t size) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

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
    const auto before = g_allocations.load();
    rounds(100);
    CHECK(g_allocations.load() - before == 0);
    CHECK(sim.pending() == 1000);
}
