#pragma once
// A small region and a host for the cooperation rules, so that each rule can be tested alone.

#include <string>
#include <vector>

#include "sim/engine/Simulator.hpp"
#include "sim/protocol/Cooperation.hpp"
#include "sim/render/Renderer.hpp"
#include "sim/scenario/Scenario.hpp"

namespace samverkan::test {

using engine::kHour;
using engine::kMinute;
using engine::Millis;

/// Three levels, both modes each; Länsstyrelsen convenes. Mandates: directing representatives may
/// agree priorities, coordinating ones only information and coordination.
model::Region testRegion();

/// Hosts the rules: a simulator, a journal and a random stream.
class Harness : public protocol::Effects {
public:
    Harness();
    protocol::Answer apply(const protocol::Command& c) { return coop.apply(c); }
    void runUntil(Millis t);
    void runFor(Millis d) { runUntil(sim.now() + d); }
    /// Convenes `forum` by telephone with `actors` and runs until it has opened.
    void open(const std::string& forum, const std::vector<std::string>& actors);

    [[nodiscard]] Millis now() const override { return sim.now(); }
    engine::EventId scheduleIn(Millis delay, const protocol::ProtocolEvent& e) override { return sim.schedule(delay, e); }
    bool cancel(engine::EventId id) override { return sim.cancel(id); }
    void record(protocol::JournalEntry&& e) override;
    engine::Random& random() override { return rng; }

    /// Entries of one kind, in order.
    [[nodiscard]] std::vector<protocol::JournalEntry> entries(protocol::Kind kind) const;
    /// An entry's sentence, as the journal and the screens word it.
    [[nodiscard]] model::Text text(const protocol::JournalEntry& e) const { return words.event(e); }
    /// Why a command was refused, in words.
    [[nodiscard]] model::Text reason(const protocol::Answer& a) const { return words.refusal(a.refusal); }
    [[nodiscard]] model::ForumIndex forum(const std::string& ref) const { return region.resolveForum(ref); }
    [[nodiscard]] const protocol::ForumState& state(const std::string& ref) const { return coop.forum(forum(ref)); }

    model::Region region;
    scenario::Scenario scenario;  ///< holds the region for the renderer
    render::Renderer words{scenario};
    engine::Simulator<protocol::ProtocolEvent> sim;
    engine::Random rng;
    std::vector<protocol::JournalEntry> journal;
    protocol::Cooperation coop;
};

}  // namespace samverkan::test
