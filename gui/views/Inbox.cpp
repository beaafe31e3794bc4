#include <imgui.h>

#include "gui/views/Views.hpp"

namespace samverkan::gui {

namespace {
// What reaches a role's inbox: injects, alerts and information sent to it (not what it sent).
bool inInbox(const Session& s, const protocol::JournalEntry& e) {
    const bool kind = e.kind == protocol::Kind::inject || e.kind == protocol::Kind::alert || e.kind == protocol::Kind::informed;
    return kind && s.knows(e) && (s.control || e.actor != s.role);
}

void drawDecisions(const Session& s) {
    ImGui::BeginChild("decisions", ImVec2(0, 260), true);
    bool any = false;
    const auto& entries = s.run->journal().entries();
    for (std::size_t i = entries.size(); i-- > 0;) {
        const auto& e = entries[i];
        const auto* d = e.as<protocol::Decided>();
        if (d == nullptr || e.kind == protocol::Kind::decisionProposed || !s.knows(e)) continue;
        any = true;
        ImGui::TextWrapped("%s %s", engine::formatElapsed(e.t).c_str(), s.worded(e).c_str());
        ImGui::Separator();
    }
    if (!any) ImGui::TextDisabled("%s", s.t("Inga beslut ännu.", "No decisions yet."));
    ImGui::EndChild();
}

}  // namespace

void drawInbox(Session& s) {
    const auto& entries = s.run->journal().entries();
    int unread = 0;
    for (std::size_t i = s.seenEntries; i < entries.size(); ++i)
        if (inInbox(s, entries[i])) ++unread;
    if (!ImGui::BeginTabBar("inbox-tabs")) return;
    const std::string inboxLabel = std::string(s.t("Inkorg", "Inbox")) + " (" + std::to_string(unread) + " " +
                                   s.t("olästa", "unread") + ")###inbox";
    if (ImGui::BeginTabItem(inboxLabel.c_str())) {
        if (ImGui::SmallButton(s.t("Markera lästa", "Mark read"))) s.seenEntries = entries.size();
        ImGui::BeginChild("inbox", ImVec2(0, 260 - ImGui::GetFrameHeightWithSpacing()), true);
        for (std::size_t i = entries.size(); i-- > 0;) {
            const auto& e = entries[i];
            if (!inInbox(s, e)) continue;
            const bool isNew = i >= s.seenEntries;
            if (isNew) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.05f, 0.25f, 0.65f, 1));
            ImGui::TextWrapped("%s%s %s: %s", isNew ? "• " : "", engine::formatElapsed(e.t).c_str(),
                               actorName(s, e.actor).c_str(), s.worded(e).c_str());
            if (isNew) ImGui::PopStyleColor();
        }
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem((std::string(s.t("Beslut", "Decisions")) + "###decisions").c_str())) {
        drawDecisions(s);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace samverkan::gui
