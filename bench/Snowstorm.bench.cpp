// The whole snowstorm reference play: with the load of scenario and region, and the run alone;
// and the run with the doctrine playing every role.
#include <benchmark/benchmark.h>

#include "sim/exercise/Exercise.hpp"

namespace {

const std::string kScenario = std::string(SAMVERKAN_SOURCE_DIR) + "/scenarios/snowstorm.yaml";

void BM_SnowstormLoadAndRun(benchmark::State& state) {
    std::size_t entries = 0;
    for (auto _ : state) {
        const auto loaded = samverkan::scenario::loadScenario(kScenario);
        if (!loaded.ok()) {
            state.SkipWithError("snowstorm.yaml did not load");
            return;
        }
        samverkan::exercise::Exercise run(*loaded.value, {});
        run.runToEnd();
        entries = run.journal().entries().size();
    }
    state.counters["journal_entries"] = static_cast<double>(entries);
}

// One run to the end per iteration, the loaded scenario shared as a sweep's runs share it: the
// run, not a copy of the scenario and its doctrine rules.
void runSnowstorm(benchmark::State& state, const samverkan::exercise::Options& options) {
    const auto loaded = samverkan::scenario::loadScenario(kScenario);
    if (!loaded.ok()) {
        state.SkipWithError("snowstorm.yaml did not load");
        return;
    }
    const auto scenario = std::make_shared<const samverkan::scenario::Scenario>(*loaded.value);
    std::uint64_t events = 0;
    for (auto _ : state) {
        samverkan::exercise::Exercise run(scenario, options);
        run.runToEnd();
        events = run.eventCount();
    }
    state.counters["events"] = static_cast<double>(events);
}

void BM_SnowstormRun(benchmark::State& state) { runSnowstorm(state, {}); }

// The same run with every role played by the doctrine rules instead of the reference play.
void BM_SnowstormRunDoctrine(benchmark::State& state) {
    samverkan::exercise::Options options;
    options.playName = samverkan::scenario::kDoctrinePlay;
    runSnowstorm(state, options);
}

// The shipped snowstorm split into areas (its areas variants): 3 areas (the city, the inner
// suburbs, the outer municipalities; scenarios/snowstorm-areas.yaml) or 26 (each municipality;
// scenarios/snowstorm-municipalities.yaml), with the doctrine playing every role.
void BM_SnowstormRunDoctrineAreas(benchmark::State& state) {
    const std::string file = std::string(SAMVERKAN_SOURCE_DIR) +
                             (state.range(0) == 3 ? "/scenarios/snowstorm-areas.yaml" : "/scenarios/snowstorm-municipalities.yaml");
    const auto loaded = samverkan::scenario::loadScenario(file);
    if (!loaded.ok()) {
        state.SkipWithError(loaded.diagnostics.empty() ? "did not load" : loaded.diagnostics.front().str().c_str());
        return;
    }
    const auto scenario = std::make_shared<const samverkan::scenario::Scenario>(*loaded.value);
    if (scenario->world->areas.size() != static_cast<std::size_t>(state.range(0))) {
        state.SkipWithError("the variant no longer has that many areas");
        return;
    }
    samverkan::exercise::Options options;
    options.playName = samverkan::scenario::kDoctrinePlay;
    std::uint64_t events = 0;
    for (auto _ : state) {
        samverkan::exercise::Exercise run(scenario, options);
        run.runToEnd();
        events = run.eventCount();
    }
    state.counters["events"] = static_cast<double>(events);
    state.counters["services"] = static_cast<double>(scenario->world->services.size());
}

}  // namespace

BENCHMARK(BM_SnowstormRunDoctrineAreas)->Arg(3)->Arg(26)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SnowstormRunDoctrine)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SnowstormLoadAndRun)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SnowstormRun)->Unit(benchmark::kMicrosecond);
