#include "gui/views/Views.hpp"

namespace samverkan::gui {

std::string actorName(const Session& s, const std::string& id) {
    if (id == protocol::kControl) return s.t("Övningsledningen", "Exercise control");
    if (!s.scenario) return id;
    const auto a = s.scenario->region.actorIndex(id);
    return a == model::kNone ? id : s.scenario->region.actors[a].name.in(s.lang);
}

std::string forumName(const Session& s, const std::string& id) {
    if (!s.scenario) return id;
    const auto f = s.scenario->region.forumIndex(id);
    return f == model::kNone ? id : s.scenario->region.forums[f].name.in(s.lang);
}

}  // namespace samverkan::gui
