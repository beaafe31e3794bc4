#include <imgui.h>

#include "gui/views/Views.hpp"

namespace samverkan::gui {

void drawDecisionModal(Session& s) {
    for (const auto& open : s.run->openDecisionPoints()) {
        const auto& p = s.scenario->decisionPoints[open.index];
        if (!s.control && p.role != s.role) continue;
        ImGui::OpenPopup("decision");
        if (ImGui::BeginPopupModal("decision", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
            ImGui::TextWrapped("%s", p.prompt.in(s.lang).c_str());
            const auto left = open.openedAt + p.timeout - s.run->now();
            ImGui::Text("%s %s", s.t("Tid kvar:", "Time left:"), engine::formatDuration(std::max<engine::Millis>(left, 0)).c_str());
            for (const auto& o : p.options)
                if (ImGui::Button(o.label.in(s.lang).c_str())) {
                    s.submit(protocol::AnswerDecisionPoint{
                        .by = s.control ? protocol::kControl : s.role, .point = p.id, .option = o.id});
                    ImGui::CloseCurrentPopup();
                }
            ImGui::EndPopup();
        }
        return;
    }
}

}  // namespace samverkan::gui
