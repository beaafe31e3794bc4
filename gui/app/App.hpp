#pragma once
// The trainee console's screens and its frame loop.

#include <cstdint>
#include <string>
#include <vector>

#include "gui/app/Session.hpp"
#include "gui/views/Views.hpp"

namespace samverkan::gui {

/// How the program was started.
struct AppOptions {
    std::string scenario;       ///< a scenario to open; with `start`, go straight to the exercise
    std::string play;  ///< empty: the scenario's default play
    std::string role;
    std::vector<std::string> seats;  ///< more roles at the same screen (hot seat)
    bool control = false;
    bool start = false;
    model::Lang lang = model::Lang::sv;
    std::string until;          ///< advance the exercise to this time before showing it (+6h)
    std::string journal;        ///< write the journal here as the exercise runs
    std::string resume;         ///< resume the exercise from this journal
    std::string screenshot;     ///< write a PNG after `frames` frames and exit
    int frames = 3;
    std::string tab;            ///< the centre tab to show first (picture, map, timeline, journal, review, replay, measures)
    std::string decide;         ///< open the decision section with this measure drafted, decided alone
    std::string dataDir, fontPath, assetsDir;
};

/// The exercise screen's panels that keep state between frames; all of it belongs to one run.
struct Panels {
    TopBarPanel topBar;
    ActionsPanel actions;
    MapPanel map;
    ReviewPanel review;
};

/// Draws one frame of the current screen into the current ImGui context. Owns the session and
/// every panel's state, so that two Apps in one process share nothing.
class App {
public:
    explicit App(const AppOptions& options);
    /// Builds the frame's widgets; `realSeconds` since the last frame advances the clock.
    void frame(double realSeconds);
    [[nodiscard]] const Session& session() const { return m_session; }
    [[nodiscard]] Session& session() { return m_session; }
    [[nodiscard]] bool inExercise() const { return m_session.run != nullptr; }
    /// The centre tab shown in the last frame: picture, map, timeline, journal or review.
    [[nodiscard]] const std::string& currentTab() const { return m_currentTab; }
    /// The window's close button: during an exercise, asks first (the journal says whether it is kept).
    void requestClose() { m_closeAsked = true; }
    /// True once closing is confirmed (or nothing would be lost).
    [[nodiscard]] bool mayClose() const { return m_closeConfirmed || (m_closeAsked && !inExercise()); }
    /// The exercise screen's panels, as of the last frame (they start afresh with each new run).
    [[nodiscard]] const Panels& panels() const { return m_panels; }
    [[nodiscard]] Panels& panels() { return m_panels; }

private:
    void exerciseScreen();
    void closeDialog();
    bool m_closeAsked = false;
    bool m_closeConfirmed = false;
    bool m_reviewShown = false;  ///< the review tab was brought forward when the exercise ended
    std::string m_pendingTab;    ///< a tab to bring forward (--tab)
    std::string m_currentTab;    ///< the centre tab shown in the last frame
    Session m_session;
    StartPanel m_start;
    Panels m_panels;
    std::uint64_t m_panelsRun = 0;  ///< the session's run `m_panels` and `m_reviewShown` belong to
    std::vector<std::string> m_shipped;
};

/// Runs the console in a window; returns the exit code.
int runWindow(const AppOptions& options);

}  // namespace samverkan::gui
