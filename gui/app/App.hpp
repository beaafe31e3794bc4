#pragma once
// The trainee console's screens and its frame loop.

#include <SFML/System/Clock.hpp>

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
    bool help = false;          ///< open the help window (F1) at start
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
    /// Whether the help window (F1) is open.
    [[nodiscard]] bool helpOpen() const { return m_helpOpen; }
    /// Brings a centre tab forward in the next frame (picture, map, timeline, journal, review).
    void showTab(const std::string& tab) { m_pendingTab = tab; }
    /// Keeps what the exercise screen's panels write in each frame from now on (tree nodes opened,
    /// as ImGui logs text), for tests that read every view.
    void captureText(bool on) { m_capture = on; }
    /// What the panels wrote in the last frame while capturing.
    [[nodiscard]] const std::string& capturedText() const { return m_captured; }
    /// The window's close button: during an exercise, asks first (the journal says whether it is kept).
    void requestClose() { m_closeAsked = true; }
    /// True once closing is confirmed (or nothing would be lost).
    [[nodiscard]] bool mayClose() const { return m_closeConfirmed || (m_closeAsked && !inExercise()); }
    /// The exercise screen's panels, as of the last frame (they start afresh with each new run).
    [[nodiscard]] const Panels& panels() const { return m_panels; }
    [[nodiscard]] Panels& panels() { return m_panels; }

private:
    void exerciseScreen();
    /// The keyboard's shortcuts (listed in the help window, F1).
    void shortcuts();
    bool m_helpOpen = false;
    /// A top-level panel of the exercise screen (ImGui logs per top-level window).
    void beginPanel(const char* name, int flags);
    void endPanel();
    bool m_capture = false;
    std::string m_captured;
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

/// How the console's frame loop spends the machine: frames follow the display (vsync where the
/// driver offers it, else at most kMaxFps a second while someone works the console, and
/// kWatchedFps while the clock runs and nobody touches it), and a console whose clock stands still
/// draws frames only for kSettle seconds after the last input (menus, hover and typing settle),
/// then waits for input, drawing at least every kIdleRedraw seconds.
struct FramePace {
    /// Thirty while in use: the software rasteriser of these machines takes 5–15 ms of CPU for a
    /// 1600×900 frame, and panels, plots and a clock that moves by the second look no different at 60.
    static constexpr double kMaxFps = 30;
    /// Fifteen while the clock runs untouched: the clock, the inbox and the plots move on in steps
    /// a reader does not see as steps, at half the cost.
    static constexpr double kWatchedFps = 15;
    static constexpr double kSettle = 0.5;
    static constexpr double kIdleRedraw = 0.5;
    /// How long to wait for input before the next frame (0: draw it now).
    [[nodiscard]] static double idleWait(bool clockRunning, double sinceInput) {
        return clockRunning || sinceInput < kSettle ? 0.0 : kIdleRedraw;
    }
    /// How long to sleep after a frame that took `frameSeconds`: to keep to kMaxFps while the
    /// console was touched within kSettle seconds, else to kWatchedFps.
    [[nodiscard]] static double rest(double frameSeconds, double sinceInput = 0) {
        const double left = 1.0 / (sinceInput < kSettle ? kMaxFps : kWatchedFps) - frameSeconds;
        return left > 0 ? left : 0.0;
    }
};

class Platform;
/// What a run of the frame loop did: its exit code and the frames it drew.
struct LoopResult {
    int code = 0;
    long frames = 0;
};
/// The console's frame loop on `platform`, paced as FramePace says (except while it works towards
/// a screenshot: then every frame is drawn at once).
class FrameLoop {
public:
    FrameLoop(Platform& platform, App& app, const AppOptions& options);
    /// Runs until the window is closed, after the screenshot, or (for the benchmarks, `seconds` >
    /// 0) after that much wall time; a later call goes on where this one stopped.
    LoopResult run(double seconds = 0);

private:
    Platform& m_platform;
    App& m_app;
    const AppOptions& m_options;
    sf::Clock m_sinceInput;  ///< since the last window event
    int m_frame = 0;
};

/// Runs the console in a window; returns the exit code.
int runWindow(const AppOptions& options);

}  // namespace samverkan::gui
