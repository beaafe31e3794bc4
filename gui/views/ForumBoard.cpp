#include <imgui.h>

#include <vector>

#include "gui/views/Views.hpp"

namespace samverkan::gui {

// Three levels × two modes; an active forum is lit, with its members, chair and their mandates.
void drawForumBoard(Session& s) {
    const auto& region = s.scenario->region;
    const auto& coop = s.run->cooperation();
    for (const auto& level : region.levels) {
        ImGui::TextUnformatted(level.name.in(s.lang).c_str());
        // The level's forums: ordinary mode first, then activated (a scenario may add its own).
        std::vector<model::ForumIndex> forums;
        for (const auto mode : {model::Mode::ordinary, model::Mode::activated})
            for (model::ForumIndex i = 0; i < region.forums.size(); ++i)
                if (region.forums[i].level == level.id && region.forums[i].mode == mode) forums.push_back(i);
        for (const auto f : forums) {
            const auto& state = coop.forum(f);
            const bool active = state.status == protocol::ForumStatus::active;
            const bool convening = state.status == protocol::ForumStatus::convening;
            ImVec4 colour = active ? ImVec4(0.2f, 0.55f, 0.2f, 1) : convening ? ImVec4(0.8f, 0.55f, 0.1f, 1) : ImVec4(0.45f, 0.45f, 0.45f, 1);
            const char* status = active ? s.t("aktivt", "active") : convening ? s.t("sammankallas", "being convened") : s.t("vilande", "idle");
            ImGui::PushStyleColor(ImGuiCol_Text, colour);
            const std::string header = "  " + region.forums[f].name.in(s.lang) + " (" + status + ")##" + region.forums[f].id;
            const bool open = ImGui::TreeNodeEx(header.c_str(), active ? ImGuiTreeNodeFlags_DefaultOpen : 0);
            ImGui::PopStyleColor();
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", region.forums[f].purpose.in(s.lang).c_str());
            if (!open) continue;
            const std::string chair = state.chair == model::kNone ? s.t("Länsstyrelsen leder första mötet (R7)", "Länsstyrelsen leads the first meeting (R7)")
                                                                  : actorName(s, region.actors[state.chair].id);
            ImGui::Text("%s: %s", s.t("Ordförande", "Chair"), chair.c_str());
            for (const auto a : state.members) {
                const auto& actor = region.actors[a];
                ImGui::BulletText("%s", actor.name.in(s.lang).c_str());
                // The representative's function and mandate (R3), under the name.
                const auto* rep = actor.at(level.id);
                std::string mandate;
                if (rep != nullptr)
                    for (const auto& m : rep->mandate) mandate += (mandate.empty() ? "" : ", ") + s.run->renderer().topic(m).in(s.lang);
                if (mandate.empty()) mandate = s.t("inget – stämmer av med hemorganisationen (R4)", "none – consults the home organisation (R4)");
                ImGui::Indent();
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                ImGui::TextWrapped("%s%s%s: %s", rep ? rep->function.in(s.lang).c_str() : "", rep ? " · " : "", s.t("mandat", "mandate"), mandate.c_str());
                ImGui::PopStyleColor();
                ImGui::Unindent();
            }
            ImGui::TreePop();
        }
        ImGui::Separator();
    }
}

}  // namespace samverkan::gui
