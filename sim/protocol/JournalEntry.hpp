#pragma once
/// One line of Länsstyrelsen's documentation: the journal (R7). An entry is a typed event with its
/// time, its number and the actor, forum and id it concerns; the journal's writer turns it into
/// one JSON object per line (docs/journal-format.md).

#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>

#include "sim/engine/Time.hpp"
#include "sim/protocol/Event.hpp"

namespace samverkan::protocol {

using engine::Millis;
using model::Text;

/// A journal entry. `t` and `seq` are set by whoever appends it.
struct JournalEntry {
    Millis t = 0;
    std::uint64_t seq = 0;
    Kind kind = Kind::start;
    std::string actor;  ///< the actor the entry is about, if any
    std::string forum;  ///< the forum the entry is about, if any
    std::string ref;    ///< id of the inject, decision or decision point it concerns, if any
    Event event;

    /// The payload if it is of type T, else nullptr.
    template <class T>
    [[nodiscard]] const T* as() const {
        return std::get_if<T>(&event);
    }
};

/// An entry for an event: the kind from the payload, with who, where and what it concerns.
JournalEntry entryOf(Event&& event, std::string actor = {}, std::string forum = {}, std::string ref = {});

/// As entryOf(Event&&), with the payload built into the entry where it stays (a thousand entries a
/// run: each move of a payload costs).
template <class T>
    requires(!std::is_same_v<std::decay_t<T>, Event>)
JournalEntry entryOf(T&& payload, std::string actor = {}, std::string forum = {}, std::string ref = {}) {
    JournalEntry e;
    e.event.template emplace<std::decay_t<T>>(std::forward<T>(payload));
    e.kind = kindOf(e.event);
    e.actor = std::move(actor);
    e.forum = std::move(forum);
    e.ref = std::move(ref);
    return e;
}


}  // namespace samverkan::protocol
