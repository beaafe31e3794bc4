// Hostile journals: the reader limits line length and nesting before it builds any value, and
// reads the start entry's fields without trusting their kinds.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "sim/exercise/JournalReader.hpp"
#include "tests/exercise/SceneHelpers.hpp"

using namespace samverkan;
using namespace samverkan::test;

namespace {

// A valid start line, then `second` as line 2; returns the file's path.
std::string journalWith(const std::string& name, const std::string& second, const std::string& startReplace = {},
                        const std::string& startWith = {}) {
    const auto run = play("snowstorm", "reference");
    std::string start = run->journal().line(run->journal().entries().front());
    if (!startReplace.empty()) start.replace(start.find(startReplace), startReplace.size(), startWith);
    const auto path = (std::filesystem::temp_directory_path() / ("samverkan-limits-" + name + ".jsonl")).string();
    std::ofstream(path, std::ios::binary) << start << "\n" << second << "\n";
    return path;
}

std::string firstDiagnostic(const std::string& path) {
    const auto read = exercise::readJournal(path);
    REQUIRE_FALSE(read.ok());
    REQUIRE_FALSE(read.diagnostics.empty());
    return read.diagnostics.front().str();
}

}  // namespace

TEST_CASE("a journal line nested 140 000 levels deep is refused at the column where it goes too deep", "[journal][bad-input]") {
    const std::string prefix = R"({"t":0,"seq":2,"kind":"command","actor":"lansstyrelsen","data":)";
    const auto path = journalWith("deep", prefix + std::string(140000, '[') + std::string(140000, ']') + "}");
    // The entry's own braces are level 1, so the 32nd bracket is the 33rd level: its column.
    CHECK(firstDiagnostic(path) ==
          path + ":2:" + std::to_string(prefix.size() + 32) + ": error: the line nests deeper than 32 levels; a journal entry nests at most a few");
    // Deep objects and brackets inside strings count correctly.
    std::string objects;
    for (int i = 0; i < 40; ++i) objects += R"({"a":)";
    CHECK(firstDiagnostic(journalWith("deep-objects", prefix + objects + "1" + std::string(40, '}') + "}")).find(":2:") != std::string::npos);
    const auto inString = journalWith("brackets-in-text", prefix + R"({"type":"report","source":"trainee","forum":"coordinating","text":{"sv":")" +
                                                              std::string(200, '[') + R"(","en":"x"}}})");
    const auto read = exercise::readJournal(inString);
    for (const auto& d : read.diagnostics) CHECK(d.message.find("nests deeper") == std::string::npos);
}

TEST_CASE("a journal line longer than a mebibyte is refused before it is parsed", "[journal][bad-input]") {
    const std::string line = R"({"t":0,"seq":2,"kind":"report","text":")" + std::string(3 << 20, 'x') + R"("})";
    const auto path = journalWith("long", line);
    CHECK(firstDiagnostic(path) == path + ":2:1048577: error: the line is " + std::to_string(line.size()) +
                                       " bytes long; a journal line may be at most 1048576 bytes");
}

TEST_CASE("the start entry's fields of the wrong kind or out of range are refused, not thrown", "[journal][bad-input]") {
    const std::string end = R"({"t":0,"seq":2,"kind":"end"})";
    CHECK(firstDiagnostic(journalWith("seed-number", end, R"("seed":"2026")", R"("seed":2026)")).find(
              ":1:1: error: the start entry's 'seed' must be a string") != std::string::npos);
    CHECK(firstDiagnostic(journalWith("seed-huge", end, R"("seed":"2026")", R"("seed":"18446744073709551616")")).find(
              ":1:1: error: the start entry's seed is not a whole number from 0 to 18446744073709551615") != std::string::npos);
    CHECK(firstDiagnostic(journalWith("seed-sign", end, R"("seed":"2026")", R"("seed":"-1")")).find("seed is not a whole number") !=
          std::string::npos);
    CHECK(firstDiagnostic(journalWith("play-number", end, R"("play":"reference")", R"("play":5)")).find(
              ":1:1: error: the start entry's 'play' must be a string") != std::string::npos);
    CHECK(firstDiagnostic(journalWith("trainees", end, R"("trainees":[])", R"("trainees":[1,2])")).find(
              "'trainees' must be a list of roles") != std::string::npos);
    // A command whose actor or source has the wrong kind is a bad command, not an internal error.
    const auto actor = journalWith("actor-number", R"({"t":0,"seq":2,"kind":"command","actor":7,"data":{"type":"report","source":"trainee"}})");
    CHECK(firstDiagnostic(actor).find(":2:1: error: bad command") != std::string::npos);
    const auto source = journalWith("source-list", R"({"t":0,"seq":2,"kind":"command","actor":"sl","data":{"type":"report","source":[1]}})");
    CHECK(firstDiagnostic(source).find(":2:1: error: bad command: data.source must be one of") != std::string::npos);
}

TEST_CASE("a number too large for a double is refused at its column, not thrown", "[journal][bad-input]") {
    // Found by the journal fuzz target: nlohmann's parser throws out_of_range, not parse_error, for 1e400.
    const auto read = exercise::readJournalText("j.jsonl", "{\"t\":0,\"seq\":1,\"kind\":\"start\",\"data\":{\"duration_ms\":1e400}}\n");
    REQUIRE_FALSE(read.diagnostics.empty());
    CHECK(read.diagnostics.front().str() ==
          "j.jsonl:1:53: error: not a JSON object: a number out of range (number overflow parsing '1e400')");
}
