#pragma once
/// One line of Länsstyrelsen's documentation: the journal (R7). Serialised as one JSON object per
/// line; see docs/journal-format.md.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/engine/Time.hpp"
#include "sim/model/Text.hpp"

namespace samverkan::protocol {

using engine::Millis;
using model::Text;

/// A journal entry. `t` and `seq` are set by whoever appends it.
struct JournalEntry {
    Millis t = 0;
    std::uint64_t seq = 0;
    std::string kind;   ///< e.g. "activation-requested", "meeting-opened", "decision-agreed"
    std::string actor;  ///< the actor the entry is about, if any
    std::string forum;  ///< the forum the entry is about, if any
    std::string ref;    ///< id of the inject, decision or decision point it concerns, if any
    Text text;          ///< what happened, in words: `text` (sv) and `text_en` in the JSON
    std::string data;   ///< a JSON object with details, or "" for none
};

/// Quotes and escapes a string for JSON.
std::string jsonQuote(std::string_view text);

/// Builds a JSON object in insertion order, for the entry's `data`.
class JsonObject {
public:
    JsonObject& add(std::string_view key, std::string_view value);
    JsonObject& add(std::string_view key, const char* value) { return add(key, std::string_view(value)); }
    JsonObject& add(std::string_view key, std::int64_t value);
    JsonObject& add(std::string_view key, bool value);
    JsonObject& add(std::string_view key, const std::vector<std::string>& values);
    /// Adds an already serialised JSON value.
    JsonObject& addRaw(std::string_view key, std::string_view json);
    [[nodiscard]] std::string str() const { return "{" + m_body + "}"; }

private:
    void keyPrefix(std::string_view key);
    std::string m_body;
};

/// The entry as one line of JSON (no newline). Keys in a fixed order; empty fields left out.
std::string toJsonLine(const JournalEntry& entry);

}  // namespace samverkan::protocol

namespace samverkan::protocol {
/// Every journal kind the simulation writes, for checking triggers in scenario files.
const std::vector<std::string>& journalKinds();
}  // namespace samverkan::protocol
