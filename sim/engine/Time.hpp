#pragma once
/// Simulated time: integer milliseconds, with parsing and printing of the units people write.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace samverkan::engine {

/// Simulated time or duration in milliseconds. Simulated time 0 is the scenario's start.
using Millis = std::int64_t;

inline constexpr Millis kSecond = 1000;
inline constexpr Millis kMinute = 60 * kSecond;
inline constexpr Millis kHour = 60 * kMinute;
inline constexpr Millis kDay = 24 * kHour;

/// The longest duration the parsers read: 36 500 days (about 100 years).
inline constexpr Millis kMaxDuration = 36500 * kDay;

/// Parses a duration made of one or more `<integer><unit>` parts, units `ms`, `s`, `min`, `h`, `d`,
/// largest first, e.g. "90s", "15min", "2h", "1d", "1h30min". "0" alone is zero. Returns nothing for
/// anything else, including a well-formed duration longer than kMaxDuration (then `*tooLong` is
/// set, so that the caller can say so).
std::optional<Millis> parseDuration(std::string_view text, bool* tooLong = nullptr);

/// Parses a signed offset from the scenario start: "+2h", "-30min", or a bare duration ("2h").
std::optional<Millis> parseOffset(std::string_view text, bool* tooLong = nullptr);

/// A moment on the civil calendar: milliseconds since 1970-01-01T00:00Z and the UTC offset it was
/// written with (minutes), so that it prints back in the same local time.
struct WallTime {
    std::int64_t epochMs = 0;
    int offsetMinutes = 0;
    bool operator==(const WallTime&) const = default;
};

/// Parses ISO 8601 `YYYY-MM-DDThh:mm[:ss][Z|±hh:mm]`; the offset is required ("Z" counts).
std::optional<WallTime> parseIsoTime(std::string_view text);

/// Prints a duration in the largest units that divide it: 5400000 -> "1h30min", 0 -> "0s",
/// negative values with a leading '-'.
std::string formatDuration(Millis duration);

/// Prints `YYYY-MM-DDThh:mm±hh:mm` (seconds only when not zero).
std::string formatIso(const WallTime& time);

/// Prints the local clock time of simulated time `t` after `start`: "2026-01-14 07:30".
std::string formatClock(const WallTime& start, Millis t);

/// Prints simulated time as an offset from the start: "+1d02:30" or "+02:30".
std::string formatElapsed(Millis t);

/// A moment to jump to, as simulated time after `start`: an offset from the start ("+30h", "2d",
/// as parseOffset), a clock time ("14:00": the next time the local clock of the start's offset
/// shows it after `now`), or a local date and time ("2026-01-15 14:00" or with a "T"). `clock` is
/// set to whether it was a clock time or date rather than an offset. Nothing for anything else.
std::optional<Millis> parseMoment(std::string_view text, const WallTime& start, Millis now, bool* clock = nullptr);

}  // namespace samverkan::engine
