#include "sim/cli/Support.hpp"
#include "sim/scenario/InputFile.hpp"

#include <filesystem>
#include <ostream>

#include "sim/exercise/Replay.hpp"

namespace samverkan::cli {

void printDiagnostics(std::ostream& err, const std::vector<scenario::Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics) err << d.str() << "\n";
}

std::string findScenario(const std::string& arg) {
    namespace fs = std::filesystem;
    // The non-throwing forms: a link loop or an unreadable folder is the loader's to report.
    if (scenario::pathExists(arg)) return arg;
    for (const auto& candidate : {fs::path(SAMVERKAN_DATA_DIR) / arg, fs::path(SAMVERKAN_DATA_DIR) / (arg + ".yaml")})
        if (scenario::pathExists(candidate.string())) return candidate.string();
    return arg;
}

std::optional<scenario::Scenario> loadScenarioArg(const std::string& arg, std::ostream& err) {
    auto loaded = scenario::loadScenario(findScenario(arg));
    printDiagnostics(err, loaded.diagnostics);
    if (!loaded.ok()) return std::nullopt;
    return std::move(*loaded.value);
}

std::unique_ptr<exercise::Exercise> rerunJournal(const std::string& path, std::ostream& err) {
    const auto read = exercise::readJournal(path);
    if (!read.ok()) {
        printDiagnostics(err, read.diagnostics);
        return nullptr;
    }
    std::vector<scenario::Diagnostic> diagnostics;
    auto run = exercise::rerun(*read.value, path, diagnostics);
    if (!run) printDiagnostics(err, diagnostics);
    return run;
}

}  // namespace samverkan::cli
