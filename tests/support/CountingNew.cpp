#include "tests/support/CountingNew.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
// One counter per thread slot, each on its own cache line: a sweep's threads allocate thousands of
// times a run, and one shared counter would make them wait for each other (and slow what is measured).
struct alignas(64) Slot {
    std::atomic<std::uint64_t> count{0};
};
constexpr std::size_t kSlots = 64;
Slot g_allocations[kSlots];
std::atomic<std::size_t> g_nextSlot{0};

void* allocate(std::size_t size) {
    thread_local const std::size_t slot = g_nextSlot.fetch_add(1, std::memory_order_relaxed) % kSlots;
    g_allocations[slot].count.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(size == 0 ? 1 : size);
}
}  // namespace

namespace samverkan::support {
std::uint64_t allocationCount() {
    std::uint64_t total = 0;
    for (const auto& s : g_allocations) total += s.count.load(std::memory_order_relaxed);
    return total;
}
}  // namespace samverkan::support

// Every plain and nothrow form, so that each allocation and its release use malloc and free.
void* operator new(std::size_t size) {
    if (void* p = allocate(size)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
    if (void* p = allocate(size)) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
