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
    std::optional<KnownCondition> known;
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

/// One scripted command, attributed to the role that takes it.
struct PlayStep {
    std::string id;
    Trigger when;
    protocol::Command command;
    Location where;
};

/// A scripted way to play the scenario (the reference play, "late", "alone", …).
struct Play {
    std::string name;
    Text description;
    std::vector<PlayStep> steps;
};

/// A variant replaces injects' warnings, e.g. the class-3 version of a red warning.
struct Variant {
    std::string id;
    Text title;
    std::vector<std::pair<std::string, Warning>> warnings;  ///< inject id → warning
};

/// A whole scenario.
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
    std::vector<Variant> variants;
    std::optional<world::WorldSpec> world;  ///< the consequence model, if the scenario has one
    /// The catalogue of what the roles can decide; world->measures follows the same order.
    std::vector<model::Measure> measures;
    /// `frames: {deviations: allowed}`: an order that breaks a higher level's frame is accepted and
    /// recorded as a frame violation (counted by the findings and the score) instead of refused (R11).
    bool frameDeviationsAllowed = false;

    [[nodiscard]] const Play* play(const std::string& name) const;
    [[nodiscard]] const Inject* inject(const std::string& id) const;
    [[nodiscard]] const DecisionPoint* decisionPoint(const std::string& id) const;
    /// The measure with id `id`, or nullptr.
    [[nodiscard]] const model::Measure* measure(const std::string& id) const;
    /// Applies a variant's warnings; false if there is no such variant.
    bool applyVariant(const std::string& id);
    [[nodiscard]] std::vector<std::string> playNames() const;
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
