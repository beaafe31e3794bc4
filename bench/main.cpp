// Benchmark driver: prints the engine/bare-heap ratios after the table.
#include <benchmark/benchmark.h>

#include "bench/RatioReporter.hpp"

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
    samverkan::bench::RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
