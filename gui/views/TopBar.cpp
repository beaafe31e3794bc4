#include <imgui.h>
#include <imgui_stdlib.h>

#include "gui/views/Views.hpp"
#include "gui/views/Widgets.hpp"

namespace samverkan::gui {

std::string roleLine(const Session& s) {
    if (s.control && !s.actsAs.empty())
        return std::string(s.t("Övningsledningen agerar för ", "Exercise control acting for ")) + actorName(s, s.actsAs);
    return std::string(s.t("Roll: ", "Role: ")) + actorName(s, s.actingRole());
}

void TopBarPanel::draw(Session& s) {
    const auto& run = *s.run;
    ImGui::Text("%s   %s", engine::formatClock(s.scenario->start, run.now()).c_str(), engine::formatElapsed(run.now()).c_str());
    ImGui::SameLine(330);
    // Play and pause in one button (the exercise starts paused), then the speeds, the one running marked.
    const bool paused = s.speed == 0;
    if (paused) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.95f, 0.75f, 0.3f, 1));
    if (marked(ImGui::Button(paused ? s.t("Spela###play", "Play###play") : s.t("Paus###play", "Pause###play")), "play")) paused ? s.play() : s.pause();
    if (paused) ImGui::PopStyleColor();
    ImGui::SameLine();
    for (const int speed : kSpeeds) {
        if (speed == 0) continue;
        const std::string label = std::to_string(speed) + "×";
        const bool chosen = s.speed == speed || (paused && s.playSpeed == speed);
        if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, paused ? ImVec4(0.7f, 0.8f, 0.95f, 1) : ImVec4(0.35f, 0.6f, 0.9f, 1));
        if (marked(ImGui::Button(label.c_str()), "speed:" + std::to_string(speed))) {  // a speed runs the clock at it
            s.playSpeed = speed;
            s.speed = speed;
        }
        if (chosen) ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    if (marked(ImGui::Button(s.t("Nästa händelse", "Next event")), "next-event")) {
        if (const auto next = s.run->nextEventTime()) s.run->runUntil(*next);
    }
    if (s.control) {
        // Exercise control jumps the whole exercise forward, e.g. past a night (+30h, 2d).
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110);
        ImGui::InputTextWithHint("##jump", "+30h / 14:00", &jump);
        mark("jump-field");
        ImGui::SameLine();
        if (marked(ImGui::Button(s.t("Hoppa", "Jump")), "jump")) {
            bool clock = false;
            const auto to = engine::parseMoment(jump, s.scenario->start, s.run->now(), &clock);
            if (!to) {
                s.notify("jump", std::string(s.t("Okänd tid: ", "Not a time: ")) + jump +
                                     s.t(" (skriv +30h från start, 14:00 eller 2026-01-15 14:00)", " (write +30h from the start, 14:00 or 2026-01-15 14:00)"));
            } else if (*to <= s.run->now()) {
                s.notify("jump", s.t("Tiden har redan passerats.", "That time has already passed."));
            } else {
                s.run->runUntil(*to);
                // Says how the text was read: as a clock time, or as time from the start.
                s.notify("jump", std::string(s.t("Hoppade till ", "Jumped to ")) + engine::formatClock(s.scenario->start, *to) + " (" +
                                     engine::formatElapsed(*to) + (clock ? s.t(", klockslag", ", clock time") : s.t(", från start", ", from the start")) + ")");
            }
        }
        noticeBelow(s, "jump");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", s.t("Tid från övningens start (+30h, 2d), ett klockslag (14:00: nästa gång klockan visar det) eller datum och tid (2026-01-15 14:00).",
                                        "Time from the start of the exercise (+30h, 2d), a clock time (14:00: the next time the clock shows it) or a date and time (2026-01-15 14:00)."));
    }
    ImGui::SameLine(s.control ? 960.0f : 900.0f);
    if (s.control || s.seats.size() <= 1) {
        // Exercise control acting by hand for a role says so, in a colour of its own.
        if (s.control && !s.actsAs.empty()) ImGui::TextColored(ImVec4(0.7f, 0.35f, 0.0f, 1), "%s", roleLine(s).c_str());
        else ImGui::TextUnformatted(roleLine(s).c_str());
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
    helpPressed = marked(ImGui::SmallButton(s.t("Hjälp (F1)", "Help (F1)")), "help-button");
    ImGui::SameLine();
    if (s.run->finished()) ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.1f, 1), "%s", s.t("Övningen är slut", "The exercise has ended"));
}

}  // namespace samverkan::gui
