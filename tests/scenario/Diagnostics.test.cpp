// Every diagnostic kind has a fixture in tests/data/bad/ with its exact first line in a .expected file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/engine/Random.hpp"
#include "sim/scenario/Scenario.hpp"

using namespace samverkan;
namespace fs = std::filesystem;

namespace {
std::string firstLineOf(const fs::path& p) {
    std::ifstream in(p);
    std::string line;
    std::getline(in, line);
    return line;
}

std::vector<scenario::Diagnostic> diagnose(const std::string& path, const scenario::Limits& limits = {}) {
    const bool region = fs::path(path).filename().string().rfind("region-", 0) == 0;
    return region ? scenario::loadRegion(path, limits).diagnostics : scenario::loadScenario(path, limits).diagnostics;
}

std::string writeTemp(const std::string& name, const std::string& text) {
    const auto path = fs::temp_directory_path() / ("samverkan-test-" + name);
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

std::string minimal() {
    std::ifstream in("tests/data/good/minimal.yaml");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("the minimal good scenario loads without diagnostics", "[diagnostics]") {
    const auto loaded = scenario::loadScenario("tests/data/good/minimal.yaml");
    CHECK(loaded.diagnostics.empty());
    CHECK(loaded.ok());
}

TEST_CASE("each bad fixture gives its exact expected first diagnostic", "[diagnostics]") {
    std::vector<fs::path> fixtures;
    for (const auto& entry : fs::directory_iterator("tests/data/bad"))
        if (entry.path().extension() == ".yaml") fixtures.push_back(entry.path());
    std::sort(fixtures.begin(), fixtures.end());
    REQUIRE(fixtures.size() >= 25);
    for (const auto& f : fixtures) {
        const auto expectedFile = fs::path(f).replace_extension(".expected");
        INFO(f.string());
        REQUIRE(fs::exists(expectedFile));
        const auto diagnostics = diagnose("tests/data/bad/" + f.filename().string());
        REQUIRE_FALSE(diagnostics.empty());
        CHECK(diagnostics.front().str() == firstLineOf(expectedFile));
    }
}

TEST_CASE("every problem in a file is reported in one pass, in file order", "[diagnostics]") {
    const auto d = diagnose("tests/data/bad/many-problems.yaml");
    REQUIRE(d.size() == 3);
    CHECK(d[0].line == 6);
    CHECK(d[1].message.find("unknown key 'colour'") == 0);
    CHECK(d[2].message == "unknown actor 'smh' (did you mean 'smhi'?)");
}

TEST_CASE("a file over the size limit is refused before parsing", "[diagnostics][limits]") {
    const auto path = writeTemp("big.yaml", minimal() + "# " + std::string(2 * 1024 * 1024, 'x') + "\n");
    const auto d = diagnose(path);
    REQUIRE(d.size() == 1);
    CHECK(d[0].line == 0);
    CHECK(d[0].message.find("bytes; the limit is 1048576") != std::string::npos);
}

TEST_CASE("too many events are refused with their own error", "[diagnostics][limits]") {
    scenario::Limits limits;
    limits.maxEvents = 1;
    const auto d = diagnose("tests/data/good/minimal.yaml", limits);
    REQUIRE(d.size() == 1);
    // One inject, one play step and the region's eleven doctrine rules (five of them the alerting chain).
    CHECK(d[0].message == "the scenario has 13 events (injects, decision points, play steps and doctrine rules); the limit is 1");
}

TEST_CASE("deep block nesting is refused before the parser recurses", "[diagnostics][limits]") {
    std::string deep = minimal() + "deep:\n";
    for (int i = 0; i < 5000; ++i) deep += "- ";
    deep += "x\n";
    const auto d = diagnose(writeTemp("deep.yaml", deep));
    REQUIRE_FALSE(d.empty());
    CHECK(d[0].message == "nesting is deeper than 32 levels");
    CHECK(d[0].line == 22);
}

TEST_CASE("a missing file is reported, not crashed on", "[diagnostics]") {
    const auto d = diagnose("tests/data/bad/no-such-file.yaml");
    REQUIRE(d.size() == 1);
    CHECK(d[0].str().rfind("tests/data/bad/no-such-file.yaml: error: cannot read the file", 0) == 0);
}

TEST_CASE("mangled scenario files give diagnostics, never a crash", "[diagnostics][robustness]") {
    std::ifstream in("scenarios/demonstration.yaml");
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string original = buffer.str();
    const std::string regionRef = "region: regions/stockholm.yaml";
    const auto regionAt = original.find(regionRef);
    REQUIRE(regionAt != std::string::npos);
    engine::Random rng("mangle", 1);
    const std::string junk = "{}[]:-&*!|>'\"%@`#,\t\n x9";
    int rejected = 0, loadedOk = 0;
    for (int round = 0; round < 600; ++round) {
        // The region is named by an absolute path whose length varies from round to round (the
        // checkout's own path must not decide which byte offsets get mangled).
        std::string text = original;
        std::string region = std::string(SAMVERKAN_SOURCE_DIR);
        for (int pad = round % 16; pad > 0; --pad) region += "/.";
        text.replace(regionAt, regionRef.size(), "region: " + region + "/scenarios/regions/stockholm.yaml");
        // A few random edits: replace, delete or duplicate bytes.
        for (int edit = 0; edit < 3; ++edit) {
            const auto pos = static_cast<std::size_t>(rng.uniformInt(0, static_cast<std::int64_t>(text.size()) - 1));
            switch (rng.uniformInt(0, 2)) {
                case 0: text[pos] = junk[static_cast<std::size_t>(rng.uniformInt(0, static_cast<std::int64_t>(junk.size()) - 1))]; break;
                case 1: text.erase(pos, static_cast<std::size_t>(rng.uniformInt(1, 40))); break;
                default: text.insert(pos, text.substr(pos, static_cast<std::size_t>(rng.uniformInt(1, 40)))); break;
            }
        }
        const auto path = (fs::temp_directory_path() / "samverkan-mangled.yaml").string();
        std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
        scenario::Loaded<scenario::Scenario> loaded;
        REQUIRE_NOTHROW(loaded = scenario::loadScenario(path));
        if (!loaded.ok()) {
            ++rejected;
            REQUIRE_FALSE(loaded.diagnostics.empty());
            CHECK(loaded.diagnostics.front().file.find("samverkan-mangled.yaml") != std::string::npos);
            CHECK(loaded.diagnostics.front().line >= 1);
        } else {
            ++loadedOk;
        }
    }
    CHECK(rejected > 200);  // most mangled files are wrong, and say where
    CHECK(loadedOk > 0);   // some edits land in free text and leave a valid file
}
