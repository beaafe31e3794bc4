// Sweeps: results independent of threads and shards, known figures, the escalation curve's shape,
// and the parameters' checks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <sstream>
#include <thread>

#include "sim/analysis/Sweep.hpp"
#include "sim/world/World.hpp"
#include "tests/exercise/SceneHelpers.hpp"

using namespace samverkan;
using namespace samverkan::test;

namespace {

analysis::SweepPlan plan(const std::string& scene, const std::vector<std::string>& vary, std::uint32_t runs) {
    analysis::SweepPlan p;
    p.scenario = &shipped(scene);
    p.play = *p.scenario->play("reference");
    p.runs = runs;
    p.seed = p.scenario->seed;
    for (const auto& v : vary) {
        std::string error;
        auto parsed = analysis::parseVariation(v, *p.scenario, p.play, error);
        INFO(error);
        REQUIRE(parsed.has_value());
        p.variations.push_back(*parsed);
    }
    return p;
}

analysis::Table sweep(const analysis::SweepPlan& p, unsigned threads, std::uint32_t shard = 0, std::uint32_t shards = 1) {
    analysis::SweepOptions o;
    o.threads = threads;
    o.shard = shard;
    o.shards = shards;
    analysis::Table t;
    REQUIRE(analysis::runSweep(p, o, t));
    return t;
}

std::size_t column(const analysis::Table& t, const std::string& metric) {
    const auto it = std::find(t.metrics.begin(), t.metrics.end(), metric);
    REQUIRE(it != t.metrics.end());
    return t.params.size() + static_cast<std::size_t>(it - t.metrics.begin());
}

std::string fileText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("percentiles interpolate between closest ranks", "[analysis]") {
    const std::vector<double> v{1, 2, 3, 4, 10};
    CHECK(analysis::percentile(v, 0.5) == 3);
    CHECK(analysis::percentile(v, 0.1) == Approx(1.4));
    CHECK(analysis::percentile(v, 0.9) == Approx(7.6));
    CHECK(analysis::percentile({5}, 0.9) == 5);
    CHECK(std::isnan(analysis::percentile({}, 0.5)));
}

TEST_CASE("a sweep's results do not depend on the number of threads", "[analysis][determinism]") {
    const auto p = plan("snowstorm", {"activation.directing=0h..6h:3h", "decision.snow-clearing=on,off"}, 4);
    const auto one = analysis::toCsv(sweep(p, 1));
    CHECK(analysis::toCsv(sweep(p, 2)) == one);
    CHECK(analysis::toCsv(sweep(p, 3)) == one);
    CHECK(std::count(one.begin(), one.end(), '\n') == 1 + 3 * 2 * 4);
}

TEST_CASE("sharded then merged equals unsharded, byte for byte", "[analysis][shard]") {
    const auto p = plan("demonstration", {"convening.telephone=10min,1h,3h"}, 5);
    const auto whole = analysis::toCsv(sweep(p, 2));
    // Through the CSV each shard writes, as on a batch system, given in any order.
    std::vector<std::string> texts;
    for (std::uint32_t i = 0; i < 4; ++i) texts.push_back(analysis::toCsv(sweep(p, 1, 3 - i, 4)));
    const auto mergeOf = [&](const std::vector<std::string>& shardTexts, analysis::ResultsWriter::Format format, std::string& error) {
        std::vector<std::istringstream> streams;
        std::vector<analysis::CsvReader> readers;
        std::vector<analysis::CsvReader*> shards;
        streams.reserve(shardTexts.size());
        readers.reserve(shardTexts.size());
        for (const auto& t : shardTexts) {
            streams.emplace_back(t);
            readers.emplace_back(streams.back());
            shards.push_back(&readers.back());
        }
        std::ostringstream out;
        analysis::Table columns;
        std::istringstream first(shardTexts.front());
        analysis::CsvReader header(first);
        REQUIRE(header.header(columns, error));
        analysis::ResultsWriter writer(out, columns, format);
        const auto outcome = analysis::mergeShards(shards, writer, error);
        if (outcome == analysis::MergeOutcome::merged) REQUIRE(writer.finish(error));
        return std::make_pair(outcome, out.str());
    };
    std::string error;
    const auto csv = mergeOf(texts, analysis::ResultsWriter::Format::csv, error);
    INFO(error);
    REQUIRE(csv.first == analysis::MergeOutcome::merged);
    CHECK(csv.second == whole);
    CHECK(mergeOf(texts, analysis::ResultsWriter::Format::json, error).second == analysis::toJson(sweep(p, 1)));
    // Each shard is checked through to its end before merging: in order, whole lines.
    for (const auto& t : texts) {
        std::istringstream in(t);
        analysis::CsvReader reader(in);
        analysis::Table columns;
        CHECK(analysis::checkShard(reader, columns, error));
    }
    // A shard whose first two runs are swapped.
    std::vector<std::string> lines;
    std::istringstream split(texts[0]);
    for (std::string l; std::getline(split, l);) lines.push_back(l);
    REQUIRE(lines.size() >= 3);
    std::istringstream reversed(lines[0] + "\n" + lines[2] + "\n" + lines[1] + "\n");
    analysis::CsvReader unordered(reversed);
    analysis::Table columns;
    CHECK_FALSE(analysis::checkShard(unordered, columns, error));
    CHECK(error.find("line 3: point ") == 0);
    CHECK(error.find("a shard's runs are in (point, run) order") != std::string::npos);
    // The same shard twice is refused.
    texts.push_back(texts.front());
    CHECK(mergeOf(texts, analysis::ResultsWriter::Format::csv, error).first == analysis::MergeOutcome::badShard);
    CHECK(error.find("appears in two shards") != std::string::npos);
}

TEST_CASE("a known small sweep gives known summary figures", "[analysis]") {
    // The reference play convenes the directing forum to meet 80 minutes after the call; a sweep
    // that moves the call to 2 h or 5 h after the warning (at +0) must see the forum meet at
    // 3 h 20 min and 6 h 20 min in every run, whatever the storm.
    const auto p = plan("snowstorm", {"activation.directing=2h,5h"}, 6);
    const auto t = sweep(p, 2);
    const auto s = analysis::summarise(t);
    REQUIRE(s.size() == 2);
    const auto k = column(t, "activation.directing_h") - t.params.size();
    CHECK(s[0].params == std::vector<double>{2});
    CHECK(s[0].runs == 6);
    CHECK(s[0].metrics[k].n == 6);
    CHECK(s[0].metrics[k].mean == Approx(2 + 80.0 / 60));
    CHECK(s[0].metrics[k].p10 == Approx(2 + 80.0 / 60));
    CHECK(s[1].metrics[k].median == Approx(5 + 80.0 / 60));
    // Runs at a point use seeds seed+0 … seed+5, the same at every point.
    for (const auto& r : t.rows) CHECK(r.seed == p.seed + r.run);
}

TEST_CASE("snowstorm: the escalation curve rises with the delay of the directing forum", "[analysis][consequences]") {
    const auto p = plan("snowstorm", {"activation.directing=0h..15h:5h"}, 8);
    const auto t = sweep(p, 2);
    const auto s = analysis::summarise(t);
    REQUIRE(s.size() == 4);
    const auto k = column(t, "outcome.person-hours-stranded") - t.params.size();
    for (std::size_t i = 1; i < s.size(); ++i) {
        INFO("delay " << s[i].params[0] << " h");
        CHECK(s[i].metrics[k].mean >= s[i - 1].metrics[k].mean);
    }
    CHECK(s.back().metrics[k].mean > 1.1 * s.front().metrics[k].mean);
    const auto score = column(t, "score") - t.params.size();
    CHECK(s.back().metrics[score].mean < s.front().metrics[score].mean);
}

TEST_CASE("a storm arriving earlier is a parameter too", "[analysis]") {
    const auto p = plan("snowstorm", {"hazard.snowfall.onset=10h,22h"}, 4);
    const auto t = sweep(p, 1);
    const auto s = analysis::summarise(t);
    // The storm at +10h meets the evening and the night's traffic, the one at +22h the morning
    // peak: with fewer vehicles getting stuck the streets stay more passable, and fewer acute
    // transports are late (a demand the same every hour, so only the streets make the difference).
    const auto acute = column(t, "outcome.acute-transports-late") - t.params.size();
    CHECK(s[0].metrics[acute].mean < s[1].metrics[acute].mean);
    // Travellers follow SL's day: the storm at +10h falls from Wednesday 16:00 through the night,
    // the one at +22h on Thursday's morning peak and working day, and strands more of them.
    const auto stranded = column(t, "outcome.person-hours-stranded") - t.params.size();
    CHECK(s[0].metrics[stranded].mean < s[1].metrics[stranded].mean);
}

TEST_CASE("varying an observed series' onset moves the whole series, its shape kept", "[analysis][series]") {
    const auto loaded = scenario::loadScenario("tests/data/good/weather-series.yaml");
    INFO((loaded.diagnostics.empty() ? std::string() : loaded.diagnostics.front().str()));
    REQUIRE(loaded.ok());
    const auto& s = *loaded.value;
    const auto& play = *s.play("reference");
    std::string error;
    const auto v = analysis::parseVariation("hazard.snow.onset=5h", s, play, error);
    INFO(error);
    REQUIRE(v.has_value());
    const auto setup = analysis::applyPoint(s, play, {*v}, {5});
    const auto& before = s.world->hazards.front();
    const auto& after = setup.scenario->world->hazards.front();
    CHECK(after.values == before.values);
    // The series rises above 0.2 in its third hour (index 2): that hour now begins at +5h.
    CHECK(after.seriesStart == 5 * kHour - 2 * kHour);
    engine::Random rng("sweep-test", 1);
    world::World w(*setup.scenario->world, rng, s.duration);
    CHECK(w.drawn(0).onset == 5 * kHour);
}

TEST_CASE("a sweep's first signal is the start when an inject is dated before it, whatever comes after",
          "[analysis][series]") {
    const std::string path = "tests/data/good/weather-series.yaml";
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    // A second inject, two hours in, after the warning issued the afternoon before (at -15h).
    const std::string plays = "plays:\n";
    REQUIRE(text.find("    at: -15h\n") < text.find(plays));
    auto later = text;
    later.replace(later.find(plays), plays.size(),
                  "  - id: update\n    at: +2h\n    from: smhi\n    to: [lansstyrelsen]\n    channel: warning\n"
                  "    text: {sv: Uppdatering, en: Update}\n" +
                      plays);
    const auto loaded = scenario::loadScenarioText(path, later);
    INFO((loaded.diagnostics.empty() ? std::string() : loaded.diagnostics.front().str()));
    REQUIRE(loaded.ok());
    REQUIRE(loaded.value->injects.size() == 2);
    CHECK(loaded.value->inject("warning")->when.at == -15 * kHour);
    CHECK(analysis::firstSignal(*loaded.value) == 0);
    // The activation a sweep varies is timed from it.
    const auto& play = *loaded.value->play("reference");
    std::string error;
    const auto v = analysis::parseVariation("activation.coordinating=1h", *loaded.value, play, error);
    INFO(error);
    REQUIRE(v.has_value());
    const auto setup = analysis::applyPoint(*loaded.value, play, {*v}, {1});
    bool convened = false;
    for (const auto& step : setup.play.steps)
        if (std::holds_alternative<protocol::Convene>(step.command)) {
            CHECK(step.when.at == 1 * kHour);
            convened = true;
        }
    CHECK(convened);
    // Without the inject dated before the start, the first signal is the one at +2h.
    auto noEarly = later;
    noEarly.replace(noEarly.find("    at: -15h\n"), std::string("    at: -15h\n").size(), "    at: +3h\n");
    const auto second = scenario::loadScenarioText(path, noEarly);
    REQUIRE(second.ok());
    CHECK(analysis::firstSignal(*second.value) == 2 * kHour);
}

TEST_CASE("bad parameters say what is wrong and what would be right", "[analysis][errors]") {
    const auto& s = shipped("snowstorm");
    const auto& play = *s.play("reference");
    std::string error;
    CHECK_FALSE(analysis::parseVariation("activation.directin=1h", s, play, error));
    CHECK(error.find("did you mean 'activation.directing'") != std::string::npos);
    CHECK_FALSE(analysis::parseVariation("activation.directing=5h..1h:1h", s, play, error));
    CHECK(error.find("must rise") != std::string::npos);
    CHECK_FALSE(analysis::parseVariation("activation.directing=0h..5h", s, play, error));
    CHECK(error.find("needs a step") != std::string::npos);
    CHECK_FALSE(analysis::parseVariation("activation.directing=soon", s, play, error));
    CHECK(error.find("'soon' is not a duration") != std::string::npos);
    CHECK_FALSE(analysis::parseVariation("decision.snow-clearing=maybe", s, play, error));
    CHECK(error.find("on or off") != std::string::npos);
    CHECK_FALSE(analysis::parseVariation("activation.directing", s, play, error));
    CHECK(error.find("expected NAME=") != std::string::npos);
}

TEST_CASE("a stopped sweep returns nothing", "[analysis][interrupt]") {
    auto p = plan("snowstorm", {"activation.directing=0h..12h:1h"}, 50);
    std::atomic<bool> stop{false};
    analysis::SweepOptions o;
    o.threads = 2;
    o.stop = &stop;
    o.progress = [&](std::size_t, std::size_t) { stop.store(true); };  // stop at the first report
    analysis::Table t;
    CHECK_FALSE(analysis::runSweep(p, o, t));
    CHECK(t.rows.empty());
}

TEST_CASE("a truncated results file is refused at its line", "[analysis][errors]") {
    std::istringstream in("point,run,seed,vary:x,score\n0,0,1,2,50\n0,1,2,2\n");
    std::string error;
    CHECK_FALSE(analysis::readCsv(in, error).has_value());
    CHECK(error == "line 3: 4 cells, expected 5 (a truncated file?)");
    std::istringstream notOurs("a,b\n1,2\n");
    CHECK_FALSE(analysis::readCsv(notOurs, error).has_value());
    CHECK(error.rfind("line 1:", 0) == 0);
}

TEST_CASE("a sweep can hand back each run's findings, for the history", "[analysis][history]") {
    const auto p = plan("snowstorm", {"activation.directing=0h,20h"}, 3);
    std::vector<std::vector<analysis::FindingRecord>> findings;
    analysis::SweepOptions o;
    o.threads = 2;
    o.findings = &findings;
    analysis::Table t;
    REQUIRE(analysis::runSweep(p, o, t));
    REQUIRE(findings.size() == t.rows.size());
    for (std::size_t i = 0; i < findings.size(); ++i) {
        INFO("row " << i);
        // The snowstorm's four expected actions (and what the run did that nobody expected).
        CHECK(std::count_if(findings[i].begin(), findings[i].end(), [](const analysis::FindingRecord& f) { return f.status != "unexpected"; }) == 4);
    }
    // Activating the directing forum 20 h after the warning is late; at once it is on time.
    const auto status = [&](std::size_t row) {
        for (const auto& f : findings[row])
            if (f.action == "activate" && f.forum == "regionalt-inriktande-forum") return f.status;
        return std::string{};
    };
    CHECK(status(0) == "on-time");
    CHECK(status(3) != "on-time");
}

TEST_CASE("streamed results equal the known-good output of a small sweep, byte for byte", "[analysis][determinism]") {
    // tests/data/sweep/ was written by `samverkan sweep snowstorm --vary activation.directing=0h,4h
    // --vary decision.snow-clearing=on,off --runs 3` (and --summary, --format json, --shard 1/3) as
    // it was before it streamed: holding every run and writing the whole file at the end; written
    // again, with --threads 1, when the snowstorm's demands took their profiles over the day.
    const auto p = plan("snowstorm", {"activation.directing=0h,4h", "decision.snow-clearing=on,off"}, 3);
    using Format = analysis::ResultsWriter::Format;
    const auto streamed = [&](Format format, unsigned threads, std::uint32_t shard = 0, std::uint32_t shards = 1) {
        std::ostringstream out;
        analysis::ResultsWriter writer(out, analysis::sweepColumns(p), format);
        analysis::SweepOptions o;
        o.threads = threads;
        o.shard = shard;
        o.shards = shards;
        std::string error;
        REQUIRE(analysis::runSweep(p, o, [&](const analysis::Row& row, const auto&) { return writer.add(row, error); }));
        REQUIRE(writer.finish(error));
        return out.str();
    };
    const auto runs = fileText("tests/data/sweep/snowstorm-runs.csv"), summary = fileText("tests/data/sweep/snowstorm-summary.csv"),
               json = fileText("tests/data/sweep/snowstorm.json"), shard = fileText("tests/data/sweep/snowstorm-shard-1-of-3.csv");
    for (const unsigned threads : {1u, 2u, 3u}) {
        INFO(threads << " threads");
        CHECK(streamed(Format::csv, threads) == runs);
        CHECK(streamed(Format::summary, threads) == summary);
        CHECK(streamed(Format::json, threads) == json);
        CHECK(streamed(Format::csv, threads, 1, 3) == shard);
    }
    // And the functions on a whole table give the same bytes.
    const auto t = sweep(p, 2);
    CHECK(analysis::toCsv(t) == runs);
    CHECK(analysis::summaryToCsv(t) == summary);
    CHECK(analysis::toJson(t) == json);
}

TEST_CASE("a sweep hands its runs over in order, with a bounded number in hand", "[analysis]") {
    const auto p = plan("demonstration", {"convening.telephone=10min,1h"}, 100);
    analysis::SweepOptions o;
    o.threads = 3;
    std::atomic<std::size_t> handed{0}, mostAhead{0};
    o.progress = [&](std::size_t done, std::size_t) {
        const std::size_t before = handed.load();  // read first: done only grows
        mostAhead = std::max(mostAhead.load(), done - before);
    };
    std::uint32_t point = 0, run = 0;
    bool inOrder = true;
    REQUIRE(analysis::runSweep(p, o, [&](const analysis::Row& row, const auto&) {
        inOrder = inOrder && row.point == point && row.run == run;
        if (++run == p.runs) ++point, run = 0;
        // A slow sink (a slow disk): the threads must wait for it, not run on ahead.
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        handed.fetch_add(1);
        return true;
    }));
    CHECK(inOrder);
    CHECK(handed.load() == 200);
    // Runs finished but not handed over: at most the window (+1 for a hand-over between the reads).
    CHECK(mostAhead.load() <= analysis::kRunsAheadPerThread * 3 + 1);
}

TEST_CASE("a sink that fails stops the sweep", "[analysis]") {
    const auto p = plan("demonstration", {}, 50);
    analysis::SweepOptions o;
    o.threads = 2;
    int calls = 0;
    CHECK_FALSE(analysis::runSweep(p, o, [&](const analysis::Row&, const auto&) { return ++calls < 5; }));
    CHECK(calls == 5);
}
