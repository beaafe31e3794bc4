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

/// Reads `path`: header blocks, then "Datum;Tid (UTC);…" and rows date;time (UTC);value;quality.
/// Every hour must follow the one before; rows outside `window`, non-numeric or negative values,
/// other separators and unknown quality codes are errors. Stops after 20 problems.
SeriesRead readSmhiCsv(const std::string& path, const SeriesWindow& window, std::size_t maxBytes);

}  // namespace samverkan::scenario
