#include "sim/exercise/JournalReader.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "sim/exercise/JournalWriter.hpp"
#include "sim/protocol/CommandFields.hpp"

namespace samverkan::exercise {
namespace {

using nlohmann::json;

std::optional<Command> commandFrom(const json& entry, std::string& problem) {
    const json& data = entry.value("data", json::object());
    if (!data.is_object() || !data.contains("type") || !data["type"].is_string()) {
        problem = "a command entry needs data.type";
        return std::nullopt;
    }
    std::vector<protocol::FieldValue> fields;
    const std::string type = data["type"].get<std::string>();
    const auto isArgs = [&](const std::string& key) {
        if (const auto* specs = protocol::fieldSpecs(type))
            for (const auto& s : *specs)
                if (s.key == key) return s.shape == protocol::FieldShape::args;
        return false;
    };
    for (const auto& [key, value] : data.items()) {
        if (key == "type" || key == "source") continue;
        protocol::FieldValue f;
        f.key = key;
        if (value.is_object() && isArgs(key)) {
            f.shape = protocol::FieldShape::args;
            for (const auto& [param, v] : value.items()) {
                protocol::FieldArg a{param, v.is_array(), {}};
                if (v.is_array())
                    for (const auto& item : v) a.values.push_back(item.is_string() ? item.get<std::string>() : item.dump());
                else if (v.is_number())
                    a.values.push_back(protocol::formatNumber(v.get<double>()));
                else {
                    problem = "argument '" + param + "' must be a number or a list";
                    return std::nullopt;
                }
                f.args.push_back(std::move(a));
            }
        } else if (value.is_string()) {
            f.shape = protocol::FieldShape::scalar;
            f.values = {value.get<std::string>()};
        } else if (value.is_array()) {
            f.shape = protocol::FieldShape::list;
            for (const auto& v : value) f.values.push_back(v.is_string() ? v.get<std::string>() : v.dump());
        } else if (value.is_object()) {
            f.shape = protocol::FieldShape::text;
            f.values = {value.value("sv", ""), value.value("en", "")};
        } else {
            problem = "field '" + key + "' has a value of the wrong kind";
            return std::nullopt;
        }
        fields.push_back(std::move(f));
    }
    std::vector<protocol::FieldError> errors;
    auto command = protocol::decodeFields(type, entry.value("actor", ""), fields, errors);
    if (!errors.empty()) problem = errors.front().message;
    return command;
}

}  // namespace

scenario::Loaded<ReadJournal> readJournal(const std::string& path) {
    scenario::Loaded<ReadJournal> result;
    auto fail = [&](int line, int column, std::string message) {
        result.diagnostics.push_back({path, line, column, std::move(message)});
    };
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fail(0, 0, "cannot read the journal");
        return result;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    if (text.empty()) {
        fail(0, 0, "the journal is empty; expected a \"start\" entry on line 1");
        return result;
    }
    ReadJournal journal;
    std::size_t pos = 0;
    int lineNo = 0;
    std::uint64_t expectedSeq = 1;
    while (pos < text.size()) {
        ++lineNo;
        const std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) {
            fail(lineNo, static_cast<int>(text.size() - pos) + 1,
                 "the journal is truncated: the last line has no newline (was the run interrupted?)");
            return result;
        }
        const std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        json entry;
        try {
            entry = json::parse(line);
        } catch (const json::parse_error& e) {
            fail(lineNo, static_cast<int>(std::min<std::size_t>(e.byte, line.size() + 1)), "not a JSON object: " + std::string(e.what()).substr(std::string(e.what()).find(':') + 2));
            return result;
        }
        if (!entry.is_object() || !entry.contains("t") || !entry["t"].is_number_integer() || !entry.contains("seq") ||
            !entry["seq"].is_number_unsigned() || !entry.contains("kind") || !entry["kind"].is_string()) {
            fail(lineNo, 1, "each entry needs integer 't', 'seq' and a string 'kind'");
            return result;
        }
        if (entry["seq"].get<std::uint64_t>() != expectedSeq) {
            fail(lineNo, 1, "entry out of sequence: expected seq " + std::to_string(expectedSeq) + ", found " +
                                std::to_string(entry["seq"].get<std::uint64_t>()));
            return result;
        }
        ++expectedSeq;
        const std::string kind = entry["kind"].get<std::string>();
        journal.lastTime = entry["t"].get<Millis>();
        if (lineNo == 1) {
            const json& d = entry.value("data", json::object());
            const std::string format = d.is_object() && d.contains("format") && d["format"].is_string() ? d["format"].get<std::string>() : "";
            if (kind != "start" || format.rfind("samverkan-journal/", 0) != 0) {
                fail(1, 1, std::string("not a Samverkan journal: line 1 must be the \"start\" entry of format ") + kJournalFormat);
                return result;
            }
            if (format != kJournalFormat) {
                fail(1, 1, "this journal is of format " + format + ", written by an earlier version of Samverkan; this version reads " +
                               kJournalFormat + " (run the scenario again to get a journal of this version)");
                return result;
            }
            journal.header.scenarioId = d.value("scenario", "");
            journal.header.scenarioFile = d.value("file", "");
            journal.header.play = d.value("play", "reference");
            journal.header.playFile = d.value("play_file", "");
            journal.header.variant = d.value("variant", "");
            journal.header.trainees = d.value("trainees", std::vector<std::string>{});
            try {
                journal.header.seed = std::stoull(d.value("seed", "0"));
            } catch (const std::exception&) {
                fail(1, 1, "the start entry's seed is not a number");
                return result;
            }
        } else if (kind == "command") {
            const json& d = entry.value("data", json::object());
            const auto source = protocol::sourceFromName(d.is_object() ? d.value("source", "") : "");
            if (!source) {
                fail(lineNo, 1, "bad command: data.source must be one of trainee, control, play, decision-point, timeout, cli");
                return result;
            }
            if (!protocol::isScripted(*source)) {
                std::string problem;
                auto command = commandFrom(entry, problem);
                if (!command) {
                    fail(lineNo, 1, "bad command: " + problem);
                    return result;
                }
                journal.inputs.push_back({entry["t"].get<Millis>(), std::move(*command), *source});
            }
        } else if (kind == "end") {
            journal.ended = true;
        }
        journal.lines.push_back(line);
    }
    result.value = std::move(journal);
    return result;
}

}  // namespace samverkan::exercise
