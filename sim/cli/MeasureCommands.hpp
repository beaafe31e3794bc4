#pragma once
// `samverkan measures`: the catalogue of what the roles of a scenario can decide.

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>

namespace samverkan::cli {

struct MeasuresArgs {
    std::string scenario, lang = "sv", format = "text";
};

/// Adds the subcommand to `app`; the returned pointer tells whether it was parsed.
CLI::App* addMeasures(CLI::App& app, MeasuresArgs& args);
/// Lists each measure: name, who may decide it, topic (mandate), parameters, implementation
/// time, effects and source. Input problems as file:line:col on `err` (exit 2).
int doMeasures(const MeasuresArgs& args, std::ostream& out, std::ostream& err);

}  // namespace samverkan::cli
