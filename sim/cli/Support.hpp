#pragma once
// Shared by the subcommands of `samverkan`.

#include <iosfwd>
#include <string>
#include <vector>

#include <memory>
#include <optional>

#include "sim/exercise/Exercise.hpp"
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
/// Reads a journal and runs its exercise again to where it ends; null (problems printed) if the
/// journal or its scenario cannot be read.
std::unique_ptr<exercise::Exercise> rerunJournal(const std::string& path, std::ostream& err);

}  // namespace samverkan::cli
