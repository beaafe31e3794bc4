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
    std::string replayed;             ///< the replayed journal text
};

/// Runs the journal's scenario again with its seed, play, variant, trainee roles and outside
/// commands, up to where the journal ends, writing the journal again to `journalOut` if given.
/// Null, with diagnostics, if the scenario cannot be loaded.
std::unique_ptr<Exercise> rerun(const ReadJournal& journal, const std::string& journalPath,
                                std::vector<scenario::Diagnostic>& diagnostics, std::ostream* journalOut = nullptr);

/// Replays `journal` (read from `journalPath`). The scenario file is looked up as recorded, then
/// beside the journal. Diagnostics say what could not be loaded.
scenario::Loaded<ReplayResult> replay(const ReadJournal& journal, const std::string& journalPath);

}  // namespace samverkan::exercise
