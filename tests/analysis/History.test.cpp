// The results history: records, lists, comparisons, and migration of older databases.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <filesystem>

#include "sim/analysis/Sweep.hpp"
#include "sim/eval/Findings.hpp"
#include "tests/exercise/SceneHelpers.hpp"

using namespace samverkan;
using namespace samverkan::test;
namespace fs = std::filesystem;

namespace {
std::string freshDb(const std::string& name) {
    const auto path = (fs::temp_directory_path() / ("samverkan-history-" + name + ".sqlite")).string();
    fs::remove(path);
    return path;
}
}  // namespace

TEST_CASE("runs and exercises are recorded with metrics and findings, listed and compared by year and label", "[history]") {
    const auto path = freshDb("compare");
    std::string error;
    auto h = analysis::History::open(path, error);
    REQUIRE(h);
    CHECK(h->schemaVersion() == analysis::kHistorySchema);
    const auto reference = play("snowstorm", "reference");
    const auto late = play("snowstorm", "late");
    auto a = analysis::runRecord(*reference, "exercise", "a.jsonl", "2025-03-01", "group A");
    auto b = analysis::runRecord(*late, "exercise", "b.jsonl", "2026-03-01", "group B");
    REQUIRE(h->record(std::nullopt, {a, b}, error));
    const auto listed = h->list({});
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].label == "group A");
    CHECK(listed[0].scenarioHash == analysis::contentHash({"scenarios/snowstorm.yaml", "scenarios/regions/stockholm.yaml"}));
    const auto evalA = eval::evaluate(*reference), evalB = eval::evaluate(*late);
    REQUIRE(listed[1].score.has_value());
    CHECK(*listed[0].score == Approx(evalA.score));
    CHECK(*listed[1].score == Approx(evalB.score));
    const auto byYear = h->compare("year", {"score"}, {});
    REQUIRE(byYear.size() == 2);
    CHECK(byYear[0].key == "2025");
    CHECK(byYear[1].key == "2026");
    CHECK(*byYear[1].means[0] == Approx(evalB.score));
    CHECK(h->list({"", "", "group B", ""}).size() == 1);
    CHECK(h->list({"", "", "", "2026-01-01"}).size() == 1);
    // Findings are kept with each run.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM findings", -1, &st, nullptr);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(sqlite3_column_int(st, 0) == static_cast<int>(evalA.findings.size() + evalB.findings.size()));
    sqlite3_finalize(st);
    sqlite3_close(db);
}

TEST_CASE("a database written by an older version opens in this one, its records kept", "[history][migration]") {
    const auto path = freshDb("v1");
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    // Exactly what version 1 wrote.
    for (const auto& sql : analysis::History::migrations().at(0)) REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db,
                         "PRAGMA user_version = 1;"
                         "INSERT INTO runs(kind, scenario, scenario_hash, seed, play, journal, recorded_at) VALUES('run','snowstorm','abc',7,'late','','2024-02-02');"
                         "INSERT INTO metrics(run_id, name, value) VALUES(1, 'score', 42.5);",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    std::string error;
    auto h = analysis::History::open(path, error);
    INFO(error);
    REQUIRE(h);
    CHECK(h->schemaVersion() == 2);
    const auto listed = h->list({});
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].seed == 7);
    CHECK(listed[0].label.empty());
    CHECK(*listed[0].score == 42.5);
    // And it takes new records with the new columns.
    analysis::RunRecord r;
    r.kind = "run", r.scenario = "snowstorm", r.scenarioHash = "abc", r.play = "reference", r.date = "2025-02-02", r.label = "group C";
    r.metrics = {{"score", 90.0}};
    REQUIRE(h->record(std::nullopt, {r}, error));
    CHECK(h->compare("label", {"score"}, {}).size() == 2);
}

TEST_CASE("a database from a newer version is refused, not damaged", "[history][migration]") {
    const auto path = freshDb("future");
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    std::string error;
    CHECK_FALSE(analysis::History::open(path, error));
    CHECK(error.find("newer Samverkan (schema 99") != std::string::npos);
}

TEST_CASE("a recording adds runs one at a time into one transaction: committed all, or none", "[history]") {
    const auto path = freshDb("recording");
    std::string error;
    auto h = analysis::History::open(path, error);
    REQUIRE(h);
    const auto reference = play("snowstorm", "reference");
    const auto run = analysis::runRecord(*reference, "sweep", "", "2026-12-02", "streamed");
    const analysis::SweepRecord sweep{"snowstorm", run.scenarioHash, "reference", "activation.directing=0h", "2026-12-02", "streamed", 3};
    {
        auto abandoned = h->begin(sweep, error);
        REQUIRE(abandoned);
        REQUIRE(abandoned->add(run, error));
        REQUIRE(abandoned->add(run, error));
    }  // never committed (an interrupted sweep): rolled back
    CHECK(h->list({}).empty());
    auto recording = h->begin(sweep, error);
    REQUIRE(recording);
    for (int i = 0; i < 3; ++i) REQUIRE(recording->add(run, error));
    REQUIRE(recording->commit(error));
    CHECK(h->list({}).size() == 3);
    CHECK_FALSE(recording->add(run, error));  // over once committed
    // The next recording can begin: the lock went with the transaction.
    REQUIRE(h->begin(std::nullopt, error));
}
