#pragma once
// Small widgets the panels share: tooltips, a combo over ids shown by their names, and a list put
// in order by dragging or with arrow buttons.

#include <imgui.h>

#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include "gui/views/Views.hpp"

namespace samverkan::gui {

/// Text drawn straight onto a draw list (axes, labels on plots and the map), logged like a
/// widget's text when ImGui logs (the tests read what every view writes that way).
void drawText(ImDrawList* draw, ImVec2 at, ImU32 colour, const char* text);

/// A colour scale that colour-blind readers can follow (viridis): 0 dark purple, through blue and
/// green, to 1 yellow. The console paints bad as dark: a level near 0, a severe impact.
ImU32 scaleColour(double v);
/// The colour for unknown (a neutral grey with a hatch's weight, apart from every colour of the scale).
inline constexpr ImU32 kUnknownColour = IM_COL32(170, 170, 170, 255);
/// A level 0–1 as a bar in scaleColour with its value written on it ("43 %"), or a grey bar
/// saying "unknown" when the level is below 0; `suffix` follows the value ("43 %  2/3").
void levelBar(const Session& s, double level, ImVec2 size, const std::string& suffix = {});
/// The scale as a legend: swatches from 0 to 100 % with their values, `low` and `high` saying what
/// the ends mean, and the grey of unknown.
void scaleLegend(const Session& s, const char* low, const char* high);

/// The session's notice for `from` in a small box just below the last item, for a few seconds.
void noticeBelow(const Session& s, const char* from);
/// The answer to the role's latest action of one of `types` (commands' type names), beside their
/// buttons: accepted with what it set off, or refused with the reason and the rule, and its time.
void answerBeside(const Session& s, std::initializer_list<const char*> types);

/// Below a text field: the text wrapped as it will be read, once it is longer than the field shows.
void preview(const Session& s, const std::string& text);

/// Where a named widget was drawn, for tests that drive the console by mouse and keyboard: the
/// item's rectangle and the visible part of its window (an item outside it must be scrolled to).
struct Marked {
    ImVec2 min, max;          ///< the item
    ImVec2 clipMin, clipMax;  ///< what of its window shows
    std::string window;       ///< the window's name
};
/// Records the last item under `name` for this frame.
void mark(const std::string& name);
/// `value`, after marking the last item (for `if (marked(ImGui::Button(…), "convene"))`).
inline bool marked(bool value, const std::string& name) {
    mark(name);
    return value;
}
/// The named widgets of the current ImGui context as of the last frame; cleared by forgetMarks().
const std::map<std::string, Marked>& marks();
/// Starts a frame's marks afresh (App::frame).
void forgetMarks();

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
    const bool open = ImGui::BeginCombo(label, nameOf(ids[static_cast<std::size_t>(choice)]).c_str());
    mark(std::string("combo:") + label);
    if (open) {
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (marked(ImGui::Selectable((nameOf(ids[i]) + "##" + ids[i]).c_str(), choice == static_cast<int>(i)), "option:" + ids[i]))
                choice = static_cast<int>(i);
        ImGui::EndCombo();
    }
}

/// Reorders a list of services by dragging its items (or with the arrow buttons beside them);
/// true when the order changed.
bool reorderable(const Session& s, ListDraft& d);

}  // namespace samverkan::gui
