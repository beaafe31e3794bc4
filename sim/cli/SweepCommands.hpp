#pragma once
// `samverkan sweep` and `samverkan merge`.

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace samverkan::cli {

struct SweepArgs {
    std::string scenario, play = "reference", output, format = "csv", variant, shard;
    std::vector<std::string> vary;
    std::uint32_t runs = 100;
    unsigned threads = 0;
    std::optional<std::uint64_t> seed;
    bool summary = false;
};

struct MergeArgs {
    std::vector<std::string> files;
    std::string output, format = "csv";
    bool summary = false;
};

/// Adds the subcommands to `app`; the returned pointers tell which one was parsed.
CLI::App* addSweep(CLI::App& app, SweepArgs& args);
CLI::App* addMerge(CLI::App& app, MergeArgs& args);

/// `progress`: draw a progress bar on `err` (only when it is a terminal).
int doSweep(const SweepArgs& args, std::ostream& out, std::ostream& err, bool progress);
int doMerge(const MergeArgs& args, std::ostream& out, std::ostream& err);

}  // namespace samverkan::cli
