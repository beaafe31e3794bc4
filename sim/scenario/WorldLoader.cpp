// The `world:` section of a scenario: the consequence model as data.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "sim/model/Names.hpp"
#include "sim/protocol/CommandFields.hpp"
#include "sim/scenario/ScenarioReading.hpp"
#include "sim/scenario/SeriesCsv.hpp"

namespace samverkan::scenario {
namespace {

using world::Param;
using world::Uncertain;

template <class T>
std::vector<std::string> idsOf(const std::vector<T>& items) {
    std::vector<std::string> ids;
    for (const auto& i : items) ids.push_back(i.id);
    return ids;
}

std::optional<double> number(YamlDocument& doc, const YAML::Node& node, const std::string& what) {
    const auto s = doc.scalar(node, what);
    if (!s) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s->c_str(), &end);
    if (s->empty() || end != s->c_str() + s->size() || !std::isfinite(v) || std::fabs(v) > 1e12) {
        doc.error(node, what + " must be a number; got \"" + *s + "\"");
        return std::nullopt;
    }
    return v;
}

// A number, or a duration in hours when `hours` is set.
std::optional<double> quantity(YamlDocument& doc, const YAML::Node& node, const std::string& what, bool hours,
                               bool signedValue = false) {
    if (!hours) return number(doc, node, what);
    // "-2h" and "+2h" as well as "2h" where a value may be signed (a forecast's shift).
    const bool sign = signedValue && node.IsScalar() && !node.Scalar().empty() &&
                      (node.Scalar()[0] == '-' || node.Scalar()[0] == '+');
    const auto d = sign ? doc.offset(node, what) : doc.duration(node, what);
    if (!d) return std::nullopt;
    return static_cast<double>(*d) / static_cast<double>(engine::kHour);
}

// `12.5` or `{value: 12.5, source: "…"}`.
Param readParam(YamlDocument& doc, const YAML::Node& node, const std::string& what) {
    Param p;
    if (node.IsScalar()) {
        p.value = number(doc, node, what).value_or(0);
        return p;
    }
    MapView map(doc, node, what);
    if (!map.ok()) return p;
    if (auto v = map.require("value")) p.value = number(doc, *v, what + ".value").value_or(0);
    if (auto v = map.get("source")) p.source = doc.scalar(*v, "source").value_or("assumption");
    map.finish();
    return p;
}

// `{value: 22h, spread: 3h, source: "…"}`; durations when `hours` is set.
// `signedValue`: the value may be below 0 and a draw with it (a forecast's shift in time).
Uncertain readUncertain(YamlDocument& doc, const YAML::Node& node, const std::string& what, bool hours,
                        bool signedValue = false) {
    Uncertain u;
    if (node.IsScalar()) {
        u.value = quantity(doc, node, what, hours, signedValue).value_or(0);
        return u;
    }
    MapView map(doc, node, what);
    if (!map.ok()) return u;
    bool read = true;
    if (auto v = map.require("value")) {
        const auto value = quantity(doc, *v, what + ".value", hours, signedValue);
        read = value.has_value();
        u.value = value.value_or(0);
    }
    if (auto v = map.get("spread")) {
        const auto spread = quantity(doc, *v, what + ".spread", hours);
        u.spread = spread.value_or(0);
        // A draw lies within value ± spread: a wider spread than the value could draw below zero.
        const auto show = [&](double x) {
            return hours ? engine::formatDuration(
                               static_cast<Millis>(std::llround(x * static_cast<double>(engine::kHour))))
                         : protocol::formatNumber(x);
        };
        if (spread && *spread < 0)
            doc.error(*v, what + ".spread must not be negative; got " + show(*spread));
        else if (spread && read && !signedValue && *spread > u.value)
            doc.error(*v, what + ".spread " + show(*spread) + " is larger than its value " + show(u.value) +
                              " (a draw lies within value ± spread, and would fall below 0)");
    }
    if (auto v = map.get("source")) u.source = doc.scalar(*v, "source").value_or("assumption");
    map.finish();
    return u;
}

// A service's level, or a share of it: from 0 to 1.
void checkLevel(YamlDocument& doc, const YAML::Node& at, const std::string& what, double value) {
    if (value < 0 || value > 1)
        doc.error(at, what + " must be a level from 0 to 1; got " + protocol::formatNumber(value));
}

void checkRef(YamlDocument& doc, const YAML::Node& at, const std::string& what, const std::string& id,
              const std::vector<std::string>& known) {
    if (id.empty() || std::find(known.begin(), known.end(), id) != known.end()) return;
    doc.error(at, "unknown " + what + " '" + id + "'" + model::didYouMean(id, known));
}

// Reads an id under `key` and reports it unless it is one of `known`.
std::string refAt(YamlDocument& doc, const YAML::Node& node, const char* key, const std::string& what,
                  const std::vector<std::string>& known) {
    const std::string id = doc.scalar(node, key).value_or("");
    checkRef(doc, node, what, id, known);
    return id;
}

// `{stockholms-stad: 1, solna: 0.6, municipalities: 0.2}`: actors or groups of actors with the
// weight of the hazard there; a later, more specific entry overrides a group's weight.
std::vector<std::pair<std::string, double>> readAreas(YamlDocument& doc, const YAML::Node& node, const model::Region& region) {
    std::vector<std::pair<std::string, double>> areas;
    if (!node.IsMap()) {
        doc.error(node, "areas must be a mapping of actors or groups to a weight between 0 and 1");
        return areas;
    }
    std::vector<std::string> known = region.actorIds();
    for (const auto& g : region.groups) known.push_back(g.id);
    const auto set = [&](const std::string& id, double weight) {
        for (auto& [existing, w] : areas)
            if (existing == id) return void(w = weight);
        areas.emplace_back(id, weight);
    };
    for (const auto& kv : node) {
        const auto id = doc.scalar(kv.first, "area");
        const auto weight = number(doc, kv.second, "area weight");
        if (!id || !weight) continue;
        if (*weight < 0 || *weight > 1) {
            doc.error(kv.second, "area weight must be between 0 and 1; got " + kv.second.Scalar());
            continue;
        }
        if (const auto* g = region.group(*id)) {
            for (const auto& member : g->members) set(member, *weight);
        } else if (region.actorIndex(*id) != model::kNone) {
            set(*id, *weight);
        } else {
            doc.error(kv.first, "unknown actor or group '" + *id + "' in areas" + model::didYouMean(*id, known));
        }
    }
    return areas;
}


// A generated hazard: onset, peak and duration drawn per run, rising and falling over `ramp`.
void readGenerated(YamlDocument& doc, MapView& m, const Scenario& scenario, world::HazardSpec& h) {
    const double end = static_cast<double>(scenario.duration) / static_cast<double>(engine::kHour);
    if (auto x = m.require("onset")) {
        h.onsetHours = readUncertain(doc, *x, "onset", true);
        if (scenario.duration > 0 && h.onsetHours.value > end)
            doc.error(*x, "onset is after the scenario's end (its duration is " +
                              engine::formatDuration(scenario.duration) + ")");
    }
    if (auto x = m.require("peak")) {
        h.peak = readUncertain(doc, *x, "peak", false);
        checkSign(doc, *x, "peak", h.peak.value, true);
    }
    std::optional<YAML::Node> durationNode;
    if (auto x = m.require("duration")) {
        durationNode = x;
        h.durationHours = readUncertain(doc, *x, "duration", true);
        if (!(h.durationHours.value > 0)) doc.error(*x, "duration must be longer than 0");
    }
    if (auto x = m.get("ramp")) {
        const auto ramp = quantity(doc, *x, "ramp", true);
        h.rampHours = ramp.value_or(1);
        // The hazard rises over the ramp and falls over it again within its duration.
        if (ramp && durationNode && h.durationHours.value > 0 && 2 * *ramp > h.durationHours.value)
            doc.error(*x, "ramp " + x->Scalar() +
                              " is longer than the hazard allows: it rises over the ramp and falls over it "
                              "again, so two ramps must fit in its duration (" +
                              engine::formatDuration(static_cast<Millis>(
                                  std::llround(h.durationHours.value * static_cast<double>(engine::kHour)))) +
                              ")");
    }
}

// The hours of a series: `from` (a date and time, or an offset from the start such as "-6h") and
// `values`, or `csv` (SMHI's layout) scaled by `factor`; a forecast also draws `shift` and `scale`.
void readSeries(YamlDocument& doc, const YAML::Node& node, const Scenario& scenario, world::HazardSpec& h) {
    const bool forecast = h.kind == world::HazardKind::forecast;
    MapView m(doc, node, forecast ? "forecast" : "series");
    if (!m.ok()) return;
    if (auto x = m.require("source")) h.seriesSource = doc.scalar(*x, "source").value_or("assumption");
    const auto csv = m.get("csv"), values = m.get("values");
    if (csv && values) doc.error(*values, "give either 'values' or 'csv', not both");
    if (!csv && !values) doc.error(node, "a series needs 'values' (with 'from') or 'csv' (a file in SMHI's layout)");
    if (auto x = m.get("step")) {
        h.step = doc.duration(*x, "step").value_or(engine::kHour);
        if (h.step < engine::kMinute) doc.error(*x, "step must be at least 1min");
        if (csv) doc.error(*x, "an SMHI series is hourly: 'step' goes with 'values'");
    }
    double factor = 1;
    if (auto x = m.get("factor")) {
        const auto p = readParam(doc, *x, "factor");
        factor = p.value;
        checkSign(doc, *x, "factor", factor, true);
        if (!csv) doc.error(*x, "'factor' converts a CSV's unit ('csv'); write inline values in the hazard's unit");
    }
    Millis before = 0;
    if (auto x = m.get("before")) {
        before = doc.duration(*x, "before").value_or(0);
        if (!csv) doc.error(*x, "'before' goes with 'csv'; inline values begin at 'from'");
    }
    if (values) {
        if (auto x = m.require("from")) {
            const auto text = doc.scalar(*x, "from").value_or("");
            if (const auto at = engine::parseIsoTime(text)) {
                h.seriesStart = at->epochMs - scenario.start.epochMs;
            } else {
                bool tooLong = false;
                if (const auto offset = engine::parseOffset(text, &tooLong); offset && !tooLong)
                    h.seriesStart = *offset;
                else
                    doc.error(*x, "from must be a date and time (2022-11-20T13:00+01:00) or an offset from the start "
                                  "(\"-6h\"); got \"" + text + "\"");
            }
        }
        if (!values->IsSequence()) {
            doc.error(*values, "values must be a list of numbers, one per step");
        } else {
            for (const auto& v : *values) {
                const auto n = number(doc, v, "a series value");
                if (!n) continue;
                if (*n < 0) doc.error(v, "a series value must not be negative; got " + v.Scalar());
                h.values.push_back(std::max(0.0, *n));
            }
            if (h.values.empty()) doc.error(*values, "values must hold at least one value");
        }
    } else if (csv) {
        if (auto x = m.get("from")) doc.error(*x, "a CSV series has its own times: 'from' goes with 'values'");
        const std::string ref = doc.scalar(*csv, "csv").value_or("");
        namespace fs = std::filesystem;
        const std::string path = (fs::path(doc.file()).parent_path() / ref).lexically_normal().string();
        h.seriesFile = ref;
        if (!ref.empty()) {
            const auto read = readSmhiCsv(path, {scenario.start.epochMs, scenario.duration, before}, doc.limits().maxFileBytes);
            // A file that cannot be read at all is reported where the scenario names it.
            for (const auto& d : read.diagnostics) {
                if (d.line == 0) doc.error(*csv, "weather series '" + ref + "': " + d.message);
                else doc.report(d);
            }
            if (read.diagnostics.empty()) {
                h.seriesStart = read.firstStepStartEpochMs - scenario.start.epochMs;
                for (const double v : read.values) h.values.push_back(v * factor);
            }
        }
    }
    if (scenario.duration > 0 && h.seriesStart >= scenario.duration)
        doc.error(node, "the series begins after the scenario's end (its duration is " + engine::formatDuration(scenario.duration) + ")");
    if (forecast) {
        if (auto x = m.require("shift")) {
            h.shiftHours = readUncertain(doc, *x, "shift", true, true);
        }
        if (auto x = m.require("scale")) {
            h.scale = readUncertain(doc, *x, "scale", false);
            checkSign(doc, *x, "scale", h.scale.value, true);
        }
    } else {
        for (const char* key : {"shift", "scale"})
            if (auto x = m.get(key)) doc.error(*x, std::string("'") + key + "' is drawn for a forecast; an observed series is what happened");
    }
    m.finish();
}

}  // namespace

std::string idOf(YamlDocument& doc, MapView& map) {
    const auto v = map.require("id");
    return v ? doc.identifier(*v, "id").value_or("") : std::string{};
}

Text textOf(YamlDocument& doc, MapView& map, const char* key) {
    const auto v = map.require(key);
    return v ? doc.text(*v, key).value_or(Text{}) : Text{};
}

std::string stringOf(YamlDocument& doc, MapView& map, const char* key, bool required) {
    const auto v = required ? map.require(key) : map.get(key);
    return v ? doc.scalar(*v, key).value_or("") : std::string{};
}

std::optional<double> readNumber(YamlDocument& doc, const YAML::Node& node, const std::string& what) {
    return number(doc, node, what);
}

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
            world::HazardSpec h;
            h.id = idOf(doc, m);
            hazardSet.add(doc, item, h.id);
            h.name = textOf(doc, m, "name");
            h.unit = stringOf(doc, m, "unit", true);
            const auto series = m.get("series"), forecast = m.get("forecast");
            if (series && forecast) doc.error(*forecast, "give either 'series' (observed) or 'forecast', not both");
            if (series || forecast) {
                h.kind = series ? world::HazardKind::series : world::HazardKind::forecast;
                readSeries(doc, series ? *series : *forecast, scenario, h);
                if (auto x = m.get("begins_above")) {
                    h.beginsAbove = number(doc, *x, "begins_above").value_or(0);
                    checkSign(doc, *x, "begins_above", h.beginsAbove, false);
                }
                for (const char* key : {"onset", "peak", "duration", "ramp"})
                    if (auto x = m.get(key))
                        doc.error(*x, std::string("'") + key + "' belongs to a generated hazard; a " +
                                          (series ? "series" : "forecast") + " has its intensity hour by hour");
            } else {
                readGenerated(doc, m, scenario, h);
            }
            if (auto x = m.get("areas")) h.areas = readAreas(doc, *x, scenario.region);
            return h;
        });
    IdSet areaSet("area");
    if (auto v = map.get("areas")) {
        std::vector<std::string> placed;  // every municipality in at most one area
        w.areas = readList<world::AreaSpec>(doc, *v, "area", [&](MapView& m, const YAML::Node& item) {
            world::AreaSpec a;
            a.id = idOf(doc, m);
            areaSet.add(doc, item, a.id);
            a.name = textOf(doc, m, "name");
            if (auto x = m.require("members")) {
                for (const auto& id : doc.stringList(*x, "members")) {
                    std::vector<std::string> ids;
                    if (const auto* g = scenario.region.group(id)) ids = g->members;
                    else ids.push_back(id);
                    for (const auto& member : ids) {
                        const auto index = scenario.region.actorIndex(member);
                        if (index == model::kNone) {
                            doc.error(*x, "unknown municipality '" + member + "' in area '" + a.id + "'" +
                                              model::didYouMean(member, scenario.region.actorIds()));
                            continue;
                        }
                        if (scenario.region.actors[index].kind != "municipality") {
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
                r.owner = refAt(doc, *x, "owner", "actor", actorIds);
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
        w.services = readList<world::ServiceSpec>(doc, *v, "service", [&](MapView& m, const YAML::Node& item) {
            world::ServiceSpec s;
            s.id = idOf(doc, m);
            serviceSet.add(doc, item, s.id);
            s.name = textOf(doc, m, "name");
            // One hazard (`hazard`, `sensitivity`, `above`) or several (`hazards: [{hazard, …}]`).
            const auto exposure = [&](MapView& e) {
                world::Exposure ex;
                if (auto x = e.require("hazard")) ex.hazard = refAt(doc, *x, "hazard", "hazard", hazardIds);
                if (auto y = e.require("sensitivity")) {
                    ex.sensitivity = readParam(doc, *y, "sensitivity");
                    checkSign(doc, *y, "sensitivity", ex.sensitivity.value, false);
                }
                if (auto y = e.get("above")) {
                    ex.above = readParam(doc, *y, "above");
                    checkSign(doc, *y, "above", ex.above.value, false);
                }
                return ex;
            };
            if (m.get("hazard")) {
                s.exposures.push_back(exposure(m));
                if (auto x = m.get("hazards")) doc.error(*x, "give either 'hazard' (one) or 'hazards' (a list), not both");
            } else if (auto x = m.get("hazards")) {
                s.exposures = readList<world::Exposure>(doc, *x, "hazard exposure",
                                                        [&](MapView& e, const YAML::Node&) { return exposure(e); });
                for (std::size_t i = 0; i < s.exposures.size(); ++i)
                    for (std::size_t j = 0; j < i; ++j)
                        if (s.exposures[i].hazard == s.exposures[j].hazard && !s.exposures[i].hazard.empty())
                            doc.error(*x, "hazard '" + s.exposures[i].hazard + "' is named twice; give its losses once");
            } else {
                for (const char* key : {"sensitivity", "above"})
                    if (auto y = m.get(key)) doc.error(*y, std::string("'") + key + "' goes with 'hazard'");
            }
            if (auto x = m.get("resource")) {
                s.resource = refAt(doc, *x, "resource", "resource", resourceIds);
                // The share a service gets is what it receives over what it needs.
                if (auto y = m.require("need")) {
                    s.need = readParam(doc, *y, "need");
                    checkSign(doc, *y, "need", s.need.value, true);
                }
                if (auto y = m.require("recovery")) {
                    s.recovery = readParam(doc, *y, "recovery");
                    checkSign(doc, *y, "recovery", s.recovery.value, false);
                }
            }
            if (auto x = m.get("blocked_by"))
                s.blockedBy = readList<world::Blocking>(doc, *x, "blocked_by", [&](MapView& b, const YAML::Node&) {
                    world::Blocking block;
                    if (auto y = b.require("demand")) {
                        block.demand = refAt(doc, *y, "demand", "demand", demandIds);
                    }
                    if (auto y = b.require("weight")) {
                        block.weight = readParam(doc, *y, "weight");
                        checkSign(doc, *y, "weight", block.weight.value, false);
                    }
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
                    if (auto y = b.require("resource")) {
                        s.boostResource = refAt(doc, *y, "resource", "resource", resourceIds);
                    }
                    if (auto y = b.require("need")) {
                        s.boostNeed = readParam(doc, *y, "need");
                        checkSign(doc, *y, "boost need", s.boostNeed.value, true);
                    }
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
            if (auto x = m.get("report_delay"))
                s.reportDelay = doc.duration(*x, "report_delay").value_or(s.reportDelay);
            if (auto x = m.get("initial")) {
                s.initial = readParam(doc, *x, "initial");
                checkLevel(doc, *x, "initial", s.initial.value);
            }
            s.perArea = perArea(m, "service", s.id);
            // A county-wide service cannot take a resource that each area holds for itself.
            if (!s.perArea)
                for (const auto& rid : {s.resource, s.boostResource})
                    if (const auto* r = model::findById(w.resources, rid); r != nullptr && r->perArea)
                        doc.error(item, "service '" + s.id + "' is county-wide, but resource '" + rid +
                                            "' is held per area; make the service per_area too");
            earlier.push_back(s.id);
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

world::Uncertain readUncertainValue(YamlDocument& doc, const YAML::Node& node, const std::string& what, bool hours) {
    return readUncertain(doc, node, what, hours);
}

}  // namespace samverkan::scenario
