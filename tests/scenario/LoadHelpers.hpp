#pragma once
// Shared by the loader tests: a scenario that must load.

#include <catch2/catch.hpp>

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

}  // namespace samverkan::test
