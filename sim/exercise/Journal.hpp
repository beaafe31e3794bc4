#pragma once
/// The run's journal: typed entries in memory and, if asked, JSON Lines on a stream, each line
/// flushed as it is written so that a crash loses nothing.

#include <ostream>
#include <string>
#include <vector>

#include "sim/protocol/JournalEntry.hpp"
#include "sim/render/Renderer.hpp"

namespace samverkan::exercise {

using protocol::JournalEntry;

/// Appends entries, numbering them 1, 2, 3, … in order.
class Journal {
public:
    /// `out` may be null (memory only). The stream and the renderer must outlive the journal.
    Journal(const render::Renderer& renderer, std::ostream* out = nullptr) : m_renderer(renderer), m_out(out) {}

    /// Appends at simulated time `t`; returns the entry as stored.
    const JournalEntry& append(engine::Millis t, JournalEntry&& entry);
    [[nodiscard]] const std::vector<JournalEntry>& entries() const { return m_entries; }
    /// Makes room for `n` entries, so that a run of about that many never moves them.
    void reserve(std::size_t n) { m_entries.reserve(n); }
    /// All entries as JSON Lines, exactly as written to the stream.
    [[nodiscard]] std::string text() const;
    /// One entry as its JSON line (no newline).
    [[nodiscard]] std::string line(const JournalEntry& entry) const;

private:
    const render::Renderer& m_renderer;
    std::ostream* m_out;
    std::vector<JournalEntry> m_entries;
};

}  // namespace samverkan::exercise
