#include "sim/analysis/Results.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <istream>
#include <map>
#include <sstream>

#include "sim/exercise/Files.hpp"

namespace samverkan::analysis {

std::string Table::header() const {
    std::string h = "point,run,seed";
    for (const auto& p : params) h += "," + kVaryPrefix + p;
    for (const auto& m : metrics) h += "," + m;
    return h;
}

std::string formatValue(double v) {
    if (std::isnan(v)) return {};
    if (v == 0) return "0";  // no "-0"
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

namespace {

std::string jsonNumber(double v) { return std::isnan(v) ? "null" : formatValue(v); }
std::string jsonString(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}
std::string jsonNames(const std::vector<std::string>& names) {
    std::string out = "[";
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? "," : "") + jsonString(names[i]);
    return out + "]";
}

// The pieces of each format, shared by the functions on whole tables and by ResultsWriter, so
// that both give the same bytes.

std::string csvRow(const Row& r) {
    std::string out = std::to_string(r.point) + "," + std::to_string(r.run) + "," + std::to_string(r.seed);
    for (const double v : r.values) out += "," + formatValue(v);
    return out + "\n";
}

std::string summaryHeader(const Table& table) {
    std::string out = "point";
    for (const auto& p : table.params) out += "," + kVaryPrefix + p;
    out += ",runs";
    for (const auto& m : table.metrics)
        for (const char* stat : {"n", "mean", "median", "p10", "p90"}) out += "," + m + ":" + stat;
    return out + "\n";
}

std::string summaryRow(const PointSummary& s) {
    std::string out = std::to_string(s.point);
    for (const double p : s.params) out += "," + formatValue(p);
    out += "," + std::to_string(s.runs);
    for (const auto& st : s.metrics)
        out += "," + std::to_string(st.n) + "," + formatValue(st.mean) + "," + formatValue(st.median) + "," + formatValue(st.p10) + "," +
               formatValue(st.p90);
    return out + "\n";
}

std::string jsonHead(const Table& table) {
    return "{\"params\":" + jsonNames(table.params) + ",\"metrics\":" + jsonNames(table.metrics) + ",\n\"runs\":[";
}

const std::string kJsonBetween = "],\n\"points\":[";
const std::string kJsonEnd = "]}\n";

std::string jsonRun(const Table& table, const Row& r, bool first) {
    std::string out = std::string(first ? "\n" : ",\n") + "{\"point\":" + std::to_string(r.point) + ",\"run\":" + std::to_string(r.run) +
                      ",\"seed\":" + std::to_string(r.seed) + ",\"params\":{";
    for (std::size_t p = 0; p < table.params.size(); ++p) out += (p ? "," : "") + jsonString(table.params[p]) + ":" + jsonNumber(r.values[p]);
    out += "},\"metrics\":{";
    for (std::size_t m = 0; m < table.metrics.size(); ++m)
        out += (m ? "," : "") + jsonString(table.metrics[m]) + ":" + jsonNumber(r.values[table.params.size() + m]);
    return out + "}}";
}

std::string jsonPoint(const Table& table, const PointSummary& s, bool first) {
    std::string out = std::string(first ? "\n" : ",\n") + "{\"point\":" + std::to_string(s.point) + ",\"runs\":" + std::to_string(s.runs) +
                      ",\"params\":{";
    for (std::size_t p = 0; p < table.params.size(); ++p) out += (p ? "," : "") + jsonString(table.params[p]) + ":" + jsonNumber(s.params[p]);
    out += "},\"metrics\":{";
    for (std::size_t m = 0; m < table.metrics.size(); ++m) {
        const auto& st = s.metrics[m];
        out += (m ? "," : "") + jsonString(table.metrics[m]) + ":{\"n\":" + std::to_string(st.n) + ",\"mean\":" + jsonNumber(st.mean) +
               ",\"median\":" + jsonNumber(st.median) + ",\"p10\":" + jsonNumber(st.p10) + ",\"p90\":" + jsonNumber(st.p90) + "}";
    }
    return out + "}}";
}

}  // namespace

PointSummariser::PointSummariser(std::size_t params, std::size_t metrics) : m_params(params), m_stats(metrics) {}

bool PointSummariser::add(const Row& row, PointSummary& done) {
    const bool completed = m_open && row.point != m_current.point;
    if (completed) complete(done);
    if (!m_open) {
        m_open = true;
        m_current.point = row.point;
        m_current.params.assign(row.values.begin(), row.values.begin() + static_cast<std::ptrdiff_t>(m_params));
        m_current.runs = 0;
    }
    ++m_current.runs;
    for (std::size_t m = 0; m < m_stats.size(); ++m) m_stats[m].add(row.values[m_params + m]);
    return completed;
}

bool PointSummariser::finish(PointSummary& done) {
    if (!m_open) return false;
    complete(done);
    return true;
}

void PointSummariser::complete(PointSummary& done) {
    done.point = m_current.point;
    done.params = m_current.params;
    done.runs = m_current.runs;
    done.metrics.clear();
    for (auto& st : m_stats) {
        done.metrics.push_back(st.stat());
        st.clear();
    }
    m_open = false;
}

std::vector<PointSummary> summarise(const Table& table) {
    // The runs of each point together, in point order, each point's in the table's order.
    std::vector<const Row*> rows;
    rows.reserve(table.rows.size());
    for (const auto& r : table.rows) rows.push_back(&r);
    std::stable_sort(rows.begin(), rows.end(), [](const Row* a, const Row* b) { return a->point < b->point; });
    std::vector<PointSummary> out;
    PointSummariser summariser(table.params.size(), table.metrics.size());
    PointSummary done;
    for (const auto* r : rows)
        if (summariser.add(*r, done)) out.push_back(done);
    if (summariser.finish(done)) out.push_back(done);
    return out;
}

std::string toCsv(const Table& table) {
    std::string out = table.header() + "\n";
    for (const auto& r : table.rows) out += csvRow(r);
    return out;
}

std::string summaryToCsv(const Table& table) {
    std::string out = summaryHeader(table);
    for (const auto& s : summarise(table)) out += summaryRow(s);
    return out;
}

std::string toJson(const Table& table) {
    std::string out = jsonHead(table);
    for (std::size_t i = 0; i < table.rows.size(); ++i) out += jsonRun(table, table.rows[i], i == 0);
    out += kJsonBetween;
    const auto summaries = summarise(table);
    for (std::size_t i = 0; i < summaries.size(); ++i) out += jsonPoint(table, summaries[i], i == 0);
    return out + kJsonEnd;
}

ResultsWriter::ResultsWriter(std::ostream& out, const Table& columns, Format format)
    : m_out(out), m_format(format), m_summariser(columns.params.size(), columns.metrics.size()) {
    m_columns.params = columns.params;
    m_columns.metrics = columns.metrics;
    switch (m_format) {
        case Format::csv: m_out << m_columns.header() << "\n"; break;
        case Format::summary: m_out << summaryHeader(m_columns); break;
        case Format::json:
            m_out << jsonHead(m_columns);
            m_pointsJson = std::make_unique<exercise::ScratchFile>();
            if (!m_pointsJson->open(m_error)) m_pointsJson.reset();
            break;
    }
}

ResultsWriter::~ResultsWriter() = default;

void ResultsWriter::point(const PointSummary& summary) {
    if (m_format == Format::summary) m_out << summaryRow(summary);
    else if (m_pointsJson) m_pointsJson->stream() << jsonPoint(m_columns, summary, m_points == 0);
    ++m_points;
}

bool ResultsWriter::add(const Row& row, std::string& error) {
    if (!m_error.empty()) return error = m_error, false;
    if (m_format == Format::csv) m_out << csvRow(row);
    else if (m_format == Format::json) m_out << jsonRun(m_columns, row, m_runs == 0);
    ++m_runs;
    if (m_format != Format::csv) {
        PointSummary done;
        if (m_summariser.add(row, done)) point(done);
    }
    if (!m_out) m_error = "cannot write the results";
    else if (m_pointsJson && !m_pointsJson->stream()) m_error = "cannot write a temporary file";
    if (!m_error.empty()) return error = m_error, false;
    return true;
}

bool ResultsWriter::finish(std::string& error) {
    if (!m_error.empty()) return error = m_error, false;
    PointSummary done;
    if (m_format != Format::csv && m_summariser.finish(done)) point(done);
    if (m_format == Format::json) {
        m_out << kJsonBetween;
        if (!m_pointsJson->copyTo(m_out, error)) return false;
        m_out << kJsonEnd;
    }
    m_out.flush();
    if (!m_out) return error = "cannot write the results", false;
    return true;
}

namespace {
std::vector<std::string> splitCsv(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    for (const char c : line) {
        if (c == ',') cells.push_back(std::move(cell)), cell.clear();
        else cell += c;
    }
    cells.push_back(std::move(cell));
    return cells;
}

bool parseNumber(const std::string& s, double& out) {
    if (s.empty()) return out = std::nan(""), true;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

template <class T>
bool parseInteger(const std::string& s, T& out) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}
}  // namespace

CsvReader::CsvReader(std::istream& in) : m_in(in) {}

bool CsvReader::header(Table& columns, std::string& error) {
    std::string line;
    if (!std::getline(m_in, line)) {
        error = "line 1: empty file, expected the header point,run,seed,…";
        return false;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    m_header = splitCsv(line);
    if (m_header.size() < 3 || m_header[0] != "point" || m_header[1] != "run" || m_header[2] != "seed") {
        error = "line 1: not a sweep's results: the header must start with point,run,seed";
        return false;
    }
    columns = Table{};
    for (std::size_t i = 3; i < m_header.size(); ++i) {
        if (m_header[i].rfind(kVaryPrefix, 0) == 0) {
            if (!columns.metrics.empty()) {
                error = "line 1: column " + std::to_string(i + 1) + ": parameters must come before metrics";
                return false;
            }
            columns.params.push_back(m_header[i].substr(kVaryPrefix.size()));
        } else {
            columns.metrics.push_back(m_header[i]);
        }
    }
    return true;
}

bool CsvReader::next(Row& r, std::string& error) {
    error.clear();
    std::string line;
    while (std::getline(m_in, line)) {
        ++m_line;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        const auto cells = splitCsv(line);
        const std::string at = "line " + std::to_string(m_line) + ": ";
        if (cells.size() != m_header.size()) {
            error = at + std::to_string(cells.size()) + " cells, expected " + std::to_string(m_header.size()) +
                    (cells.size() < m_header.size() ? " (a truncated file?)" : "");
            return false;
        }
        r = Row{};
        if (!parseInteger(cells[0], r.point) || !parseInteger(cells[1], r.run) || !parseInteger(cells[2], r.seed)) {
            error = at + "point, run and seed must be whole numbers";
            return false;
        }
        for (std::size_t i = 3; i < cells.size(); ++i) {
            double v = 0;
            if (!parseNumber(cells[i], v)) {
                error = at + "column " + std::to_string(i + 1) + " (" + m_header[i] + "): \"" + cells[i] + "\" is not a number";
                return false;
            }
            r.values.push_back(v);
        }
        return true;
    }
    return false;
}

std::optional<Table> readCsv(std::istream& in, std::string& error) {
    CsvReader reader(in);
    Table t;
    if (!reader.header(t, error)) return std::nullopt;
    for (Row r; reader.next(r, error);) t.rows.push_back(std::move(r));
    if (!error.empty()) return std::nullopt;
    return t;
}

namespace {
bool before(const Row& a, const Row& b) { return a.point != b.point ? a.point < b.point : a.run < b.run; }
}  // namespace

bool checkShard(CsvReader& shard, Table& columns, std::string& error) {
    if (!shard.header(columns, error)) return false;
    std::optional<Row> last;
    for (Row r; shard.next(r, error);) {
        if (last && !before(*last, r)) {
            error = "line " + std::to_string(shard.line()) + ": point " + std::to_string(r.point) + " run " + std::to_string(r.run) +
                    " comes after point " + std::to_string(last->point) + " run " + std::to_string(last->run) +
                    "; a shard's runs are in (point, run) order, as the sweep wrote them";
            return false;
        }
        last = std::move(r);
    }
    return error.empty();
}

MergeOutcome mergeShards(const std::vector<CsvReader*>& shards, ResultsWriter& out, std::string& error) {
    std::vector<std::optional<Row>> heads(shards.size());
    const auto advance = [&](std::size_t i) {
        Row r;
        if (shards[i]->next(r, error)) heads[i] = std::move(r);
        else heads[i].reset();
        return error.empty();
    };
    Table columns;
    for (std::size_t i = 0; i < shards.size(); ++i)
        if (!shards[i]->header(columns, error) || !advance(i)) return MergeOutcome::badShard;
    std::optional<Row> last;
    for (;;) {
        std::size_t next = shards.size();
        for (std::size_t i = 0; i < shards.size(); ++i)
            if (heads[i] && (next == shards.size() || before(*heads[i], *heads[next]))) next = i;
        if (next == shards.size()) return MergeOutcome::merged;
        Row row = std::move(*heads[next]);
        if (last && !before(*last, row)) {
            error = "point " + std::to_string(row.point) + " run " + std::to_string(row.run) + " appears in two shards";
            return MergeOutcome::badShard;
        }
        if (!out.add(row, error)) return MergeOutcome::writeFailed;
        if (!advance(next)) return MergeOutcome::badShard;
        last = std::move(row);
    }
}

}  // namespace samverkan::analysis
