// Dates on the civil calendar for the standing meetings (proleptic Gregorian, days since 1970-01-01;
// after H. Hinnant's days_from_civil / civil_from_days).
#include "sim/model/Region.hpp"

namespace samverkan::model {
namespace {

struct Date {
    std::int64_t year;
    int month, day;  // 1–12, 1–31
};

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : (a - b + 1) / b; }

std::int64_t daysFromCivil(Date d) {
    const std::int64_t y = d.month <= 2 ? d.year - 1 : d.year;
    const std::int64_t era = floorDiv(y, 400);
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (d.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = floorDiv(z, 146097);
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

// ISO weekday of a day count: 1970-01-01 was a Thursday.
int weekdayOf(std::int64_t days) { return static_cast<int>(((days + 3) % 7 + 7) % 7) + 1; }

// The meeting's day in the month of `d`, as a day count.
std::int64_t meetingDay(const MonthlyMeeting& m, Date d) {
    if (m.day > 0) return daysFromCivil({d.year, d.month, m.day});
    const std::int64_t first = daysFromCivil({d.year, d.month, 1});
    return first + (m.weekday - weekdayOf(first) + 7) % 7 + 7 * (m.week - 1);
}

}  // namespace

std::int64_t nextMonthlyMeeting(const MonthlyMeeting& meeting, std::int64_t localNotBefore) {
    Date month = civilFromDays(floorDiv(localNotBefore, engine::kDay));
    for (;;) {
        const std::int64_t at = meetingDay(meeting, month) * engine::kDay + meeting.timeOfDay;
        if (at >= localNotBefore) return at;
        month = month.month == 12 ? Date{month.year + 1, 1, 1} : Date{month.year, month.month + 1, 1};
    }
}

}  // namespace samverkan::model
