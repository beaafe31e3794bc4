#include "gui/app/App.hpp"
#include "gui/views/Widgets.hpp"

#include <SFML/System/Clock.hpp>
#include <SFML/System/Sleep.hpp>
#include <SFML/Window/Keyboard.hpp>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "gui/platform/Platform.hpp"

namespace samverkan::gui {

App::App(const AppOptions& options) {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(options.dataDir, ec))
        if (entry.path().extension() == ".yaml") m_shipped.push_back(entry.path().string());
    std::sort(m_shipped.begin(), m_shipped.end());
    m_session.lang = options.lang;
    m_session.assetsDir = options.assetsDir;
    m_pendingTab = options.tab;
    m_helpOpen = options.help;
    if (m_pendingTab == "replay" || m_pendingTab == "measures") m_session.reviewFirst = m_pendingTab, m_pendingTab = "review";
    m_panels.actions.decision.open = !options.decide.empty();
    m_session.control = options.control;
    m_session.role = options.role;
    m_session.seats = options.seats;
    m_session.playName = options.play;
    m_session.journalPath = options.journal;
    m_start.keepJournalName = !options.journal.empty();
    if (!options.resume.empty()) {
        m_session.resume(options.resume);
    } else if (!options.scenario.empty() && m_session.load(options.scenario) && options.start) {
        m_session.start();
        if (!options.until.empty())
            if (const auto t = engine::parseOffset(options.until)) m_session.run->runUntil(*t);
    }
    m_panelsRun = m_session.runNumber;  // the panels start out empty for the run begun here
    if (inExercise() && !options.decide.empty()) {
        // The decision section open with a measure drafted, as the screenshot tests show it.
        auto& decision = m_panels.actions.decision;
        decision.alone = true;
        decision.choose(m_session, options.decide, {});
    }
}

void App::closeDialog() {
    if (!m_closeAsked || !inExercise()) return;
    ImGui::OpenPopup("close");
    if (ImGui::BeginPopupModal("close", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        if (m_session.journalPath.empty())
            ImGui::TextUnformatted(m_session.t("Övningen sparas inte. Avsluta ändå?", "The exercise is not being saved. Close anyway?"));
        else
            ImGui::Text("%s %s", m_session.t("Journalen är sparad i", "The journal is saved in"), m_session.journalPath.c_str());
        if (ImGui::Button(m_session.t("Avsluta", "Close"))) m_closeConfirmed = true;
        ImGui::SameLine();
        if (ImGui::Button(m_session.t("Fortsätt övningen", "Go on with the exercise"))) {
            m_closeAsked = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void App::frame(double realSeconds) {
    m_captured.clear();
    forgetMarks();
    if (m_panelsRun != m_session.runNumber) {
        // A new run (started, resumed, or a second exercise): nothing drafted for the last one carries over.
        m_panels = {};
        m_reviewShown = false;
        m_panelsRun = m_session.runNumber;
    }
    shortcuts();
    if (!inExercise()) {
        if (m_start.draw(m_session, m_shipped)) m_session.start();
        drawHelp(m_session, &m_helpOpen);
        return;
    }
    if (!m_closeAsked) m_session.advance(realSeconds);
    exerciseScreen();
    drawHelp(m_session, &m_helpOpen);
    closeDialog();  // modals last, after the windows they cover
}

void App::shortcuts() {
    // Keys act only when no field takes the typing (ImGui says so from the last frame).
    if (ImGui::GetIO().WantTextInput) return;
    if (ImGui::IsKeyPressed(sf::Keyboard::F1, false)) m_helpOpen = !m_helpOpen;
    if (!inExercise() || m_session.run->finished()) return;
    if (ImGui::IsKeyPressed(sf::Keyboard::Space, false)) m_session.speed == 0 ? m_session.play() : m_session.pause();
    const int keys[] = {sf::Keyboard::Num1, sf::Keyboard::Num2, sf::Keyboard::Num3, sf::Keyboard::Num4};
    for (std::size_t k = 0; k < 4; ++k)
        if (ImGui::IsKeyPressed(keys[k], false)) m_session.playSpeed = kSpeeds[k + 1], m_session.speed = kSpeeds[k + 1];
    if (ImGui::IsKeyPressed(sf::Keyboard::N, false))
        if (const auto next = m_session.run->nextEventTime()) m_session.run->runUntil(*next);
}

// The exercise screen, laid out for 1600×900: top bar; forum board on the left; picture and
// journal in tabs in the centre; inbox and actions on the right.
void App::beginPanel(const char* name, int flags) {
    ImGui::Begin(name, nullptr, flags);
    if (m_capture) ImGui::LogToBuffer(64);
}

void App::endPanel() {
    if (m_capture) {
        m_captured += ImGui::GetCurrentContext()->LogBuffer.c_str();
        m_captured += "\n";
        ImGui::LogFinish();
    }
    ImGui::End();
}

void App::exerciseScreen() {
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    const float top = 44.0f, left = size.x * 0.24f, right = size.x * 0.30f;
    // The panels tile the screen, so the cleared frame is their background: drawing it again would
    // cost the software rasteriser a blended pass over every pixel (bench/README.md).
    const auto flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoBackground;
    // The panels' edges, drawn once beneath them.
    ImDrawList* edges = ImGui::GetBackgroundDrawList();
    const ImU32 edge = ImGui::GetColorU32(ImGuiCol_Border);
    edges->AddLine(ImVec2(0, top), ImVec2(size.x, top), edge);
    edges->AddLine(ImVec2(left, top), ImVec2(left, size.y), edge);
    edges->AddLine(ImVec2(size.x - right, top), ImVec2(size.x - right, size.y), edge);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(size.x, top));
    beginPanel("topbar", flags | ImGuiWindowFlags_NoTitleBar);
    m_panels.topBar.draw(m_session);
    if (m_panels.topBar.helpPressed) m_helpOpen = !m_helpOpen;
    endPanel();

    ImGui::SetNextWindowPos(ImVec2(0, top));
    ImGui::SetNextWindowSize(ImVec2(left, size.y - top));
    beginPanel(m_session.t("Forum", "Forums"), flags);
    drawForumBoard(m_session);
    endPanel();

    ImGui::SetNextWindowPos(ImVec2(left, top));
    ImGui::SetNextWindowSize(ImVec2(size.x - left - right, size.y - top));
    beginPanel(m_session.scenario->title.in(m_session.lang).c_str(), flags);
    if (ImGui::BeginTabBar("centre")) {
        struct Tab {
            const char* id;
            const char *sv, *en;
            bool shown;
            void (*draw)(Panels&, Session&);
        };
        // The review: exercise control any time, trainees when the exercise has ended.
        const bool review = m_session.control || m_session.run->finished();
        const Tab tabs[] = {
            {"picture", "Lägesbild", "Situational picture", true, [](Panels&, Session& s) { drawPicture(s); }},
            {"map", "Karta", "Map", true, [](Panels& p, Session& s) { p.map.draw(s); }},
            {"timeline", "Tidslinje", "Timeline", true,
             [](Panels&, Session& s) {
                 ImGui::BeginChild("timeline");
                 drawTimeline(s);
                 ImGui::EndChild();
             }},
            {"journal", "Journal", "Journal", true, [](Panels&, Session& s) { drawJournal(s); }},
            {"review", "Utvärdering", "Review", review, [](Panels& p, Session& s) { p.review.draw(s); }},
        };
        // The review is brought forward once when the exercise ends; --tab chooses one at start.
        std::string select = m_pendingTab;
        if (m_session.run->finished() && !m_reviewShown) select = "review", m_reviewShown = true;
        for (const auto& tab : tabs) {
            if (!tab.shown) continue;
            const std::string label = std::string(m_session.t(tab.sv, tab.en)) + "###" + tab.id;
            const bool open = ImGui::BeginTabItem(label.c_str(), nullptr, select == tab.id ? ImGuiTabItemFlags_SetSelected : 0);
            mark(std::string("tab:") + tab.id);
            if (open) {
                m_currentTab = tab.id;
                tab.draw(m_panels, m_session);
                ImGui::EndTabItem();
            }
        }
        if (m_currentTab == m_pendingTab) m_pendingTab.clear();
        ImGui::EndTabBar();
    }
    endPanel();

    ImGui::SetNextWindowPos(ImVec2(size.x - right, top));
    ImGui::SetNextWindowSize(ImVec2(right, size.y - top));
    beginPanel(m_session.t("Inkorg och åtgärder", "Inbox and actions"), flags);
    drawInbox(m_session);
    ImGui::Separator();
    m_panels.actions.draw(m_session);
    endPanel();
    drawDecisionModal(m_session);
}

FrameLoop::FrameLoop(Platform& platform, App& app, const AppOptions& options)
    : m_platform(platform), m_app(app), m_options(options) {}

LoopResult FrameLoop::run(double seconds) {
    const bool screenshot = !m_options.screenshot.empty();
    sf::Clock wall, frameClock;
    LoopResult result;
    for (;;) {
        frameClock.restart();
        if (m_platform.pollEvents()) m_sinceInput.restart();
        if (!screenshot) {
            // Nothing moves and nobody has touched it for a while: wait for input, redrawing now and then.
            const double wait = FramePace::idleWait(m_app.session().clockRunning(), m_sinceInput.getElapsedTime().asSeconds());
            if (wait > 0) {
                if (m_platform.waitForEvents(wait)) m_sinceInput.restart();
                frameClock.restart();
            }
        }
        if (m_platform.closeRequested()) m_app.requestClose();
        if (m_app.mayClose()) return result;
        if (seconds > 0 && wall.getElapsedTime().asSeconds() >= seconds) return result;
        m_platform.newFrame();
        m_app.frame(ImGui::GetIO().DeltaTime);
        const bool shoot = screenshot && ++m_frame >= m_options.frames;
        if (!m_platform.render(shoot ? m_options.screenshot : std::string{})) {
            std::cerr << "samverkan-gui: cannot write " << m_options.screenshot << "\n";
            result.code = 1;
            return result;
        }
        ++result.frames;
        if (shoot) return result;
        if (!screenshot) {
            const double rest = FramePace::rest(frameClock.getElapsedTime().asSeconds(), m_sinceInput.getElapsedTime().asSeconds());
            if (rest > 0) sf::sleep(sf::seconds(static_cast<float>(rest)));
        }
    }
}

int runWindow(const AppOptions& options) {
    Platform platform(1600, 900, "Samverkan", options.fontPath);
    if (options.screenshot.empty()) platform.setVerticalSync(true);  // the display paces the frames where it can
    App app(options);
    FrameLoop loop(platform, app, options);
    return loop.run().code;
}

}  // namespace samverkan::gui
