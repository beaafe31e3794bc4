// An areas variant (`areas_of:`): the shipped snowstorm, whole, with its streets, buses, schools,
// acute healthcare and rescue split into three parts of the county, the streets by street length.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>

#include "sim/exercise/Exercise.hpp"
#include "sim/model/Names.hpp"
#include "sim/scenario/Scenario.hpp"

using namespace samverkan;

namespace {
const scenario::Scenario& variant() {
    static const auto loaded = scenario::loadScenario("scenarios/snowstorm-areas.yaml");
    INFO((loaded.diagnostics.empty() ? std::string() : loaded.diagnostics.front().str()));
    REQUIRE(loaded.ok());
    return *loaded.value;
}
const scenario::Scenario& county() {
    static const auto loaded = scenario::loadScenario("scenarios/snowstorm.yaml");
    REQUIRE(loaded.ok());
    return *loaded.value;
}
// The variant run to its end in a play.
std::unique_ptr<exercise::Exercise> played(const char* play) {
    exercise::Options o;
    o.playName = play;
    auto run = std::make_unique<exercise::Exercise>(std::make_shared<const scenario::Scenario>(variant()), o);
    run->runToEnd();
    return run;
}
const world::AreaSpec& area(const world::WorldSpec& w, const std::string& id) {
    const auto* a = model::findById(w.areas, id);
    REQUIRE(a != nullptr);
    return *a;
}
}  // namespace

TEST_CASE("an areas variant is its scenario whole, with the variant's own id, title and areas", "[scenario][areas]") {
    const auto& v = variant();
    const auto& c = county();
    CHECK(v.id == "snowstorm-areas");
    CHECK(v.title.en != c.title.en);
    CHECK(v.baseFile.find("snowstorm.yaml") != std::string::npos);
    // The storm, the doctrine, the plays and the measures are the scenario's own.
    CHECK(v.start.epochMs == c.start.epochMs);
    CHECK(v.duration == c.duration);
    CHECK(v.seed == c.seed);
    CHECK(v.behaviour.size() == c.behaviour.size());
    CHECK(v.plays.size() == c.plays.size());
    CHECK(v.measures.size() == c.measures.size());
    const auto& w = *v.world;
    REQUIRE(w.areas.size() == 3);
    CHECK(area(w, "city").members == std::vector<std::string>{"stockholms-stad"});
    CHECK(area(w, "outer").members.size() == 15);
    // Rail, the main roads and the power lines stay county-wide; the streets have a part in each area.
    CHECK(model::findById(w.services, "rail@city") == nullptr);
    CHECK(model::findById(w.services, "main-roads@city") == nullptr);
    CHECK(model::findById(w.services, "power@city") == nullptr);
    for (const char* id : {"local-streets@city", "bus-streets@inner-suburbs", "other-buses@outer", "acute-healthcare@city"})
        CHECK(model::findById(w.services, id) != nullptr);
}

TEST_CASE("the streets and their ploughs are split by street length, the travellers by population", "[scenario][areas]") {
    const auto& w = *variant().world;
    const auto& c = *county().world;
    // Both sets of shares sum to one; the street length is an assumption the source says is one.
    double people = 0, streets = 0;
    for (const auto& a : w.areas) {
        people += a.share;
        streets += a.streetShare;
    }
    CHECK(people == Approx(1));
    CHECK(streets == Approx(1));
    CHECK(w.streetWeightsSource.find("assumption") != std::string::npos);
    // The city is dense: less of the county's streets than of its people; the outer municipalities
    // the other way round.
    const auto& city = area(w, "city");
    const auto& outer = area(w, "outer");
    CHECK(city.streetShare < city.share);
    CHECK(outer.streetShare > outer.share);
    // A street network's need follows the street length, a demand's base the population.
    const auto* localWhole = model::findById(c.services, "local-streets");
    const auto* localCity = model::findById(w.services, "local-streets@city");
    REQUIRE(localWhole != nullptr);
    REQUIRE(localCity != nullptr);
    CHECK(localCity->need.value == Approx(localWhole->need.value * city.streetShare));
    const auto* ploughs = model::findById(c.resources, "street-ploughs");
    const auto* cityPloughs = model::findById(w.resources, "street-ploughs@city");
    REQUIRE(ploughs != nullptr);
    REQUIRE(cityPloughs != nullptr);
    CHECK(cityPloughs->capacity.value == Approx(ploughs->capacity.value * city.streetShare));
    const auto* travellers = model::findById(c.demands, "other-bus-travellers");
    const auto* cityTravellers = model::findById(w.demands, "other-bus-travellers@city");
    REQUIRE(travellers != nullptr);
    REQUIRE(cityTravellers != nullptr);
    CHECK(cityTravellers->base.value == Approx(travellers->base.value * city.share));
    // Traffic per km of street: the city's people on less of the streets make denser traffic there.
    REQUIRE(localCity->network.traffic.size() == localWhole->network.traffic.size());
    CHECK(localCity->network.traffic[0].weight.value ==
          Approx(localWhole->network.traffic[0].weight.value * city.share / city.streetShare));
    CHECK(localCity->network.traffic[0].weight.value > localWhole->network.traffic[0].weight.value);
    const auto* busesCity = model::findById(w.services, "other-buses@city");
    const auto* buses = model::findById(c.services, "other-buses");
    REQUIRE(busesCity != nullptr);
    REQUIRE(buses != nullptr);
    CHECK(busesCity->on.vehicleWeight.value == Approx(buses->on.vehicleWeight.value * city.share / city.streetShare));
    // The county's whole of a network is the street-length-weighted mean of its parts.
    const auto* whole = model::findById(w.services, "local-streets");
    REQUIRE(whole != nullptr);
    REQUIRE(whole->parts.size() == 3);
    double weights = 0;
    for (const auto& [part, weight] : whole->parts) weights += weight;
    CHECK(weights == Approx(1));
    CHECK(whole->parts.front().second == Approx(city.streetShare));
}

TEST_CASE("the variant's outcomes are reported per area, add up to no more than the county's, and the dense city is hit hardest",
          "[scenario][areas]") {
    for (const char* play : {"reference", "alone"}) {
        INFO(play);
        const auto run = played(play);
        const auto* w = run->world();
        REQUIRE(w != nullptr);
        const auto& spec = w->spec();
        for (std::size_t i = 0; i < spec.outcomes.size(); ++i) {
            INFO(spec.outcomes[i].id);
            double sum = 0;
            for (std::size_t a = 0; a < spec.areas.size(); ++a) {
                CHECK(w->outcomeIn(i, a) >= 0);
                sum += w->outcomeIn(i, a);
            }
            // Terms over county-wide services (power, the main roads) belong to no area.
            CHECK(sum <= w->outcome(i) * (1 + 1e-9) + 1e-9);
            if (spec.outcomes[i].id == "acute-transports-late") CHECK(sum == Approx(w->outcome(i)));
        }
        // Per person, the city's travellers are stranded more than the outer municipalities'.
        const auto stranded = w->outcomeIndex("person-hours-stranded");
        std::size_t city = 0, outer = 0;
        for (std::size_t a = 0; a < spec.areas.size(); ++a) {
            if (spec.areas[a].id == "city") city = a;
            if (spec.areas[a].id == "outer") outer = a;
        }
        CHECK(w->outcomeIn(stranded, city) / spec.areas[city].share > w->outcomeIn(stranded, outer) / spec.areas[outer].share);
    }
}

TEST_CASE("a priority list with areas orders the county's streets, not their parts: the plays' orders are accepted",
          "[scenario][areas]") {
    // The lists were once built from the parts' ids, so that every order the scenario's plays give
    // ("trunk-bus-streets", "acute-healthcare") was refused with areas.
    for (const char* play : {"reference", "doctrine"}) {
        INFO(play);
        const auto run = played(play);
        std::size_t refused = 0, priorities = 0;
        for (const auto& e : run->journal().entries()) {
            if (e.as<protocol::CommandRefused>() != nullptr) ++refused;
            if (e.as<protocol::PrioritiesSet>() != nullptr) ++priorities;
        }
        CHECK(refused == 0);
        CHECK(priorities > 0);
    }
}

TEST_CASE("the map's impact of an area counts its snowed-in streets and the buses on them", "[scenario][areas]") {
    const auto& w = *variant().world;
    std::vector<double> levels(w.services.size(), 1.0);
    const auto set = [&](const std::string& id, double level) {
        const auto it = std::find_if(w.services.begin(), w.services.end(), [&](const auto& s) { return s.id == id; });
        REQUIRE(it != w.services.end());
        levels[static_cast<std::size_t>(it - w.services.begin())] = level;
    };
    // Nothing lost anywhere: no impact.
    CHECK(world::areaImpact(w, "stockholms-stad", levels) == Approx(0));
    // The city's local streets and its other buses half gone, elsewhere nothing: the city is hit,
    // the outer municipalities not.
    set("local-streets@city", 0.5);
    set("other-buses@city", 0.5);
    CHECK(world::areaImpact(w, "stockholms-stad", levels) > 0.05);
    CHECK(world::areaImpact(w, "norrtalje", levels) == Approx(0));
    CHECK(world::areaImpact(w, "nacka", levels) == Approx(0));
}

TEST_CASE("street lengths come from the map where it gives them for every municipality, else from the assumption",
          "[scenario][areas]") {
    // A test map beside the scenario with 100, 200, … 2600 km in file order (botkyrka first,
    // osteraker last): 351 × 100 km in all.
    const auto loaded = scenario::loadScenario("tests/data/streets/snow-networks.yaml");
    INFO((loaded.diagnostics.empty() ? std::string() : loaded.diagnostics.front().str()));
    REQUIRE(loaded.ok());
    const auto& w = *loaded.value->world;
    CHECK(w.streetWeightsSource.find("from the map") != std::string::npos);
    const auto weight = [&](const std::string& id) {
        for (const auto& [actor, share] : w.streetWeights)
            if (actor == id) return share;
        return -1.0;
    };
    CHECK(weight("botkyrka") == Approx(1.0 / 351));
    CHECK(weight("osteraker") == Approx(26.0 / 351));
    // The shipped map has no street lengths: the assumption, said so.
    CHECK(county().world->streetWeightsSource.find("assumption") == 0);
    CHECK(county().world->streetWeights.size() == 26);
}
