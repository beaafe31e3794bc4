#pragma once
// Private to sim/exercise: how a scenario's conditions match journal entries and pictures, shared
// by the scripted plays (Exercise.cpp) and the doctrine rules (Behaviour.cpp).

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "sim/exercise/Journal.hpp"
#include "sim/scenario/Scenario.hpp"
#include "sim/world/World.hpp"

namespace samverkan::exercise {

/// True if the entry is an inject sent to `actor` (named in its `to`).
inline bool sentTo(const JournalEntry& e, const std::string& actor) {
    const auto* inject = e.as<protocol::InjectDelivered>();
    return inject != nullptr && std::find(inject->to.begin(), inject->to.end(), actor) != inject->to.end();
}

/// True if the entry is of the trigger's kind and has the forum, actor, ref and recipient it names.
inline bool matches(const scenario::Trigger& t, const JournalEntry& e) {
    return t.kind == e.kind && (t.forum.empty() || t.forum == e.forum) && (t.actor.empty() || t.actor == e.actor) &&
           (t.ref.empty() || t.ref == e.ref) && (t.to.empty() || sentTo(e, t.to));
}

/// True if a known level is past the condition's threshold (nothing known: false).
inline bool passes(const scenario::KnownCondition& k, const world::KnownLevel& known) {
    if (known.observedAt < 0) return false;
    return (k.below >= 0 && known.level < k.below) || (k.above >= 0 && known.level > k.above);
}

/// A condition on knowledge holds if the picture just compiled shows the service past the threshold.
inline bool knownHolds(const scenario::KnownCondition& k, const world::World* w,
                       const std::vector<std::pair<model::ForumIndex, world::Picture>>& pictures) {
    if (w == nullptr || pictures.empty()) return false;
    const auto s = w->serviceIndex(k.service);
    if (s == SIZE_MAX) return false;
    return passes(k, pictures.back().second.services[s]);
}

}  // namespace samverkan::exercise
