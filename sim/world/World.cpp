#include "sim/world/World.hpp"
#include "sim/world/WorldIndex.hpp"

#include <algorithm>
#include <cmath>

namespace samverkan::world {
namespace {

using detail::indexOf;
using detail::kMaxBlocking;
using detail::hours;
using detail::kNone;

double draw(engine::Random& rng, const Uncertain& u) {
    if (u.spread <= 0) return u.value;
    return rng.triangular(u.value - u.spread, u.value, u.value + u.spread);
}

// A series' onset, peak and duration once moved by `shift` and scaled by `scale`.
DrawnHazard drawnSeries(const HazardSpec& h, Millis shift, double scale) {
    DrawnHazard d{0, 0, 0, shift, scale};
    std::size_t first = SIZE_MAX, last = 0;
    for (std::size_t i = 0; i < h.values.size(); ++i) {
        const double v = h.values[i] * scale;
        d.peak = std::max(d.peak, v);
        if (v > h.beginsAbove) {
            first = std::min(first, i);
            last = i;
        }
    }
    const Millis start = h.seriesStart + shift;
    if (first == SIZE_MAX) {
        d.onset = start + static_cast<Millis>(h.values.size()) * h.step;  // never begins within the series
        d.begins = false;
        return d;
    }
    d.onset = start + static_cast<Millis>(first) * h.step;
    d.duration = static_cast<Millis>(last + 1 - first) * h.step;
    return d;
}

}  // namespace

World::World(const WorldSpec& spec, engine::Random& rng, Millis duration)
    : World(std::make_shared<const WorldSpec>(spec), rng, duration) {}

World::World(std::shared_ptr<const WorldSpec> spec, engine::Random& rng, Millis duration) : m_spec(std::move(spec)) {
    // A generated hazard draws onset, peak and duration, a forecast its shift and scale, an
    // observed series nothing: in declaration order, from the one stream.
    for (const auto& h : m_spec->hazards) {
        switch (h.kind) {
            case HazardKind::generated:
                m_drawn.push_back({hours(std::max(0.0, draw(rng, h.onsetHours))), std::max(0.0, draw(rng, h.peak)),
                                   hours(std::max(0.0, draw(rng, h.durationHours))), 0, 1});
                break;
            case HazardKind::series: m_drawn.push_back(drawnSeries(h, 0, 1)); break;
            case HazardKind::forecast: {
                const Millis shift = hours(draw(rng, h.shiftHours));
                const double scale = std::max(0.0, draw(rng, h.scale));
                m_drawn.push_back(drawnSeries(h, shift, scale));
                break;
            }
        }
    }
    for (const auto& h : m_spec->hazards) m_ramp.push_back(std::max<Millis>(hours(h.rampHours), 1));
    const std::size_t n = m_spec->services.size();
    for (const auto& svc : m_spec->services) m_own.push_back(std::clamp(svc.initial.value, 0.0, 1.0));
    m_effective = m_own;
    m_share.assign(n, 0.0);
    m_boost.assign(n, 0.0);
    m_decidedOrder.reserve(n);
    m_blocking.resize(n);
    for (const auto& s : m_spec->services) {
        auto& exposed = m_exposed.emplace_back();
        for (const auto& e : s.exposures)
            if (const auto h = indexOf(m_spec->hazards, e.hazard); h != kNone)
                exposed.push_back({h, e.sensitivity.value, e.above.value, e.weight, e.loadHours.value,
                                   indexOf(m_spec->hazards, e.with), std::max(e.per.value, 1e-9), e.withWeight});
        m_netHazard.push_back(s.network.hazard.empty() ? kNone : indexOf(m_spec->hazards, s.network.hazard));
        m_onNet.push_back(indexOf(m_spec->services, s.on.service));
        m_vehicles.push_back(indexOf(m_spec->demands, s.on.vehicles));
        auto& traffic = m_traffic.emplace_back();
        for (const auto& t : s.network.traffic)
            if (const auto d = indexOf(m_spec->demands, t.demand); d != kNone) traffic.emplace_back(d, t.weight.value);
        auto& parts = m_parts.emplace_back();
        for (const auto& [id, weight] : s.parts)
            if (const auto p = indexOf(m_spec->services, id); p != kNone) parts.emplace_back(p, weight);
        m_resourceOf.push_back(indexOf(m_spec->resources, s.resource));
        m_boostOf.push_back(indexOf(m_spec->resources, s.boostResource));
        m_dependsOn.push_back(indexOf(m_spec->services, s.dependsOn));
        auto& blocking = m_blocking[m_exposed.size() - 1];
        for (const auto& b : s.blockedBy) blocking.emplace_back(indexOf(m_spec->demands, b.demand), b.weight.value);
    }
    m_modes.resize(n);
    for (std::size_t s = 0; s < n; ++s)
        if (m_onNet[s] != kNone) m_modes[m_onNet[s]].push_back(s);
    m_depth.assign(n, 0.0);
    m_stuck.assign(n, 0.0);
    m_clearing.assign(n, 0);
    m_withdrawn.assign(n, 0);
    for (const auto& r : m_spec->resources) {
        std::vector<std::size_t> order;
        for (const auto& id : r.defaultOrder)
            if (const auto s = indexOf(m_spec->services, id); s != kNone) order.push_back(s);
        m_order.push_back(std::move(order));
    }
    m_sequence.resize(m_order.size());
    m_placed.assign(n, 0);
    for (auto& seq : m_sequence) {
        seq.items.reserve(n);
        seq.starts.reserve(n + 1);
    }
    for (std::size_t r = 0; r < m_order.size(); ++r) sequence(r);
    for (std::size_t o = 0; o < m_spec->outcomes.size(); ++o)
        for (const auto& t : m_spec->outcomes[o].terms) {
            const auto s = indexOf(m_spec->services, t.service), d = indexOf(m_spec->demands, t.demand);
            if (s != kNone && d != kNone) {
                const auto area = indexOf(m_spec->areas, t.area);
                m_terms.push_back({o, s, d, t.lost, t.share, area, m_spec->demands[d].base.value,
                                   area == kNone ? kNone : o * m_spec->areas.size() + area});
            }
        }
    for (std::size_t s = 0; s < n; ++s)
        if (m_netHazard[s] != kNone) m_networks.push_back(s);
    for (const auto& svc : m_spec->services) {
        auto& h = m_hot.emplace_back();
        h.need = svc.need.value;
        h.boostNeed = svc.boostNeed.value;
        h.boostMax = svc.boostMax.value;
        h.recovery = svc.recovery.value;
        const bool network = !svc.network.hazard.empty();
        const auto& net = svc.network;
        const auto& on = svc.on;
        h.weight = net.weight;
        h.cycleHours = net.cycleHours.value;
        h.stuckRate = net.stuckRate.value;
        h.clearedAwayHours = net.clearedAwayHours.value;
        h.startsAt = net.startsAt.value;
        // A network's own limits, or a mode's on its network.
        h.passableTo = network ? net.passableTo.value : on.passableTo.value;
        h.closedAt = network ? net.closedAt.value : on.closedAt.value;
        h.vehicleWeight = on.vehicleWeight.value;
        h.fallingPassableTo = on.fallingPassableTo.value;
        h.fallingClosedAt = on.fallingClosedAt.value;
        h.withdrawnBelow = on.withdrawnBelow.value;
        h.resumesAbove = on.resumesAbove.value;
    }
    for (const auto& r : m_spec->resources) m_capacity.push_back(r.capacity.value);
    for (const auto& a : m_spec->areas) {
        auto& weights = m_memberWeight.emplace_back();
        for (const auto& m : a.members) weights.push_back(areaWeight(m));
    }
    m_demandFactor.assign(m_spec->demands.size(), 1.0);
    for (const auto& d : m_spec->demands) m_demandArea.push_back(indexOf(m_spec->areas, d.area));
    for (const auto& r : m_spec->resources) m_resourceArea.push_back(indexOf(m_spec->areas, r.area));
    m_inArea.reserve(m_spec->areas.size());
    for (const auto& d : m_spec->demands) m_profileOf.push_back(indexOf(m_spec->profiles, d.profile));
    for (std::size_t d = 0; d < m_profileOf.size(); ++d)
        if (m_profileOf[d] != kNone) m_profiled.emplace_back(d, m_profileOf[d]);
    m_profileNow.assign(m_spec->demands.size(), 1.0);
    m_profileFactor.assign(m_spec->profiles.size(), 1.0);
    m_resourceFactor.assign(m_spec->resources.size(), 1.0);
    m_resourceAdded.assign(m_spec->resources.size(), 0.0);
    m_outcomes.assign(m_spec->outcomes.size(), 0.0);
    m_outcomesByArea.assign(m_spec->outcomes.size() * m_spec->areas.size(), 0.0);
    const auto ticks = static_cast<std::size_t>(duration / std::max<Millis>(m_spec->tick, 1)) + 2;
    m_times.reserve(ticks);
    m_samples.reserve(ticks * stride());
    m_applied.reserve(m_spec->effects.size() * 4);
    m_pending.reserve(m_spec->effects.size() * 4);
}

double World::intensity(std::size_t hazard, Millis t) const {
    const auto& d = m_drawn[hazard];
    const auto& spec = m_spec->hazards[hazard];
    if (spec.kind != HazardKind::generated) {
        // The step that holds the moment just before t: a tick ending at 13:00 lies in 12:00–13:00.
        const Millis since = t - 1 - (spec.seriesStart + d.shift);
        if (since < 0) return 0.0;
        const auto i = static_cast<std::size_t>(since / spec.step);
        return i < spec.values.size() ? spec.values[i] * d.scale : 0.0;
    }
    const Millis ramp = m_ramp[hazard];
    if (t <= d.onset || t >= d.onset + d.duration) return 0.0;
    const double sinceOnset = static_cast<double>(t - d.onset);
    const double untilEnd = static_cast<double>(d.onset + d.duration - t);
    const double rise = std::min(1.0, sinceOnset / static_cast<double>(ramp));
    const double fall = std::min(1.0, untilEnd / static_cast<double>(ramp));
    return d.peak * std::min(rise, fall);
}

double World::profileFactor(std::size_t demand, Millis t) const {
    const auto p = m_profileOf[demand];
    return p == kNone ? 1.0 : m_spec->profiles[p].at(m_spec->startSinceMonday + t);
}

Millis World::firstOnset() const {
    Millis first = INT64_MAX;
    for (const auto& d : m_drawn) first = std::min(first, d.onset);
    return first;
}

std::size_t World::serviceIndex(const std::string& id) const { return indexOf(m_spec->services, id); }
std::size_t World::hazardIndex(const std::string& id) const { return indexOf(m_spec->hazards, id); }

double World::levelAt(std::size_t service, Millis t) const {
    // Samples are in time order; before the first tick every service is at its normal level.
    // The last sample at or before t. Ticks come every spec tick, so that is where the search
    // starts; it steps from there, so any spacing of the samples gives the same answer.
    if (m_times.empty() || t < m_times.front()) return 1.0;
    const std::size_t n = m_times.size();
    const Millis step = std::max<Millis>(m_spec->tick, 1);
    auto i = static_cast<std::size_t>(std::min<Millis>((t - m_times.front()) / step, static_cast<Millis>(n - 1)));
    while (i + 1 < n && m_times[i + 1] <= t) ++i;
    while (m_times[i] > t) --i;  // m_times.front() <= t ends it
    return sampledLevel(i, service);
}

bool World::observes(const std::string& actor, std::size_t service) const {
    const auto& observers = m_spec->services[service].observers;
    return std::find(observers.begin(), observers.end(), actor) != observers.end();
}

KnownLevel World::seenAt(std::size_t service, Millis now) const {
    const Millis at = std::max<Millis>(0, now - m_spec->services[service].reportDelay);
    return {levelAt(service, at), at};
}

KnownLevel World::observedBy(const std::string& actor, std::size_t service, Millis now) const {
    return observes(actor, service) ? seenAt(service, now) : KnownLevel{};
}
std::size_t World::outcomeIndex(const std::string& id) const { return indexOf(m_spec->outcomes, id); }

// Each resource goes to services in its priority order, each taking up to its need; what is
// left goes to services not on the list, in the order they are declared.
void World::shareResources(std::vector<double>& share, std::vector<double>& boost) const {
    // A network its operator is not clearing (too little snow yet, or clear) takes nothing: the
    // resource goes to the next in the order.
    const auto idle = [&](std::size_t s) { return m_netHazard[s] != kNone && m_clearing[s] == 0 ? 1 : 0; };
    std::fill(share.begin(), share.end(), 0.0);
    std::fill(boost.begin(), boost.end(), 0.0);
    for (std::size_t r = 0; r < m_spec->resources.size(); ++r) {
        double left = (m_capacity[r] + m_resourceAdded[r]) * m_resourceFactor[r];
        auto give = [&](std::size_t s) {
            const auto& svc = m_hot[s];
            if (m_resourceOf[s] == r && share[s] == 0.0 && svc.need > 0 && idle(s) == 0) {
                const double got = std::min(left, svc.need);
                share[s] = got / svc.need;
                left -= got;
            }
            if (m_boostOf[s] == r && boost[s] == 0.0 && svc.boostNeed > 0) {
                const double got = std::min(left, svc.boostNeed);
                boost[s] = got / svc.boostNeed;
                left -= got;
            }
        };
        // The parts of one service get the same share of what they need: a resource is spread
        // over the network it clears, not given to one area after another.
        const auto& seq = m_sequence[r];
        auto giveGroup = [&](std::size_t from, std::size_t to, bool toBoost) {
            double needed = 0;
            for (std::size_t k = from; k < to; ++k) {
                const auto s = seq.items[k];
                const double need = toBoost ? m_hot[s].boostNeed : m_hot[s].need;
                const bool takes = toBoost ? m_boostOf[s] == r && boost[s] == 0.0
                                           : m_resourceOf[s] == r && share[s] == 0.0 && idle(s) == 0;
                if (takes && need > 0) needed += need;
            }
            if (needed <= 0) return;
            const double part = std::clamp(left / needed, 0.0, 1.0);
            for (std::size_t k = from; k < to; ++k) {
                const auto s = seq.items[k];
                const double need = toBoost ? m_hot[s].boostNeed : m_hot[s].need;
                auto& out = toBoost ? boost[s] : share[s];
                const bool takes = toBoost ? m_boostOf[s] == r : m_resourceOf[s] == r && idle(s) == 0;
                if (takes && out == 0.0 && need > 0) out = part;
            }
            left -= part * needed;
        };
        for (std::size_t g = 0; g + 1 < seq.starts.size(); ++g) {
            const std::size_t from = seq.starts[g], to = seq.starts[g + 1];
            if (to - from == 1) {
                give(seq.items[from]);
            } else {
                giveGroup(from, to, false);
                giveGroup(from, to, true);
            }
        }
    }
}

void World::sequence(std::size_t r) {
    auto& out = m_sequence[r];
    out.items.clear();
    out.starts.clear();
    out.starts.push_back(0);
    const auto takes = [&](std::size_t s) { return m_resourceOf[s] == r || m_boostOf[s] == r; };
    std::fill(m_placed.begin(), m_placed.end(), 0);
    // A service in the order, or the parts of a per-area whole named there, as one group.
    const auto place = [&](std::size_t s) {
        const auto before = out.items.size();
        if (!m_parts[s].empty()) {
            for (const auto& [p, weight] : m_parts[s])
                if (takes(p) && m_placed[p] == 0) {
                    m_placed[p] = 1;
                    out.items.push_back(p);
                }
        } else if (takes(s) && m_placed[s] == 0) {
            m_placed[s] = 1;
            out.items.push_back(s);
        }
        if (out.items.size() > before) out.starts.push_back(out.items.size());
    };
    for (const auto s : m_order[r])
        if (s < m_spec->services.size()) place(s);
    for (std::size_t s = 0; s < m_spec->services.size(); ++s) {
        // The rest as declared; a whole's parts together, where the whole is declared.
        if (!m_spec->services[s].of.empty()) continue;
        place(s);
    }
}

// One tick of every service: what its hazard takes, what its share of the resources gives back,
// what it depends on and what a boost adds.
void World::advanceServices(double dtHours) {
    startClearing();
    shareResources(m_share, m_boost);
    bool lies = false;
    for (std::size_t s = 0; s < m_spec->services.size(); ++s) {
        const auto& svc = m_hot[s];
        if (m_netHazard[s] != kNone) {
            lies = advanceNetwork(s, dtHours) || lies;
            continue;
        }
        if (m_onNet[s] != kNone) {
            lies = advanceMode(s) || lies;
            continue;
        }
        if (!m_parts[s].empty()) {
            // The county's whole: the weighted mean of its parts, updated above it.
            // Divided by the weights' own sum, and exactly 1 when every part is: shares that sum
            // to just under 1 must not make a whole county look broken.
            double level = 0, weights = 0;
            bool whole = true;
            for (const auto& [p, weight] : m_parts[s]) {
                level += weight * m_effective[p];
                weights += weight;
                whole = whole && m_effective[p] == 1.0;
            }
            m_own[s] = m_effective[s] = whole ? 1.0 : std::clamp(weights > 0 ? level / weights : 1.0, 0.0, 1.0);
            continue;
        }
        double rate = 0.0;  // level lost per hour
        for (auto& e : m_exposed[s]) {
            double x = m_intensityNow[e.hazard] * e.weight;
            if (e.loadHours > 0) {
                // What has fallen and still lies: it builds with the intensity and fades over loadHours.
                const double f = std::exp(-dtHours / e.loadHours);
                e.load = e.load * f + x * e.loadHours * (1.0 - f);
                if (e.load < 1e-9) e.load = 0;
                lies = lies || e.load > 0;
                x = e.load;
            }
            if (e.with != kNone) x *= 1.0 + m_intensityNow[e.with] * e.withWeight / e.per;
            rate += e.sensitivity * std::max(0.0, x - e.above);
        }
        double blocked = 0.0;
        for (const auto& [d, weight] : m_blocking[s])
            if (d != kNone) blocked += weight * m_demandFactor[d] * m_profileNow[d] * (1.0 - m_own[s]);
        blocked = std::min(blocked, kMaxBlocking);
        const double loss = rate * dtHours;
        const double gain = svc.recovery * m_share[s] * (1.0 - blocked) * dtHours;
        m_own[s] = std::clamp(m_own[s] - loss + gain, 0.0, 1.0);
        double effective = m_own[s];
        if (m_dependsOn[s] != kNone) effective = std::min(effective, m_effective[m_dependsOn[s]]);
        if (m_boostOf[s] != kNone) effective = std::min(1.0, effective + svc.boostMax * m_boost[s] * (1.0 - effective));
        m_effective[s] = effective;
    }
    m_snowLies = lies;
}

void World::tick(Millis now) {
    applyDue(now);
    const double dtHours = static_cast<double>(now - m_lastTick) / static_cast<double>(engine::kHour);
    m_lastTick = now;
    m_intensityNow.resize(m_drawn.size());
    // Each profile's factor once, then every demand that follows it (an area's parts share one).
    for (std::size_t p = 0; p < m_spec->profiles.size(); ++p) m_profileFactor[p] = m_spec->profiles[p].at(m_spec->startSinceMonday + now - 1);
    for (const auto& [d, p] : m_profiled) m_profileNow[d] = m_profileFactor[p];
    bool calm = true;
    for (std::size_t h = 0; h < m_drawn.size(); ++h) {
        m_intensityNow[h] = intensity(h, now);
        calm = calm && m_intensityNow[h] == 0.0;
    }
    // With no hazard acting, every service whole and no resource below nothing (a negative `add`,
    // or effects undone in another order than they came, can leave a capacity just below zero and
    // so a negative share), a tick leaves every service whole: nothing is lost, what is given back
    // is never negative and a level is capped at 1. The sharing of resources and the services'
    // update are then skipped; the outcomes still accrue.
    const auto whole = [](const std::vector<double>& v) {
        return std::all_of(v.begin(), v.end(), [](double x) { return x == 1.0; });
    };
    for (std::size_t r = 0; calm && r < m_spec->resources.size(); ++r)
        calm = (m_capacity[r] + m_resourceAdded[r]) * m_resourceFactor[r] >= 0.0;
    // Once found whole, the services stay whole until they are next updated: no need to look again.
    if (!calm || m_snowLies || (!m_whole && !(whole(m_own) && whole(m_effective)))) {
        advanceServices(dtHours);
        m_whole = false;
    } else {
        m_whole = true;
    }
    if (m_firstBroken == INT64_MAX && !m_whole && !whole(m_effective)) m_firstBroken = now;
    for (const auto& term : m_terms) {
        const double f = m_demandFactor[term.demand];
        const double level = m_effective[term.service];
        if (f == 1.0 && level == 1.0) continue;  // a whole service at its normal demand loses nothing: it would add 0
        const double base = term.base * m_profileNow[term.demand] * term.share;
        const double add = (term.lost ? base * (1.0 - f * level) : base * f * (1.0 - level)) * dtHours;
        m_outcomes[term.outcome] += add;
        if (term.byArea != kNone) m_outcomesByArea[term.byArea] += add;
    }
    m_times.push_back(now);
    for (const double h : m_intensityNow) m_samples.push_back(static_cast<float>(h));
    for (const double level : m_effective) m_samples.push_back(static_cast<float>(level));
    if (m_keepDetail) {
        for (std::size_t d = 0; d < m_spec->demands.size(); ++d) m_detail.push_back(demandNow(d));
        m_detail.insert(m_detail.end(), m_outcomes.begin(), m_outcomes.end());
        for (std::size_t s = 0; s < m_spec->services.size(); ++s) {
            m_detail.push_back(m_depth[s]);
            m_detail.push_back(m_stuck[s]);
        }
        m_detail.insert(m_detail.end(), m_outcomesByArea.begin(), m_outcomesByArea.end());
    }
}

void World::keepDetail(Millis duration) {
    // Only from the first tick: the detail lines up with the samples.
    if (!m_times.empty()) return;
    m_keepDetail = true;
    const auto ticks = static_cast<std::size_t>(duration / std::max<Millis>(m_spec->tick, 1)) + 2;
    m_detail.reserve(ticks * detailStride());
}

}  // namespace samverkan::world
