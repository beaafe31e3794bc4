#include "sim/protocol/JournalEntry.hpp"

namespace samverkan::protocol {

JournalEntry entryOf(Event&& event, std::string actor, std::string forum, std::string ref) {
    JournalEntry e;
    e.kind = kindOf(event);
    e.actor = std::move(actor);
    e.forum = std::move(forum);
    e.ref = std::move(ref);
    e.event = std::move(event);
    return e;
}

}  // namespace samverkan::protocol
