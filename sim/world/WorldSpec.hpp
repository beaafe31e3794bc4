#pragma once
/// The consequence model as data, read from a scenario's `world:` section: hazards, demands,
/// resources, services, the effects decisions have, and the outcomes integrated over the run.
/// Every figure carries its source, or "assumption", so a trainer can trust or change it.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/Time.hpp"
#include "sim/model/Measure.hpp"
#include "sim/model/Text.hpp"

namespace samverkan::world {

using engine::Millis;
using model::Text;

/// A figure and where it comes from.
struct Param {
    double value = 0;
    std::string source = "assumption";
};

/// A figure that is drawn once per run: triangular on [value - spread, value + spread], mode value.
struct Uncertain {
    double value = 0;
    double spread = 0;
    std::string source = "assumption";
};

/// How a hazard's intensity over time is given.
enum class HazardKind : std::uint8_t {
    generated,  ///< a trapezoid drawn per run: onset, peak and duration, rising and falling over `ramp`
    series,     ///< observed: an intensity per step (an hourly series, inline or from an SMHI CSV)
    forecast,   ///< a series as forecast: moved in time and scaled by amounts drawn per run
};

/// A hazard over time. Times in hours from the scenario's start.
struct HazardSpec {
    std::string id;
    Text name;
    std::string unit;  ///< of the intensity, e.g. "cm/h"
    HazardKind kind = HazardKind::generated;
    // generated: zero before onset, rising over `ramp` to `peak`, holding, and falling over `ramp`
    // at the end of `duration`.
    Uncertain onsetHours, peak, durationHours;
    double rampHours = 1;
    // series and forecast: values[i] is the intensity from seriesStart + i × step to the step's end
    // (SMHI's hourly sums: the value stamped 13:00 is what fell from 12:00 to 13:00). The series
    // may begin before the scenario's start; before its first step and after its last it is 0.
    Millis seriesStart = 0;
    Millis step = engine::kHour;
    std::vector<double> values;
    std::string seriesSource = "assumption";
    std::string seriesFile;  ///< the CSV it was read from, if any (for the report)
    // forecast: the whole series moves by a drawn time (hours, mode 0) and is multiplied by a
    // drawn factor (mode 1).
    Uncertain shiftHours{0, 0, "none"};
    Uncertain scale{1, 0, "none"};
    /// The hazard has begun (its onset, for "snow starts" and for how timely a measure is) at the
    /// first moment its intensity is above this; it has ended after the last such moment.
    double beginsAbove = 0;
    /// Where it strikes: actor ids (municipalities) with a weight in 0..1. Empty = the whole county.
    std::vector<std::pair<std::string, double>> areas;
    /// The weight of the hazard in an actor's area (1 everywhere when no areas are given).
    [[nodiscard]] double weightIn(const std::string& actor) const {
        if (areas.empty()) return 1.0;
        for (const auto& [area, weight] : areas)
            if (area == actor) return weight;
        return 0.0;
    }
};

/// How demand varies over the week: per local hour of a weekday, a Saturday and a Sunday, as a
/// factor on the demand's `base`. Normalised when read so that an ordinary weekday's 24 hours
/// average 1: a demand's base is then its mean per hour over a weekday.
struct ProfileSpec {
    std::string id;
    Text name;
    std::array<double, 24> weekday{}, saturday{}, sunday{};
    std::string source = "assumption";
    /// The factor at `msSinceMonday` local time (0 = Monday 00:00).
    [[nodiscard]] double at(Millis msSinceMonday) const;
};

/// An area of the county: one municipality or a group of them (the inner city, the inner suburbs,
/// the outer municipalities). Services, demands and resources marked `per_area` have one part in
/// each, sized by the area's share of the population (from the region's map).
struct AreaSpec {
    std::string id;
    Text name;
    std::vector<std::string> members;  ///< municipality actor ids
    double share = 0;                  ///< of the population of all the areas (set when the areas are laid out)
    double streetShare = 0;            ///< of the street length of all the areas (set with `share`)
};

/// Something per hour that decisions change: travellers, cars on the road, acute transports.
struct DemandSpec {
    std::string id;
    Text name;
    std::string unit;
    Param base;  ///< per hour, before any decision (with a profile: the mean per hour of a weekday)
    std::string profile = {};  ///< the ProfileSpec that shapes it over the week; none: the same every hour
    bool perArea = false;   ///< as written: one part per area (its base split by population)
    std::string of = {};    ///< a part: the demand it is part of (decisions on that id change it)
    std::string area = {};  ///< a part: its area
};

/// A resource owned by an actor and shared out among services by a priority list.
struct ResourceSpec {
    std::string id;
    Text name;
    std::string owner;
    Param capacity;                         ///< units available
    std::string list;                       ///< the priority list that shares it out
    std::vector<std::string> defaultOrder;  ///< service ids, used until a forum sets the list
    bool perArea = false;   ///< as written: each area has its own part (a municipality's own contractors)
    std::string of = {};    ///< a part: the resource it is part of
    std::string area = {};  ///< a part: its area; it serves only services in its area
    double share = 1;       ///< a part: its share of the capacity (and of units an effect adds)
    bool byStreetLength = false;  ///< per area: split by the areas' street length, not their population
};

/// Traffic that hinders recovery while the service is degraded (stuck vehicles block the ploughs).
struct Blocking {
    std::string demand;
    Param weight;  ///< recovery lost = weight × (demand now / base) × (1 - level)
};

/// What a hazard does to a service: level lost per hour per unit of intensity above a threshold.
/// With `loadHours` the loss follows the load the hazard has built up rather than its rate (snow
/// lying on trees and lines: what has fallen, fading with that time constant), and with `with` it
/// grows with a second hazard (wind): × (1 + its intensity / `per`).
struct Exposure {
    std::string hazard;
    Param sensitivity;
    Param above = {0, "none"};  ///< the intensity (or load) below which the service loses nothing
    double weight = 1;          ///< a part: the hazard's weight in its area
    Param loadHours = {0, "none"};  ///< 0: the rate acts; else the load, fading over this many hours
    std::string with = {};          ///< a hazard that makes the loss grow (wind on laden lines)
    Param per = {1, "none"};        ///< its intensity that doubles the loss
    double withWeight = 1;          ///< a part: that hazard's weight in its area
};

/// Traffic on a network: a demand (per hour) and how much one unit of it weighs, relative to its
/// base (a demand at its base counts as its weight).
struct Traffic {
    std::string demand;
    Param weight = {1, "none"};
};

/// Snow lying on a network that one operator clears: state roads, a municipality's streets, the
/// rail operators' track. The mean depth grows with the snowfall; once it reaches `startsAt` the
/// operator ploughs until the network is clear, passing over all of it every `cycleHours` when its
/// whole need is met (so that while snow falls the mean depth holds at about half of what falls in
/// one cycle). Traffic runs as normal up to `passableTo` and not at all from `closedAt`. Vehicles on
/// snow get stuck at a rate that grows with the traffic, the depth and the snowfall; stuck vehicles
/// block the ploughs and the traffic until they are cleared away, so a jam can start from traffic.
struct SnowNetwork {
    std::string hazard;  ///< the snowfall, cm/h; none: the service is no network
    double weight = 1;   ///< a part: the hazard's weight in its area
    Param startsAt, cycleHours, passableTo, closedAt;
    std::vector<Traffic> traffic;  ///< what drives on it besides the modes that run on it
    /// Share of the network blocked per hour with the traffic at its base, 10 cm lying and 1 cm/h
    /// falling; it grows in proportion to each (the falling snow as 1 + cm/h).
    Param stuckRate = {0, "none"};
    Param clearedAwayHours = {3, "assumption"};  ///< how long a stuck vehicle blocks, on average
};

/// A mode of traffic on a network (buses on the streets): its own limits of depth, the vehicles it
/// puts on the network while it runs, and the operator's traffic control, which withdraws it when
/// it becomes unsafe (its level below `withdrawnBelow`) and lets it run again above `resumesAbove`.
struct OnNetwork {
    std::string service;  ///< the network: a service with a SnowNetwork, declared above; none: no mode
    Param passableTo, closedAt;
    std::string vehicles = {};  ///< a demand: its vehicles on the network, counted while the mode runs
    Param vehicleWeight = {1, "none"};
    Param withdrawnBelow = {0, "none"};
    Param resumesAbove = {0.5, "none"};
    /// Limits on the snow falling on the network (cm/h): as normal up to `fallingPassableTo`, not at
    /// all from `fallingClosedAt` (buses fail at lower snow rates than rail); none when not given.
    Param fallingPassableTo = {0, "none"};
    Param fallingClosedAt = {0, "none"};
    [[nodiscard]] bool limitedByFalling() const { return fallingClosedAt.value > 0; }
};

/// A service whose level (0 = gone, 1 = normal) falls with its hazards and recovers with a resource.
struct ServiceSpec {
    std::string id;
    Text name;
    std::vector<Exposure> exposures;  ///< the losses add up (snow and wind)
    [[nodiscard]] bool exposedTo(const std::string& hazard) const {
        for (const auto& e : exposures)
            if (e.hazard == hazard) return true;
        return false;
    }
    std::string resource;
    Param need;      ///< units of the resource for the full recovery rate
    Param recovery;  ///< level regained per hour with the full need met
    std::vector<Blocking> blockedBy;
    std::string dependsOn;  ///< an earlier service that caps this one's level
    std::string boostResource;  ///< a resource that lifts the level above the dependency (bandvagnar)
    Param boostNeed, boostMax;
    Param initial{1.0, "normal level"};  ///< the level at the start (below 1: a known shortcoming)
    std::vector<std::string> observers;  ///< actors who see this service's level in their own operations
    Millis reportDelay = 30 * engine::kMinute;  ///< how old their picture of it is
    bool perArea = false;   ///< as written: one part per area, and this service the county's whole
    std::string of = {};    ///< a part: the service it is part of
    std::string area = {};  ///< a part: its area
    /// The county's whole of a per-area service: its parts and their weights (population shares).
    /// Its level is their weighted mean; it takes no hazard or resource of its own.
    std::vector<std::pair<std::string, double>> parts = {};
    SnowNetwork network = {};  ///< a network of roads or track under snow (network.hazard set)
    OnNetwork on = {};         ///< a mode of traffic on a network (on.service set)
    bool byStreetLength = false;  ///< per area: its need split by the areas' street length, not their population
};

/// One change an effect makes: a demand or resource factor (or, for a resource, units added), a
/// one-off cost added to an outcome, or a priority order.
struct Change {
    std::string demand = {}, resource = {};  ///< one of them, with factor (or `add` for a resource)
    double factor = 1;
    double add = 0;            ///< units added to the resource, or the cost added to `outcome`
    std::string outcome = {};  ///< an outcome that bears a one-off cost, e.g. person-days of work
    std::string list = {};     ///< or a priority list and its order
    std::vector<std::string> order = {};
};

/// What sets an effect off: a measure carried out, or one of the typed triggers for things that
/// are not measures (an actor joining a forum, a public message).
enum class EffectTrigger : std::uint8_t {
    measure,             ///< an actor carries out the measure `EffectSpec::measure`
    memberJoined,        ///< `EffectSpec::actor` joins a forum (e.g. the Armed Forces with their vehicles)
    jointPublicMessage,  ///< a message to the public sent through a forum
    ownPublicMessage,    ///< a message to the public sent by one actor on its own
};

/// The trigger's name as written in `world: triggers:` ("member-joined", …); "" for a measure.
const char* triggerName(EffectTrigger on);

/// What a measure or a trigger does to the world once carried out. Its strength falls when it
/// comes late: full when it comes `lead` before the hazard's onset, `floor` at onset or after.
struct EffectSpec {
    EffectTrigger on = EffectTrigger::measure;
    std::size_t measure = SIZE_MAX;  ///< index into WorldSpec::measures when `on` is measure
    std::string actor = {};          ///< the actor who joins, for memberJoined
    Millis lead = 0;
    double floor = 1;
    /// The changes hold from `startBeforeOnset` before the hazard's onset (or at once if that has
    /// passed; -1: at once) until `endAfterOnset` after it (-1: to the end of the run). A measure's
    /// `until` parameter overrides `endAfterOnset`.
    Millis startBeforeOnset = -1;
    Millis endAfterOnset = -1;
    Text label = {};
    std::string source = "assumption";
    std::vector<Change> changes = {};
};

/// A parameter of a measure as the world needs it: what kind it is and its default.
struct MeasureParamSpec {
    std::string id;                                   ///< the key in a decision's arguments
    model::ParamKind kind = model::ParamKind::share;  ///< how it modulates the effects
    double defaultValue = 1;                          ///< share or until (hours), when not decided
    std::vector<std::string> defaultItems = {};       ///< areas or order, when not decided
};

/// A measure as the world needs it: its id and the parameters that modulate its effects.
struct MeasureSpec {
    std::string id;                             ///< the scenario measure's id
    std::vector<MeasureParamSpec> params = {};  ///< in the measure's order
};

/// A consequence integrated over the run, e.g. person-hours stranded.
struct OutcomeTerm {
    std::string service, demand;
    bool lost = false;  ///< false: demand now × (1 - level); true: base × (1 - factor × level)
    double share = 1;   ///< the part of the demand it counts (a county demand over an area's service)
    std::string area = {};  ///< the area it falls in, if the service or demand is a part
};
struct OutcomeSpec {
    std::string id;
    Text name;
    std::string unit;
    std::vector<OutcomeTerm> terms;
};

/// A priority list's name, where several resources share it (each operator's own clearing).
struct ListSpec {
    std::string id;
    Text name;
};

/// The whole consequence model of a scenario.
struct WorldSpec {
    Millis tick = 5 * engine::kMinute;
    std::vector<HazardSpec> hazards;
    std::vector<ProfileSpec> profiles;
    std::vector<AreaSpec> areas;  ///< none: the model is county-wide
    std::vector<DemandSpec> demands;
    std::vector<ResourceSpec> resources;
    std::vector<ServiceSpec> services;
    std::vector<OutcomeSpec> outcomes;
    /// One per scenario measure, in the scenario's order (Scenario::measures).
    std::vector<MeasureSpec> measures;
    /// Every effect: the measures' (EffectTrigger::measure) and the typed triggers', in file order.
    std::vector<EffectSpec> effects;
    /// Actor id → its share of the population among the region's municipalities (sums to 1).
    std::vector<std::pair<std::string, double>> areaWeights;
    std::string areaWeightsSource = "assumption: equal weights";
    /// The region's groups that an `areas` parameter may name, so that it counts their members.
    std::vector<model::ActorGroup> groups;
    /// The scenario's start in local time, as milliseconds since the Monday 00:00 before it: where
    /// the demand profiles begin.
    Millis startSinceMonday = 0;
    /// Names of priority lists (a list without one is named by its first resource).
    std::vector<ListSpec> lists = {};
    /// Actor id → its share of the street length among the region's municipalities (sums to 1),
    /// for the networks and ploughs split by street length; empty: as `areaWeights`.
    std::vector<std::pair<std::string, double>> streetWeights = {};
    std::string streetWeightsSource = {};
};

/// How hard an actor's area (a municipality) is hit, 0–1: for each hazard that strikes there, its
/// weight there times the mean loss (1 − level) of the services it degrades; the worst hazard
/// counts. `levels[s]` is service s's level as someone knows it; a negative level is unknown and
/// left out. Nothing known about a hazard's services gives no value for it; no value at all: −1.
double areaImpact(const WorldSpec& spec, const std::string& actor, const std::vector<double>& levels);

/// Splits every `per_area` service, demand and resource into a part per area, with the population
/// shares of `areaWeights` (each municipality's share): parts take their area's share of the base,
/// capacity and need, and the hazard's weight there; each per-area service keeps its id as the
/// county's whole, the weighted mean of its parts. Outcome terms, dependencies, blocking and
/// observers follow the parts (a municipality observes its own area's part). A part is named by
/// its whole and its area, "Gator (Närförorter)", so that every list of parts tells them apart.
/// Nothing without areas.
void layOutAreas(WorldSpec& spec);

}  // namespace samverkan::world
