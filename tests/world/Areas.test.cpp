// Areas: services, demands and resources split into a part per area of the county, each part
// sized by the area's population, hit by the hazard as hard as it strikes there, and cleared by its
// own resource; the county's whole is the weighted mean of its parts.
#include <catch2/catch.hpp>

#include <fstream>
#include <numeric>
#include <sstream>

#include "sim/exercise/Exercise.hpp"
#include "sim/scenario/Scenario.hpp"
#include "sim/world/World.hpp"
#include "tests/support/CountingNew.hpp"

using namespace samverkan;
using engine::kHour;
using engine::kMinute;

namespace {
const scenario::Scenario& areas() {
    static const auto loaded = scenario::loadScenario("tests/data/good/areas.yaml");
    INFO((loaded.diagnostics.empty() ? std::string() : loaded.diagnostics.front().str()));
    REQUIRE(loaded.ok());
    return *loaded.value;
}

template <class T>
const T& byId(const std::vector<T>& items, const std::string& id) {
    const auto* item = model::findById(items, id);
    INFO(id);
    REQUIRE(item != nullptr);
    return *item;
}

world::World runWorld(const world::WorldSpec& spec, engine::Millis until) {
    engine::Random rng("areas-test", 1);
    world::World w(spec, rng, until);
    for (engine::Millis t = spec.tick; t <= until; t += spec.tick) w.tick(t);
    return w;
}
}  // namespace

TEST_CASE("a per-area service has a part in each area, sized by population, and the county's whole", "[world][areas]") {
    const auto& w = *areas().world;
    REQUIRE(w.areas.size() == 3);
    double shares = 0;
    for (const auto& a : w.areas) shares += a.share;
    CHECK(shares == Approx(1.0));
    // The City of Stockholm holds 988 000 of the 2 436 000 on the map.
    CHECK(byId(w.areas, "city").share == Approx(988.0 / 2436.0));
    const auto& city = byId(w.services, "streets@city");
    CHECK(city.of == "streets");
    // Named by the whole and the area, in both languages; the whole keeps its own name.
    CHECK(city.name.sv == "Gator (Stockholms stad)");
    CHECK(city.name.en == "Streets (City of Stockholm)");
    CHECK(byId(w.services, "streets").name.en == "Streets");
    CHECK(byId(w.demands, "travellers@near").name.en == "Travellers (Inner suburbs)");
    CHECK(byId(w.resources, "street-ploughs@far").name.sv == "Kommunernas plogar (Yttre kommuner)");
    CHECK(city.area == "city");
    CHECK(city.resource == "street-ploughs@city");
    CHECK(city.need.value == Approx(10 * byId(w.areas, "city").share));
    CHECK(city.exposures.front().weight == Approx(1.0));
    // The outer municipalities get half the snow.
    CHECK(byId(w.services, "streets@far").exposures.front().weight == Approx(0.5));
    // Buses in an area depend on that area's streets.
    CHECK(byId(w.services, "buses@near").dependsOn == "streets@near");
    const auto& whole = byId(w.services, "streets");
    REQUIRE(whole.parts.size() == 3);
    CHECK(whole.resource.empty());
    CHECK(whole.exposures.empty());
    // The municipalities see their own area's streets; SL sees them all.
    const auto& near = byId(w.services, "streets@near").observers;
    CHECK(std::find(near.begin(), near.end(), "solna") != near.end());
    CHECK(std::find(near.begin(), near.end(), "stockholms-stad") == near.end());
    CHECK(std::find(near.begin(), near.end(), "sl") != near.end());
    // The parts of a resource and a demand split the whole.
    CHECK(byId(w.resources, "street-ploughs@near").capacity.value == Approx(6 * byId(w.areas, "near").share));
    double base = 0;
    for (const auto& a : w.areas) base += byId(w.demands, "travellers@" + a.id).base.value;
    CHECK(base == Approx(1000));
    // Laid out once: laying out again changes nothing.
    auto again = w;
    world::layOutAreas(again);
    CHECK(again.services.size() == w.services.size());
    CHECK(again.demands.size() == w.demands.size());
    CHECK(again.resources.size() == w.resources.size());
}

TEST_CASE("each area's part falls as hard as the hazard strikes there, and the whole is their mean", "[world][areas]") {
    const auto& spec = *areas().world;
    const auto w = runWorld(spec, 6 * kHour);
    const double city = w.level(w.serviceIndex("streets@city")), near = w.level(w.serviceIndex("streets@near")),
                 far = w.level(w.serviceIndex("streets@far"));
    CHECK(city < near);
    CHECK(near == Approx(far).margin(1e-9));  // the same weight and the same ploughs per street
    double mean = 0;
    for (const auto& a : spec.areas) mean += a.share * w.level(w.serviceIndex("streets@" + a.id));
    CHECK(w.level(w.serviceIndex("streets")) == Approx(mean));
    CHECK(w.level(w.serviceIndex("buses@city")) == Approx(city));
}

TEST_CASE("an area's own resource clears only its own area", "[world][areas]") {
    auto spec = *areas().world;
    // The City gets ten times the ploughs: its streets recover, the other areas' do not change.
    auto more = spec;
    for (auto& r : more.resources)
        if (r.id == "street-ploughs@city") r.capacity.value *= 10;
    const auto a = runWorld(spec, 10 * kHour), b = runWorld(more, 10 * kHour);
    CHECK(b.level(b.serviceIndex("streets@city")) > a.level(a.serviceIndex("streets@city")));
    CHECK(b.level(b.serviceIndex("streets@near")) == a.level(a.serviceIndex("streets@near")));
    CHECK(b.level(b.serviceIndex("streets@far")) == a.level(a.serviceIndex("streets@far")));
}

TEST_CASE("a county-wide resource short of need gives every part of a service the same share", "[world][areas]") {
    auto spec = *areas().world;
    // The state's ploughs also clear the streets, before the main roads, and there are too few.
    for (auto& s : spec.services)
        if (s.of == "streets") s.resource = "ploughs";
    for (auto& r : spec.resources)
        if (r.id == "ploughs") {
            r.capacity.value = 4;
            r.defaultOrder = {"streets", "main-roads"};
        }
    const auto w = runWorld(spec, 5 * kHour);
    // Equal shares of need and the same snow in near and far: the same level; not near first.
    CHECK(w.level(w.serviceIndex("streets@near")) == Approx(w.level(w.serviceIndex("streets@far"))));
    CHECK(w.level(w.serviceIndex("streets@near")) < 1.0);
    // Nothing was left for the main roads.
    CHECK(w.level(w.serviceIndex("main-roads")) < w.level(w.serviceIndex("streets@near")));
}

TEST_CASE("outcomes are counted per area and in total, and a decision on a demand changes every part", "[world][areas]") {
    const auto& s = areas();
    exercise::Exercise run(s, {});
    run.runToEnd();
    const auto* w = run.world();
    const auto stranded = w->outcomeIndex("stranded"), delayed = w->outcomeIndex("delayed");
    double sum = 0;
    for (std::size_t a = 0; a < s.world->areas.size(); ++a) sum += w->outcomeIn(stranded, a);
    CHECK(sum == Approx(w->outcome(stranded)));
    CHECK(w->outcomeIn(stranded, 0) > 0);  // the city, hit hardest
    // The main roads are the county's: part of the delay falls in no area.
    double inAreas = 0;
    for (std::size_t a = 0; a < s.world->areas.size(); ++a) inAreas += w->outcomeIn(delayed, a);
    CHECK(inAreas < w->outcome(delayed));
    // Halving the travellers everywhere halves every part of them.
    engine::Random rng("areas-test", 1);
    world::World world(*s.world, rng, s.duration);
    world.measureImplemented(world.measureIndex("fewer-trips"), {}, 1.0, 0);
    for (std::size_t d = 0; d < s.world->demands.size(); ++d)
        CHECK(world.demandFactor(d) == Approx(s.world->demands[d].of == "travellers" ? 0.5 : 0.8));
}

TEST_CASE("a measure acts in the areas it names, and a municipality's own part of it in its own area", "[world][areas]") {
    const auto& s = areas();
    const auto& spec = *s.world;
    const auto demand = [&](const world::World& w, const std::string& id) {
        for (std::size_t d = 0; d < spec.demands.size(); ++d)
            if (spec.demands[d].id == id) return w.demandFactor(d);
        FAIL("no demand " << id);
        return 0.0;
    };
    const auto population = [&](const std::vector<std::string>& ids) {
        engine::Random rng("areas-test", 1);
        const world::World w(spec, rng, s.duration);
        double sum = 0;
        for (const auto& id : ids) sum += w.areaWeight(id);
        return sum;
    };
    const auto& nearMembers = model::findById(spec.areas, std::string("near"))->members;
    const double nearPopulation = population(nearMembers);
    {
        // SL cancels in Solna alone: a part of the inner suburbs, nothing in the city.
        engine::Random rng("areas-test", 1);
        world::World w(spec, rng, s.duration);
        w.measureImplemented(w.measureIndex("fewer-trips"), {{"areas", 0, {"solna"}}}, 1.0, 0, UINT32_MAX, "sl");
        const double solna = population({"solna"}) / nearPopulation;
        CHECK(demand(w, "travellers@near") == Approx(1 - solna * 0.5));
        CHECK(demand(w, "travellers@city") == 1.0);
        CHECK(demand(w, "travellers@far") == 1.0);
        // The county's cars: by Solna's share of the county, as without areas.
        CHECK(demand(w, "cars") == Approx(1 - population({"solna"}) * 0.2));
    }
    {
        // Nacka carries out its part of a decision of all municipalities: in its own area only.
        engine::Random rng("areas-test", 1);
        world::World w(spec, rng, s.duration);
        const double own = population({"nacka"});
        w.measureImplemented(w.measureIndex("fewer-trips"), {}, own, 0, UINT32_MAX, "nacka");
        CHECK(demand(w, "travellers@near") == Approx(1 - own / nearPopulation * 0.5));
        CHECK(demand(w, "travellers@city") == 1.0);
        CHECK(demand(w, "cars") == Approx(1 - own * 0.2));
    }
}

TEST_CASE("the map colours a municipality by its own area's part", "[world][areas]") {
    const auto& spec = *areas().world;
    const auto w = runWorld(spec, 6 * kHour);
    std::vector<double> levels;
    for (std::size_t s = 0; s < spec.services.size(); ++s) levels.push_back(w.level(s));
    // Stockholm's streets are worse than Solna's, and the impact says so.
    CHECK(world::areaImpact(spec, "stockholms-stad", levels) > world::areaImpact(spec, "solna", levels));
    CHECK(world::areaImpact(spec, "solna", levels) == Approx(world::areaImpact(spec, "sundbyberg", levels)));
}

TEST_CASE("a per-area whole is exactly 1 when every part is, even if its weights sum to just under 1",
          "[world][areas]") {
    auto spec = *areas().world;
    // The snow falls, but below what any service loses level to: the services are updated every
    // tick and every part stays whole.
    for (auto& s : spec.services)
        for (auto& e : s.exposures) e.above.value = 100;
    auto& whole =
        *std::find_if(spec.services.begin(), spec.services.end(), [](const auto& s) { return s.id == "streets"; });
    REQUIRE(whole.parts.size() == 3);
    // Shares as population figures can give them: in floating point they sum to just under 1.
    whole.parts[0].second = 0.7;
    whole.parts[1].second = 0.2;
    whole.parts[2].second = 0.1;
    REQUIRE(0.7 * 1.0 + 0.2 * 1.0 + 0.1 * 1.0 < 1.0);
    const auto w = runWorld(spec, 6 * kHour);
    REQUIRE(w.intensity(0, 4 * kHour) > 0);
    for (const auto& a : spec.areas) CHECK(w.level(w.serviceIndex("streets@" + a.id)) == 1.0);
    CHECK(w.level(w.serviceIndex("streets")) == 1.0);
    // Nothing was ever below its normal level.
    CHECK(w.wholeUntil() == INT64_MAX);
}

TEST_CASE("rebuilding a resource's sharing order allocates nothing", "[world][areas][allocation]") {
    auto spec = *areas().world;
    // The state's ploughs, enough for one of the two, go to every area's streets before the main roads.
    for (auto& s : spec.services)
        if (s.of == "streets") s.resource = "ploughs";
    for (auto& r : spec.resources)
        if (r.id == "ploughs") {
            r.capacity.value = 10;
            r.defaultOrder = {"streets", "main-roads"};
        }
    const auto world = [&](bool reorder) {
        engine::Random rng("areas-test", 1);
        world::World w(spec, rng, 24 * kHour);
        for (engine::Millis t = spec.tick; t <= 3 * kHour; t += spec.tick) w.tick(t);
        if (reorder) {
            // An empty order: the services as declared, the main roads first. No list of services
            // is built, so what is counted is the rebuilding of the order alone.
            const auto before = support::allocationCount();
            w.setPriorities("state", {});
            CHECK(support::allocationCount() - before == 0);
        }
        for (engine::Millis t = 3 * kHour + spec.tick; t <= 5 * kHour; t += spec.tick) w.tick(t);
        return w;
    };
    const auto kept = world(false), rebuilt = world(true);
    // The rebuilt order took hold: the main roads got the ploughs first.
    CHECK(rebuilt.level(rebuilt.serviceIndex("main-roads")) > kept.level(kept.serviceIndex("main-roads")));
    CHECK(rebuilt.level(rebuilt.serviceIndex("streets")) < kept.level(kept.serviceIndex("streets")));
}

TEST_CASE("a world tick with areas, series and profiles allocates nothing", "[world][areas][allocation]") {
    auto spec = *areas().world;
    world::ProfileSpec p;
    p.id = "day";
    p.weekday.fill(1.0);
    p.saturday.fill(0.5);
    p.sunday.fill(0.5);
    spec.profiles = {p};
    for (auto& d : spec.demands) d.profile = "day";
    engine::Random rng("areas-test", 1);
    world::World w(spec, rng, 24 * kHour);
    for (engine::Millis t = spec.tick; t <= 2 * kHour; t += spec.tick) w.tick(t);
    const auto before = support::allocationCount();
    for (engine::Millis t = 2 * kHour + spec.tick; t <= 12 * kHour; t += spec.tick) w.tick(t);
    CHECK(support::allocationCount() - before == 0);
    CHECK(w.level(w.serviceIndex("streets@city")) < 1.0);  // the ticks did work: the snow fell
}

TEST_CASE("a county service blocked by a per-area demand is blocked by each part by its share, as by the whole",
          "[world][areas]") {
    // The main roads, the county's, are blocked by the travellers: split by area in one scenario,
    // county-wide in the other.
    std::ifstream in("tests/data/good/areas.yaml");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    const std::string roads = "recovery: 0.5, observed_by: [trafikverket]}";
    const std::string travellersPerArea = "base: {value: 1000, source: test}, per_area: true}";
    REQUIRE(text.find(roads) != std::string::npos);
    REQUIRE(text.find(travellersPerArea) != std::string::npos);
    auto split = text;
    split.replace(split.find(roads), roads.size(),
                  "recovery: 0.5, observed_by: [trafikverket], blocked_by: [{demand: travellers, weight: 0.6}]}");
    auto county = split;
    county.replace(county.find(travellersPerArea), travellersPerArea.size(), "base: {value: 1000, source: test}}");
    const auto a = scenario::loadScenarioText("tests/data/good/areas.yaml", split);
    const auto b = scenario::loadScenarioText("tests/data/good/areas.yaml", county);
    INFO((a.diagnostics.empty() ? std::string() : a.diagnostics.front().str()));
    INFO((b.diagnostics.empty() ? std::string() : b.diagnostics.front().str()));
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    const auto& spec = *a.value->world;
    const auto& blocked = byId(spec.services, "main-roads").blockedBy;
    REQUIRE(blocked.size() == spec.areas.size());
    double weights = 0;
    for (const auto& area : spec.areas) {
        const auto part = std::find_if(blocked.begin(), blocked.end(),
                                       [&](const auto& x) { return x.demand == "travellers@" + area.id; });
        REQUIRE(part != blocked.end());
        CHECK(part->weight.value == Approx(0.6 * area.share));
        weights += part->weight.value;
    }
    CHECK(weights == Approx(0.6));
    // Every part at its full base blocks the main roads as the whole demand does.
    const auto split6 = runWorld(spec, 8 * kHour), county6 = runWorld(*b.value->world, 8 * kHour);
    const double level = county6.level(county6.serviceIndex("main-roads"));
    CHECK(level < 1.0);  // the snow fell and the traffic held the ploughs up
    CHECK(split6.level(split6.serviceIndex("main-roads")) == Approx(level).epsilon(1e-12));
}
