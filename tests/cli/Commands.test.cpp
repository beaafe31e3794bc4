// The `samverkan` command: subcommands, output and exit codes.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "sim/cli/Commands.hpp"
#include "tests/cli/CliRun.hpp"

using namespace samverkan;
namespace fs = std::filesystem;

namespace {
using test::samverkanCli;
std::string temp(const std::string& name) { return (fs::temp_directory_path() / ("samverkan-cli-" + name)).string(); }
}  // namespace

TEST_CASE("validate accepts the shipped files and reports bad ones with exit code 2", "[cli]") {
    auto r = samverkanCli({"validate", "scenarios/snowstorm.yaml", "scenarios/demonstration.yaml", "scenarios/improvement-project.yaml",
                  "scenarios/regions/stockholm.yaml"});
    CHECK(r.code == 0);
    CHECK(r.out.find("scenarios/snowstorm.yaml: ok (scenario 'snowstorm'") != std::string::npos);
    CHECK(r.out.find("42 actors") != std::string::npos);
    r = samverkanCli({"validate", "scenarios/snowstorm.yaml", "tests/data/bad/unknown-actor.yaml"});
    CHECK(r.code == 2);
    CHECK(r.err.rfind("tests/data/bad/unknown-actor.yaml:11:11: error: unknown actor 'polisn' (did you mean 'polisen'?)", 0) == 0);
}

TEST_CASE("validate refuses each bad weather series with exit code 2 and its expected first line", "[cli][series]") {
    std::vector<fs::path> fixtures;
    for (const auto& entry : fs::directory_iterator("tests/data/bad"))
        if (entry.path().extension() == ".yaml" && entry.path().filename().string().rfind("weather-", 0) == 0)
            fixtures.push_back(entry.path());
    std::sort(fixtures.begin(), fixtures.end());
    REQUIRE(fixtures.size() >= 30);
    for (const auto& f : fixtures) {
        const std::string path = "tests/data/bad/" + f.filename().string();
        INFO(path);
        std::ifstream in(fs::path(f).replace_extension(".expected"));
        std::string expected;
        REQUIRE(std::getline(in, expected));
        const auto r = samverkanCli({"validate", path});
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.rfind(expected + "\n", 0) == 0);
    }
}

TEST_CASE("run prints a timeline a trainer can read, in Swedish or English", "[cli]") {
    auto r = samverkanCli({"run", "scenarios/snowstorm.yaml", "--lang", "en", "--play", "reference"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("Snowstorm – red warning — The course of events as in the declaration of intent (scene 3). (seed 2026)") == 0);
    CHECK(r.out.find("2026-01-14 06:15  +00:15") != std::string::npos);
    // Without --play the simulated actors follow their doctrine.
    r = samverkanCli({"run", "scenarios/snowstorm.yaml", "--lang", "en"});
    CHECK(r.code == 0);
    CHECK(r.out.find("Snowstorm – red warning — Every role no trainee holds follows its doctrine (") == 0);
    // The warning reaches SOS Alarm, which alerts Länsstyrelsen's duty officer a minute later.
    CHECK(r.out.find("2026-01-14 06:01  +00:01    SOS Alarm") != std::string::npos);
    CHECK(r.out.find("SOS Alarm alerts Stockholm County Administrative Board, Duty officer (TiB): SMHI has issued a red warning") !=
          std::string::npos);
    CHECK(r.out.find("The alerting chain from the first signal:") != std::string::npos);
    CHECK(r.out.find("[Regional directing forum]") != std::string::npos);
    CHECK(r.out.find("Public message: A severe snowstorm") != std::string::npos);
    r = samverkanCli({"run", "snowstorm", "--play", "alone"});
    CHECK(r.code == 0);
    CHECK(r.out.find("Bilateral kontakt:") != std::string::npos);
    CHECK(r.out.find("Eget beslut:") != std::string::npos);
}

TEST_CASE("run --format json gives the milestones and the journal", "[cli]") {
    const auto r = samverkanCli({"run", "snowstorm", "--format", "json", "--until", "+6h"});
    REQUIRE(r.code == 0);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["scenario"] == "snowstorm");
    CHECK(doc["time_ms"] == 6 * 3600000);
    CHECK(doc["finished"] == false);
    CHECK(doc["milestones"]["meeting-opened:regionalt-inriktande-forum"].is_number());
    CHECK(doc["journal"].size() > 10);
}

namespace {
std::vector<std::string> splitCsv(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream in(line);
    std::string field;
    while (std::getline(in, field, ',')) out.push_back(field);
    if (!line.empty() && line.back() == ',') out.emplace_back();
    return out;
}

/// A series CSV as written: its header and its rows, each split into fields.
struct SeriesCsv {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    explicit SeriesCsv(const std::string& path) {
        std::ifstream in(path);
        std::string line;
        std::getline(in, line);
        header = splitCsv(line);
        while (std::getline(in, line)) rows.push_back(splitCsv(line));
    }
    /// The column named `name`; fails the test when there is none.
    [[nodiscard]] std::size_t col(const std::string& name) const {
        const auto it = std::find(header.begin(), header.end(), name);
        REQUIRE(it != header.end());
        return static_cast<std::size_t>(it - header.begin());
    }
};
}  // namespace

TEST_CASE("run --series writes every quantity at every tick, true and as each forum knew it", "[cli][series]") {
    const auto csv = temp("series.csv"), json = temp("series.json");
    auto r = samverkanCli({"run", "snowstorm", "--series", csv});
    REQUIRE(r.code == 0);
    const SeriesCsv file(csv);
    const auto& header = file.header;
    const auto& rows = file.rows;
    const auto col = [&](const std::string& name) { return file.col(name); };
    const auto snow = col("hazard.snowfall"), roads = col("service.main-roads"), rail = col("demand.rail-travellers"),
               stranded = col("outcome.person-hours-stranded"), known = col("known.regionalt-samordnande-forum.main-roads"),
               age = col("known_age_h.regionalt-samordnande-forum.main-roads");
    // One row per 5-minute tick of the 48 hours.
    REQUIRE(rows.size() == 48 * 12);
    CHECK(rows.front()[0] == "300000");
    CHECK(rows.front()[1] == "2026-01-14T06:05+01:00");
    for (const auto& row : rows) REQUIRE(row.size() == header.size());
    // The forum knew nothing before its first picture, and at some time it knew the roads worse or
    // better than they were: knowledge is not the truth.
    CHECK(rows.front()[known].empty());
    bool differs = false, snowed = false;
    for (const auto& row : rows) {
        snowed = snowed || std::stod(row[snow]) > 0;
        if (!row[known].empty()) {
            differs = differs || std::fabs(std::stod(row[known]) - std::stod(row[roads])) > 0.05;
            CHECK(std::stod(row[age]) >= 0);
        }
    }
    CHECK(snowed);
    CHECK(differs);
    // Travellers follow the day: Thursday 07–08 (row 25 h + 1 tick) against 03–04 that night.
    CHECK(std::stod(rows[(25 * 12)][rail]) > 5 * std::stod(rows[(21 * 12)][rail]));
    // The last row's outcome is the run's own.
    r = samverkanCli({"run", "snowstorm", "--format", "json"});
    REQUIRE(r.code == 0);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(std::stod(rows.back()[stranded]) ==
          Approx(doc["metrics"]["outcomes"]["person-hours-stranded"].get<double>()).epsilon(1e-6));
    // The same series as JSON, by column.
    r = samverkanCli({"run", "snowstorm", "--series", json});
    REQUIRE(r.code == 0);
    std::ifstream jin(json);
    const auto series = nlohmann::json::parse(jin);
    CHECK(series["format"] == "samverkan-series/1");
    REQUIRE(series["t_ms"].size() == rows.size());
    bool found = false;
    for (const auto& c : series["series"])
        if (c["name"] == "known.regionalt-samordnande-forum.main-roads") {
            found = true;
            CHECK(c["forum"] == "regionalt-samordnande-forum");
            CHECK(c["values"][0].is_null());
            CHECK(c["values"].size() == rows.size());
        }
    CHECK(found);
}

TEST_CASE("run --series gives each area's part of every outcome at every tick, and marks each part's area", "[cli][series]") {
    const auto csv = temp("series-areas.csv"), json = temp("series-areas.json");
    const std::string scenario = "scenarios/snowstorm-areas.yaml";
    auto r = samverkanCli({"run", scenario, "--series", csv});
    REQUIRE(r.code == 0);
    const SeriesCsv file(csv);
    const auto& header = file.header;
    const auto& rows = file.rows;
    const auto col = [&](const std::string& name) { return file.col(name); };
    const std::vector<std::string> areas{"city", "inner-suburbs", "outer"};
    const auto total = col("outcome.person-hours-stranded");
    std::vector<std::size_t> parts;
    for (const auto& a : areas) parts.push_back(col("outcome.person-hours-stranded@" + a));
    const auto streets = col("service.local-streets@city"), knownStreets = col("known.regionalt-samordnande-forum.local-streets@city");
    REQUIRE(rows.size() == 48 * 12);
    // Each area's part grows tick by tick, and the parts never add up to more than the total
    // (the county-wide services' part is in no area).
    std::vector<double> before(parts.size(), 0.0);
    bool grew = false, known = false;
    for (const auto& row : rows) {
        REQUIRE(row.size() == header.size());
        double sum = 0;
        for (std::size_t k = 0; k < parts.size(); ++k) {
            const double v = std::stod(row[parts[k]]);
            CHECK(v >= before[k] - 1e-9);
            grew = grew || v > before[k];
            before[k] = v;
            sum += v;
        }
        CHECK(sum <= std::stod(row[total]) * (1 + 1e-6) + 1e-9);
        CHECK(std::stod(row[streets]) >= 0);
        known = known || !row[knownStreets].empty();
    }
    CHECK(grew);
    CHECK(known);
    // The last row is the run's own outcome per area.
    r = samverkanCli({"run", scenario, "--format", "json"});
    REQUIRE(r.code == 0);
    const auto doc = nlohmann::json::parse(r.out);
    for (std::size_t k = 0; k < areas.size(); ++k)
        CHECK(std::stod(rows.back()[parts[k]]) ==
              Approx(doc["metrics"]["outcomes_by_area"]["person-hours-stranded"][areas[k]].get<double>()).epsilon(1e-6));
    // The JSON names each part's area; the county's whole has none.
    REQUIRE(samverkanCli({"run", scenario, "--series", json}).code == 0);
    std::ifstream jin(json);
    const auto series = nlohmann::json::parse(jin);
    int marked = 0;
    for (const auto& c : series["series"]) {
        if (c["name"] == "outcome.person-hours-stranded@outer") {
            CHECK(c["area"] == "outer");
            CHECK(c["id"] == "person-hours-stranded");
            ++marked;
        }
        if (c["name"] == "service.local-streets@inner-suburbs") {
            CHECK(c["area"] == "inner-suburbs");
            ++marked;
        }
        if (c["name"] == "service.local-streets" || c["name"] == "outcome.person-hours-stranded") {
            CHECK_FALSE(c.contains("area"));
            ++marked;
        }
    }
    CHECK(marked == 4);
}

TEST_CASE("run --journal writes a journal that replay reproduces", "[cli]") {
    const auto path = temp("run.jsonl");
    fs::remove(path);
    auto r = samverkanCli({"run", "demonstration", "--journal", path, "--seed", "99"});
    REQUIRE(r.code == 0);
    REQUIRE(fs::exists(path));
    CHECK_FALSE(fs::exists(path + ".tmp"));
    r = samverkanCli({"replay", path});
    CHECK(r.code == 0);
    CHECK(r.out.find("identical byte for byte") != std::string::npos);

    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    std::string changed = text.str();
    changed.replace(changed.find("\"seed\":\"99\""), 11, "\"seed\":\"98\"");
    std::ofstream(path, std::ios::trunc) << changed;
    r = samverkanCli({"replay", path});
    CHECK(r.code == 1);
    CHECK(r.err.find("error: the replay differs from the journal") != std::string::npos);
}

TEST_CASE("report writes the after-action report of a journal", "[cli][report]") {
    const auto journal = temp("report.jsonl");
    REQUIRE(samverkanCli({"run", "snowstorm", "--play", "late", "--journal", journal}).code == 0);
    const auto html = temp("report.html");
    fs::remove(html);
    auto r = samverkanCli({"report", journal, "-o", html, "--lang", "en"});
    CHECK(r.code == 0);
    CHECK(r.out.find("HTML report of") != std::string::npos);
    REQUIRE(fs::exists(html));
    CHECK_FALSE(fs::exists(html + ".tmp"));
    CHECK(fs::file_size(html) > 10000);
    r = samverkanCli({"report", journal, "--format", "md"});
    CHECK(r.code == 0);
    CHECK(r.out.find("# Utvärdering efter övning: Snöoväder – röd varning") == 0);
    r = samverkanCli({"report", "tests/data/bad/empty.yaml"});
    CHECK(r.code == 2);
    CHECK(r.err.find("tests/data/bad/empty.yaml:") == 0);
}

TEST_CASE("run accepts a play file and a variant", "[cli]") {
    auto r = samverkanCli({"run", "snowstorm", "--play", "tests/data/good/snowstorm-early.play.yaml", "--variant", "class-3", "--until", "+3h"});
    CHECK(r.code == 0);
    CHECK(r.out.find("— Länsstyrelsen sammankallar direkt (frö ") != std::string::npos);
}

TEST_CASE("usage and input errors exit with code 2 and say what is wrong", "[cli][bad-input]") {
    struct Case {
        std::vector<std::string> args;
        std::string says;
    };
    const std::vector<Case> cases{
        {{}, "A subcommand is required"},
        {{"fly"}, "unknown command 'fly' (expected validate, run, replay, report, list, measures, check-events, sensitivity, sweep, merge, plot or history)"},
        {{"run"}, "scenario is required"},
        {{"run", "snowstorm", "--play", "early"}, "unknown play 'early'; snowstorm has: reference, late, alone"},
        {{"run", "snowstorm", "--variant", "class-4"}, "unknown variant 'class-4'; snowstorm has: class-3"},
        {{"run", "snowstorm", "--until", "soon"}, "--until must look like"},
        {{"run", "snowstorm", "--format", "xml"}, "xml"},
        {{"run", "snowstorm", "--seed", "minus"}, "minus"},
        {{"run", "snowstorm", "--trainee", "polisn"}, "unknown trainee role 'polisn' (did you mean 'polisen'?)"},
        {{"run", "tests/data/bad/bad-duration.yaml"}, "tests/data/bad/bad-duration.yaml:6:11: error:"},
        {{"replay", "tests/data/bad/no-such.jsonl"}, "cannot read the journal"},
        {{"replay", "scenarios/snowstorm.yaml"}, "scenarios/snowstorm.yaml:1:"},
        {{"replay", "tests/data/bad/journal-v1.jsonl"},
         "tests/data/bad/journal-v1.jsonl:1:1: error: this journal is of format samverkan-journal/1, written by an earlier version"},
        {{"report", "tests/data/bad/journal-v1.jsonl"}, "this version reads samverkan-journal/5"},
    };
    for (const auto& c : cases) {
        INFO(c.says);
        const auto r = samverkanCli(c.args);
        CHECK(r.code == 2);
        CHECK(r.err.find(c.says) != std::string::npos);
    }
}

TEST_CASE("--help works on the program and each subcommand", "[cli]") {
    for (const auto& args : std::vector<std::vector<std::string>>{{"--help"}, {"run", "--help"}, {"validate", "--help"},
                                                                 {"replay", "--help"}, {"list", "--help"}}) {
        const auto r = samverkanCli(args);
        INFO(args.front());
        CHECK(r.code == 0);
        CHECK(r.out.find("Usage") != std::string::npos);
    }
    CHECK(samverkanCli({"run", "--help"}).out.find("--play") != std::string::npos);
}

TEST_CASE("list shows the shipped scenarios with their plays", "[cli]") {
    const auto r = samverkanCli({"list", "--dir", "scenarios"});
    CHECK(r.code == 0);
    CHECK(r.out.find("snowstorm  (snowstorm.yaml)") != std::string::npos);
    CHECK(r.out.find("demonstration  (demonstration.yaml)") != std::string::npos);
    CHECK(r.out.find("improvement-project  (improvement-project.yaml)") != std::string::npos);
    CHECK(r.out.find("plays: reference, late, alone, variants: class-3") != std::string::npos);
}

TEST_CASE("sweep writes one row per run (CSV) or runs and summaries (JSON), and shards merge back", "[cli][sweep]") {
    auto r = samverkanCli({"sweep", "snowstorm", "--vary", "activation.directing=0h..4h:2h", "--runs", "3", "--threads", "2"});
    REQUIRE(r.code == 0);
    CHECK(r.err.empty());  // no progress bar unless standard error is a terminal
    CHECK(r.out.rfind("point,run,seed,vary:activation.directing,score,", 0) == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1 + 3 * 3);
    const auto whole = r.out;

    std::vector<std::string> shardFiles;
    for (int i = 0; i < 3; ++i) {
        shardFiles.push_back(temp("shard-" + std::to_string(i) + ".csv"));
        r = samverkanCli({"sweep", "snowstorm", "--vary", "activation.directing=0h..4h:2h", "--runs", "3", "--shard",
                          std::to_string(i) + "/3", "-o", shardFiles.back()});
        REQUIRE(r.code == 0);
    }
    std::vector<std::string> mergeArgs{"merge"};
    mergeArgs.insert(mergeArgs.end(), shardFiles.begin(), shardFiles.end());
    r = samverkanCli(mergeArgs);
    REQUIRE(r.code == 0);
    CHECK(r.out == whole);

    r = samverkanCli({"sweep", "snowstorm", "--vary", "activation.directing=0h,2h", "--runs", "2", "--format", "json"});
    REQUIRE(r.code == 0);
    const auto json = nlohmann::json::parse(r.out);
    CHECK(json["runs"].size() == 4);
    CHECK(json["points"].size() == 2);
    CHECK(json["points"][1]["params"]["activation.directing"] == 2);
    CHECK(json["points"][0]["metrics"]["score"]["n"] == 2);
}

TEST_CASE("sweep varies the doctrine's activation and decisions, and the simulated actors follow", "[cli][sweep][doctrine]") {
    auto r = samverkanCli({"sweep", "snowstorm", "--vary", "activation.directing=1h,12h", "--runs", "2", "--format", "json"});
    REQUIRE(r.code == 0);
    auto json = nlohmann::json::parse(r.out);
    REQUIRE(json["points"].size() == 2);
    const auto& early = json["points"][0]["metrics"];
    const auto& late = json["points"][1]["metrics"];
    // The directing forum meets when the sweep convenes it (plus the convening delay), and the
    // decisions the actors propose there come after it: later by as much.
    CHECK(early["activation.directing_h"]["mean"].get<double>() < 3);  // 1 h, and the 1 h 20 min the doctrine gives the directors to gather
    CHECK(late["activation.directing_h"]["mean"].get<double>() > 12);
    CHECK(late["first_joint_message_h"]["mean"].get<double>() - early["first_joint_message_h"]["mean"].get<double>() > 10);
    CHECK(late["outcome.person-hours-stranded"]["mean"].get<double>() > early["outcome.person-hours-stranded"]["mean"].get<double>());
    // A doctrine decision left out is left out.
    r = samverkanCli({"sweep", "snowstorm", "--vary", "decision.bus-lines-cancelled=on,off", "--runs", "2", "--format", "json"});
    REQUIRE(r.code == 0);
    json = nlohmann::json::parse(r.out);
    CHECK(json["points"][1]["metrics"]["outcome.bus-departures-lost"]["mean"].get<double>() >
          json["points"][0]["metrics"]["outcome.bus-departures-lost"]["mean"].get<double>());
}

TEST_CASE("sweep streams to its file the bytes of the known-good output, and records every run", "[cli][sweep][history]") {
    const auto out = temp("streamed.json"), db = temp("streamed.sqlite");
    fs::remove(db);
    // The known-good files are of the reference play.
    const std::vector<std::string> sweep{"sweep", "snowstorm", "--play", "reference", "--vary", "activation.directing=0h,4h",
                                         "--vary", "decision.snow-clearing=on,off", "--runs", "3", "--threads", "2"};
    auto args = sweep;
    args.insert(args.end(), {"--format", "json", "-o", out, "--db", db});
    REQUIRE(samverkanCli(args).code == 0);
    std::ifstream in(out, std::ios::binary), good("tests/data/sweep/snowstorm.json", std::ios::binary);
    std::ostringstream written, expected;
    written << in.rdbuf();
    expected << good.rdbuf();
    CHECK(written.str() == expected.str());
    CHECK_FALSE(fs::exists(out + ".tmp"));
    auto r = samverkanCli({"history", "compare", "--db", db, "--by", "kind", "--csv", "--metric", "vary:activation.directing"});
    CHECK(r.out == "kind,runs,vary:activation.directing (mean)\nsweep,12,2\n");
    // Standard output gets the same bytes, once the sweep is complete.
    args = sweep;
    args.insert(args.end(), {"--summary"});
    r = samverkanCli(args);
    std::ifstream summary("tests/data/sweep/snowstorm-summary.csv", std::ios::binary);
    expected.str("");
    expected << summary.rdbuf();
    CHECK(r.out == expected.str());
}

TEST_CASE("a sweep whose output cannot be written fails before it runs, recording nothing", "[cli][sweep][errors]") {
    const auto db = temp("unwritable.sqlite");
    fs::remove(db);
    const auto r = samverkanCli({"sweep", "snowstorm", "--runs", "100000", "-o", temp("no-such-folder/runs.csv"), "--db", db});
    CHECK(r.code == 1);
    CHECK(r.err.find("cannot write") != std::string::npos);
    CHECK_FALSE(fs::exists(db));
}

TEST_CASE("bad sweep arguments get clear errors and exit code 2", "[cli][sweep][errors]") {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"sweep", "snowstorm", "--vary", "activation.directng=1h"}, "did you mean 'activation.directing'"},
        {{"sweep", "snowstorm", "--vary", "activation.directing=1h..0h:1h"}, "must rise"},
        {{"sweep", "snowstorm", "--vary", "activation.directing=1h", "--vary", "activation.directing=2h"}, "given twice"},
        {{"sweep", "snowstorm", "--shard", "3/3"}, "--shard must be i/N"},
        {{"sweep", "snowstorm", "--shard", "x"}, "--shard must be i/N"},
        {{"sweep", "snowstorm", "--runs", "0"}, "--runs"},
        {{"sweep", "snowstorm", "--play", "hurry"}, "unknown play 'hurry'"},
        {{"sweep", "tests/data/bad/unknown-actor.yaml"}, "tests/data/bad/unknown-actor.yaml:11:11: error:"},
    };
    for (const auto& [args, expected] : cases) {
        INFO(args.back());
        const auto r = samverkanCli(args);
        CHECK(r.code == 2);
        CHECK(r.err.find(expected) != std::string::npos);
        CHECK(r.out.empty());
    }
}

TEST_CASE("merge refuses a truncated shard at its line, and shards of different sweeps", "[cli][sweep][errors]") {
    const auto good = temp("good-shard.csv"), cut = temp("cut-shard.csv"), other = temp("other-shard.csv");
    REQUIRE(samverkanCli({"sweep", "snowstorm", "--runs", "2", "-o", good}).code == 0);
    std::ifstream in(good);
    std::stringstream text;
    text << in.rdbuf();
    const auto full = text.str();
    std::ofstream(cut) << full.substr(0, full.size() - 20);
    auto r = samverkanCli({"merge", good, cut});
    CHECK(r.code == 2);
    CHECK(r.err.rfind(cut + ":3:1: error: ", 0) == 0);
    REQUIRE(samverkanCli({"sweep", "snowstorm", "--runs", "2", "--vary", "convening.telephone=10min", "-o", other}).code == 0);
    r = samverkanCli({"merge", good, other});
    CHECK(r.code == 2);
    CHECK(r.err.find("not the same sweep") != std::string::npos);
}

TEST_CASE("plot draws the escalation curve as SVG and PNG with the cost of each hour of delay", "[cli][plot]") {
    const auto runs = temp("plot-runs.csv"), svg = temp("curve.svg"), png = temp("curve.png");
    REQUIRE(samverkanCli({"sweep", "snowstorm", "--vary", "activation.directing=0h..12h:4h", "--runs", "6", "-o", runs}).code == 0);
    auto r = samverkanCli({"plot", runs, "-o", svg, "--png", png});
    REQUIRE(r.code == 0);
    std::ifstream in(svg);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str().rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" ", 0) == 0);
    CHECK(text.str().find("<polygon") != std::string::npos);  // the 10th–90th percentile band
    CHECK(text.str().find("outcome.person-hours-stranded") != std::string::npos);
    std::ifstream pngIn(png, std::ios::binary);
    char magic[8] = {};
    pngIn.read(magic, 8);
    CHECK(std::string(magic + 1, 3) == "PNG");
    CHECK(fs::file_size(png) > 10000);
    // The cost table: one row per pair of neighbouring points.
    CHECK(r.out.rfind("series,from,to,mean_from,mean_to,per_hour\n", 0) == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1 + 3);
    r = samverkanCli({"plot", runs, "--y", "outcome.snow-angels"});
    CHECK(r.code == 2);
    CHECK(r.err.find("no metric 'outcome.snow-angels'") != std::string::npos);
}

TEST_CASE("the after-action report can include the sweep's curve, marking the exercise's own timing", "[cli][plot][report]") {
    const auto runs = temp("report-runs.csv"), journal = temp("late.jsonl"), html = temp("late-report.html");
    REQUIRE(samverkanCli({"sweep", "snowstorm", "--vary", "activation.directing=0h..12h:4h", "--runs", "4", "-o", runs}).code == 0);
    REQUIRE(samverkanCli({"run", "snowstorm", "--play", "late", "--journal", journal}).code == 0);
    auto r = samverkanCli({"report", journal, "--curve", runs, "--lang", "en", "-o", html});
    REQUIRE(r.code == 0);
    std::ifstream in(html);
    std::stringstream text;
    text << in.rdbuf();
    const auto page = text.str();
    const auto section = page.find("<section id=\"curve\"><h2>Escalation curve</h2><svg");
    REQUIRE(section != std::string::npos);
    CHECK(page.find("this exercise", section) != std::string::npos);
    CHECK(page.find("cost of each hour of delay", section) != std::string::npos);
    r = samverkanCli({"report", journal, "--curve", temp("no-such-results.csv")});
    CHECK(r.code == 2);
    CHECK(r.err.find("cannot read the file") != std::string::npos);
}

TEST_CASE("run, sweep and exercises are recorded in the history, then listed and compared as CSV", "[cli][history]") {
    const auto db = temp("history.sqlite"), journal = temp("history-exercise.jsonl");
    fs::remove(db);
    REQUIRE(samverkanCli({"run", "snowstorm", "--db", db, "--label", "group A", "--date", "2025-11-20"}).code == 0);
    REQUIRE(samverkanCli({"run", "snowstorm", "--play", "late", "--journal", journal}).code == 0);
    auto r = samverkanCli({"history", "add", journal, "--db", db, "--label", "group B", "--date", "2026-11-20"});
    REQUIRE(r.code == 0);
    REQUIRE(samverkanCli({"sweep", "snowstorm", "--runs", "3", "--db", db, "--label", "sweep", "--date", "2026-11-21"}).code == 0);
    r = samverkanCli({"history", "list", "--db", db, "--csv"});
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("id,date,kind,scenario,hash,play,seed,label,score,journal\n", 0) == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1 + 1 + 1 + 3);
    r = samverkanCli({"history", "compare", "--db", db, "--by", "label", "--kind", "run", "--csv"});
    CHECK(r.out == "label,runs,score (mean)\ngroup A,1,100\n");
    r = samverkanCli({"history", "compare", "--db", db, "--by", "year", "--csv", "--metric", "score"});
    CHECK(r.out.find("2025,1,100\n") != std::string::npos);
    CHECK(r.out.find("2026,4,") != std::string::npos);
    r = samverkanCli({"history", "compare", "--db", db, "--by", "weather"});
    CHECK(r.code == 2);
    std::ofstream(temp("not-a-db.sqlite")) << "hello, this is not a database at all, just some text";
    r = samverkanCli({"history", "list", "--db", temp("not-a-db.sqlite")});
    CHECK(r.code == 2);
    CHECK(r.err.find("not-a-db.sqlite") != std::string::npos);
}

TEST_CASE("a record without --date gets the date the program's environment gives", "[cli][history]") {
    const auto db = temp("history-env.sqlite");
    fs::remove(db);
    std::ostringstream out, err;
    cli::Environment env;
    env.now = "2031-05-06T07:08:09Z";
    REQUIRE(cli::runMain({"run", "snowstorm", "--db", db}, out, err, env) == 0);
    const auto r = samverkanCli({"history", "list", "--db", db, "--csv"});
    CHECK(r.out.find(",2031-05-06T07:08:09Z,run,snowstorm,") != std::string::npos);
}

TEST_CASE("special files are refused before any read: a pipe, a device, a link loop, a folder", "[cli][bad-input]") {
    const auto dir = fs::temp_directory_path() / "samverkan-special-files";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto fifo = (dir / "pipe.yaml").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto loopA = (dir / "loop-a.yaml").string(), loopB = (dir / "loop-b.yaml").string();
    fs::create_symlink(loopB, loopA);
    fs::create_symlink(loopA, loopB);
    struct Case {
        std::string path, says;
    };
    const std::vector<Case> files{{fifo, "it is a pipe (FIFO), not a regular file"},
                                  {"/dev/zero", "it is a device, not a regular file"},
                                  {loopA, "Too many levels of symbolic links"},
                                  {dir.string(), "it is a directory"}};
    for (const auto& f : files)
        for (const char* command : {"validate", "run", "replay", "report"}) {
            INFO(command << " " << f.path);
            const auto r = samverkanCli({command, f.path});  // never blocks on the pipe, never reads the device to the end
            CHECK(r.code == 2);
            const std::string what = std::string(command) == "replay" || std::string(command) == "report" ? "journal" : "file";
            CHECK(r.err.find(f.path + ": error: cannot read the " + what + ": " + f.says) == 0);
        }
    // A sweep's results, read whole by plot and a report's curve, streamed by merge.
    const auto journal = (dir / "run.jsonl").string();
    REQUIRE(samverkanCli({"run", "snowstorm", "--journal", journal}).code == 0);
    for (const auto& f : files)
        for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
                 {"plot", f.path}, {"merge", f.path}, {"report", journal, "--curve", f.path}}) {
            INFO(args.front() << " " << f.path);
            const auto r = samverkanCli(args);
            CHECK(r.code == 2);
            CHECK(r.err.find(f.path + ": error: cannot read the file: " + f.says) == 0);
        }
    fs::remove_all(dir);
}
