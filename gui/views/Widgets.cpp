#include "gui/views/Widgets.hpp"

#include <cstdint>
#include <cstring>
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

namespace {
// What a dragged priority row carries: its list and its place in it.
struct DraggedRow {
    const ListDraft* list;
    std::size_t index;
};
}  // namespace

bool reorderable(const Session& s, ListDraft& d) {
    bool changed = false;
    std::size_t from = SIZE_MAX, to = SIZE_MAX;  // a row dropped onto another this frame
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
        // Dragged onto another row, a row takes that row's place; the rows between move up or down.
        if (ImGui::BeginDragDropSource()) {
            const DraggedRow row{&d, i};
            ImGui::SetDragDropPayload("priority-row", &row, sizeof row);
            ImGui::TextUnformatted(label.c_str());
            ImGui::EndDragDropSource();
        }
        if (ImGui::BeginDragDropTarget()) {
            if (const auto* payload = ImGui::AcceptDragDropPayload("priority-row")) {
                DraggedRow row{};
                std::memcpy(&row, payload->Data, sizeof row);
                if (row.list == &d) {  // a row of another list cannot be dropped here
                    from = row.index;
                    to = i;
                }
            }
            ImGui::EndDragDropTarget();
        }
        ImGui::PopID();
    }
    if (from < d.order.size() && to < d.order.size() && from != to) {
        auto moved = std::move(d.order[from]);
        d.order.erase(d.order.begin() + static_cast<std::ptrdiff_t>(from));
        d.order.insert(d.order.begin() + static_cast<std::ptrdiff_t>(to), std::move(moved));
        changed = true;
    }
    return changed;
}

}  // namespace samverkan::gui
