#include "sim/scenario/Scenario.hpp"

#include <algorithm>

namespace samverkan::scenario {

int Warning::severity() const {
    if (level == "yellow" || level == "1") return 1;
    if (level == "orange" || level == "2") return 2;
    if (level == "red" || level == "3") return 3;
    return 0;
}

const Play* Scenario::play(const std::string& name) const {
    for (const auto& p : plays)
        if (p.name == name) return &p;
    return nullptr;
}

const Inject* Scenario::inject(const std::string& injectId) const { return model::findById(injects, injectId); }

const DecisionPoint* Scenario::decisionPoint(const std::string& pointId) const {
    return model::findById(decisionPoints, pointId);
}

const model::Measure* Scenario::measure(const std::string& measureId) const { return model::findById(measures, measureId); }

bool Scenario::applyVariant(const std::string& variantId) {
    for (const auto& v : variants) {
        if (v.id != variantId) continue;
        if (!v.title.sv.empty() || !v.title.en.empty()) title = v.title;
        for (const auto& [injectId, warning] : v.warnings)
            for (auto& i : injects)
                if (i.id == injectId) i.warning = warning;
        for (const auto& [injectId, text] : v.texts)
            for (auto& i : injects)
                if (i.id == injectId) i.text = text;
        for (const auto& [ruleId, text] : v.ruleTexts)
            for (auto& r : behaviour)
                if (r.id == ruleId)
                    if (auto* t = protocol::textOf(r.command)) *t = text;
        // A step's text holds in the play named and in the plays built on it that still say what
        // it said (a play that declared a step of that name with its own words keeps them).
        const auto buildsOn = [&](const Play& p, const std::string& base) {
            for (const Play* q = &p; q != nullptr; q = q->from.empty() ? nullptr : play(q->from))
                if (q->name == base) return true;
            return false;
        };
        for (const auto& st : v.stepTexts) {
            const Play* named = play(st.play);
            if (named == nullptr) continue;
            const auto step = std::find_if(named->steps.begin(), named->steps.end(), [&](const PlayStep& x) { return x.id == st.step; });
            if (step == named->steps.end()) continue;
            auto said = step->command;
            const auto* before = protocol::textOf(said);
            if (before == nullptr) continue;
            const Text original = *before;
            for (auto& p : plays)
                if (buildsOn(p, st.play))
                    for (auto& x : p.steps)
                        if (auto* t = protocol::textOf(x.command); x.id == st.step && t != nullptr && *t == original) *t = st.text;
        }
        if (world)
            for (const auto& c : v.hazards)
                for (auto& h : world->hazards) {
                    if (h.id != c.hazard) continue;
                    if (c.onset) h.onsetHours = *c.onset;
                    if (c.peak) h.peak = *c.peak;
                    if (c.duration) h.durationHours = *c.duration;
                }
        return true;
    }
    return false;
}

std::vector<std::string> Scenario::playNames() const {
    std::vector<std::string> names;
    for (const auto& p : plays) names.push_back(p.name);
    return names;
}

bool Scenario::knowsPlay(const std::string& name) const {
    return name == "none" || play(name) != nullptr || (name == kDoctrinePlay && !behaviour.empty());
}

}  // namespace samverkan::scenario
