#pragma once
// Helpers for end-to-end tests over the shipped scenes.

#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "sim/exercise/Exercise.hpp"

namespace samverkan::test {

using engine::kDay;
using engine::kHour;
using engine::kMinute;
using engine::Millis;
using protocol::JournalEntry;

/// Loads a shipped scenario once per test run.
inline const scenario::Scenario& shipped(const std::string& name) {
    static std::map<std::string, scenario::Scenario> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        auto loaded = scenario::loadScenario("scenarios/" + name + ".yaml");
        INFO((loaded.diagnostics.empty() ? std::string{} : loaded.diagnostics.front().str()));
        REQUIRE(loaded.ok());
        it = cache.emplace(name, std::move(*loaded.value)).first;
    }
    return it->second;
}

/// Runs a shipped scenario's play to the end.
inline std::unique_ptr<exercise::Exercise> play(const std::string& name, const std::string& playName,
                                                std::optional<std::uint64_t> seed = std::nullopt) {
    exercise::Options o;
    o.playName = playName;
    o.seed = seed;
    auto run = std::make_unique<exercise::Exercise>(shipped(name), o);
    run->runToEnd();
    return run;
}

/// The first entry matching kind (and forum, ref, actor when given); fails the test if none.
inline const JournalEntry& first(const exercise::Exercise& run, const std::string& kind, const std::string& forum = {},
                                 const std::string& ref = {}, const std::string& actor = {}) {
    for (const auto& e : run.journal().entries())
        if (protocol::kindName(e.kind) == kind && (forum.empty() || e.forum == forum) && (ref.empty() || e.ref == ref) &&
            (actor.empty() || e.actor == actor))
            return e;
    FAIL("no journal entry " << kind << " " << forum << " " << ref << " " << actor);
    throw std::logic_error("unreachable");
}

inline std::vector<JournalEntry> all(const exercise::Exercise& run, const std::string& kind, const std::string& forum = {},
                                     const std::string& ref = {}) {
    std::vector<JournalEntry> out;
    for (const auto& e : run.journal().entries())
        if (protocol::kindName(e.kind) == kind && (forum.empty() || e.forum == forum) && (ref.empty() || e.ref == ref)) out.push_back(e);
    return out;
}

/// The entry as its journal line, data and words included.
inline std::string line(const exercise::Exercise& run, const JournalEntry& e) { return run.journal().line(e); }
/// The entry's sentence.
inline model::Text text(const exercise::Exercise& run, const JournalEntry& e) { return run.renderer().event(e); }

inline bool has(const exercise::Exercise& run, const std::string& kind, const std::string& forum = {}) {
    return !all(run, kind, forum).empty();
}

}  // namespace samverkan::test
