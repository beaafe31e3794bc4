#pragma once
// Small widgets the panels share: tooltips, a combo over ids shown by their names, and a list put
// in order by dragging or with arrow buttons.

#include <imgui.h>

#include <string>
#include <vector>

#include "gui/views/Views.hpp"

namespace samverkan::gui {

/// A one-line tooltip on the last item.
inline void tooltip(const char* text) {
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

/// A tooltip on the last item that wraps long text (explanations, sources) at a readable width.
void wrappedTooltip(const std::string& text);

/// A combo over ids, shown by their names; keeps `choice` in range.
template <class NameOf>
void idCombo(const char* label, const std::vector<std::string>& ids, int& choice, NameOf&& nameOf) {
    if (ids.empty()) return;
    if (choice < 0 || choice >= static_cast<int>(ids.size())) choice = 0;
    if (ImGui::BeginCombo(label, nameOf(ids[static_cast<std::size_t>(choice)]).c_str())) {
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (ImGui::Selectable((nameOf(ids[i]) + "##" + ids[i]).c_str(), choice == static_cast<int>(i)))
                choice = static_cast<int>(i);
        ImGui::EndCombo();
    }
}

/// Reorders a list of services by dragging its items (or with the arrow buttons beside them);
/// true when the order changed.
bool reorderable(const Session& s, ListDraft& d);

}  // namespace samverkan::gui
