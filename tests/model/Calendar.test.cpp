#include <catch2/catch.hpp>

#include "sim/engine/Time.hpp"
#include "sim/model/Region.hpp"

using namespace samverkan;
using namespace samverkan::model;

namespace {
// Local milliseconds of a wall time written as "YYYY-MM-DDThh:mm" (read as UTC: the calendar is local).
std::int64_t local(const std::string& at) { return engine::parseIsoTime(at + "Z")->epochMs; }
std::string clock(std::int64_t localMs) { return engine::formatIso({localMs, 0}); }
}  // namespace

TEST_CASE("R2: a monthly meeting on the n-th weekday of the month falls on that weekday's date", "[model][calendar]") {
    MonthlyMeeting secondTuesday{"samordningsgrupp", 0, 2, 2, 9 * engine::kHour, "physical", "assumption"};
    // February 2026 begins on a Sunday: its Tuesdays are the 3rd, 10th, …
    CHECK(clock(nextMonthlyMeeting(secondTuesday, local("2026-02-03T08:00"))) == "2026-02-10T09:00Z");
    // At the meeting's own time it is that meeting; a minute later, next month's.
    CHECK(clock(nextMonthlyMeeting(secondTuesday, local("2026-02-10T09:00"))) == "2026-02-10T09:00Z");
    CHECK(clock(nextMonthlyMeeting(secondTuesday, local("2026-02-10T09:01"))) == "2026-03-10T09:00Z");
    // September 2026 begins on a Tuesday; December's meeting leads into January of the next year.
    CHECK(clock(nextMonthlyMeeting(secondTuesday, local("2026-09-01T00:00"))) == "2026-09-08T09:00Z");
    CHECK(clock(nextMonthlyMeeting(secondTuesday, local("2026-12-09T00:00"))) == "2027-01-12T09:00Z");
    // The fourth Friday of February 2028 (a leap year beginning on a Tuesday).
    MonthlyMeeting fourthFriday{"samordningsgrupp", 0, 4, 5, 13 * engine::kHour, "telephone", "assumption"};
    CHECK(clock(nextMonthlyMeeting(fourthFriday, local("2028-02-01T00:00"))) == "2028-02-25T13:00Z");
}

TEST_CASE("R2: a monthly meeting on a day of the month", "[model][calendar]") {
    MonthlyMeeting fifteenth{"samordningsgrupp", 15, 0, 0, 10 * engine::kHour + 30 * engine::kMinute, "physical", "assumption"};
    CHECK(clock(nextMonthlyMeeting(fifteenth, local("2026-01-20T00:00"))) == "2026-02-15T10:30Z");
    CHECK(clock(nextMonthlyMeeting(fifteenth, local("2026-12-15T11:00"))) == "2027-01-15T10:30Z");
    // Before 1970 too: the day count is floored, not truncated.
    CHECK(clock(nextMonthlyMeeting(fifteenth, local("1969-12-31T12:00"))) == "1970-01-15T10:30Z");
}
