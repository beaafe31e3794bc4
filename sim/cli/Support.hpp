#pragma once
// Shared by the subcommands of `samverkan`.

#include <iosfwd>
#include <string>
#include <vector>

#include <memory>
#include <optional>

#include "sim/exercise/Exercise.hpp"
#include "sim/exercise/Replay.hpp"
#include "sim/scenario/Diagnostic.hpp"

namespace samverkan::cli {

constexpr int kOk = 0;
constexpr int kRuntimeFailure = 1;
constexpr int kInputError = 2;
constexpr int kInterrupted = 130;  ///< stopped by Ctrl-C, as shells report SIGINT

void printDiagnostics(std::ostream& err, const std::vector<scenario::Diagnostic>& diagnostics);
/// A scenario named by path, or by name in the shipped scenarios folder.
std::string findScenario(const std::string& arg);
/// Loads a scenario named by path or by shipped name, printing every diagnostic; empty if it does
/// not load (the caller exits with kInputError).
std::optional<scenario::Scenario> loadScenarioArg(const std::string& arg, std::ostream& err);
/// Prints where a replay differs from its journal: "path:line:col: error: …" and both lines.
void printReplayDifference(std::ostream& err, const std::string& path, const exercise::ReplayResult& r);
/// Reads a journal, runs its exercise again to where it ends and checks that the re-run gives the
/// journal byte for byte. Null if not, with the problem printed and `code` set: kInputError when
/// the journal or its scenario cannot be read, kRuntimeFailure when the re-run differs (an altered
/// journal, or a scenario changed since).
std::shared_ptr<exercise::Exercise> rerunJournal(const std::string& path, std::ostream& err, int& code);

}  // namespace samverkan::cli
