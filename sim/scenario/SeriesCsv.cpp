// An hourly series in the layout of SMHI's open-data CSV downloads: header blocks separated by
// blank lines, then the data header "Datum;Tid (UTC);<parameter>;Kvalitet…" and one line per hour,
// "2022-11-20;13:00:00;1.2;G", where the value is what was measured in the hour up to that time.
#include "sim/scenario/SeriesCsv.hpp"

#include <cmath>
#include <cstdlib>

#include "sim/engine/Time.hpp"
#include "sim/scenario/InputFile.hpp"

namespace samverkan::scenario {
namespace {

struct Field {
    std::string_view text;
    int column = 1;  // 1-based, in bytes
};

std::vector<Field> split(std::string_view line) {
    std::vector<Field> out;
    std::size_t start = 0;
    while (true) {
        const auto end = line.find(';', start);
        out.push_back({line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start),
                       static_cast<int>(start) + 1});
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::string shown(std::string_view s) {
    std::string out(s.substr(0, 40));
    if (s.size() > 40) out += "…";
    return out;
}

}  // namespace

SeriesRead readSmhiCsv(const std::string& path, const SeriesWindow& window, std::size_t maxBytes) {
    SeriesRead out;
    const auto fail = [&](int line, int column, std::string message) {
        out.diagnostics.push_back({path, line, column, std::move(message)});
    };
    std::string text, error;
    if (!readInputFile(path, maxBytes, text, error)) {
        fail(0, 0, "cannot read the weather series: " + error);
        return out;
    }
    std::size_t pos = 0;
    int lineNo = 0;
    bool inData = false;
    std::int64_t previous = 0;  // the last row's time stamp, ms since the epoch (UTC)
    int previousLine = 0;
    std::size_t rows = 0;  // rows with a good time
    const std::int64_t earliest = window.startEpochMs - window.before;
    const std::int64_t latest = window.startEpochMs + window.duration;
    while (pos < text.size() && out.diagnostics.size() < 20) {
        auto end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + pos, end - pos);
        pos = end + 1;
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!inData) {
            // The data header starts the rows; everything above it describes the station.
            if (line.rfind("Datum;Tid (UTC);", 0) == 0) {
                inData = true;
            } else if (line.rfind("Datum,", 0) == 0 || line.rfind("Datum\t", 0) == 0) {
                fail(lineNo, 6, "fields must be separated by ';' (the layout of SMHI's open-data CSV); this line uses '" +
                                    std::string(1, line[5]) + "'");
                return out;
            }
            continue;
        }
        if (trim(line).empty()) continue;
        const auto fields = split(line);
        if (fields.size() < 4) {
            const bool otherSeparator = line.find(',') != std::string_view::npos || line.find('\t') != std::string_view::npos;
            fail(lineNo, 1,
                 otherSeparator ? "fields must be separated by ';' (the layout of SMHI's open-data CSV: date;time (UTC);value;quality)"
                                : "a row needs four fields, date;time (UTC);value;quality; got " + std::to_string(fields.size()));
            continue;
        }
        const auto date = trim(fields[0].text), time = trim(fields[1].text);
        const auto stamp = engine::parseIsoTime(std::string(date) + "T" + std::string(time) + "Z");
        if (!stamp) {
            fail(lineNo, fields[0].column, "not a date and time: \"" + shown(date) + ";" + shown(time) +
                                               "\" (expected e.g. 2022-11-20;13:00:00, in UTC)");
            continue;
        }
        if (stamp->epochMs % engine::kHour != 0) {
            fail(lineNo, fields[1].column, "an hourly series has its values on the hour; got " + shown(time));
            continue;
        }
        const std::int64_t t = stamp->epochMs;
        if (rows > 0) {
            if (t <= previous) {
                fail(lineNo, fields[0].column, "times out of order: " + engine::formatIso({t, 0}) + " comes after " +
                                                   engine::formatIso({previous, 0}) + " (line " + std::to_string(previousLine) + ")");
                continue;
            }
            if (t - previous != engine::kHour) {
                fail(lineNo, fields[0].column,
                     "missing hours: " + engine::formatIso({t, 0}) + " follows " + engine::formatIso({previous, 0}) +
                         " (line " + std::to_string(previousLine) +
                         "); an hourly series needs every hour (SMHI leaves out hours without a value: fill them in "
                         "after checking what happened)");
                previous = t;  // one gap is one problem: the rows after it are read against this one
                previousLine = lineNo;
                ++rows;
                continue;
            }
        }
        // The time follows the last: the next row follows this one, whatever its value.
        previous = t;
        previousLine = lineNo;
        ++rows;
        // The value stamped t is what came in the hour up to t.
        if (t - engine::kHour < earliest || t > latest) {
            fail(lineNo, fields[0].column,
                 "the hour up to " + engine::formatIso({t, 0}) + " is outside the scenario (" + engine::formatIso({earliest, 0}) +
                     " to " + engine::formatIso({latest, 0}) +
                     "); cut the file to the scenario, or let it reach further back with 'before'");
            continue;
        }
        const auto valueText = trim(fields[2].text);
        const std::string valueString(valueText);
        char* valueEnd = nullptr;
        const double value = std::strtod(valueString.c_str(), &valueEnd);
        if (valueString.empty() || valueEnd != valueString.c_str() + valueString.size() || !std::isfinite(value)) {
            fail(lineNo, fields[2].column, "the value must be a number; got \"" + shown(valueText) + "\"" +
                                               (valueText.find(',') != std::string_view::npos ? " (SMHI writes decimals with a point)" : ""));
            continue;
        }
        if (value < 0) {
            fail(lineNo, fields[2].column, "the value must not be negative; got " + valueString);
            continue;
        }
        const auto quality = trim(fields[3].text);
        if (quality != "G" && quality != "Y") {
            fail(lineNo, fields[3].column, "unknown quality code \"" + shown(quality) +
                                               "\" (SMHI marks values G, checked, or Y, suspect or aggregated)");
            continue;
        }
        if (out.values.empty()) out.firstStepStartEpochMs = t - engine::kHour;
        out.values.push_back(value);
    }
    if (!inData && out.diagnostics.empty())
        fail(1, 1, "no data header \"Datum;Tid (UTC);…\" (the layout of SMHI's open-data CSV downloads)");
    else if (rows == 0 && out.diagnostics.empty())
        fail(lineNo, 1, "the weather series has no rows");
    return out;
}

}  // namespace samverkan::scenario
