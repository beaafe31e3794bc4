#include "sim/model/Measure.hpp"

namespace samverkan::model {

const char* paramKindName(ParamKind kind) {
    switch (kind) {
        case ParamKind::share:
            return "share";
        case ParamKind::areas:
            return "areas";
        case ParamKind::until:
            return "until";
        case ParamKind::order:
            return "order";
    }
    return "?";
}

const std::vector<std::string>& paramKindNames() {
    static const std::vector<std::string> names{"share", "areas", "until", "order"};
    return names;
}

const MeasureParam* Measure::parameter(const std::string& param) const {
    for (const auto& p : params)
        if (p.id == param) return &p;
    return nullptr;
}

Millis Measure::implementationFor(const std::string& actor, const std::vector<ActorGroup>& groups) const {
    for (const auto& [who, delay] : implementationBy)
        if (who == actor) return delay;
    for (const auto& [who, delay] : implementationBy)
        for (const auto& g : groups)
            if (g.id == who)
                for (const auto& m : g.members)
                    if (m == actor) return delay;
    return implementation;
}

const MeasureArg* argFor(const std::vector<MeasureArg>& args, const std::string& param) {
    for (const auto& a : args)
        if (a.param == param) return &a;
    return nullptr;
}

}  // namespace samverkan::model
