#include "gui/views/Views.hpp"

namespace samverkan::gui {

std::string actorName(const Session& s, const std::string& id) {
    if (id == protocol::kControl) return s.t("Övningsledningen", "Exercise control");
    if (!s.scenario) return id;
    const auto a = s.scenario->region.actorIndex(id);
    return a == model::kNone ? id : s.scenario->region.actors[a].name.in(s.lang);
}

const world::Picture* knownPicture(const Session& s) {
    const auto me = s.scenario->region.actorIndex(s.role);
    for (auto it = s.run->pictures().rbegin(); it != s.run->pictures().rend(); ++it)
        if (s.control || s.run->cooperation().forum(it->first).has(me)) return &it->second;
    return nullptr;
}

std::vector<double> knownLevels(const Session& s, bool truth) {
    std::vector<double> levels;
    const auto* w = s.run->world();
    if (w == nullptr) return levels;
    const auto* known = knownPicture(s);
    for (std::size_t i = 0; i < w->spec().services.size(); ++i) {
        if (truth) levels.push_back(w->level(i));
        else if (known != nullptr && known->services[i].observedAt >= 0) levels.push_back(known->services[i].level);
        else levels.push_back(-1.0);
    }
    return levels;
}

std::string forumName(const Session& s, const std::string& id) {
    if (!s.scenario) return id;
    const auto f = s.scenario->region.forumIndex(id);
    return f == model::kNone ? id : s.scenario->region.forums[f].name.in(s.lang);
}

}  // namespace samverkan::gui
