#include "sim/world/WorldSpec.hpp"

#include <algorithm>

namespace samverkan::world {

const char* triggerName(EffectTrigger on) {
    switch (on) {
        case EffectTrigger::measure: return "";
        case EffectTrigger::memberJoined: return "member-joined";
        case EffectTrigger::jointPublicMessage: return "joint-public-message";
        case EffectTrigger::ownPublicMessage: return "own-public-message";
    }
    return "";
}

double ProfileSpec::at(Millis msSinceMonday) const {
    const Millis week = 7 * engine::kDay;
    const Millis t = ((msSinceMonday % week) + week) % week;
    const auto day = t / engine::kDay;
    const auto hour = static_cast<std::size_t>((t % engine::kDay) / engine::kHour);
    return day < 5 ? weekday[hour] : day == 5 ? saturday[hour] : sunday[hour];
}

double areaImpact(const WorldSpec& spec, const std::string& actor, const std::vector<double>& levels) {
    double worst = -1.0;
    for (const auto& h : spec.hazards) {
        const double weight = h.weightIn(actor);
        double loss = 0;
        int known = 0;
        for (std::size_t s = 0; s < spec.services.size() && s < levels.size(); ++s)
            if (spec.services[s].exposedTo(h.id) && levels[s] >= 0) {
                loss += 1.0 - std::clamp(levels[s], 0.0, 1.0);
                ++known;
            }
        if (known > 0) worst = std::max(worst, weight * loss / known);
    }
    return worst;
}

}  // namespace samverkan::world
