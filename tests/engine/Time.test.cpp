#include <catch2/catch.hpp>

#include "sim/engine/Time.hpp"

using namespace samverkan::engine;

TEST_CASE("durations parse in the units people write", "[time]") {
    CHECK(parseDuration("90s") == 90 * kSecond);
    CHECK(parseDuration("15min") == 15 * kMinute);
    CHECK(parseDuration("2h") == 2 * kHour);
    CHECK(parseDuration("1d") == kDay);
    CHECK(parseDuration("1h30min") == 90 * kMinute);
    CHECK(parseDuration("1d6h") == 30 * kHour);
    CHECK(parseDuration("250ms") == 250);
    CHECK(parseDuration("0") == 0);
    CHECK(parseDuration("0min") == 0);
}

TEST_CASE("malformed durations are refused", "[time]") {
    for (const char* bad : {"", "ninety", "90", "h", "1.5h", "-2h", "2 h", "30min1h", "1h1h", "2hours", "1x", "99999999999999d"})
        CHECK_FALSE(parseDuration(bad).has_value());
}

TEST_CASE("offsets from the start carry a sign", "[time]") {
    CHECK(parseOffset("+2h") == 2 * kHour);
    CHECK(parseOffset("-30min") == -30 * kMinute);
    CHECK(parseOffset("2h") == 2 * kHour);
    CHECK(parseOffset("+0h") == 0);
    CHECK_FALSE(parseOffset("+").has_value());
    CHECK_FALSE(parseOffset("++2h").has_value());
}

TEST_CASE("durations print in the largest units that divide them", "[time]") {
    CHECK(formatDuration(0) == "0s");
    CHECK(formatDuration(90 * kMinute) == "1h30min");
    CHECK(formatDuration(kDay + 2 * kHour) == "1d2h");
    CHECK(formatDuration(-15 * kMinute) == "-15min");
    CHECK(formatDuration(1500) == "1s500ms");
    for (const Millis d : {Millis{1}, 59 * kSecond, 3 * kDay + 59 * kMinute, Millis{123456789}})
        CHECK(parseDuration(formatDuration(d)) == d);
}

TEST_CASE("ISO 8601 times with offset parse to UTC and print back", "[time]") {
    const auto t = parseIsoTime("2026-01-14T06:00+01:00");
    REQUIRE(t.has_value());
    // 2026-01-14T05:00Z: 20467 days after 1970-01-01, plus five hours.
    CHECK(t->epochMs == 20467LL * kDay + 5 * kHour);
    CHECK(t->offsetMinutes == 60);
    CHECK(formatIso(*t) == "2026-01-14T06:00+01:00");
    CHECK(parseIsoTime("1970-01-01T00:00Z")->epochMs == 0);
    CHECK(parseIsoTime("2024-02-29T12:30:15-05:30")->offsetMinutes == -330);
    CHECK(formatIso(*parseIsoTime("2024-02-29T12:30:15-05:30")) == "2024-02-29T12:30:15-05:30");
    CHECK(formatIso(*parseIsoTime("1969-12-31T23:59Z")) == "1969-12-31T23:59Z");
}

TEST_CASE("ISO times without offset or with impossible dates are refused", "[time]") {
    for (const char* bad : {"2026-01-14T06:00", "2026-13-01T00:00Z", "2025-02-29T00:00Z", "2026-01-14T24:00Z",
                            "2026-01-14T06:00+01:00x", "14/01/2026 06:00", "", "2026-01-14T06:60Z"})
        CHECK_FALSE(parseIsoTime(bad).has_value());
}

TEST_CASE("clock and elapsed time print for a timeline", "[time]") {
    const WallTime start = *parseIsoTime("2026-01-14T23:30+01:00");
    CHECK(formatClock(start, 0) == "2026-01-14 23:30");
    CHECK(formatClock(start, 45 * kMinute) == "2026-01-15 00:15");
    CHECK(formatElapsed(90 * kMinute) == "+01:30");
    CHECK(formatElapsed(kDay + 2 * kHour + 5 * kMinute) == "+1d02:05");
}

TEST_CASE("a moment to jump to is an offset from the start, a clock time or a date and time", "[time]") {
    // The snowstorm's start: 2026-01-14 06:00 at +01:00.
    const auto start = *parseIsoTime("2026-01-14T06:00+01:00");
    bool clock = true;
    // An offset from the start, as before.
    CHECK(parseMoment("+30h", start, 0, &clock) == 30 * kHour);
    CHECK_FALSE(clock);
    CHECK(parseMoment("2d", start, 5 * kHour, &clock) == 2 * kDay);
    // A clock time: the next time the local clock shows it — today if still ahead, else tomorrow.
    CHECK(parseMoment("14:00", start, 0, &clock) == 8 * kHour);
    CHECK(clock);
    CHECK(parseMoment("14:00", start, 8 * kHour, &clock) == 32 * kHour);  // it is 14:00 now: the next one
    CHECK(parseMoment("05:30", start, 0, &clock) == 23 * kHour + 30 * kMinute);
    CHECK(parseMoment(" 00:00 ", start, 0, &clock) == 18 * kHour);
    // A local date and time, with a space or a T.
    CHECK(parseMoment("2026-01-15 14:00", start, 0, &clock) == 32 * kHour);
    CHECK(clock);
    CHECK(parseMoment("2026-01-15T06:00", start, 0, &clock) == 24 * kHour);
    CHECK(parseMoment("2026-01-14 05:00", start, 0, &clock) == -kHour);  // before the start: the caller refuses it
    // Anything else is refused.
    for (const char* bad : {"24:00", "14:60", "1400", "14:0", "2026-02-30 10:00", "2026-13-01 10:00", "2026-01-15 1400", "tomorrow", ""})
        CHECK_FALSE(parseMoment(bad, start, 0, &clock).has_value());
}
