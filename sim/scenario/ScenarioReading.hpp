#pragma once
// Private to sim/scenario: the readers shared by scenario files and separate play files.

#include <functional>

#include "sim/scenario/Scenario.hpp"
#include "sim/scenario/YamlDocument.hpp"

namespace samverkan::scenario {

/// Reads a region document already parsed into `doc`.
bool readRegionDocument(YamlDocument& doc, model::Region& region);

/// Reads a `reporting:` list of doctrine rules (region or scenario) and appends them to
/// `region.reporting`, checking the actors and groups they name against the region.
void readReporting(YamlDocument& doc, const YAML::Node& node, model::Region& region);

/// Reads the `on_call:` functions (after the actors and groups) onto the region's actors.
void readOnCall(YamlDocument& doc, const YAML::Node& node, model::Region& region);
/// Reads the `alerting:` chain (after `on_call:`), checking its alarm centre and duty officer.
void readAlerting(YamlDocument& doc, const YAML::Node& node, model::Region& region);

/// What a doctrine rule's trigger may say beyond a play step's: `on: {warning: N}`,
/// `on: {observes: {service, below|above}}`, and `after: consult|implement [+ duration]`.
struct TriggerExtras {
    OwnDelay ownDelay = OwnDelay::none;
    int warning = 0;
    std::optional<KnownCondition> observes;
};

/// Reads `at:` or `on:` (+ `after:`) from a mapping into a trigger. `required` reports a missing
/// trigger; injects and steps need one. `extras` (doctrine rules only) takes what only rules say.
/// `beforeStart` (injects only) lets `at` lie before the start: what was said then is part of the
/// situation when the exercise begins.
Trigger readTrigger(YamlDocument& doc, MapView& map, const Scenario& scenario, bool required, TriggerExtras* extras = nullptr,
                    bool beforeStart = false);

/// Reads `{service: id, below: x}` / `{…, above: x}` under `what` ("known", "observes").
std::optional<KnownCondition> readLevelCondition(YamlDocument& doc, const YAML::Node& node, const char* what,
                                                 const Scenario& scenario);

/// Reads the `behaviour:` rules of a region (`doc` is the region's document) or a scenario into
/// `scenario.behaviour`; a rule with the id of an earlier one replaces it. Checks what they name,
/// the actors' mandates, conditions that can never hold, and cycles between rules.
void readBehaviour(YamlDocument& doc, const YAML::Node& node, Scenario& scenario);
/// Reports chains of doctrine rules that trigger themselves (after all rules are read).
void checkBehaviourCycles(const Scenario& scenario, std::vector<Diagnostic>& out);
/// Reports `decided:` conditions and `on: {decision: …}` triggers of rules that name neither a
/// measure nor a decision that something agrees.
void checkBehaviourDecisions(const Scenario& scenario, std::vector<Diagnostic>& out);

/// Reads one command from a mapping whose `do:` names the type; `role` is the acting role.
/// `placeholders` (doctrine rules) lets actor and forum fields hold `$self`, `$affected`, `$forum`.
std::optional<protocol::Command> readCommand(YamlDocument& doc, MapView& map, const YAML::Node& node,
                                             const std::string& role, const Scenario& scenario, bool placeholders = false);

/// Reports a scenario whose length, world time series or conferences exceed the limits' caps.
void checkWork(YamlDocument& doc, const Scenario& s, const Limits& limits);

/// A figure with its spread and source, `{value: 22h, spread: 3h, source: "…"}` or a bare value;
/// durations when `hours` is set (read as hours).
world::Uncertain readUncertainValue(YamlDocument& doc, const YAML::Node& node, const std::string& what, bool hours);

/// A validation case's `observed:` turning points, checked against the case's services and times.
std::vector<TurningPoint> readTurningPoints(YamlDocument& doc, const YAML::Node& node, const Scenario& s);
/// `observed:`, `not_reproduced:` and `runs:` (the play they are held against), in a case or a scenario.
void readObserved(YamlDocument& doc, MapView& map, Scenario& s);
/// `injects:` and `plays:` (a mapping of play names, one of them `reference`), as a scenario reads them.
void readCaseInjects(YamlDocument& doc, const YAML::Node& node, Scenario& s);
void readPlays(YamlDocument& doc, const YAML::Node& node, Scenario& s, const char* needsReference);
/// A file a scenario names (its region, a case's base): relative to its folder, then to the parent.
std::string scenarioRelativePath(const std::string& scenarioPath, const std::string& ref);
/// Loads a case's base from its text, one level down.
using LoadBase = std::function<Loaded<Scenario>(const std::string& path, const std::string& text, const Limits& limits, int depth)>;
/// A validation case: the scenario at `base:` with the case's own dates, weather, injects, plays
/// and turning points; into `result`, with the base's problems against the base's file.
void readCase(YamlDocument& doc, MapView& map, const YAML::Node& baseNode, const std::string& path, const Limits& limits,
              int depth, Loaded<Scenario>& result, const LoadBase& loadBase);

/// The scenario that a case (`base:`) or an areas variant (`areas_of:`) names at `refNode`, read
/// one level down; its problems are in `result`, against its own file.
std::optional<Scenario> readBaseScenario(YamlDocument& doc, const YAML::Node& refNode, const char* key, const std::string& path,
                                         const Limits& limits, int depth, Loaded<Scenario>& result, const LoadBase& loadBase);
/// An areas variant (`areas_of: snowstorm.yaml`): that scenario whole, with the variant's own id,
/// title, `areas:` and the items it splits by area (`per_area:`); into `result`.
void readAreaVariant(YamlDocument& doc, MapView& map, const YAML::Node& ofNode, const std::string& path, const Limits& limits,
                     int depth, Loaded<Scenario>& result, const LoadBase& loadBase);
/// `areas:`: groups of the region's municipalities, each municipality in at most one.
std::vector<world::AreaSpec> readWorldAreas(YamlDocument& doc, const YAML::Node& node, const model::Region& region);

/// Reads the `world:` section with its typed triggers.
world::WorldSpec readWorld(YamlDocument& doc, const YAML::Node& node, const Scenario& scenario);

/// Reads a list of mappings, one `readOne(map, item)` per item; reports anything else.
template <class T, class F>
std::vector<T> readList(YamlDocument& doc, const YAML::Node& node, const std::string& what, F&& readOne) {
    std::vector<T> out;
    if (!node.IsSequence()) {
        doc.error(node, what + " must be a list");
        return out;
    }
    for (const auto& item : node) {
        MapView map(doc, item, what);
        if (!map.ok()) continue;
        out.push_back(readOne(map, item));
        map.finish();
    }
    return out;
}
/// The required `id` of a mapping ("" if missing, reported).
std::string idOf(YamlDocument& doc, MapView& map);
/// The required text under `key`.
model::Text textOf(YamlDocument& doc, MapView& map, const char* key);
/// A scalar under `key` ("" if absent; reported if `required`).
std::string stringOf(YamlDocument& doc, MapView& map, const char* key, bool required);

/// A number (finite, |x| ≤ 1e12); reports "<what> must be a number" otherwise.
std::optional<double> readNumber(YamlDocument& doc, const YAML::Node& node, const std::string& what);

/// The priority lists of a world model and the services each orders (those that draw on one of
/// the list's resources, as need or boost): the catalogue the exercise checks `set-priorities` by.
using PriorityLists = std::vector<std::pair<std::string, std::vector<std::string>>>;
PriorityLists priorityLists(const world::WorldSpec& w);

/// The ids of the scenario's hazards (none without a world model).
std::vector<std::string> hazardIds(const Scenario& s);

/// The ids an effect may name in a world model.
struct WorldRefs {
    std::vector<std::string> demands, resources, services, outcomes, lists;
    PriorityLists listServices;
};
WorldRefs worldRefs(const world::WorldSpec& w);

/// Reads the keys every effect has (lead, floor, start_before_onset, end_after_onset, label,
/// source, changes) from `m` into `e`, checking what the changes name against `refs`.
void readEffect(YamlDocument& doc, MapView& m, const YAML::Node& item, const WorldRefs& refs, world::EffectSpec& e);

/// Reads the top-level `measures:` list into `scenario.measures`; their effects go into
/// `scenario.world` (read before), which must exist if any measure has effects.
void readMeasures(YamlDocument& doc, const YAML::Node& node, Scenario& scenario);

/// Fills the world's area weights from the region's map (`assets/maps/<region id>.yaml`, looked
/// for beside and above the scenario's folder): each municipality's population share. Without a
/// map: equal weights among the region's municipalities, marked as an assumption.
void readAreaWeights(const std::string& scenarioPath, const Limits& limits, Scenario& scenario,
                     std::vector<Diagnostic>& diagnostics);

/// Reports problems with an agree-decision's measure and arguments at `at` (the command's node).
void checkMeasureArgs(YamlDocument& doc, const YAML::Node& at, const std::string& measure,
                      const std::vector<model::MeasureArg>& args, const Scenario& scenario);

/// Reads `if:` — one condition or a list — of a doctrine rule or a play step.
std::vector<BehaviourCondition> readConditions(YamlDocument& doc, const YAML::Node& node, const Scenario& scenario);

/// Reads a list of play steps.
std::vector<PlayStep> readSteps(YamlDocument& doc, const YAML::Node& node, const Scenario& scenario);

/// Reports `id` at `at` unless it names an actor (or group, or "control" when allowed).
void checkActor(YamlDocument& doc, const YAML::Node& at, const std::string& id, const Scenario& scenario,
                bool allowControl = false);
/// Reports `ref` at `at` unless it names a forum or a level.
void checkForum(YamlDocument& doc, const YAML::Node& at, const std::string& ref, const Scenario& scenario);

/// The ids of one kind, in the order they are read. A second occurrence is reported at its place
/// with the first's line: "<kind> 'x' is defined twice (first at line N)". Empty ids (reported as
/// missing where they are read) are not counted.
class IdSet {
public:
    explicit IdSet(std::string kind) : m_kind(std::move(kind)) {}
    /// Notes `id`, written in the item at `at`; false (and reported) if it was there before.
    bool add(YamlDocument& doc, const YAML::Node& at, const std::string& id);
    /// The same for an item whose place is known only by line and column (1-based).
    bool add(YamlDocument& doc, int line, int column, const std::string& id);
    /// Notes `id`, first written on `line`, without checking it (it was checked where it was read).
    void note(const std::string& id, int line) { m_seen.emplace_back(id, line); }

private:
    std::string m_kind;
    std::vector<std::pair<std::string, int>> m_seen;  ///< id and the 1-based line of its first item
};

/// Reports, at `at`, each item of `items` that repeats an earlier one: "<what> names 'x' twice".
void checkRepeats(YamlDocument& doc, const YAML::Node& at, const std::string& what,
                  const std::vector<std::string>& items);

/// A figure that must be positive (`positive`) or at least zero; reported at `at` otherwise, as
/// "<what> must be more than 0; got -1" or "<what> must not be negative; got -1".
void checkSign(YamlDocument& doc, const YAML::Node& at, const std::string& what, double value, bool positive);

/// Checks what the scenario's triggers refer to once everything is read: decisions named by a
/// condition are agreed by some step or option; and no inject, decision point or step waits, through
/// its own condition or a chain of them, for itself. `play` is a separate play file's play, read
/// into `doc`; nullptr checks the scenario's own plays, read into `doc`.
void checkTriggers(YamlDocument& doc, const Scenario& scenario, const Play* play = nullptr);
/// A validation case's check of the decision points it keeps from its base: each one that waits
/// for a decision must still have something that agrees it; reported at `at` in the case.
void checkBaseDecisionPoints(YamlDocument& doc, const YAML::Node& at, const Scenario& scenario);

}  // namespace samverkan::scenario
