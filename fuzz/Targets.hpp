#pragma once
// The fuzz targets' bodies, shared by the libFuzzer harnesses (fuzz/*Fuzz.cpp) and the test that
// runs the committed corpus and regressions in every test build (tests/fuzz/Inputs.test.cpp).
// A target returns normally for every input; a crash, an exception, a leak, a hang or a broken
// promise of the loader (no value and no diagnostic) is a finding.

#include <string>
#include <string_view>
#include <vector>

namespace samverkan::fuzz {

/// A scenario file's text, read as `scenarios/fuzz-input.yaml` (its region and map from disk).
void runScenario(const std::string& input);
/// A region file's text, read as `scenarios/regions/fuzz-input.yaml`.
void runRegion(const std::string& input);
/// A region's map file's text (samverkan-map/1), read against the shipped Stockholm region.
void runMap(const std::string& input);
/// A separate play file's text, read against each shipped scenario.
void runPlay(const std::string& input);
/// A journal's bytes; a journal that reads is run again against the shipped scenario it names.
void runJournal(const std::string& input);

/// The targets by name: scenario, region, map, play, journal.
using Target = void (*)(const std::string&);
struct NamedTarget {
    std::string_view name;
    Target run;
};
const std::vector<NamedTarget>& targets();

}  // namespace samverkan::fuzz
