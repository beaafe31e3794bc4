// What measures and triggers do to the world: their timeliness, their changes applied and
// undone, the areas they concern, and the priority lists they set.
#include <algorithm>
#include <cmath>

#include "sim/world/World.hpp"
#include "sim/world/WorldIndex.hpp"

namespace samverkan::world {

using detail::hours;
using detail::indexOf;
using detail::kNone;

double World::timeliness(const EffectSpec& e, Millis now) const {
    if (e.lead <= 0) return 1.0;
    const double before = static_cast<double>(firstOnset() - now) / static_cast<double>(e.lead);
    return std::clamp(before, e.floor, 1.0);
}

// A factor f applied with strength s multiplies by 1 - s(1 - f); undoing divides by the same.
void World::apply(const Change& c, double strength, bool undo, const std::vector<std::size_t>* order,
                  const std::vector<double>& inArea, double when) {
    if (!c.list.empty()) {
        if (undo) return;
        if (order != nullptr && !order->empty()) setOrder(c.list, *order);
        else setPriorities(c.list, c.order);
        return;
    }
    if (const auto o = indexOf(m_spec->outcomes, c.outcome); o != kNone) {
        if (!undo) m_outcomes[o] += strength * c.add;  // a cost, once
        return;
    }
    // A change on a per-area demand or resource changes every part of it.
    const auto named = [](const auto& item, const std::string& id) { return !id.empty() && (item.id == id || item.of == id); };
    // A part in an area takes the measure's strength there; everything else the measure's own.
    const auto strengthIn = [&](std::size_t area) {
        return area != kNone && area < inArea.size() ? inArea[area] * when : strength;
    };
    if (c.add != 0 && !c.resource.empty()) {
        for (std::size_t r = 0; r < m_spec->resources.size(); ++r)
            if (named(m_spec->resources[r], c.resource)) {
                const double added = m_resourceArea[r] != kNone && m_resourceArea[r] < inArea.size()
                                         ? strengthIn(m_resourceArea[r]) * c.add  // the area's part, as much as it is named
                                         : strength * c.add * m_spec->resources[r].share;
                m_resourceAdded[r] += (undo ? -1.0 : 1.0) * added;
            }
        return;
    }
    const auto factorBy = [&](double s) {
        const double factor = std::max(0.01, 1.0 - s * (1.0 - c.factor));
        return undo ? 1.0 / factor : factor;
    };
    for (std::size_t d = 0; d < m_spec->demands.size(); ++d)
        if (named(m_spec->demands[d], c.demand)) m_demandFactor[d] *= factorBy(strengthIn(m_demandArea[d]));
    for (std::size_t r = 0; r < m_spec->resources.size(); ++r)
        if (named(m_spec->resources[r], c.resource)) m_resourceFactor[r] *= factorBy(strengthIn(m_resourceArea[r]));
}

void World::applyDue(Millis now) {
    if (now < m_nextDue) return;
    for (auto& p : m_pending) {
        const auto& e = m_spec->effects[p.effect];
        if (!p.started && now >= p.start) {
            for (const auto& c : e.changes) apply(c, p.strength, false, &p.order, p.inArea, p.when);
            p.started = true;
        }
        if (p.started && p.end >= 0 && now >= p.end) {
            for (const auto& c : e.changes) apply(c, p.strength, true, &p.order, p.inArea, p.when);
            p.end = -2;  // done
        }
    }
    std::erase_if(m_pending, [](const Pending& p) { return p.end == -2; });
    m_nextDue = INT64_MAX;
    for (const auto& p : m_pending) m_nextDue = std::min(m_nextDue, dueAt(p));
}

// Starts one effect at `strength` now, or from later before the onset, until `end` (-1: the end of
// the run); an effect that would end before it starts came too late to matter. A decided order is
// copied only when the effect waits: list changes are never undone.
void World::start(std::size_t effect, double strength, Millis end, const std::vector<std::size_t>& order, Millis now,
                  std::uint32_t decision, const std::vector<double>& inArea) {
    const auto& e = m_spec->effects[effect];
    const double when = timeliness(e, now);
    const Millis onset = firstOnset();
    const Millis from = e.startBeforeOnset < 0 ? now : std::max(now, onset - e.startBeforeOnset);
    if (end >= 0 && end <= from) return;
    const double s = strength * when;
    if (from <= now) {
        applyDue(now);  // what was waiting for now takes hold first
        for (const auto& c : e.changes) apply(c, s, false, &order, inArea, when);
        if (end >= 0) m_pending.push_back({effect, s, from, end, true, {}, inArea, when});
    } else {
        m_pending.push_back({effect, s, from, end, false, order, inArea, when});
    }
    if (!m_pending.empty()) m_nextDue = std::min(m_nextDue, dueAt(m_pending.back()));
    m_applied.push_back({now, effect, s, when, decision});
}

void World::measureImplemented(std::size_t measure, const std::vector<model::MeasureArg>& args, double weight, Millis now,
                               std::uint32_t decision, const std::string& actor) {
    if (measure >= m_spec->measures.size()) return;
    double strength = weight;
    double shareArg = 1;                           // the `share` argument, for the parts in areas
    const std::vector<std::string>* named = nullptr;  // the `areas` argument's items, if any
    Millis until = -1;
    auto& order = m_decidedOrder;
    order.clear();
    for (const auto& p : m_spec->measures[measure].params) {
        const auto* arg = model::argFor(args, p.id);
        const double number = arg != nullptr ? arg->number : p.defaultValue;
        const auto& items = arg != nullptr ? arg->items : p.defaultItems;
        switch (p.kind) {
            case model::ParamKind::share:
                strength *= std::clamp(number, 0.0, 1.0);
                shareArg *= std::clamp(number, 0.0, 1.0);
                break;
            case model::ParamKind::areas:
                named = &items;
                if (m_lastAreasWeight < 0 || items != m_lastAreas) {
                    m_lastAreas = items;
                    m_lastAreasWeight = areasWeight(items);
                }
                strength *= m_lastAreasWeight;
                break;
            case model::ParamKind::until: until = hours(std::max(0.0, number)); break;
            case model::ParamKind::order:
                for (const auto& id : items)
                    if (const auto s = indexOf(m_spec->services, id); s != kNone) order.push_back(s);
                break;
        }
    }
    m_inArea.clear();
    if (!m_spec->areas.empty()) {
        // The part of each area's population the measure concerns.
        const auto* own = actor.empty() ? nullptr : [&]() -> const AreaSpec* {
            for (const auto& a : m_spec->areas)
                if (std::find(a.members.begin(), a.members.end(), actor) != a.members.end()) return &a;
            return nullptr;
        }();
        const auto isNamed = [&](const std::string& member) {
            if (named == nullptr) return true;
            return std::any_of(named->begin(), named->end(), [&](const std::string& id) {
                if (id == member) return true;
                const auto* group = model::findById(m_spec->groups, id);
                return group != nullptr && std::find(group->members.begin(), group->members.end(), member) != group->members.end();
            });
        };
        for (std::size_t ai = 0; ai < m_spec->areas.size(); ++ai) {
            const auto& a = m_spec->areas[ai];
            double population = 0, concerned = 0;
            for (std::size_t k = 0; k < a.members.size(); ++k) {
                const auto& m = a.members[k];
                const double w = m_memberWeight[ai][k];
                population += w;
                const bool mine = own == nullptr || m == actor;  // a municipality acts in its own area
                if (mine && isNamed(m)) concerned += w;
            }
            m_inArea.push_back(population > 0 ? shareArg * concerned / population : 0.0);
        }
    }
    const Millis onset = firstOnset();
    for (std::size_t i = 0; i < m_spec->effects.size(); ++i) {
        const auto& e = m_spec->effects[i];
        if (e.on != EffectTrigger::measure || e.measure != measure) continue;
        const Millis endAfter = until >= 0 ? until : e.endAfterOnset;
        start(i, strength, endAfter < 0 ? -1 : onset + endAfter, order, now, decision, m_inArea);
    }
}

void World::memberJoined(const std::string& actor, Millis now) {
    const Millis onset = firstOnset();
    for (std::size_t i = 0; i < m_spec->effects.size(); ++i) {
        const auto& e = m_spec->effects[i];
        if (e.on == EffectTrigger::memberJoined && e.actor == actor)
            start(i, 1.0, e.endAfterOnset < 0 ? -1 : onset + e.endAfterOnset, m_noOrder, now);
    }
}

void World::publicMessage(bool joint, Millis now) {
    const auto on = joint ? EffectTrigger::jointPublicMessage : EffectTrigger::ownPublicMessage;
    const Millis onset = firstOnset();
    for (std::size_t i = 0; i < m_spec->effects.size(); ++i) {
        const auto& e = m_spec->effects[i];
        if (e.on == on) start(i, 1.0, e.endAfterOnset < 0 ? -1 : onset + e.endAfterOnset, m_noOrder, now);
    }
}

double World::areaWeight(const std::string& actor) const {
    for (const auto& [id, weight] : m_spec->areaWeights)
        if (id == actor) return weight;
    return 0.0;
}

// Each municipality counts once, whether named itself or through a group.
double World::areasWeight(const std::vector<std::string>& areas) const {
    double sum = 0;
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
    for (const auto& areaWeight : m_spec->areaWeights) {
        const auto& actor = areaWeight.first;
        const double weight = areaWeight.second;
        const bool named = std::any_of(areas.begin(), areas.end(), [&](const std::string& id) {
            if (id == actor) return true;
            const auto* group = model::findById(m_spec->groups, id);
            return group != nullptr && std::find(group->members.begin(), group->members.end(), actor) != group->members.end();
        });
        if (named) sum += weight;
    }
    return std::min(sum, 1.0);
}

std::size_t World::measureIndex(const std::string& id) const { return indexOf(m_spec->measures, id); }

void World::setOrder(const std::string& list, const std::vector<std::size_t>& services) {
    for (std::size_t r = 0; r < m_spec->resources.size(); ++r)
        // The sequence follows from the order alone: an order set again as it stands (every
        // implementer of one decision sets the same) changes nothing.
        if (m_spec->resources[r].list == list && m_order[r] != services) {
            m_order[r].assign(services.begin(), services.end());
            sequence(r);
        }
}

void World::setPriorities(const std::string& list, const std::vector<std::string>& order) {
    std::vector<std::size_t> services;
    for (const auto& id : order)
        if (const auto s = indexOf(m_spec->services, id); s != kNone) services.push_back(s);
    setOrder(list, services);
}

}  // namespace samverkan::world
