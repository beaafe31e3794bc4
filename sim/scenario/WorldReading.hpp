#pragma once
// Private to the readers of a scenario's `world:` section (WorldLoader, HazardLoader,
// ServiceLoader): the figures, references and areas they all read.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/scenario/ScenarioReading.hpp"

namespace samverkan::scenario::worldfields {

template <class T>
std::vector<std::string> idsOf(const std::vector<T>& items) {
    std::vector<std::string> ids;
    for (const auto& i : items) ids.push_back(i.id);
    return ids;
}

/// A finite decimal number, |x| <= 1e12 (read as readDecimal() does: no '+', hexadecimal,
/// infinity or NaN); with `nonNegative`, one below 0 is reported as negative.
std::optional<double> number(YamlDocument& doc, const YAML::Node& node, const std::string& what,
                             bool nonNegative = false);
/// A number, or a duration read as hours when `hours` is set ("-2h" too where `signedValue`).
std::optional<double> quantity(YamlDocument& doc, const YAML::Node& node, const std::string& what, bool hours,
                               bool signedValue = false);
/// `12.5` or `{value: 12.5, source: "…"}`.
world::Param readParam(YamlDocument& doc, const YAML::Node& node, const std::string& what);
/// `{value: 22h, spread: 3h, source: "…"}`; durations when `hours` is set.
world::Uncertain readUncertain(YamlDocument& doc, const YAML::Node& node, const std::string& what, bool hours,
                               bool signedValue = false);
/// A service's level, or a share of it: from 0 to 1.
void checkLevel(YamlDocument& doc, const YAML::Node& at, const std::string& what, double value);
void checkRef(YamlDocument& doc, const YAML::Node& at, const std::string& what, const std::string& id,
              const std::vector<std::string>& known);
/// Reads an id under `key` and reports it unless it is one of `known`.
std::string refAt(YamlDocument& doc, const YAML::Node& node, const char* key, const std::string& what,
                  const std::vector<std::string>& known);
/// `{stockholms-stad: 1, municipalities: 0.2}`: actors or groups with the hazard's weight there.
std::vector<std::pair<std::string, double>> readAreas(YamlDocument& doc, const YAML::Node& node, const model::Region& region);

/// One entry of `world: hazards:` (its id added to `ids`).
world::HazardSpec readHazard(YamlDocument& doc, MapView& m, const YAML::Node& item, const Scenario& scenario, IdSet& ids);

/// What a service's reader needs to know of the world read before it.
struct ServiceContext {
    const world::WorldSpec& world;                 ///< its areas, hazards, demands and resources
    const std::vector<world::ServiceSpec>& above;  ///< the services declared above it
    std::vector<std::string> hazards, demands, resources;
};
/// One entry of `world: services:` (its id added to `ids`); `earlier` holds the ids above it.
world::ServiceSpec readService(YamlDocument& doc, MapView& m, const YAML::Node& item, const Scenario& scenario,
                               const ServiceContext& context, const std::vector<std::string>& earlier, IdSet& ids);

}  // namespace samverkan::scenario::worldfields
