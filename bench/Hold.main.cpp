// The hold model alone: N pending events, then EVENTS steps, each taking the earliest event and
// scheduling one later by an exponential increment (mean 60 s). Run it under callgrind twice with
// different EVENTS (bench/callgrind.sh): the difference in instructions over the difference in
// events is the cost of one event, with set-up and start-up taken out.
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "sim/engine/Random.hpp"
#include "sim/engine/Simulator.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: samverkan_hold N EVENTS\n");
        return 2;
    }
    const auto n = static_cast<std::size_t>(std::strtoull(argv[1], nullptr, 10));
    const auto events = std::strtoull(argv[2], nullptr, 10);
    samverkan::engine::Random rng("hold", 1);
    std::vector<samverkan::engine::Millis> inc(1 << 16);
    for (auto& x : inc) x = static_cast<samverkan::engine::Millis>(rng.exponential(60000.0)) + 1;
    samverkan::engine::Simulator<std::uint32_t> sim;
    sim.reserve(n + 1);
    for (std::size_t i = 0; i < n; ++i) sim.schedule(inc[i % inc.size()], static_cast<std::uint32_t>(i));
    std::size_t k = 0;
    auto hold = [&](std::uint32_t payload) { sim.schedule(inc[k++ & (inc.size() - 1)], payload); };
    for (unsigned long long e = 0; e < events; ++e) sim.step(hold);
    std::printf("%llu events, simulated time %lld ms\n", events, static_cast<long long>(sim.now()));
    return 0;
}
