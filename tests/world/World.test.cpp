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

TEST_CASE("a calm world stays whole, and it knows from which tick a service fell below its normal level", "[world]") {
    // Before the onset nothing is lost: every service stays at 1 and nothing has fallen yet.
    const auto calm = run(road(), 9 * kHour);
    CHECK(calm.wholeUntil() == INT64_MAX);
    CHECK(calm.level(0) == 1.0);
    CHECK(calm.level(1) == 1.0);
    CHECK(calm.outcome(0) == 0.0);
    // The snow starts at 10 h: the first tick after it takes the street, which the ploughs reach
    // only after the road, below 1; before that tick every sample is whole.
    const auto snowed = run(road(), 12 * kHour);
    CHECK(snowed.wholeUntil() == 10 * kHour + 5 * kMinute);
    CHECK(snowed.levelAt(0, 10 * kHour) == 1.0);
    CHECK(snowed.levelAt(1, 10 * kHour) == 1.0);
    CHECK(snowed.levelAt(1, 10 * kHour + 5 * kMinute) < 1.0);
    // A service that starts below its normal level recovers in calm weather: the calm ticks do
    // not freeze it, and it counts as fallen from the first tick.
    auto spec = road();
    spec.services[0].initial = {0.5, "test"};
    const auto recovering = run(spec, 1 * kHour);
    CHECK(recovering.wholeUntil() == 5 * kMinute);
    CHECK(recovering.level(0) > 0.5);
}

TEST_CASE("a resource below nothing makes its services fall even in calm weather", "[world]") {
    // An `add` may be negative, and effects undone in another order than they came can leave a
    // capacity a hair below zero: the share is then negative and the service loses ground with no
    // hazard acting. The calm ticks must not hide that.
    auto spec = road();
    spec.resources[0].capacity = {-1, "test"};
    const auto w = run(spec, 1 * kHour);
    CHECK(w.level(0) < 1.0);
    CHECK(w.wholeUntil() == 5 * kMinute);
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
    spec.effects = {{.on = EffectTrigger::jointPublicMessage, .label = {"Stanna hemma", "Stay home"}, .source = "test",
                     .changes = {{.demand = "cars", .factor = 0.3}}}};
    const World full = run(spec, 20 * kHour);
    const World fewer = run(spec, 20 * kHour, [](World& world, engine::Millis t) {
        if (t == kHour) world.publicMessage(true, t);
    });
    CHECK(fewer.demandFactor(0) == Approx(0.3));
    CHECK(fewer.level(0) > full.level(0));
    CHECK(fewer.outcome(0) < full.outcome(0));
}

TEST_CASE("typed triggers: a joint message is not an actor's own, and a member joining is by actor", "[world]") {
    auto spec = road();
    spec.effects = {{.on = EffectTrigger::ownPublicMessage, .changes = {{.demand = "cars", .factor = 0.9}}},
                    {.on = EffectTrigger::memberJoined, .actor = "forsvarsmakten", .changes = {{.resource = "ploughs", .factor = 2}}}};
    engine::Random rng("world-test", 1);
    World w(spec, rng, 24 * kHour);
    w.publicMessage(true, kHour);
    w.memberJoined("polisen", kHour);
    CHECK(w.applied().empty());
    w.publicMessage(false, kHour);
    w.memberJoined("forsvarsmakten", kHour);
    REQUIRE(w.applied().size() == 2);
    CHECK(w.demandFactor(0) == Approx(0.9));
    CHECK(w.resourceFactor(0) == Approx(2.0));
}

namespace {
// The road world with one measure, `close`, whose effect halves the cars, and its parameters.
WorldSpec withMeasure(std::vector<MeasureParamSpec> params, EffectSpec effect = {}) {
    auto spec = road();
    spec.measures = {{"close", std::move(params)}};
    effect.on = EffectTrigger::measure;
    effect.measure = 0;
    if (effect.changes.empty()) effect.changes = {{.demand = "cars", .factor = 0.5}};
    spec.effects = {effect};
    spec.areaWeights = {{"stockholms-stad", 0.4}, {"huddinge", 0.05}, {"solna", 0.05}, {"norrtalje", 0.5}};
    spec.groups = {{"inner", {"stockholms-stad", "solna"}, {}}};
    return spec;
}
}  // namespace

TEST_CASE("an effect is weaker the later it comes before the hazard, down to its floor", "[world]") {
    const auto spec = withMeasure({}, {.lead = 8 * kHour, .floor = 0.25, .label = {"Skolor", "Schools"}});
    auto strengthAt = [&](engine::Millis when) {
        engine::Random rng("world-test", 1);
        World w(spec, rng, 24 * kHour);
        w.measureImplemented(0, {}, 1.0, when);
        return w.applied().at(0).timeliness;
    };
    CHECK(strengthAt(kHour) == Approx(1.0));             // 9 h before onset: in good time
    CHECK(strengthAt(6 * kHour) == Approx(0.5));         // 4 h before onset, lead 8 h
    CHECK(strengthAt(12 * kHour) == Approx(0.25));       // after onset: the floor
    engine::Random rng("world-test", 1);
    World half(spec, rng, 24 * kHour);
    half.measureImplemented(0, {}, 0.5, kHour);  // one of two actors
    CHECK(half.demandFactor(0) == Approx(0.75));
}

TEST_CASE("an effect can hold only from before onset until after it", "[world]") {
    const auto spec = withMeasure({}, {.startBeforeOnset = 2 * kHour, .endAfterOnset = 4 * kHour});
    std::vector<double> factors;
    run(spec, 20 * kHour, [&](World& w, engine::Millis t) {
        if (t == kHour) w.measureImplemented(0, {}, 1.0, t);
        if (t == 5 * kHour || t == 9 * kHour || t == 13 * kHour) factors.push_back(w.demandFactor(0));
    });
    // The world applies it at the first tick at or after 8 h and undoes it at 14 h.
    CHECK(factors == std::vector<double>{1.0, 0.5, 0.5});
    const World after = run(spec, 20 * kHour, [&](World& w, engine::Millis t) {
        if (t == kHour) w.measureImplemented(0, {}, 1.0, t);
    });
    CHECK(after.demandFactor(0) == Approx(1.0));
}

TEST_CASE("measure parameters: a share scales the strength, and left out the default holds", "[world][measures]") {
    MeasureParamSpec share{.id = "lines", .kind = model::ParamKind::share, .defaultValue = 0.6};
    const auto spec = withMeasure({share});
    auto factorWith = [&](const std::vector<model::MeasureArg>& args, double weight = 1.0) {
        engine::Random rng("world-test", 1);
        World w(spec, rng, 24 * kHour);
        w.measureImplemented(0, args, weight, kHour);
        return w.demandFactor(0);
    };
    CHECK(factorWith({{"lines", 1.0, {}}}) == Approx(0.5));
    CHECK(factorWith({{"lines", 0.2, {}}}) == Approx(0.9));
    CHECK(factorWith({}) == Approx(0.7));                        // the default 0.6
    CHECK(factorWith({{"lines", 0.5, {}}}, 0.5) == Approx(0.875));  // share × weight
    CHECK(factorWith({{"lines", 0.0, {}}}) == Approx(1.0));
}

TEST_CASE("measure parameters: areas scale by population weight, groups count their members once", "[world][measures]") {
    MeasureParamSpec areas{.id = "where", .kind = model::ParamKind::areas, .defaultItems = {"inner"}};
    const auto spec = withMeasure({areas});
    auto factorWith = [&](const std::vector<model::MeasureArg>& args) {
        engine::Random rng("world-test", 1);
        World w(spec, rng, 24 * kHour);
        w.measureImplemented(0, args, 1.0, kHour);
        return w.demandFactor(0);
    };
    engine::Random rng("world-test", 1);
    const World probe(spec, rng, kHour);
    CHECK(probe.areaWeight("stockholms-stad") == Approx(0.4));
    CHECK(probe.areaWeight("polisen") == 0.0);
    CHECK(probe.areasWeight({"inner", "solna"}) == Approx(0.45));
    CHECK(factorWith({}) == Approx(1 - 0.45 * 0.5));  // the default: Stockholm and Solna
    CHECK(factorWith({{"where", 0, {"huddinge"}}}) == Approx(1 - 0.05 * 0.5));
    CHECK(factorWith({{"where", 0, {"inner", "huddinge", "norrtalje"}}}) == Approx(0.5));
}

TEST_CASE("measure parameters: until sets how long after the onset the measure holds", "[world][measures]") {
    MeasureParamSpec until{.id = "until", .kind = model::ParamKind::until, .defaultValue = 2};
    const auto spec = withMeasure({until}, {.endAfterOnset = 8 * kHour});
    auto factorAt = [&](const std::vector<model::MeasureArg>& args, engine::Millis at) {
        double factor = 0;
        run(spec, 20 * kHour, [&](World& w, engine::Millis t) {
            if (t == kHour) w.measureImplemented(0, args, 1.0, t);
            if (t == at) factor = w.demandFactor(0);
        });
        return factor;
    };
    // Onset at 10 h: the default holds until 12 h, an argument of 5 h until 15 h.
    CHECK(factorAt({}, 11 * kHour) == Approx(0.5));
    CHECK(factorAt({}, 13 * kHour) == Approx(1.0));
    CHECK(factorAt({{"until", 5, {}}}, 13 * kHour) == Approx(0.5));
    CHECK(factorAt({{"until", 5, {}}}, 16 * kHour) == Approx(1.0));
}

TEST_CASE("measure parameters: order sets the order of the measure's priority list", "[world][measures]") {
    MeasureParamSpec order{.id = "order", .kind = model::ParamKind::order, .defaultItems = {"road", "street"}};
    const auto spec = withMeasure({order}, {.changes = {{.list = "clearing", .order = {"road", "street"}}}});
    engine::Random rng("world-test", 1);
    World w(spec, rng, 24 * kHour);
    w.measureImplemented(0, {{"order", 0, {"street", "road"}}}, 1.0, kHour);
    CHECK(w.order(0) == std::vector<std::size_t>{1, 0});
    w.measureImplemented(0, {}, 1.0, 2 * kHour);  // the default order
    CHECK(w.order(0) == std::vector<std::size_t>{0, 1});
    // Another measure index, or none, changes nothing.
    w.measureImplemented(5, {{"order", 0, {"street", "road"}}}, 1.0, 3 * kHour);
    CHECK(w.order(0) == std::vector<std::size_t>{0, 1});
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
    CHECK(w.observes("trafikverket", 0));
    CHECK_FALSE(w.observes("trafikverket", 1));
    // What Trafikverket reports of what it sees is what a forum's picture can hold.
    ReportedKnowledge forum(spec.services.size());
    forum.reported(1, 0, seen, 14 * kHour);
    const auto picture = forum.compile({0, 1}, 14 * kHour);
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
