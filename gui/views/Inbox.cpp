#include <imgui.h>

#include "gui/views/Views.hpp"
#include "gui/views/Widgets.hpp"

namespace samverkan::gui {

namespace {
// What reaches a role's inbox: injects, alerts and information sent to it (not what it sent).
bool inInbox(const Session& s, const protocol::JournalEntry& e) {
    const bool kind = e.kind == protocol::Kind::inject || e.kind == protocol::Kind::alert || e.kind == protocol::Kind::informed;
    return kind && s.knows(e) && (s.control || e.actor != s.role);
}

// The acting role's own actions, newest first, each with its answer and the rule where refused.
void drawOwnActions(const Session& s) {
    ImGui::BeginChild("own-actions", ImVec2(0, 260), true);
    const auto& own = s.ownActions();
    const auto& entries = s.run->journal().entries();
    if (own.empty()) ImGui::TextDisabled("%s", s.t("Inga egna åtgärder ännu.", "No actions of your own yet."));
    for (auto it = own.rbegin(); it != own.rend(); ++it) {
        const std::string what = render::Renderer::commandName(it->type).in(s.lang);
        ImGui::TextUnformatted((engine::formatElapsed(it->t) + "  " + what).c_str());
        std::string answer;
        if (it->accepted) {
            answer = s.t("Godtaget", "Accepted");
            if (it->followedBy < entries.size()) answer += ": " + s.worded(entries[it->followedBy]);
        } else {
            answer = std::string(s.t("Avvisat: ", "Refused: ")) + s.run->renderer().refusal(it->refusal).in(s.lang);
        }
        ImGui::PushStyleColor(ImGuiCol_Text, it->accepted ? ImVec4(0.1f, 0.45f, 0.15f, 1) : ImVec4(0.75f, 0.1f, 0.1f, 1));
        ImGui::Indent();
        ImGui::TextWrapped("%s", answer.c_str());
        ImGui::Unindent();
        ImGui::PopStyleColor();
        ImGui::Separator();
    }
    ImGui::EndChild();
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
    const std::size_t read = s.seenBy(s.viewer());
    for (std::size_t i = read; i < entries.size(); ++i)
        if (inInbox(s, entries[i])) ++unread;
    if (!ImGui::BeginTabBar("inbox-tabs")) return;
    const std::string inboxLabel = std::string(s.t("Inkorg", "Inbox")) + " (" + std::to_string(unread) + " " +
                                   s.t("olästa", "unread") + ")###inbox";
    if (marked(ImGui::BeginTabItem(inboxLabel.c_str()), "inbox-tab:inbox")) {
        if (ImGui::SmallButton(s.t("Markera lästa", "Mark read"))) s.markRead();
        ImGui::BeginChild("inbox", ImVec2(0, 260 - ImGui::GetFrameHeightWithSpacing()), true);
        for (std::size_t i = entries.size(); i-- > 0;) {
            const auto& e = entries[i];
            if (!inInbox(s, e)) continue;
            const bool isNew = i >= read;
            if (isNew) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.05f, 0.25f, 0.65f, 1));
            ImGui::TextWrapped("%s%s %s: %s", isNew ? "• " : "", engine::formatElapsed(e.t).c_str(),
                               actorName(s, e.actor).c_str(), s.worded(e).c_str());
            if (isNew) ImGui::PopStyleColor();
        }
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (marked(ImGui::BeginTabItem((std::string(s.t("Beslut", "Decisions")) + "###decisions").c_str()), "inbox-tab:decisions")) {
        drawDecisions(s);
        ImGui::EndTabItem();
    }
    const auto& own = s.ownActions();
    const std::string ownLabel = std::string(s.t("Mina åtgärder", "My actions")) + " (" + std::to_string(own.size()) + ")###own";
    if (marked(ImGui::BeginTabItem(ownLabel.c_str()), "inbox-tab:own")) {
        drawOwnActions(s);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace samverkan::gui
