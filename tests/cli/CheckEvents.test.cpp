// `samverkan check-events`: the validation cases run, model against observed, exit 1 outside a tolerance.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/cli/CliRun.hpp"

using namespace samverkan;
using test::samverkanCli;
namespace fs = std::filesystem;

TEST_CASE("check-events runs every shipped case and exits 1 exactly when a turning point is outside its tolerance",
          "[cli][validation]") {
    const auto r = samverkanCli({"check-events", "--format", "json"});
    REQUIRE((r.code == 0 || r.code == 1));
    const auto cases = nlohmann::json::parse(r.out);
    std::vector<std::string> ids;
    bool allOk = true;
    for (const auto& c : cases) {
        ids.push_back(c["case"].get<std::string>());
        REQUIRE(c["points"].size() >= 2);
        for (const auto& p : c["points"]) allOk = allOk && p["ok"].get<bool>();
    }
    CHECK(ids == std::vector<std::string>{"validation-a-november-2022", "validation-b-january-2017", "validation-c-march-2023",
                                          "validation-d-drottninggatan-2017"});
    CHECK(r.code == (allOk ? 0 : 1));
    // The text says the same, point by point, and counts them.
    const auto text = samverkanCli({"check-events"});
    CHECK(text.code == r.code);
    std::size_t points = 0, within = 0;
    for (const auto& c : cases)
        for (const auto& p : c["points"]) {
            ++points;
            within += p["ok"].get<bool>() ? 1 : 0;
        }
    CHECK(text.out.find(std::to_string(within) + " of " + std::to_string(points) + " turning points within their tolerance") != std::string::npos);
    CHECK(text.out.find("not reproduced: ") != std::string::npos);
}

TEST_CASE("a case whose turning points the model meets passes, and one it misses fails, saying what the model did", "[cli][validation]") {
    const auto fits = samverkanCli({"check-events", "tests/data/good/case-fits.yaml"});
    CHECK(fits.code == 0);
    CHECK(fits.out.find("1 of 1 turning points within their tolerance") != std::string::npos);
    // No snow, so the rail never stops: the model says "never", and the run fails.
    const auto misses = samverkanCli({"check-events", "tests/data/good/case-misses.yaml"});
    CHECK(misses.code == 1);
    CHECK(misses.out.find("OUTSIDE  rail-stops") != std::string::npos);
    CHECK(misses.out.find("model never") != std::string::npos);
    CHECK(misses.out.find("1 of 2 turning points") != std::string::npos);
    // The figure is written, with the case's title and the points drawn.
    const auto svg = (fs::temp_directory_path() / "samverkan-check-events.svg").string();
    const auto png = (fs::temp_directory_path() / "samverkan-check-events.png").string();
    fs::remove(svg);
    fs::remove(png);
    CHECK(samverkanCli({"check-events", "tests/data/good/case-misses.yaml", "--svg", svg, "--png", png}).code == 1);
    std::ifstream in(svg);
    std::stringstream s;
    s << in.rdbuf();
    CHECK(s.str().find("<svg") == 0);
    CHECK(s.str().find("✗ rail-stops") != std::string::npos);
    CHECK(s.str().find("✓ rail-runs") != std::string::npos);
    CHECK(fs::file_size(png) > 1000);
}

TEST_CASE("a case is the base scenario with the case's own weather, injects and plays, and nothing else of its own",
          "[cli][validation][scenario]") {
    // The case keeps the base's world, measures and doctrine; its dates and hazards are its own.
    const auto base = samverkanCli({"validate", "scenarios/snowstorm.yaml"});
    const auto one = samverkanCli({"validate", "tests/data/good/case-fits.yaml"});
    CHECK(one.code == 0);
    CHECK(one.out.find("doctrine (94 rules)") != std::string::npos);
    CHECK(base.out.find("doctrine (94 rules)") != std::string::npos);
    // Bad cases and missing files are input errors, with file:line:col.
    for (const auto* bad : {"case-world-key", "case-unknown-hazard", "case-missing-inject", "case-base-missing"}) {
        INFO(bad);
        const auto r = samverkanCli({"check-events", std::string("tests/data/bad/") + bad + ".yaml"});
        CHECK(r.code == 2);
        CHECK(r.err.find(std::string("tests/data/bad/") + bad + ".yaml:") != std::string::npos);
    }
    const auto none = samverkanCli({"check-events", "tests/data/no-such-case.yaml"});
    CHECK(none.code == 2);
    CHECK(none.err.find("no such case file or folder") != std::string::npos);
    // A scenario without turning points is no case.
    const auto plain = samverkanCli({"check-events", "scenarios/demonstration.yaml"});
    CHECK(plain.code == 2);
    CHECK(plain.err.find("needs 'observed:'") != std::string::npos);
}
