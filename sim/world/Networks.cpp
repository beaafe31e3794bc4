// The snow networks and the modes of traffic on them: one service's tick each, for
// World::advanceServices.
#include <algorithm>
#include <cmath>

#include "sim/world/World.hpp"
#include "sim/world/WorldIndex.hpp"

namespace samverkan::world {

namespace {
using detail::kMaxBlocking;
using detail::kNone;
// A network ploughed down to this mean depth (cm) is clear: the operator stops until the next fall.
constexpr double kCleared = 0.5;

// The level traffic keeps at `depth` cm: 1 up to `passable`, none from `closed`, straight between.
double passable(double depth, double passableTo, double closedAt) {
    if (depth <= passableTo) return 1.0;
    if (depth >= closedAt) return 0.0;
    return (closedAt - depth) / (closedAt - passableTo);
}
}  // namespace

// Snow on the networks: the operators start clearing where it lies deep enough (before the
// resources are shared out, so that a network not being cleared leaves its share to others).
void World::startClearing() {
    for (const auto s : m_networks)
        if (m_clearing[s] == 0 && m_depth[s] > 0 && m_depth[s] >= m_hot[s].startsAt)
            m_clearing[s] = 1;
}

// Returns whether snow or stuck vehicles are left on it.
bool World::advanceNetwork(std::size_t s, double dtHours) {
    // The depth falls towards what the ploughing holds it at while snow falls: with the whole
    // need met the network is passed every cycle, which holds the mean at about half of a
    // cycle's snow (a time constant of half the cycle); stuck vehicles hold the ploughs up.
    const auto& net = m_hot[s];
    const double snow = m_intensityNow[m_netHazard[s]] * net.weight;
    double& depth = m_depth[s];
    double& stuck = m_stuck[s];
    const double k = m_clearing[s] != 0 ? 2.0 * m_share[s] * (1.0 - stuck) / std::max(net.cycleHours, 1e-6) : 0.0;
    if (k > 0) {
        const double e = std::exp(-k * dtHours);
        depth = depth * e + snow * (1.0 - e) / k;
    } else {
        depth += snow * dtHours;
    }
    if (m_clearing[s] != 0 && depth < kCleared && snow == 0.0) {
        depth = 0;
        m_clearing[s] = 0;
    }
    // Vehicles get stuck in proportion to the traffic, the depth and the falling snow, and
    // are cleared away over `clearedAwayHours`.
    double traffic = 0;
    const auto relative = [&](std::size_t d) { return m_demandFactor[d] * m_profileNow[d]; };
    for (const auto& [d, weight] : m_traffic[s]) traffic += weight * relative(d);
    for (const auto mode : m_modes[s])
        if (m_withdrawn[mode] == 0 && m_vehicles[mode] != kNone)
            traffic += m_hot[mode].vehicleWeight * relative(m_vehicles[mode]);
    const double rate = net.stuckRate * traffic * (depth / 10.0) * (1.0 + snow);
    // No saturation in the rate: where vehicles are stuck the ploughs are slowed, the snow
    // deepens and more get stuck, so that past a tipping point (traffic × snowfall high
    // enough) the network seizes up; below it the stuck share settles.
    stuck += (rate - stuck / std::max(net.clearedAwayHours, 1e-6)) * dtHours;
    stuck = std::clamp(stuck, 0.0, kMaxBlocking);
    if (stuck < 1e-9) stuck = 0;
    const bool lies = depth > 0 || stuck > 0;
    m_own[s] = passable(depth, net.passableTo, net.closedAt) * (1.0 - stuck);
    double effective = m_own[s];
    if (m_boostOf[s] != kNone) effective = std::min(1.0, effective + net.boostMax * m_boost[s] * (1.0 - effective));
    m_effective[s] = effective;
    return lies;
}

// Returns whether its operator has it withdrawn.
bool World::advanceMode(std::size_t s) {
    const auto& on = m_hot[s];
    // A mode on a network: what its own limits make of the depth there, less what is stuck;
    // with its own limits on the falling snow where it has them (visibility, slush, hills: buses
    // fail at lower snow rates than rail), its operator withdraws it when unsafe and lets it run again once it is safe enough.
    const auto n = m_onNet[s];
    double level = passable(m_depth[n], on.passableTo, on.closedAt) * (1.0 - m_stuck[n]);
    if (on.fallingClosedAt > 0) {  // ModeSpec::limitedByFalling
        const double falling = m_intensityNow[m_netHazard[n]] * m_hot[n].weight;
        level *= passable(falling, on.fallingPassableTo, on.fallingClosedAt);
    }
    if (m_withdrawn[s] == 0 && level < on.withdrawnBelow) m_withdrawn[s] = 1;
    else if (m_withdrawn[s] != 0 && level >= on.resumesAbove) m_withdrawn[s] = 0;
    const bool lies = m_withdrawn[s] != 0;
    m_own[s] = m_withdrawn[s] != 0 ? 0.0 : level;
    double effective = m_own[s];
    if (m_boostOf[s] != kNone) effective = std::min(1.0, effective + on.boostMax * m_boost[s] * (1.0 - effective));
    m_effective[s] = effective;
    return lies;
}

}  // namespace samverkan::world
