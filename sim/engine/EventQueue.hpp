#pragma once
/// A priority queue of timed events ordered by (time, priority, insertion sequence), with O(1)
/// cancellation. Storage is reused: once the queue has grown to its working size, pushing and
/// popping allocate nothing.

#include <cassert>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "sim/engine/Time.hpp"

namespace samverkan::engine {

/// Names one scheduled event so that it can be cancelled. A default-constructed id names nothing.
struct EventId {
    std::uint32_t slot = UINT32_MAX;
    std::uint64_t seq = 0;
    [[nodiscard]] bool valid() const { return seq != 0; }
};

/// Min-queue of events carrying a `Payload` (keep it small and cheap to move).
/// Earlier time first; at equal time, lower `priority` first; then first pushed first.
template <class Payload>
class EventQueue {
public:
    /// One event taken off the queue.
    struct Popped {
        Millis time;
        std::int32_t priority;
        std::uint64_t seq;  ///< insertion sequence, 1-based, unique within this queue
        Payload payload;
    };

    /// Reserves room for `n` pending events so that the queue does not grow while running.
    void reserve(std::size_t n) {
        m_heap.reserve(n);
        m_slotSeq.reserve(n);
        m_freeSlots.reserve(n);
    }

    /// Adds an event; returns the id that cancels it.
    EventId push(Millis time, std::int32_t priority, Payload payload) {
        assert(priority >= kMinPriority && priority <= kMaxPriority);
        assert(m_nextSeq < kSeqLimit);
        const std::uint32_t slot = takeSlot();
        const std::uint64_t seq = m_nextSeq++;
        m_slotSeq[slot] = seq;
        m_heap.push_back(Entry{time, orderKey(priority, seq), slot, std::move(payload)});
        siftUp(m_heap.size() - 1);
        ++m_live;
        return EventId{slot, seq};
    }

    /// Cancels a pending event. Returns false if it already ran, was cancelled, or never existed.
    bool cancel(EventId id) {
        if (!id.valid() || id.slot >= m_slotSeq.size() || m_slotSeq[id.slot] != id.seq) return false;
        releaseSlot(id.slot);
        --m_live;
        ++m_cancelledInHeap;
        return true;
    }

    /// True if no live (uncancelled) event is pending.
    [[nodiscard]] bool empty() const { return m_live == 0; }
    /// Number of live pending events.
    [[nodiscard]] std::size_t size() const { return m_live; }

    /// Time of the next live event, if any. Drops cancelled entries at the head.
    std::optional<Millis> nextTime() {
        dropCancelledHead();
        if (m_heap.empty()) return std::nullopt;
        return m_heap.front().time;
    }

    /// Removes and returns the next live event. Precondition: !empty().
    Popped pop() {
        dropCancelledHead();
        assert(!m_heap.empty());
        Entry top = removeTop();
        releaseSlot(top.slot);
        --m_live;
        return Popped{top.time, priorityOf(top.key), seqOf(top.key), std::move(top.payload)};
    }

    /// The range of priorities (they share one 64-bit key with the insertion sequence).
    static constexpr std::int32_t kMinPriority = -32768, kMaxPriority = 32767;

private:
    // Priority and insertion sequence packed into one key, so that an entry is smaller (time,
    // key, slot, payload) and ties need one comparison: priority in the top 16 bits (biased to be
    // unsigned), sequence in the low 48 (2.8e14 events).
    static constexpr int kSeqBits = 48;
    static constexpr std::uint64_t kSeqLimit = std::uint64_t{1} << kSeqBits;
    static std::uint64_t orderKey(std::int32_t priority, std::uint64_t seq) {
        return (static_cast<std::uint64_t>(priority - kMinPriority) << kSeqBits) | seq;
    }
    static std::int32_t priorityOf(std::uint64_t key) { return static_cast<std::int32_t>(key >> kSeqBits) + kMinPriority; }
    static std::uint64_t seqOf(std::uint64_t key) { return key & (kSeqLimit - 1); }

    struct Entry {
        Millis time;
        std::uint64_t key;  ///< orderKey(priority, seq)
        std::uint32_t slot;
        Payload payload;
        [[nodiscard]] std::uint64_t seq() const { return seqOf(key); }
    };

    static bool before(const Entry& a, const Entry& b) {
        if (a.time != b.time) return a.time < b.time;
        return a.key < b.key;
    }

    std::uint32_t takeSlot() {
        if (!m_freeSlots.empty()) {
            const std::uint32_t s = m_freeSlots.back();
            m_freeSlots.pop_back();
            return s;
        }
        m_slotSeq.push_back(0);
        return static_cast<std::uint32_t>(m_slotSeq.size() - 1);
    }

    void releaseSlot(std::uint32_t slot) {
        m_slotSeq[slot] = 0;
        m_freeSlots.push_back(slot);
    }

    // An entry whose slot no longer holds its sequence number was cancelled. With no cancelled
    // entries left in the heap the check (a random memory access) is skipped.
    void dropCancelledHead() {
        while (m_cancelledInHeap > 0 && !m_heap.empty() && m_slotSeq[m_heap.front().slot] != m_heap.front().seq()) {
            removeTop();
            --m_cancelledInHeap;
        }
    }

    Entry removeTop() {
        Entry top = std::move(m_heap.front());
        Entry last = std::move(m_heap.back());
        m_heap.pop_back();
        if (!m_heap.empty()) {
            m_heap.front() = std::move(last);
            siftDown(0);
        }
        return top;
    }

    void siftUp(std::size_t i) {
        Entry moving = std::move(m_heap[i]);
        while (i > 0) {
            const std::size_t parent = (i - 1) / 2;
            if (!before(moving, m_heap[parent])) break;
            m_heap[i] = std::move(m_heap[parent]);
            i = parent;
        }
        m_heap[i] = std::move(moving);
    }

    void siftDown(std::size_t i) {
        const std::size_t n = m_heap.size();
        Entry moving = std::move(m_heap[i]);
        for (;;) {
            std::size_t child = 2 * i + 1;
            if (child >= n) break;
            if (child + 1 < n && before(m_heap[child + 1], m_heap[child])) ++child;
            if (!before(m_heap[child], moving)) break;
            m_heap[i] = std::move(m_heap[child]);
            i = child;
        }
        m_heap[i] = std::move(moving);
    }

    std::vector<Entry> m_heap;
    std::vector<std::uint64_t> m_slotSeq;  // per slot: seq of the live event there, 0 if free
    std::vector<std::uint32_t> m_freeSlots;
    std::uint64_t m_nextSeq = 1;
    std::size_t m_live = 0;
    std::size_t m_cancelledInHeap = 0;  // cancelled entries not yet removed from the heap
};

}  // namespace samverkan::engine
