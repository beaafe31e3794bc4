#pragma once
/// A scenario: the region it plays in, its start, injects, decision points and scripted plays.
/// Built by the loaders in this folder; plain values, no YAML.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/Time.hpp"
#include "sim/model/AreaMap.hpp"
#include "sim/model/Measure.hpp"
#include "sim/model/Region.hpp"
#include "sim/protocol/Command.hpp"
#include "sim/protocol/Event.hpp"
#include "sim/scenario/Diagnostic.hpp"
#include "sim/world/WorldSpec.hpp"

namespace samverkan::scenario {

using engine::Millis;
using model::Text;

/// Where in its file something was written (1-based), for later error messages.
struct Location {
    int line = 0;
    int column = 0;
};

/// An SMHI warning, in either system: the old classes 1–3 ("class") or the impact-based
/// yellow/orange/red ("impact") used since October 2021.
struct Warning {
    std::string system;  ///< "class" or "impact"
    std::string level;   ///< "1", "2", "3" or "yellow", "orange", "red"
    std::string hazard;  ///< e.g. "snow"
    /// 1–3 on a common scale: class n ↔ n; yellow 1, orange 2, red 3.
    [[nodiscard]] int severity() const;
};

/// A condition on what a forum knows: a service's level in its joint situational picture below
/// or above a threshold. Decisions then follow what is known, not the truth.
struct KnownCondition {
    std::string service;
    double below = -1;  ///< fires when known level < below (if >= 0)
    double above = -1;  ///< fires when known level > above (if >= 0)
};

/// When something happens: at a fixed offset from the start, or `delay` after the n-th journal
/// entry (`occurrence`, 1 = the first) that matches (kind, forum, actor, ref) and, if given, the
/// condition on what is known.
struct Trigger {
    bool timed = true;
    Millis at = 0;
    std::optional<protocol::Kind> kind;  ///< the kind of entry awaited (none given: the loader says so)
    std::string forum, actor, ref;
    std::string to;  ///< an inject's: it is sent to this actor (named in its `to`)
    std::optional<KnownCondition> known;
    std::string hazard;      ///< `on: {hazard: id, phase: onset|end}`: at the drawn hazard's onset or end
    bool hazardEnd = false;
    int occurrence = 1;
    Millis delay = 0;
    Location where;  ///< where `ref` (or the inject, point or decision named) is written
};

/// An action the scenario expects, with its time window (checked by the evaluation).
struct Expectation {
    std::string action;  ///< e.g. "activate", "decide", "public-message"
    std::string actor, forum, after, objective;
    Millis within = 0;
    Location where;
};

/// An objective of the exercise, linked to MSB's focus areas.
struct Objective {
    std::string id;
    Text text;
    std::vector<std::string> focus;  ///< samverkan, ledning, resurser, kommunikation, kompetens
};

/// A message delivered to roles during the exercise (an MSEL line).
struct Inject {
    std::string id;
    Trigger when;
    std::string from;
    std::vector<std::string> to;
    std::string channel;  ///< "warning", "phone", "email", "media", "meeting", …
    Text text;
    std::optional<Warning> warning;
    std::vector<std::string> affects;  ///< actors the event affects: forums suggest calling them in (R9)
    std::vector<Expectation> expect;
    std::string note;  ///< controller note
    Location where;
};

/// One option of a decision point and the commands it stands for.
struct DecisionOption {
    std::string id;
    Text label;
    std::vector<protocol::Command> commands;
};

/// A moment where a role must choose; the clock waits in the GUI.
struct DecisionPoint {
    std::string id;
    Trigger when;
    std::string role;
    Text prompt;
    std::vector<DecisionOption> options;
    std::string defaultOption;  ///< taken when nobody answers within `timeout`
    Millis timeout = 0;
    Location where;
};

/// A condition a simulated actor checks, when its rule is triggered and again when it acts.
struct BehaviourCondition {
    enum class Kind : std::uint8_t {
        active,    ///< the forum is called or in session (activated mode, or an ordinary meeting)
        member,    ///< the actor sits in the forum, or is called to it
        decided,   ///< a decision on the measure that the actor is among the actors of (any stage)
        implemented,  ///< a decision with that id, or on that measure, carried out by every actor it names (R10)
        warned,    ///< the actor knows of a warning of at least `severity`
        observes,  ///< the actor's own observation of a service, after its delay
        known,     ///< the service in the latest picture of a forum the actor sits in
        passed,    ///< the hazard has passed (its drawn end is behind; everyone sees the weather)
        recovered, ///< every service known in the latest picture of a forum the actor sits in is above `level.above`
        ended      ///< the forum was activated in this run and has gone back to ordinary mode
    };
    Kind kind = Kind::active;
    bool negated = false;  ///< not_active, not_member, not_decided, not_implemented
    std::string ref;       ///< forum id (a level resolved to its activated forum) or measure id
    int severity = 0;
    KnownCondition level;
    Location where;
};

/// One scripted command, attributed to the role that takes it; with `conditions` (`if:`), taken
/// only if they hold for that role when the step comes (checked as a doctrine rule's are).
struct PlayStep {
    std::string id;
    Trigger when;
    protocol::Command command;
    Location where;
    std::vector<BehaviourCondition> conditions = {};
};

/// A scripted way to play the scenario (the reference play, "late", "alone", …).
struct Play {
    std::string name;
    Text description;
    std::vector<PlayStep> steps;
    std::string from = {};  ///< the play it builds on (`from:`), if any
};

/// How long an actor takes before it acts on a rule: a fixed time, or its own consultation or
/// implementation delay from the region (R3, R10), plus the fixed part.
enum class OwnDelay : std::uint8_t { none, consult, implement };

/// One rule of a simulated actor's doctrine (doctrine as data): on what it acts, under which
/// conditions, after which delay, and the command it issues. A rule written for a group is
/// expanded into one rule per member at load, `$self` replaced by the member. `$forum` in the
/// command stands for the forum of the journal entry that triggered the rule and `$affected` (in
/// a list of actors) for the actors the current event affects; both are filled in when it acts.
/// A rule acts at most once per forum (once in all, for triggers without a forum) unless `repeat`.
struct BehaviourRule {
    std::string id;
    std::string actor;
    Trigger when;
    int warning = 0;                         ///< on: {warning: N}: when the actor learns of a warning of severity ≥ N
    std::optional<KnownCondition> observes;  ///< on: {observes: …}: when the actor's own observation passes the threshold
    OwnDelay ownDelay = OwnDelay::none;
    std::vector<BehaviourCondition> conditions;
    bool repeat = false;
    bool usesForum = false, usesAffected = false;
    protocol::Command command;
    std::string file;  ///< the region or scenario file the rule is written in
    Location where;
};

/// The name of the built-in play in which every role no trainee holds follows its doctrine.
inline const std::string kDoctrinePlay = "doctrine";

/// The storm a variant draws instead: each figure given replaces the hazard's.
struct HazardChange {
    std::string hazard;
    std::optional<world::Uncertain> onset, peak, duration;  ///< onset and duration in hours
};

/// A variant replaces injects' warnings and texts and the hazards drawn, e.g. the class-3 version
/// of a red warning: another warning system, another threshold, another storm.
struct Variant {
    std::string id;
    Text title;
    std::vector<std::pair<std::string, Warning>> warnings;  ///< inject id → warning
    std::vector<std::pair<std::string, Text>> texts;        ///< inject id → text
    std::vector<std::pair<std::string, Text>> ruleTexts;    ///< doctrine rule id → the text of its command
    struct StepText {
        std::string play, step;
        Text text;
    };
    std::vector<StepText> stepTexts;  ///< a scripted play's named step → the text of its command
    std::vector<HazardChange> hazards;
};

/// A whole scenario.
/// An observed turning point of a real event, which the model's run of its validation case is held
/// against: a service's level falling below or rising above a level at a time, within a tolerance,
/// or staying above or below it between two times.
struct TurningPoint {
    enum class Kind : std::uint8_t { fallsBelow, risesAbove, staysAbove, staysBelow, milestone };
    std::string id;
    Text text;
    std::string service;
    /// Kind milestone: a step of the alerting chain (verified, first-information, informed-all,
    /// first-conference) `at` after the first signal, ± tolerance.
    std::string milestone = {};
    Kind kind = Kind::fallsBelow;
    double level = 0;
    Millis at = 0, tolerance = 0;  ///< falls_below, rises_above: when (from the start), and ± how long
    Millis from = 0, to = 0;       ///< stays_above, stays_below: between these (from the start)
    std::string source;
    Location where;
};

struct Scenario {
    std::string file;
    std::string id;
    Text title;
    Text summary;
    model::Region region;
    engine::WallTime start;
    Millis duration = 0;
    std::uint64_t seed = 0;
    std::vector<Objective> objectives;
    std::vector<Inject> injects;
    std::vector<DecisionPoint> decisionPoints;
    std::vector<Play> plays;
    /// The simulated actors' doctrine: the region's rules, then the scenario's (a scenario rule with
    /// the id of a region rule replaces it). Run as the play named "doctrine".
    std::vector<BehaviourRule> behaviour;
    std::vector<Variant> variants;
    std::optional<world::WorldSpec> world;  ///< the consequence model, if the scenario has one
    /// The catalogue of what the roles can decide; world->measures follows the same order.
    std::vector<model::Measure> measures;
    /// `frames: {deviations: allowed}`: an order that breaks a higher level's frame is accepted and
    /// recorded as a frame violation (counted by the findings and the score) instead of refused (R11).
    bool frameDeviationsAllowed = false;
    /// A validation case (`base:`): the shipped scenario whose region, world, measures and doctrine it
    /// runs, with its own dates, weather, injects and plays; and the turning points observed.
    std::string baseFile = {};
    std::vector<TurningPoint> observed = {};
    std::vector<Text> notReproduced = {};  ///< what really happened that the model does not cover
    std::string checkPlay = "reference";   ///< `runs:` the play check-events holds against `observed`

    [[nodiscard]] const Play* play(const std::string& name) const;
    [[nodiscard]] const Inject* inject(const std::string& id) const;
    [[nodiscard]] const DecisionPoint* decisionPoint(const std::string& id) const;
    /// The measure with id `id`, or nullptr.
    [[nodiscard]] const model::Measure* measure(const std::string& id) const;
    /// Applies a variant's warnings; false if there is no such variant.
    bool applyVariant(const std::string& id);
    [[nodiscard]] std::vector<std::string> playNames() const;
    /// True for a play of the scenario, "none", and "doctrine" when the scenario has doctrine rules.
    [[nodiscard]] bool knowsPlay(const std::string& name) const;
    /// The play a run uses when none is asked for: "doctrine" if there are doctrine rules, else "reference".
    [[nodiscard]] std::string defaultPlay() const { return behaviour.empty() ? "reference" : "doctrine"; }
};

/// Loads a region file.
Loaded<model::Region> loadRegion(const std::string& path, const Limits& limits = {});
/// Loads a scenario file and the region it names (relative to the scenario's folder, then to its
/// parent). Every problem in both files is reported.
Loaded<Scenario> loadScenario(const std::string& path, const Limits& limits = {});
/// Loads a play from a separate file (`format: samverkan-play/1`) against a loaded scenario.
Loaded<Play> loadPlayFile(const std::string& path, const Scenario& scenario, const Limits& limits = {});
/// The same three loaders for a document already in memory: `text` is read as the content of the
/// file at `path`, which names it in diagnostics and is the base for what it refers to (a
/// scenario's region and map are still read from disk), under the same limits. For fuzzing and
/// for documents that do not come from a file.
Loaded<model::Region> loadRegionText(const std::string& path, const std::string& text, const Limits& limits = {});
Loaded<Scenario> loadScenarioText(const std::string& path, const std::string& text, const Limits& limits = {});
Loaded<Play> loadPlayText(const std::string& path, const std::string& text, const Scenario& scenario,
                          const Limits& limits = {});
/// Reads a region's map (`assets/maps/<region id>.yaml`): its municipalities' seats and populations.
Loaded<model::AreaMap> loadAreaMap(const std::string& path, const model::Region& region, const Limits& limits = {});
/// A map file's text, read as the file at `path` would be (for the fuzz target and tests).
Loaded<model::AreaMap> loadAreaMapText(const std::string& path, const std::string& text, const model::Region& region,
                                       const Limits& limits = {});

}  // namespace samverkan::scenario
