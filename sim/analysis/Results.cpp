#include "sim/analysis/Results.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <istream>
#include <map>
#include <sstream>

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

double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return std::nan("");
    const double rank = p * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(rank));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - static_cast<double>(lo));
}

std::vector<PointSummary> summarise(const Table& table) {
    std::vector<PointSummary> out;
    std::map<std::uint32_t, std::vector<const Row*>> byPoint;
    for (const auto& r : table.rows) byPoint[r.point].push_back(&r);
    for (const auto& [point, rows] : byPoint) {
        PointSummary s;
        s.point = point;
        s.runs = rows.size();
        s.params.assign(rows.front()->values.begin(), rows.front()->values.begin() + static_cast<std::ptrdiff_t>(table.params.size()));
        for (std::size_t m = 0; m < table.metrics.size(); ++m) {
            std::vector<double> v;
            for (const auto* r : rows) {
                const double x = r->values[table.params.size() + m];
                if (!std::isnan(x)) v.push_back(x);
            }
            Stat st;
            st.n = v.size();
            if (!v.empty()) {
                std::sort(v.begin(), v.end());
                double sum = 0;
                for (const double x : v) sum += x;
                st.mean = sum / static_cast<double>(v.size());
                st.median = percentile(v, 0.5);
                st.p10 = percentile(v, 0.1);
                st.p90 = percentile(v, 0.9);
            } else {
                st.mean = st.median = st.p10 = st.p90 = std::nan("");
            }
            s.metrics.push_back(st);
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::string toCsv(const Table& table) {
    std::string out = table.header() + "\n";
    for (const auto& r : table.rows) {
        out += std::to_string(r.point) + "," + std::to_string(r.run) + "," + std::to_string(r.seed);
        for (const double v : r.values) out += "," + formatValue(v);
        out += "\n";
    }
    return out;
}

std::string summaryToCsv(const Table& table) {
    std::string out = "point";
    for (const auto& p : table.params) out += "," + kVaryPrefix + p;
    out += ",runs";
    for (const auto& m : table.metrics)
        for (const char* stat : {"n", "mean", "median", "p10", "p90"}) out += "," + m + ":" + stat;
    out += "\n";
    for (const auto& s : summarise(table)) {
        out += std::to_string(s.point);
        for (const double p : s.params) out += "," + formatValue(p);
        out += "," + std::to_string(s.runs);
        for (const auto& st : s.metrics)
            out += "," + std::to_string(st.n) + "," + formatValue(st.mean) + "," + formatValue(st.median) + "," + formatValue(st.p10) + "," +
                   formatValue(st.p90);
        out += "\n";
    }
    return out;
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
}  // namespace

std::string toJson(const Table& table) {
    std::string out = "{\"params\":" + jsonNames(table.params) + ",\"metrics\":" + jsonNames(table.metrics) + ",\n\"runs\":[";
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const auto& r = table.rows[i];
        out += std::string(i ? ",\n" : "\n") + "{\"point\":" + std::to_string(r.point) + ",\"run\":" + std::to_string(r.run) +
               ",\"seed\":" + std::to_string(r.seed) + ",\"params\":{";
        for (std::size_t p = 0; p < table.params.size(); ++p)
            out += (p ? "," : "") + jsonString(table.params[p]) + ":" + jsonNumber(r.values[p]);
        out += "},\"metrics\":{";
        for (std::size_t m = 0; m < table.metrics.size(); ++m)
            out += (m ? "," : "") + jsonString(table.metrics[m]) + ":" + jsonNumber(r.values[table.params.size() + m]);
        out += "}}";
    }
    out += "],\n\"points\":[";
    const auto summaries = summarise(table);
    for (std::size_t i = 0; i < summaries.size(); ++i) {
        const auto& s = summaries[i];
        out += std::string(i ? ",\n" : "\n") + "{\"point\":" + std::to_string(s.point) + ",\"runs\":" + std::to_string(s.runs) + ",\"params\":{";
        for (std::size_t p = 0; p < table.params.size(); ++p) out += (p ? "," : "") + jsonString(table.params[p]) + ":" + jsonNumber(s.params[p]);
        out += "},\"metrics\":{";
        for (std::size_t m = 0; m < table.metrics.size(); ++m) {
            const auto& st = s.metrics[m];
            out += (m ? "," : "") + jsonString(table.metrics[m]) + ":{\"n\":" + std::to_string(st.n) + ",\"mean\":" + jsonNumber(st.mean) +
                   ",\"median\":" + jsonNumber(st.median) + ",\"p10\":" + jsonNumber(st.p10) + ",\"p90\":" + jsonNumber(st.p90) + "}";
        }
        out += "}}";
    }
    return out + "]}\n";
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

std::optional<Table> readCsv(std::istream& in, std::string& error) {
    std::string line;
    if (!std::getline(in, line)) {
        error = "line 1: empty file, expected the header point,run,seed,…";
        return std::nullopt;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto header = splitCsv(line);
    if (header.size() < 3 || header[0] != "point" || header[1] != "run" || header[2] != "seed") {
        error = "line 1: not a sweep's results: the header must start with point,run,seed";
        return std::nullopt;
    }
    Table t;
    for (std::size_t i = 3; i < header.size(); ++i) {
        if (header[i].rfind(kVaryPrefix, 0) == 0) {
            if (!t.metrics.empty()) {
                error = "line 1: column " + std::to_string(i + 1) + ": parameters must come before metrics";
                return std::nullopt;
            }
            t.params.push_back(header[i].substr(kVaryPrefix.size()));
        } else {
            t.metrics.push_back(header[i]);
        }
    }
    for (std::size_t n = 2; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        const auto cells = splitCsv(line);
        if (cells.size() != header.size()) {
            error = "line " + std::to_string(n) + ": " + std::to_string(cells.size()) + " cells, expected " + std::to_string(header.size()) +
                    (cells.size() < header.size() ? " (a truncated file?)" : "");
            return std::nullopt;
        }
        Row r;
        if (!parseInteger(cells[0], r.point) || !parseInteger(cells[1], r.run) || !parseInteger(cells[2], r.seed)) {
            error = "line " + std::to_string(n) + ": point, run and seed must be whole numbers";
            return std::nullopt;
        }
        for (std::size_t i = 3; i < cells.size(); ++i) {
            double v = 0;
            if (!parseNumber(cells[i], v)) {
                error = "line " + std::to_string(n) + ": column " + std::to_string(i + 1) + " (" + header[i] + "): \"" + cells[i] + "\" is not a number";
                return std::nullopt;
            }
            r.values.push_back(v);
        }
        t.rows.push_back(std::move(r));
    }
    return t;
}

bool merge(const std::vector<Table>& shards, Table& out, std::string& error) {
    out = Table{};
    if (shards.empty()) {
        error = "nothing to merge";
        return false;
    }
    out.params = shards.front().params;
    out.metrics = shards.front().metrics;
    for (std::size_t i = 0; i < shards.size(); ++i) {
        if (shards[i].header() != out.header()) {
            error = "shard " + std::to_string(i + 1) + " has other columns than shard 1: not the same sweep";
            return false;
        }
        out.rows.insert(out.rows.end(), shards[i].rows.begin(), shards[i].rows.end());
    }
    std::sort(out.rows.begin(), out.rows.end(), [](const Row& a, const Row& b) { return a.point != b.point ? a.point < b.point : a.run < b.run; });
    for (std::size_t i = 1; i < out.rows.size(); ++i)
        if (out.rows[i].point == out.rows[i - 1].point && out.rows[i].run == out.rows[i - 1].run) {
            error = "point " + std::to_string(out.rows[i].point) + " run " + std::to_string(out.rows[i].run) + " appears in two shards";
            return false;
        }
    return true;
}

}  // namespace samverkan::analysis
