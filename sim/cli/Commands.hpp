#pragma once
/// The `samverkan` command: subcommands as functions taking arguments and streams, so that tests
/// can call them directly. Exit codes: 0 ok, 1 runtime failure, 2 usage or input error.

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace samverkan::cli {

/// What the commands take from the machine: the program's entry point fills it in; nothing under
/// sim/ reads a clock. The defaults are fixed, for tests.
struct Environment {
    std::string now = "1970-01-01T00:00:00Z";  ///< the date a history record gets without --date
    std::function<double()> seconds;           ///< a monotonic clock, for the progress bar's time left
    bool terminal = false;                     ///< standard error is a terminal: draw progress there
};

/// Runs the command line `args` (without the program name).
int runMain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Environment& env = {});

}  // namespace samverkan::cli
