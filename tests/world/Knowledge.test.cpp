// A forum's joint situational picture holds what its members reported, nothing else.
#include <catch2/catch.hpp>

#include "sim/world/Knowledge.hpp"

using namespace samverkan;
using namespace samverkan::world;
using engine::kHour;
using engine::kMinute;

TEST_CASE("a picture holds per service the freshest level a member reported", "[world][knowledge][reports]") {
    ReportedKnowledge forum(2);
    forum.reported(0, 0, {0.8, 1 * kHour}, 1 * kHour + 30 * kMinute);
    forum.reported(1, 0, {0.5, 3 * kHour}, 3 * kHour + 30 * kMinute);
    forum.reported(2, 0, {0.9, 2 * kHour}, 2 * kHour + 30 * kMinute);
    const auto p = forum.compile({0, 1, 2}, 4 * kHour);
    CHECK(p.compiledAt == 4 * kHour);
    CHECK(p.services[0].observedAt == 3 * kHour);  // the fresher report wins, whoever made it
    CHECK(p.services[0].level == 0.5);
    CHECK(p.oldestObservation() == 3 * kHour);
}

TEST_CASE("a service nobody reported stays unknown, and one reported long ago stays stale",
          "[world][knowledge][reports]") {
    ReportedKnowledge forum(2);
    forum.reported(0, 0, {0.9, 1 * kHour}, 1 * kHour);
    const auto first = forum.compile({0}, 2 * kHour);
    CHECK(first.services[1].observedAt == -1);  // unknown: never reported
    // Hours later, with nothing new reported, the picture still rests on the old report.
    const auto later = forum.compile({0}, 8 * kHour);
    CHECK(later.services[0].observedAt == 1 * kHour);
    CHECK(later.services[0].level == 0.9);
    CHECK(later.services[1].observedAt == -1);
    // An older observation reported afterwards does not replace a fresher one.
    forum.reported(0, 0, {0.2, 30 * kMinute}, 9 * kHour);
    CHECK(forum.compile({0}, 9 * kHour).services[0].level == 0.9);
    CHECK(forum.lastReportAt(0) == 9 * kHour);
}

TEST_CASE("a report from an actor who is not a member is not in the picture", "[world][knowledge][reports]") {
    ReportedKnowledge forum(1);
    forum.reported(5, 0, {0.1, 2 * kHour}, 2 * kHour);
    forum.reported(0, 0, {0.7, 1 * kHour}, 1 * kHour);
    const auto p = forum.compile({0, 1}, 3 * kHour);
    CHECK(p.services[0].level == 0.7);
    CHECK(p.services[0].observedAt == 1 * kHour);
    CHECK(forum.compile({1}, 3 * kHour).services[0].observedAt == -1);
    CHECK(forum.lastReport(5, 0).level == 0.1);
    CHECK(forum.lastReportAt(3) == -1);
}
