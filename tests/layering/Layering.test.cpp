// The layers keep their dependencies: nothing under sim/ knows the screen, and yaml-cpp stays
// inside sim/scenario/.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace fs = std::filesystem;

namespace {
std::vector<std::pair<std::string, std::string>> includesUnder(const fs::path& dir) {
    std::vector<std::pair<std::string, std::string>> out;
    const std::regex include(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        const auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".hpp") continue;
        std::ifstream in(entry.path());
        std::string line;
        std::smatch m;
        while (std::getline(in, line))
            if (std::regex_search(line, m, include)) out.emplace_back(entry.path().generic_string(), m[1]);
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
    // engine <- model <- protocol <- scenario <- exercise <- cli
    const std::vector<std::string> order{"engine", "model", "protocol", "scenario", "exercise", "cli"};
    for (std::size_t i = 0; i < order.size(); ++i) {
        for (const auto& [file, header] : includesUnder(fs::path(SAMVERKAN_SOURCE_DIR) / "sim" / order[i])) {
            for (std::size_t j = i + 1; j < order.size(); ++j) {
                INFO(file << " includes " << header);
                CHECK(header.rfind("sim/" + order[j] + "/", 0) != 0);
            }
        }
    }
}
