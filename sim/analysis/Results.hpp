#pragma once
/// The results of a sweep: one row per run (the point, the run, its seed, the varied parameters'
/// values and the run's metrics), written as CSV or JSON and summarised per point. Every value is a
/// number (durations in hours, on/off as 1/0); a metric a run never reached is missing (NaN, an
/// empty CSV cell, JSON null).

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace samverkan::analysis {

/// Column names of varied parameters carry this prefix, e.g. "vary:activation.directing".
inline const std::string kVaryPrefix = "vary:";

struct Row {
    std::uint32_t point = 0, run = 0;
    std::uint64_t seed = 0;
    std::vector<double> values;  ///< the parameters, then the metrics, in the table's column order
};

struct Table {
    std::vector<std::string> params;   ///< without the prefix
    std::vector<std::string> metrics;
    std::vector<Row> rows;

    /// The CSV header: point,run,seed,vary:…,metrics…
    [[nodiscard]] std::string header() const;
    [[nodiscard]] std::size_t columns() const { return params.size() + metrics.size(); }
};

/// Percentile summary of one metric at one point (missing values left out; n counts the rest).
struct Stat {
    std::size_t n = 0;
    double mean = 0, median = 0, p10 = 0, p90 = 0;
};

struct PointSummary {
    std::uint32_t point = 0;
    std::vector<double> params;
    std::size_t runs = 0;
    std::vector<Stat> metrics;  ///< in the table's metric order
};

/// Summaries per point, in point order.
std::vector<PointSummary> summarise(const Table& table);
/// Linear interpolation between closest ranks (the usual "type 7"), on sorted values.
double percentile(const std::vector<double>& sorted, double p);

/// A number as the results write it: shortest round-trip form; "" for NaN.
std::string formatValue(double v);

/// One row per run.
std::string toCsv(const Table& table);
/// The summary per point as CSV: point, the parameters, runs, then per metric n, mean, median, p10, p90.
std::string summaryToCsv(const Table& table);
/// {"params":[…],"metrics":[…],"runs":[…],"points":[…]}.
std::string toJson(const Table& table);

/// Reads a results CSV written by toCsv. On error: nullopt and `error` says "line N: …".
std::optional<Table> readCsv(std::istream& in, std::string& error);

/// Combines the rows of shards of the same sweep, in (point, run) order. False with `error` if
/// the headers differ or a run appears twice.
bool merge(const std::vector<Table>& shards, Table& out, std::string& error);

}  // namespace samverkan::analysis
