// The loaders for documents in memory read exactly as the loaders for files.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "sim/exercise/JournalReader.hpp"
#include "sim/scenario/Scenario.hpp"

using namespace samverkan;

namespace {
std::string contentOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("a scenario's text loads as its file does, its region found beside the path given", "[scenario][text]") {
    const auto fromFile = scenario::loadScenario("scenarios/snowstorm.yaml");
    const auto fromText = scenario::loadScenarioText("scenarios/snowstorm.yaml", contentOf("scenarios/snowstorm.yaml"));
    REQUIRE(fromFile.ok());
    REQUIRE(fromText.ok());
    CHECK(fromText.value->id == fromFile.value->id);
    CHECK(fromText.value->injects.size() == fromFile.value->injects.size());
    CHECK(fromText.value->region.actors.size() == fromFile.value->region.actors.size());
}

TEST_CASE("a bad document in memory is reported against the path given", "[scenario][text]") {
    const auto loaded = scenario::loadScenarioText("somewhere/x.yaml", "format: samverkan/1\nid: [\n");
    REQUIRE_FALSE(loaded.ok());
    REQUIRE_FALSE(loaded.diagnostics.empty());
    CHECK(loaded.diagnostics.front().file == "somewhere/x.yaml");
    CHECK(loaded.diagnostics.front().line == 3);
}

TEST_CASE("a document in memory is held to the file size limit", "[scenario][text]") {
    scenario::Limits limits;
    limits.maxFileBytes = 10;
    const auto loaded = scenario::loadRegionText("r.yaml", "format: samverkan-region/1\n", limits);
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics.front().str() == "r.yaml: error: the file is 27 bytes; the limit is 10");
}

TEST_CASE("a region and a play in memory load as their files do", "[scenario][text]") {
    const auto region =
        scenario::loadRegionText("scenarios/regions/stockholm.yaml", contentOf("scenarios/regions/stockholm.yaml"));
    CHECK(region.ok());
    const auto s = scenario::loadScenario("scenarios/snowstorm.yaml");
    REQUIRE(s.ok());
    const std::string playPath = "tests/data/good/snowstorm-early.play.yaml";
    const auto fromFile = scenario::loadPlayFile(playPath, *s.value);
    const auto fromText = scenario::loadPlayText(playPath, contentOf(playPath), *s.value);
    REQUIRE(fromFile.ok());
    REQUIRE(fromText.ok());
    CHECK(fromText.value->steps.size() == fromFile.value->steps.size());
}

TEST_CASE("a journal in memory is read and checked as its file is", "[journal][text]") {
    CHECK(exercise::readJournalText("j.jsonl", "").diagnostics.front().str() ==
          "j.jsonl: error: the journal is empty; expected a \"start\" entry on line 1");
    CHECK(exercise::readJournalText("j.jsonl", "{\"t\":0}").diagnostics.front().str() ==
          "j.jsonl:1:8: error: the journal is truncated: the last line has no newline (was the run interrupted?)");
    const auto v1 = exercise::readJournal("tests/data/bad/journal-v1.jsonl");
    const auto v1Text =
        exercise::readJournalText("tests/data/bad/journal-v1.jsonl", contentOf("tests/data/bad/journal-v1.jsonl"));
    REQUIRE_FALSE(v1.diagnostics.empty());
    REQUIRE_FALSE(v1Text.diagnostics.empty());
    CHECK(v1Text.diagnostics.front().str() == v1.diagnostics.front().str());
}

TEST_CASE("a map in memory loads as its file does, and is reported against the path given", "[scenario][text]") {
    const auto region = scenario::loadRegion("scenarios/regions/stockholm.yaml");
    REQUIRE(region.ok());
    const std::string path = "assets/maps/stockholm.yaml";
    const auto fromFile = scenario::loadAreaMap(path, *region.value);
    const auto fromText = scenario::loadAreaMapText(path, contentOf(path), *region.value);
    REQUIRE(fromFile.ok());
    REQUIRE(fromText.ok());
    REQUIRE(fromText.value->areas.size() == fromFile.value->areas.size());
    CHECK(fromText.value->areas.size() == 26);
    CHECK(fromText.value->areas.front().population == fromFile.value->areas.front().population);
    // The borders file is found beside the path given, as for the file.
    CHECK_FALSE(fromText.value->areas.front().triangles.empty());
    CHECK(fromText.value->areas.front().triangles.size() == fromFile.value->areas.front().triangles.size());
    const auto bad = scenario::loadAreaMapText("m.yaml", "format: samverkan-map/1\nregion: gotland\nmunicipalities: []\n", *region.value);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.diagnostics.front().str() == "m.yaml:2:9: error: this map is for region 'gotland', not 'stockholm'");
}
