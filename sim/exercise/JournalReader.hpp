#pragma once
/// Reads a journal back: JSON Lines with a "start" entry first. Problems are reported as
/// diagnostics naming the line and column.

#include <optional>
#include <string>
#include <vector>

#include "sim/exercise/Exercise.hpp"
#include "sim/scenario/Diagnostic.hpp"

namespace samverkan::exercise {

/// What a journal says about the run that wrote it.
struct JournalHeader {
    std::string scenarioId, scenarioFile, play, playFile, variant;
    std::uint64_t seed = 0;
    std::vector<std::string> trainees;
};

/// A journal as read from a file.
struct ReadJournal {
    JournalHeader header;
    std::vector<std::string> lines;        ///< the raw lines, without newlines
    std::vector<TimedCommand> inputs;      ///< commands from outside the play, to submit again
    bool ended = false;                    ///< has an "end" entry
    Millis lastTime = 0;
    int cutLine = 0;            ///< read with CutTail::drop: the number of the last line, cut off and left out (0: none)
    std::string cutText = {};   ///< that line as far as it was written
};

/// What to do with a last line that has no newline (a run killed while writing it): refuse the
/// journal (a replay must hold every line), or leave that line out (a resume goes on from the
/// last complete entry, and says so).
enum class CutTail { refuse, drop };

/// Where and how a journal's start entry differs from the one a re-run writes.
struct StartDifference {
    std::size_t column = 1;
    std::string cause;  ///< e.g. "the start entry's 'data.region' is \"x\", but the re-run … gives \"y\""
};

/// The first field (top level, then data) in which two start entries differ, a field only one of
/// them has included; nothing if they agree field by field or are not JSON objects.
std::optional<StartDifference> startDifference(const std::string& journalLine, const std::string& rerunLine);

/// 1-based column of field `key` in a start entry's line (1 if it is not there).
std::size_t startFieldColumn(const std::string& line, const std::string& key);

/// Reads and checks a journal file. On any problem, `value` is empty and the diagnostics say
/// where (a truncated last line, a line that is not JSON, a missing field, a bad command).
scenario::Loaded<ReadJournal> readJournal(const std::string& path, CutTail cut = CutTail::refuse);
/// Reads and checks a journal already in memory, as if `text` were the content of the file at
/// `path` (which only names it in diagnostics).
scenario::Loaded<ReadJournal> readJournalText(const std::string& path, const std::string& text, CutTail cut = CutTail::refuse);

}  // namespace samverkan::exercise
