// The `samverkan` command: subcommands, output and exit codes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "sim/cli/Commands.hpp"

using namespace samverkan;
namespace fs = std::filesystem;

namespace {
struct Result {
    int code;
    std::string out, err;
};
Result samverkanCli(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const int code = samverkan::cli::runMain(args, out, err);
    return {code, out.str(), err.str()};
}
std::string temp(const std::string& name) { return (fs::temp_directory_path() / ("samverkan-cli-" + name)).string(); }
}  // namespace

TEST_CASE("validate accepts the shipped files and reports bad ones with exit code 2", "[cli]") {
    auto r = samverkanCli({"validate", "scenarios/snowstorm.yaml", "scenarios/demonstration.yaml", "scenarios/improvement-project.yaml",
                  "scenarios/regions/stockholm.yaml"});
    CHECK(r.code == 0);
    CHECK(r.out.find("scenarios/snowstorm.yaml: ok (scenario 'snowstorm'") != std::string::npos);
    CHECK(r.out.find("42 actors") != std::string::npos);
    r = samverkanCli({"validate", "scenarios/snowstorm.yaml", "tests/data/bad/unknown-actor.yaml"});
    CHECK(r.code == 2);
    CHECK(r.err.rfind("tests/data/bad/unknown-actor.yaml:11:11: error: unknown actor 'polisn' (did you mean 'polisen'?)", 0) == 0);
}

TEST_CASE("run prints a timeline a trainer can read, in Swedish or English", "[cli]") {
    auto r = samverkanCli({"run", "scenarios/snowstorm.yaml", "--lang", "en"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("Snowstorm – red warning — play 'reference', seed 2026") == 0);
    CHECK(r.out.find("2026-01-14 06:15  +00:15") != std::string::npos);
    CHECK(r.out.find("[Regional directing forum]") != std::string::npos);
    CHECK(r.out.find("Public message: A severe snowstorm") != std::string::npos);
    r = samverkanCli({"run", "snowstorm", "--play", "alone"});
    CHECK(r.code == 0);
    CHECK(r.out.find("Bilateral kontakt:") != std::string::npos);
    CHECK(r.out.find("Eget beslut:") != std::string::npos);
}

TEST_CASE("run --format json gives the milestones and the journal", "[cli]") {
    const auto r = samverkanCli({"run", "snowstorm", "--format", "json", "--until", "+6h"});
    REQUIRE(r.code == 0);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["scenario"] == "snowstorm");
    CHECK(doc["time_ms"] == 6 * 3600000);
    CHECK(doc["finished"] == false);
    CHECK(doc["milestones"]["meeting-opened:regionalt-inriktande-forum"].is_number());
    CHECK(doc["journal"].size() > 10);
}

TEST_CASE("run --journal writes a journal that replay reproduces", "[cli]") {
    const auto path = temp("run.jsonl");
    fs::remove(path);
    auto r = samverkanCli({"run", "demonstration", "--journal", path, "--seed", "99"});
    REQUIRE(r.code == 0);
    REQUIRE(fs::exists(path));
    CHECK_FALSE(fs::exists(path + ".tmp"));
    r = samverkanCli({"replay", path});
    CHECK(r.code == 0);
    CHECK(r.out.find("identical byte for byte") != std::string::npos);

    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    std::string changed = text.str();
    changed.replace(changed.find("\"seed\":\"99\""), 11, "\"seed\":\"98\"");
    std::ofstream(path, std::ios::trunc) << changed;
    r = samverkanCli({"replay", path});
    CHECK(r.code == 1);
    CHECK(r.err.find("error: the replay differs from the journal") != std::string::npos);
}

TEST_CASE("report writes the after-action report of a journal", "[cli][report]") {
    const auto journal = temp("report.jsonl");
    REQUIRE(samverkanCli({"run", "snowstorm", "--play", "late", "--journal", journal}).code == 0);
    const auto html = temp("report.html");
    fs::remove(html);
    auto r = samverkanCli({"report", journal, "-o", html, "--lang", "en"});
    CHECK(r.code == 0);
    CHECK(r.out.find("HTML report of") != std::string::npos);
    REQUIRE(fs::exists(html));
    CHECK_FALSE(fs::exists(html + ".tmp"));
    CHECK(fs::file_size(html) > 10000);
    r = samverkanCli({"report", journal, "--format", "md"});
    CHECK(r.code == 0);
    CHECK(r.out.find("# Utvärdering efter övning: Snöoväder – röd varning") == 0);
    r = samverkanCli({"report", "tests/data/bad/empty.yaml"});
    CHECK(r.code == 2);
    CHECK(r.err.find("tests/data/bad/empty.yaml:") == 0);
}

TEST_CASE("run accepts a play file and a variant", "[cli]") {
    auto r = samverkanCli({"run", "snowstorm", "--play", "tests/data/good/snowstorm-early.play.yaml", "--variant", "class-3", "--until", "+3h"});
    CHECK(r.code == 0);
    CHECK(r.out.find("spel 'early'") != std::string::npos);
}

TEST_CASE("usage and input errors exit with code 2 and say what is wrong", "[cli][bad-input]") {
    struct Case {
        std::vector<std::string> args;
        std::string says;
    };
    const std::vector<Case> cases{
        {{}, "A subcommand is required"},
        {{"fly"}, "unknown command 'fly' (expected validate, run, replay, report or list)"},
        {{"run"}, "scenario is required"},
        {{"run", "snowstorm", "--play", "early"}, "unknown play 'early'; snowstorm has: reference, late, alone"},
        {{"run", "snowstorm", "--variant", "class-4"}, "unknown variant 'class-4'; snowstorm has: class-3"},
        {{"run", "snowstorm", "--until", "soon"}, "--until must look like"},
        {{"run", "snowstorm", "--format", "xml"}, "xml"},
        {{"run", "snowstorm", "--seed", "minus"}, "minus"},
        {{"run", "snowstorm", "--trainee", "polisn"}, "unknown trainee role 'polisn' (did you mean 'polisen'?)"},
        {{"run", "tests/data/bad/bad-duration.yaml"}, "tests/data/bad/bad-duration.yaml:6:11: error:"},
        {{"replay", "tests/data/bad/no-such.jsonl"}, "cannot read the journal"},
        {{"replay", "scenarios/snowstorm.yaml"}, "scenarios/snowstorm.yaml:1:"},
    };
    for (const auto& c : cases) {
        INFO(c.says);
        const auto r = samverkanCli(c.args);
        CHECK(r.code == 2);
        CHECK(r.err.find(c.says) != std::string::npos);
    }
}

TEST_CASE("--help works on the program and each subcommand", "[cli]") {
    for (const auto& args : std::vector<std::vector<std::string>>{{"--help"}, {"run", "--help"}, {"validate", "--help"},
                                                                 {"replay", "--help"}, {"list", "--help"}}) {
        const auto r = samverkanCli(args);
        INFO(args.front());
        CHECK(r.code == 0);
        CHECK(r.out.find("Usage") != std::string::npos);
    }
    CHECK(samverkanCli({"run", "--help"}).out.find("--play") != std::string::npos);
}

TEST_CASE("list shows the shipped scenarios with their plays", "[cli]") {
    const auto r = samverkanCli({"list", "--dir", "scenarios"});
    CHECK(r.code == 0);
    CHECK(r.out.find("snowstorm  (snowstorm.yaml)") != std::string::npos);
    CHECK(r.out.find("demonstration  (demonstration.yaml)") != std::string::npos);
    CHECK(r.out.find("improvement-project  (improvement-project.yaml)") != std::string::npos);
    CHECK(r.out.find("plays: reference, late, alone, variants: class-3") != std::string::npos);
}
