// A sweep's memory against its number of runs: the snowstorm's reference play with the full world
// model over 10 activation delays, at 1 000, 10 000 and 100 000 runs in all (1 000 000 too with
// SAMVERKAN_BENCH_MILLION=1: about 5 minutes on 2 cores), each run with its metrics and findings.
//  - BM_SweepMemoryStreamed: as `samverkan sweep --format json --record` handles the runs: each
//    written as it comes (here to a stream that throws the bytes away), summaries by streaming,
//    and each run made into a history record.
//  - BM_SweepMemoryWhole: every run collected in a Table with its findings and the JSON made at the
//    end, as the sweep did before it streamed.
// Memory is the kernel's high-water mark of resident memory (VmHWM, reset through
// /proc/self/clear_refs before each sweep): peak_rss_MB, and growth_MB above the resident memory
// just before the sweep. The program prints each size's peak as a ratio of the 1 000-run sweep's.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <ostream>
#include <streambuf>
#include <string>

#include "sim/analysis/Sweep.hpp"

namespace {

// A field of /proc/self/status, in kB (Linux).
double statusKb(const std::string& field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field + ":", 0) == 0) return std::stod(line.substr(field.size() + 1));
    return -1;
}

bool resetPeak() { return static_cast<bool>(std::ofstream("/proc/self/clear_refs") << "5"); }

// Counts what it is given and keeps none of it.
class DiscardingBuffer : public std::streambuf {
public:
    std::streamsize written = 0;

protected:
    int overflow(int c) override { return ++written, c; }
    std::streamsize xsputn(const char*, std::streamsize n) override { return written += n, n; }
};

const samverkan::scenario::Scenario* snowstorm() {
    static const auto loaded = samverkan::scenario::loadScenario(std::string(SAMVERKAN_SOURCE_DIR) + "/scenarios/snowstorm.yaml");
    return loaded.ok() ? &*loaded.value : nullptr;
}

void sweepMemory(benchmark::State& state, bool streamed) {
    using namespace samverkan::analysis;
    const auto* scenario = snowstorm();
    if (!scenario || !resetPeak()) {
        state.SkipWithError(scenario ? "cannot reset the peak through /proc/self/clear_refs" : "snowstorm.yaml did not load");
        return;
    }
    SweepPlan plan;
    plan.scenario = scenario;
    plan.play = *scenario->play("reference");
    plan.runs = static_cast<std::uint32_t>(state.range(0) / 10);
    plan.seed = 1;
    std::string error;
    plan.variations.push_back(*parseVariation("activation.directing=0h..9h:1h", *scenario, plan.play, error));
    SweepOptions options;
    options.threads = 0;  // every core
    double before = 0, peak = 0, bytes = 0;
    for (auto _ : state) {
        resetPeak();
        before = statusKb("VmRSS");
        DiscardingBuffer discard;
        std::ostream out(&discard);
        bool complete = false;
        if (streamed) {
            options.withFindings = true;
            ResultsWriter writer(out, sweepColumns(plan), ResultsWriter::Format::json);
            RunRecord record;
            complete = runSweep(plan, options, [&](const Row& row, const std::vector<FindingRecord>& findings) {
                record.seed = row.seed;
                record.point = row.point;
                record.metrics.assign(row.values.size(), {"metric", 0});
                for (std::size_t i = 0; i < row.values.size(); ++i) record.metrics[i].second = row.values[i];
                record.findings = findings;
                return writer.add(row, error);
            });
            complete = complete && writer.finish(error);
        } else {
            Table table;
            std::vector<std::vector<FindingRecord>> findings;
            options.findings = &findings;
            complete = runSweep(plan, options, table);
            out << toJson(table);
        }
        peak = statusKb("VmHWM");
        bytes = static_cast<double>(discard.written);
        if (!complete) state.SkipWithError("the sweep stopped");
    }
    state.SetItemsProcessed(state.range(0) * static_cast<std::int64_t>(state.iterations()));
    state.counters["peak_rss_MB"] = peak / 1024;
    state.counters["growth_MB"] = (peak - before) / 1024;
    state.counters["output_MB"] = bytes / 1e6;
}

void BM_SweepMemoryStreamed(benchmark::State& state) { sweepMemory(state, true); }
void BM_SweepMemoryWhole(benchmark::State& state) { sweepMemory(state, false); }

// The million-run sweep only when asked for: it takes minutes.
const bool g_million = std::getenv("SAMVERKAN_BENCH_MILLION") && std::string(std::getenv("SAMVERKAN_BENCH_MILLION")) == "1";

void sizes(benchmark::internal::Benchmark* b) {
    for (const std::int64_t runs : {1000, 10000, 100000}) b->Arg(runs);
    if (g_million) b->Arg(1000000);
    b->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
}

}  // namespace

BENCHMARK(BM_SweepMemoryStreamed)->Apply(sizes);
BENCHMARK(BM_SweepMemoryWhole)->Apply(sizes);
