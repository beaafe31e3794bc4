#pragma once
/// The journal's writer: typed entries as JSON Lines (docs/journal-format.md), with the
/// renderer's words in Swedish (`text`) and English (`text_en`).

#include <string>

#include "sim/protocol/JournalEntry.hpp"
#include "sim/render/Renderer.hpp"

namespace samverkan::exercise {

/// The journal format this version writes and reads.
inline constexpr const char* kJournalFormat = "samverkan-journal/5";

/// The entry as one line of JSON (no newline). Keys in a fixed order; empty fields left out.
std::string toJsonLine(const protocol::JournalEntry& entry, const render::Renderer& renderer);

/// The JSON object written as `data` of a "command" entry: type, source and the command's fields.
std::string commandData(const protocol::Command& command, protocol::Source source);

}  // namespace samverkan::exercise
