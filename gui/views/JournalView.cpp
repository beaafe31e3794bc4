#include <imgui.h>

#include "gui/views/Views.hpp"

namespace samverkan::gui {

void drawJournal(const Session& s) {
    ImGui::BeginChild("journal", ImVec2(0, 0), false);
    if (ImGui::BeginTable("journal-table", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable)) {
        ImGui::TableSetupColumn(s.t("Tid", "Time"), ImGuiTableColumnFlags_WidthFixed, 90);
        ImGui::TableSetupColumn(s.t("Vem", "Who"), ImGuiTableColumnFlags_WidthFixed, 220);
        ImGui::TableSetupColumn(s.t("Forum", "Forum"), ImGuiTableColumnFlags_WidthFixed, 220);
        ImGui::TableSetupColumn(s.t("Vad", "What"));
        ImGui::TableHeadersRow();
        const auto& entries = s.run->journal().entries();
        for (std::size_t i = entries.size(); i-- > 0;) {
            const auto& e = entries[i];
            if (e.kind == protocol::Kind::command || !s.knows(e)) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(engine::formatElapsed(e.t).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(e.actor.empty() ? "" : actorName(s, e.actor).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(e.forum.empty() ? "" : forumName(s, e.forum).c_str());
            ImGui::TableNextColumn();
            const auto text = s.worded(e);
            if (e.kind == protocol::Kind::rejected) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", text.c_str());
            else ImGui::TextWrapped("%s", text.c_str());
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
}

}  // namespace samverkan::gui
