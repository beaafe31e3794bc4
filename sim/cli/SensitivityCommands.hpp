#pragma once
// `samverkan sensitivity`: which of the world's uncertain figures move each outcome most.

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace samverkan::cli {

struct SensitivityArgs {
    std::string scenario, play, outcome, format = "text", svg, png;
    std::size_t runs = 10, top = 10;
    std::vector<std::string> only;
};

CLI::App* addSensitivity(CLI::App& app, SensitivityArgs& args);
/// A table per outcome (text, CSV or JSON) and a tornado chart of one; input problems exit 2.
int doSensitivity(const SensitivityArgs& args, std::ostream& out, std::ostream& err);

}  // namespace samverkan::cli
