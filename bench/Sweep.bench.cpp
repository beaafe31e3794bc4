// 10 000 seeded runs of the snowstorm with the full world model, as `samverkan sweep` runs them
// (10 activation delays × 1 000 seeds, metrics and findings of every run), on 1 and on 2 threads;
// and on 2 threads with the doctrine playing every role; and the same on 2 threads with the
// snowstorm in three areas.
#include <benchmark/benchmark.h>

#include "sim/analysis/Sweep.hpp"
#include "tests/support/CountingNew.hpp"

namespace {

// range(0): threads; range(1): 0 the reference play, 1 the doctrine; range(2): 0 the county as
// one, 3 its three areas.
void BM_Sweep10000Snowstorm(benchmark::State& state) {
    // The third argument: 3 runs the snowstorm in three areas (scenarios/snowstorm-areas.yaml).
    const bool areas = state.range(2) == 3;
    const auto loaded = samverkan::scenario::loadScenario(std::string(SAMVERKAN_SOURCE_DIR) +
                                                          (areas ? "/scenarios/snowstorm-areas.yaml" : "/scenarios/snowstorm.yaml"));
    if (!loaded.ok()) {
        state.SkipWithError("the snowstorm did not load");
        return;
    }
    samverkan::analysis::SweepPlan plan;
    plan.scenario = &*loaded.value;
    if (state.range(1) == 1) plan.play.name = samverkan::scenario::kDoctrinePlay;
    else plan.play = *loaded.value->play("reference");
    plan.runs = 1000;
    plan.seed = 1;
    std::string error;
    plan.variations.push_back(*samverkan::analysis::parseVariation("activation.directing=0h..9h:1h", *plan.scenario, plan.play, error));
    samverkan::analysis::SweepOptions options;
    options.threads = static_cast<unsigned>(state.range(0));
    samverkan::analysis::Table table;
    const auto allocationsBefore = samverkan::support::allocationCount();
    for (auto _ : state) {
        if (!samverkan::analysis::runSweep(plan, options, table)) state.SkipWithError("the sweep stopped");
    }
    const double runs = static_cast<double>(table.rows.size()) * static_cast<double>(state.iterations());
    state.SetItemsProcessed(static_cast<std::int64_t>(runs));
    // Events per run: the reference play's 678 world ticks, protocol events and injects.
    samverkan::exercise::Exercise one(*plan.scenario, {});
    one.runToEnd();
    state.counters["events_per_run"] = static_cast<double>(one.eventCount());
    state.counters["allocs_per_run"] = static_cast<double>(samverkan::support::allocationCount() - allocationsBefore) / runs;
}

}  // namespace

BENCHMARK(BM_Sweep10000Snowstorm)->Args({1, 0, 0})->Args({2, 0, 0})->Args({2, 1, 0})->Args({2, 0, 3})->Args({2, 1, 3})->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
