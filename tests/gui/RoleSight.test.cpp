// A trainee's console shows what the role may know and nothing more (DESIGN.md, contract 4): every
// centre tab, the forum board, the inbox and the actions, rendered for trainee roles in every
// shipped scenario, write no true level that the role has not been told. Exercise control, at the
// same moments, does write them: the check can fail.
#include <catch2/catch.hpp>

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "gui/app/App.hpp"
#include "sim/exercise/RoleView.hpp"
#include "tests/gui/HeadlessImGui.hpp"

using namespace samverkan;
using engine::Millis;
using support::HeadlessImGui;

namespace {

const char* const kTabs[] = {"picture", "map", "timeline", "journal", "review"};

// Every way the console writes a level: the renderer's "43 %" and a progress bar's "43%".
void tokens(double level, std::set<std::string>& out) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f %%", level * 100.0);
    out.insert(buf);
    std::snprintf(buf, sizeof buf, "%.0f%%", static_cast<double>(static_cast<float>(level) * 100 + 0.01f));
    out.insert(buf);
}

// Everything one console writes across its tabs.
std::string allTabs(HeadlessImGui& imgui, gui::App& app) {
    std::string text;
    app.captureText(true);
    for (const char* tab : kTabs) {
        app.showTab(tab);
        imgui.frame(app);
        imgui.frame(app);
        text += app.capturedText();
    }
    return text;
}

// The levels `role` has been told by now: the pictures of the forums it sits in, the reports it
// may read, and what it sees of its own services.
std::set<std::string> told(const exercise::Exercise& run, const std::string& role) {
    std::set<std::string> out;
    const auto& region = run.scenario().region;
    const auto me = region.actorIndex(role);
    for (const auto& [forum, picture] : run.pictures())
        if (run.cooperation().forum(forum).has(me))
            for (const auto& known : picture.services)
                if (known.observedAt >= 0) tokens(known.level, out);
    for (const auto& e : run.journal().entries()) {
        if (!exercise::mayKnow(run, role, e)) continue;
        if (const auto* report = e.as<protocol::ReportMade>())
            for (const auto& l : report->levels) tokens(l.level, out);
        if (const auto* picture = e.as<protocol::PictureCompiled>())
            for (const auto& known : picture->services)
                if (known.known) tokens(known.level, out);
    }
    if (const auto* w = run.world())
        for (std::size_t sv = 0; sv < w->spec().services.size(); ++sv)
            if (w->observes(role, sv)) tokens(w->observedBy(role, sv, run.now()).level, out);
    return out;
}

// The true levels a view could give away: every service now, and the truth each picture was
// compiled against.
std::set<std::string> truths(const exercise::Exercise& run) {
    std::set<std::string> out;
    if (const auto* w = run.world())
        for (std::size_t sv = 0; sv < w->spec().services.size(); ++sv) tokens(w->level(sv), out);
    for (const auto& e : run.journal().entries())
        if (const auto* picture = e.as<protocol::PictureCompiled>())
            for (const auto& known : picture->services) tokens(known.truth, out);
    return out;
}

// The true levels `text` writes that `role` was not told.
std::vector<std::string> leaks(const std::string& text, const std::set<std::string>& truth, const std::set<std::string>& known) {
    std::vector<std::string> out;
    for (const auto& t : truth) {
        if (known.count(t) != 0) continue;
        // A whole number: not the tail of a larger one ("5 %" inside "35 %").
        for (auto at = text.find(t); at != std::string::npos; at = text.find(t, at + 1))
            if (at == 0 || !std::isdigit(static_cast<unsigned char>(text[at - 1]))) {
                out.push_back(t);
                break;
            }
    }
    return out;
}

gui::AppOptions at(const std::string& scenario, const std::string& until, const std::string& role, bool control) {
    gui::AppOptions options;
    options.dataDir = support::kScenarios;
    options.scenario = scenario;
    options.start = true;
    options.control = control;
    options.role = role;
    options.lang = model::Lang::en;
    options.until = until;
    return options;
}

std::vector<std::string> shippedScenarios() {
    std::vector<std::string> out;
    for (const auto* dir : {"", "/validation"})
        for (const auto& f : std::filesystem::directory_iterator(support::kScenarios + dir))
            if (f.path().extension() == ".yaml") out.push_back(f.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

// Roles to try in a scenario: the convener (in most forums), an actor that observes a service of
// its own, and the region's last actor.
std::vector<std::string> rolesOf(const scenario::Scenario& sc) {
    std::vector<std::string> roles{sc.region.convener};
    if (sc.world)
        for (const auto& service : sc.world->services)
            for (const auto& observer : service.observers)
                if (std::find(roles.begin(), roles.end(), observer) == roles.end() && roles.size() < 2) roles.push_back(observer);
    if (std::find(roles.begin(), roles.end(), sc.region.actors.back().id) == roles.end()) roles.push_back(sc.region.actors.back().id);
    return roles;
}

}  // namespace

TEST_CASE("a trainee's every view writes no true level the role was not told, in every shipped scenario", "[gui][sight]") {
    HeadlessImGui imgui;
    ImGui::GetIO().DisplaySize = ImVec2(1920, 1080);
    int controlLeaks = 0, checked = 0;
    for (const auto& file : shippedScenarios()) {
        gui::App probe(at(file, "", "", true));
        REQUIRE(probe.session().scenario);
        const auto& sc = *probe.session().scenario;
        for (const Millis when : {sc.duration / 4, sc.duration * 3 / 4}) {
            const std::string until = "+" + std::to_string(when / 1000) + "s";
            for (const auto& role : rolesOf(sc)) {
                INFO(file << " as " << role << " at " << until);
                gui::App app(at(file, until, role, false));
                REQUIRE(app.inExercise());
                const auto& run = *app.session().run;
                REQUIRE_FALSE(run.finished());
                // What the tabs drew, and every journal entry the journal tab would show on scrolling.
                auto text = allTabs(imgui, app);
                for (const auto& e : run.journal().entries())
                    if (app.session().knows(e)) text += app.session().worded(e) + "\n";
                CHECK(text.find(run.world() ? "As known" : "no consequence model") != std::string::npos);  // the capture holds the views' text
                CHECK(leaks(text, truths(run), told(run, role)).empty());
                ++checked;

                // The map is coloured by what the role knows: unknown, or the latest picture it has.
                const auto* picture = gui::knownPicture(app.session());
                const auto& shown = app.panels().map.shownLevels;
                for (std::size_t sv = 0; sv < shown.size(); ++sv) {
                    if (picture == nullptr || picture->services[sv].observedAt < 0) CHECK(shown[sv] < 0);
                    else CHECK(shown[sv] == picture->services[sv].level);
                }

                // Exercise control at the same moment writes the truth beside what is known.
                gui::App control(at(file, until, role, true));
                controlLeaks += leaks(allTabs(imgui, control), truths(*control.session().run), told(run, role)).empty() ? 0 : 1;
            }
        }
    }
    CHECK(checked >= 18);
    CHECK(controlLeaks > 0);
}

TEST_CASE("a trainee reads only the journal entries that reached its role", "[gui][sight]") {
    HeadlessImGui imgui;
    gui::App app(at(support::kSnowstorm, "+30h", "sl", false));
    REQUIRE(app.inExercise());
    const auto& run = *app.session().run;
    std::size_t hidden = 0, shownToControl = 0;
    for (const auto& e : run.journal().entries()) {
        if (e.kind == protocol::Kind::command) continue;
        ++shownToControl;
        if (!exercise::mayKnow(run, "sl", e)) ++hidden;
        // What happened in a forum SL does not sit in, between others, stays hidden.
        if (!e.forum.empty() && e.actor != "sl" && e.kind != protocol::Kind::publicMessage) {
            const auto f = run.scenario().region.forumIndex(e.forum);
            if (f != model::kNone && !run.cooperation().forum(f).has(run.scenario().region.actorIndex("sl")))
                CHECK_FALSE(exercise::mayKnow(run, "sl", e));
        }
    }
    CHECK(hidden > 0);
    CHECK(hidden < shownToControl);
    // Everybody reads the joint public messages; nobody but the role's own reads its refusals.
    for (const auto& e : run.journal().entries()) {
        if (e.kind == protocol::Kind::publicMessage) CHECK(exercise::mayKnow(run, "sl", e));
        if (e.kind == protocol::Kind::rejected) CHECK(exercise::mayKnow(run, "sl", e) == (e.actor == "sl"));
        CHECK(exercise::mayKnow(run, "", e));
        CHECK(exercise::mayKnow(run, protocol::kControl, e));
    }
    // A picture's sentence names the truth for exercise control and not for a trainee.
    for (const auto& e : run.journal().entries())
        if (e.kind == protocol::Kind::situationalPicture) {
            const auto known = exercise::wordedFor(run, "sl", e).in(model::Lang::en);
            const auto truth = exercise::wordedFor(run, protocol::kControl, e).in(model::Lang::en);
            CHECK(known.find("true level") == std::string::npos);
            if (truth.find("worst known") != std::string::npos) CHECK(truth.find("true level") != std::string::npos);
        }
}

