#pragma once
// Counts heap allocations through operator new in a test or benchmark binary that links
// CountingNew.cpp (which replaces every non-aligned operator new and delete).
#include <cstdint>

namespace samverkan::support {
/// Allocations through operator new since the program started.
std::uint64_t allocationCount();
}  // namespace samverkan::support
