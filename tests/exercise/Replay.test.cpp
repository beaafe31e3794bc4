// Journals replay byte for byte; broken journals are reported with line and column.
#include <filesystem>
#include <fstream>

#include "sim/exercise/Replay.hpp"
#include "tests/exercise/SceneHelpers.hpp"

using namespace samverkan;
using namespace samverkan::test;
namespace fs = std::filesystem;

namespace {
std::string tempPath(const std::string& name) { return (fs::temp_directory_path() / ("samverkan-replay-" + name)).string(); }

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string writeRun(const std::string& name, const exercise::Exercise& run) {
    const auto path = tempPath(name);
    write(path, run.journal().text());
    return path;
}
}  // namespace

TEST_CASE("a journal of a scripted play replays identically", "[replay][determinism]") {
    for (const char* play : {"reference", "late", "alone"}) {
        INFO(play);
        const auto run = test::play("snowstorm", play);
        const auto path = writeRun(std::string("snow-") + play + ".jsonl", *run);
        const auto read = exercise::readJournal(path);
        REQUIRE(read.ok());
        CHECK(read.value->header.play == play);
        CHECK(read.value->ended);
        const auto result = exercise::replay(*read.value, path);
        REQUIRE(result.ok());
        CHECK(result.value->identical);
        CHECK(result.value->replayed == run->journal().text());
    }
}

TEST_CASE("a journal with trainees' and exercise control's commands replays identically", "[replay]") {
    exercise::Options o;
    o.trainees = {"lansstyrelsen"};
    o.variant = "class-3";
    exercise::Exercise run(shipped("snowstorm"), o);
    run.runUntil(40 * kMinute);
    const protocol::Convene c{"lansstyrelsen", "coordinating", "telephone", 0, {"polisen", "smhi", "sl"}};
    REQUIRE(run.submit(c).accepted);
    run.runUntil(3 * kHour);
    run.submit(protocol::CallIn{"polisen", "coordinating", "trafikverket"});
    run.submit(protocol::Release{"lansstyrelsen", "coordinating", "nobody"});  // rejected, and journalled
    run.submit(protocol::ControlInject{"control", "", {"polisen"}, {"Extra", "Extra"}}, protocol::Source::control);
    run.runUntil(20 * kHour);
    const auto path = writeRun("trainee.jsonl", run);
    const auto read = exercise::readJournal(path);
    REQUIRE(read.ok());
    CHECK(read.value->inputs.size() == 4);
    CHECK(read.value->header.variant == "class-3");
    CHECK_FALSE(read.value->ended);
    const auto result = exercise::replay(*read.value, path);
    REQUIRE(result.ok());
    CHECK(result.value->identical);
    CHECK(result.value->lines == run.journal().entries().size());
}

TEST_CASE("a journal in which exercise control handed a role to the simulator replays identically", "[replay]") {
    exercise::Options o;
    o.trainees = {"trafikverket", "sl"};
    exercise::Exercise run(shipped("snowstorm"), o);
    run.runUntil(3 * kHour);
    REQUIRE(run.submit(protocol::HandOver{"control", "trafikverket"}, protocol::Source::control).accepted);
    run.runToEnd();
    const auto path = writeRun("hand-over.jsonl", run);
    const auto read = exercise::readJournal(path);
    REQUIRE(read.ok());
    const auto result = exercise::replay(*read.value, path);
    REQUIRE(result.ok());
    CHECK(result.value->identical);
    CHECK(result.value->replayed.find("\"kind\":\"hand-over\"") != std::string::npos);
}

TEST_CASE("a changed journal is caught at the first differing line", "[replay]") {
    const auto run = play("snowstorm", "reference");
    std::string text = run->journal().text();
    const auto pos = text.find("\"medium\":\"telephone\"");
    REQUIRE(pos != std::string::npos);
    text.replace(pos, 20, "\"medium\":\"physical\"");
    const auto path = tempPath("tampered.jsonl");
    write(path, text);
    const auto read = exercise::readJournal(path);
    REQUIRE(read.ok());
    const auto result = exercise::replay(*read.value, path);
    REQUIRE(result.ok());
    CHECK_FALSE(result.value->identical);
    CHECK(result.value->expected.find("physical") != std::string::npos);
    CHECK(result.value->got.find("telephone") != std::string::npos);
}

TEST_CASE("a truncated journal is reported at its last line, not replayed", "[replay][bad-input]") {
    const auto run = play("snowstorm", "reference");
    const std::string text = run->journal().text();
    const auto path = tempPath("truncated.jsonl");
    write(path, text.substr(0, text.size() - 25));
    const auto read = exercise::readJournal(path);
    REQUIRE_FALSE(read.ok());
    const auto& d = read.diagnostics.front();
    CHECK(d.line == static_cast<int>(run->journal().entries().size()));
    CHECK(d.column > 1);
    CHECK(d.message.find("truncated") != std::string::npos);
}

TEST_CASE("broken journals get a diagnostic naming line and column", "[replay][bad-input]") {
    const auto start = play("snowstorm", "reference")->journal().text().substr(0, 400);
    const std::string firstLine = start.substr(0, start.find('\n') + 1);
    struct Case {
        std::string name, text, message;
        int line;
    };
    const std::vector<Case> cases{
        {"empty", "", "the journal is empty; expected a \"start\" entry on line 1", 0},
        {"not-json", firstLine + "{\"t\":5,\"seq\":2,\"kind\":\n", "not a JSON object", 2},
        {"no-start", "{\"t\":0,\"seq\":1,\"kind\":\"inject\"}\n", "not a Samverkan journal", 1},
        {"out-of-order", firstLine + "{\"t\":0,\"seq\":7,\"kind\":\"inject\"}\n", "entry out of sequence: expected seq 2, found 7", 2},
        {"missing-kind", firstLine + "{\"t\":0,\"seq\":2}\n", "each entry needs integer 't', 'seq' and a string 'kind'", 2},
        {"bad-command", firstLine + "{\"t\":0,\"seq\":2,\"kind\":\"command\",\"actor\":\"polisen\",\"data\":{\"type\":\"fly\",\"source\":\"trainee\"}}\n",
         "bad command: unknown command 'fly'", 2},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        const auto path = tempPath(c.name + ".jsonl");
        write(path, c.text);
        const auto read = exercise::readJournal(path);
        REQUIRE_FALSE(read.ok());
        CHECK(read.diagnostics.front().line == c.line);
        CHECK(read.diagnostics.front().message.find(c.message) == 0);
    }
}
