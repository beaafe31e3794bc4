// The services of a scenario's `world:` section: what hazards take from them, the resource that
// restores them, the networks under snow and the modes of traffic on them.
#include <algorithm>

#include "sim/model/Names.hpp"
#include "sim/scenario/WorldReading.hpp"

namespace samverkan::scenario::worldfields {
namespace {

// A figure that must not be negative (`positive`: nor zero).
// `what` names it in messages (the key by default).
world::Param figure(YamlDocument& doc, MapView& m, const char* key, bool positive, bool required = true,
                    const char* what = nullptr) {
    const auto x = required ? m.require(key) : m.get(key);
    if (!x) return {};
    const std::string name = what != nullptr ? what : key;
    auto p = readParam(doc, *x, name);
    checkSign(doc, *x, name, p.value, positive);
    return p;
}

// What a hazard takes from the service: `hazard`, `sensitivity`, `above`, and for a load
// `load_hours` with an optional `with: {hazard, per}` (snow on lines in wind).
world::Exposure readExposure(YamlDocument& doc, MapView& e, const ServiceContext& c) {
    world::Exposure ex;
    if (auto x = e.require("hazard")) ex.hazard = refAt(doc, *x, "hazard", "hazard", c.hazards);
    ex.sensitivity = figure(doc, e, "sensitivity", false);
    if (e.get("above")) ex.above = figure(doc, e, "above", false);
    if (e.get("load_hours")) {
        if (auto x = e.get("load_hours")) {
            const auto h = quantity(doc, *x, "load_hours", true);
            ex.loadHours.value = h.value_or(0);
            if (h && *h <= 0) doc.error(*x, "load_hours must be longer than 0");
            if (x->IsMap()) doc.error(*x, "load_hours is a duration such as 12h");
        }
    }
    if (auto x = e.get("with")) {
        MapView w(doc, *x, "with");
        if (w.ok()) {
            if (auto y = w.require("hazard")) ex.with = refAt(doc, *y, "hazard", "hazard", c.hazards);
            ex.per = figure(doc, w, "per", true);
            if (!ex.with.empty() && ex.with == ex.hazard) doc.error(*x, "'with' names the exposure's own hazard; name another (the wind)");
            w.finish();
        }
    }
    return ex;
}

// Depth limits in cm: traffic as normal up to `passable_to`, none from `closed_at`.
void readDepths(YamlDocument& doc, MapView& m, world::Param& passableTo, world::Param& closedAt) {
    passableTo = figure(doc, m, "passable_to", false);
    closedAt = figure(doc, m, "closed_at", true);
    if (closedAt.value > 0 && closedAt.value <= passableTo.value)
        if (auto x = m.get("closed_at"))
            doc.error(*x, "closed_at (" + x->Scalar() + " cm) must be deeper than passable_to: traffic runs as normal up to "
                          "passable_to and stops at closed_at");
}

world::SnowNetwork readNetwork(YamlDocument& doc, const YAML::Node& node, const ServiceContext& c) {
    const auto tick = c.world.tick;
    world::SnowNetwork n;
    MapView m(doc, node, "network");
    if (!m.ok()) return n;
    if (auto x = m.require("hazard")) n.hazard = refAt(doc, *x, "hazard", "hazard", c.hazards);
    n.startsAt = figure(doc, m, "starts_at", false);
    if (auto x = m.require("cycle")) {
        const auto h = quantity(doc, *x, "cycle", true);
        n.cycleHours.value = h.value_or(1);
        if (h && *h <= 0) doc.error(*x, "cycle must be longer than 0");
    }
    if (auto x = m.get("cycle_source")) n.cycleHours.source = doc.scalar(*x, "cycle_source").value_or("assumption");
    readDepths(doc, m, n.passableTo, n.closedAt);
    if (auto x = m.get("traffic"))
        n.traffic = readList<world::Traffic>(doc, *x, "traffic", [&](MapView& t, const YAML::Node&) {
            world::Traffic tr;
            if (auto y = t.require("demand")) tr.demand = refAt(doc, *y, "demand", "demand", c.demands);
            if (t.get("weight")) tr.weight = figure(doc, t, "weight", false);
            return tr;
        });
    if (m.get("stuck_rate")) n.stuckRate = figure(doc, m, "stuck_rate", false);
    if (auto x = m.get("cleared_away")) {
        const auto h = quantity(doc, *x, "cleared_away", true);
        n.clearedAwayHours.value = h.value_or(3);
        if (h && *h <= 0) doc.error(*x, "cleared_away must be longer than 0");
        else if (h && *h * static_cast<double>(engine::kHour) < static_cast<double>(tick))
            doc.error(*x, "cleared_away must be at least one tick of the world (" + std::to_string(tick / engine::kMinute) +
                              " min): the stuck vehicles are cleared away tick by tick");
    }
    if (auto x = m.get("cleared_away_source")) n.clearedAwayHours.source = doc.scalar(*x, "cleared_away_source").value_or("assumption");
    if (n.stuckRate.value > 0 && n.traffic.empty())
        if (auto x = m.get("stuck_rate")) doc.error(*x, "stuck_rate needs 'traffic': the vehicles that get stuck");
    m.finish();
    return n;
}

world::OnNetwork readOn(YamlDocument& doc, const YAML::Node& node, const ServiceContext& c, const std::vector<std::string>& networks) {
    world::OnNetwork on;
    MapView m(doc, node, "runs_on");
    if (!m.ok()) return on;
    if (auto x = m.require("network")) {
        on.service = doc.scalar(*x, "network").value_or("");
        if (std::find(networks.begin(), networks.end(), on.service) == networks.end())
            doc.error(*x, "runs_on must name a network (a service with 'network:') declared above this one; got '" + on.service + "'" +
                              model::didYouMean(on.service, networks));
    }
    readDepths(doc, m, on.passableTo, on.closedAt);
    if (auto x = m.get("vehicles")) on.vehicles = refAt(doc, *x, "vehicles", "demand", c.demands);
    if (m.get("vehicle_weight")) on.vehicleWeight = figure(doc, m, "vehicle_weight", false);
    if (auto x = m.get("withdrawn_below")) {
        on.withdrawnBelow = readParam(doc, *x, "withdrawn_below");
        checkLevel(doc, *x, "withdrawn_below", on.withdrawnBelow.value);
        if (auto y = m.require("resumes_above")) {
            on.resumesAbove = readParam(doc, *y, "resumes_above");
            checkLevel(doc, *y, "resumes_above", on.resumesAbove.value);
            if (on.resumesAbove.value <= on.withdrawnBelow.value)
                doc.error(*y, "resumes_above must be above withdrawn_below, or the traffic would be withdrawn and resumed in one tick");
        }
    } else if (auto y = m.get("resumes_above")) {
        doc.error(*y, "'resumes_above' goes with 'withdrawn_below'");
    }
    if (auto x = m.get("falling")) {
        MapView f(doc, *x, "falling");
        if (f.ok()) {
            on.fallingPassableTo = figure(doc, f, "passable_to", false);
            on.fallingClosedAt = figure(doc, f, "closed_at", true);
            if (on.fallingClosedAt.value > 0 && on.fallingClosedAt.value <= on.fallingPassableTo.value)
                if (auto y = f.get("closed_at"))
                    doc.error(*y, "falling closed_at (" + y->Scalar() + " cm/h) must be above passable_to: the mode runs as normal "
                                  "up to passable_to of falling snow and stops at closed_at");
            f.finish();
        }
    }
    m.finish();
    return on;
}

}  // namespace

world::ServiceSpec readService(YamlDocument& doc, MapView& m, const YAML::Node& item, const Scenario& scenario,
                               const ServiceContext& c, const std::vector<std::string>& earlier, IdSet& ids) {
    world::ServiceSpec s;
    s.id = idOf(doc, m);
    ids.add(doc, item, s.id);
    s.name = textOf(doc, m, "name");
    // One hazard (`hazard`, `sensitivity`, `above`) or several (`hazards: [{hazard, …}]`).
    if (m.get("hazard")) {
        s.exposures.push_back(readExposure(doc, m, c));
        if (auto x = m.get("hazards")) doc.error(*x, "give either 'hazard' (one) or 'hazards' (a list), not both");
    } else if (auto x = m.get("hazards")) {
        s.exposures = readList<world::Exposure>(doc, *x, "hazard exposure",
                                                [&](MapView& e, const YAML::Node&) { return readExposure(doc, e, c); });
        for (std::size_t i = 0; i < s.exposures.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                if (s.exposures[i].hazard == s.exposures[j].hazard && !s.exposures[i].hazard.empty())
                    doc.error(*x, "hazard '" + s.exposures[i].hazard + "' is named twice; give its losses once");
    } else {
        for (const char* key : {"sensitivity", "above", "load_hours", "with"})
            if (auto y = m.get(key)) doc.error(*y, std::string("'") + key + "' goes with 'hazard'");
    }
    if (auto x = m.get("network")) s.network = readNetwork(doc, *x, c);
    std::vector<std::string> networks;
    for (const auto& other : c.above)
        if (!other.network.hazard.empty()) networks.push_back(other.id);
    if (auto x = m.get("runs_on")) s.on = readOn(doc, *x, c, networks);
    const bool network = m.get("network").has_value();
    if (network && m.get("runs_on")) doc.error(*m.get("runs_on"), "a network does not run on another; give 'network' or 'runs_on'");
    if (network || m.get("runs_on")) {
        // Its level comes from the depth of snow: no rate of loss or recovery of its own.
        for (const char* key : {"hazard", "hazards", "recovery", "blocked_by", "depends_on"})
            if (auto y = m.get(key))
                doc.error(*y, std::string("'") + key + "' does not go with '" + (network ? "network" : "runs_on") +
                                  "': the level follows the depth of snow on the network" +
                                  (network ? ", what its operator clears and what gets stuck" : ", its limits and its traffic control"));
    }
    if (auto x = m.get("resource")) {
        s.resource = refAt(doc, *x, "resource", "resource", c.resources);
        // The share a service gets is what it receives over what it needs.
        if (auto y = m.require("need")) {
            s.need = readParam(doc, *y, "need");
            checkSign(doc, *y, "need", s.need.value, true);
        }
        if (!network) s.recovery = figure(doc, m, "recovery", false);
    } else if (network) {
        doc.error(item, "network '" + s.id + "' needs the 'resource' its operator clears it with, and its 'need'");
    }
    if (auto x = m.get("blocked_by"))
        s.blockedBy = readList<world::Blocking>(doc, *x, "blocked_by", [&](MapView& b, const YAML::Node&) {
            world::Blocking block;
            if (auto y = b.require("demand")) block.demand = refAt(doc, *y, "demand", "demand", c.demands);
            block.weight = figure(doc, b, "weight", false);
            return block;
        });
    if (auto x = m.get("depends_on")) {
        s.dependsOn = doc.scalar(*x, "depends_on").value_or("");
        if (std::find(earlier.begin(), earlier.end(), s.dependsOn) == earlier.end())
            doc.error(*x, "depends_on must name a service declared above this one; got '" + s.dependsOn + "'" +
                              model::didYouMean(s.dependsOn, earlier));
    }
    if (auto x = m.get("boost")) {
        MapView b(doc, *x, "boost");
        if (b.ok()) {
            if (auto y = b.require("resource")) s.boostResource = refAt(doc, *y, "resource", "resource", c.resources);
            s.boostNeed = figure(doc, b, "need", true, true, "boost need");
            if (auto y = b.require("max")) {
                s.boostMax = readParam(doc, *y, "max");
                checkLevel(doc, *y, "boost max", s.boostMax.value);
            }
            b.finish();
        }
    }
    if (auto x = m.get("observed_by")) {
        for (const auto& id : doc.stringList(*x, "observed_by")) {
            checkActor(doc, *x, id, scenario);
            if (const auto* g = scenario.region.group(id))
                s.observers.insert(s.observers.end(), g->members.begin(), g->members.end());
            else
                s.observers.push_back(id);
        }
    }
    if (auto x = m.get("report_delay")) s.reportDelay = doc.duration(*x, "report_delay").value_or(s.reportDelay);
    if (auto x = m.get("initial")) {
        s.initial = readParam(doc, *x, "initial");
        checkLevel(doc, *x, "initial", s.initial.value);
    }
    if (auto x = m.get("per_area")) {
        s.perArea = doc.boolean(*x, "per_area").value_or(false);
        if (s.perArea && c.world.areas.empty()) doc.error(*x, "service '" + s.id + "' is per area, but the world has no 'areas'");
    }
    // A county-wide service cannot take a resource that each area holds for itself.
    if (!s.perArea) {
        for (const auto& rid : {s.resource, s.boostResource})
            if (const auto* r = model::findById(c.world.resources, rid); r != nullptr && r->perArea)
                doc.error(item, "service '" + s.id + "' is county-wide, but resource '" + rid +
                                    "' is held per area; make the service per_area too");
        if (const auto* net = model::findById(c.above, s.on.service); net != nullptr && net->perArea)
            doc.error(item, "service '" + s.id + "' is county-wide, but it runs on '" + net->id +
                                "', which is per area; make the service per_area too");
    }
    return s;
}

}  // namespace samverkan::scenario::worldfields
