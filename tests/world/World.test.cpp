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
    HazardSpec snow;
    snow.id = "snow";
    snow.name = {"Snö", "Snow"};
    snow.unit = "cm/h";
    snow.onsetHours = {10, 0, "test"};
    snow.peak = {2, 0, "test"};
    snow.durationHours = {6, 0, "test"};
    w.hazards = {snow};
    w.demands = {{"cars", {"Bilar", "Cars"}, "cars/h", {1000, "test"}}};
    w.resources = {{"ploughs", {"Plogar", "Ploughs"}, "trafikverket", {10, "test"}, "clearing", {"road", "street"}}};
    ServiceSpec roadSvc;
    roadSvc.id = "road";
    roadSvc.exposures = {{"snow", {0.25, "test"}}};
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
    closed.services[0].exposures[0].sensitivity = {1000, "test"};
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

namespace {
HazardSpec hourly(const std::string& id, Millis from, std::vector<double> values) {
    HazardSpec h;
    h.id = id;
    h.unit = "cm/h";
    h.kind = HazardKind::series;
    h.seriesStart = from;
    h.values = std::move(values);
    return h;
}
}  // namespace

TEST_CASE("an observed series gives each hour its value, from where it begins, and its onset above a threshold",
          "[world][series]") {
    auto spec = road();
    // SMHI's hourly sums: the value of an hour holds for the whole hour, the first hour before the start.
    spec.hazards = {hourly("snow", -1 * kHour, {0.1, 0.3, 2.0, 3.0, 0.2, 0.0})};
    spec.hazards[0].beginsAbove = 0.25;
    engine::Random rng("world-test", 1);
    World w(spec, rng, 12 * kHour);
    CHECK(w.intensity(0, 0) == Approx(0.1));  // the hour before the start, up to its end
    CHECK(w.intensity(0, 5 * kMinute) == Approx(0.3));
    CHECK(w.intensity(0, 1 * kHour) == Approx(0.3));  // a tick ending on the hour lies in the hour before it
    CHECK(w.intensity(0, 1 * kHour + 5 * kMinute) == Approx(2.0));
    CHECK(w.intensity(0, 2 * kHour + 30 * kMinute) == Approx(3.0));
    CHECK(w.intensity(0, 10 * kHour) == 0.0);
    CHECK(w.intensity(0, -2 * kHour) == 0.0);
    // Above 0.25 from the second hour (0:00) to the end of the fourth (3:00); 0.2 does not count.
    CHECK(w.drawn(0).onset == 0);
    CHECK(w.drawn(0).duration == 3 * kHour);
    CHECK(w.drawn(0).peak == Approx(3.0));
    CHECK(w.firstOnset() == 0);
}

TEST_CASE("a forecast moves its series and scales it by amounts drawn per run, the same for the same seed",
          "[world][series]") {
    auto spec = road();
    spec.hazards = {hourly("snow", 10 * kHour, {1, 2, 3, 2, 1})};
    spec.hazards[0].kind = HazardKind::forecast;
    spec.hazards[0].shiftHours = {0, 3, "test"};
    spec.hazards[0].scale = {1, 0.3, "test"};
    const auto drawn = [&](std::uint64_t seed) {
        engine::Random rng("world-test", seed);
        World w(spec, rng, 24 * kHour);
        return w.drawn(0);
    };
    const auto a = drawn(1), again = drawn(1);
    CHECK(a.shift == again.shift);
    CHECK(a.scale == again.scale);
    bool moved = false, scaled = false;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const auto d = drawn(seed);
        CHECK(d.shift >= -3 * kHour);
        CHECK(d.shift <= 3 * kHour);
        CHECK(d.scale >= 0.7);
        CHECK(d.scale <= 1.3);
        CHECK(d.onset == 10 * kHour + d.shift);
        CHECK(d.peak == Approx(3 * d.scale));
        moved = moved || d.shift != a.shift;
        scaled = scaled || d.scale != a.scale;
    }
    CHECK(moved);
    CHECK(scaled);
    // The intensity follows the drawn series.
    engine::Random rng("world-test", 1);
    World w(spec, rng, 24 * kHour);
    const Millis peakHour = 12 * kHour + w.drawn(0).shift;
    CHECK(w.intensity(0, peakHour + 30 * kMinute) == Approx(3 * w.drawn(0).scale));
}

TEST_CASE("a service loses level to every hazard it is exposed to, each only above its threshold", "[world][series]") {
    auto spec = road();
    spec.hazards = {hourly("snow", 0, std::vector<double>(6, 2.0)), hourly("wind", 0, std::vector<double>(6, 10.0))};
    spec.resources[0].capacity = {0, "test"};  // nothing recovers: the losses show as they are
    auto& svc = spec.services[0];
    svc.blockedBy.clear();
    const auto levelAfter = [&](const std::vector<Exposure>& exposures) {
        svc.exposures = exposures;
        return run(spec, 2 * kHour).level(0);
    };
    const double snow = levelAfter({{"snow", {0.05, "test"}}});
    CHECK(snow == Approx(1.0 - 0.05 * 2.0 * 2));
    // Wind of 10 m/s below a threshold of 15 takes nothing; above a threshold of 6 it takes 4 units' worth.
    CHECK(levelAfter({{"snow", {0.05, "test"}}, {"wind", {0.05, "test"}, {15, "test"}}}) == Approx(snow));
    CHECK(levelAfter({{"snow", {0.05, "test"}}, {"wind", {0.05, "test"}, {6, "test"}}}) ==
          Approx(1.0 - 0.05 * (2.0 + 4.0) * 2));
    // Snow below a threshold (buses stop at lower rates than rail: a lower threshold) takes nothing.
    CHECK(levelAfter({{"snow", {0.05, "test"}, {2.5, "test"}}}) == 1.0);
}

namespace {
ProfileSpec commute() {
    ProfileSpec p;
    p.id = "commute";
    p.weekday.fill(0.5);
    p.weekday[8] = 3.0;  // a morning peak
    p.saturday.fill(0.25);
    p.sunday.fill(0.1);
    return p;
}
}  // namespace

TEST_CASE("a demand follows its profile over the day and the week, in the scenario's local time", "[world][profile]") {
    const auto p = commute();
    CHECK(p.at(8 * kHour + 30 * kMinute) == 3.0);              // Monday 08:30
    CHECK(p.at(4 * engine::kDay + 3 * kHour) == 0.5);          // Friday 03:00
    CHECK(p.at(5 * engine::kDay + 8 * kHour) == 0.25);         // Saturday 08:00
    CHECK(p.at(6 * engine::kDay + 23 * kHour) == 0.1);         // Sunday 23:00
    CHECK(p.at(7 * engine::kDay + 8 * kHour) == 3.0);          // the next Monday
    auto spec = road();
    spec.profiles = {p};
    spec.demands[0].profile = "commute";
    spec.startSinceMonday = 2 * engine::kDay + 6 * kHour;  // a Wednesday, 06:00
    // A road closed all day strands the demand of every hour: the peak hour counts six times a quiet one.
    spec.services[0].exposures[0].sensitivity = {1000, "test"};
    spec.services[0].recovery = {0, "test"};
    spec.hazards[0].onsetHours = {0, 0, "test"};
    spec.hazards[0].rampHours = 0.01;
    spec.hazards[0].durationHours = {100, 0, "test"};
    const auto stranded = [&](Millis until) { return run(spec, until).outcome(0); };
    CHECK(stranded(2 * kHour) == Approx(2 * 1000 * 0.5).epsilon(0.01));         // 06–08, quiet
    CHECK(stranded(3 * kHour) - stranded(2 * kHour) == Approx(1000 * 3.0).epsilon(0.01));  // 08–09, the peak
    engine::Random rng("world-test", 1);
    World w(spec, rng, 24 * kHour);
    CHECK(w.profileFactor(0, 2 * kHour + 1) == 3.0);
    CHECK(w.profileFactor(0, 3 * engine::kDay) == 0.25);  // Saturday 06:00
}

TEST_CASE("stuck traffic blocks recovery less at night, when the profile says few are on the road", "[world][profile]") {
    // The same storm by day and by night: the ploughs get further at night, when traffic is light.
    auto spec = road();
    spec.profiles = {commute()};
    spec.demands[0].profile = "commute";
    spec.services[0].blockedBy = {{"cars", {0.9, "test"}}};
    const auto afterStorm = [&](Millis startSinceMonday) {
        auto s = spec;
        s.startSinceMonday = startSinceMonday;
        return run(s, 16 * kHour).level(0);
    };
    // The storm is at 10–16 h after the start: from a 22:00 start that is 08:00–14:00, with the peak.
    const double overPeak = afterStorm(22 * kHour);
    const double overNight = afterStorm(14 * kHour);  // 00:00–06:00
    CHECK(overNight > overPeak);
}
