#pragma once
/// The true state of the world during a run: hazard intensities, service levels, demands and
/// resources as decisions change them, and the outcomes integrated tick by tick. Built from a
/// WorldSpec; nothing here is specific to one scenario. Deterministic: the only randomness is the
/// per-run draw of the hazards from the stream given at construction.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/engine/Random.hpp"
#include "sim/world/Knowledge.hpp"
#include "sim/world/WorldSpec.hpp"

namespace samverkan::world {

/// A hazard as drawn for this run.
/// For a series: when its intensity first rises above the hazard's `beginsAbove`, its highest
/// intensity, and how long from the onset until it last falls back (onset may be before the start).
/// For a forecast also the drawn shift and scale.
struct DrawnHazard {
    Millis onset = 0;
    double peak = 0;
    Millis duration = 0;
    Millis shift = 0;
    double scale = 1;
    bool begins = true;  ///< false: a series that never rises above its threshold (onset and duration mean nothing)
};

/// An effect that took hold, and how strongly.
struct AppliedEffect {
    Millis t = 0;
    std::size_t effect = 0;  ///< index into WorldSpec::effects
    double strength = 0;     ///< weight × parameters (share, areas) × timeliness
    double timeliness = 0;   ///< 1 in good time before the hazard, down to the effect's floor
    std::uint32_t decision = UINT32_MAX;  ///< the caller's number of the decision it carries out, if any
};

/// The world of one run.
class World {
public:
    /// Draws the hazards from `rng`. `duration` sizes the history so that ticks allocate nothing.
    /// Keeps a copy of `spec`.
    World(const WorldSpec& spec, engine::Random& rng, Millis duration);
    /// The same, sharing `spec` (which nothing may change while the world lives): a run of a sweep
    /// need not copy the scenario's world.
    World(std::shared_ptr<const WorldSpec> spec, engine::Random& rng, Millis duration);

    /// Advances one tick ending at `now`: hazards act, resources are shared out, services recover,
    /// outcomes accumulate. Call every `spec().tick`.
    void tick(Millis now);
    /// An actor carried out measure `measure` (index into spec().measures) with the decided `args`
    /// (parameters left out take their defaults). `weight` is the share of the decision this
    /// actor's part stands for (e.g. its population share among the deciding municipalities).
    /// A `share` argument scales the strength by its value, `areas` by the summed population
    /// weight of the named areas, `until` sets how long after the onset it holds, and `order`
    /// sets the order of the measure's priority-list changes.
    /// `decision` is the caller's number for the decision (kept in applied(), so that an effect can
    /// be traced back to what caused it).
    /// With areas, the measure acts in the parts of the areas it concerns: a municipality's own
    /// implementation in its own area (`actor`, as its share of the area's population), else the
    /// areas an `areas` argument names (as the named share of each area's population), else
    /// everywhere; county-wide demands and resources take the strength as without areas.
    void measureImplemented(std::size_t measure, const std::vector<model::MeasureArg>& args, double weight, Millis now,
                            std::uint32_t decision = UINT32_MAX, const std::string& actor = {});
    /// `actor` joined a forum.
    void memberJoined(const std::string& actor, Millis now);
    /// A message to the public: `joint` if sent through a forum, an actor's own otherwise.
    void publicMessage(bool joint, Millis now);
    /// An actor's share of the population among the region's municipalities (from the map), or
    /// 1/N when the scenario has no map; 0 for an actor that is no municipality.
    [[nodiscard]] double areaWeight(const std::string& actor) const;
    /// The summed weight of `areas` (actor or group ids; each actor counted once).
    [[nodiscard]] double areasWeight(const std::vector<std::string>& areas) const;
    [[nodiscard]] std::size_t measureIndex(const std::string& id) const;
    /// A forum set a priority order: resources shared by `list` follow it from now on.
    void setPriorities(const std::string& list, const std::vector<std::string>& order);

    [[nodiscard]] const WorldSpec& spec() const { return *m_spec; }
    [[nodiscard]] const DrawnHazard& drawn(std::size_t hazard) const { return m_drawn[hazard]; }
    /// Hazard intensity at time t (in the hazard's unit).
    [[nodiscard]] double intensity(std::size_t hazard, Millis t) const;
    /// The earliest hazard onset of this run.
    [[nodiscard]] Millis firstOnset() const;
    /// Effective level of a service now (0–1).
    [[nodiscard]] double level(std::size_t service) const { return m_effective[service]; }
    [[nodiscard]] double demandFactor(std::size_t demand) const { return m_demandFactor[demand]; }
    /// A demand's profile factor over the week at time t (1 for a demand without a profile).
    [[nodiscard]] double profileFactor(std::size_t demand, Millis t) const;
    /// A demand per hour during the last tick: base × profile × what decisions made of it.
    [[nodiscard]] double demandNow(std::size_t demand) const {
        return m_spec->demands[demand].base.value * m_profileNow[demand] * m_demandFactor[demand];
    }
    [[nodiscard]] double resourceFactor(std::size_t resource) const { return m_resourceFactor[resource]; }
    [[nodiscard]] double outcome(std::size_t outcome) const { return m_outcomes[outcome]; }
    [[nodiscard]] const std::vector<double>& outcomes() const { return m_outcomes; }
    /// The part of an outcome that fell in area `area` (index into spec().areas); with areas, what
    /// no area holds (the county-wide services' terms) is the total less the areas' parts.
    [[nodiscard]] double outcomeIn(std::size_t outcome, std::size_t area) const {
        return m_outcomesByArea[outcome * m_spec->areas.size() + area];
    }
    [[nodiscard]] const std::vector<AppliedEffect>& applied() const { return m_applied; }
    /// The history of the run, one sample per tick, for plots: its times, and per sample the
    /// intensity of each hazard and the effective level of each service.
    [[nodiscard]] std::size_t samples() const { return m_times.size(); }
    [[nodiscard]] Millis sampleTime(std::size_t i) const { return m_times[i]; }
    [[nodiscard]] float sampledIntensity(std::size_t i, std::size_t hazard) const { return m_samples[i * stride() + hazard]; }
    [[nodiscard]] float sampledLevel(std::size_t i, std::size_t service) const {
        return m_samples[i * stride() + m_drawn.size() + service];
    }
    /// Keeps, from now on, each demand per hour and each outcome so far at every tick (for an
    /// analyst's time series); `duration` sizes it. Off by default: a sweep does not pay for it.
    void keepDetail(Millis duration);
    [[nodiscard]] bool keepsDetail() const { return m_keepDetail; }
    /// With keepDetail: demand d per hour in sample i (base × profile × decisions' factors), and
    /// outcome o accumulated up to sample i.
    [[nodiscard]] double sampledDemand(std::size_t i, std::size_t demand) const { return m_detail[i * detailStride() + demand]; }
    [[nodiscard]] double sampledOutcome(std::size_t i, std::size_t outcome) const {
        return m_detail[i * detailStride() + m_spec->demands.size() + outcome];
    }
    /// With keepDetail: the part of outcome o accumulated in area a (index into spec().areas) up
    /// to sample i.
    [[nodiscard]] double sampledOutcomeIn(std::size_t i, std::size_t outcome, std::size_t area) const {
        return m_detail[i * detailStride() + m_spec->demands.size() + m_spec->outcomes.size() + 2 * m_spec->services.size() +
                        outcome * m_spec->areas.size() + area];
    }
    /// A network's mean depth of snow (cm) and the share of it blocked by stuck vehicles, now;
    /// 0 for a service that is no network.
    [[nodiscard]] double depth(std::size_t service) const { return m_depth[service]; }
    [[nodiscard]] double stuck(std::size_t service) const { return m_stuck[service]; }
    /// A mode of traffic its operator has withdrawn as unsafe, now.
    [[nodiscard]] bool withdrawn(std::size_t service) const { return m_withdrawn[service] != 0; }
    /// With keepDetail: a network's depth and stuck share in sample i.
    [[nodiscard]] double sampledDepth(std::size_t i, std::size_t service) const {
        return m_detail[i * detailStride() + m_spec->demands.size() + m_spec->outcomes.size() + 2 * service];
    }
    [[nodiscard]] double sampledStuck(std::size_t i, std::size_t service) const {
        return m_detail[i * detailStride() + m_spec->demands.size() + m_spec->outcomes.size() + 2 * service + 1];
    }
    /// The service order a resource is shared out in now.
    [[nodiscard]] const std::vector<std::size_t>& order(std::size_t resource) const { return m_order[resource]; }
    [[nodiscard]] std::size_t serviceIndex(const std::string& id) const;
    /// The hazard with id `id`, or SIZE_MAX.
    [[nodiscard]] std::size_t hazardIndex(const std::string& id) const;
    /// The true level of a service at a past time `t` (as sampled at the last tick at or before t).
    [[nodiscard]] double levelAt(std::size_t service, Millis t) const;
    /// Whether `actor` sees service `service` in its own operations.
    [[nodiscard]] bool observes(const std::string& actor, std::size_t service) const;
    /// Every service was at its normal level (1) at every tick before this time; INT64_MAX while
    /// none has fallen below it.
    [[nodiscard]] Millis wholeUntil() const { return m_firstBroken; }
    /// What an observer of a service sees of it at `now`: its level `reportDelay` ago.
    [[nodiscard]] KnownLevel seenAt(std::size_t service, Millis now) const;
    /// What `actor` sees of a service itself at `now`: the level `reportDelay` ago, if it observes it.
    [[nodiscard]] KnownLevel observedBy(const std::string& actor, std::size_t service, Millis now) const;
    [[nodiscard]] std::size_t outcomeIndex(const std::string& id) const;

private:
    void shareResources(std::vector<double>& share, std::vector<double>& boost) const;
    void advanceServices(double dtHours);
    [[nodiscard]] double timeliness(const EffectSpec& e, Millis now) const;
    [[nodiscard]] std::size_t stride() const { return m_drawn.size() + m_spec->services.size(); }
    /// `inArea`: per area, the strength for the parts there before timeliness (empty: `strength`
    /// everywhere); `when`: the timeliness it is multiplied by.
    void apply(const Change& c, double strength, bool undo, const std::vector<std::size_t>* order,
               const std::vector<double>& inArea = {}, double when = 1);
    void start(std::size_t effect, double strength, Millis end, const std::vector<std::size_t>& order, Millis now,
               std::uint32_t decision = UINT32_MAX, const std::vector<double>& inArea = {});
    std::vector<std::size_t> m_demandArea, m_resourceArea;  // per demand and resource: its area's index, SIZE_MAX for none
    std::vector<double> m_inArea;                          // scratch: a measure's strength per area
    void applyDue(Millis now);

    std::shared_ptr<const WorldSpec> m_spec;
    std::vector<DrawnHazard> m_drawn;
    std::vector<Millis> m_ramp;  // per hazard: its ramp time (at least 1 ms)
    std::vector<std::size_t> m_resourceOf, m_boostOf, m_dependsOn;  // per service, SIZE_MAX for none
    struct Exposed {
        std::size_t hazard;
        double sensitivity, above, weight;
        double loadHours = 0;            // > 0: the loss follows the load
        std::size_t with = SIZE_MAX;     // a hazard that makes the loss grow
        double per = 1, withWeight = 1;
        double load = 0;                 // the load built up so far
    };
    // Networks under snow and the modes on them, per service (SIZE_MAX / empty for none).
    std::vector<std::size_t> m_netHazard, m_onNet, m_vehicles;
    std::vector<std::vector<std::pair<std::size_t, double>>> m_traffic;  // per network: demand, weight
    std::vector<std::vector<std::size_t>> m_modes;                        // per network: the modes on it
    std::vector<double> m_depth, m_stuck;      // per service: cm of snow lying, share blocked by stuck vehicles
    std::vector<char> m_clearing, m_withdrawn;  // per service: its operator clears it; its traffic is withdrawn
    bool m_snowLies = false;                    // some depth, stuck vehicle or load is left over
    void startClearing();
    bool advanceNetwork(std::size_t s, double dtHours);  // Networks.cpp: a network's tick; snow or stuck left
    bool advanceMode(std::size_t s);                     // Networks.cpp: a mode's tick; withdrawn
    std::vector<std::vector<std::pair<std::size_t, double>>> m_parts;  // per service: its parts, if it is a whole
    std::vector<std::vector<Exposed>> m_exposed;  // per service: the hazards it loses level to
    std::vector<std::size_t> m_profileOf;         // per demand: its profile, SIZE_MAX for none
    std::vector<double> m_profileNow;             // per demand: its profile factor in the last tick
    std::vector<double> m_profileFactor;          // per profile: its factor in the last tick
    std::vector<std::vector<std::pair<std::size_t, double>>> m_blocking;      // per service: demand, weight
    /// Every outcome's terms in one list, outcome by outcome, those that name a known service and demand.
    struct Term {
        std::size_t outcome, service, demand;
        bool lost;
        double share;
        std::size_t area;  // index into spec().areas, SIZE_MAX for the county as a whole
        double base = 0;                // the demand's base per hour
        std::size_t byArea = SIZE_MAX;  // its slot in m_outcomesByArea, SIZE_MAX for none
    };
    std::vector<std::size_t> m_networks;  // the services that are networks under snow
    // Per service, the numbers its tick reads, copied from its spec side by side (a service's spec
    // is over a kilobyte; these are two cache lines): a network's and a mode's limits, what it
    // needs of its resources and what they give back.
    struct Hot {
        double need = 0, boostNeed = 0, boostMax = 0, recovery = 0;
        double weight = 1, cycleHours = 0, stuckRate = 0, clearedAwayHours = 0, passableTo = 0, closedAt = 0, startsAt = 0;
        double vehicleWeight = 0, fallingPassableTo = 0, fallingClosedAt = 0, withdrawnBelow = 0, resumesAbove = 0;
    };
    std::vector<Hot> m_hot;
    std::vector<double> m_capacity;  // per resource: its capacity
    std::vector<std::vector<double>> m_memberWeight;  // per area, per member: its areaWeight()
    std::vector<std::pair<std::size_t, std::size_t>> m_profiled;  // demand, its profile
    std::vector<double> m_outcomesByArea;  // per outcome, per area
    std::vector<Term> m_terms;
    std::vector<std::vector<std::size_t>> m_order;  // per resource: service indices
    // Per resource: the services it is given to, in the order it goes to them (the priority order,
    // then the rest as declared), only those that take it; rebuilt when the order changes.
    // In groups: the parts of one per-area service are shared out in proportion to their need.
    // Group k is items[starts[k]] up to items[starts[k + 1]]; sized once, so rebuilding allocates nothing.
    struct Sequence {
        std::vector<std::size_t> items, starts;
    };
    std::vector<Sequence> m_sequence;
    std::vector<char> m_placed;  // scratch for sequence(), per service
    void sequence(std::size_t resource);
    std::vector<double> m_own, m_effective, m_demandFactor, m_resourceFactor, m_resourceAdded, m_outcomes;
    std::vector<double> m_share, m_boost;  // scratch per tick, sized once
    std::vector<double> m_intensityNow;    // scratch per tick: each hazard's intensity
    std::vector<std::size_t> m_decidedOrder, m_noOrder;  // scratch for a measure's `order` argument
    // The areas a measure named last and their weight: every implementer of a decision names the same.
    std::vector<std::string> m_lastAreas;
    double m_lastAreasWeight = -1;
    std::vector<AppliedEffect> m_applied;
    /// Effects waiting to start or to end: effect index, strength, start, end, started, and the
    /// decided order for its list changes (empty: the effect's own).
    struct Pending {
        std::size_t effect;
        double strength;
        Millis start, end;
        bool started;
        std::vector<std::size_t> order;
        std::vector<double> inArea = {};  // per area, before timeliness (empty: everywhere alike)
        double when = 1;                   // the timeliness
    };
    /// When a pending effect next has something to do: start, or end (never: INT64_MAX).
    static Millis dueAt(const Pending& p) { return !p.started ? p.start : p.end >= 0 ? p.end : INT64_MAX; }
    void setOrder(const std::string& list, const std::vector<std::size_t>& services);
    std::vector<Pending> m_pending;
    Millis m_nextDue = INT64_MAX;  // the earliest start or end in m_pending: before it a tick has nothing to apply
    std::vector<Millis> m_times;
    std::vector<float> m_samples;  // per tick: hazards, then service levels
    Millis m_lastTick = 0;
    Millis m_firstBroken = INT64_MAX;  ///< the first tick at which a service was below its normal level
    bool m_whole = false;              // every service was found whole, and has not been updated since
    bool m_keepDetail = false;
    // With keepDetail, per tick: demands now, outcomes so far, each service's depth and stuck share,
    // then each outcome's parts so far by area.
    std::vector<double> m_detail;
    [[nodiscard]] std::size_t detailStride() const {
        return m_spec->demands.size() + m_spec->outcomes.size() + 2 * m_spec->services.size() +
               m_spec->outcomes.size() * m_spec->areas.size();
    }
};

}  // namespace samverkan::world
