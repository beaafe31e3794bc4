#include "sim/protocol/JournalEntry.hpp"

#include <cstdio>

namespace samverkan::protocol {

std::string jsonQuote(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (const char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    out += '"';
    return out;
}

void JsonObject::keyPrefix(std::string_view key) {
    if (!m_body.empty()) m_body += ',';
    m_body += jsonQuote(key);
    m_body += ':';
}

JsonObject& JsonObject::add(std::string_view key, std::string_view value) {
    keyPrefix(key);
    m_body += jsonQuote(value);
    return *this;
}

JsonObject& JsonObject::add(std::string_view key, std::int64_t value) {
    keyPrefix(key);
    m_body += std::to_string(value);
    return *this;
}

JsonObject& JsonObject::add(std::string_view key, bool value) {
    keyPrefix(key);
    m_body += value ? "true" : "false";
    return *this;
}

JsonObject& JsonObject::add(std::string_view key, const std::vector<std::string>& values) {
    keyPrefix(key);
    m_body += '[';
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) m_body += ',';
        m_body += jsonQuote(values[i]);
    }
    m_body += ']';
    return *this;
}

JsonObject& JsonObject::addRaw(std::string_view key, std::string_view json) {
    keyPrefix(key);
    m_body += json;
    return *this;
}

std::string toJsonLine(const JournalEntry& e) {
    JsonObject o;
    o.add("t", e.t).add("seq", static_cast<std::int64_t>(e.seq)).add("kind", e.kind);
    if (!e.actor.empty()) o.add("actor", e.actor);
    if (!e.forum.empty()) o.add("forum", e.forum);
    if (!e.ref.empty()) o.add("ref", e.ref);
    if (!e.text.sv.empty()) o.add("text", e.text.sv);
    if (!e.text.en.empty()) o.add("text_en", e.text.en);
    if (!e.data.empty()) o.addRaw("data", e.data);
    return o.str();
}

}  // namespace samverkan::protocol

namespace samverkan::protocol {
const std::vector<std::string>& journalKinds() {
    static const std::vector<std::string> kinds{
        "start", "command", "rejected", "inject", "activation-requested", "convened", "meeting-opened",
        "meeting-closed", "conference", "called-in", "member-joined", "member-released", "composition-suggested",
        "chair-decided", "chair-changed", "consultation-started", "consultation-done", "decision-proposed",
        "decision-agreed", "own-decision", "proposal", "implemented", "frame-set", "priorities-set",
        "public-message", "report", "contact", "deactivated", "decision-point", "decision-answered", "situational-picture", "hand-over",
        "end"};
    return kinds;
}
}  // namespace samverkan::protocol
