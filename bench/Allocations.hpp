#pragma once
// Counts heap allocations in the benchmark binary (operator new is replaced in main.cpp).
#include <atomic>
#include <cstdint>

namespace samverkan::bench {
extern std::atomic<std::uint64_t> allocations;
}
