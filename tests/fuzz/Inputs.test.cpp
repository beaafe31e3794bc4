// Every committed fuzz input, corpus and regression alike, through its target once: in the release
// and the sanitizer builds, so that an input that once crashed a loader keeps being tried.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fuzz/Targets.hpp"

using namespace samverkan;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> filesUnder(const fs::path& dir) {
    std::vector<fs::path> out;
    if (!fs::is_directory(dir)) return out;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.is_regular_file()) out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string contentOf(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("each fuzz target has a committed corpus", "[fuzz]") {
    for (const auto& t : fuzz::targets()) {
        INFO(t.name);
        CHECK(filesUnder(fs::path("tests/fuzz/corpus") / t.name).size() >= 3);
    }
}

TEST_CASE("every committed corpus entry and regression input runs through its target", "[fuzz]") {
    for (const auto& t : fuzz::targets()) {
        for (const char* folder : {"tests/fuzz/corpus", "tests/fuzz/regressions"}) {
            for (const auto& file : filesUnder(fs::path(folder) / t.name)) {
                INFO(file.string());
                CHECK_NOTHROW(t.run(contentOf(file)));
            }
        }
    }
}
