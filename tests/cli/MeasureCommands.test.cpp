// `samverkan measures`: the catalogue of a scenario's measures, as text and as JSON.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/cli/CliRun.hpp"

using namespace samverkan;

namespace {
test::CliResult measuresCli(const std::vector<std::string>& args) {
    std::vector<std::string> all{"measures"};
    all.insert(all.end(), args.begin(), args.end());
    return test::samverkanCli(all);
}
}  // namespace

TEST_CASE("measures lists who may decide each measure, its mandate, parameters, effects and source",
          "[cli][measures]") {
    auto r = measuresCli({"snowstorm"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("Åtgärder i 'Snöoväder – röd varning' (5)") == 0);
    CHECK(r.out.find("Ställ in busslinjer i förväg  [bus-lines-cancelled]") != std::string::npos);
    CHECK(r.out.find("  Beslutas av: SL (kollektivtrafiken)") != std::string::npos);
    CHECK(r.out.find("  Mandat som behövs: den egna verksamheten") != std::string::npos);
    CHECK(r.out.find("andel 10 %–100 %, förval 65 %") != std::string::npos);
    CHECK(r.out.find("  Genomförande: 2 h; Trafikverket 1 h") != std::string::npos);
    CHECK(r.out.find("  Beslutas av: kommunerna (26 aktörer)") != std::string::npos);
    CHECK(r.out.find("Övriga bussavgångar ×0") != std::string::npos);
    CHECK(r.out.find("  Påverkar: Strandade persontimmar ↓") != std::string::npos);
    r = measuresCli({"scenarios/demonstration.yaml", "--lang", "en"});
    CHECK(r.code == 0);
    CHECK(r.out.find("Keep the march and counter-demonstrators apart  [police-plan]") != std::string::npos);
    CHECK(r.out.find("  Decided by: Swedish Police, Stockholm region") != std::string::npos);
}

TEST_CASE("measures --format json gives the whole catalogue with parameters and effects", "[cli][measures]") {
    const auto r = measuresCli({"improvement-project", "--format", "json"});
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["scenario"] == "improvement-project");
    REQUIRE(j["measures"].size() == 3);
    const auto& routine = j["measures"][1];
    CHECK(routine["id"] == "joint-routine");
    CHECK(routine["topic"] == "project");
    CHECK(routine["deciders"] == nlohmann::json::array({"founding-parties", "municipalities"}));
    CHECK(routine["implementation_ms"] == 30LL * 24 * 3600 * 1000);
    CHECK(routine["claims"][0] == nlohmann::json({{"outcome", "resident-days-unprepared"}, {"direction", "down"}}));
    CHECK(routine["effects"][0]["changes"][0] == nlohmann::json({{"resource", "routines"}, {"add", 1.0}}));
    const auto snow = nlohmann::json::parse(measuresCli({"snowstorm", "--format", "json"}).out);
    const auto& schools = snow["measures"][0]["params"];
    CHECK(schools[0]["kind"] == "areas");
    CHECK(schools[0]["default"] == nlohmann::json::array({"municipalities"}));
    CHECK(schools[1]["kind"] == "until");
    CHECK(schools[1]["default"] == 24.0);
}

TEST_CASE("measures refuses a bad scenario with its diagnostics and exit code 2", "[cli][measures][bad-input]") {
    const auto r = measuresCli({"tests/data/bad/measure-no-deciders.yaml"});
    CHECK(r.code == 2);
    CHECK(r.err.rfind(
              "tests/data/bad/measure-no-deciders.yaml:38:15: error: measure 'close-roads' needs at least one decider",
              0) == 0);
    CHECK(measuresCli({}).code == 2);
}
