#include "gui/views/Widgets.hpp"

#include <utility>

namespace samverkan::gui {

void wrappedTooltip(const std::string& text) {
    if (!ImGui::IsItemHovered()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

bool reorderable(const Session& s, ListDraft& d) {
    bool changed = false;
    for (std::size_t i = 0; i < d.order.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::ArrowButton("up", ImGuiDir_Up) && i > 0) {
            std::swap(d.order[i], d.order[i - 1]);
            changed = true;
        }
        ImGui::SameLine();
        if (ImGui::ArrowButton("down", ImGuiDir_Down) && i + 1 < d.order.size()) {
            std::swap(d.order[i], d.order[i + 1]);
            changed = true;
        }
        ImGui::SameLine();
        const std::string label = std::to_string(i + 1) + ". " + s.run->renderer().service(d.order[i]).in(s.lang);
        ImGui::Selectable(label.c_str());
        if (ImGui::IsItemActive() && !ImGui::IsItemHovered()) {
            const float dy = ImGui::GetMouseDragDelta(0).y;
            const std::size_t j = dy < 0 ? i - 1 : i + 1;
            if ((dy < 0 && i > 0) || (dy > 0 && j < d.order.size())) {
                std::swap(d.order[i], d.order[j]);
                ImGui::ResetMouseDragDelta();
                changed = true;
            }
        }
        ImGui::PopID();
    }
    return changed;
}

}  // namespace samverkan::gui
