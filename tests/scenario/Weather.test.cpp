// Hazards from observations and forecasts, demand profiles and injects dated before the start, as
// a scenario file gives them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "sim/exercise/Exercise.hpp"
#include "sim/exercise/JournalWriter.hpp"
#include "sim/render/Renderer.hpp"
#include "sim/scenario/Scenario.hpp"
#include "sim/scenario/SeriesCsv.hpp"

using namespace samverkan;
using engine::kDay;
using engine::kHour;
using engine::kMinute;

namespace {
std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const world::HazardSpec& hazard(const scenario::Scenario& s, const std::string& id) {
    const auto* h = model::findById(s.world->hazards, id);
    REQUIRE(h != nullptr);
    return *h;
}
}  // namespace

TEST_CASE("a hazard is read from an SMHI CSV, from inline hourly values or as a forecast", "[scenario][series]") {
    const auto loaded = scenario::loadScenario("tests/data/good/weather-series.yaml");
    INFO((loaded.diagnostics.empty() ? std::string() : loaded.diagnostics.front().str()));
    REQUIRE(loaded.ok());
    const auto& s = *loaded.value;
    // The CSV's first row is stamped 06:00 UTC: the hour 05–06 UTC, which is the start (06:00+01:00).
    const auto& snow = hazard(s, "snow");
    CHECK(snow.kind == world::HazardKind::series);
    CHECK(snow.seriesStart == 0);
    REQUIRE(snow.values.size() == 12);
    CHECK(snow.values[2] == Approx(0.4));
    CHECK(snow.values[5] == Approx(3.1));
    CHECK(snow.beginsAbove == Approx(0.2));
    CHECK(snow.seriesFile == "weather/test-station.csv");
    // Inline values from an offset, and a forecast from a date and time in another offset.
    const auto& rain = hazard(s, "rain");
    CHECK(rain.seriesStart == -2 * kHour);
    CHECK(rain.values == std::vector<double>{0, 1, 2});
    const auto& wind = hazard(s, "wind");
    CHECK(wind.kind == world::HazardKind::forecast);
    CHECK(wind.seriesStart == 3 * kHour);
    CHECK(wind.shiftHours.spread == Approx(2));
    CHECK(wind.scale.spread == Approx(0.2));
    // A service exposed to two hazards, each with its threshold.
    const auto& roads = s.world->services.front();
    REQUIRE(roads.exposures.size() == 2);
    CHECK(roads.exposures[1].hazard == "wind");
    CHECK(roads.exposures[1].above.value == 15);
}

TEST_CASE("a demand profile is normalised to its weekday and starts at the scenario's local weekday and hour",
          "[scenario][profile]") {
    const auto loaded = scenario::loadScenario("tests/data/good/weather-series.yaml");
    REQUIRE(loaded.ok());
    const auto& w = *loaded.value->world;
    REQUIRE(w.profiles.size() == 1);
    const auto& p = w.profiles.front();
    double sum = 0;
    for (const double v : p.weekday) sum += v;
    CHECK(sum == Approx(24.0));
    // The file's weekday 07:00 is ten times its 00:00, its Saturday 09:00 four times.
    CHECK(p.weekday[7] == Approx(10 * p.weekday[0]));
    CHECK(p.saturday[9] == Approx(4 * p.weekday[0]));
    CHECK(w.demands.front().profile == "commute");
    // 2026-01-14 is a Wednesday: 06:00 local is 2 days and 6 hours after the Monday 00:00 before it.
    CHECK(w.startSinceMonday == 2 * kDay + 6 * kHour);
    // A Sunday evening start, in the snowstorm (whose times are all offsets from its start).
    auto text = read("scenarios/snowstorm.yaml");
    const auto at = text.find("start: 2026-01-14T06:00+01:00");
    REQUIRE(at != std::string::npos);
    text.replace(at, std::string("start: 2026-01-14T06:00+01:00").size(), "start: 2026-01-18T23:30+01:00");
    const auto sunday = scenario::loadScenarioText("scenarios/snowstorm.yaml", text);
    INFO((sunday.diagnostics.empty() ? std::string() : sunday.diagnostics.front().str()));
    REQUIRE(sunday.ok());
    CHECK(sunday.value->world->startSinceMonday == 6 * kDay + 23 * kHour + 30 * kMinute);
    // An SMHI series dated for the Wednesday lies outside a scenario that starts on the Sunday.
    auto moved = read("tests/data/good/weather-series.yaml");
    moved.replace(moved.find("start: 2026-01-14T06:00+01:00"), std::string("start: 2026-01-14T06:00+01:00").size(),
                  "start: 2026-01-18T23:30+01:00");
    const auto outside = scenario::loadScenarioText("tests/data/good/weather-series.yaml", moved);
    REQUIRE_FALSE(outside.diagnostics.empty());
    CHECK(outside.diagnostics.front().str().rfind("tests/data/good/weather/test-station.csv:11:1: error: the hour up to "
                                                  "2026-01-14T06:00Z is outside the scenario",
                                                  0) == 0);
}

TEST_CASE("an inject dated before the start is delivered at the start, says when it was issued, and sets going what "
          "one at the start does", "[scenario][exercise]") {
    const std::string path = "scenarios/snowstorm.yaml";
    const auto text = read(path);
    const std::string at = "    at: +0h\n    from: smhi\n    to: [sos-alarm]";
    const auto where = text.find(at);
    REQUIRE(where != std::string::npos);
    auto before = text;
    before.replace(where, std::string("    at: +0h").size(), "    at: 2026-01-13T15:00+01:00");
    const auto atStart = scenario::loadScenarioText(path, text);
    const auto earlier = scenario::loadScenarioText(path, before);
    INFO((earlier.diagnostics.empty() ? std::string() : earlier.diagnostics.front().str()));
    REQUIRE(atStart.ok());
    REQUIRE(earlier.ok());
    CHECK(earlier.value->inject("smhi-warning")->when.at == -15 * kHour);
    exercise::Exercise a(*atStart.value, {}), b(*earlier.value, {});
    a.runToEnd();
    b.runToEnd();
    const auto& ea = a.journal().entries();
    const auto& eb = b.journal().entries();
    const render::Renderer ra(*atStart.value), rb(*earlier.value);
    REQUIRE(ea.size() == eb.size());
    std::size_t injects = 0;
    for (std::size_t i = 0; i < ea.size(); ++i) {
        INFO("entry " << i);
        CHECK(ea[i].t == eb[i].t);
        CHECK(ea[i].kind == eb[i].kind);
        const auto* inject = std::get_if<protocol::InjectDelivered>(&eb[i].event);
        if (inject != nullptr && inject->inject == "smhi-warning") {
            ++injects;
            CHECK(eb[i].t == 0);
            CHECK(inject->issued == -15 * kHour);
            const auto line = exercise::toJsonLine(eb[i], rb);
            CHECK(line.find("Issued 15 h before the exercise's start") != std::string::npos);
            CHECK(line.find("\"issued_ms\":-54000000") != std::string::npos);
        } else if (i > 0) {  // the start entry names the file's text, the same for both
            CHECK(exercise::toJsonLine(ea[i], ra) == exercise::toJsonLine(eb[i], rb));
        }
    }
    CHECK(injects == 1);
    // Only injects may be dated before the start.
    auto step = text;
    const auto firstStep = step.find("on: {inject: smhi-warning}");
    REQUIRE(firstStep != std::string::npos);
    step.replace(firstStep, std::string("on: {inject: smhi-warning}").size(), "at: -1h");
    const auto bad = scenario::loadScenarioText(path, step);
    REQUIRE_FALSE(bad.diagnostics.empty());
    CHECK(bad.diagnostics.front().message.find("only an inject may be dated before it") != std::string::npos);
}

TEST_CASE("an SMHI CSV saved with a byte-order mark reads the same series as one without", "[scenario][series]") {
    const std::string path = "tests/data/good/weather-series.yaml";
    auto text = read(path);
    const std::string plain = "weather/test-station.csv";
    const auto at = text.find(plain);
    REQUIRE(at != std::string::npos);
    REQUIRE(read("tests/data/good/weather/test-station-bom.csv").rfind("\xEF\xBB\xBF", 0) == 0);
    text.replace(at, plain.size(), "weather/test-station-bom.csv");
    const auto without = scenario::loadScenario(path);
    const auto with = scenario::loadScenarioText(path, text);
    INFO((with.diagnostics.empty() ? std::string() : with.diagnostics.front().str()));
    REQUIRE(without.ok());
    REQUIRE(with.ok());
    const auto& a = hazard(*without.value, "snow");
    const auto& b = hazard(*with.value, "snow");
    CHECK(b.values.size() == 12);
    CHECK(b.values == a.values);
    CHECK(b.seriesStart == a.seriesStart);
}

namespace {
// An SMHI file of hourly snowfall from 06:00 UTC on 2026-01-14, one row per given hour and value.
std::string smhiFile(const std::string& name, const std::vector<std::pair<std::string, std::string>>& rows,
                     const std::string& prefix = "") {
    std::string text =
        prefix + "Stationsnamn;Stationsnummer\nTeststation;99999\n\nDatum;Tid (UTC);Nederbördsmängd;Kvalitet\n";
    for (const auto& [hour, value] : rows) text += "2026-01-14;" + hour + ":00:00;" + value + ";G\n";
    const auto path = std::filesystem::temp_directory_path() / ("samverkan-series-" + name + ".csv");
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

scenario::SeriesRead readSeries(const std::string& path, double factor = 1) {
    const auto start = engine::parseIsoTime("2026-01-14T06:00+01:00");
    REQUIRE(start.has_value());
    return scenario::readSmhiCsv(path, {start->epochMs, 12 * kHour, 0}, factor, 1024 * 1024);
}
}  // namespace

TEST_CASE("an hour given again is repeated, with the line it was first on, and one never given is out of order",
          "[scenario][series]") {
    // Rows on lines 5 to 9; the repeat of 07:00 (line 6) on line 9, after 08:00 and 09:00.
    auto r = readSeries(smhiFile("repeat", {{"06", "0"}, {"07", "0.5"}, {"08", "1"}, {"09", "1"}, {"07", "0.5"}}));
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 9);
    CHECK(r.diagnostics[0].column == 1);
    CHECK(r.diagnostics[0].message ==
          "the hour 2026-01-14T07:00Z is repeated: line 9 gives it again after line 6; an hourly series gives each "
          "hour once");
    // The same hour twice in a row is a repeat too.
    r = readSeries(smhiFile("twice", {{"06", "0"}, {"07", "0.5"}, {"07", "0.5"}}));
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find("is repeated: line 7 gives it again after line 6") != std::string::npos);
    // An hour before the first row was never given: out of order.
    r = readSeries(smhiFile("order", {{"07", "0"}, {"08", "0.5"}, {"06", "0.5"}}));
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 7);
    CHECK(r.diagnostics[0].message == "times out of order: 2026-01-14T06:00Z comes after 2026-01-14T08:00Z (line 6)");
}

TEST_CASE("an SMHI value is multiplied by the series' factor, and one that overflows is refused where it stands",
          "[scenario][series]") {
    auto r = readSeries(smhiFile("factor", {{"06", "0"}, {"07", "0.5"}, {"08", "1.25"}}), 2.0);
    REQUIRE(r.diagnostics.empty());
    CHECK(r.values == std::vector<double>{0, 1, 2.5});
    // The largest value a double holds is a number; times 10 it is not.
    r = readSeries(smhiFile("overflow", {{"06", "0"}, {"07", "  1.7e308"}}), 10.0);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 6);
    CHECK(r.diagnostics[0].column == 23);  // past the spaces, at the value
    CHECK(r.diagnostics[0].message == "the value 1.7e308 times the series' factor 10 is too large to hold");
    r = readSeries(smhiFile("no-overflow", {{"06", "0"}, {"07", "1.7e308"}}), 1.0);
    CHECK(r.diagnostics.empty());
    // Negative, with a '-', whether or not the number could be held.
    r = readSeries(smhiFile("negative", {{"06", "-1e400"}}));
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message == "the value must not be negative; got -1e400");
}

TEST_CASE("a byte-order mark is not counted in the first line's columns", "[scenario][series]") {
    // The data header on the first line, separated by tabs: the tab is the sixth character.
    const auto path = std::filesystem::temp_directory_path() / "samverkan-series-bom-tab.csv";
    std::ofstream(path, std::ios::binary)
        << "\xEF\xBB\xBF"
           "Datum\tTid (UTC)\tNederbördsmängd\tKvalitet\n2026-01-14\t06:00:00\t0\tG\n";
    const auto r = readSeries(path.string());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 1);
    CHECK(r.diagnostics[0].column == 6);
    CHECK(r.diagnostics[0].message ==
          "fields must be separated by ';' (the layout of SMHI's open-data CSV); this line uses a tab");
    // Other separators are shown between quotes.
    std::ofstream(path, std::ios::binary) << "Datum|Tid (UTC)|Nederbördsmängd|Kvalitet\n";
    const auto pipe = readSeries(path.string());
    REQUIRE(pipe.diagnostics.size() == 1);
    CHECK(pipe.diagnostics[0].message.find("this line uses '|'") != std::string::npos);
}

namespace {
// The weather scenario with injects and a doctrine rule set off by the rain (an inline series from
// -2h: 0, 1, 2 mm/h), and `extra` rules of the doctrine.
scenario::Loaded<scenario::Scenario> rainScenario(const std::string& rainLine, const std::string& extra = "") {
    const std::string path = "tests/data/good/weather-series.yaml";
    auto text = read(path);
    const std::string rain = "      series: {from: -2h, values: [0, 1, 2], source: test}\n";
    REQUIRE(text.find(rain) != std::string::npos);
    text.replace(text.find(rain), rain.size(), rainLine);
    const auto inject = [](const std::string& id, const std::string& on, const std::string& words) {
        return "  - id: " + id + "\n    on: " + on +
               "\n    from: smhi\n    to: [lansstyrelsen]\n    channel: warning\n"
               "    text: {sv: " +
               words + ", en: " + words + "}\n";
    };
    text.replace(text.find("plays:\n"), 0,
                 inject("rain-begun", "{hazard: rain, phase: onset}", "Regn") +
                     inject("rain-begun-later", "{hazard: rain, phase: onset}\n    after: 3h", "Regn") +
                     inject("rain-over", "{hazard: rain, phase: end}", "Uppehåll"));
    text.replace(
        text.find("world:\n"), 0,
        "behaviour:\n  - {rule: rain-convenes, who: lansstyrelsen, on: {hazard: rain, phase: onset}, do: convene, "
        "forum: coordinating, medium: telephone}\n" +
            extra);
    return scenario::loadScenarioText(path, text);
}

std::vector<const protocol::JournalEntry*> entries(const exercise::Exercise& run, protocol::Kind kind,
                                                   const std::string& ref = {}) {
    std::vector<const protocol::JournalEntry*> out;
    for (const auto& e : run.journal().entries())
        if (e.kind == kind && (ref.empty() || e.ref == ref)) out.push_back(&e);
    return out;
}

// The forums the doctrine convened and when, from its convene commands.
std::vector<std::pair<engine::Millis, std::string>> convenings(const exercise::Exercise& run) {
    std::vector<std::pair<engine::Millis, std::string>> out;
    for (const auto* e : entries(run, protocol::Kind::command))
        if (const auto* c = std::get_if<protocol::CommandIssued>(&e->event))
            if (const auto* convene = std::get_if<protocol::Convene>(&c->command))
                out.emplace_back(e->t, convene->forum);
    return out;
}

std::unique_ptr<exercise::Exercise> doctrineRun(const scenario::Scenario& s) {
    exercise::Options o;
    o.playName = scenario::kDoctrinePlay;
    auto run = std::make_unique<exercise::Exercise>(s, o);
    run->runToEnd();
    return run;
}
}  // namespace

TEST_CASE("what a series that began before the start sets off happens at the start", "[scenario][series][exercise]") {
    const auto loaded = rainScenario("      series: {from: -2h, values: [0, 1, 2], source: test}\n");
    INFO((loaded.diagnostics.empty() ? std::string() : loaded.diagnostics.front().str()));
    REQUIRE(loaded.ok());
    const auto owned = doctrineRun(*loaded.value);
    const auto& run = *owned;
    // The rain rose above nothing an hour before the start and ended an hour after it.
    const auto& rain = run.world()->drawn(run.world()->hazardIndex("rain"));
    REQUIRE(rain.begins);
    REQUIRE(rain.onset == -1 * kHour);
    REQUIRE(rain.duration == 2 * kHour);
    const auto at = [&](const std::string& ref) {
        const auto found = entries(run, protocol::Kind::inject, ref);
        REQUIRE(found.size() == 1);
        return found.front()->t;
    };
    CHECK(at("rain-begun") == 0);
    CHECK(at("rain-begun-later") == 2 * kHour);  // three hours after the onset, not after the start
    CHECK(at("rain-over") == 1 * kHour);
    // The doctrine rule on the rain's onset acts at the start too.
    const auto convened = convenings(run);
    REQUIRE_FALSE(convened.empty());
    CHECK(convened.front() == std::pair<engine::Millis, std::string>{0, "coordinating"});
}

TEST_CASE("a series that never rises above its threshold sets nothing off, and has passed",
          "[scenario][series][exercise]") {
    // A rule at the warning (delivered at the start) that acts if the rain has passed, and one that
    // acts if it has not.
    const std::string rules =
        "  - {rule: rain-passed, who: lansstyrelsen, on: {kind: inject, to: lansstyrelsen}, after: 1min, "
        "if: [{hazard_passed: rain}], do: convene, forum: directing, medium: telephone}\n"
        "  - {rule: rain-not-passed, who: lansstyrelsen, on: {kind: inject, to: lansstyrelsen}, after: 2min, "
        "if: [{hazard_not_passed: rain}], do: convene, forum: coordinating, medium: physical}\n";
    const auto loaded =
        rainScenario("      series: {from: -2h, values: [0, 1, 2], source: test}\n      begins_above: 5\n", rules);
    INFO((loaded.diagnostics.empty() ? std::string() : loaded.diagnostics.front().str()));
    REQUIRE(loaded.ok());
    const auto owned = doctrineRun(*loaded.value);
    const auto& run = *owned;
    REQUIRE_FALSE(run.world()->drawn(run.world()->hazardIndex("rain")).begins);
    // No onset, no end: none of the rain's injects comes, and the rule on its onset never acts.
    CHECK(entries(run, protocol::Kind::inject, "rain-begun").empty());
    CHECK(entries(run, protocol::Kind::inject, "rain-begun-later").empty());
    CHECK(entries(run, protocol::Kind::inject, "rain-over").empty());
    CHECK(entries(run, protocol::Kind::inject, "warning").size() == 1);
    // A hazard that never came has passed: only the rule for a passed rain acts, at once.
    const auto convened = convenings(run);
    REQUIRE_FALSE(convened.empty());
    CHECK(convened.front() == std::pair<engine::Millis, std::string>{1 * kMinute, "directing"});
    for (const auto& [t, forum] : convened) CHECK(forum != "coordinating");
}
