#pragma once
/// The results history: every run, sweep and exercise can be recorded in a SQLite database with
/// its scenario (and the scenario's content hash), seed, play or journal, metrics, findings and
/// date, then listed and compared (this year's exercises against last year's, one trainee group
/// against another). The schema is versioned (PRAGMA user_version) and migrated forward on open,
/// so a database written by an older version opens in a newer one.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace samverkan::analysis {

/// The schema this version writes.
constexpr int kHistorySchema = 2;

struct FindingRecord {
    std::string status, action, actor, forum, objective;
    std::int64_t lateByMs = 0;
};

struct RunRecord {
    std::string kind;  ///< "run", "sweep" or "exercise"
    std::string scenario, scenarioHash, play, journal, date, label;
    std::uint64_t seed = 0;
    std::int64_t point = -1;  ///< the point of a sweep's run
    std::vector<std::pair<std::string, double>> metrics;  ///< NaN values are left out
    std::vector<FindingRecord> findings;
};

struct SweepRecord {
    std::string scenario, scenarioHash, play, vary, date, label;
    std::uint32_t runs = 0;
};

/// A row of `history list`.
struct Listed {
    std::int64_t id = 0;
    std::string kind, scenario, scenarioHash, play, date, label, journal;
    std::uint64_t seed = 0;
    std::optional<double> score;
};

/// A group of `history compare`: its key, how many runs, and the mean of each asked metric.
struct Group {
    std::string key;
    std::size_t runs = 0;
    std::vector<std::optional<double>> means;
};

struct HistoryFilter {
    std::string scenario, kind, label, since;  ///< empty: any; `since` compares with the date
};

/// Runs recorded one at a time into one open transaction, for a sweep too large to hold: none of
/// them is in the history until commit(); destroyed without a commit, the transaction is rolled
/// back and the history is as it was. Made by History::begin; must not outlive its History.
class Recording {
public:
    ~Recording();
    Recording(const Recording&) = delete;
    Recording& operator=(const Recording&) = delete;

    /// Adds a run (to the sweep begun with, if any). False (and why) on failure, and the
    /// transaction is rolled back.
    bool add(const RunRecord& run, std::string& error);
    /// Commits every run added; false (and why) on failure, and nothing is recorded.
    bool commit(std::string& error);

private:
    friend class History;
    struct Impl;
    explicit Recording(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

class History {
public:
    /// Opens (creating if needed) and migrates the database. Null with `error` on failure.
    static std::unique_ptr<History> open(const std::string& path, std::string& error);
    ~History();
    History(const History&) = delete;
    History& operator=(const History&) = delete;

    [[nodiscard]] int schemaVersion() const;
    /// Records runs (and the sweep they belong to, if any) in one transaction: all or nothing.
    bool record(const std::optional<SweepRecord>& sweep, const std::vector<RunRecord>& runs, std::string& error);
    /// Begins recording runs (and the sweep they belong to, if any) one at a time, in one
    /// transaction that holds the database's write lock until it ends. Null (and why) on failure.
    std::unique_ptr<Recording> begin(const std::optional<SweepRecord>& sweep, std::string& error);
    [[nodiscard]] std::vector<Listed> list(const HistoryFilter& filter) const;
    /// Groups runs by "year", "label", "play", "kind" or "scenario" and averages `metrics`.
    [[nodiscard]] std::vector<Group> compare(const std::string& by, const std::vector<std::string>& metrics, const HistoryFilter& filter) const;

    /// The statements that build each schema version from the one before (index 0 builds version 1).
    static const std::vector<std::vector<std::string>>& migrations();

private:
    explicit History(sqlite3* db) : m_db(db) {}
    sqlite3* m_db;
};

/// Where the history lives by default: $SAMVERKAN_DB, else $XDG_DATA_HOME/samverkan/history.sqlite,
/// else ~/.local/share/samverkan/history.sqlite.
std::string defaultHistoryPath();

/// A content hash of a scenario's files (scenario and region), 16 hex digits (FNV-1a, 64 bit).
std::string contentHash(const std::vector<std::string>& files);

}  // namespace samverkan::analysis
