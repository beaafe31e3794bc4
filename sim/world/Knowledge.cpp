#include "sim/world/Knowledge.hpp"

#include <algorithm>

namespace samverkan::world {

Millis Picture::oldestObservation() const {
    Millis oldest = -1;
    for (const auto& k : services)
        if (k.observedAt >= 0 && (oldest < 0 || k.observedAt < oldest)) oldest = k.observedAt;
    return oldest;
}

void ReportedKnowledge::grow(std::uint32_t actor) {
    if (actor < m_lastAt.size()) return;
    m_lastAt.resize(actor + 1, -1);
    m_levels.resize(m_lastAt.size() * m_services);
}

void ReportedKnowledge::reported(std::uint32_t actor, std::size_t service, KnownLevel known, Millis at) {
    reportedAt(actor, at);
    if (service >= m_services) return;
    auto& slot = m_levels[actor * m_services + service];
    if (known.observedAt >= slot.observedAt) slot = known;
}

void ReportedKnowledge::reportedAt(std::uint32_t actor, Millis at) {
    grow(actor);
    m_lastAt[actor] = std::max(m_lastAt[actor], at);
}

KnownLevel ReportedKnowledge::lastReport(std::uint32_t actor, std::size_t service) const {
    if (actor >= m_lastAt.size() || service >= m_services) return {};
    return m_levels[actor * m_services + service];
}

Millis ReportedKnowledge::lastReportAt(std::uint32_t actor) const {
    return actor < m_lastAt.size() ? m_lastAt[actor] : -1;
}

Picture ReportedKnowledge::compile(const std::vector<std::uint32_t>& members, Millis now) const {
    Picture p;
    p.compiledAt = now;
    p.services.resize(m_services);
    for (const auto a : members)
        for (std::size_t s = 0; s < m_services; ++s) {
            const auto k = lastReport(a, s);
            if (k.observedAt > p.services[s].observedAt) p.services[s] = k;
        }
    return p;
}

}  // namespace samverkan::world
