// The `samverkan` command line program: the one place where it reads the machine — the wall clock
// for the history's record dates, a monotonic clock for the progress bar's estimate, whether
// standard error is a terminal. Everything under sim/ gets these from here, so no clock reaches a
// journal or a result.
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

#include "sim/cli/Commands.hpp"

namespace {
std::string nowUtc() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}
}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    samverkan::cli::Environment env;
    env.now = nowUtc();
    const auto started = std::chrono::steady_clock::now();
    env.seconds = [started] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
    env.terminal = isatty(STDERR_FILENO) != 0;
    return samverkan::cli::runMain(args, std::cout, std::cerr, env);
}
