#include "sim/eval/DecidedMeasures.hpp"

#include <algorithm>

namespace samverkan::eval {

std::vector<DecidedMeasure> decidedMeasures(const exercise::Exercise& run, const std::string& by) {
    std::vector<DecidedMeasure> out;
    const auto& entries = run.journal().entries();
    const auto& decisions = run.cooperation().decisions();
    const auto* world = run.world();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto* d = entries[i].as<protocol::Decided>();
        if (d == nullptr || d->stage == protocol::Decided::Stage::proposed || (!by.empty() && d->by != by)) continue;
        DecidedMeasure m{i, entries[i].t, d->decision, d->by, d->forum, d->measure, d->args, d->actors.size(), 0, {}};
        if (const auto* decision = run.cooperation().decision(d->decision)) {
            m.actors = decision->implementedAt.size();
            m.carriedOut = static_cast<std::size_t>(
                std::count_if(decision->implementedAt.begin(), decision->implementedAt.end(), [](Millis t) { return t >= 0; }));
            const auto number = static_cast<std::uint32_t>(decision - decisions.data());
            if (world != nullptr)
                for (const auto& a : world->applied()) {
                    if (a.decision != number) continue;
                    auto it = std::find_if(m.effects.begin(), m.effects.end(), [&](const EffectTaken& e) { return e.effect == a.effect; });
                    if (it == m.effects.end()) it = m.effects.insert(m.effects.end(), {a.effect, 0, 1});
                    it->strength += a.strength;
                    it->timeliness = std::min(it->timeliness, a.timeliness);
                }
        }
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace samverkan::eval
