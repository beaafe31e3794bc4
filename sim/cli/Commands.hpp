#pragma once
/// The `samverkan` command: subcommands as functions taking arguments and streams, so that tests
/// can call them directly. Exit codes: 0 ok, 1 runtime failure, 2 usage or input error.

#include <iosfwd>
#include <string>
#include <vector>

namespace samverkan::cli {

/// Runs the command line `args` (without the program name).
int runMain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace samverkan::cli
