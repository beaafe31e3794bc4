#pragma once
// What the GUI shows and acts on: the chosen scenario, the running Exercise, the role, the clock
// speed. The GUI holds no rules: it reads the Exercise every frame and acts only by submitting
// Commands (DESIGN.md, contract 2).

#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/exercise/Exercise.hpp"

namespace samverkan::gui {

/// Simulated seconds per real second; 0 = paused.
inline const std::vector<int> kSpeeds{0, 1, 10, 60, 600};

struct Session {
    model::Lang lang = model::Lang::sv;
    bool control = false;  ///< exercise control (övningsledning) rather than a trainee
    std::string role;      ///< the trainee's actor id: the one acting now
    std::string actsAs;    ///< exercise control acting by hand for a role ("" = as exercise control)
    std::vector<std::string> seats;  ///< every role trainees hold at this screen (hot seat); `role` is one of them
    std::string scenarioPath, playName = "reference";
    std::vector<scenario::Diagnostic> diagnostics;  ///< why the chosen scenario did not load
    std::unique_ptr<scenario::Scenario> scenario;
    std::string assetsDir;                 ///< the shipped assets (fonts, maps)
    std::optional<model::AreaMap> areaMap;  ///< the region's municipalities, if its map file loads
    std::vector<scenario::Diagnostic> mapDiagnostics;
    std::unique_ptr<exercise::Exercise> run;
    int speed = 60;
    std::string lastAnswer;  ///< the answer to the last command, for the status line
    std::size_t seenEntries = 0;  ///< journal entries the role has seen in the inbox
    std::string journalPath;      ///< where the journal is written as the exercise runs ("" = nowhere)
    bool replayFirst = false;     ///< the review opens on its replay (--tab replay)
    std::ofstream journalFile;

    /// Loads the scenario; on failure keeps the diagnostics and returns false.
    bool load(const std::string& path);
    /// Loads the map of the scenario's region from `assetsDir/maps/<region id>.yaml`, if there is one.
    void loadMap();
    /// Starts the exercise with the chosen play, the role left to the trainee.
    void start();
    /// Picks up an exercise from its journal after a crash or a kill: runs it again to where the
    /// journal ends (byte for byte) and goes on writing the same file. False, with diagnostics, if
    /// the journal cannot be read or its scenario loaded.
    bool resume(const std::string& path);
    /// Submits a command as the current role (or as exercise control) and keeps the answer.
    bool submit(protocol::Command command);
    /// Exercise control hands a trainee's role to the simulator, which plays it from now on.
    bool handOver(const std::string& seat);
    /// Advances simulated time by `realSeconds` at the chosen speed; stops at decision points.
    void advance(double realSeconds);
    [[nodiscard]] const std::string& actingRole() const;
    [[nodiscard]] const char* t(const char* sv, const char* en) const { return lang == model::Lang::sv ? sv : en; }
};

}  // namespace samverkan::gui
