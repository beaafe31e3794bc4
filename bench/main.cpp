// Benchmark driver: prints the ratios (engine against bare heap, sweep memory against the 1 000-run
// sweep) after the table, or on standard error after JSON.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>
#include <string>

#include "bench/RatioReporter.hpp"

int main(int argc, char** argv) {
    std::string format = "console";
    for (int i = 1; i < argc; ++i)
        if (const std::string a = argv[i]; a.rfind("--benchmark_format=", 0) == 0) format = a.substr(a.find('=') + 1);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
    std::unique_ptr<benchmark::BenchmarkReporter> reporter;
    using samverkan::bench::WithRatios;
    if (format == "json") reporter = std::make_unique<WithRatios<benchmark::JSONReporter>>(stderr);
    else if (format != "console") reporter = nullptr;  // (CSV, which benchmark deprecates: its own reporter, no ratios)
    else reporter = std::make_unique<samverkan::bench::RatioReporter>(stdout);
    benchmark::RunSpecifiedBenchmarks(reporter.get());
    benchmark::Shutdown();
    return 0;
}
