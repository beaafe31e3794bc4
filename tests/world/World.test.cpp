// The consequence model on small hand-made worlds, where every figure can be worked out by hand.
#include <catch2/catch.hpp>

#include "sim/world/World.hpp"

using namespace samverkan;
using namespace samverkan::world;
using engine::kHour;
using engine::kMinute;

namespace {

// One hazard (onset 10 h, peak 2, 6 h, ramp 1 h), one road that loses 0.25 per hour per unit,
// one resource of 10 units, traffic that blocks recovery, and one outcome.
WorldSpec road() {
    WorldSpec w;
    w.tick = 5 * kMinute;
    w.hazards = {{"snow", {"Snö", "Snow"}, "cm/h", {10, 0, "test"}, {2, 0, "test"}, {6, 0, "test"}, 1.0, {}}};
    w.demands = {{"cars", {"Bilar", "Cars"}, "cars/h", {1000, "test"}}};
    w.resources = {{"ploughs", {"Plogar", "Ploughs"}, "trafikverket", {10, "test"}, "clearing", {"road", "street"}}};
    ServiceSpec roadSvc;
    roadSvc.id = "road";
    roadSvc.hazard = "snow";
    roadSvc.sensitivity = {0.25, "test"};
    roadSvc.resource = "ploughs";
    roadSvc.need = {10, "test"};
    roadSvc.recovery = {0.4, "test"};
    roadSvc.blockedBy = {{"cars", {0.9, "test"}}};
    ServiceSpec street = roadSvc;
    street.id = "street";
    street.blockedBy.clear();
    w.services = {roadSvc, street};
    w.outcomes = {{"stranded", {"Strandade", "Stranded"}, "person-hours", {{"road", "cars", false}}}};
    return w;
}

World run(const WorldSpec& spec, engine::Millis until, const std::function<void(World&, engine::Millis)>& each = {}) {
    engine::Random rng("world-test", 1);
    World w(spec, rng, until);
    for (engine::Millis t = spec.tick; t <= until; t += spec.tick) {
        if (each) each(w, t);
        w.tick(t);
    }
    return w;
}

}  // namespace

TEST_CASE("a hazard is zero before onset, ramps to its peak, holds, and falls to zero", "[world]") {
    engine::Random rng("world-test", 1);
    const World w(road(), rng, 24 * kHour);
    CHECK(w.drawn(0).onset == 10 * kHour);
    CHECK(w.intensity(0, 9 * kHour) == 0.0);
    CHECK(w.intensity(0, 10 * kHour + 30 * kMinute) == Approx(1.0));
    CHECK(w.intensity(0, 13 * kHour) == Approx(2.0));
    CHECK(w.intensity(0, 15 * kHour + 30 * kMinute) == Approx(1.0));
    CHECK(w.intensity(0, 16 * kHour) == 0.0);
    CHECK(w.firstOnset() == 10 * kHour);
}

TEST_CASE("uncertain hazards are drawn per run from the world's own stream, within their spread", "[world]") {
    auto spec = road();
    spec.hazards[0].onsetHours = {22, 3, "test"};
    engine::Random a("world", 5), b("world", 5), c("world", 6);
    const World wa(spec, a, kHour), wb(spec, b, kHour), wc(spec, c, kHour);
    CHECK(wa.drawn(0).onset == wb.drawn(0).onset);
    CHECK(wa.drawn(0).onset != wc.drawn(0).onset);
    CHECK(wa.drawn(0).onset >= 19 * kHour);
    CHECK(wa.drawn(0).onset <= 25 * kHour);
    CHECK(wa.drawn(0).onset % kMinute == 0);
}

TEST_CASE("a resource goes to services in priority order, each up to its need", "[world]") {
    // Ten units, both services need ten: the first on the list keeps up, the second gets nothing.
    const World first = run(road(), 20 * kHour);
    CHECK(first.level(0) > first.level(1));
    auto reversed = road();
    reversed.resources[0].defaultOrder = {"street", "road"};
    const World second = run(reversed, 20 * kHour);
    CHECK(second.level(1) == Approx(1.0));
    CHECK(second.level(0) < 1.0);
}

TEST_CASE("a forum's priority order replaces the default order", "[world]") {
    const World w = run(road(), 20 * kHour, [](World& world, engine::Millis t) {
        if (t == kHour) world.setPriorities("clearing", {"street", "road"});
    });
    CHECK(w.order(0) == std::vector<std::size_t>{1, 0});
    CHECK(w.level(1) == Approx(1.0));
}

TEST_CASE("traffic on a degraded road blocks its recovery: fewer cars, faster recovery", "[world]") {
    auto spec = road();
    spec.effects = {{"public-message", "", false, false, 0, 1.0, -1, -1, {"Stanna hemma", "Stay home"}, "test",
                     {{"cars", "", 0.3, 0, "", "", {}}}}};
    const World full = run(spec, 20 * kHour);
    const World fewer = run(spec, 20 * kHour, [](World& world, engine::Millis t) {
        if (t == kHour) world.signal({"public-message", "", true, 1.0}, t);
    });
    CHECK(fewer.demandFactor(0) == Approx(0.3));
    CHECK(fewer.level(0) > full.level(0));
    CHECK(fewer.outcome(0) < full.outcome(0));
}

TEST_CASE("an effect is weaker the later it comes before the hazard, down to its floor", "[world]") {
    auto spec = road();
    spec.effects = {{"implemented", "close-schools", false, false, 8 * kHour, 0.25, -1, -1, {"Skolor", "Schools"}, "test",
                     {{"cars", "", 0.5, 0, "", "", {}}}}};
    auto strengthAt = [&](engine::Millis when) {
        engine::Random rng("world-test", 1);
        World w(spec, rng, 24 * kHour);
        w.signal({"implemented", "close-schools", false, 1.0}, when);
        return w.applied().at(0).timeliness;
    };
    CHECK(strengthAt(kHour) == Approx(1.0));             // 9 h before onset: in good time
    CHECK(strengthAt(6 * kHour) == Approx(0.5));         // 4 h before onset, lead 8 h
    CHECK(strengthAt(12 * kHour) == Approx(0.25));       // after onset: the floor
    engine::Random rng("world-test", 1);
    World half(spec, rng, 24 * kHour);
    half.signal({"implemented", "close-schools", false, 0.5}, kHour);  // one of two actors
    CHECK(half.demandFactor(0) == Approx(0.75));
}

TEST_CASE("an effect can hold only from before onset until after it", "[world]") {
    auto spec = road();
    spec.effects = {{"implemented", "cancel", false, false, 0, 1.0, 2 * kHour, 4 * kHour, {"Inställt", "Cancelled"}, "test",
                     {{"cars", "", 0.5, 0, "", "", {}}}}};
    std::vector<double> factors;
    run(spec, 20 * kHour, [&](World& w, engine::Millis t) {
        if (t == kHour) w.signal({"implemented", "cancel", false, 1.0}, t);
        if (t == 5 * kHour || t == 9 * kHour || t == 13 * kHour) factors.push_back(w.demandFactor(0));
    });
    // The world applies it at the first tick at or after 8 h and undoes it at 14 h.
    CHECK(factors == std::vector<double>{1.0, 0.5, 0.5});
    const World after = run(spec, 20 * kHour, [&](World& w, engine::Millis t) {
        if (t == kHour) w.signal({"implemented", "cancel", false, 1.0}, t);
    });
    CHECK(after.demandFactor(0) == Approx(1.0));
}

TEST_CASE("outcomes integrate unserved demand over time", "[world]") {
    auto spec = road();
    spec.hazards[0].peak = {0, 0, "test"};  // no snow: the road stays open, nobody is stranded
    CHECK(run(spec, 24 * kHour).outcome(0) == 0.0);
    // A road that is fully closed strands all 1000 cars an hour.
    auto closed = road();
    closed.services[0].sensitivity = {1000, "test"};
    closed.services[0].recovery = {0, "test"};
    closed.hazards[0].onsetHours = {0, 0, "test"};
    closed.hazards[0].rampHours = 0.01;
    closed.hazards[0].durationHours = {100, 0, "test"};
    const World w = run(closed, 10 * kHour);
    CHECK(w.outcome(0) == Approx(10 * 1000.0).epsilon(0.01));
    CHECK(w.samples() == 120);
    CHECK(w.sampledLevel(119, 0) == 0.0f);
}

TEST_CASE("an actor sees the services it observes, as they were a report delay ago", "[world][knowledge]") {
    auto spec = road();
    spec.services[0].observers = {"trafikverket"};
    spec.services[0].reportDelay = 30 * kMinute;
    engine::Random rng("world-test", 1);
    World w(spec, rng, 24 * kHour);
    for (engine::Millis t = spec.tick; t <= 14 * kHour; t += spec.tick) w.tick(t);
    const auto seen = w.observedBy("trafikverket", 0, 14 * kHour);
    CHECK(seen.observedAt == 14 * kHour - 30 * kMinute);
    CHECK(seen.level == Approx(w.levelAt(0, 14 * kHour - 30 * kMinute)));
    CHECK(seen.level > w.level(0));  // the road is getting worse: what they see is behind
    CHECK(w.observedBy("polisen", 0, 14 * kHour).observedAt == -1);
    const auto picture = w.compilePicture({"polisen", "trafikverket"}, 14 * kHour);
    CHECK(picture.services[0].observedAt == seen.observedAt);
    CHECK(picture.services[1].observedAt == -1);  // nobody observes the street
    CHECK(picture.oldestObservation() == seen.observedAt);
    CHECK(w.levelAt(0, 0) == 1.0);
}

TEST_CASE("a hazard's areas weigh how hard each municipality is hit – unknown services are left out", "[world][map]") {
    WorldSpec w = road();
    // County-wide by default: every actor's area bears the mean loss of the hazard's services.
    CHECK(areaImpact(w, "solna", {0.5, 0.9}) == Approx(0.3));
    CHECK(areaImpact(w, "solna", {0.5, -1}) == Approx(0.5));  // the street is not known
    CHECK(areaImpact(w, "solna", {-1, -1}) == -1);            // nothing known
    w.hazards[0].areas = {{"stockholms-stad", 1.0}, {"solna", 0.5}};
    CHECK(areaImpact(w, "stockholms-stad", {0.5, 0.9}) == Approx(0.3));
    CHECK(areaImpact(w, "solna", {0.5, 0.9}) == Approx(0.15));
    CHECK(areaImpact(w, "norrtalje", {0.5, 0.9}) == 0);  // outside the hazard's areas
}
