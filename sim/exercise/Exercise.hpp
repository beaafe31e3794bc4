#pragma once
/// An Exercise owns one run of a scenario: the clock, the cooperation model, the scripted play,
/// the journal. Every action arrives as a Command (DESIGN.md, contract 2); the GUI, the CLI, plays
/// and tests all use this one path.

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "sim/engine/Random.hpp"
#include "sim/engine/Simulator.hpp"
#include "sim/exercise/Journal.hpp"
#include "sim/protocol/Cooperation.hpp"
#include "sim/render/Renderer.hpp"
#include "sim/scenario/Scenario.hpp"
#include "sim/world/World.hpp"

namespace samverkan::exercise {

using engine::Millis;
using protocol::Answer;
using protocol::Command;
using protocol::Source;

/// How to run the scenario.
struct Options {
    std::optional<std::uint64_t> seed;  ///< default: the scenario's seed
    std::string playName = "reference"; ///< a play of the scenario, or "none"
    std::optional<scenario::Play> play; ///< a play loaded from a file; overrides playName
    std::string playFile;               ///< where `play` came from, recorded in the journal
    std::string variant;                ///< a scenario variant, e.g. "class-3"
    std::vector<std::string> trainees;  ///< roles held by trainees: the play leaves their steps to them
    std::ostream* journalOut = nullptr; ///< JSON Lines, flushed per entry
    bool worldDetail = false;           ///< the world keeps every demand and outcome per tick (`run --series`)
};

/// A command submitted from outside the scripted play, with its time and source.
struct TimedCommand {
    Millis at = 0;
    Command command;
    Source source = Source::trainee;
};

/// A decision point waiting for its answer.
struct OpenDecisionPoint {
    std::uint32_t index = 0;  ///< into Scenario::decisionPoints
    Millis openedAt = 0;
};

/// One run of one scenario.
class Exercise : private protocol::Effects {
public:
    /// Starts the run at simulated time 0. Throws std::invalid_argument for an unknown play or
    /// variant name (the CLI checks these first and reports them).
    Exercise(const scenario::Scenario& scenario, Options options);
    /// The same, sharing a scenario that stays unchanged (no copy unless a variant applies): many
    /// runs of one scenario, as in a sweep.
    Exercise(std::shared_ptr<const scenario::Scenario> scenario, Options options);
    ~Exercise() override;
    Exercise(const Exercise&) = delete;
    Exercise& operator=(const Exercise&) = delete;

    /// Applies a command now. `source` says where it came from.
    Answer submit(const Command& command, Source source = Source::trainee);
    /// The same for a command the run may take over (a doctrine's report is filled in place).
    Answer submit(Command&& command, Source source = Source::trainee);
    /// Schedules a command for simulated time `at` (>= now()).
    void submitAt(Millis at, Command command, Source source = Source::trainee);

    /// Handles the next event; false when the run has ended.
    bool step();
    /// Handles everything up to `t` (capped at the scenario's end) and sets the clock there.
    void runUntil(Millis t);
    /// Runs to the scenario's end.
    void runToEnd() { runUntil(m_scenario.duration); }

    [[nodiscard]] Millis now() const override { return m_sim.now(); }
    [[nodiscard]] bool finished() const { return m_finished; }
    [[nodiscard]] std::optional<Millis> nextEventTime() { return m_sim.nextEventTime(); }
    [[nodiscard]] std::uint64_t seed() const { return m_seed; }
    /// The play's name, as the journal's header records it.
    [[nodiscard]] const std::string& playName() const { return m_options.play ? m_options.play->name : m_options.playName; }
    [[nodiscard]] const scenario::Scenario& scenario() const { return m_scenario; }
    [[nodiscard]] const Options& options() const { return m_options; }
    [[nodiscard]] const Journal& journal() const { return m_journal; }
    /// Words this run's events, refusals and names in Swedish and English.
    [[nodiscard]] const render::Renderer& renderer() const { return m_renderer; }
    [[nodiscard]] const protocol::Cooperation& cooperation() const { return m_cooperation; }
    [[nodiscard]] const std::vector<TimedCommand>& inputs() const { return m_inputs; }
    [[nodiscard]] const std::vector<OpenDecisionPoint>& openDecisionPoints() const { return m_openPoints; }
    /// The roles trainees hold now (the play's steps for them are left to them).
    [[nodiscard]] const std::vector<std::string>& trainees() const { return m_trainees; }
    [[nodiscard]] std::uint64_t eventCount() const { return m_sim.eventCount(); }
    /// The true state of the world, if the scenario has a consequence model.
    [[nodiscard]] const world::World* world() const { return m_world ? &*m_world : nullptr; }
    /// The latest joint situational picture a forum compiled, or nullptr (DESIGN.md, contract 4).
    [[nodiscard]] const world::Picture* picture(model::ForumIndex forum) const;
    /// Every picture compiled so far, in order, with its forum.
    [[nodiscard]] const std::vector<std::pair<model::ForumIndex, world::Picture>>& pictures() const { return m_pictureLog; }
    /// What a forum has been told by reports, or nullptr without a consequence model.
    [[nodiscard]] const world::ReportedKnowledge* reported(model::ForumIndex forum) const;
    /// The freshest level `actor` has reported of `service` to any forum (observedAt -1: never).
    [[nodiscard]] world::KnownLevel lastReported(const std::string& actor, std::size_t service) const;
    /// The services `actor` observes whose current observation it has not yet reported: never
    /// reported, or newer than its last report with a level that differs from it (by 0.005 or more).
    [[nodiscard]] std::vector<std::size_t> unreported(const std::string& actor) const;

    /// A new run with the same scenario, seed, play and trainee roles, replaying this run's
    /// outside commands up to time `t` and stopping there, so other choices can be tried from t.
    [[nodiscard]] std::unique_ptr<Exercise> fork(Millis t, std::ostream* journalOut = nullptr) const;

    /// The simulated time of the region's first monthly meeting at or after `notBefore` (the
    /// calendar read in the start's local time), or -1 when the region has no monthly calendar.
    [[nodiscard]] Millis nextMonthlyMeeting(Millis notBefore) const override;

private:
    struct RunEvent {
        enum class Kind : std::uint8_t {
            protocol, inject, playStep, pointOpens, pointTimeout, weekly, command, worldTick, doctrineReport, ruleTime, ruleActs, end
        };
        Kind kind = Kind::end;
        std::uint32_t index = 0;
        protocol::ProtocolEvent protocolEvent{};
    };
    /// A conditional trigger waiting for its journal entry.
    struct Waiting {
        scenario::Trigger trigger;
        RunEvent target;
        int seen = 0;  ///< matching entries so far
    };

    // protocol::Effects
    engine::EventId scheduleIn(Millis delay, const protocol::ProtocolEvent& event) override;
    bool cancel(engine::EventId id) override;
    void record(JournalEntry&& entry) override;
    engine::Random& random() override { return m_random; }
    void agendaStep(model::ForumIndex forum, const model::AgendaStep& step, bool weekly) override;

    void handle(const RunEvent& ev);
    void schedule(const scenario::Trigger& trigger, RunEvent target, std::int32_t priority);
    /// The drawn onset or end of the hazard a trigger names, or -1.
    /// When an `on: {hazard: …}` trigger's hazard begins or ends in this run (before the start for a
    /// series that began earlier), or nothing: no such hazard, or one that never begins.
    [[nodiscard]] std::optional<Millis> hazardTime(const scenario::Trigger& trigger) const;
    void deliverInject(const scenario::Inject& inject);
    void openPoint(std::uint32_t index);
    void answerPoint(std::uint32_t open, const std::string& option, const std::string& by, Source source);
    Answer exerciseCommand(const Command& command, Source source);
    void scheduleNextWeekly();
    void signalWorld(const JournalEntry& entry);
    void compilePicture(model::ForumIndex forum);
    void reportAtConference(model::ForumIndex forum);
    void reportByDoctrine(model::ActorIndex actor, model::ForumIndex forum);
    void reportAtInterval(model::ActorIndex actor);
    [[nodiscard]] std::optional<Answer> fillReport(protocol::Report& report) const;
    /// The levels of every service actor `a` observes, as it sees them now.
    void fillLevels(protocol::Report& report, model::ActorIndex a) const;
    void noteReport(const JournalEntry& entry);
    void recordStart();
    // Behaviour.cpp: the doctrine rules that play the roles no trainee holds.
    void startBehaviour();
    void behaviourOnEntry(const JournalEntry& entry);
    void behaviourOnTick();
    void learnWarning(model::ActorIndex actor, int severity);
    void triggerRule(std::uint32_t rule, model::ForumIndex forum);
    void actOnRule(std::uint32_t rule, model::ForumIndex forum);
    void behaviourTakesOver(const std::string& role);
    enum class Holds : std::uint8_t { yes, no, never };
    [[nodiscard]] Holds ruleHolds(std::uint32_t rule, model::ForumIndex forum) const;
    /// Whether `conditions` hold for actor `a` now (`forum`: the entry's, for `$forum`).
    [[nodiscard]] Holds conditionsHold(const std::vector<scenario::BehaviourCondition>& conditions, model::ActorIndex a,
                                       model::ForumIndex forum) const;
    [[nodiscard]] std::uint8_t& ruleState(std::uint32_t rule, model::ForumIndex forum);
    [[nodiscard]] bool heldByTrainee(const std::string& role) const;
    Answer handOver(const protocol::HandOver& command);

    std::shared_ptr<const scenario::Scenario> m_shared;  // a copy of its own when a variant changes it
    const scenario::Scenario& m_scenario;
    Options m_options;
    std::vector<std::string> m_trainees;  ///< roles trainees hold now (exercise control may hand them over)
    std::uint64_t m_seed;
    const scenario::Play* m_play = nullptr;
    engine::Simulator<RunEvent> m_sim;
    engine::Random m_random;
    engine::Random m_worldRandom;  ///< a stream of its own, so the world never shifts the protocol's draws
    render::Renderer m_renderer;
    Journal m_journal;
    protocol::Cooperation m_cooperation;
    std::optional<world::World> m_world;
    std::vector<std::pair<model::ForumIndex, world::Picture>> m_pictureLog;
    std::vector<world::ReportedKnowledge> m_reported;    ///< per forum: what its members reported
    std::vector<Millis> m_lastCompiled;                 ///< per forum: its latest picture, -1 before the first
    std::vector<model::ReportingDoctrine> m_doctrine;   ///< per actor: when it reports by itself
    std::vector<std::vector<std::size_t>> m_observed;   ///< per actor: the services it observes
    std::vector<double> m_areaWeight;
    /// The author and forum of the simulated member's report being made (noteReport), else kNone.
    std::pair<model::ActorIndex, model::ForumIndex> m_reporting{model::kNone, model::kNone};                   ///< per actor: the weight of its area in the world (0: none)
    const std::vector<scenario::BehaviourRule>* m_rules = nullptr;  ///< the doctrine, when the play is "doctrine"
    std::vector<model::ActorIndex> m_ruleActor;                      ///< per rule: the actor that acts
    std::vector<std::size_t> m_ruleService;                          ///< per rule: its `observes` service, or SIZE_MAX
    std::vector<std::vector<std::uint32_t>> m_rulesByKind;           ///< per journal kind: rules waiting for it
    std::vector<std::uint32_t> m_observingRules, m_warningRules;
    std::vector<world::KnownLevel> m_seenThisTick;  ///< per service, looked up at most once a tick
    Millis m_shortestReportDelay = 0;  ///< of the services the world has
    bool m_firesWhenWhole = false;      ///< some observing rule passes on a service at its normal level
    std::vector<std::uint8_t> m_ruleStates;  ///< per rule and forum (+1: none): idle, pending, done
    std::vector<int> m_warned;               ///< per actor: the most severe warning it knows of
    std::vector<bool> m_ended;               ///< per forum: deactivated at least once
    std::vector<int> m_ruleSeen;             ///< per rule: entries matched so far (for `occurrence`)
    std::vector<std::pair<std::uint32_t, model::ForumIndex>> m_ruleMissed;  ///< triggered while a trainee held the role
    std::vector<Waiting> m_waiting;
    std::vector<TimedCommand> m_inputs;     ///< outside commands, in submission order
    std::uint64_t m_deferredEvents = 0;     ///< events that delivered commands submitted ahead
    std::vector<TimedCommand> m_deferred;   ///< commands scheduled with submitAt
    std::vector<OpenDecisionPoint> m_openPoints;
    bool m_finished = false;
};

}  // namespace samverkan::exercise
