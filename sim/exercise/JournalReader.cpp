#include "sim/exercise/JournalReader.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <fstream>
#include <sstream>

#include "sim/exercise/JournalWriter.hpp"
#include "sim/protocol/CommandFields.hpp"
#include "sim/scenario/InputFile.hpp"

namespace samverkan::exercise {
namespace {

using nlohmann::json;

// What a line of a journal may hold. The writer's longest lines are a few kilobytes and nest five
// levels deep; the limits are far above that and far below what would exhaust the reader.
constexpr std::size_t kMaxLineBytes = std::size_t{1} << 20;
constexpr int kMaxDepth = 32;
// A 48-hour snowstorm's journal is about 100 kB; a two-year project's a few MB.
constexpr std::size_t kMaxJournalBytes = std::size_t{256} << 20;

const json& emptyObject() {
    static const json kEmpty = json::object();
    return kEmpty;
}

// The entry's `data` without copying it (json::value() would copy the whole value).
const json& dataOf(const json& entry) {
    const auto it = entry.find("data");
    return it == entry.end() ? emptyObject() : *it;
}

// The 1-based column where the line's nesting first goes deeper than kMaxDepth, or 0. Counted
// before parsing, so that a hostile line never builds (or copies, or destroys) a deep value.
int tooDeepAt(const std::string& line) {
    int depth = 0;
    bool inString = false, escaped = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') inString = true;
        else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth) return static_cast<int>(i) + 1;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return 0;
}

// The 1-based column of the number that nlohmann's "number overflow parsing '<number>'" names, or 1.
int numberColumn(const std::string& line, const std::string& message) {
    const auto open = message.find('\'');
    const auto close = message.rfind('\'');
    if (open == std::string::npos || close <= open + 1) return 1;
    const auto at = line.find(message.substr(open + 1, close - open - 1));
    return at == std::string::npos ? 1 : static_cast<int>(at) + 1;
}

// A string member of an object, or "" when it is absent or of another kind (json::value() throws then).
std::string stringOr(const json& object, const char* key) {
    if (!object.is_object()) return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

// A string field of the start entry's data: its value, the default when absent, empty (and a
// problem) when it is of another kind.
std::string stringField(const json& d, const char* key, const std::string& otherwise, std::string& problem) {
    const auto it = d.find(key);
    if (it == d.end()) return otherwise;
    if (!it->is_string()) {
        problem = std::string("the start entry's '") + key + "' must be a string";
        return {};
    }
    return it->get<std::string>();
}

std::optional<Command> commandFrom(const json& entry, std::string& problem) {
    const json& data = dataOf(entry);
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
            f.values = {stringOr(value, "sv"), stringOr(value, "en")};
        } else {
            problem = "field '" + key + "' has a value of the wrong kind";
            return std::nullopt;
        }
        fields.push_back(std::move(f));
    }
    std::vector<protocol::FieldError> errors;
    auto command = protocol::decodeFields(type, stringOr(entry, "actor"), fields, errors);
    if (!errors.empty()) problem = errors.front().message;
    return command;
}

}  // namespace

scenario::Loaded<ReadJournal> readJournal(const std::string& path, CutTail cut) {
    scenario::Loaded<ReadJournal> result;
    std::string text, unreadable;
    if (!scenario::readInputFile(path, kMaxJournalBytes, text, unreadable)) {
        // "cannot read the file: …" reads better as what the file is.
        const std::string file = "cannot read the file";
        if (unreadable.rfind(file, 0) == 0) unreadable.replace(0, file.size(), "cannot read the journal");
        result.diagnostics.push_back({path, 0, 0, unreadable});
        return result;
    }
    return readJournalText(path, text, cut);
}

scenario::Loaded<ReadJournal> readJournalText(const std::string& path, const std::string& text, CutTail cut) {
    scenario::Loaded<ReadJournal> result;
    auto fail = [&](int line, int column, std::string message) {
        result.diagnostics.push_back({path, line, column, std::move(message)});
    };
    if (text.size() > kMaxJournalBytes) {
        fail(0, 0, "the journal is " + std::to_string(text.size()) + " bytes; the limit is " + std::to_string(kMaxJournalBytes));
        return result;
    }
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
        if (end == std::string::npos && cut == CutTail::drop && lineNo > 1) {
            // Everything before it was complete: the journal goes on from there.
            journal.cutLine = lineNo;
            journal.cutText = text.substr(pos);
            break;
        }
        if (end == std::string::npos) {
            fail(lineNo, static_cast<int>(text.size() - pos) + 1,
                 "the journal is truncated: the last line has no newline (was the run interrupted?)");
            return result;
        }
        if (end - pos > kMaxLineBytes) {
            fail(lineNo, static_cast<int>(kMaxLineBytes) + 1,
                 "the line is " + std::to_string(end - pos) + " bytes long; a journal line may be at most " +
                     std::to_string(kMaxLineBytes) + " bytes");
            return result;
        }
        const std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        if (const int at = tooDeepAt(line); at > 0) {
            fail(lineNo, at, "the line nests deeper than " + std::to_string(kMaxDepth) + " levels; a journal entry nests at most a few");
            return result;
        }
        json entry;
        try {
            entry = json::parse(line);
        } catch (const json::parse_error& e) {
            fail(lineNo, static_cast<int>(std::min<std::size_t>(e.byte, line.size() + 1)), "not a JSON object: " + std::string(e.what()).substr(std::string(e.what()).find(':') + 2));
            return result;
        } catch (const json::out_of_range& e) {
            // A number too large for a double (1e400): the parser says which, not where.
            fail(lineNo, numberColumn(line, e.what()), "not a JSON object: a number out of range (" + std::string(e.what()).substr(std::string(e.what()).find(']') + 2) + ")");
            return result;
        } catch (const json::exception& e) {
            fail(lineNo, 1, "not a JSON object: " + std::string(e.what()));
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
            const json& d = dataOf(entry);
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
            std::string problem;
            auto& h = journal.header;
            h.scenarioId = stringField(d, "scenario", "", problem);
            h.scenarioFile = stringField(d, "file", "", problem);
            h.play = stringField(d, "play", "reference", problem);
            h.playFile = stringField(d, "play_file", "", problem);
            h.variant = stringField(d, "variant", "", problem);
            const std::string seed = stringField(d, "seed", "0", problem);
            const auto trainees = d.find("trainees");
            if (trainees != d.end()) {
                if (!trainees->is_array()) problem = "the start entry's 'trainees' must be a list of roles";
                else
                    for (const auto& t : *trainees) {
                        if (!t.is_string()) problem = "the start entry's 'trainees' must be a list of roles";
                        else if (std::find(h.trainees.begin(), h.trainees.end(), t.get<std::string>()) != h.trainees.end())
                            problem = "the start entry names the trainee role '" + t.get<std::string>() + "' twice";
                        else h.trainees.push_back(t.get<std::string>());
                    }
            }
            const auto [seedEnd, seedError] = std::from_chars(seed.data(), seed.data() + seed.size(), h.seed);
            if (problem.empty() && (seed.empty() || seedError != std::errc{} || seedEnd != seed.data() + seed.size()))
                problem = "the start entry's seed is not a whole number from 0 to 18446744073709551615";
            if (!problem.empty()) {
                fail(1, 1, problem);
                return result;
            }
        } else if (kind == "command") {
            const json& d = dataOf(entry);
            const auto source = protocol::sourceFromName(stringOr(d, "source"));
            if (!source) {
                fail(lineNo, 1, "bad command: data.source must be one of trainee, control, play, decision-point, timeout, cli, doctrine");
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

std::size_t startFieldColumn(const std::string& line, const std::string& key) {
    const auto at = line.find("\"" + key + "\":");
    return at == std::string::npos ? 1 : at + 1;
}

std::optional<StartDifference> startDifference(const std::string& journalLine, const std::string& rerunLine) {
    const json a = json::parse(journalLine, nullptr, false), b = json::parse(rerunLine, nullptr, false);
    if (!a.is_object() || !b.is_object()) return std::nullopt;
    const auto shown = [](const json& v) {
        std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
        return s.size() > 80 ? s.substr(0, 77) + "..." : s;
    };
    // The data object starts after its key, so that a data field is not found at the top level.
    const auto dataAt = journalLine.find("\"data\":");
    const auto column = [&](const std::string& key, bool inData) {
        const auto from = inData && dataAt != std::string::npos ? dataAt : 0;
        const auto at = journalLine.find("\"" + key + "\":", from);
        return at == std::string::npos ? std::size_t{1} : at + 1;
    };
    const auto compare = [&](const json& x, const json& y, bool inData) -> std::optional<StartDifference> {
        const std::string where = inData ? "data." : "";
        for (const auto& [key, value] : x.items()) {
            const auto other = y.find(key);
            if (other == y.end())
                return StartDifference{column(key, inData), "the start entry has a field '" + where + key + "' that this scenario's start does not have"};
            if (value != *other && !(!inData && key == "data"))
                return StartDifference{column(key, inData), "the start entry's '" + where + key + "' is " + shown(value) +
                                                                ", but the re-run from the scenario gives " + shown(*other)};
        }
        for (const auto& [key, value] : y.items())
            if (!x.contains(key)) return StartDifference{1, "the start entry lacks '" + where + key + "' (the re-run gives " + shown(value) + ")"};
        return std::nullopt;
    };
    if (auto d = compare(a, b, false)) return d;
    const auto da = a.find("data"), db = b.find("data");
    if (da != a.end() && db != b.end() && da->is_object() && db->is_object()) return compare(*da, *db, true);
    return std::nullopt;
}

}  // namespace samverkan::exercise
