#include "sim/exercise/Replay.hpp"
#include "sim/scenario/InputFile.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "sim/model/Names.hpp"

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
    const auto roles = loaded.value->region.actorIds();
    for (const auto& role : journal.header.trainees)
        if (std::find(roles.begin(), roles.end(), role) == roles.end()) {
            const std::size_t column = journal.lines.empty() ? 1 : startFieldColumn(journal.lines.front(), "trainees");
            diagnostics.push_back({journalPath, 1, static_cast<int>(column),
                                   "the start entry's trainee role '" + role + "' is not an actor of region '" + loaded.value->region.id +
                                       "'" + model::didYouMean(role, roles)});
            return nullptr;
        }
    if (!options.play && !loaded.value->knowsPlay(journal.header.play)) {
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
    std::shared_ptr<Exercise> run = rerun(journal, journalPath, result.diagnostics);
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
            const auto mismatch = std::mismatch(r.expected.begin(), r.expected.end(), r.got.begin(), r.got.end());
            r.column = static_cast<std::size_t>(mismatch.first - r.expected.begin()) + 1;
        }
    }
    const std::size_t replayedLines = run->journal().entries().size();
    // A journal that has not ended may stop anywhere within its last instant (it is flushed entry
    // by entry); the re-run then goes on to the end of that instant, which is not a difference.
    const bool cutWithinInstant = !journal.ended && replayedLines > journal.lines.size();
    if (r.firstDifference == 0 && replayedLines != journal.lines.size() && !cutWithinInstant) {
        r.firstDifference = std::min(replayedLines, journal.lines.size()) + 1;
        r.expected = r.firstDifference <= journal.lines.size() ? journal.lines[r.firstDifference - 1] : "(end of journal)";
        r.got = r.firstDifference <= replayedLines ? run->journal().line(run->journal().entries()[r.firstDifference - 1])
                                                   : "(end of replay)";
    }
    if (r.firstDifference == 1 && !journal.lines.empty())
        if (const auto d = startDifference(r.expected, r.got)) {
            r.column = d->column;
            r.cause = d->cause;
        }
    r.lines = journal.lines.size();
    r.identical = r.firstDifference == 0;
    r.run = std::move(run);
    result.value = std::move(r);
    return result;
}

}  // namespace samverkan::exercise
