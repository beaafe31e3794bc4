// What validation refuses, class by class, in variants of the minimal scenarios: each edit of a
// good file gives exactly one first diagnostic that names the real cause.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/scenario/Scenario.hpp"
#include "tests/scenario/LoadHelpers.hpp"

using namespace samverkan;
namespace fs = std::filesystem;

namespace {
using test::readText;
// The good file with `from` replaced by `to` (which must occur), its region named by an absolute
// path so that the copy loads from the temporary folder.
std::string variant(const std::string& good, const std::string& from, const std::string& to) {
    std::string text = readText(good);
    const std::string regionRef = "region: ../../../scenarios/regions/stockholm.yaml";
    text.replace(text.find(regionRef), regionRef.size(),
                 "region: " + std::string(SAMVERKAN_SOURCE_DIR) + "/scenarios/regions/stockholm.yaml");
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return text;
}

std::vector<scenario::Diagnostic> load(const std::string& text) {
    // One file per process: ctest runs this file's test cases side by side, each writing its variants.
    const auto path = (fs::temp_directory_path() / ("samverkan-validation-variant-" + std::to_string(::getpid()) + ".yaml")).string();
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    return scenario::loadScenario(path).diagnostics;
}

struct Case {
    const char* from;
    const char* to;
    const char* message;
};

void checkAll(const std::string& good, const std::vector<Case>& cases) {
    for (const auto& c : cases) {
        INFO(c.to);
        const auto d = load(variant(good, c.from, c.to));
        REQUIRE_FALSE(d.empty());
        CHECK(d.front().message == c.message);
    }
}

const std::string kWorld = "tests/data/good/minimal-world.yaml";
const std::string kMinimal = "tests/data/good/minimal.yaml";
const std::string kRoads =
    "{id: roads, name: {sv: Vägar, en: Roads}, hazard: wind, sensitivity: 0.01, resource: crews, need: 5, recovery: "
    "0.5}";
}  // namespace

TEST_CASE("the variants' good files load", "[validation]") {
    CHECK(load(variant(kWorld, "seed: 7", "seed: 7")).empty());
    CHECK(load(variant(kMinimal, "seed: 7", "seed: 7")).empty());
}

TEST_CASE("a world model's figures have the sign they need", "[validation][world]") {
    checkAll(kWorld,
             {
                 {"capacity: 5", "capacity: -1", "capacity must not be negative; got -1"},
                 {"need: 5", "need: 0", "need must be more than 0; got 0"},
                 {"need: 5", "need: -2", "need must be more than 0; got -2"},
                 {"sensitivity: 0.01", "sensitivity: -0.01", "sensitivity must not be negative; got -0.01"},
                 {"recovery: 0.5", "recovery: -0.5", "recovery must not be negative; got -0.5"},
                 {"base: {value: 1000, source: test}", "base: {value: -1000, source: test}",
                  "base must not be negative; got -1000"},
                 {"peak: 20", "peak: 0", "peak must be more than 0; got 0"},
                 {"recovery: 0.5}", "recovery: 0.5, initial: 1.5}", "initial must be a level from 0 to 1; got 1.5"},
                 {"recovery: 0.5}", "recovery: 0.5, blocked_by: [{demand: travellers, weight: -1}]}",
                  "weight must not be negative; got -1"},
                 {"depends_on: roads}", "depends_on: roads, boost: {resource: crews, need: 0, max: 0.5}}",
                  "boost need must be more than 0; got 0"},
                 {"depends_on: roads}", "depends_on: roads, boost: {resource: crews, need: 2, max: 2}}",
                  "boost max must be a level from 0 to 1; got 2"},
             });
}

TEST_CASE("a hazard's times fit the hazard and the scenario", "[validation][world]") {
    checkAll(kWorld, {
                         {"duration: 6h}", "duration: 0h}", "duration must be longer than 0"},
                         {"duration: 6h}", "duration: 6h, ramp: 3h1min}",
                          "ramp 3h1min is longer than the hazard allows: it rises over the ramp and falls over it "
                          "again, so two ramps must fit in its duration (6h)"},
                         {"onset: {value: 2h, spread: 30min}", "onset: {value: 13h, spread: 30min}",
                          "onset is after the scenario's end (its duration is 12h)"},
                     });
    CHECK(load(variant(kWorld, "duration: 6h}", "duration: 6h, ramp: 3h}")).empty());
}

TEST_CASE("a spread is no larger than its value", "[validation][world]") {
    checkAll(
        kWorld,
        {
            {"onset: {value: 2h, spread: 30min}", "onset: {value: 2h, spread: 2h1min}",
             "onset.spread 2h1min is larger than its value 2h (a draw lies within value ± spread, and would fall below "
             "0)"},
            {"peak: 20", "peak: {value: 20, spread: 25}",
             "peak.spread 25 is larger than its value 20 (a draw lies within value ± spread, and would fall below 0)"},
            {"peak: 20", "peak: {value: 20, spread: -1}", "peak.spread must not be negative; got -1"},
            {"duration: 6h}", "duration: {value: 6h, spread: 7h}}",
             "duration.spread 7h is larger than its value 6h (a draw lies within value ± spread, and would fall below "
             "0)"},
        });
    CHECK(load(variant(kWorld, "spread: 30min", "spread: 2h")).empty());
}

TEST_CASE("every kind of id in a world model is defined once", "[validation][world][duplicates]") {
    checkAll(kWorld,
             {
                 {"  demands:\n",
                  "    - {id: wind, name: {sv: Storm, en: Storm}, unit: m/s, onset: 3h, peak: 3, duration: 2h}\n  "
                  "demands:\n",
                  "hazard 'wind' is defined twice (first at line 24)"},
                 {"  resources:\n",
                  "    - {id: travellers, name: {sv: Bilar, en: Cars}, unit: cars/h, base: 5}\n  resources:\n",
                  "demand 'travellers' is defined twice (first at line 26)"},
                 {"  services:\n",
                  "    - {id: crews, name: {sv: Plogar, en: Ploughs}, owner: trafikverket, capacity: 2, list: "
                  "repair}\n  services:\n",
                  "resource 'crews' is defined twice (first at line 28)"},
                 {"{id: buses,", "{id: roads,", "service 'roads' is defined twice (first at line 30)"},
                 {"terms: [{service: buses, demand: travellers}]}",
                  "terms: [{service: buses, demand: travellers}]}\n    - {id: stranded, name: {sv: S, en: S}, unit: h, "
                  "terms: [{service: roads, demand: travellers}]}",
                  "outcome 'stranded' is defined twice (first at line 33)"},
                 {"default_order: [roads]", "default_order: [roads, roads]", "default_order names 'roads' twice"},
             });
}

TEST_CASE("a priority list's order names services the list orders", "[validation][world][references]") {
    const std::string base =
        "      - {on: {inject: warning}, after: 10min, role: lansstyrelsen, do: convene, forum: coordinating, medium: "
        "telephone}\n";
    const auto step = [&](const std::string& s) {
        return base + "      - {at: +1h, role: lansstyrelsen, do: set-priorities, forum: coordinating, " + s + "}\n";
    };
    checkAll(kWorld,
             {
                 {base.c_str(), step("list: repiar, order: [roads]").c_str(),
                  "unknown priority list 'repiar' (did you mean 'repair'?)"},
                 {base.c_str(), step("list: repair, order: [roads, buses]").c_str(),
                  "priority list 'repair' does not order 'buses' (it orders roads)"},
                 {base.c_str(), step("list: repair, order: [roads, raods]").c_str(),
                  "priority list 'repair' does not order 'raods' (did you mean 'roads'?)"},
                 {base.c_str(), step("list: repair, order: [roads, roads]").c_str(), "order names 'roads' twice"},
             });
    CHECK(load(variant(kWorld, base, step("list: repair, order: [roads]"))).empty());
}

TEST_CASE("an empty text in either language is refused wherever texts are read", "[validation][texts]") {
    checkAll(kMinimal,
             {
                 {"title: {sv: Minimal, en: Minimal}", "title: {sv: Minimal, en: \"\"}", "title.en must not be empty"},
                 {"title: {sv: Minimal, en: Minimal}", "title: {sv: \" \", en: Minimal}", "title.sv must not be empty"},
                 {"description: {sv: Referens, en: Reference}", "description: {sv: Referens, en: \"\\t\"}",
                  "description.en must not be empty"},
                 {"medium: telephone}",
                  "medium: telephone}\n      - {at: +1h, role: lansstyrelsen, do: report, forum: coordinating, text: "
                  "{sv: \"\", en: Report}}",
                  "text.sv must not be empty"},
             });
}

TEST_CASE("times and windows lie within the scenario and are longer than nothing", "[validation][times]") {
    checkAll(kMinimal,
             {
                 {"at: +0h", "at: +12h1min", "'at' +12h1min is after the scenario's end (its duration is 12h)"},
                 {"medium: telephone}",
                  "medium: telephone}\n      - {at: +1d, role: lansstyrelsen, do: deactivate, forum: coordinating}",
                  "'at' +1d is after the scenario's end (its duration is 12h)"},
             });
    CHECK(load(variant(kMinimal, "at: +0h", "at: +12h")).empty());
}

TEST_CASE("a condition on what is known says the range a level can take", "[validation][messages]") {
    const std::string base =
        "      - {on: {inject: warning}, after: 10min, role: lansstyrelsen, do: convene, forum: coordinating, medium: "
        "telephone}\n";
    const auto step = [&](const std::string& known) {
        return base + "      - {on: {known: {service: roads, " + known +
               "}, forum: coordinating}, role: lansstyrelsen, do: call-in, forum: coordinating, actor: polisen}\n";
    };
    const std::string belowRange =
        "'below' must be a level above 0 and at most 1 (a service's level runs from 0, gone, to 1, normal; nothing is "
        "below 0); got ";
    const std::string aboveRange =
        "'above' must be a level from 0 and below 1 (a service's level runs from 0, gone, to 1, normal; nothing is "
        "above 1); got ";
    checkAll(kWorld, {
                         {base.c_str(), step("below: 2").c_str(), (belowRange + "\"2\"").c_str()},
                         {base.c_str(), step("below: 0").c_str(), (belowRange + "\"0\"").c_str()},
                         {base.c_str(), step("above: 1").c_str(), (aboveRange + "\"1\"").c_str()},
                         {base.c_str(), step("above: -0.5").c_str(), (aboveRange + "\"-0.5\"").c_str()},
                     });
    CHECK(load(variant(kWorld, base, step("below: 1"))).empty());
    CHECK(load(variant(kWorld, base, step("above: 0"))).empty());
}

TEST_CASE("a separate play file gets the same checks of its steps", "[validation][plays]") {
    const auto scenario = scenario::loadScenario(kMinimal);
    REQUIRE(scenario.ok());
    const auto playFile = [&](const std::string& steps) {
        const auto path = (fs::temp_directory_path() / "samverkan-validation.play.yaml").string();
        std::ofstream(path, std::ios::binary | std::ios::trunc)
            << "format: samverkan-play/1\nscenario: minimal\nname: extra\ndescription: {sv: Extra, en: Extra}\nsteps:\n"
            << steps;
        return scenario::loadPlayFile(path, *scenario.value).diagnostics;
    };
    const auto report = [](const std::string& name, const std::string& at) {
        return "  - {name: " + name + ", " + at +
               ", role: lansstyrelsen, do: report, forum: coordinating, text: {sv: L, en: S}}\n";
    };
    CHECK(playFile(report("a", "at: +1h")).empty());
    auto d = playFile(report("a", "at: +1h") + report("a", "at: +2h"));
    REQUIRE_FALSE(d.empty());
    CHECK(d.front().str().find(":7:5: error: step 'a' is defined twice (first at line 6)") != std::string::npos);
    d = playFile(
        "  - {on: {decision: own}, role: trafikverket, do: agree-decision, id: own, topic: priorities, text: {sv: E, "
        "en: O}}\n");
    REQUIRE_FALSE(d.empty());
    CHECK(d.front().message == "the step at line 6 is triggered by itself");
    d = playFile(report("a", "at: +13h"));
    REQUIRE_FALSE(d.empty());
    CHECK(d.front().message == "'at' +13h is after the scenario's end (its duration is 12h)");
}
