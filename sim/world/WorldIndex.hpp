#pragma once
// Private to sim/world: what World.cpp, Networks.cpp and Effects.cpp share.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/Time.hpp"

namespace samverkan::world::detail {

constexpr std::size_t kNone = SIZE_MAX;
constexpr double kMaxBlocking = 0.95;  ///< at most this share of a network or a recovery blocked

/// Hours as a time, in whole minutes: drawn times read like times a person would write.
inline engine::Millis hours(double h) { return std::llround(h * 60.0) * engine::kMinute; }

/// The index of the item with `id`, or kNone (no item has an empty id: most references are unset).
template <class T>
std::size_t indexOf(const std::vector<T>& items, const std::string& id) {
    if (id.empty()) return kNone;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return i;
    return kNone;
}

}  // namespace samverkan::world::detail
