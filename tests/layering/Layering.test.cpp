// The layers keep their dependencies: nothing under sim/ knows the screen, and yaml-cpp stays
// inside sim/scenario/.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {
std::vector<std::pair<std::string, std::string>> includesUnder(const fs::path& dir) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        const auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".hpp") continue;
        std::ifstream in(entry.path());
        std::string line;
        while (std::getline(in, line)) {
            // `#include <x>` or `#include "x"`, with any spaces.
            const auto hash = line.find_first_not_of(" \t");
            if (hash == std::string::npos || line[hash] != '#') continue;
            const auto word = line.find_first_not_of(" \t", hash + 1);
            if (word == std::string::npos || line.compare(word, 7, "include") != 0) continue;
            const auto open = line.find_first_of("<\"", word + 7);
            const auto close = open == std::string::npos ? open : line.find_first_of(">\"", open + 1);
            if (close != std::string::npos) out.emplace_back(entry.path().generic_string(), line.substr(open + 1, close - open - 1));
        }
    }
    return out;
}
}  // namespace

TEST_CASE("nothing under sim/ includes SFML, ImGui or OpenGL", "[layering]") {
    const auto includes = includesUnder(fs::path(SAMVERKAN_SOURCE_DIR) / "sim");
    REQUIRE(includes.size() > 50);
    for (const auto& [file, header] : includes) {
        INFO(file << " includes " << header);
        CHECK(header.rfind("SFML/", 0) != 0);
        CHECK(header.find("imgui") == std::string::npos);
        CHECK(header.rfind("GL/", 0) != 0);
        CHECK(header.rfind("backends/", 0) != 0);
    }
}

TEST_CASE("yaml-cpp is used only inside sim/scenario/", "[layering]") {
    int inScenario = 0;
    for (const auto& [file, header] : includesUnder(fs::path(SAMVERKAN_SOURCE_DIR) / "sim")) {
        if (header.rfind("yaml-cpp/", 0) != 0) continue;
        INFO(file);
        CHECK(file.find("/sim/scenario/") != std::string::npos);
        ++inScenario;
    }
    CHECK(inScenario >= 1);
}

TEST_CASE("lower layers do not include higher ones", "[layering]") {
    // engine <- model <- protocol, world <- scenario <- render <- exercise <- eval <- analysis <- cli (protocol
    // and world do not know each other: the exercise connects them).
    const std::vector<std::string> order{"engine",   "model",  "protocol", "world",    "scenario",
                                         "render",   "exercise", "eval",   "analysis", "cli"};
    for (std::size_t i = 0; i < order.size(); ++i) {
        for (const auto& [file, header] : includesUnder(fs::path(SAMVERKAN_SOURCE_DIR) / "sim" / order[i])) {
            for (std::size_t j = i + 1; j < order.size(); ++j) {
                INFO(file << " includes " << header);
                CHECK(header.rfind("sim/" + order[j] + "/", 0) != 0);
            }
        }
    }
}

TEST_CASE("the protocol and the world do not include each other", "[layering]") {
    int seen = 0;
    for (const auto& [file, header] : includesUnder(fs::path(SAMVERKAN_SOURCE_DIR) / "sim" / "world")) {
        INFO(file << " includes " << header);
        CHECK(header.rfind("sim/protocol/", 0) != 0);
        ++seen;
    }
    for (const auto& [file, header] : includesUnder(fs::path(SAMVERKAN_SOURCE_DIR) / "sim" / "protocol")) {
        INFO(file << " includes " << header);
        CHECK(header.rfind("sim/world/", 0) != 0);
        ++seen;
    }
    CHECK(seen > 4);
}

TEST_CASE("only the journal's writer and reader turn events into JSON or search JSON text", "[layering][events]") {
    // Behaviour reads typed events; JSON is the journal's file format (and the CLI's and the sweeps' outputs).
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(SAMVERKAN_SOURCE_DIR) / "sim")) {
        if (!entry.is_regular_file()) continue;
        const auto name = entry.path().filename().string();
        if (name.rfind("Journal", 0) == 0) continue;
        std::ifstream in(entry.path());
        std::string line;
        for (int n = 1; std::getline(in, line); ++n) {
            INFO(entry.path().generic_string() << ":" << n << ": " << line);
            CHECK(line.find("data.find(") == std::string::npos);
            CHECK(line.find("find(\"\\\"") == std::string::npos);
            CHECK(line.find("JsonObject") == std::string::npos);
            CHECK(line.find("jsonQuote") == std::string::npos);
        }
    }
}

TEST_CASE("SQLite, librsvg and cairo are used only inside sim/analysis/", "[layering]") {
    for (const auto& [file, header] : includesUnder(fs::path(SAMVERKAN_SOURCE_DIR) / "sim")) {
        if (file.find("/sim/analysis/") != std::string::npos) continue;
        INFO(file << " includes " << header);
        CHECK(header != "sqlite3.h");
        CHECK(header.rfind("librsvg/", 0) != 0);
        CHECK(header != "cairo.h");
    }
}

TEST_CASE("nothing under sim/ reads a clock or a random device: the program's entry point hands them in", "[layering][determinism]") {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(SAMVERKAN_SOURCE_DIR) / "sim")) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path());
        std::string line;
        for (int n = 1; std::getline(in, line); ++n) {
            INFO(entry.path().generic_string() << ":" << n << ": " << line);
            for (const char* banned : {"system_clock", "steady_clock", "high_resolution_clock", "random_device", "gettimeofday",
                                       "clock_gettime", "time(nullptr)", "time(NULL)"})
                CHECK(line.find(banned) == std::string::npos);
        }
    }
}

TEST_CASE("no test's name holds a semicolon, which ctest would split into two names that match nothing", "[layering][tests]") {
    for (const auto& entry : fs::recursive_directory_iterator("tests")) {
        if (!entry.is_regular_file() || entry.path().extension() != ".cpp") continue;
        std::ifstream in(entry.path());
        std::string line;
        for (int n = 1; std::getline(in, line); ++n) {
            const auto at = line.find("TEST_CASE(\"");
            if (at == std::string::npos) continue;
            const auto end = line.find('"', at + 11);
            INFO(entry.path().generic_string() << ":" << n);
            CHECK(line.substr(at + 11, end - at - 11).find(';') == std::string::npos);
        }
    }
}
