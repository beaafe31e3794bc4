// The mechanisms of real snowfalls on small hand-made worlds: each operator clears its own
// network from its own start depth, traffic makes stuck vehicles, buses are withdrawn when unsafe,
// and power lines fall with the snow load and the wind.
#include <catch2/catch.hpp>

#include <algorithm>

#include "sim/world/World.hpp"
#include "tests/support/CountingNew.hpp"

using namespace samverkan;
using namespace samverkan::world;
using engine::kHour;
using engine::kMinute;

namespace {

HazardSpec hourly(const std::string& id, std::vector<double> values) {
    HazardSpec h;
    h.id = id;
    h.unit = "cm/h";
    h.kind = HazardKind::series;
    h.seriesStart = 0;
    h.values = std::move(values);
    return h;
}

SnowNetwork network(double startsAt, double cycleHours, double stuckRate) {
    SnowNetwork n;
    n.hazard = "snow";
    n.startsAt = {startsAt, "test"};
    n.cycleHours = {cycleHours, "test"};
    n.passableTo = {5, "test"};
    n.closedAt = {30, "test"};
    n.traffic = {{"cars", {1, "test"}}};
    n.stuckRate = {stuckRate, "test"};
    n.clearedAwayHours = {3, "test"};
    return n;
}

ResourceSpec ploughs(const std::string& id, const std::string& owner, const std::string& network) {
    ResourceSpec r;
    r.id = id;
    r.owner = owner;
    r.capacity = {10, "test"};
    r.list = "clearing";
    r.defaultOrder = {network};
    return r;
}

// Snow at `rate` cm/h for `hours`, then none. Trafikverket's road is cleared from 1 cm over a
// 2-hour cycle by its own ploughs, the municipality's street from 4.5 cm over 4 hours by its
// own; buses run on the street. No vehicle gets stuck unless a test says so.
WorldSpec streets(double rate = 2, int hours = 6) {
    WorldSpec w;
    w.tick = 5 * kMinute;
    std::vector<double> snow(static_cast<std::size_t>(hours), rate);
    snow.resize(48, 0.0);
    w.hazards = {hourly("snow", snow)};
    w.demands = {{"cars", {"Bilar", "Cars"}, "cars/h", {1000, "test"}}, {"departures", {"Avgångar", "Departures"}, "departures/h", {100, "test"}}};
    w.resources = {ploughs("state-ploughs", "trafikverket", "road"), ploughs("street-ploughs", "kommun", "street")};
    ServiceSpec road;
    road.id = "road";
    road.resource = "state-ploughs";
    road.need = {10, "test"};
    road.network = network(1, 2, 0);
    ServiceSpec street;
    street.id = "street";
    street.resource = "street-ploughs";
    street.need = {10, "test"};
    street.network = network(4.5, 4, 0);
    ServiceSpec buses;
    buses.id = "buses";
    buses.on.service = "street";
    buses.on.passableTo = {3, "test"};
    buses.on.closedAt = {15, "test"};
    buses.on.vehicles = "departures";
    buses.on.vehicleWeight = {0.3, "test"};
    buses.on.withdrawnBelow = {0.3, "test"};
    buses.on.resumesAbove = {0.7, "test"};
    w.services = {road, street, buses};
    w.outcomes = {{"stranded", {"Strandade", "Stranded"}, "person-hours", {{"buses", "departures", false}}}};
    return w;
}

constexpr std::size_t kRoad = 0, kStreet = 1, kBuses = 2;

World run(const WorldSpec& spec, engine::Millis until, const std::function<void(World&, engine::Millis)>& each = {}) {
    engine::Random rng("snowfalls-test", 1);
    World w(spec, rng, until);
    if (each) each(w, 0);  // before the first tick
    for (engine::Millis t = spec.tick; t <= until; t += spec.tick) {
        w.tick(t);
        if (each) each(w, t);
    }
    return w;
}

// The level traffic keeps at a depth: 1 up to `to`, none from `closed`, straight between.
double passableAt(double depth, double to, double closed) { return std::clamp((closed - depth) / (closed - to), 0.0, 1.0); }

}  // namespace

TEST_CASE("an operator starts clearing its network only once the snow lies as deep as its start depth", "[world][snowfall]") {
    // 2 cm/h: nothing clears the street before 4.5 cm, so after 2 hours 4 cm lie on it, all that
    // fell; the road, cleared from 1 cm, has less.
    const auto twoHours = run(streets(), 2 * kHour);
    CHECK(twoHours.depth(kStreet) == Approx(4.0));
    CHECK(twoHours.depth(kRoad) < 3.0);
    // With its whole need met an operator passes its network every cycle, which holds the mean
    // depth at half a cycle's snow: 2 cm/h × 2 h / 2 on the road, 2 × 4 / 2 on the street.
    const auto sixHours = run(streets(), 6 * kHour);
    CHECK(sixHours.depth(kRoad) == Approx(2.0).epsilon(0.01));
    CHECK(sixHours.depth(kStreet) == Approx(4.0).epsilon(0.03));
    // Light snow that never lies 4.5 cm deep on the street is never ploughed there: it all stays.
    const auto light = run(streets(0.5, 6), 8 * kHour);
    CHECK(light.depth(kStreet) == Approx(3.0));
    // After the snow the cleared network is bare again, and the operator stops.
    const auto after = run(streets(), 24 * kHour);
    CHECK(after.depth(kRoad) == 0.0);
    CHECK(after.depth(kStreet) == 0.0);
    CHECK(after.level(kRoad) == 1.0);
}

TEST_CASE("each operator clears its own network with its own capacity: street ploughs do not clear state roads",
          "[world][snowfall]") {
    const double roadDepth = run(streets(), 6 * kHour).depth(kRoad);
    // Without street ploughs the street keeps every centimetre that fell, and the road does not notice.
    auto noStreetPloughs = streets();
    noStreetPloughs.resources[1].capacity = {0, "test"};
    const auto a = run(noStreetPloughs, 6 * kHour);
    CHECK(a.depth(kStreet) == Approx(12.0));
    CHECK(a.depth(kRoad) == Approx(roadDepth));
    // Without Trafikverket's ploughs the road fills, although the municipality's ploughs are there.
    auto noStatePloughs = streets();
    noStatePloughs.resources[0].capacity = {0, "test"};
    const auto b = run(noStatePloughs, 6 * kHour);
    CHECK(b.depth(kRoad) == Approx(12.0));
    CHECK(b.depth(kStreet) == Approx(run(streets(), 6 * kHour).depth(kStreet)));
    // Half the capacity halves the clearing: the depth holds at a full cycle's snow, twice as deep.
    auto half = streets(2, 24);
    half.resources[0].capacity = {5, "test"};
    CHECK(run(half, 20 * kHour).depth(kRoad) == Approx(4.0).epsilon(0.01));
}

TEST_CASE("traffic on snow makes stuck vehicles, and past a point a road seizes up from its own traffic",
          "[world][snowfall]") {
    // The same 2 cm/h for 12 hours on the road; only the traffic differs. With stuck share s the
    // ploughs pass at (1 − s) of their pace, so the depth holds at 2 / (1 − s) cm; vehicles get
    // stuck at 0.04 × traffic × depth / 10 × (1 + 2) per hour and are cleared away over 3 hours:
    // s (1 − s) = 0.072 × traffic settles only while traffic is below 0.25 / 0.072 ≈ 3.5.
    auto spec = streets(2, 24);
    spec.services[kRoad].network.stuckRate = {0.04, "test"};
    const auto stuckWith = [&](double traffic, engine::Millis until = 12 * kHour) {
        auto s = spec;
        s.services[kRoad].network.traffic[0].weight = {traffic, "test"};
        return run(s, until).stuck(kRoad);
    };
    const double normal = stuckWith(1, 20 * kHour);
    CHECK(normal == Approx(0.0781).epsilon(0.02));  // the root of s (1 − s) = 0.072
    CHECK(stuckWith(1, 16 * kHour) == Approx(normal).epsilon(0.01));  // it has settled
    CHECK(stuckWith(3, 20 * kHour) > normal);
    // No settling point: the stuck share keeps growing while the snow falls, and the road seizes up.
    CHECK(stuckWith(5, 8 * kHour) < stuckWith(5, 12 * kHour));
    CHECK(stuckWith(5, 12 * kHour) < stuckWith(5, 16 * kHour));
    CHECK(stuckWith(5, 20 * kHour) > 0.9);
    auto seized = spec;
    seized.services[kRoad].network.traffic[0].weight = {5, "test"};
    CHECK(run(seized, 20 * kHour).level(kRoad) < 0.1);
    // No traffic, no stuck vehicles, whatever the snow.
    CHECK(stuckWith(0) == 0.0);
    // Fewer cars (a decision that halves them) leave fewer stuck.
    auto fewer = spec;
    fewer.services[kRoad].network.traffic[0].weight = {3, "test"};
    fewer.measures = {{"stay-home", {}}};
    EffectSpec halve;
    halve.measure = 0;
    halve.changes = {{.demand = "cars", .factor = 0.5}};
    fewer.effects = {halve};
    const auto halved = run(fewer, 12 * kHour, [](World& w, engine::Millis t) {
        if (t == 0) w.measureImplemented(0, {}, 1.0, t);
    });
    CHECK(halved.stuck(kRoad) < stuckWith(3));
    CHECK(halved.stuck(kRoad) == Approx(stuckWith(1.5)));
}

TEST_CASE("buses are withdrawn when their street becomes unsafe and run again only once it is safe enough",
          "[world][snowfall]") {
    // 3 cm/h for 8 hours without street ploughs: the street fills past the buses' limits.
    auto spec = streets(3, 8);
    spec.resources[1].capacity = {3, "test"};
    bool everWithdrawn = false, resumed = false, heldBetween = false;
    bool wasWithdrawn = false;
    run(spec, 40 * kHour, [&](World& w, engine::Millis) {
        const double safe = passableAt(w.depth(kStreet), 3, 15) * (1.0 - w.stuck(kStreet));
        const bool now = w.withdrawn(kBuses);
        if (now && !wasWithdrawn) {
            everWithdrawn = true;
            CHECK(safe < 0.3);  // withdrawn below 0.3
        }
        if (!now && wasWithdrawn) {
            resumed = true;
            CHECK(safe >= 0.7);  // back above 0.7
        }
        if (now) {
            CHECK(w.level(kBuses) == 0.0);
            heldBetween = heldBetween || (safe >= 0.3 && safe < 0.7);  // not back at 0.3: the operator waits
        } else {
            CHECK(w.level(kBuses) == Approx(safe));
        }
        wasWithdrawn = now;
    });
    CHECK(everWithdrawn);
    CHECK(heldBetween);
    CHECK(resumed);
}

TEST_CASE("buses with limits on the falling snow fail at lower snow rates than a mode without them, whatever the depth",
          "[world][snowfall]") {
    // Depth limits far above anything that falls here, so that only the rate can stop the buses:
    // as normal up to 1 cm/h, stopped at 3 cm/h, straight between.
    const auto limited = [](double rate) {
        auto spec = streets(rate, 6);
        spec.services[kBuses].on.passableTo = {50, "test"};
        spec.services[kBuses].on.closedAt = {60, "test"};
        spec.services[kBuses].on.fallingPassableTo = {1, "test"};
        spec.services[kBuses].on.fallingClosedAt = {3, "test"};
        return spec;
    };
    // 2 cm/h: half the service while it snows, never withdrawn (withdrawn below 0.3), all of it once
    // the snow stops.
    bool withdrawn = false;
    run(limited(2), 12 * kHour, [&](World& w, engine::Millis t) {
        withdrawn = withdrawn || w.withdrawn(kBuses);
        if (t >= 2 * kHour && t <= 5 * kHour) CHECK(w.level(kBuses) == Approx(0.5));
        if (t >= 8 * kHour) CHECK(w.level(kBuses) == Approx(1.0));
    });
    CHECK_FALSE(withdrawn);
    // 2.5 cm/h: a quarter, below the traffic control's 0.3, so the buses are withdrawn while it
    // snows and run again after it.
    bool everWithdrawn = false;
    const auto after = run(limited(2.5), 12 * kHour, [&](World& w, engine::Millis t) {
        if (t >= 2 * kHour && t <= 5 * kHour) {
            CHECK(w.withdrawn(kBuses));
            CHECK(w.level(kBuses) == 0.0);
        }
        everWithdrawn = everWithdrawn || w.withdrawn(kBuses);
    });
    CHECK(everWithdrawn);
    CHECK_FALSE(after.withdrawn(kBuses));
    CHECK(after.level(kBuses) == Approx(1.0));
    // Without the limits the same snowfall leaves the same buses running as normal.
    auto plain = limited(2.5);
    plain.services[kBuses].on.fallingPassableTo = {0, "none"};
    plain.services[kBuses].on.fallingClosedAt = {0, "none"};
    run(plain, 12 * kHour, [&](World& w, engine::Millis t) {
        if (t >= 2 * kHour && t <= 5 * kHour) CHECK(w.level(kBuses) == Approx(1.0));
    });
}

TEST_CASE("cancelling buses in advance leaves fewer stuck vehicles on the streets than stopping them once stuck",
          "[world][snowfall]") {
    auto spec = streets(2, 12);
    spec.services[kStreet].network.stuckRate = {0.04, "test"};
    spec.services[kStreet].network.traffic[0].weight = {0.5, "test"};
    spec.measures = {{"cancel-lines", {}}};
    EffectSpec cancel;
    cancel.measure = 0;
    cancel.changes = {{.demand = "departures", .factor = 0}};
    spec.effects = {cancel};
    const auto maxStuck = [&](bool cancelled) {
        double most = 0;
        run(spec, 16 * kHour, [&](World& w, engine::Millis t) {
            if (cancelled && t == 0) w.measureImplemented(0, {}, 1.0, t);
            most = std::max(most, w.stuck(kStreet));
        });
        return most;
    };
    const double running = maxStuck(false), cancelled = maxStuck(true);
    CHECK(running > 0);
    CHECK(cancelled < running);
    // The buses' own weight on the street is what the cancellation takes away: the same as buses
    // that weigh a hundredth (a factor never reaches 0, so that it can be undone).
    spec.services[kBuses].on.vehicleWeight = {0.3 * 0.01, "test"};
    CHECK(maxStuck(false) == Approx(cancelled));
}

TEST_CASE("power lines fall with the snow load, which builds and fades, and faster in wind", "[world][snowfall]") {
    auto spec = streets(2, 6);
    spec.hazards.push_back(hourly("wind", std::vector<double>(48, 15.0)));
    ServiceSpec power;
    power.id = "power";
    power.exposures = {{"snow", {0.01, "test"}, {5, "test"}}};
    power.exposures[0].loadHours = {12, "test"};
    power.recovery = {0, "test"};  // nothing recovers it: the losses show as they are
    spec.services.push_back(power);
    const std::size_t kPower = spec.services.size() - 1;
    // The load builds as 2 × 12 × (1 − e^(−t/12)): 7.9 cm after 4 hours, past the threshold of 5
    // cm only after about 3 hours; the loss is 0.01 per cm above it.
    const auto twoHours = run(spec, 2 * kHour);
    CHECK(twoHours.level(kPower) == 1.0);
    const auto calm = run(spec, 12 * kHour);
    CHECK(calm.level(kPower) < 1.0);
    // After the snow the load fades: the level stops falling once it is below the threshold.
    const double at12 = calm.level(kPower), at36 = run(spec, 36 * kHour).level(kPower);
    CHECK(at36 < at12);
    CHECK(at36 == Approx(run(spec, 30 * kHour).level(kPower)));
    // The wind (15 m/s, doubling the load's weight at 15) makes it fall further.
    auto windy = spec;
    windy.services[kPower].exposures[0].with = "wind";
    windy.services[kPower].exposures[0].per = {15, "test"};
    CHECK(run(windy, 12 * kHour).level(kPower) < at12);
}

TEST_CASE("a world tick with snow networks, stuck traffic and withdrawn buses allocates nothing", "[world][snowfall][allocation]") {
    auto spec = streets(3, 12);
    spec.services[kStreet].network.stuckRate = {0.04, "test"};
    engine::Random rng("snowfalls-test", 1);
    World w(spec, rng, 24 * kHour);
    for (engine::Millis t = spec.tick; t <= kHour; t += spec.tick) w.tick(t);
    const auto before = support::allocationCount();
    bool withdrawn = false;
    for (engine::Millis t = kHour + spec.tick; t <= 20 * kHour; t += spec.tick) {
        w.tick(t);
        withdrawn = withdrawn || w.withdrawn(kBuses);
    }
    CHECK(support::allocationCount() - before == 0);
    CHECK(w.stuck(kStreet) > 0);  // the ticks did work: vehicles got stuck …
    CHECK(withdrawn);             // … and the buses were withdrawn on the way
}
