#include <imgui.h>

#include <algorithm>

#include "gui/views/Views.hpp"

namespace samverkan::gui {

namespace {
// What reaches a role's inbox: injects, alerts and information sent to it.
bool inInbox(protocol::Kind kind) {
    return kind == protocol::Kind::inject || kind == protocol::Kind::alert || kind == protocol::Kind::informed;
}

// An inject is for the role if the role is among its receivers (exercise control sees all).
bool forRole(const Session& s, const protocol::JournalEntry& e) {
    if (s.control) return true;
    if (const auto* inject = s.scenario->inject(e.ref)) {
        const auto to = s.run->cooperation().expand(inject->to);
        const auto me = s.scenario->region.actorIndex(s.role);
        return std::find(to.begin(), to.end(), me) != to.end();
    }
    // Alerts and information through the role's functions on call.
    const auto me = s.scenario->region.actorIndex(s.role);
    const auto names = [&](const std::vector<std::string>& to) {
        const auto ids = s.run->cooperation().expand(to);
        return std::find(ids.begin(), ids.end(), me) != ids.end();
    };
    if (const auto* alerted = e.as<protocol::Alerted>()) return names(alerted->to);
    if (const auto* informed = e.as<protocol::Informed>()) return names(informed->to);
    const auto* delivered = e.as<protocol::InjectDelivered>();
    if (delivered == nullptr) return false;
    const auto to = s.run->cooperation().expand(delivered->to);
    return std::find(to.begin(), to.end(), s.scenario->region.actorIndex(s.role)) != to.end();
}
}  // namespace

namespace {

// A decision the role knows of: its own, one it carries out, or one of a forum it sits in (exercise
// control: every one).
bool knownTo(const Session& s, const protocol::Decided& d) {
    if (s.control || d.by == s.role || std::find(d.actors.begin(), d.actors.end(), s.role) != d.actors.end())
        return true;
    const auto& region = s.scenario->region;
    const auto f = region.forumIndex(d.forum);
    return f != model::kNone && s.run->cooperation().forum(f).has(region.actorIndex(s.role));
}

void drawDecisions(const Session& s) {
    ImGui::BeginChild("decisions", ImVec2(0, 260), true);
    bool any = false;
    const auto& entries = s.run->journal().entries();
    for (std::size_t i = entries.size(); i-- > 0;) {
        const auto& e = entries[i];
        const auto* d = e.as<protocol::Decided>();
        if (d == nullptr || e.kind == protocol::Kind::decisionProposed || !knownTo(s, *d)) continue;
        any = true;
        ImGui::TextWrapped("%s %s", engine::formatElapsed(e.t).c_str(), s.run->renderer().event(e).in(s.lang).c_str());
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
        if (inInbox(entries[i].kind) && forRole(s, entries[i])) ++unread;
    if (!ImGui::BeginTabBar("inbox-tabs")) return;
    const std::string inboxLabel = std::string(s.t("Inkorg", "Inbox")) + " (" + std::to_string(unread) + " " +
                                   s.t("olästa", "unread") + ")###inbox";
    if (ImGui::BeginTabItem(inboxLabel.c_str())) {
        if (ImGui::SmallButton(s.t("Markera lästa", "Mark read"))) s.seenEntries = entries.size();
        ImGui::BeginChild("inbox", ImVec2(0, 260 - ImGui::GetFrameHeightWithSpacing()), true);
        for (std::size_t i = entries.size(); i-- > 0;) {
            const auto& e = entries[i];
            if (!inInbox(e.kind) || !forRole(s, e)) continue;
            const bool isNew = i >= s.seenEntries;
            if (isNew) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.05f, 0.25f, 0.65f, 1));
            ImGui::TextWrapped("%s%s %s: %s", isNew ? "• " : "", engine::formatElapsed(e.t).c_str(),
                               actorName(s, e.actor).c_str(), s.run->renderer().event(e).in(s.lang).c_str());
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
