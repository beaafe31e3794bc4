#pragma once
/// Replays a journal: runs its scenario again with the same seed, play and outside commands, and
/// compares the result with the journal byte for byte.

#include <memory>
#include <string>

#include "sim/exercise/JournalReader.hpp"

namespace samverkan::exercise {

/// The outcome of a replay.
struct ReplayResult {
    bool identical = false;
    std::size_t lines = 0;            ///< lines compared
    std::size_t firstDifference = 0;  ///< 1-based line of the first difference, 0 if none
    std::string expected, got;        ///< the differing lines
    std::size_t column = 1;           ///< 1-based column of the first difference within its line
    std::string cause;                ///< what differs, when it can be said (a start entry's field)
    std::string replayed;             ///< the replayed journal text
    std::shared_ptr<Exercise> run;    ///< the re-run exercise, at the journal's end
};

/// Runs the journal's scenario again with its seed, play, variant, trainee roles and outside
/// commands, up to where the journal ends, writing the journal again to `journalOut` if given.
/// Null, with diagnostics, if the scenario cannot be loaded or the start entry names what the
/// scenario does not have (a play, a variant, a trainee role). It does not compare: see replay().
std::unique_ptr<Exercise> rerun(const ReadJournal& journal, const std::string& journalPath,
                                std::vector<scenario::Diagnostic>& diagnostics, std::ostream* journalOut = nullptr);

/// Replays `journal` (read from `journalPath`) and compares the result line by line. The scenario
/// file is looked up as recorded, then beside the journal. Diagnostics say what could not be
/// loaded; a difference in the start entry names the field and its column.
scenario::Loaded<ReplayResult> replay(const ReadJournal& journal, const std::string& journalPath);

}  // namespace samverkan::exercise
