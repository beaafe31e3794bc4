#pragma once
/// The run's journal: entries in memory and, if asked, JSON Lines on a stream, each line flushed
/// as it is written so that a crash loses nothing.

#include <ostream>
#include <string>
#include <vector>

#include "sim/protocol/Command.hpp"
#include "sim/protocol/JournalEntry.hpp"

namespace samverkan::exercise {

using protocol::JournalEntry;

/// Appends entries, numbering them 1, 2, 3, … in order.
class Journal {
public:
    /// `out` may be null (memory only). The stream must outlive the journal.
    explicit Journal(std::ostream* out = nullptr) : m_out(out) {}

    /// Appends at simulated time `t`; returns the entry as stored.
    const JournalEntry& append(engine::Millis t, JournalEntry entry);
    [[nodiscard]] const std::vector<JournalEntry>& entries() const { return m_entries; }
    /// All entries as JSON Lines, exactly as written to the stream.
    [[nodiscard]] std::string text() const;

private:
    std::ostream* m_out;
    std::vector<JournalEntry> m_entries;
};

/// The JSON object written as `data` of a "command" entry: type, source and the command's fields.
std::string commandData(const protocol::Command& command, const std::string& source);

}  // namespace samverkan::exercise
