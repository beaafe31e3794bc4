#include "sim/world/WorldSpec.hpp"

#include <algorithm>

#include "sim/model/Region.hpp"

namespace samverkan::world {

const char* triggerName(EffectTrigger on) {
    switch (on) {
        case EffectTrigger::measure: return "";
        case EffectTrigger::memberJoined: return "member-joined";
        case EffectTrigger::jointPublicMessage: return "joint-public-message";
        case EffectTrigger::ownPublicMessage: return "own-public-message";
    }
    return "";
}

double ProfileSpec::at(Millis msSinceMonday) const {
    const Millis week = 7 * engine::kDay;
    const Millis t = ((msSinceMonday % week) + week) % week;
    const auto day = t / engine::kDay;
    const auto hour = static_cast<std::size_t>((t % engine::kDay) / engine::kHour);
    return day < 5 ? weekday[hour] : day == 5 ? saturday[hour] : sunday[hour];
}

using model::findById;

namespace {
// Whether the hazard wears the service down: through an exposure, as the snow on a network, or
// as the snow on the network a mode runs on.
bool struckBy(const WorldSpec& spec, const ServiceSpec& svc, const std::string& hazard) {
    if (svc.exposedTo(hazard) || svc.network.hazard == hazard) return true;
    if (svc.on.service.empty()) return false;
    const auto* net = findById(spec.services, svc.on.service);
    return net != nullptr && net->network.hazard == hazard;
}
}  // namespace

double areaImpact(const WorldSpec& spec, const std::string& actor, const std::vector<double>& levels) {
    double worst = -1.0;
    for (const auto& h : spec.hazards) {
        const double weight = h.weightIn(actor);
        double loss = 0;
        int known = 0;
        for (std::size_t s = 0; s < spec.services.size() && s < levels.size(); ++s) {
            // With areas: the county's services and the parts in the actor's own area.
            const auto& svc = spec.services[s];
            if (!svc.parts.empty()) continue;
            if (!svc.area.empty()) {
                const auto* area = findById(spec.areas, svc.area);
                if (area == nullptr || std::find(area->members.begin(), area->members.end(), actor) == area->members.end()) continue;
            }
            if (struckBy(spec, svc, h.id) && levels[s] >= 0) {
                loss += 1.0 - std::clamp(levels[s], 0.0, 1.0);
                ++known;
            }
        }
        if (known > 0) worst = std::max(worst, weight * loss / known);
    }
    return worst;
}

}  // namespace samverkan::world

namespace samverkan::world {
namespace {

std::string partId(const std::string& id, const std::string& area) { return id + "@" + area; }

// What a part is called where it is listed beside the other parts: its whole's name and its area's.
Text partName(const Text& whole, const AreaSpec& area) {
    const auto in = [&](model::Lang lang) { return whole.in(lang) + " (" + area.name.in(lang) + ")"; };
    return {in(model::Lang::sv), in(model::Lang::en)};
}

template <class T>
bool perAreaId(const std::vector<T>& items, const std::string& id) {
    for (const auto& i : items)
        if (i.id == id) return i.perArea;
    return false;
}

// Each per-area item becomes a part per area (`size` gives it its area's share); the rest stay.
template <class T, class Size>
std::vector<T> splitByArea(const std::vector<T>& items, const std::vector<AreaSpec>& areas, Size&& size) {
    std::vector<T> out;
    for (const auto& item : items) {
        if (!item.perArea) {
            out.push_back(item);
            continue;
        }
        for (const auto& a : areas) {
            T part = item;
            part.id = partId(item.id, a.id);
            part.name = partName(item.name, a);
            part.of = item.id;
            part.area = a.id;
            part.perArea = false;
            size(part, a);
            out.push_back(std::move(part));
        }
    }
    return out;
}

}  // namespace

void layOutAreas(WorldSpec& w) {
    if (w.areas.empty()) return;
    // Laid out once: parts are not split again.
    const auto laidOut = [](const auto& items) {
        return std::any_of(items.begin(), items.end(), [](const auto& i) { return !i.of.empty(); });
    };
    if (laidOut(w.services) || laidOut(w.demands) || laidOut(w.resources)) return;
    const auto weightOf = [&](const std::string& actor) {
        for (const auto& [id, weight] : w.areaWeights)
            if (id == actor) return weight;
        return 0.0;
    };
    const auto streetsOf = [&](const std::string& actor) {
        if (w.streetWeights.empty()) return weightOf(actor);
        for (const auto& [id, weight] : w.streetWeights)
            if (id == actor) return weight;
        return 0.0;
    };
    double total = 0, streets = 0;
    for (auto& a : w.areas) {
        a.share = 0;
        a.streetShare = 0;
        for (const auto& m : a.members) {
            a.share += weightOf(m);
            a.streetShare += streetsOf(m);
        }
        total += a.share;
        streets += a.streetShare;
    }
    const double even = 1.0 / static_cast<double>(w.areas.size());
    for (auto& a : w.areas) {
        a.share = total > 0 ? a.share / total : even;
        a.streetShare = streets > 0 ? a.streetShare / streets : a.share;
    }
    const auto isMunicipality = [&](const std::string& actor) {
        return std::any_of(w.areaWeights.begin(), w.areaWeights.end(), [&](const auto& p) { return p.first == actor; });
    };
    // The hazard's weight in an area: its weight in each member, by population.
    const auto hazardWeight = [&](const std::string& hazard, const AreaSpec& a) {
        const HazardSpec* h = nullptr;
        for (const auto& x : w.hazards)
            if (x.id == hazard) h = &x;
        if (h == nullptr || h->areas.empty()) return 1.0;
        double sum = 0, population = 0;
        for (const auto& m : a.members) {
            sum += weightOf(m) * h->weightIn(m);
            population += weightOf(m);
        }
        return population > 0 ? sum / population : 0.0;
    };

    auto resources = splitByArea(w.resources, w.areas, [](ResourceSpec& part, const AreaSpec& a) {
        part.share = part.byStreetLength ? a.streetShare : a.share;
        part.capacity.value *= part.share;
    });
    auto demands = splitByArea(w.demands, w.areas, [](DemandSpec& part, const AreaSpec& a) { part.base.value *= a.share; });
    const auto demandIn = [&](const std::string& id, const AreaSpec& a) {
        return perAreaId(w.demands, id) ? partId(id, a.id) : id;
    };
    const auto resourceIn = [&](const std::string& id, const AreaSpec& a) {
        return perAreaId(w.resources, id) ? partId(id, a.id) : id;
    };
    std::vector<ServiceSpec> services;
    for (const auto& s : w.services) {
        if (!s.perArea) {
            ServiceSpec whole = s;
            // A county service blocked by traffic that is split by area is blocked by all its parts.
            whole.blockedBy.clear();
            for (const auto& b : s.blockedBy) {
                if (!perAreaId(w.demands, b.demand)) {
                    whole.blockedBy.push_back(b);
                    continue;
                }
                // Each part's factor is relative to its own base: weighted by its share, the parts
                // together block as the whole demand did.
                for (const auto& a : w.areas) {
                    Blocking part = b;
                    part.demand = partId(b.demand, a.id);
                    part.weight.value = b.weight.value * a.share;
                    whole.blockedBy.push_back(std::move(part));
                }
            }
            // A county network driven on by traffic split by area: all the parts drive on it.
            std::vector<Traffic> traffic;
            for (const auto& t : s.network.traffic) {
                if (!perAreaId(w.demands, t.demand)) {
                    traffic.push_back(t);
                    continue;
                }
                for (const auto& a : w.areas) {
                    Traffic part = t;
                    part.demand = partId(t.demand, a.id);
                    part.weight.value = t.weight.value * a.share;
                    traffic.push_back(std::move(part));
                }
            }
            whole.network.traffic = std::move(traffic);
            services.push_back(std::move(whole));
            continue;
        }
        ServiceSpec whole = s;
        whole.exposures.clear();
        whole.resource.clear();
        whole.boostResource.clear();
        whole.blockedBy.clear();
        whole.dependsOn.clear();
        whole.network = {};
        whole.on = {};
        for (const auto& a : w.areas) {
            ServiceSpec part = s;
            part.id = partId(s.id, a.id);
            part.name = partName(s.name, a);
            part.of = s.id;
            part.area = a.id;
            part.perArea = false;
            for (auto& e : part.exposures) {
                e.weight = hazardWeight(e.hazard, a);
                if (!e.with.empty()) e.withWeight = hazardWeight(e.with, a);
            }
            // Traffic per km of street: an area with a larger share of the people than of the
            // streets has denser traffic on them, and its vehicles get stuck the more.
            const double density = a.streetShare > 0 ? a.share / a.streetShare : 1.0;
            if (!part.network.hazard.empty()) {
                part.network.weight = hazardWeight(part.network.hazard, a);
                for (auto& t : part.network.traffic) {
                    t.demand = demandIn(t.demand, a);
                    if (s.byStreetLength) t.weight.value *= density;
                }
            }
            if (!part.on.service.empty()) {
                const auto* net = findById(w.services, s.on.service);
                if (perAreaId(w.services, s.on.service)) part.on.service = partId(s.on.service, a.id);
                if (!part.on.vehicles.empty()) part.on.vehicles = demandIn(s.on.vehicles, a);
                if (net != nullptr && net->perArea && net->byStreetLength) part.on.vehicleWeight.value *= density;
            }
            // A network's ploughing need, split by street length, follows the streets to clear.
            const double share = s.byStreetLength ? a.streetShare : a.share;
            if (!part.resource.empty()) {
                part.resource = resourceIn(s.resource, a);
                part.need.value = s.need.value * share;
            }
            if (!part.boostResource.empty()) {
                part.boostResource = resourceIn(s.boostResource, a);
                part.boostNeed.value = s.boostNeed.value * a.share;
            }
            for (auto& b : part.blockedBy) b.demand = demandIn(b.demand, a);
            if (!part.dependsOn.empty() && perAreaId(w.services, s.dependsOn)) part.dependsOn = partId(s.dependsOn, a.id);
            part.observers.clear();
            for (const auto& o : s.observers)
                if (!isMunicipality(o) || std::find(a.members.begin(), a.members.end(), o) != a.members.end())
                    part.observers.push_back(o);
            whole.parts.emplace_back(part.id, share);
            services.push_back(std::move(part));
        }
        whole.perArea = true;
        services.push_back(std::move(whole));
    }
    for (auto& o : w.outcomes) {
        std::vector<OutcomeTerm> terms;
        for (const auto& t : o.terms) {
            const bool sPer = perAreaId(w.services, t.service), dPer = perAreaId(w.demands, t.demand);
            if (!sPer && !dPer) {
                terms.push_back(t);
                continue;
            }
            for (const auto& a : w.areas) {
                OutcomeTerm part = t;
                part.area = a.id;
                if (sPer) part.service = partId(t.service, a.id);
                if (dPer) part.demand = partId(t.demand, a.id);
                else part.share = t.share * a.share;
                terms.push_back(std::move(part));
            }
        }
        o.terms = std::move(terms);
    }
    w.resources = std::move(resources);
    w.demands = std::move(demands);
    w.services = std::move(services);
}

}  // namespace samverkan::world
