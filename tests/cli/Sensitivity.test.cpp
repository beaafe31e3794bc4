// `samverkan sensitivity`: the table, the chart and the errors.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/cli/CliRun.hpp"

using namespace samverkan;
using test::samverkanCli;
namespace fs = std::filesystem;

TEST_CASE("sensitivity prints each outcome's figures by swing, as text, JSON and a tornado chart", "[cli][sensitivity]") {
    const std::vector<std::string> args{"sensitivity", "snowstorm", "--runs", "2", "--only", "main-roads.network.stuck_rate", "--only",
                                        "power.recovery"};
    auto a = args;
    a.insert(a.end(), {"--format", "json"});
    const auto r = samverkanCli(a);
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["runs"] == 2);
    CHECK(j["figures"].size() == 2);
    CHECK(j["outcomes"][0]["outcome"] == "person-hours-stranded");
    CHECK(j["outcomes"][0]["swings"][0]["figure"] == "main-roads.network.stuck_rate");
    // The same seeds give the same bytes.
    CHECK(samverkanCli(a).out == r.out);
    const auto text = samverkanCli(args);
    CHECK(text.code == 0);
    CHECK(text.out.find("main-roads.network.stuck_rate (0.02–0.1)") != std::string::npos);
    const auto png = (fs::temp_directory_path() / "samverkan-tornado.png").string();
    fs::remove(png);
    a = args;
    a.insert(a.end(), {"--outcome", "customer-hours-without-power", "--png", png});
    CHECK(samverkanCli(a).code == 0);
    CHECK(fs::file_size(png) > 1000);
}

TEST_CASE("sensitivity refuses what it cannot vary or show, with exit code 2", "[cli][sensitivity][errors]") {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"sensitivity", "snowstorm", "--only", "main-roads.network.stuck_rat"}, "did you mean 'main-roads.network.stuck_rate'"},
        {{"sensitivity", "snowstorm", "--outcome", "stranded"}, "unknown outcome 'stranded'"},
        {{"sensitivity", "snowstorm", "--play", "hasty"}, "unknown play 'hasty'"},
        {{"sensitivity", "tests/data/bad/case-world-key.yaml"}, "tests/data/bad/case-world-key.yaml:8:8: error"},
    };
    for (const auto& [args, says] : cases) {
        INFO(args.back());
        const auto r = samverkanCli(args);
        CHECK(r.code == 2);
        CHECK(r.err.find(says) != std::string::npos);
    }
}

TEST_CASE("the after-action report can say what its outcomes depend on", "[cli][sensitivity][report]") {
    const auto journal = (fs::temp_directory_path() / "samverkan-sensitivity.jsonl").string();
    REQUIRE(samverkanCli({"run", "snowstorm", "--play", "reference", "--journal", journal}).code == 0);
    const auto html = samverkanCli({"report", journal, "--sensitivity", "--sensitivity-runs", "2", "--lang", "en"});
    REQUIRE(html.code == 0);
    CHECK(html.out.find("id=\"sensitivity\"") != std::string::npos);
    CHECK(html.out.find("What the outcomes depend on") != std::string::npos);
    CHECK(html.out.find("main-roads.network.stuck_rate (0.02–0.1)") != std::string::npos);
    CHECK(html.out.find("with the play reference") != std::string::npos);
    const auto md = samverkanCli({"report", journal, "--sensitivity", "--sensitivity-runs", "2", "--format", "md"});
    CHECK(md.code == 0);
    CHECK(md.out.find("| main-roads.network.stuck_rate (0.02–0.1) |") != std::string::npos);
    // Without the flag, no such section.
    CHECK(samverkanCli({"report", journal, "--lang", "en"}).out.find("id=\"sensitivity\"") == std::string::npos);
}

TEST_CASE("a sweep can hold a world figure at another value within its range, for a sensitivity band", "[cli][sensitivity][sweep]") {
    const std::vector<std::string> sweep{"sweep", "snowstorm", "--runs", "3", "--threads", "1", "--vary", "activation.directing=8h", "--format", "json"};
    const auto mean = [](const std::string& out) {
        return nlohmann::json::parse(out)["points"][0]["metrics"]["outcome.person-hours-stranded"]["mean"].get<double>();
    };
    const auto base = samverkanCli(sweep);
    REQUIRE(base.code == 0);
    auto args = sweep;
    args.insert(args.end(), {"--set", "main-roads.network.stuck_rate=0.1"});
    const auto high = samverkanCli(args);
    REQUIRE(high.code == 0);
    CHECK(mean(high.out) > mean(base.out));  // more vehicles stuck, more people stranded
    for (const auto& [set, says] : std::vector<std::pair<std::string, std::string>>{
             {"main-roads.network.stuck_rate=0.5", "outside the figure's range 0.02–0.1"},
             {"main-roads.network.stuck_rat=0.05", "did you mean 'main-roads.network.stuck_rate'"},
             {"main-roads.network.stuck_rate=0x1p-4", "give NAME=NUMBER"},
             {"main-roads.network.stuck_rate", "give NAME=NUMBER"}}) {
        INFO(set);
        const auto r = samverkanCli({"sweep", "snowstorm", "--runs", "1", "--set", set});
        CHECK(r.code == 2);
        CHECK(r.err.find(says) != std::string::npos);
    }
}
