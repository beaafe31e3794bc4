// The work a scenario implies is capped, each cap with its own diagnostic; the alias budget counts
// bytes as well as nodes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/scenario/Scenario.hpp"
#include "tests/scenario/LoadHelpers.hpp"

using namespace samverkan;
namespace fs = std::filesystem;

namespace {
using test::readText;
// The shipped snowstorm with its region path made absolute, its duration replaced, written to a
// temporary file.
std::string snowstormLasting(const std::string& duration) {
    std::string text = readText("scenarios/snowstorm.yaml");
    const auto region = text.find("region: regions/stockholm.yaml");
    REQUIRE(region != std::string::npos);
    text.replace(region, 30, "region: " + fs::absolute("scenarios/regions/stockholm.yaml").string());
    const auto d = text.find("\nduration: 48h\n");
    REQUIRE(d != std::string::npos);
    text.replace(d, 15, "\nduration: " + duration + "\n");
    const auto path = (fs::temp_directory_path() / ("samverkan-caps-snowstorm-" + duration + ".yaml")).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

std::string firstDiagnostic(const std::string& path, const scenario::Limits& limits) {
    const auto loaded = scenario::loadScenario(path, limits);
    return loaded.diagnostics.empty() ? std::string{} : loaded.diagnostics.front().str();
}
}  // namespace

TEST_CASE("a scenario's length is capped, and the cap is named", "[limits]") {
    const auto path = snowstormLasting("48h");
    scenario::Limits limits;
    CHECK(scenario::loadScenario(path, limits).ok());
    limits.maxDurationDays = 1;
    CHECK(firstDiagnostic(path, limits) == path + ":11:11: error: duration 2d is longer than the cap of 1 day on a scenario's length");
    limits.maxDurationDays = 2;
    CHECK(scenario::loadScenario(path, limits).ok());
}

TEST_CASE("the world model's time series is capped by the samples it implies", "[limits]") {
    const auto loaded = scenario::loadScenario("scenarios/snowstorm.yaml");
    REQUIRE(loaded.ok());
    const auto& w = *loaded.value->world;
    const std::size_t series = w.hazards.size() + w.services.size();
    const std::size_t ticks = static_cast<std::size_t>(loaded.value->duration / w.tick) + 1;
    scenario::Limits limits;
    limits.maxWorldSamples = ticks * series;  // exactly at the cap: accepted
    CHECK(scenario::loadScenario("scenarios/snowstorm.yaml", limits).ok());
    limits.maxWorldSamples = ticks * series - 1;
    const auto message = firstDiagnostic("scenarios/snowstorm.yaml", limits);
    CHECK(message.find("error: the world model's " + std::to_string(w.hazards.size()) + " hazards and " + std::to_string(w.services.size()) +
                       " services, sampled every 5min for 2d, make " + std::to_string(ticks * series) + " samples, more than the cap of " +
                       std::to_string(ticks * series - 1) + "; make the tick longer, the scenario shorter or the model smaller") !=
          std::string::npos);
    // With the default cap, a snowstorm of 1000 days is refused for its samples, not its length.
    CHECK(firstDiagnostic(snowstormLasting("1000d"), {}).find("samples, more than the cap of 2000000") != std::string::npos);
}

TEST_CASE("the conferences the forums' intervals imply are capped", "[limits]") {
    scenario::Limits limits;
    limits.maxConferences = 10;
    const auto message = firstDiagnostic("scenarios/snowstorm.yaml", limits);
    CHECK(message.find("error: the forums' conference intervals (the shortest: '") != std::string::npos);
    CHECK(message.find("more than the cap of 10; make the intervals longer or the scenario shorter") != std::string::npos);
    CHECK(scenario::loadScenario("scenarios/improvement-project.yaml").ok());  // two years of six-hourly conferences fit
}

TEST_CASE("the alias budget counts the bytes of every expansion, not only the nodes", "[limits]") {
    std::string minimal = readText("tests/data/good/minimal.yaml");
    const std::string relative = "region: ../../../scenarios/regions/stockholm.yaml";
    REQUIRE(minimal.find(relative) != std::string::npos);
    minimal.replace(minimal.find(relative), relative.size(), "region: " + fs::absolute("scenarios/regions/stockholm.yaml").string());
    const auto withNotes = [&](int uses) {
        std::string text = minimal + "notes:\n  - &t \"" + std::string(10000, 'x') + "\"\n";
        for (int i = 0; i < uses; ++i) text += "  - *t\n";
        const auto path = (fs::temp_directory_path() / ("samverkan-caps-alias-" + std::to_string(uses) + ".yaml")).string();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    };
    scenario::Limits limits;
    limits.maxTextBytes = 400000;  // above what the region file holds
    // Ten uses: 110 000 bytes of notes, within the budget; the unknown key is the only problem.
    CHECK(firstDiagnostic(withNotes(10), limits).find("unknown key 'notes'") != std::string::npos);
    // Fifty uses: 510 000 bytes once expanded, from a file of 11 kB.
    const auto big = withNotes(50);
    CHECK(fs::file_size(big) < 12000);
    CHECK(firstDiagnostic(big, limits) ==
          big + ":1:1: error: the document expands to more than 400000 bytes of text (aliases are expanded); refusing to read it");
}
