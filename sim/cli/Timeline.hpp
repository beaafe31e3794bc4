#pragma once
/// The journal as a trainer reads it: simulated time, who, what, in which forum.

#include <ostream>

#include "sim/exercise/Exercise.hpp"

namespace samverkan::cli {

/// Writes one line per journal entry worth reading (play commands are left out; rejections and
/// outside commands are kept), with clock time, elapsed time, actor, forum and text.
void printTimeline(std::ostream& out, const exercise::Exercise& run, model::Lang lang);

/// Writes the world's drawn hazards and the outcomes so far, if the scenario has a world model.
void printOutcomes(std::ostream& out, const exercise::Exercise& run, model::Lang lang);

/// Writes the run as one JSON document: scenario, play, seed, milestones and the journal.
void printJson(std::ostream& out, const exercise::Exercise& run);

}  // namespace samverkan::cli
