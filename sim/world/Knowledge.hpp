#pragma once
/// What a forum has been told: per member and service the freshest level the member reported to
/// it, and when each member last reported. A forum's joint situational picture (samlad lägesbild)
/// is compiled from these reports alone — never from the truth, nor from what a member saw and did
/// not report (DESIGN.md, contract 4).

#include <cstdint>
#include <vector>

#include "sim/engine/Time.hpp"

namespace samverkan::world {

using engine::Millis;

/// What someone knows of a service: its level as observed at `observedAt` (-1: never observed).
struct KnownLevel {
    double level = 1.0;
    Millis observedAt = -1;
};

/// A joint situational picture: per service, the freshest level a member had reported when it
/// was compiled (unknown where nobody had).
struct Picture {
    Millis compiledAt = -1;
    std::vector<KnownLevel> services;
    /// The oldest observation it rests on, or -1 if it knows nothing.
    [[nodiscard]] Millis oldestObservation() const;
};

/// The reports one forum received. Actors are the caller's numbers (region actor indices).
class ReportedKnowledge {
public:
    /// Knowledge of `services` services; nothing reported yet.
    explicit ReportedKnowledge(std::size_t services = 0) : m_services(services) {}

    /// `actor` reported `known` for `service` at `at`. An older observation than one it reported
    /// before does not replace it.
    void reported(std::uint32_t actor, std::size_t service, KnownLevel known, Millis at);
    /// `actor` made a report at `at` (with or without levels).
    void reportedAt(std::uint32_t actor, Millis at);
    /// The freshest level `actor` reported for `service` (observedAt -1: none).
    [[nodiscard]] KnownLevel lastReport(std::uint32_t actor, std::size_t service) const;
    /// When `actor` last reported to this forum, or -1.
    [[nodiscard]] Millis lastReportAt(std::uint32_t actor) const;
    /// The picture at `now` from what `members` reported: per service the freshest of their reports.
    [[nodiscard]] Picture compile(const std::vector<std::uint32_t>& members, Millis now) const;

private:
    void grow(std::uint32_t actor);
    std::size_t m_services;
    std::vector<KnownLevel> m_levels;  // per actor, per service
    std::vector<Millis> m_lastAt;      // per actor
};

}  // namespace samverkan::world
