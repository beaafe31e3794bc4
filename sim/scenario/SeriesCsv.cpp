// An hourly series in the layout of SMHI's open-data CSV downloads: header blocks separated by
// blank lines, then the data header "Datum;Tid (UTC);<parameter>;Kvalitet…" and one line per hour,
// "2022-11-20;13:00:00;1.2;G", where the value is what was measured in the hour up to that time.
#include "sim/scenario/SeriesCsv.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/engine/Time.hpp"
#include "sim/protocol/CommandFields.hpp"
#include "sim/scenario/Decimal.hpp"
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

// A separator as a message shows it: a tab or a space in words (either is invisible between
// quotes), a control character by its code, anything else between quotes.
std::string separatorName(std::string_view sep) {
    if (sep == "\t") return "a tab";
    if (sep == " ") return "a space";
    if (sep.size() == 1 && static_cast<unsigned char>(sep[0]) < 0x20) {
        char code[8];
        std::snprintf(code, sizeof code, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(sep[0])));
        return std::string("the control character ") + code;
    }
    return "'" + std::string(sep) + "'";
}

// The separator a line starting "Datum" puts before "Tid (UTC)" (empty if it is not such a line):
// "Datum,Tid (UTC),…" from a spreadsheet's export, "Datum\tTid (UTC)\t…" from a copy and paste.
std::string_view headerSeparator(std::string_view line) {
    if (line.rfind("Datum", 0) != 0) return {};
    const auto tid = line.find("Tid (UTC)", 5);
    if (tid == std::string_view::npos || tid == 5 || tid - 5 > 4) return {};
    return line.substr(5, tid - 5);
}

// The separator after a row's date ("2022-11-20,13:00:00,…"), or empty.
std::string_view rowSeparator(std::string_view line) {
    if (line.size() < 12) return {};
    for (std::size_t i = 0; i < 10; ++i) {
        const bool digit = line[i] >= '0' && line[i] <= '9';
        if ((i == 4 || i == 7) ? line[i] != '-' : !digit) return {};
    }
    if (line[10] == ';') return {};
    return line.substr(10, 1);
}

}  // namespace

SeriesRead readSmhiCsv(const std::string& path, const SeriesWindow& window, double factor, std::size_t maxBytes) {
    SeriesRead out;
    const auto fail = [&](int line, int column, std::string message) {
        out.diagnostics.push_back({path, line, column, std::move(message)});
    };
    std::string text, error;
    if (!readInputFile(path, maxBytes, text, error)) {
        fail(0, 0, "cannot read the weather series: " + error);
        return out;
    }
    // A byte-order mark, as a spreadsheet program leaves it when it saves the file: not part of
    // the first line, so that its columns count as an editor shows them.
    std::size_t pos = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    int lineNo = 0;
    bool inData = false;
    std::int64_t previous = 0;  // the last row's time stamp, ms since the epoch (UTC)
    int previousLine = 0;
    std::size_t rows = 0;  // rows with a good time
    // Each hour read in order, with its line: a time again is a repeat of the line it was first on.
    std::vector<std::pair<std::int64_t, int>> seen;
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
            } else if (const auto sep = headerSeparator(line); !sep.empty() && sep != ";") {
                fail(lineNo, 6,
                     "fields must be separated by ';' (the layout of SMHI's open-data CSV); this line uses " +
                         separatorName(sep));
                return out;
            }
            continue;
        }
        if (trim(line).empty()) continue;
        const auto fields = split(line);
        if (fields.size() < 4) {
            if (const auto sep = rowSeparator(line); !sep.empty()) {
                fail(lineNo, 11,
                     "fields must be separated by ';' (the layout of SMHI's open-data CSV: "
                     "date;time (UTC);value;quality); this row uses " + separatorName(sep));
                continue;
            }
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
                // `seen` is in time order: every time in it came after the one before.
                const auto first = std::lower_bound(seen.begin(), seen.end(), std::pair<std::int64_t, int>{t, 0});
                if (first != seen.end() && first->first == t)
                    fail(lineNo, fields[0].column,
                         "the hour " + engine::formatIso({t, 0}) + " is repeated: line " + std::to_string(lineNo) +
                             " gives it again after line " + std::to_string(first->second) +
                             "; an hourly series gives each hour once");
                else
                    fail(lineNo, fields[0].column,
                         "times out of order: " + engine::formatIso({t, 0}) + " comes after " +
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
                seen.emplace_back(t, lineNo);
                ++rows;
                continue;
            }
        }
        // The time follows the last: the next row follows this one, whatever its value.
        previous = t;
        previousLine = lineNo;
        seen.emplace_back(t, lineNo);
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
        // The column of the value itself, past any spaces before it.
        const auto lead = fields[2].text.find_first_not_of(" \t");
        const int valueColumn = fields[2].column + (lead == std::string_view::npos ? 0 : static_cast<int>(lead));
        const auto decimal = readDecimal(valueText);
        if (decimal.negative) {
            fail(lineNo, valueColumn, "the value must not be negative; got " + shown(valueText));
            continue;
        }
        if (!decimal.value) {
            fail(lineNo, valueColumn,
                 "the value must be a number; got \"" + shown(valueText) + "\"" +
                     (decimal.problem == DecimalProblem::decimalComma ? " (SMHI writes decimals with a point)"
                                                                      : decimalHint(decimal, valueText)));
            continue;
        }
        const double value = *decimal.value * factor;
        if (!std::isfinite(value)) {
            fail(lineNo, valueColumn,
                 "the value " + shown(valueText) + " times the series' factor " + protocol::formatNumber(factor) +
                     " is too large to hold");
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
