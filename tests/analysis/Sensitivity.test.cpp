// One-at-a-time sensitivity over the ranges the world's sources give.
#include <catch2/catch.hpp>

#include "sim/analysis/Sensitivity.hpp"
#include "tests/exercise/SceneHelpers.hpp"

using namespace samverkan;
using samverkan::test::shipped;

TEST_CASE("a figure's plausible range is read from its source, with or without units", "[analysis][sensitivity]") {
    double lo = 0, hi = 0;
    CHECK(analysis::parseRange("assumption (range 0.02–0.1): stuck lorries", lo, hi));
    CHECK(lo == Approx(0.02));
    CHECK(hi == Approx(0.1));
    CHECK(analysis::parseRange("Trafikverket class-1 roads: done 2 h after the snow stops; range 2–3 h", lo, hi));
    CHECK((lo == 2 && hi == 3));
    CHECK(analysis::parseRange("assumption (range 10–25 m/s): a strong wind", lo, hi));
    CHECK((lo == 10 && hi == 25));
    CHECK(analysis::parseRange("assumption (range 2 h-6 h)", lo, hi));
    CHECK((lo == 2 && hi == 6));
    CHECK(analysis::parseRange("assumption (range 0.001–0.006 per cm above it per hour)", lo, hi));
    CHECK(lo == Approx(0.001));
    // Digits grouped by spaces, as the sources write large numbers.
    CHECK(analysis::parseRange("assumption (range 70 000–150 000 cars an hour)", lo, hi));
    CHECK((lo == 70000 && hi == 150000));
    // A percentage is a share of something else, not the figure's own range.
    CHECK_FALSE(analysis::parseRange("a third of the bus travellers (range 25–40 %)", lo, hi));
    // No range, a range that falls, or words instead of numbers: nothing.
    CHECK_FALSE(analysis::parseRange("assumption", lo, hi));
    CHECK_FALSE(analysis::parseRange("assumption (range 5–2)", lo, hi));
    CHECK_FALSE(analysis::parseRange("a wide range of figures", lo, hi));
    CHECK_FALSE(analysis::parseRange("range inf–nan", lo, hi));
}

TEST_CASE("the snowstorm's ranged figures are found by name and can be set, the others left alone", "[analysis][sensitivity]") {
    const auto& s = shipped("snowstorm");
    const auto params = analysis::rangedParams(*s.world);
    REQUIRE(params.size() >= 20);
    const auto it = std::find_if(params.begin(), params.end(), [](const auto& p) { return p.name == "main-roads.network.stuck_rate"; });
    REQUIRE(it != params.end());
    CHECK(it->base == Approx(0.04));
    CHECK(it->low == Approx(0.02));
    CHECK(it->high == Approx(0.1));
    // A figure without a range in its source is not among them (the grid crews' capacity says only "assumption").
    CHECK(std::none_of(params.begin(), params.end(), [](const auto& p) { return p.name == "grid-crews.capacity"; }));
    // Every figure varied lies within its range, and both ends keep the world one the loader accepts.
    for (const auto& p : params) {
        INFO(p.name);
        CHECK(p.low <= p.base);
        CHECK(p.base <= p.high);
        for (const double end : {p.low, p.high}) {
            auto w = *s.world;
            REQUIRE(analysis::setParam(w, p.name, end));
            CHECK(analysis::inconsistency(w).empty());
        }
    }
    auto w = *s.world;
    CHECK(analysis::setParam(w, "main-roads.network.stuck_rate", 0.07));
    CHECK(model::findById(w.services, "main-roads")->network.stuckRate.value == 0.07);
    CHECK(model::findById(w.services, "local-streets")->network.stuckRate.value == Approx(0.04));
    CHECK_FALSE(analysis::setParam(w, "main-roads.network.no-such", 1));
}

TEST_CASE("sensitivity moves each outcome the way its mechanism says, the same for the same seeds", "[analysis][sensitivity]") {
    const auto& s = shipped("snowstorm");
    analysis::SensitivityOptions o;
    o.runs = 2;
    o.only = {"main-roads.network.stuck_rate", "power.recovery"};
    const auto r = analysis::sensitivity(s, o);
    REQUIRE(r.params.size() == 2);
    const auto outcome = [&](const std::string& id) {
        return static_cast<std::size_t>(std::find(r.outcomes.begin(), r.outcomes.end(), id) - r.outcomes.begin());
    };
    const auto swingOf = [&](const std::string& outcomeId, const std::string& figure) {
        for (const auto& w : r.swings[outcome(outcomeId)])
            if (r.params[w.param].name == figure) return w;
        FAIL("no swing");
        return analysis::Swing{};
    };
    // More vehicles stuck per hour strand more people; faster line repair leaves fewer without power.
    const auto stuck = swingOf("person-hours-stranded", "main-roads.network.stuck_rate");
    CHECK(stuck.atHigh > stuck.atLow);
    CHECK(stuck.elasticity > 0);
    const auto repair = swingOf("customer-hours-without-power", "power.recovery");
    CHECK(repair.atHigh < repair.atLow);
    CHECK(repair.elasticity < 0);
    // The power lines' repair has nothing to do with people stranded on the roads.
    CHECK(swingOf("person-hours-stranded", "power.recovery").swing == 0);
    // Largest first, and the same again for the same seeds.
    for (const auto& list : r.swings)
        for (std::size_t i = 1; i < list.size(); ++i) CHECK(list[i - 1].swing >= list[i].swing);
    const auto again = analysis::sensitivity(s, o);
    CHECK(again.baseMeans == r.baseMeans);
    CHECK(again.swings[0][0].atHigh == r.swings[0][0].atHigh);
    // The chart names the figures and the outcome.
    const auto svg = analysis::tornadoSvg(r, outcome("person-hours-stranded"), "test");
    CHECK(svg.find("main-roads.network.stuck_rate (0.02–0.10)") != std::string::npos);
    CHECK(svg.find(">person-hours-stranded</text>") != std::string::npos);
}

TEST_CASE("a range whose end would break a rule of the model is left out, and said so", "[analysis][sensitivity]") {
    auto w = *shipped("snowstorm").world;
    // The main roads' passable_to at 35 cm would lie beyond their closed_at of 30 cm.
    for (auto& svc : w.services)
        if (svc.id == "main-roads") svc.network.passableTo.source = "assumption (range 3–35 cm)";
    std::vector<std::string> notVaried;
    const auto params = analysis::rangedParams(w, &notVaried);
    CHECK(std::none_of(params.begin(), params.end(), [](const auto& p) { return p.name == "main-roads.network.passable_to"; }));
    REQUIRE(notVaried.size() == 1);
    CHECK(notVaried[0].find("main-roads.network.passable_to: at 35") == 0);
    CHECK(notVaried[0].find("closed_at is no deeper than passable_to") != std::string::npos);
    // A value outside its own stated range is not varied either.
    for (auto& svc : w.services)
        if (svc.id == "main-roads") svc.network.passableTo.source = "assumption (range 10–20 cm)";
    notVaried.clear();
    analysis::rangedParams(w, &notVaried);
    REQUIRE(notVaried.size() == 1);
    CHECK(notVaried[0].find("lies outside the range its source gives") != std::string::npos);
    // And a title with markup in it does not break the chart.
    analysis::SensitivityOptions o;
    o.runs = 1;
    o.only = {"main-roads.network.stuck_rate"};
    const auto r = analysis::sensitivity(shipped("snowstorm"), o);
    const auto svg = analysis::tornadoSvg(r, 0, "Snow & wind <red>");
    CHECK(svg.find("Snow &amp; wind &lt;red&gt;") != std::string::npos);
}
