#include "sim/exercise/Journal.hpp"

#include "sim/exercise/JournalWriter.hpp"

namespace samverkan::exercise {

const JournalEntry& Journal::append(engine::Millis t, JournalEntry&& entry) {
    entry.t = t;
    entry.seq = m_entries.size() + 1;
    m_entries.push_back(std::move(entry));
    if (m_out != nullptr) {
        *m_out << toJsonLine(m_entries.back(), m_renderer) << '\n';
        m_out->flush();
    }
    return m_entries.back();
}

std::string Journal::line(const JournalEntry& entry) const { return toJsonLine(entry, m_renderer); }

std::string Journal::text() const {
    std::string out;
    for (const auto& e : m_entries) {
        out += toJsonLine(e, m_renderer);
        out += '\n';
    }
    return out;
}

}  // namespace samverkan::exercise
