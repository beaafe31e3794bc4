// The figures, references and areas every part of a scenario's `world:` section reads.
#include <cmath>

#include "sim/model/Names.hpp"
#include "sim/protocol/CommandFields.hpp"
#include "sim/scenario/Decimal.hpp"
#include "sim/scenario/WorldReading.hpp"

namespace samverkan::scenario {
namespace worldfields {

using world::Param;
using world::Uncertain;

std::optional<double> number(YamlDocument& doc, const YAML::Node& node, const std::string& what, bool nonNegative) {
    const auto s = doc.scalar(node, what);
    if (!s) return std::nullopt;
    const auto d = readDecimal(*s);
    if (nonNegative && d.negative) {
        doc.error(node, what + " must not be negative; got " + *s);
        return std::nullopt;
    }
    if (!d.value) {
        doc.error(node, what + " must be a number; got \"" + *s + "\"" + decimalHint(d, *s));
        return std::nullopt;
    }
    if (std::fabs(*d.value) > 1e12) {
        doc.error(node, what + " must be a number; got \"" + *s + "\" (larger than any figure here may be, 1e12)");
        return std::nullopt;
    }
    return d.value;
}

// A number, or a duration in hours when `hours` is set.
std::optional<double> quantity(YamlDocument& doc, const YAML::Node& node, const std::string& what, bool hours,
                               bool signedValue) {
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
                        bool signedValue) {
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


}  // namespace worldfields

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
    return worldfields::number(doc, node, what);
}

world::Uncertain readUncertainValue(YamlDocument& doc, const YAML::Node& node, const std::string& what, bool hours) {
    return worldfields::readUncertain(doc, node, what, hours);
}

}  // namespace samverkan::scenario
