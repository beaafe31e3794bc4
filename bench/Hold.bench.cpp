// The hold model: N pending events; each step takes the earliest and schedules one later by a
// random increment. Our engine against a bare std::priority_queue loop doing the same work.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <queue>
#include <string>
#include <vector>

#include "sim/engine/Random.hpp"
#include "sim/engine/Simulator.hpp"
#include "tests/support/CountingNew.hpp"

namespace {

using samverkan::engine::Millis;

// Increments drawn once, outside the timed loops, so both loops do identical work.
const std::vector<Millis>& increments() {
    static const std::vector<Millis> values = [] {
        samverkan::engine::Random rng("hold", 1);
        std::vector<Millis> v(1 << 16);
        for (auto& x : v) x = static_cast<Millis>(rng.exponential(60000.0)) + 1;
        return v;
    }();
    return values;
}

void BM_HoldEngine(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto& inc = increments();
    samverkan::engine::Simulator<std::uint32_t> sim;
    sim.reserve(n + 1);
    for (std::size_t i = 0; i < n; ++i) sim.schedule(inc[i % inc.size()], static_cast<std::uint32_t>(i));
    std::size_t k = 0;
    auto hold = [&](std::uint32_t payload) { sim.schedule(inc[k++ & (inc.size() - 1)], payload); };
    const auto allocationsBefore = samverkan::support::allocationCount();
    for (auto _ : state) {
        sim.step(hold);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.counters["allocs_per_event"] = benchmark::Counter(
        static_cast<double>(samverkan::support::allocationCount() - allocationsBefore) / static_cast<double>(state.iterations()));
}

struct BareEvent {
    Millis time;
    std::uint64_t seq;
    std::uint32_t payload;
    bool operator>(const BareEvent& o) const { return time != o.time ? time > o.time : seq > o.seq; }
};

void BM_HoldBareHeap(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto& inc = increments();
    std::vector<BareEvent> storage;
    storage.reserve(n + 1);
    std::priority_queue<BareEvent, std::vector<BareEvent>, std::greater<>> heap(std::greater<>{}, std::move(storage));
    std::uint64_t seq = 0;
    for (std::size_t i = 0; i < n; ++i) heap.push({inc[i % inc.size()], ++seq, static_cast<std::uint32_t>(i)});
    std::size_t k = 0;
    Millis now = 0;
    for (auto _ : state) {
        const BareEvent top = heap.top();
        heap.pop();
        now = top.time;
        heap.push({now + inc[k++ & (inc.size() - 1)], ++seq, top.payload});
    }
    benchmark::DoNotOptimize(now);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

// The same hold model in Debian's python3-simpy (bench/hold_simpy.py), timed inside Python so
// that the interpreter's start-up does not count: what a typical Python simulation would cost.
void BM_HoldSimPy(benchmark::State& state) {
    const auto n = state.range(0);
    const long events = 200000;
    const std::string command = "/usr/bin/python3 " + std::string(SAMVERKAN_SOURCE_DIR) + "/bench/hold_simpy.py " + std::to_string(n) +
                                " " + std::to_string(events);
    for (auto _ : state) {
        FILE* p = popen(command.c_str(), "r");
        long done = 0;
        double seconds = 0;
        const bool read = p != nullptr && std::fscanf(p, "%ld %lf", &done, &seconds) == 2;
        if (p != nullptr) pclose(p);
        if (!read || done != events || seconds <= 0) {
            state.SkipWithError("python3-simpy is not installed or bench/hold_simpy.py failed");
            return;
        }
        state.SetIterationTime(seconds);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * events);
}

}  // namespace

BENCHMARK(BM_HoldEngine)->Arg(10)->Arg(1000)->Arg(100000);
BENCHMARK(BM_HoldBareHeap)->Arg(10)->Arg(1000)->Arg(100000);
BENCHMARK(BM_HoldSimPy)->Arg(1000)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
