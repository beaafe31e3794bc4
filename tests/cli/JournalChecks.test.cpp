// replay, report and history add re-run a journal and refuse one that its scenario does not give:
// every header field of the start entry, every later line, a swapped scenario.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "tests/cli/CliRun.hpp"

using namespace samverkan;
namespace fs = std::filesystem;

namespace {
using test::samverkanCli;
using Lines = std::vector<std::string>;

std::string temp(const std::string& name) { return (fs::temp_directory_path() / ("samverkan-checks-" + name)).string(); }

Lines readLines(const std::string& path) {
    std::ifstream in(path);
    Lines lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

void writeLines(const std::string& path, const Lines& lines) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    for (const auto& l : lines) out << l << "\n";
}

// Replaces the first `from` in `line`; the test fails if it is not there.
void replaceIn(std::string& line, const std::string& from, const std::string& to) {
    const auto at = line.find(from);
    REQUIRE(at != std::string::npos);
    line.replace(at, from.size(), to);
}

// The first line (1-based) whose kind is `kind`, after line `after`.
std::size_t lineOfKind(const Lines& lines, const std::string& kind, std::size_t after = 1) {
    for (std::size_t i = after; i < lines.size(); ++i)
        if (lines[i].find("\"kind\":\"" + kind + "\"") != std::string::npos) return i + 1;
    FAIL("no entry of kind " << kind);
    return 0;
}

struct Alteration {
    std::string what;
    std::function<void(Lines&)> alter;
    int code;                  ///< what replay, report and history add must exit with
    std::string location;      ///< the start of the diagnostic, after the path: ":line:col: error: …"
};
}  // namespace

TEST_CASE("an altered journal is refused by replay, report and history add at its first differing line", "[cli][journal][bad-input]") {
    const auto original = temp("original.jsonl");
    REQUIRE(samverkanCli({"run", "snowstorm", "--journal", original}).code == 0);
    const Lines lines = readLines(original);
    REQUIRE(lines.size() > 60);
    const std::size_t decided = lineOfKind(lines, "decision-agreed"), picture = lineOfKind(lines, "situational-picture"),
                      convened = lineOfKind(lines, "convened"), last = lines.size();
    // The first scripted convening (the alerting chain's commands come before it).
    std::size_t command = lineOfKind(lines, "command");
    while (lines[command - 1].find("\"type\":\"convene\"") == std::string::npos) command = lineOfKind(lines, "command", command);
    const auto at = [](std::size_t line) { return ":" + std::to_string(line) + ":"; };

    const std::vector<Alteration> alterations{
        {"the scenario swapped for another", [&](Lines& l) { replaceIn(l[0], "snowstorm.yaml", "demonstration.yaml"); }, 1,
         ":1:31: error: the start entry's 'text' is"},
        {"the scenario id", [](Lines& l) { replaceIn(l[0], "\"scenario\":\"snowstorm\"", "\"scenario\":\"demonstration\""); }, 1,
         "error: the start entry's 'data.scenario' is \"demonstration\", but the re-run from the scenario gives \"snowstorm\""},
        {"the region", [](Lines& l) { replaceIn(l[0], "\"region\":\"stockholm\"", "\"region\":\"gotland\""); }, 1,
         "error: the start entry's 'data.region' is \"gotland\""},
        {"the start time", [](Lines& l) { replaceIn(l[0], "2026-01-14T06:00", "2026-01-15T06:00"); }, 1,
         "error: the start entry's 'data.start' is \"2026-01-15T06:00+01:00\""},
        {"the duration", [](Lines& l) { replaceIn(l[0], "\"duration_ms\":172800000", "\"duration_ms\":86400000"); }, 1,
         "error: the start entry's 'data.duration_ms' is 86400000, but the re-run from the scenario gives 172800000"},
        {"the seed: the re-run draws other delays, so later lines differ",
         [](Lines& l) { replaceIn(l[0], "\"seed\":\"2026\"", "\"seed\":\"2027\""); }, 1, "error: the replay differs from the journal"},
        {"a field the start entry does not have", [](Lines& l) { replaceIn(l[0], "\"trainees\":[]", "\"trainees\":[],\"umpire\":\"x\""); }, 1,
         "error: the start entry has a field 'data.umpire'"},
        {"the start entry's own text", [](Lines& l) { replaceIn(l[0], "Övningen startar", "Övningen börjar"); }, 1,
         ":1:31: error: the start entry's 'text' is \"Övningen börjar"},
        {"a trainee role the region does not have", [](Lines& l) { replaceIn(l[0], "\"trainees\":[]", "\"trainees\":[\"nobody\"]"); }, 2,
         "error: the start entry's trainee role 'nobody' is not an actor of region 'stockholm'"},
        {"a trainee role named twice", [](Lines& l) { replaceIn(l[0], "\"trainees\":[]", "\"trainees\":[\"sl\",\"sl\"]"); }, 2,
         ":1:1: error: the start entry names the trainee role 'sl' twice"},
        {"a trainee added: the play's steps for SL are left out, so later lines differ",
         [](Lines& l) { replaceIn(l[0], "\"trainees\":[]", "\"trainees\":[\"sl\"]"); }, 1, "error: the replay differs from the journal"},
        {"a decision's text", [&](Lines& l) { replaceIn(l[decided - 1], "\"text\":\"", "\"text\":\"X"); }, 1, at(decided)},
        {"a picture's figure", [&](Lines& l) { replaceIn(l[picture - 1], "\"t\":", "\"t\":1"); }, 1, at(picture)},
        {"who convened", [&](Lines& l) { replaceIn(l[convened - 1], "\"actor\":\"lansstyrelsen\"", "\"actor\":\"polisen\""); }, 1,
         at(convened)},
        {"a scripted command", [&](Lines& l) { replaceIn(l[command - 1], "\"medium\":\"telephone\"", "\"medium\":\"meeting\""); }, 1,
         at(command)},
        {"a field added to a later entry", [&](Lines& l) { replaceIn(l[decided - 1], "\"seq\":", "\"note\":1,\"seq\":"); }, 1,
         at(decided)},
        {"the end entry", [&](Lines& l) { replaceIn(l[last - 1], "\"t\":", "\"t\":1"); }, 1, at(last)},
        {"an entry removed", [&](Lines& l) { l.erase(l.begin() + static_cast<std::ptrdiff_t>(decided) - 1); }, 2,
         at(decided) + "1: error: entry out of sequence"},
        {"an entry doubled", [&](Lines& l) { l.insert(l.begin() + static_cast<std::ptrdiff_t>(decided), l[decided - 1]); }, 2,
         at(decided + 1) + "1: error: entry out of sequence"},
    };
    REQUIRE(alterations.size() >= 18);
    for (const auto& a : alterations) {
        INFO(a.what);
        Lines altered = lines;
        a.alter(altered);
        REQUIRE(altered != lines);
        const auto journal = temp("altered.jsonl");
        writeLines(journal, altered);
        const auto replayed = samverkanCli({"replay", journal});
        CHECK(replayed.code == a.code);
        CHECK(replayed.err.rfind(journal + ":", 0) == 0);
        CHECK(replayed.err.find(a.location) != std::string::npos);

        const auto html = temp("altered.html");
        fs::remove(html);
        const auto report = samverkanCli({"report", journal, "-o", html});
        CHECK(report.code == a.code);
        CHECK(report.err == replayed.err);
        CHECK_FALSE(fs::exists(html));

        const auto db = temp("altered.sqlite");
        fs::remove(db);
        const auto added = samverkanCli({"history", "add", journal, "--db", db});
        CHECK(added.code == a.code);
        CHECK(added.err == replayed.err);
        CHECK_FALSE(fs::exists(db));
    }
}

TEST_CASE("a difference is shown around its column, however long the line", "[cli][journal]") {
    const auto original = temp("long.jsonl");
    REQUIRE(samverkanCli({"run", "snowstorm", "--journal", original}).code == 0);
    Lines lines = readLines(original);
    const std::size_t decided = lineOfKind(lines, "decision-agreed");
    replaceIn(lines[decided - 1], "\"seq\":", "\"pad\":\"" + std::string(5000, 'x') + "\",\"seq\":");
    writeLines(original, lines);
    const auto r = samverkanCli({"replay", original});
    REQUIRE(r.code == 1);
    CHECK(r.err.find(":" + std::to_string(decided) + ":") != std::string::npos);
    CHECK(r.err.size() < 1200);
    CHECK(r.err.find("...") != std::string::npos);
}

TEST_CASE("an unaltered journal, and one cut after a whole line, still report", "[cli][journal]") {
    const auto journal = temp("cut.jsonl");
    REQUIRE(samverkanCli({"run", "snowstorm", "--journal", journal}).code == 0);
    CHECK(samverkanCli({"report", journal, "--format", "md"}).code == 0);
    Lines lines = readLines(journal);
    lines.resize(lines.size() / 2);
    writeLines(journal, lines);
    const auto r = samverkanCli({"report", journal, "--format", "md"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
}
