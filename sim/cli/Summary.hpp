#pragma once
/// After the timeline: what the run cost and how it scored. And the whole run as JSON.

#include <ostream>

#include "sim/exercise/Exercise.hpp"

namespace samverkan::cli {

/// The drawn hazards, the outcomes, the escalation timing, the findings and the score.
void printSummary(std::ostream& out, const exercise::Exercise& run, model::Lang lang);

/// The run as one JSON document: scenario, play, seed, milestones, metrics, outcomes, findings,
/// score, hourly samples of the world and the journal.
void printJson(std::ostream& out, const exercise::Exercise& run);

}  // namespace samverkan::cli
