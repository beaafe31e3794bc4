#include "gui/app/Session.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "sim/exercise/Replay.hpp"
#include "sim/exercise/RoleView.hpp"

namespace samverkan::gui {

bool Session::load(const std::string& path) {
    endRun();  // a run refers to its scenario, which is about to be replaced
    auto loaded = scenario::loadScenario(path);
    diagnostics = loaded.diagnostics;
    if (!loaded.ok()) {
        scenario.reset();
        return false;
    }
    scenarioPath = path;
    scenario = std::make_unique<scenario::Scenario>(std::move(*loaded.value));
    if (role.empty() || scenario->region.actorIndex(role) == model::kNone) role = scenario->region.convener;
    if (playName.empty() || !scenario->knowsPlay(playName)) playName = scenario->defaultPlay();
    loadMap();
    return true;
}

void Session::loadMap() {
    areaMap.reset();
    mapDiagnostics.clear();
    const auto path = assetsDir + "/maps/" + scenario->region.id + ".yaml";
    if (assetsDir.empty() || !std::filesystem::exists(path)) return;
    auto loaded = scenario::loadAreaMap(path, scenario->region);
    mapDiagnostics = loaded.diagnostics;
    if (loaded.ok()) areaMap = std::move(*loaded.value);
}

void Session::endRun() {
    run.reset();
    journalFile.reset();
    lastAnswer.clear();
    notice.clear();
    noticeFrom.clear();
    seen.clear();
    m_ownEntries = SIZE_MAX;
    actsAs.clear();
    m_assessment.reset();
    m_assessedEntries = 0;
}

void Session::start() {
    endRun();
    exercise::Options o;
    if (playName.empty()) playName = scenario->defaultPlay();
    o.playName = scenario->knowsPlay(playName) ? playName : "none";
    if (!control && std::find(seats.begin(), seats.end(), role) == seats.end()) seats.insert(seats.begin(), role);
    // Trainees hold their seats; with exercise control at the screen, the roles chosen as held by
    // trainees elsewhere (none: the simulator plays every role).
    o.trainees = seats;
    if (!journalPath.empty()) {
        // Written in place from the first line, so that a crash keeps everything up to it.
        std::string error;
        journalFile.emplace(journalPath);
        if (journalFile->open(error) && journalFile->putInPlace(error)) o.journalOut = &journalFile->stream();
        else diagnostics = {{journalPath, 0, 0, error}};
    }
    run = std::make_unique<exercise::Exercise>(*scenario, o);
    ++runNumber;
    pause();  // nothing happens before the trainee presses play
}

void Session::pause() {
    if (speed != 0) playSpeed = speed;
    speed = 0;
}

void Session::play() { speed = playSpeed > 0 ? playSpeed : 60; }

bool Session::resume(const std::string& path) {
    // A last line cut off by the crash is left out: the exercise goes on from the last whole entry.
    const auto read = exercise::readJournal(path, exercise::CutTail::drop);
    if (!read.ok()) {
        diagnostics = read.diagnostics;
        return false;
    }
    const std::string kept = path + ".cut";
    if (read.value->cutLine > 0) {
        // The file as the crash left it, kept beside the journal before the resume rewrites it.
        std::error_code ec;
        std::filesystem::copy_file(path, kept, std::filesystem::copy_options::overwrite_existing, ec);
        if (ec) {
            diagnostics = {{kept, 0, 0, "cannot keep the journal as it was before resuming: " + ec.message()}};
            return false;
        }
    }
    endRun();
    ++runNumber;
    pause();  // a resumed exercise waits for the trainee, however fast it ran before the crash
    // Run it again into a new file and put that in place of the old one once it has caught up, so
    // that a crash during the catch-up loses nothing either.
    std::string error;
    journalFile.emplace(path, ".resume");
    if (!journalFile->open(error)) {
        diagnostics = {{path, 0, 0, error}};
        return false;
    }
    run = exercise::rerun(*read.value, path, diagnostics, &journalFile->stream());
    if (!run) return false;
    if (!journalFile->putInPlace(error)) {
        diagnostics = {{path, 0, 0, error}};
        return false;
    }
    scenario = std::make_unique<scenario::Scenario>(run->scenario());
    loadMap();
    scenarioPath = read.value->header.scenarioFile;
    journalPath = path;
    const auto& header = read.value->header;
    seats = run->trainees();  // the mode (trainee or exercise control) stays as chosen
    if (!header.trainees.empty()) role = header.trainees.front();
    playName = header.play;
    loadReadMarks();
    if (const int cut = read.value->cutLine; cut > 0) {
        const auto at = engine::formatElapsed(run->now());
        const auto line = std::to_string(cut);
        notify("resume", lang == model::Lang::sv
                         ? "Journalens sista rad (rad " + line + ") var avklippt och är utelämnad; övningen fortsätter från den sista hela posten (" +
                               at + "). Filen som den var finns kvar i " + kept + "."
                         : "The journal's last line (line " + line + ") was cut off and is left out; the exercise goes on from the last whole entry (" +
                               at + "). The file as it was is kept in " + kept + ".");
    }
    return true;
}

const Assessment& Session::assessment() const {
    if (!m_assessment || m_assessedEntries != run->journal().entries().size()) {
        m_assessment = Assessment{eval::evaluate(*run), eval::measure(*run)};
        m_assessedEntries = run->journal().entries().size();
    }
    return *m_assessment;
}

bool Session::knows(const protocol::JournalEntry& entry) const { return exercise::mayKnow(*run, viewer(), entry); }

std::string Session::worded(const protocol::JournalEntry& entry) const { return exercise::wordedFor(*run, viewer(), entry).in(lang); }

void Session::notify(std::string from, std::string text) {
    noticeFrom = std::move(from);
    notice = std::move(text);
    noticeAt = ImGui::GetCurrentContext() != nullptr ? ImGui::GetTime() : 0;
}

std::size_t Session::seenBy(const std::string& seat) const {
    const auto it = seen.find(seat);
    return it == seen.end() ? 0 : it->second;
}

void Session::markRead() {
    seen[viewer()] = run->journal().entries().size();
    const auto path = readMarksPath();
    if (path.empty()) return;
    // One line per role: its id and how many entries it has read.
    std::string text;
    for (const auto& [seat, count] : seen) text += (seat.empty() ? std::string(protocol::kControl) : seat) + " " + std::to_string(count) + "\n";
    std::string error;
    if (!exercise::writeFileAtomically(path, text, error)) notify("inbox", error);
}

void Session::loadReadMarks() {
    seen.clear();
    std::ifstream in(readMarksPath());
    std::string seat;
    std::size_t count = 0;
    // A line that does not read (a hand-edited or cut file) ends the marks: what is left stays unread.
    while (in >> seat >> count) {
        if (count > run->journal().entries().size()) count = run->journal().entries().size();
        seen[seat == protocol::kControl ? std::string() : seat] = count;
    }
}

const std::vector<exercise::OwnAction>& Session::ownActions() const {
    const std::string who = actingRole();
    if (m_ownEntries != run->journal().entries().size() || m_ownRole != who) {
        m_own = exercise::ownActions(*run, who);
        m_ownRole = who;
        m_ownEntries = run->journal().entries().size();
    }
    return m_own;
}

const std::string& Session::actingRole() const {
    if (control) return actsAs.empty() ? protocol::kControl : actsAs;
    return role;
}

bool Session::handOver(const std::string& seat) {
    if (!submit(protocol::HandOver{.by = protocol::kControl, .role = seat})) return false;
    seats = run->trainees();
    if (!control && std::find(seats.begin(), seats.end(), role) == seats.end() && !seats.empty()) role = seats.front();
    return true;
}

bool Session::submit(protocol::Command command) {
    const auto answer = run->submit(command, control ? protocol::Source::control : protocol::Source::trainee);
    lastAnswer = answer.accepted ? std::string(t("Godtaget.", "Accepted.")) : run->renderer().refusal(answer.refusal).in(lang);
    return answer.accepted;
}

bool Session::clockRunning() const {
    if (!run || run->finished() || speed == 0) return false;
    // A decision point for the trainee's role stops the clock until it is answered.
    for (const auto& p : run->openDecisionPoints())
        if (!control && scenario->decisionPoints[p.index].role == role) return false;
    return true;
}

void Session::advance(double realSeconds) {
    if (!clockRunning()) return;
    const auto step = static_cast<engine::Millis>(std::llround(realSeconds * speed * 1000.0));
    run->runUntil(run->now() + std::max<engine::Millis>(step, 1));
}

}  // namespace samverkan::gui
