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
