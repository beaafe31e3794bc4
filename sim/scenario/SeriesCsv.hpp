#pragma once
/// Reading an hourly weather series from a CSV file in the layout of SMHI's open-data downloads.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/Time.hpp"
#include "sim/scenario/Diagnostic.hpp"

namespace samverkan::scenario {

/// The time a series may cover: from `before` ahead of the scenario's start to its end.
struct SeriesWindow {
    std::int64_t startEpochMs = 0;
    engine::Millis duration = 0;
    engine::Millis before = 0;
};

/// The values hour by hour, the first hour beginning at `firstStepStartEpochMs`; or the problems,
/// each with the CSV file's line and column.
struct SeriesRead {
    std::vector<double> values;
    std::int64_t firstStepStartEpochMs = 0;
    std::vector<Diagnostic> diagnostics;
};

/// Reads `path`: header blocks, then "Datum;Tid (UTC);…" and rows date;time (UTC);value;quality;
/// a byte-order mark before the first line is skipped. Each value is multiplied by `factor` (the
/// file's unit in the hazard's). Every hour must follow the one before; an hour given twice, rows
/// out of order or outside `window`, values that are not decimal numbers (std::from_chars: no '+',
/// hexadecimal, infinity or NaN) or are negative or too large to hold once multiplied, other
/// separators and unknown quality codes are errors. Stops after 20 problems.
SeriesRead readSmhiCsv(const std::string& path, const SeriesWindow& window, double factor, std::size_t maxBytes);

}  // namespace samverkan::scenario
