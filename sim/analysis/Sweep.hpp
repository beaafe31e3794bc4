#pragma once
/// Sweeps: many seeded runs of one scenario over a grid of parameter values, to see what
/// activating earlier or later (or a storm arriving earlier) does to the outcome. The scenario is
/// loaded once; each point of the grid is a changed copy of it and of its play; each run at a point
/// has its own seed. Results do not depend on the number of threads or on sharding.

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/analysis/History.hpp"
#include "sim/analysis/Results.hpp"
#include "sim/eval/Findings.hpp"
#include "sim/exercise/Exercise.hpp"
#include "sim/scenario/Scenario.hpp"

namespace samverkan::analysis {

/// One varied parameter and its values (durations in hours, switches as 1/0).
///  - `activation.<level>`: time from the first signal to Länsstyrelsen convening that level's
///    activated forum; overrides the play's own convening (and requests) of that forum
///  - `convening.<medium>`: the convening delay by that medium (telephone, physical), fixed
///  - `hazard.<id>.onset`: the hazard's expected onset (its per-run spread is kept)
///  - `decision.<id>`: on or off — off leaves the play's agreeing of that decision out
struct Variation {
    enum class Kind { activation, convening, onset, decision };
    std::string name;  ///< as written, e.g. "activation.directing"
    Kind kind = Kind::activation;
    std::string target;  ///< the level, medium, hazard or decision id
    std::vector<double> values;
};

/// Parses "NAME=SPEC": SPEC is `FROM..TO:STEP` (durations such as 0h..12h:1h) or a list
/// `a,b,c` (durations, or on/off for decisions). Checks NAME against the scenario and its play.
/// On error: nullopt, and `error` says what is wrong and what would be right.
std::optional<Variation> parseVariation(const std::string& text, const scenario::Scenario& scenario,
                                        const scenario::Play& play, std::string& error);

struct SweepPlan {
    const scenario::Scenario* scenario = nullptr;
    scenario::Play play;
    std::vector<Variation> variations;
    std::uint32_t runs = 1;
    std::uint64_t seed = 0;  ///< run r at every point uses seed + r (the same storms at every point)
    std::string variant;
};

/// The grid: every combination of values, the first variation changing slowest.
std::vector<std::vector<double>> points(const std::vector<Variation>& variations);

/// The scenario and play at one point of the grid.
struct PointSetup {
    std::shared_ptr<const scenario::Scenario> scenario;  ///< shared by every run at the point
    scenario::Play play;
};
PointSetup applyPoint(const scenario::Scenario& base, const scenario::Play& play, const std::vector<Variation>& variations,
                      const std::vector<double>& values);

/// The metrics every run reports, in order, for this scenario.
std::vector<std::string> metricNames(const scenario::Scenario& scenario);

struct SweepOptions {
    unsigned threads = 0;                 ///< 0: every core
    std::uint32_t shard = 0, shards = 1;  ///< run only slice `shard` of `shards` (0-based)
    /// Called now and then (from a reporting thread, and once at the end) with runs done and runs in all.
    std::function<void(std::size_t done, std::size_t total)> progress;
    const std::atomic<bool>* stop = nullptr;  ///< set (e.g. by Ctrl-C) to stop early
    /// runSweep into a sink: evaluate each run's findings against the expected actions and hand
    /// them to the sink (else the sink gets an empty list).
    bool withFindings = false;
    /// runSweep into a table: if set, each run's findings, in the table's row order.
    std::vector<std::vector<FindingRecord>>* findings = nullptr;
};

/// Receives a sweep's runs one at a time, in (point, run) order, each as soon as it and every run
/// before it are done, from one thread at a time (not always the same one). The row and its findings
/// are valid only during the call. Returns false to stop the sweep (a write failed, say).
using RunSink = std::function<bool(const Row& row, const std::vector<FindingRecord>& findings)>;

/// How many runs a thread may be ahead of the oldest run not yet handed to the sink: the sweep
/// holds at most kRunsAheadPerThread × threads runs at once, whatever the number of runs.
constexpr std::size_t kRunsAheadPerThread = 4;

/// The columns of the sweep's results: its parameters and metrics (no rows).
Table sweepColumns(const SweepPlan& plan);

/// Runs the sweep (or its shard), handing each run to `sink` in order as it finishes. Returns
/// false if stopped early (by options.stop or by the sink); the runs handed over so far are then
/// a beginning of the sweep, which the caller should throw away.
bool runSweep(const SweepPlan& plan, const SweepOptions& options, const RunSink& sink);

/// The same, with every row collected in `out` (and the findings in options.findings): for tests
/// and small sweeps. Returns false if stopped early; the table then holds nothing.
bool runSweep(const SweepPlan& plan, const SweepOptions& options, Table& out);

/// The metrics of one finished run, in metricNames(run.scenario()) order, into `out`.
void runMetrics(const exercise::Exercise& run, double* out);
/// The same with the run's evaluation already made.
void runMetrics(const exercise::Exercise& run, const eval::Evaluation& ev, double* out);

/// A finished run as the history records it: metrics, findings, the scenario's content hash.
RunRecord runRecord(const exercise::Exercise& run, const std::string& kind, const std::string& journal, const std::string& date,
                    const std::string& label);

/// The first signal of a scenario: the earliest timed inject.
engine::Millis firstSignal(const scenario::Scenario& scenario);

}  // namespace samverkan::analysis
