#include "sim/analysis/History.hpp"

#include "sim/engine/Hash.hpp"

#include <sqlite3.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

namespace samverkan::analysis {

namespace {

// A prepared statement that finalises itself.
class Statement {
public:
    Statement(sqlite3* db, const std::string& sql) { sqlite3_prepare_v2(db, sql.c_str(), -1, &m_stmt, nullptr); }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    [[nodiscard]] bool ok() const { return m_stmt != nullptr; }
    Statement& bind(int i, const std::string& v) {
        sqlite3_bind_text(m_stmt, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int i, std::int64_t v) {
        sqlite3_bind_int64(m_stmt, i, v);
        return *this;
    }
    Statement& bind(int i, double v) {
        sqlite3_bind_double(m_stmt, i, v);
        return *this;
    }
    Statement& null(int i) {
        sqlite3_bind_null(m_stmt, i);
        return *this;
    }
    int step() { return sqlite3_step(m_stmt); }
    void reset() {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    [[nodiscard]] std::string text(int c) const {
        const auto* t = sqlite3_column_text(m_stmt, c);
        return t ? reinterpret_cast<const char*>(t) : "";
    }
    [[nodiscard]] std::int64_t integer(int c) const { return sqlite3_column_int64(m_stmt, c); }
    [[nodiscard]] std::optional<double> real(int c) const {
        if (sqlite3_column_type(m_stmt, c) == SQLITE_NULL) return std::nullopt;
        return sqlite3_column_double(m_stmt, c);
    }

private:
    sqlite3_stmt* m_stmt = nullptr;
};

bool exec(sqlite3* db, const std::string& sql, std::string& error) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return true;
    error = message ? message : "unknown SQLite error";
    sqlite3_free(message);
    return false;
}

// The WHERE clause of a filter, with its values bound from 1 in order.
std::string whereOf(const HistoryFilter& f, std::vector<std::string>& values) {
    std::string w = " WHERE 1=1";
    if (!f.scenario.empty()) w += " AND r.scenario = ?", values.push_back(f.scenario);
    if (!f.kind.empty()) w += " AND r.kind = ?", values.push_back(f.kind);
    if (!f.label.empty()) w += " AND r.label = ?", values.push_back(f.label);
    if (!f.since.empty()) w += " AND r.recorded_at >= ?", values.push_back(f.since);
    return w;
}

}  // namespace

const std::vector<std::vector<std::string>>& History::migrations() {
    static const std::vector<std::vector<std::string>> steps{
        // Version 1: runs and their metrics.
        {"CREATE TABLE runs(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, scenario TEXT NOT NULL, scenario_hash TEXT NOT NULL,"
         " seed INTEGER NOT NULL, play TEXT NOT NULL, journal TEXT NOT NULL DEFAULT '', recorded_at TEXT NOT NULL)",
         "CREATE TABLE metrics(run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, name TEXT NOT NULL, value REAL NOT NULL)",
         "CREATE INDEX metrics_by_run ON metrics(run_id)"},
        // Version 2: labels (trainee groups), sweeps, and findings.
        {"ALTER TABLE runs ADD COLUMN label TEXT NOT NULL DEFAULT ''",
         "CREATE TABLE sweeps(id INTEGER PRIMARY KEY, scenario TEXT NOT NULL, scenario_hash TEXT NOT NULL, play TEXT NOT NULL,"
         " vary TEXT NOT NULL, runs INTEGER NOT NULL, recorded_at TEXT NOT NULL, label TEXT NOT NULL DEFAULT '')",
         "ALTER TABLE runs ADD COLUMN sweep_id INTEGER REFERENCES sweeps(id)", "ALTER TABLE runs ADD COLUMN point INTEGER",
         "CREATE TABLE findings(run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, status TEXT NOT NULL, action TEXT NOT NULL,"
         " actor TEXT NOT NULL, forum TEXT NOT NULL, objective TEXT NOT NULL, late_by_ms INTEGER NOT NULL)",
         "CREATE INDEX findings_by_run ON findings(run_id)", "CREATE INDEX runs_by_scenario ON runs(scenario, recorded_at)"},
    };
    return steps;
}

std::unique_ptr<History> History::open(const std::string& path, std::string& error) {
    std::error_code ec;
    const auto dir = std::filesystem::path(path).parent_path();
    if (!dir.empty()) std::filesystem::create_directories(dir, ec);
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        error = path + ": cannot open the history: " + (db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return nullptr;
    }
    std::unique_ptr<History> h(new History(db));
    sqlite3_busy_timeout(db, 10000);  // shards of a sweep may record at once
    if (!exec(db, "PRAGMA foreign_keys = ON", error)) return nullptr;
    const int version = h->schemaVersion();
    if (version < 0) {
        error = path + ": not a SQLite database";
        return nullptr;
    }
    if (version > kHistorySchema) {
        error = path + ": written by a newer Samverkan (schema " + std::to_string(version) + ", this one knows " +
                std::to_string(kHistorySchema) + ")";
        return nullptr;
    }
    // Each migration in its own transaction, with the version it reaches.
    for (int v = version; v < kHistorySchema; ++v) {
        std::string sql = "BEGIN IMMEDIATE;";
        for (const auto& statement : migrations()[static_cast<std::size_t>(v)]) sql += statement + ";";
        sql += "PRAGMA user_version = " + std::to_string(v + 1) + "; COMMIT;";
        if (!exec(db, sql, error)) {
            std::string ignored;
            exec(db, "ROLLBACK", ignored);
            error = path + ": cannot migrate the history to schema " + std::to_string(v + 1) + ": " + error;
            return nullptr;
        }
    }
    return h;
}

History::~History() { sqlite3_close(m_db); }

int History::schemaVersion() const {
    Statement s(m_db, "PRAGMA user_version");
    if (!s.ok() || s.step() != SQLITE_ROW) return -1;
    return static_cast<int>(s.integer(0));
}

struct Recording::Impl {
    explicit Impl(sqlite3* database)
        : db(database),
          run(db, "INSERT INTO runs(kind, scenario, scenario_hash, seed, play, journal, recorded_at, label, sweep_id, point)"
                  " VALUES(?,?,?,?,?,?,?,?,?,?)"),
          metric(db, "INSERT INTO metrics(run_id, name, value) VALUES(?,?,?)"),
          finding(db, "INSERT INTO findings(run_id, status, action, actor, forum, objective, late_by_ms) VALUES(?,?,?,?,?,?,?)") {}
    // Rolls back and says why; the recording is over.
    bool fail(const std::string& what, std::string& error) {
        error = what + ": " + sqlite3_errmsg(db);
        rollback();
        return false;
    }
    void rollback() {
        if (!open) return;
        std::string ignored;
        exec(db, "ROLLBACK", ignored);
        open = false;
    }
    sqlite3* db;
    bool open = true;  // the transaction is open
    std::optional<std::int64_t> sweepId;
    Statement run, metric, finding;
};

Recording::Recording(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Recording::~Recording() { m_impl->rollback(); }

std::unique_ptr<Recording> History::begin(const std::optional<SweepRecord>& sweep, std::string& error) {
    if (!exec(m_db, "BEGIN IMMEDIATE", error)) return nullptr;
    auto impl = std::make_unique<Recording::Impl>(m_db);
    if (!impl->run.ok() || !impl->metric.ok() || !impl->finding.ok()) {
        impl->fail("cannot prepare the history's statements", error);
        return nullptr;
    }
    if (sweep) {
        Statement s(m_db, "INSERT INTO sweeps(scenario, scenario_hash, play, vary, runs, recorded_at, label) VALUES(?,?,?,?,?,?,?)");
        s.bind(1, sweep->scenario).bind(2, sweep->scenarioHash).bind(3, sweep->play).bind(4, sweep->vary);
        s.bind(5, static_cast<std::int64_t>(sweep->runs)).bind(6, sweep->date).bind(7, sweep->label);
        if (s.step() != SQLITE_DONE) {
            impl->fail("cannot record the sweep", error);
            return nullptr;
        }
        impl->sweepId = static_cast<std::int64_t>(sqlite3_last_insert_rowid(m_db));
    }
    return std::unique_ptr<Recording>(new Recording(std::move(impl)));
}

bool Recording::add(const RunRecord& r, std::string& error) {
    auto& d = *m_impl;
    if (!d.open) return error = "the recording has ended", false;
    d.run.bind(1, r.kind).bind(2, r.scenario).bind(3, r.scenarioHash).bind(4, static_cast<std::int64_t>(r.seed)).bind(5, r.play);
    d.run.bind(6, r.journal).bind(7, r.date).bind(8, r.label);
    if (d.sweepId) d.run.bind(9, *d.sweepId);
    else d.run.null(9);
    if (r.point >= 0) d.run.bind(10, r.point);
    else d.run.null(10);
    if (d.run.step() != SQLITE_DONE) return d.fail("cannot record a run", error);
    d.run.reset();
    const std::int64_t id = sqlite3_last_insert_rowid(d.db);
    for (const auto& [name, value] : r.metrics) {
        if (std::isnan(value)) continue;
        d.metric.bind(1, id).bind(2, name).bind(3, value);
        if (d.metric.step() != SQLITE_DONE) return d.fail("cannot record a metric", error);
        d.metric.reset();
    }
    for (const auto& f : r.findings) {
        d.finding.bind(1, id).bind(2, f.status).bind(3, f.action).bind(4, f.actor).bind(5, f.forum).bind(6, f.objective).bind(7, f.lateByMs);
        if (d.finding.step() != SQLITE_DONE) return d.fail("cannot record a finding", error);
        d.finding.reset();
    }
    return true;
}

bool Recording::commit(std::string& error) {
    auto& d = *m_impl;
    if (!d.open) return error = "the recording has ended", false;
    if (!exec(d.db, "COMMIT", error)) return d.fail("cannot commit", error);
    d.open = false;
    return true;
}

bool History::record(const std::optional<SweepRecord>& sweep, const std::vector<RunRecord>& runs, std::string& error) {
    auto recording = begin(sweep, error);
    if (!recording) return false;
    for (const auto& r : runs)
        if (!recording->add(r, error)) return false;
    return recording->commit(error);
}

std::vector<Listed> History::list(const HistoryFilter& filter) const {
    std::vector<std::string> values;
    Statement s(m_db, "SELECT r.id, r.kind, r.scenario, r.scenario_hash, r.play, r.recorded_at, r.label, r.journal, r.seed,"
                      " (SELECT value FROM metrics m WHERE m.run_id = r.id AND m.name = 'score') FROM runs r" +
                          whereOf(filter, values) + " ORDER BY r.recorded_at, r.id");
    std::vector<Listed> out;
    if (!s.ok()) return out;
    for (std::size_t i = 0; i < values.size(); ++i) s.bind(static_cast<int>(i + 1), values[i]);
    while (s.step() == SQLITE_ROW)
        out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7),
                       static_cast<std::uint64_t>(s.integer(8)), s.real(9)});
    return out;
}

std::vector<Group> History::compare(const std::string& by, const std::vector<std::string>& metrics, const HistoryFilter& filter) const {
    const std::map<std::string, std::string> keys{{"year", "substr(r.recorded_at, 1, 4)"}, {"label", "r.label"}, {"play", "r.play"},
                                                  {"kind", "r.kind"}, {"scenario", "r.scenario"}};
    const auto key = keys.find(by);
    std::vector<Group> out;
    if (key == keys.end()) return out;
    std::vector<std::string> values;
    std::string sql = "SELECT " + key->second + " AS k, COUNT(*), group_concat(r.id)" + std::string(" FROM runs r") + whereOf(filter, values) +
          " GROUP BY k ORDER BY k";
    Statement groups(m_db, sql);
    if (!groups.ok()) return out;
    for (std::size_t i = 0; i < values.size(); ++i) groups.bind(static_cast<int>(i + 1), values[i]);
    Statement mean(m_db, "SELECT AVG(value) FROM metrics WHERE name = ? AND run_id IN (SELECT value FROM json_each('[' || ? || ']'))");
    while (groups.step() == SQLITE_ROW) {
        Group g{groups.text(0), static_cast<std::size_t>(groups.integer(1)), {}};
        const std::string ids = groups.text(2);
        for (const auto& m : metrics) {
            mean.bind(1, m).bind(2, ids);
            g.means.push_back(mean.step() == SQLITE_ROW ? mean.real(0) : std::nullopt);
            mean.reset();
        }
        out.push_back(std::move(g));
    }
    return out;
}

std::string defaultHistoryPath() {
    if (const char* db = std::getenv("SAMVERKAN_DB"); db && *db) return db;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/samverkan/history.sqlite";
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.local/share/samverkan/history.sqlite";
}

std::string contentHash(const std::vector<std::string>& files) {
    engine::Fnv1a h;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        char c;
        while (in.get(c)) h.add(static_cast<unsigned char>(c));
        h.add(0xff);  // a file boundary
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h.value()));
    return buf;
}


}  // namespace samverkan::analysis
