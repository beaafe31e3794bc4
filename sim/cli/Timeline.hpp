#pragma once
/// The journal as a trainer reads it: simulated time, who, what, in which forum.

#include <ostream>

#include "sim/exercise/Exercise.hpp"

namespace samverkan::cli {

/// Pads to a width in characters (UTF-8 aware), so columns line up with å, ä, ö.
std::string pad(const std::string& s, std::size_t width);

/// Writes one line per journal entry worth reading (play commands are left out; rejections and
/// outside commands are kept), with clock time, elapsed time, actor, forum and text.
void printTimeline(std::ostream& out, const exercise::Exercise& run, model::Lang lang);

}  // namespace samverkan::cli
