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

namespace {
// A journal line cut to what a terminal shows, around the column where it differs.
std::string around(const std::string& line, std::size_t column) {
    constexpr std::size_t kBefore = 60, kWidth = 240;
    const std::size_t from = column > kBefore ? column - 1 - kBefore : 0;
    std::string cut = line.substr(from, kWidth);
    if (from > 0) cut = "..." + cut;
    if (from + kWidth < line.size()) cut += "...";
    return cut;
}
}  // namespace

void printReplayDifference(std::ostream& err, const std::string& path, const exercise::ReplayResult& r) {
    err << path << ":" << r.firstDifference << ":" << r.column << ": error: "
        << (r.cause.empty() ? std::string("the replay differs from the journal") : r.cause) << "\n"
        << "  journal: " << around(r.expected, r.column) << "\n  replay:  " << around(r.got, r.column) << "\n";
}

std::shared_ptr<exercise::Exercise> rerunJournal(const std::string& path, std::ostream& err, int& code) {
    code = kInputError;
    const auto read = exercise::readJournal(path);
    if (!read.ok()) {
        printDiagnostics(err, read.diagnostics);
        return nullptr;
    }
    auto result = exercise::replay(*read.value, path);
    if (!result.ok()) {
        printDiagnostics(err, result.diagnostics);
        return nullptr;
    }
    if (!result.value->identical) {
        printReplayDifference(err, path, *result.value);
        code = kRuntimeFailure;
        return nullptr;
    }
    code = kOk;
    return std::move(result.value->run);
}

}  // namespace samverkan::cli
