#include <imgui.h>

#include "gui/views/Views.hpp"

namespace samverkan::gui {

void drawTopBar(Session& s) {
    const auto& run = *s.run;
    ImGui::Text("%s   %s", engine::formatClock(s.scenario->start, run.now()).c_str(), engine::formatElapsed(run.now()).c_str());
    ImGui::SameLine(330);
    for (const int speed : kSpeeds) {
        const std::string label = speed == 0 ? std::string(s.t("Paus", "Pause")) : std::to_string(speed) + "×";
        const bool chosen = s.speed == speed;
        if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.35f, 0.6f, 0.9f, 1));
        if (ImGui::Button(label.c_str())) s.speed = speed;
        if (chosen) ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    if (ImGui::Button(s.t("Nästa händelse", "Next event"))) {
        if (const auto next = s.run->nextEventTime()) s.run->runUntil(*next);
    }
    ImGui::SameLine(900);
    if (s.control || s.seats.size() <= 1) {
        ImGui::Text("%s: %s", s.t("Roll", "Role"), actorName(s, s.actingRole()).c_str());
    } else {
        // Hot seat: trainees sharing the screen take turns; each action is stamped with the role.
        ImGui::SetNextItemWidth(320);
        if (ImGui::BeginCombo(s.t("Roll", "Role"), actorName(s, s.role).c_str())) {
            for (const auto& seat : s.seats)
                if (ImGui::Selectable(actorName(s, seat).c_str(), seat == s.role)) s.role = seat;
            ImGui::EndCombo();
        }
    }
    ImGui::SameLine();
    if (s.run->finished()) ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.1f, 1), "%s", s.t("Övningen är slut", "The exercise has ended"));
}

}  // namespace samverkan::gui
