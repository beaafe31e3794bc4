#include "sim/exercise/Replay.hpp"
#include "sim/scenario/InputFile.hpp"

#include <filesystem>
#include <sstream>

namespace samverkan::exercise {

std::unique_ptr<Exercise> rerun(const ReadJournal& journal, const std::string& journalPath,
                                std::vector<scenario::Diagnostic>& diagnostics, std::ostream* journalOut) {
    namespace fs = std::filesystem;
    std::string file = journal.header.scenarioFile;
    if (!scenario::pathExists(file)) {
        const fs::path beside = fs::path(journalPath).parent_path() / fs::path(file).filename();
        if (scenario::pathExists(beside.string())) file = beside.string();
    }
    auto loaded = scenario::loadScenario(file);
    if (!loaded.ok()) {
        diagnostics = loaded.diagnostics;
        if (diagnostics.empty()) diagnostics.push_back({journalPath, 1, 1, "cannot load scenario '" + file + "'"});
        return nullptr;
    }
    loaded.value->file = journal.header.scenarioFile;  // so that the start entry matches
    Options options;
    options.seed = journal.header.seed;
    options.playName = journal.header.play;
    options.variant = journal.header.variant;
    options.trainees = journal.header.trainees;
    options.journalOut = journalOut;
    if (!journal.header.playFile.empty()) {
        auto play = scenario::loadPlayFile(journal.header.playFile, *loaded.value);
        if (!play.ok()) {
            diagnostics = play.diagnostics;
            return nullptr;
        }
        options.play = std::move(play.value);
        options.playFile = journal.header.playFile;
    }
    if (journal.header.play != "none" && !options.play && loaded.value->play(journal.header.play) == nullptr) {
        diagnostics.push_back({journalPath, 1, 1, "the journal's play '" + journal.header.play + "' is not in the scenario"});
        return nullptr;
    }
    if (!journal.header.variant.empty() && !loaded.value->applyVariant(journal.header.variant)) {
        diagnostics.push_back({journalPath, 1, 1, "the journal's variant '" + journal.header.variant + "' is not in the scenario"});
        return nullptr;
    }
    auto run = std::make_unique<Exercise>(*loaded.value, options);
    for (const auto& c : journal.inputs) run->submitAt(c.at, c.command, c.source);
    if (journal.ended) run->runToEnd();
    else run->runUntil(journal.lastTime);
    return run;
}

scenario::Loaded<ReplayResult> replay(const ReadJournal& journal, const std::string& journalPath) {
    scenario::Loaded<ReplayResult> result;
    const auto run = rerun(journal, journalPath, result.diagnostics);
    if (!run) return result;
    ReplayResult r;
    r.replayed = run->journal().text();
    std::istringstream lines(r.replayed);
    std::string line;
    std::size_t n = 0;
    while (std::getline(lines, line)) {
        ++n;
        if (n > journal.lines.size()) break;
        if (line != journal.lines[n - 1] && r.firstDifference == 0) {
            r.firstDifference = n;
            r.expected = journal.lines[n - 1];
            r.got = line;
        }
    }
    const std::size_t replayedLines = run->journal().entries().size();
    if (r.firstDifference == 0 && replayedLines != journal.lines.size()) {
        r.firstDifference = std::min(replayedLines, journal.lines.size()) + 1;
        r.expected = r.firstDifference <= journal.lines.size() ? journal.lines[r.firstDifference - 1] : "(end of journal)";
        r.got = r.firstDifference <= replayedLines ? run->journal().line(run->journal().entries()[r.firstDifference - 1])
                                                   : "(end of replay)";
    }
    r.lines = journal.lines.size();
    r.identical = r.firstDifference == 0;
    result.value = std::move(r);
    return result;
}

}  // namespace samverkan::exercise
