// Benchmark driver: counts allocations and prints the engine/bare-heap ratios after the table.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <new>

#include "bench/Allocations.hpp"
#include "bench/RatioReporter.hpp"

namespace samverkan::bench {
std::atomic<std::uint64_t> allocations{0};
}

void* operator new(std::size_t size) {
    samverkan::bench::allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
    samverkan::bench::RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
