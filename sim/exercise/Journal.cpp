#include "sim/exercise/Journal.hpp"

#include "sim/protocol/CommandFields.hpp"

namespace samverkan::exercise {

const JournalEntry& Journal::append(engine::Millis t, JournalEntry entry) {
    entry.t = t;
    entry.seq = m_entries.size() + 1;
    m_entries.push_back(std::move(entry));
    if (m_out != nullptr) {
        *m_out << protocol::toJsonLine(m_entries.back()) << '\n';
        m_out->flush();
    }
    return m_entries.back();
}

std::string Journal::text() const {
    std::string out;
    for (const auto& e : m_entries) {
        out += protocol::toJsonLine(e);
        out += '\n';
    }
    return out;
}

std::string commandData(const protocol::Command& command, const std::string& source) {
    protocol::JsonObject o;
    o.add("type", protocol::typeName(command)).add("source", source);
    for (const auto& f : protocol::encodeFields(command)) {
        switch (f.shape) {
            case protocol::FieldShape::scalar:
            case protocol::FieldShape::duration: o.add(f.key, f.values.front()); break;
            case protocol::FieldShape::list: o.add(f.key, f.values); break;
            case protocol::FieldShape::text:
                o.addRaw(f.key, protocol::JsonObject().add("sv", f.values[0]).add("en", f.values[1]).str());
                break;
            case protocol::FieldShape::args: {
                protocol::JsonObject args;
                for (const auto& a : f.args) {
                    if (a.list) args.add(a.param, a.values);
                    else args.addRaw(a.param, a.values.front());
                }
                o.addRaw(f.key, args.str());
                break;
            }
        }
    }
    return o.str();
}

}  // namespace samverkan::exercise
