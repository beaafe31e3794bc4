// Who may decide a measure and with what parameters (R3, R10).
#include <algorithm>
#include <cmath>

#include "sim/protocol/CommandFields.hpp"
#include "sim/protocol/Cooperation.hpp"

namespace samverkan::protocol {

const model::Measure* Cooperation::measureOf(const std::string& id) const {
    if (m_measures == nullptr) return nullptr;
    for (const auto& m : *m_measures)
        if (m.id == id) return &m;
    return nullptr;
}

// A measure is decided by the actors its catalogue names, each in its own organisation (R10). Its
// parameters must lie within their ranges and choices; areas default to, and must stay within, the
// areas of the actors that carry it out, so that a municipality never closes another's schools.
std::optional<Refusal> Cooperation::checkMeasure(const model::Measure& m, const std::vector<ActorIndex>& actors,
                                                 std::vector<model::MeasureArg>& args) const {
    const auto deciders = expand(m.deciders);
    for (const auto a : actors)
        if (std::find(deciders.begin(), deciders.end(), a) == deciders.end())
            return Refusal{RefusalCode::notDecider, {m.id, actorId(a)}};
    for (const auto& arg : args) {
        const auto* p = m.parameter(arg.param);
        if (p == nullptr) return Refusal{RefusalCode::argumentOutOfRange, {m.id, arg.param, formatNumber(arg.number)}};
        if (!p->takesItems()) {
            if (!std::isfinite(arg.number) || arg.number < p->min || arg.number > p->max)
                return Refusal{RefusalCode::argumentOutOfRange, {m.id, p->id, formatNumber(arg.number)}};
            continue;
        }
        const auto choices = p->kind == model::ParamKind::areas ? idsOf(expand(p->choices)) : p->choices;
        for (const auto& item : p->kind == model::ParamKind::areas ? idsOf(expand(arg.items)) : arg.items)
            if (std::find(choices.begin(), choices.end(), item) == choices.end())
                return Refusal{RefusalCode::argumentOutOfRange, {m.id, p->id, item}};
        if (arg.items.empty()) return Refusal{RefusalCode::argumentOutOfRange, {m.id, p->id, ""}};
    }
    for (const auto& p : m.params) {
        if (p.kind != model::ParamKind::areas) continue;
        const auto* given = model::argFor(args, p.id);
        if (given != nullptr) {
            for (const auto a : expand(given->items))
                if (std::find(actors.begin(), actors.end(), a) == actors.end())
                    return Refusal{RefusalCode::areasBeyondDeciders, {m.id, actorId(a)}};
            continue;
        }
        // Not given: the areas of those who carry it out, among the parameter's choices.
        const auto choices = expand(p.choices.empty() ? p.defaultItems : p.choices);
        model::MeasureArg own{p.id, 0, {}};
        for (const auto a : actors)
            if (std::find(choices.begin(), choices.end(), a) != choices.end()) own.items.push_back(actorId(a));
        if (own.items.empty()) return Refusal{RefusalCode::areasBeyondDeciders, {m.id, actorId(actors.front())}};
        // Everyone of the default's areas carrying it out: the default itself reads better ("the municipalities").
        if (own.items.size() == expand(p.defaultItems).size()) own.items = p.defaultItems;
        args.push_back(std::move(own));
    }
    std::sort(args.begin(), args.end(), [](const auto& x, const auto& y) { return x.param < y.param; });
    return std::nullopt;
}

Millis Cooperation::implementationDelay(const Decision& d, ActorIndex a) const {
    if (const auto* m = measureOf(d.command.measure)) return m->implementationFor(actorId(a), m_region.groups);
    return m_region.implementDelay(a, d.command.topic);
}

}  // namespace samverkan::protocol
