#pragma once
/// What a role may know of a run (DESIGN.md, contract 4): which journal entries reached it, and
/// in what words. Every trainee view of the console reads the journal through this, and exercise
/// control (and the review after the end) sees it all.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/exercise/Exercise.hpp"

namespace samverkan::exercise {

/// Whether `role` (an actor id) knows of `entry`: what it did or was answered itself; what was
/// sent to it (injects, alerts, information, contacts); what happened in a forum it sits in now,
/// whose documentation Länsstyrelsen keeps for its members (R7); a decision it takes part in or
/// carries out; a decision point put to it; and what is public (joint messages, the start and the
/// end). An empty role, or exercise control, knows everything.
[[nodiscard]] bool mayKnow(const Exercise& run, const std::string& role, const protocol::JournalEntry& entry);

/// The sentence for `entry` as `role` may read it: without the true state unless the role knows
/// everything (exercise control, or "" for the review after the end).
[[nodiscard]] model::Text wordedFor(const Exercise& run, const std::string& role, const protocol::JournalEntry& entry);

/// One action a role took by hand (a trainee, or exercise control acting for it) and its answer.
struct OwnAction {
    engine::Millis t = 0;
    std::string type;        ///< the command's type name ("convene")
    std::size_t entry = 0;   ///< the command's index in the journal
    bool accepted = true;
    protocol::Refusal refusal;  ///< why not, if refused
    /// What the action led to at once, if accepted: the first entry after it about the role, or
    /// SIZE_MAX when none followed at the same time.
    std::size_t followedBy = SIZE_MAX;
};

/// The role's own actions in order, each with its answer, read from the journal (so that they
/// survive a resume): commands the role's trainee or exercise control issued for it.
[[nodiscard]] std::vector<OwnAction> ownActions(const Exercise& run, const std::string& role);

}  // namespace samverkan::exercise
