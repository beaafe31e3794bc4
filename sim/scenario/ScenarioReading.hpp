#pragma once
// Private to sim/scenario: the readers shared by scenario files and separate play files.

#include "sim/scenario/Scenario.hpp"
#include "sim/scenario/YamlDocument.hpp"

namespace samverkan::scenario {

/// Reads a region document already parsed into `doc`.
bool readRegionDocument(YamlDocument& doc, model::Region& region);

/// Reads `at:` or `on:` (+ `after:`) from a mapping into a trigger. `required` reports a missing
/// trigger; injects and steps need one.
Trigger readTrigger(YamlDocument& doc, MapView& map, const Scenario& scenario, bool required);

/// Reads one command from a mapping whose `do:` names the type; `role` is the acting role.
/// Other keys listed in `reserved` are left to the caller.
std::optional<protocol::Command> readCommand(YamlDocument& doc, MapView& map, const YAML::Node& node,
                                             const std::string& role, const Scenario& scenario);

/// Reads the `world:` section; references to decisions are checked against the plays.
world::WorldSpec readWorld(YamlDocument& doc, const YAML::Node& node, const Scenario& scenario);

/// Reads a list of play steps.
std::vector<PlayStep> readSteps(YamlDocument& doc, const YAML::Node& node, const Scenario& scenario);

/// Reports `id` at `at` unless it names an actor (or group, or "control" when allowed).
void checkActor(YamlDocument& doc, const YAML::Node& at, const std::string& id, const Scenario& scenario,
                bool allowControl = false);
/// Reports `ref` at `at` unless it names a forum or a level.
void checkForum(YamlDocument& doc, const YAML::Node& at, const std::string& ref, const Scenario& scenario);

}  // namespace samverkan::scenario
