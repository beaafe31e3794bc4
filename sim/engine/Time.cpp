#include "sim/engine/Time.hpp"

#include <array>
#include <cstdio>
#include <limits>

namespace samverkan::engine {
namespace {


struct Unit {
    std::string_view name;
    Millis size;
};
// Longest names first so that "min" is not read as "m" + junk and "ms" before "s".
constexpr std::array<Unit, 5> kUnits{{{"min", kMinute}, {"ms", 1}, {"s", kSecond}, {"h", kHour}, {"d", kDay}}};

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Days since 1970-01-01 of a proleptic Gregorian date (era-based civil calendar arithmetic).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = m > 2 ? m - 3 : m + 9;
    const unsigned doy = (153 * mp + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
    std::int64_t year;
    unsigned month, day;
};

Civil civilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

unsigned daysInMonth(std::int64_t y, unsigned m) {
    static constexpr std::array<unsigned, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

// Reads exactly `width` digits at `pos`; advances pos.
std::optional<unsigned> readFixed(std::string_view s, std::size_t& pos, std::size_t width) {
    if (pos + width > s.size()) return std::nullopt;
    unsigned v = 0;
    for (std::size_t i = 0; i < width; ++i) {
        if (!isDigit(s[pos + i])) return std::nullopt;
        v = v * 10 + static_cast<unsigned>(s[pos + i] - '0');
    }
    pos += width;
    return v;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
    if (pos < s.size() && s[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

}  // namespace

std::optional<Millis> parseDuration(std::string_view text, bool* tooLong) {
    if (tooLong != nullptr) *tooLong = false;
    if (text == "0") return Millis{0};
    if (text.empty()) return std::nullopt;
    Millis total = 0;
    bool over = false;  // well formed so far, but past kMaxDuration: the arithmetic stops, the syntax check goes on
    std::size_t pos = 0;
    // Units must come largest first, each once: "30min1h" and "1h1h" are mistakes.
    Millis lastSize = std::numeric_limits<Millis>::max();
    while (pos < text.size()) {
        if (!isDigit(text[pos])) return std::nullopt;
        Millis value = 0;
        while (pos < text.size() && isDigit(text[pos])) {
            if (!over) value = value * 10 + (text[pos] - '0');
            if (value > kMaxDuration) over = true;
            ++pos;
        }
        const Unit* unit = nullptr;
        for (std::size_t i = 0; i < kUnits.size(); ++i) {
            if (text.substr(pos, kUnits[i].name.size()) == kUnits[i].name) {
                unit = &kUnits[i];
                break;
            }
        }
        if (unit == nullptr || unit->size >= lastSize) return std::nullopt;
        lastSize = unit->size;
        pos += unit->name.size();
        if (over || value > kMaxDuration / unit->size) {
            over = true;
            continue;
        }
        total += value * unit->size;
        if (total > kMaxDuration) over = true;
    }
    if (over) {
        if (tooLong != nullptr) *tooLong = true;
        return std::nullopt;
    }
    return total;
}

std::optional<Millis> parseOffset(std::string_view text, bool* tooLong) {
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        const auto d = parseDuration(text.substr(1), tooLong);
        if (!d) return std::nullopt;
        return text[0] == '-' ? -*d : *d;
    }
    return parseDuration(text, tooLong);
}

std::optional<WallTime> parseIsoTime(std::string_view s) {
    std::size_t pos = 0;
    const auto year = readFixed(s, pos, 4);
    if (!year || !expect(s, pos, '-')) return std::nullopt;
    const auto month = readFixed(s, pos, 2);
    if (!month || !expect(s, pos, '-')) return std::nullopt;
    const auto day = readFixed(s, pos, 2);
    if (!day || !(expect(s, pos, 'T') || expect(s, pos, ' '))) return std::nullopt;
    const auto hour = readFixed(s, pos, 2);
    if (!hour || !expect(s, pos, ':')) return std::nullopt;
    const auto minute = readFixed(s, pos, 2);
    if (!minute) return std::nullopt;
    unsigned second = 0;
    if (expect(s, pos, ':')) {
        const auto sec = readFixed(s, pos, 2);
        if (!sec) return std::nullopt;
        second = *sec;
    }
    if (*month < 1 || *month > 12 || *day < 1 || *day > daysInMonth(*year, *month) || *hour > 23 || *minute > 59 ||
        second > 59)
        return std::nullopt;
    int offset = 0;
    if (expect(s, pos, 'Z')) {
        offset = 0;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        const int sign = s[pos] == '-' ? -1 : 1;
        ++pos;
        const auto oh = readFixed(s, pos, 2);
        if (!oh) return std::nullopt;
        expect(s, pos, ':');
        const auto om = readFixed(s, pos, 2);
        if (!om || *oh > 14 || *om > 59) return std::nullopt;
        offset = sign * static_cast<int>(*oh * 60 + *om);
    } else {
        return std::nullopt;
    }
    if (pos != s.size()) return std::nullopt;
    const std::int64_t days = daysFromCivil(*year, *month, *day);
    const std::int64_t localMs = days * kDay + *hour * kHour + *minute * kMinute + second * kSecond;
    return WallTime{localMs - offset * kMinute, offset};
}

std::string formatDuration(Millis duration) {
    if (duration == 0) return "0s";
    std::string out = duration < 0 ? "-" : "";
    Millis rest = duration < 0 ? -duration : duration;
    static constexpr std::array<Unit, 5> kDescending{{{"d", kDay}, {"h", kHour}, {"min", kMinute}, {"s", kSecond}, {"ms", 1}}};
    for (const auto& unit : kDescending) {
        if (rest >= unit.size) {
            out += std::to_string(rest / unit.size);
            out += unit.name;
            rest %= unit.size;
        }
    }
    return out;
}

namespace {
std::string twoDigits(std::int64_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", static_cast<int>(v));
    return buf;
}

std::string formatLocal(std::int64_t localMs, bool withSeconds) {
    const std::int64_t days = floorDiv(localMs, kDay);
    const std::int64_t ms = localMs - days * kDay;
    const Civil c = civilFromDays(days);
    char buf[40];
    const int hh = static_cast<int>(ms / kHour), mm = static_cast<int>(ms % kHour / kMinute);
    const int ss = static_cast<int>(ms % kMinute / kSecond);
    if (withSeconds && ss != 0)
        std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d", static_cast<long long>(c.year), c.month, c.day, hh, mm, ss);
    else
        std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u%c%02d:%02d", static_cast<long long>(c.year), c.month, c.day,
                      withSeconds ? 'T' : ' ', hh, mm);
    std::string out = buf;
    return out;
}
}  // namespace

std::string formatIso(const WallTime& time) {
    std::string out = formatLocal(time.epochMs + time.offsetMinutes * kMinute, true);
    if (time.offsetMinutes == 0) return out + "Z";
    const int abs = time.offsetMinutes < 0 ? -time.offsetMinutes : time.offsetMinutes;
    out += time.offsetMinutes < 0 ? "-" : "+";
    return out + twoDigits(abs / 60) + ":" + twoDigits(abs % 60);
}

std::string formatClock(const WallTime& start, Millis t) {
    return formatLocal(start.epochMs + t + start.offsetMinutes * kMinute, false);
}

std::string formatElapsed(Millis t) {
    std::string out = t < 0 ? "-" : "+";
    const Millis a = t < 0 ? -t : t;
    if (a >= kDay) out += std::to_string(a / kDay) + "d";
    return out + twoDigits(a % kDay / kHour) + ":" + twoDigits(a % kHour / kMinute);
}

std::optional<Millis> parseMoment(std::string_view text, const WallTime& start, Millis now, bool* clock) {
    if (clock != nullptr) *clock = false;
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    const auto digits = [](std::string_view s, std::size_t from, std::size_t n) -> std::optional<int> {
        if (from + n > s.size()) return std::nullopt;
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return std::nullopt;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    // "hh:mm" at the end of the text, after an optional "YYYY-MM-DD " or "YYYY-MM-DDT".
    const auto hhmm = [&](std::size_t from) -> std::optional<Millis> {
        if (text.size() != from + 5 || text[from + 2] != ':') return std::nullopt;
        const auto h = digits(text, from, 2), m = digits(text, from + 3, 2);
        if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
        return *h * kHour + *m * kMinute;
    };
    const Millis startLocal = start.epochMs + start.offsetMinutes * kMinute;
    if (const auto time = hhmm(0)) {
        const Millis nowLocal = startLocal + now;
        const Millis day = nowLocal >= 0 ? nowLocal / kDay * kDay : (nowLocal - kDay + 1) / kDay * kDay;
        Millis target = day + *time;
        if (target <= nowLocal) target += kDay;
        if (clock != nullptr) *clock = true;
        return target - startLocal;
    }
    if (text.size() == 16 && text[4] == '-' && text[7] == '-' && (text[10] == ' ' || text[10] == 'T')) {
        const auto y = digits(text, 0, 4), mo = digits(text, 5, 2), d = digits(text, 8, 2);
        const auto time = hhmm(11);
        if (!y || !mo || !d || !time || *mo < 1 || *mo > 12 || *d < 1 || static_cast<unsigned>(*d) > daysInMonth(*y, static_cast<unsigned>(*mo)))
            return std::nullopt;
        if (clock != nullptr) *clock = true;
        return daysFromCivil(*y, static_cast<unsigned>(*mo), static_cast<unsigned>(*d)) * kDay + *time - startLocal;
    }
    return parseOffset(text);
}

}  // namespace samverkan::engine
