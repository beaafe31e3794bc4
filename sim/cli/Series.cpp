#include "sim/cli/Series.hpp"

#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

namespace samverkan::cli {
namespace {

using engine::Millis;
using nlohmann::ordered_json;

/// One column: its name, kind and unit, and a value per sample (NaN: not known). `area`: the area
/// a part of a per-area service, demand or outcome lies in (empty: the county as a whole).
struct Column {
    std::string name, kind, id, forum, unit;
    std::vector<double> values;
    std::string area = {};
};

std::vector<Column> columnsOf(const exercise::Exercise& run) {
    std::vector<Column> cols;
    const auto* w = run.world();
    if (w == nullptr) return cols;
    const auto& spec = w->spec();
    const std::size_t n = w->samples();
    for (std::size_t h = 0; h < spec.hazards.size(); ++h) {
        auto& c = cols.emplace_back(Column{"hazard." + spec.hazards[h].id, "hazard", spec.hazards[h].id, {}, spec.hazards[h].unit, {}});
        for (std::size_t i = 0; i < n; ++i) c.values.push_back(w->sampledIntensity(i, h));
    }
    for (std::size_t s = 0; s < spec.services.size(); ++s) {
        auto& c = cols.emplace_back(Column{"service." + spec.services[s].id, "service", spec.services[s].id, {}, "level", {},
                                           spec.services[s].area});
        for (std::size_t i = 0; i < n; ++i) c.values.push_back(w->sampledLevel(i, s));
    }
    if (w->keepsDetail()) {
        for (std::size_t d = 0; d < spec.demands.size(); ++d) {
            auto& c = cols.emplace_back(
                Column{"demand." + spec.demands[d].id, "demand", spec.demands[d].id, {}, spec.demands[d].unit, {}, spec.demands[d].area});
            for (std::size_t i = 0; i < n; ++i) c.values.push_back(w->sampledDemand(i, d));
        }
        for (std::size_t o = 0; o < spec.outcomes.size(); ++o) {
            auto& c = cols.emplace_back(Column{"outcome." + spec.outcomes[o].id, "outcome", spec.outcomes[o].id, {}, spec.outcomes[o].unit, {}});
            for (std::size_t i = 0; i < n; ++i) c.values.push_back(w->sampledOutcome(i, o));
            // Its parts by area, named as the parts of a per-area service are (`id@area`); what no
            // area holds is the total less these.
            for (std::size_t a = 0; a < spec.areas.size(); ++a) {
                const auto& area = spec.areas[a].id;
                auto& part = cols.emplace_back(Column{"outcome." + spec.outcomes[o].id + "@" + area, "outcome", spec.outcomes[o].id,
                                                      {}, spec.outcomes[o].unit, {}, area});
                for (std::size_t i = 0; i < n; ++i) part.values.push_back(w->sampledOutcomeIn(i, o, a));
            }
        }
        // A network's snow: its mean depth and the share blocked by stuck vehicles.
        for (std::size_t s = 0; s < spec.services.size(); ++s) {
            if (spec.services[s].network.hazard.empty()) continue;
            const auto& area = spec.services[s].area;
            auto& depth = cols.emplace_back(Column{"depth." + spec.services[s].id, "depth", spec.services[s].id, {}, "cm", {}, area});
            for (std::size_t i = 0; i < n; ++i) depth.values.push_back(w->sampledDepth(i, s));
            auto& stuck = cols.emplace_back(Column{"stuck." + spec.services[s].id, "stuck", spec.services[s].id, {}, "share", {}, area});
            for (std::size_t i = 0; i < n; ++i) stuck.values.push_back(w->sampledStuck(i, s));
        }
    }
    // What each forum's joint picture said at each tick: its latest picture then.
    const auto& pictures = run.pictures();
    const auto& forums = run.scenario().region.forums;
    for (model::ForumIndex f = 0; f < forums.size(); ++f) {
        std::vector<const world::Picture*> mine;
        for (const auto& [forum, picture] : pictures)
            if (forum == f) mine.push_back(&picture);
        if (mine.empty()) continue;
        for (std::size_t s = 0; s < spec.services.size(); ++s) {
            const auto& area = spec.services[s].area;
            Column level{"known." + forums[f].id + "." + spec.services[s].id, "known", spec.services[s].id, forums[f].id, "level", {}, area};
            Column age{"known_age_h." + forums[f].id + "." + spec.services[s].id, "known-age", spec.services[s].id, forums[f].id, "h", {}, area};
            std::size_t next = 0;
            const world::Picture* latest = nullptr;
            for (std::size_t i = 0; i < n; ++i) {
                const Millis t = w->sampleTime(i);
                while (next < mine.size() && mine[next]->compiledAt <= t) latest = mine[next++];
                const bool known = latest != nullptr && s < latest->services.size() && latest->services[s].observedAt >= 0;
                level.values.push_back(known ? latest->services[s].level : std::nan(""));
                age.values.push_back(known ? static_cast<double>(t - latest->services[s].observedAt) / static_cast<double>(engine::kHour)
                                           : std::nan(""));
            }
            cols.push_back(std::move(level));
            cols.push_back(std::move(age));
        }
    }
    return cols;
}

std::string number(double v) {
    if (std::isnan(v)) return {};
    char buf[32];
    // Seven significant digits: the levels are kept as floats, and a plot needs no more.
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 7);
    return std::string(buf, r.ptr);
}

std::string localTime(const exercise::Exercise& run, Millis t) {
    const auto& start = run.scenario().start;
    return engine::formatIso({start.epochMs + t, start.offsetMinutes});
}

}  // namespace

void writeSeriesCsv(std::ostream& out, const exercise::Exercise& run) {
    const auto cols = columnsOf(run);
    out << "t_ms,time";
    for (const auto& c : cols) out << ',' << c.name;
    out << '\n';
    const auto* w = run.world();
    const std::size_t n = w != nullptr ? w->samples() : 0;
    for (std::size_t i = 0; i < n; ++i) {
        out << w->sampleTime(i) << ',' << localTime(run, w->sampleTime(i));
        for (const auto& c : cols) out << ',' << number(c.values[i]);
        out << '\n';
    }
}

void writeSeriesJson(std::ostream& out, const exercise::Exercise& run) {
    const auto* w = run.world();
    ordered_json doc;
    doc["format"] = "samverkan-series/1";
    doc["scenario"] = run.scenario().id;
    doc["start"] = engine::formatIso(run.scenario().start);
    doc["seed"] = std::to_string(run.seed());
    const std::size_t n = w != nullptr ? w->samples() : 0;
    ordered_json times = ordered_json::array(), local = ordered_json::array();
    for (std::size_t i = 0; i < n; ++i) {
        times.push_back(w->sampleTime(i));
        local.push_back(localTime(run, w->sampleTime(i)));
    }
    doc["t_ms"] = times;
    doc["time"] = local;
    ordered_json series = ordered_json::array();
    for (const auto& c : columnsOf(run)) {
        ordered_json col{{"name", c.name}, {"kind", c.kind}, {"id", c.id}};
        if (!c.forum.empty()) col["forum"] = c.forum;
        if (!c.area.empty()) col["area"] = c.area;
        col["unit"] = c.unit;
        ordered_json values = ordered_json::array();
        for (const double v : c.values) values.push_back(std::isnan(v) ? ordered_json() : ordered_json(v));
        col["values"] = values;
        series.push_back(col);
    }
    doc["series"] = series;
    out << doc.dump() << "\n";
}

}  // namespace samverkan::cli
