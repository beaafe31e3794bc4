#pragma once
/// The discrete-event kernel: a clock and an event queue. The caller supplies the handler that
/// gives events their meaning, so the kernel knows nothing about crises.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "sim/engine/EventQueue.hpp"

namespace samverkan::engine {

/// Runs events of type `Payload` in (time, priority, insertion) order. Time never goes backwards.
template <class Payload>
class Simulator {
public:
    /// Current simulated time (ms since the start).
    [[nodiscard]] Millis now() const { return m_now; }
    /// Number of events handled so far.
    [[nodiscard]] std::uint64_t eventCount() const { return m_count; }
    /// Number of pending events.
    [[nodiscard]] std::size_t pending() const { return m_queue.size(); }

    /// Reserves queue room for `n` pending events.
    void reserve(std::size_t n) { m_queue.reserve(n); }

    /// Schedules `payload` at `now() + delay`. Throws std::logic_error for a negative delay.
    EventId schedule(Millis delay, Payload payload, std::int32_t priority = 0) {
        if (delay < 0) fail("negative delay " + std::to_string(delay) + " ms");
        return m_queue.push(m_now + delay, priority, std::move(payload));
    }

    /// Schedules `payload` at absolute simulated time `time` (>= now()).
    EventId scheduleAt(Millis time, Payload payload, std::int32_t priority = 0) {
        if (time < m_now) fail("event scheduled in the past at t=" + std::to_string(time));
        return m_queue.push(time, priority, std::move(payload));
    }

    /// Cancels a pending event; false if it is not pending.
    bool cancel(EventId id) { return m_queue.cancel(id); }

    /// Time of the next pending event, if any.
    std::optional<Millis> nextEventTime() { return m_queue.nextTime(); }

    /// Handles the next event: advances the clock to it and calls `handler(payload)`.
    /// Returns false (and does nothing) when no event is pending.
    template <class Handler>
    bool step(Handler&& handler) {
        if (m_queue.empty()) return false;
        auto ev = m_queue.pop();
        m_now = ev.time;
        ++m_count;
        handler(ev.payload);
        return true;
    }

    /// Handles every event at or before `until`, then sets the clock to `until` (if later).
    /// Returns the number of events handled.
    template <class Handler>
    std::uint64_t runUntil(Millis until, Handler&& handler) {
        const std::uint64_t before = m_count;
        for (;;) {
            const auto next = m_queue.nextTime();
            if (!next || *next > until) break;
            step(handler);
        }
        if (until > m_now) m_now = until;
        return m_count - before;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw std::logic_error("simulator at t=" + std::to_string(m_now) + " ms, event #" + std::to_string(m_count) +
                               ": " + what);
    }

    EventQueue<Payload> m_queue;
    Millis m_now = 0;
    std::uint64_t m_count = 0;
};

}  // namespace samverkan::engine
