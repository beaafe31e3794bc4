// The `world:` section of a scenario: the consequence model as data. Its hazards are read in
// HazardLoader.cpp, its services in ServiceLoader.cpp.
#include <algorithm>

#include "sim/model/Names.hpp"
#include "sim/scenario/WorldReading.hpp"

namespace samverkan::scenario {

using namespace worldfields;

WorldRefs worldRefs(const world::WorldSpec& w) {
    WorldRefs r{idsOf(w.demands), idsOf(w.resources), idsOf(w.services), idsOf(w.outcomes), {}, priorityLists(w)};
    for (const auto& res : w.resources)
        if (std::find(r.lists.begin(), r.lists.end(), res.list) == r.lists.end()) r.lists.push_back(res.list);
    return r;
}

void readEffect(YamlDocument& doc, MapView& m, const YAML::Node& item, const WorldRefs& refs, world::EffectSpec& e) {
    if (auto x = m.get("lead")) e.lead = doc.duration(*x, "lead").value_or(0);
    if (auto x = m.get("floor")) e.floor = number(doc, *x, "floor").value_or(1);
    if (auto x = m.get("start_before_onset")) e.startBeforeOnset = doc.duration(*x, "start_before_onset").value_or(-1);
    if (auto x = m.get("end_after_onset")) e.endAfterOnset = doc.duration(*x, "end_after_onset").value_or(-1);
    if (e.floor < 0 || e.floor > 1) doc.error(item, "floor must be between 0 and 1");
    if (e.startBeforeOnset == 0 && e.endAfterOnset == 0)
        doc.error(item,
                  "the effect holds from 0 before the onset to 0 after it, which is no time at all; give "
                  "start_before_onset or end_after_onset a length, or leave one out");
    e.label = textOf(doc, m, "label");
    if (auto x = m.get("source")) e.source = doc.scalar(*x, "source").value_or("assumption");
    if (auto x = m.require("changes"))
        e.changes = readList<world::Change>(doc, *x, "change", [&](MapView& c, const YAML::Node& at) {
            world::Change ch;
            if (auto y = c.get("demand")) ch.demand = refAt(doc, *y, "demand", "demand", refs.demands);
            if (auto y = c.get("resource")) ch.resource = refAt(doc, *y, "resource", "resource", refs.resources);
            // A factor of 0 stops a demand or a resource altogether (buses cancelled); below 0 means nothing.
            if (auto y = c.get("factor")) {
                ch.factor = number(doc, *y, "factor").value_or(1);
                checkSign(doc, *y, "factor", ch.factor, false);
            }
            if (auto y = c.get("add")) ch.add = number(doc, *y, "add").value_or(0);
            if (auto y = c.get("outcome")) ch.outcome = refAt(doc, *y, "outcome", "outcome", refs.outcomes);
            if (auto y = c.get("list")) ch.list = refAt(doc, *y, "list", "priority list", refs.lists);
            if (auto y = c.get("order")) {
                ch.order = doc.stringList(*y, "order");
                checkRepeats(doc, *y, "order", ch.order);
                const auto list = std::find_if(refs.listServices.begin(), refs.listServices.end(),
                                               [&](const auto& l) { return l.first == ch.list; });
                for (const auto& id : ch.order) {
                    if (std::find(refs.services.begin(), refs.services.end(), id) == refs.services.end())
                        checkRef(doc, *y, "service", id, refs.services);
                    else if (list != refs.listServices.end() &&
                             std::find(list->second.begin(), list->second.end(), id) == list->second.end())
                        doc.error(*y, "priority list '" + ch.list + "' does not order '" + id +
                                          "' (no resource of the list serves it)");
                }
            }
            const int kinds = (ch.demand.empty() ? 0 : 1) + (ch.resource.empty() ? 0 : 1) + (ch.list.empty() ? 0 : 1) +
                              (ch.outcome.empty() ? 0 : 1);
            if (kinds != 1) doc.error(at, "a change names exactly one of 'demand', 'resource', 'outcome' or 'list'");
            return ch;
        });
}

// `areas:` — groups of the county's municipalities, each municipality in at most one.
std::vector<world::AreaSpec> readWorldAreas(YamlDocument& doc, const YAML::Node& node, const model::Region& region) {
    IdSet areaSet("area");
    std::vector<std::string> placed;  // every municipality in at most one area
    return readList<world::AreaSpec>(doc, node, "area", [&](MapView& m, const YAML::Node& item) {
        world::AreaSpec a;
        a.id = idOf(doc, m);
        areaSet.add(doc, item, a.id);
        a.name = textOf(doc, m, "name");
        if (auto x = m.require("members")) {
            for (const auto& id : doc.stringList(*x, "members")) {
                std::vector<std::string> ids;
                if (const auto* g = region.group(id)) ids = g->members;
                else ids.push_back(id);
                for (const auto& member : ids) {
                    const auto index = region.actorIndex(member);
                    if (index == model::kNone) {
                        doc.error(*x, "unknown municipality '" + member + "' in area '" + a.id + "'" +
                                          model::didYouMean(member, region.actorIds()));
                        continue;
                    }
                    if (region.actors[index].kind != "municipality") {
                        doc.error(*x, "area '" + a.id + "': '" + member + "' is no municipality; an area is one or more of the county's municipalities");
                        continue;
                    }
                    if (std::find(placed.begin(), placed.end(), member) != placed.end()) {
                        doc.error(*x, "municipality '" + member + "' is in two areas; each municipality belongs to one");
                        continue;
                    }
                    placed.push_back(member);
                    a.members.push_back(member);
                }
            }
            if (a.members.empty() && doc.errorCount() == 0) doc.error(*x, "area '" + a.id + "' has no members");
        }
        return a;
    });
}

world::WorldSpec readWorld(YamlDocument& doc, const YAML::Node& node, const Scenario& scenario) {
    world::WorldSpec w;
    MapView map(doc, node, "world");
    if (!map.ok()) return w;
    {
        // Local time at the start, from the Monday 00:00 before it (1970-01-01 was a Thursday).
        const std::int64_t local = scenario.start.epochMs + scenario.start.offsetMinutes * engine::kMinute;
        const std::int64_t week = 7 * engine::kDay;
        w.startSinceMonday = (((local + 3 * engine::kDay) % week) + week) % week;
    }
    if (auto v = map.get("tick")) {
        w.tick = doc.duration(*v, "tick").value_or(w.tick);
        if (w.tick < engine::kMinute) doc.error(*v, "world.tick must be at least 1min");
    }
    IdSet hazardSet("hazard"), demandSet("demand"), resourceSet("resource"), serviceSet("service"),
        outcomeSet("outcome");
    if (auto v = map.get("hazards"))
        w.hazards = readList<world::HazardSpec>(doc, *v, "hazard", [&](MapView& m, const YAML::Node& item) {
            return readHazard(doc, m, item, scenario, hazardSet);
        });
    if (auto v = map.get("areas")) w.areas = readWorldAreas(doc, *v, scenario.region);
    // `per_area: true`: one part in each area (only where the world has areas).
    const auto perArea = [&](MapView& m, const char* what, const std::string& id) {
        const auto x = m.get("per_area");
        if (!x) return false;
        const bool on = doc.boolean(*x, "per_area").value_or(false);
        if (on && w.areas.empty())
            doc.error(*x, std::string(what) + " '" + id + "' is per area, but the world has no 'areas'");
        return on;
    };
    IdSet profileSet("profile");
    if (auto v = map.get("profiles"))
        w.profiles = readList<world::ProfileSpec>(doc, *v, "profile", [&](MapView& m, const YAML::Node& item) {
            world::ProfileSpec p;
            p.id = idOf(doc, m);
            profileSet.add(doc, item, p.id);
            p.name = textOf(doc, m, "name");
            if (auto x = m.require("source")) p.source = doc.scalar(*x, "source").value_or("assumption");
            const auto day = [&](const char* key, std::array<double, 24>& out) {
                const auto x = m.require(key);
                if (!x) return;
                if (!x->IsSequence() || x->size() != 24) {
                    doc.error(*x, std::string(key) + " must be a list of 24 numbers, one per local hour from 00 to 23");
                    return;
                }
                for (std::size_t i = 0; i < 24; ++i) {
                    out[i] = number(doc, (*x)[i], std::string(key) + " value").value_or(0);
                    checkSign(doc, (*x)[i], std::string(key) + " value", out[i], false);
                }
            };
            day("weekday", p.weekday);
            day("saturday", p.saturday);
            day("sunday", p.sunday);
            // Normalised to an ordinary weekday's mean: the demand's base is its mean per hour then.
            double sum = 0;
            for (const double hour : p.weekday) sum += hour;
            if (sum > 0) {
                for (auto* d : {&p.weekday, &p.saturday, &p.sunday})
                    for (auto& hour : *d) hour = hour * 24.0 / sum;
            } else {
                doc.error(item, "profile '" + p.id + "': the weekday has no demand at any hour");
            }
            return p;
        });
    const auto profileIds = idsOf(w.profiles);
    if (auto v = map.get("demands"))
        w.demands = readList<world::DemandSpec>(doc, *v, "demand", [&](MapView& m, const YAML::Node& item) {
            world::DemandSpec d;
            d.id = idOf(doc, m);
            demandSet.add(doc, item, d.id);
            d.name = textOf(doc, m, "name");
            d.unit = stringOf(doc, m, "unit", true);
            if (auto x = m.require("base")) {
                d.base = readParam(doc, *x, "base");
                checkSign(doc, *x, "base", d.base.value, false);
            }
            if (auto x = m.get("profile")) d.profile = refAt(doc, *x, "profile", "profile", profileIds);
            d.perArea = perArea(m, "demand", d.id);
            return d;
        });
    const auto actorIds = scenario.region.actorIds();
    if (auto v = map.get("resources"))
        w.resources = readList<world::ResourceSpec>(doc, *v, "resource", [&](MapView& m, const YAML::Node& item) {
            world::ResourceSpec r;
            r.id = idOf(doc, m);
            resourceSet.add(doc, item, r.id);
            r.name = textOf(doc, m, "name");
            if (auto x = m.require("owner")) {
                // An actor, or a group of them (the municipalities, each clearing its own streets).
                auto owners = actorIds;
                for (const auto& g : scenario.region.groups) owners.push_back(g.id);
                r.owner = refAt(doc, *x, "owner", "actor or group", owners);
            }
            // 0 is a resource not there yet (a routine still to be written), which effects may add.
            if (auto x = m.require("capacity")) {
                r.capacity = readParam(doc, *x, "capacity");
                checkSign(doc, *x, "capacity", r.capacity.value, false);
            }
            r.list = stringOf(doc, m, "list", true);
            r.perArea = perArea(m, "resource", r.id);
            if (auto x = m.get("default_order")) {
                r.defaultOrder = doc.stringList(*x, "default_order");
                checkRepeats(doc, *x, "default_order", r.defaultOrder);
            }
            return r;
        });
    const auto hazardIds = idsOf(w.hazards), demandIds = idsOf(w.demands), resourceIds = idsOf(w.resources);
    if (auto v = map.get("services")) {
        std::vector<std::string> earlier;
        std::vector<world::ServiceSpec> above;
        const ServiceContext context{w, above, hazardIds, demandIds, resourceIds};
        w.services = readList<world::ServiceSpec>(doc, *v, "service", [&](MapView& m, const YAML::Node& item) {
            auto s = readService(doc, m, item, scenario, context, earlier, serviceSet);
            earlier.push_back(s.id);
            above.push_back(s);
            return s;
        });
    }
    const auto serviceIds = idsOf(w.services);
    // '@' names an area's part ("local-streets@nacka"): no id of the model's own may hold it.
    for (const auto* ids : {&hazardIds, &demandIds, &resourceIds, &serviceIds})
        for (const auto& id : *ids)
            if (id.find('@') != std::string::npos)
                doc.error(node, "world id '" + id + "' holds '@', which names an area's part; choose another id");
    if (auto v = map.get("outcomes"))
        w.outcomes = readList<world::OutcomeSpec>(doc, *v, "outcome", [&](MapView& m, const YAML::Node& item) {
            world::OutcomeSpec o;
            o.id = idOf(doc, m);
            outcomeSet.add(doc, item, o.id);
            o.name = textOf(doc, m, "name");
            o.unit = stringOf(doc, m, "unit", true);
            if (auto x = m.require("terms"))
                o.terms = readList<world::OutcomeTerm>(doc, *x, "term", [&](MapView& t, const YAML::Node&) {
                    world::OutcomeTerm term;
                    if (auto y = t.require("service")) {
                        term.service = refAt(doc, *y, "service", "service", serviceIds);
                    }
                    if (auto y = t.require("demand")) {
                        term.demand = refAt(doc, *y, "demand", "demand", demandIds);
                    }
                    if (auto y = t.get("lost")) term.lost = doc.boolean(*y, "lost").value_or(false);
                    return term;
                });
            return o;
        });
    if (auto v = map.get("effects"))
        doc.error(*v, "world.effects is no longer read: an effect belongs to a measure (the top-level 'measures:' list) "
                      "or to a typed trigger ('world: triggers:')");
    const auto refs = worldRefs(w);
    if (auto v = map.get("triggers"))
        w.effects = readList<world::EffectSpec>(doc, *v, "trigger", [&](MapView& m, const YAML::Node& item) {
            world::EffectSpec e;
            if (auto x = m.require("on")) {
                const std::string on = doc.scalar(*x, "on").value_or("");
                static const std::vector<std::string> names{"member-joined", "joint-public-message", "own-public-message"};
                if (on == names[0]) e.on = world::EffectTrigger::memberJoined;
                else if (on == names[1]) e.on = world::EffectTrigger::jointPublicMessage;
                else if (on == names[2]) e.on = world::EffectTrigger::ownPublicMessage;
                else doc.error(*x, "unknown trigger '" + on + "' (expected one of: member-joined, joint-public-message, own-public-message)");
            }
            if (e.on == world::EffectTrigger::memberJoined) {
                if (auto x = m.require("actor")) {
                    e.actor = doc.scalar(*x, "actor").value_or("");
                    if (scenario.region.actorIndex(e.actor) == model::kNone)
                        doc.error(*x, "unknown actor '" + e.actor + "'" + model::didYouMean(e.actor, scenario.region.actorIds()));
                }
            } else if (auto x = m.get("actor")) {
                doc.error(*x, "'actor' goes only with 'on: member-joined'");
            }
            readEffect(doc, m, item, refs, e);
            return e;
        });
    if (auto v = map.get("lists")) {
        IdSet listSet("priority list");
        w.lists = readList<world::ListSpec>(doc, *v, "priority list", [&](MapView& m, const YAML::Node& item) {
            world::ListSpec l;
            l.id = idOf(doc, m);
            listSet.add(doc, item, l.id);
            l.name = textOf(doc, m, "name");
            if (!l.id.empty() && std::none_of(w.resources.begin(), w.resources.end(), [&](const auto& r) { return r.list == l.id; }))
                doc.error(item, "priority list '" + l.id + "' is the list of no resource" +
                                    model::didYouMean(l.id, [&] {
                                        std::vector<std::string> ids;
                                        for (const auto& r : w.resources) ids.push_back(r.list);
                                        return ids;
                                    }()));
            return l;
        });
    }
    for (const auto& r : w.resources)
        for (const auto& id : r.defaultOrder)
            if (std::find(serviceIds.begin(), serviceIds.end(), id) == serviceIds.end())
                doc.error(node, "resource '" + r.id + "': default_order names unknown service '" + id + "'" +
                                    model::didYouMean(id, serviceIds));
    map.finish();
    return w;
}

std::vector<std::string> hazardIds(const Scenario& s) {
    std::vector<std::string> ids;
    if (s.world)
        for (const auto& h : s.world->hazards) ids.push_back(h.id);
    return ids;
}

}  // namespace samverkan::scenario
