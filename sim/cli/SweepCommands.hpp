#pragma once
// `samverkan sweep` and `samverkan merge`.

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "sim/analysis/Curve.hpp"
#include "sim/cli/HistoryCommands.hpp"

namespace samverkan::cli {

struct SweepArgs {
    std::string scenario, play, output, format = "csv", variant, shard;
    std::vector<std::string> vary;
    std::uint32_t runs = 100;
    unsigned threads = 0;
    std::optional<std::uint64_t> seed;
    bool summary = false;
    RecordArgs record;
    std::vector<std::string> set = {};  ///< NAME=VALUE: a world figure held at another value (sensitivity bands)
};

struct MergeArgs {
    std::vector<std::string> files;
    std::string output, format = "csv";
    bool summary = false;
};

struct PlotArgs {
    std::string results, x, y, output, png, table, title;
};

/// Adds the subcommands to `app`; the returned pointers tell which one was parsed.
CLI::App* addSweep(CLI::App& app, SweepArgs& args);
CLI::App* addMerge(CLI::App& app, MergeArgs& args);
CLI::App* addPlot(CLI::App& app, PlotArgs& args);

/// Draws a progress bar on `err` only when the environment says it is a terminal.
int doSweep(const SweepArgs& args, std::ostream& out, std::ostream& err, const Environment& env);
int doMerge(const MergeArgs& args, std::ostream& out, std::ostream& err);
int doPlot(const PlotArgs& args, std::ostream& out, std::ostream& err);

/// Reads a sweep's results CSV; errors as file:line:col on `err`.
std::optional<analysis::Table> readResults(const std::string& path, std::ostream& err);
/// The curve of `y` against `x` from the results (defaults: the first parameter, the first outcome).
std::optional<analysis::Curve> curveFromResults(const analysis::Table& table, std::string x, std::string y, std::ostream& err);

}  // namespace samverkan::cli
