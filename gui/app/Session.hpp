#pragma once
// What the GUI shows and acts on: the chosen scenario, the running Exercise, the role, the clock
// speed. The GUI holds no rules: it reads the Exercise every frame and acts only by submitting
// Commands (DESIGN.md, contract 2).

#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/eval/Findings.hpp"
#include "sim/eval/Metrics.hpp"
#include "sim/exercise/Exercise.hpp"
#include "sim/exercise/Files.hpp"
#include "sim/exercise/RoleView.hpp"

namespace samverkan::gui {

/// Simulated seconds per real second; 0 = paused.
inline const std::vector<int> kSpeeds{0, 1, 10, 60, 600};

/// The run's evaluation against the expected actions and its metrics, shared by the review and
/// the timeline (both would otherwise scan the whole journal every frame).
struct Assessment {
    eval::Evaluation evaluation;
    eval::Metrics metrics;
};

struct Session {
    model::Lang lang = model::Lang::sv;
    bool control = false;  ///< exercise control (övningsledning) rather than a trainee
    std::string role;      ///< the trainee's actor id: the one acting now
    std::string actsAs;    ///< exercise control acting by hand for a role ("" = as exercise control)
    std::vector<std::string> seats;  ///< every role trainees hold at this screen (hot seat); `role` is one of them
    std::string scenarioPath, playName;  ///< empty: the scenario's default (the doctrine where it has rules)
    std::vector<scenario::Diagnostic> diagnostics;  ///< why the chosen scenario did not load
    std::unique_ptr<scenario::Scenario> scenario;
    std::string assetsDir;                 ///< the shipped assets (fonts, maps)
    std::optional<model::AreaMap> areaMap;  ///< the region's municipalities, if its map file loads
    std::vector<scenario::Diagnostic> mapDiagnostics;
    std::unique_ptr<exercise::Exercise> run;
    int speed = 0;       ///< simulated seconds per real second now; 0 = paused (as an exercise starts)
    int playSpeed = 60;  ///< the speed play goes back to
    std::string lastAnswer;  ///< the answer to the last command (beside its button: Actions)
    std::string notice;      ///< the last notice that answers no command: a jump, a save, a resume
    std::string noticeFrom;  ///< where the notice belongs: "jump", "export", "resume"
    double noticeAt = 0;     ///< ImGui's time when it was given
    /// Per role (hot seat: each seat its own), how many journal entries its inbox has marked read;
    /// kept beside the journal (FILE.read) so that a resume keeps unread what was unread.
    std::map<std::string, std::size_t> seen;
    std::string journalPath;      ///< where the journal is written as the exercise runs ("" = nowhere)
    std::string reviewFirst;      ///< the review opens on this page: "replay" or "measures" (--tab)
    std::optional<exercise::AtomicFile> journalFile;  ///< the journal, written as the exercise runs
    std::uint64_t runNumber = 0;  ///< counts the runs started or resumed here; a panel's drafts belong to one run

    /// Loads the scenario; on failure keeps the diagnostics and returns false.
    bool load(const std::string& path);
    /// Loads the map of the scenario's region from `assetsDir/maps/<region id>.yaml`, if there is one.
    void loadMap();
    /// Starts the exercise with the chosen play, the role left to the trainee. A run already going
    /// ends first: its journal is closed and nothing derived from it is kept.
    void start();
    /// Picks up an exercise from its journal after a crash or a kill: runs it again to where the
    /// journal ends (byte for byte) and goes on writing the same file. False, with diagnostics, if
    /// the journal cannot be read or its scenario loaded.
    bool resume(const std::string& path);
    /// Gives a notice that belongs beside `from` (a jump, an export, a resume).
    void notify(std::string from, std::string text);
    /// The journal entries the role's inbox has marked read.
    [[nodiscard]] std::size_t seenBy(const std::string& seat) const;
    /// Marks everything in the role's inbox read, and keeps that beside the journal.
    void markRead();
    /// Where the read marks are kept: beside the journal ("" without a journal).
    [[nodiscard]] std::string readMarksPath() const { return journalPath.empty() ? std::string() : journalPath + ".read"; }
    /// The acting role's own actions with their answers (exercise::ownActions), kept until the journal grows.
    [[nodiscard]] const std::vector<exercise::OwnAction>& ownActions() const;
    /// Submits a command as the current role (or as exercise control) and keeps the answer.
    bool submit(protocol::Command command);
    /// Exercise control hands a trainee's role to the simulator, which plays it from now on.
    bool handOver(const std::string& seat);
    /// Advances simulated time by `realSeconds` at the chosen speed; stops at decision points.
    void advance(double realSeconds);
    /// Stops the clock, keeping its speed for play().
    void pause();
    /// Starts the clock again at the speed it last ran at (60× at first).
    void play();
    /// The clock moves: an exercise is running, not paused, not ended, and not stopped at a
    /// decision point of the trainee's role.
    [[nodiscard]] bool clockRunning() const;
    [[nodiscard]] const std::string& actingRole() const;
    /// Whose knowledge the views show: "" for exercise control (everything, the truth beside it),
    /// else the trainee's role (DESIGN.md, contract 4).
    [[nodiscard]] std::string viewer() const { return control ? std::string() : role; }
    /// Whether the viewer knows of a journal entry (exercise::mayKnow).
    [[nodiscard]] bool knows(const protocol::JournalEntry& entry) const;
    /// A journal entry in the session's language as the viewer may read it.
    [[nodiscard]] std::string worded(const protocol::JournalEntry& entry) const;
    [[nodiscard]] const char* t(const char* sv, const char* en) const { return lang == model::Lang::sv ? sv : en; }
    /// The current run's assessment; made again only when its journal has grown, and never carried
    /// over from one run to the next.
    [[nodiscard]] const Assessment& assessment() const;

private:
    /// Ends the current run, if any: closes its journal and forgets what was derived from it (the
    /// last answer, who exercise control acts as, the cached assessment).
    void endRun();
    /// Reads the read marks kept beside the journal, if any.
    void loadReadMarks();
    mutable std::optional<Assessment> m_assessment;
    mutable std::vector<exercise::OwnAction> m_own;
    mutable std::string m_ownRole;
    mutable std::size_t m_ownEntries = SIZE_MAX;
    mutable std::size_t m_assessedEntries = 0;  ///< the journal's length when `m_assessment` was made
};

}  // namespace samverkan::gui
