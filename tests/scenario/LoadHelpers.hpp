#pragma once
// Shared by the loader tests: a scenario that must load.

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "sim/scenario/Scenario.hpp"

namespace samverkan::test {

/// Loads a scenario, failing the test with its first diagnostic if it does not load.
inline scenario::Scenario load(const std::string& path) {
    auto loaded = scenario::loadScenario(path);
    INFO((loaded.diagnostics.empty() ? std::string{} : loaded.diagnostics.front().str()));
    REQUIRE(loaded.ok());
    return std::move(*loaded.value);
}

/// A file's whole text.
inline std::string readText(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace samverkan::test
