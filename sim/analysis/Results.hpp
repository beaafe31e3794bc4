#pragma once
/// The results of a sweep: one row per run (the point, the run, its seed, the varied parameters'
/// values and the run's metrics), written as CSV or JSON and summarised per point. Every value is a
/// number (durations in hours, on/off as 1/0); a metric a run never reached is missing (NaN, an
/// empty CSV cell, JSON null).

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/analysis/StreamingStat.hpp"

namespace samverkan::exercise {
class ScratchFile;
}

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

struct PointSummary {
    std::uint32_t point = 0;
    std::vector<double> params;
    std::size_t runs = 0;
    std::vector<Stat> metrics;  ///< in the table's metric order
};

/// Summaries per point, in point order (exact up to StreamingStat::kExactValues runs a point).
std::vector<PointSummary> summarise(const Table& table);

/// Summaries per point from runs that come point by point (the runs of a point together, as a sweep
/// hands them out): one point's StreamingStats at a time, so memory does not grow with the runs.
class PointSummariser {
public:
    PointSummariser(std::size_t params, std::size_t metrics);
    /// Adds a run. If it begins a new point, the one before is complete: true, its summary in `done`.
    bool add(const Row& row, PointSummary& done);
    /// The last point's summary: true if there was one.
    bool finish(PointSummary& done);

private:
    void complete(PointSummary& done);
    std::size_t m_params;
    bool m_open = false;
    PointSummary m_current;  // the point, its parameters and runs so far
    std::vector<StreamingStat> m_stats;
};

/// A number as the results write it: shortest round-trip form; "" for NaN.
std::string formatValue(double v);

/// One row per run.
std::string toCsv(const Table& table);
/// The summary per point as CSV: point, the parameters, runs, then per metric n, mean, median, p10, p90.
std::string summaryToCsv(const Table& table);
/// {"params":[…],"metrics":[…],"runs":[…],"points":[…]}.
std::string toJson(const Table& table);

/// Writes results as the runs come, in (point, run) order, in memory that does not grow with them:
/// CSV rows at once; summary rows as each point completes; JSON runs at once and its points, which
/// follow all the runs, in a scratch file until finish(). The bytes are those toCsv, summaryToCsv
/// and toJson give for the same rows.
class ResultsWriter {
public:
    enum class Format { csv, summary, json };
    /// Writes the header. `columns`: the parameters and metrics (its rows are not read).
    ResultsWriter(std::ostream& out, const Table& columns, Format format);
    ~ResultsWriter();
    ResultsWriter(const ResultsWriter&) = delete;
    ResultsWriter& operator=(const ResultsWriter&) = delete;

    /// Writes one run; false (and why, in `error`) if it could not be written.
    bool add(const Row& row, std::string& error);
    /// Writes what follows the last run (the last point's summary, the JSON's points and end).
    bool finish(std::string& error);

private:
    void point(const PointSummary& summary);
    std::ostream& m_out;
    Table m_columns;
    Format m_format;
    PointSummariser m_summariser;
    std::size_t m_runs = 0, m_points = 0;
    std::unique_ptr<exercise::ScratchFile> m_pointsJson;  // JSON: the points, until the runs are written
    std::string m_error;
};

/// Reads a results CSV written by toCsv, row by row. Errors say "line N: …".
class CsvReader {
public:
    explicit CsvReader(std::istream& in);
    /// Reads the header line into `columns` (parameters and metrics; no rows).
    bool header(Table& columns, std::string& error);
    /// Reads the next row; false at the end (with `error` empty) or on a bad line.
    bool next(Row& row, std::string& error);
    /// The line last read (1-based).
    [[nodiscard]] std::size_t line() const { return m_line; }

private:
    std::istream& m_in;
    std::vector<std::string> m_header;
    std::size_t m_line = 1;
};

/// Reads a whole results CSV written by toCsv. On error: nullopt and `error` says "line N: …".
std::optional<Table> readCsv(std::istream& in, std::string& error);

/// Reads a shard through to its end: its header (into `columns`), every row, and the rows in
/// (point, run) order. False with `error` ("line N: …") otherwise.
bool checkShard(CsvReader& shard, Table& columns, std::string& error);

/// Merges shards of one sweep (each checked, all with the same columns, read again from their
/// start) into `out` in (point, run) order, a row at a time: memory does not grow with the runs.
/// Otherwise `error` says why: a run that appears in two shards, a shard changed since it was
/// checked (badShard), or a row that could not be written (writeFailed).
enum class MergeOutcome { merged, badShard, writeFailed };
MergeOutcome mergeShards(const std::vector<CsvReader*>& shards, ResultsWriter& out, std::string& error);

}  // namespace samverkan::analysis
