// The whole snowstorm reference play: with the load of scenario and region, and the run alone;
// and the run with the doctrine playing every role.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

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

// The snowstorm with its streets, buses, school journeys and access for ambulances and rescue per
// area: 3 areas (the City, the inner suburbs, the outer municipalities) or 26 (each municipality).
// A line the scenario no longer has is named in `missing`, so that the benchmark says so.
std::string withAreas(int count, std::string& missing) {
    std::ifstream in(kScenario);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    const auto replace = [&](const std::string& from, const std::string& to) {
        const auto at = text.find(from);
        if (at != std::string::npos) text.replace(at, from.size(), to);
        else missing += (missing.empty() ? "" : ", ") + from;
    };
    static const std::vector<std::string> municipalities{
        "botkyrka", "danderyd", "ekero", "haninge", "huddinge", "jarfalla", "lidingo", "nacka", "norrtalje",
        "nykvarn", "nynashamn", "salem", "sigtuna", "sollentuna", "solna", "stockholms-stad", "sundbyberg",
        "sodertalje", "tyreso", "taby", "upplands-bro", "upplands-vasby", "vallentuna", "vaxholm", "varmdo", "osteraker"};
    std::string areas = "  areas:\n";
    if (count == 3) {
        areas += "    - {id: city, name: {sv: Staden, en: City}, members: [stockholms-stad]}\n"
                 "    - {id: near, name: {sv: Nära, en: Near}, members: [solna, sundbyberg, danderyd, lidingo, nacka, huddinge, sollentuna, taby, tyreso, jarfalla]}\n"
                 "    - {id: far, name: {sv: Yttre, en: Outer}, members: [botkyrka, ekero, haninge, norrtalje, nykvarn, nynashamn, salem, sigtuna, sodertalje, upplands-bro, upplands-vasby, vallentuna, vaxholm, varmdo, osteraker]}\n";
    } else {
        for (const auto& m : municipalities) areas += "    - {id: " + m + ", name: {sv: " + m + ", en: " + m + "}, members: [" + m + "]}\n";
    }
    replace("world:\n  tick: 5min\n", "world:\n  tick: 5min\n" + areas);
    replace("    - id: local-streets\n", "    - id: local-streets\n      per_area: true\n");
    replace("    - id: acute-healthcare\n", "    - id: acute-healthcare\n      per_area: true\n");
    replace("    - id: rescue\n", "    - id: rescue\n      per_area: true\n");
    replace("    - id: other-buses\n", "    - id: other-buses\n      per_area: true\n");
    replace("{id: school-travel,", "{id: school-travel, per_area: true,");
    replace("{id: other-bus-travellers,", "{id: other-bus-travellers, per_area: true,");
    replace("{id: school-travellers,", "{id: school-travellers, per_area: true,");
    return text;
}

// The doctrine run of the snowstorm with areas (state.range(0): how many).
void BM_SnowstormRunDoctrineAreas(benchmark::State& state) {
    std::string missing;
    const auto loaded = samverkan::scenario::loadScenarioText(kScenario, withAreas(static_cast<int>(state.range(0)), missing));
    if (!missing.empty()) {
        state.SkipWithError(("the snowstorm no longer has: " + missing).c_str());
        return;
    }
    if (!loaded.ok()) {
        state.SkipWithError(loaded.diagnostics.empty() ? "did not load" : loaded.diagnostics.front().str().c_str());
        return;
    }
    const auto scenario = std::make_shared<const samverkan::scenario::Scenario>(*loaded.value);
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
