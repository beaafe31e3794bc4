// The GUI drives the same Exercise as the CLI: the same commands through the GUI's path give the
// same journal; a new run keeps nothing derived from the last one; and whole frames of the console
// build headless, with no window.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "gui/app/App.hpp"
#include "gui/views/Views.hpp"
#include "sim/eval/Findings.hpp"
#include "sim/exercise/JournalReader.hpp"
#include "tests/gui/HeadlessImGui.hpp"

using namespace samverkan;
using engine::kHour;
using engine::kMinute;
using engine::Millis;

using support::HeadlessImGui;
using support::kSnowstorm;

namespace {

// Enough of an evaluation to tell two apart: its score, explanation and each finding.
std::string summary(const eval::Evaluation& ev) {
    std::string out = std::to_string(ev.score) + " " + ev.explanation.en;
    for (const auto& f : ev.findings) out += "\n" + std::string(eval::statusName(f.status)) + " " + f.text.en;
    return out;
}

// The time at which each length of the journal is first reached, stepping event by event.
std::map<std::size_t, Millis> journalLengths(const std::string& scenario, std::size_t upTo) {
    gui::Session s;
    s.control = true;
    REQUIRE(s.load(scenario));
    s.start();
    std::map<std::size_t, Millis> lengths{{s.run->journal().entries().size(), s.run->now()}};
    while (s.run->journal().entries().size() < upTo && !s.run->finished()) {
        const auto next = s.run->nextEventTime();
        if (!next) break;
        s.run->runUntil(*next);
        lengths.emplace(s.run->journal().entries().size(), s.run->now());
    }
    return lengths;
}

// A trainee's exercise written to `path` up to +3 h, running fast, that then ends without any
// orderly shutdown: only what was flushed survives. Returns the journal as it was then.
std::string crashedExercise(const std::string& path) {
    gui::Session session;
    session.role = "lansstyrelsen";
    session.journalPath = path;
    REQUIRE(session.load(kSnowstorm));
    session.start();
    session.speed = 600;
    session.run->runUntil(30 * kMinute);
    REQUIRE(session.submit(protocol::Convene{"lansstyrelsen", "coordinating", "telephone", 0, {"polisen", "sl"}}));
    session.run->runUntil(3 * kHour);
    return session.run->journal().text();
}

}  // namespace

TEST_CASE("commands through the GUI's session give the journal the CLI path gives", "[gui]") {
    gui::Session session;
    session.role = "lansstyrelsen";
    REQUIRE(session.load(kSnowstorm));
    session.start();
    session.run->runUntil(20 * kMinute);
    CHECK(session.submit(protocol::Convene{"lansstyrelsen", "coordinating", "telephone", 0, {"polisen", "smhi", "sl"}}));
    session.run->runUntil(2 * kHour);
    CHECK_FALSE(session.submit(protocol::Release{"lansstyrelsen", "coordinating", "lansstyrelsen"}));
    CHECK(session.lastAnswer == "Länsstyrelsen i Stockholms län kan inte släppas: den dokumenterar forumets arbete (R7).");
    session.run->runUntil(6 * kHour);

    const auto loaded = scenario::loadScenario(kSnowstorm);
    REQUIRE(loaded.ok());
    exercise::Options o;
    o.trainees = {"lansstyrelsen"};
    o.playName = loaded.value->defaultPlay();  // as the GUI's: the doctrine
    exercise::Exercise cli(*loaded.value, o);
    cli.submitAt(20 * kMinute, protocol::Convene{"lansstyrelsen", "coordinating", "telephone", 0, {"polisen", "smhi", "sl"}});
    cli.submitAt(2 * kHour, protocol::Release{"lansstyrelsen", "coordinating", "lansstyrelsen"});
    cli.runUntil(6 * kHour);
    CHECK(session.run->journal().text() == cli.journal().text());
}

TEST_CASE("the clock stops for a decision point that belongs to the trainee", "[gui]") {
    gui::Session session;
    session.role = "trafikverket";
    session.playName = "none";
    REQUIRE(session.load(kSnowstorm));
    session.start();
    const auto* world = session.run->world();
    const Millis at = world->drawn(world->hazardIndex("snowfall")).onset + 3 * kHour;  // as the storm is drawn
    session.run->runUntil(at);
    REQUIRE(session.run->openDecisionPoints().size() == 1);
    session.speed = 600;
    CHECK_FALSE(session.clockRunning());  // so the console may idle while the trainee thinks
    session.advance(10.0);  // would be 100 minutes of simulated time
    CHECK(session.run->now() == at);
    session.control = true;  // exercise control is not held up by a trainee's decision
    CHECK(session.clockRunning());
    session.advance(1.0);
    CHECK(session.run->now() == at + 10 * kMinute);
}

TEST_CASE("the clock runs only in a running, unpaused, unfinished exercise", "[gui][pace]") {
    gui::Session session;
    session.control = true;
    CHECK_FALSE(session.clockRunning());  // the start screen: no exercise
    REQUIRE(session.load(kSnowstorm));
    session.start();
    CHECK_FALSE(session.clockRunning());  // an exercise starts paused
    session.speed = 10;
    CHECK(session.clockRunning());
    session.pause();
    CHECK_FALSE(session.clockRunning());
    session.play();  // at the speed it last ran at
    CHECK(session.speed == 10);
    CHECK(session.clockRunning());
    session.speed = 0;
    CHECK_FALSE(session.clockRunning());
    session.speed = 600;
    session.run->runToEnd();
    CHECK_FALSE(session.clockRunning());
}

TEST_CASE("the frame loop idles only when nothing moves and nobody has touched the console for a while", "[gui][pace]") {
    using gui::FramePace;
    // The clock running: every frame at once, however long since the last input.
    CHECK(FramePace::idleWait(true, 0.0) == 0.0);
    CHECK(FramePace::idleWait(true, 100.0) == 0.0);
    // Paused: frames go on while input settles, then the loop waits, redrawing now and then.
    CHECK(FramePace::idleWait(false, 0.0) == 0.0);
    CHECK(FramePace::idleWait(false, FramePace::kSettle / 2) == 0.0);
    CHECK(FramePace::idleWait(false, FramePace::kSettle) == FramePace::kIdleRedraw);
    CHECK(FramePace::idleWait(false, 100.0) == FramePace::kIdleRedraw);
    CHECK(FramePace::kIdleRedraw <= 1.0);  // a paused console still shows a resize or an expose within a second
    // At most kMaxFps frames a second while in use: a quick frame rests the rest of its slot, a
    // slow one not at all; kWatchedFps once nobody has touched it for a while.
    CHECK(FramePace::rest(0.001) == Approx(1.0 / FramePace::kMaxFps - 0.001));
    CHECK(FramePace::rest(0.001, FramePace::kSettle / 2) == Approx(1.0 / FramePace::kMaxFps - 0.001));
    CHECK(FramePace::rest(1.0 / FramePace::kMaxFps) == 0.0);
    CHECK(FramePace::rest(0.5) == 0.0);
    CHECK(FramePace::rest(0.001, 10.0) == Approx(1.0 / FramePace::kWatchedFps - 0.001));
    CHECK(FramePace::kWatchedFps < FramePace::kMaxFps);
    CHECK(FramePace::rest(0.5, 10.0) == 0.0);
}

TEST_CASE("the console builds whole frames headless: start screen, then the exercise screen", "[gui]") {
    HeadlessImGui imgui;
    gui::AppOptions options;
    options.dataDir = std::string(SAMVERKAN_SOURCE_DIR) + "/scenarios";
    options.scenario = kSnowstorm;
    gui::App start(options);
    imgui.frame(start, 0.016);
    CHECK_FALSE(start.inExercise());
    CHECK(ImGui::FindWindowByName("start") != nullptr);

    options.start = true;
    options.until = "+3h";
    options.lang = model::Lang::en;
    gui::App app(options);
    REQUIRE(app.inExercise());
    for (int i = 0; i < 3; ++i) imgui.frame(app, 0.016);
    CHECK(ImGui::FindWindowByName("topbar") != nullptr);
    CHECK(ImGui::FindWindowByName("Forums") != nullptr);
    CHECK(ImGui::FindWindowByName("Inbox and actions") != nullptr);
    CHECK(ImGui::FindWindowByName("Snowstorm – red warning") != nullptr);
    // The exercise starts paused: frames do not move the clock until play is pressed; then each
    // frame at 60× moves it by about a second of simulated time per real second.
    CHECK(app.session().speed == 0);
    CHECK(app.session().run->now() == 3 * kHour);
    app.session().play();
    CHECK(app.session().speed == 60);
    for (int i = 0; i < 3; ++i) imgui.frame(app, 0.016);
    CHECK(app.session().run->now() > 3 * kHour);
}

TEST_CASE("a scenario that does not load shows its diagnostics, never a crash", "[gui]") {
    gui::Session session;
    CHECK_FALSE(session.load(std::string(SAMVERKAN_SOURCE_DIR) + "/tests/data/bad/many-problems.yaml"));
    CHECK(session.diagnostics.size() == 3);
    CHECK(session.scenario == nullptr);
}

TEST_CASE("after a crash the exercise resumes from its journal with nothing lost", "[gui][safety]") {
    const auto path = (std::filesystem::temp_directory_path() / "samverkan-gui-resume.jsonl").string();
    const std::string before = crashedExercise(path);
    gui::Session resumed;
    REQUIRE(resumed.resume(path));
    CHECK(resumed.role == "lansstyrelsen");
    CHECK(resumed.run->journal().text() == before);
    // The clock picks up where the journal's last entry was made, and waits for play.
    CHECK(resumed.run->now() == resumed.run->journal().entries().back().t);
    CHECK(resumed.speed == 0);
    CHECK_FALSE(resumed.clockRunning());
    // It goes on, writing to the same file.
    REQUIRE(resumed.submit(protocol::Deactivate{"lansstyrelsen", "coordinating"}));
    std::ifstream in(path);
    std::stringstream file;
    file << in.rdbuf();
    CHECK(file.str() == resumed.run->journal().text());
    CHECK(file.str().find("\"kind\":\"deactivated\"") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(path + ".resume"));
}

TEST_CASE("a journal whose last line was cut by a crash resumes from its last whole entry, and says so", "[gui][safety]") {
    const auto path = (std::filesystem::temp_directory_path() / "samverkan-gui-resume-cut.jsonl").string();
    std::filesystem::remove(path + ".cut");
    const std::string whole = crashedExercise(path);
    // The crash came while the last line was being written: half of it is in the file.
    const auto lastStart = whole.rfind('\n', whole.size() - 2) + 1;
    const std::string cut = whole.substr(0, lastStart + (whole.size() - lastStart) / 2);
    std::ofstream(path, std::ios::trunc | std::ios::binary) << cut;
    const auto lines = static_cast<int>(std::count(cut.begin(), cut.end(), '\n'));
    // A replay refuses it; a resume goes on from the last whole entry.
    CHECK_FALSE(exercise::readJournal(path).ok());
    gui::Session resumed;
    resumed.lang = model::Lang::en;
    REQUIRE(resumed.resume(path));
    CHECK(resumed.noticeFrom == "resume");
    CHECK(resumed.notice.find("line " + std::to_string(lines + 1) + ") was cut off") != std::string::npos);
    // The whole lines are the resumed journal's beginning, and the file as it was is kept beside it.
    const auto text = resumed.run->journal().text();
    CHECK(text.substr(0, lastStart) == whole.substr(0, lastStart));
    std::ifstream kept(path + ".cut", std::ios::binary);
    std::stringstream keptText;
    keptText << kept.rdbuf();
    CHECK(keptText.str() == cut);
    // It goes on, and the journal file now ends with a whole line.
    REQUIRE(resumed.submit(protocol::Deactivate{"lansstyrelsen", "coordinating"}));
    std::ifstream in(path, std::ios::binary);
    std::stringstream file;
    file << in.rdbuf();
    CHECK(file.str() == resumed.run->journal().text());
    CHECK(file.str().back() == '\n');
    CHECK(exercise::readJournal(path).ok());
}

TEST_CASE("exports go beside the journal by default, named by scenario, role and time, never into the working folder", "[gui][safety]") {
    namespace fs = std::filesystem;
    gui::Session session;
    session.role = "lansstyrelsen";
    REQUIRE(session.load(kSnowstorm));
    // With no journal: the samverkan folder in the user's home.
    CHECK(gui::defaultExportFolder(session, "/home/trainee") == "/home/trainee/samverkan");
    // Beside the journal, as an absolute path even when the journal was named relative to here.
    const auto dir = fs::temp_directory_path() / "samverkan-exports";
    session.journalPath = (dir / "exercise.jsonl").string();
    CHECK(gui::defaultExportFolder(session, "/home/trainee") == dir.lexically_normal().string());
    session.journalPath = "exercises/today.jsonl";
    const auto relative = gui::defaultExportFolder(session, "/home/trainee");
    CHECK(fs::path(relative).is_absolute());
    CHECK(relative == (fs::current_path() / "exercises").lexically_normal().string());
    // The file: scenario, role and the minute it was written, in the chosen folder.
    std::tm t{};
    t.tm_year = 2026 - 1900, t.tm_mon = 0, t.tm_mday = 15, t.tm_hour = 9, t.tm_min = 30, t.tm_isdst = -1;
    const auto when = std::mktime(&t);
    CHECK(gui::exportPath(session, dir.string(), when, "report.html") ==
          (dir / "snowstorm-lansstyrelsen-20260115-0930-report.html").lexically_normal().string());
    session.control = true;
    CHECK(fs::path(gui::exportPath(session, dir.string(), when, "journal.jsonl")).filename() == "snowstorm-control-20260115-0930-journal.jsonl");
    session.actsAs = "smhi";  // exercise control acting for a role exports as that role
    CHECK(fs::path(gui::exportPath(session, "x", when, "report.html")).filename() == "snowstorm-smhi-20260115-0930-report.html");
    CHECK(fs::path(gui::exportPath(session, "x", when, "report.html")).is_absolute());
}

TEST_CASE("closing the window during an exercise asks first", "[gui][safety]") {
    HeadlessImGui imgui;
    gui::AppOptions options;
    options.dataDir = std::string(SAMVERKAN_SOURCE_DIR) + "/scenarios";
    options.scenario = kSnowstorm;
    gui::App idle(options);
    idle.requestClose();
    CHECK(idle.mayClose());  // nothing to lose on the start screen

    options.start = true;
    gui::App app(options);
    app.requestClose();
    imgui.frame(app, 0.016);
    CHECK_FALSE(app.mayClose());
    CHECK(ImGui::GetCurrentContext()->OpenPopupStack.Size == 1);
}

TEST_CASE("hot seat: trainees sharing a screen act in turn, each action stamped with its role", "[gui]") {
    gui::Session session;
    session.role = "lansstyrelsen";
    session.seats = {"lansstyrelsen", "polisen"};
    REQUIRE(session.load(kSnowstorm));
    session.start();
    // Neither seat is played by the simulator.
    session.run->runUntil(6 * kHour);
    CHECK(session.run->journal().text().find("\"kind\":\"convened\"") == std::string::npos);
    session.role = "polisen";
    REQUIRE(session.submit(protocol::RequestActivation{session.actingRole(), "coordinating", "", {}}));
    session.role = "lansstyrelsen";
    REQUIRE(session.submit(protocol::Convene{session.actingRole(), "coordinating", "telephone", 0, {}}));
    const auto& entries = session.run->journal().entries();
    std::vector<std::string> stamped;
    // The trainees' commands (the simulated actors', by their doctrine, are stamped "doctrine").
    for (const auto& e : entries)
        if (e.kind == protocol::Kind::command && e.as<protocol::CommandIssued>()->source == protocol::Source::trainee)
            stamped.push_back(e.actor);
    CHECK(stamped == std::vector<std::string>{"polisen", "lansstyrelsen"});
}

TEST_CASE("exercise control injects by hand through the same command path", "[gui]") {
    gui::Session session;
    session.control = true;
    REQUIRE(session.load(kSnowstorm));
    session.start();
    REQUIRE(session.submit(protocol::ControlInject{protocol::kControl, "snow-starts", {}, {}}));
    CHECK(session.run->journal().entries().back().ref == "snow-starts");
    CHECK(session.run->inputs().back().source == protocol::Source::control);
}

TEST_CASE("exercise control hands a trainee's role to the simulator from the console", "[gui]") {
    gui::Session session;
    session.control = true;
    session.seats = {"trafikverket", "sl"};
    REQUIRE(session.load(kSnowstorm));
    session.start();
    CHECK(session.run->trainees() == std::vector<std::string>{"trafikverket", "sl"});
    session.run->runUntil(2 * kHour);
    REQUIRE(session.handOver("trafikverket"));
    CHECK(session.run->trainees() == std::vector<std::string>{"sl"});
    CHECK(session.seats == std::vector<std::string>{"sl"});
    CHECK(session.run->journal().entries().back().kind == protocol::Kind::handOver);
    CHECK_FALSE(session.handOver("trafikverket"));  // the simulator already plays it
    CHECK_FALSE(session.lastAnswer.empty());
}

TEST_CASE("exercise control acts by hand for a role, stamped with that role", "[gui]") {
    gui::Session session;
    session.control = true;
    REQUIRE(session.load(kSnowstorm));
    session.start();
    session.lang = model::Lang::en;
    CHECK(gui::roleLine(session) == "Role: Exercise control");
    session.actsAs = "polisen";
    // The top bar says who acts for whom, not just the role.
    CHECK(gui::roleLine(session) == "Exercise control acting for " + gui::actorName(session, "polisen"));
    REQUIRE(session.submit(protocol::RequestActivation{session.actingRole(), "directing", "", {}}));
    const auto& input = session.run->inputs().back();
    CHECK(protocol::actingRole(input.command) == "polisen");
    CHECK(input.source == protocol::Source::control);
}

TEST_CASE("every centre tab builds headless – the map holds every municipality of the region", "[gui]") {
    HeadlessImGui imgui;
    gui::AppOptions options;
    options.dataDir = std::string(SAMVERKAN_SOURCE_DIR) + "/scenarios";
    options.assetsDir = std::string(SAMVERKAN_SOURCE_DIR) + "/assets";
    options.scenario = std::string(SAMVERKAN_SOURCE_DIR) + "/scenarios/demonstration.yaml";
    options.start = true;
    options.control = true;
    options.until = "+126h";
    for (const std::string tab : {"picture", "map", "timeline", "journal", "review"}) {
        INFO(tab);
        options.tab = tab;
        gui::App app(options);
        for (int i = 0; i < 3; ++i) imgui.frame(app, 0.016);
        CHECK(app.currentTab() == tab);
        const auto& areaMap = app.session().areaMap;
        REQUIRE(areaMap.has_value());
        std::size_t municipalities = 0;
        for (const auto& a : app.session().scenario->region.actors) municipalities += a.kind == "municipality";
        CHECK(areaMap->areas.size() == municipalities);
    }
    // The review's replay steps through the journal beside a board of the forked run.
    options.tab = "replay";
    gui::App app(options);
    for (int i = 0; i < 3; ++i) imgui.frame(app, 0.016);
    CHECK(app.currentTab() == "review");
    bool board = false;
    for (const auto* w : ImGui::GetCurrentContext()->Windows) board |= std::string(w->Name).find("replay-forums") != std::string::npos;
    CHECK(board);
}

TEST_CASE("a new run is assessed afresh, even at a journal of the same length", "[gui]") {
    // Two runs whose journals reach the same length: a cache keyed on the length alone would hand
    // the second the first one's evaluation.
    const auto snowstorm = journalLengths(support::kSnowstorm, 200);
    const auto demonstration = journalLengths(support::kDemonstration, 200);
    std::size_t length = 0;
    for (const auto& [n, t] : snowstorm)
        if (n > 5 && demonstration.count(n) != 0) {
            length = n;
            break;
        }
    REQUIRE(length > 0);

    // One session runs both in turn; each time its assessment must be that run's own.
    gui::Session session;
    session.control = true;
    const auto assessedAt = [&](const std::string& scenario, Millis t) {
        REQUIRE(session.load(scenario));
        session.start();
        session.run->runUntil(t);
        REQUIRE(session.run->journal().entries().size() == length);
        const std::string assessed = summary(session.assessment().evaluation);
        CHECK(assessed == summary(eval::evaluate(*session.run)));
        return assessed;
    };
    const std::string before = assessedAt(support::kSnowstorm, snowstorm.at(length));
    const std::string after = assessedAt(support::kDemonstration, demonstration.at(length));
    CHECK(after != before);
}

TEST_CASE("a new run keeps nothing of the last one's answers, acting role or inbox", "[gui]") {
    gui::Session session;
    session.control = true;
    REQUIRE(session.load(support::kSnowstorm));
    session.start();
    session.actsAs = "polisen";
    session.submit(protocol::Deactivate{.by = session.actingRole(), .forum = "coordinating"});
    REQUIRE_FALSE(session.lastAnswer.empty());
    session.markRead();
    REQUIRE(session.seenBy("") > 0);
    const auto firstRun = session.runNumber;
    session.start();
    CHECK(session.runNumber == firstRun + 1);
    CHECK(session.lastAnswer.empty());
    CHECK(session.actingRole() == protocol::kControl);
    CHECK(session.seenBy("") == 0);
    CHECK(session.ownActions().empty());
}

TEST_CASE("each action's answer is the role's own, with what it set off or why not, and survives a resume", "[gui][feedback]") {
    const auto path = (std::filesystem::temp_directory_path() / ("samverkan-gui-answers-" + std::to_string(::getpid()) + ".jsonl")).string();
    gui::Session session;
    session.role = "lansstyrelsen";
    session.journalPath = path;
    REQUIRE(session.load(kSnowstorm));
    session.start();
    session.run->runUntil(30 * kMinute);
    // Refused: the forum is not running yet, nobody can be released from it (R6).
    CHECK_FALSE(session.submit(protocol::Release{"lansstyrelsen", "coordinating", "lansstyrelsen"}));
    REQUIRE(session.submit(protocol::Convene{"lansstyrelsen", "coordinating", "telephone", 0, {"polisen", "sl"}}));
    session.run->runUntil(3 * kHour);
    const auto own = session.ownActions();
    REQUIRE(own.size() == 2);
    CHECK(own[0].type == "release");
    CHECK_FALSE(own[0].accepted);
    CHECK(session.run->renderer().refusal(own[0].refusal).in(model::Lang::en).find("(R6)") != std::string::npos);
    CHECK(own[1].type == "convene");
    CHECK(own[1].accepted);
    REQUIRE(own[1].followedBy < session.run->journal().entries().size());
    CHECK(session.run->journal().entries()[own[1].followedBy].kind == protocol::Kind::convened);
    // The play's and the doctrine's commands for other roles are not the trainee's actions.
    for (const auto& a : own) CHECK(session.run->journal().entries()[a.entry].actor == "lansstyrelsen");
    std::size_t commands = 0;
    for (const auto& e : session.run->journal().entries()) commands += e.kind == protocol::Kind::command ? 1 : 0;
    CHECK(commands > own.size());
    // Exercise control acting for another role sees that role's actions, not Länsstyrelsen's.
    session.control = true;
    session.actsAs = "polisen";
    CHECK(session.ownActions().empty());
    session.control = false;
    session.actsAs.clear();

    gui::Session resumed;
    REQUIRE(resumed.resume(path));
    const auto again = resumed.ownActions();
    REQUIRE(again.size() == own.size());
    for (std::size_t i = 0; i < own.size(); ++i) {
        CHECK(again[i].type == own[i].type);
        CHECK(again[i].accepted == own[i].accepted);
        CHECK(again[i].t == own[i].t);
    }
    std::filesystem::remove(path);
}

TEST_CASE("what the inbox had not read stays unread across a resume, per seat", "[gui][feedback]") {
    const auto path = (std::filesystem::temp_directory_path() / ("samverkan-gui-read-" + std::to_string(::getpid()) + ".jsonl")).string();
    std::filesystem::remove(path + ".read");
    gui::Session session;
    session.role = "lansstyrelsen";
    session.seats = {"lansstyrelsen", "sl"};
    session.journalPath = path;
    REQUIRE(session.load(kSnowstorm));
    session.start();
    session.run->runUntil(30 * kMinute);
    session.markRead();
    const auto readThen = session.seenBy("lansstyrelsen");
    REQUIRE(readThen > 0);
    CHECK(session.seenBy("sl") == 0);  // the other seat has read nothing
    session.run->runUntil(20 * kHour);
    REQUIRE(session.run->journal().entries().size() > readThen);

    gui::Session resumed;
    REQUIRE(resumed.resume(path));
    CHECK(resumed.seenBy("lansstyrelsen") == readThen);
    CHECK(resumed.seenBy("sl") == 0);
    // A read-marks file that does not read leaves everything unread, and the resume goes on.
    std::ofstream(path + ".read", std::ios::trunc) << "lansstyrelsen lots\n";
    gui::Session again;
    REQUIRE(again.resume(path));
    CHECK(again.seenBy("lansstyrelsen") == 0);
    // Marks beyond the journal's end (a journal cut back) are held to its length.
    std::ofstream(path + ".read", std::ios::trunc) << "lansstyrelsen 99999999\n";
    gui::Session cutBack;
    REQUIRE(cutBack.resume(path));
    CHECK(cutBack.seenBy("lansstyrelsen") == cutBack.run->journal().entries().size());
    std::filesystem::remove(path);
    std::filesystem::remove(path + ".read");
    std::filesystem::remove(path + ".cut");
}

TEST_CASE("a second exercise in the same session writes its own journal", "[gui]") {
    const auto path = (std::filesystem::temp_directory_path() / "samverkan-gui-second.jsonl").string();
    gui::Session session;
    session.control = true;  // the simulator plays every role, so the journal grows with time
    session.journalPath = path;
    REQUIRE(session.load(support::kSnowstorm));
    session.start();
    session.run->runUntil(6 * engine::kHour);
    const std::string firstJournal = session.run->journal().text();
    session.start();
    session.run->runUntil(engine::kHour);
    session.journalFile->stream().flush();
    std::ifstream in(path);
    std::stringstream file;
    file << in.rdbuf();
    CHECK(file.str() == session.run->journal().text());
    CHECK(file.str() != firstJournal);
}
