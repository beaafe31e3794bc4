#pragma once
// Runs the `samverkan` command in-process, for the CLI's tests.

#include <sstream>
#include <string>
#include <vector>

#include "sim/cli/Commands.hpp"

namespace samverkan::test {

/// What a run of the command gave: its exit code and what it wrote.
struct CliResult {
    int code;
    std::string out, err;
};

/// `samverkan ARGS…`, with standard output and error captured.
inline CliResult samverkanCli(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const int code = cli::runMain(args, out, err);
    return {code, out.str(), err.str()};
}

}  // namespace samverkan::test
