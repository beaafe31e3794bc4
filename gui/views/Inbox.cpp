#include <imgui.h>

#include <algorithm>

#include "gui/views/Views.hpp"

namespace samverkan::gui {

namespace {
// An inject is for the role if the role is among its receivers (exercise control sees all).
bool forRole(const Session& s, const protocol::JournalEntry& e) {
    if (s.control) return true;
    if (const auto* inject = s.scenario->inject(e.ref)) {
        const auto to = s.run->cooperation().expand(inject->to);
        const auto me = s.scenario->region.actorIndex(s.role);
        return std::find(to.begin(), to.end(), me) != to.end();
    }
    const auto* delivered = e.as<protocol::InjectDelivered>();
    if (delivered == nullptr) return false;
    const auto to = s.run->cooperation().expand(delivered->to);
    return std::find(to.begin(), to.end(), s.scenario->region.actorIndex(s.role)) != to.end();
}
}  // namespace

void drawInbox(Session& s) {
    const auto& entries = s.run->journal().entries();
    int unread = 0;
    for (std::size_t i = s.seenEntries; i < entries.size(); ++i)
        if (entries[i].kind == protocol::Kind::inject && forRole(s, entries[i])) ++unread;
    ImGui::Text("%s (%d %s)", s.t("Inkorg", "Inbox"), unread, s.t("olästa", "unread"));
    ImGui::SameLine();
    if (ImGui::SmallButton(s.t("Markera lästa", "Mark read"))) s.seenEntries = entries.size();
    ImGui::BeginChild("inbox", ImVec2(0, 260), true);
    for (std::size_t i = entries.size(); i-- > 0;) {
        const auto& e = entries[i];
        if (e.kind != protocol::Kind::inject || !forRole(s, e)) continue;
        const bool isNew = i >= s.seenEntries;
        if (isNew) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.05f, 0.25f, 0.65f, 1));
        ImGui::TextWrapped("%s%s %s: %s", isNew ? "• " : "", engine::formatElapsed(e.t).c_str(), actorName(s, e.actor).c_str(),
                           s.run->renderer().event(e).in(s.lang).c_str());
        if (isNew) ImGui::PopStyleColor();
    }
    ImGui::EndChild();
}

}  // namespace samverkan::gui
