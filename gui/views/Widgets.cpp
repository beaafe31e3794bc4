#include "gui/views/Widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cfloat>
#include <cstdio>
#include <cstring>
#include <utility>

namespace samverkan::gui {

namespace {
// Per ImGui context, so that two consoles in one process keep their own.
std::map<const ImGuiContext*, std::map<std::string, Marked>>& allMarks() {
    static std::map<const ImGuiContext*, std::map<std::string, Marked>> all;
    return all;
}
}  // namespace

void mark(const std::string& name) {
    const ImGuiWindow* window = ImGui::GetCurrentWindowRead();
    allMarks()[ImGui::GetCurrentContext()][name] =
        Marked{ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), window->ClipRect.Min, window->ClipRect.Max, window->Name};
}

const std::map<std::string, Marked>& marks() { return allMarks()[ImGui::GetCurrentContext()]; }

void forgetMarks() { allMarks()[ImGui::GetCurrentContext()].clear(); }

void drawText(ImDrawList* draw, ImVec2 at, ImU32 colour, const char* text) {
    draw->AddText(at, colour, text);
    if (ImGui::GetCurrentContext()->LogEnabled) ImGui::LogRenderedText(&at, text);
}

ImU32 scaleColour(double v) {
    // Viridis at nine stops (matplotlib's table), linearly between them.
    static constexpr float stops[9][3] = {{68, 1, 84},    {71, 44, 122},  {59, 81, 139},  {44, 113, 142}, {33, 144, 141},
                                          {39, 173, 129}, {92, 200, 99},  {170, 220, 50}, {253, 231, 37}};
    const double x = std::clamp(v, 0.0, 1.0) * 8;
    const auto k = std::min<std::size_t>(7, static_cast<std::size_t>(x));
    const float f = static_cast<float>(x - static_cast<double>(k));
    const auto mix = [&](int c) { return static_cast<int>(std::lround(stops[k][c] + (stops[k + 1][c] - stops[k][c]) * f)); };
    return IM_COL32(mix(0), mix(1), mix(2), 255);
}

namespace {
// Black or white, whichever reads on `background`.
ImU32 inkOn(ImU32 background) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(background);
    return 0.299f * c.x + 0.587f * c.y + 0.114f * c.z > 0.5f ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255);
}

std::string percentText(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f %%", v * 100.0);
    return buf;
}
}  // namespace

void levelBar(const Session& s, double level, ImVec2 size, const std::string& suffix) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (size.y <= 0) size.y = ImGui::GetFrameHeight();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 end(p.x + size.x, p.y + size.y);
    draw->AddRectFilled(p, end, ImGui::GetColorU32(ImGuiCol_FrameBg));
    std::string text;
    ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    if (level < 0) {
        draw->AddRectFilled(p, end, kUnknownColour);
        text = s.t("okänt", "unknown");
        ink = inkOn(kUnknownColour);
    } else {
        const ImU32 colour = scaleColour(level);
        draw->AddRectFilled(p, ImVec2(p.x + size.x * static_cast<float>(std::clamp(level, 0.0, 1.0)), end.y), colour);
        text = percentText(level) + suffix;
        // The value sits where the bar is filled when it fits there, else on the empty part.
        if (size.x * level > ImGui::CalcTextSize(text.c_str()).x + 8) ink = inkOn(colour);
    }
    draw->AddRect(p, end, ImGui::GetColorU32(ImGuiCol_Border));
    const ImVec2 textSize = ImGui::CalcTextSize(text.c_str());
    const float x = level >= 0 && size.x * level > textSize.x + 8 ? p.x + 4 : std::max(p.x + 4, p.x + size.x * static_cast<float>(std::max(level, 0.0)) + 4);
    drawText(draw, ImVec2(level < 0 ? p.x + (size.x - textSize.x) / 2 : x, p.y + (size.y - textSize.y) / 2), ink, text.c_str());
    ImGui::Dummy(size);
}

void scaleLegend(const Session& s, const char* low, const char* high) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = 22, h = ImGui::GetTextLineHeight();
    float x = p.x + ImGui::CalcTextSize(low).x + 6;
    drawText(draw, p, ImGui::GetColorU32(ImGuiCol_Text), low);
    for (int k = 0; k <= 10; ++k, x += w) {
        const ImU32 c = scaleColour(k / 10.0);
        draw->AddRectFilled(ImVec2(x, p.y), ImVec2(x + w, p.y + h), c);
        if (k % 5 == 0) {
            const std::string v = std::to_string(k * 10);
            drawText(draw, ImVec2(x + (w - ImGui::CalcTextSize(v.c_str()).x) / 2, p.y), inkOn(c), v.c_str());
        }
    }
    drawText(draw, ImVec2(x + 6, p.y), ImGui::GetColorU32(ImGuiCol_Text), high);
    x += 6 + ImGui::CalcTextSize(high).x + 16;
    draw->AddRectFilled(ImVec2(x, p.y), ImVec2(x + w, p.y + h), kUnknownColour);
    const char* unknown = s.t("okänt", "unknown");
    drawText(draw, ImVec2(x + w + 4, p.y), ImGui::GetColorU32(ImGuiCol_Text), unknown);
    ImGui::Dummy(ImVec2(x + w + 4 + ImGui::CalcTextSize(unknown).x - p.x, h));
}

void noticeBelow(const Session& s, const char* from) {
    constexpr double kShown = 8;  // seconds
    if (s.noticeFrom != from || s.notice.empty() || ImGui::GetTime() - s.noticeAt > kShown) return;
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y + 4));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(ImGui::GetFontSize() * 32, FLT_MAX));
    const auto flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                       ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_PopupBg));
    if (ImGui::Begin((std::string("##notice-") + from).c_str(), nullptr, flags)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::TextUnformatted(s.notice.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
    ImGui::PopStyleColor();
}

void answerBeside(const Session& s, std::initializer_list<const char*> types) {
    const auto& own = s.ownActions();
    for (auto it = own.rbegin(); it != own.rend(); ++it) {
        if (std::none_of(types.begin(), types.end(), [&](const char* type) { return it->type == type; })) continue;
        const auto& entries = s.run->journal().entries();
        std::string text = engine::formatElapsed(it->t) + "  ";
        if (it->accepted) {
            text += s.t("Godtaget", "Accepted");
            if (it->followedBy < entries.size()) text += ": " + s.worded(entries[it->followedBy]);
            else text += ".";
        } else {
            text += std::string(s.t("Avvisat: ", "Refused: ")) + s.run->renderer().refusal(it->refusal).in(s.lang);
        }
        ImGui::PushStyleColor(ImGuiCol_Text, it->accepted ? ImVec4(0.1f, 0.45f, 0.15f, 1) : ImVec4(0.75f, 0.1f, 0.1f, 1));
        ImGui::TextWrapped("%s", text.c_str());
        ImGui::PopStyleColor();
        return;
    }
}

void ActorPicker::fillFor(const std::string& key, std::vector<std::string> defaults) {
    if (draftedFor == key) return;
    draftedFor = key;
    chosen = std::move(defaults);
    search.clear();
}

bool ActorPicker::has(const std::string& actor) const { return std::find(chosen.begin(), chosen.end(), actor) != chosen.end(); }

void ActorPicker::toggle(const std::string& actor, bool on) {
    if (on && !has(actor)) chosen.push_back(actor);
    if (!on) std::erase(chosen, actor);
}

namespace {
std::string folded(std::string text) {
    // Case-insensitive search over ASCII and the Swedish letters (UTF-8 Å, Ä, Ö to å, ä, ö).
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto& c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (static_cast<unsigned char>(c) == 0xC3 && i + 1 < text.size()) {
            auto& next = text[i + 1];
            const auto u = static_cast<unsigned char>(next);
            if (u == 0x85 || u == 0x84 || u == 0x96) next = static_cast<char>(u + 0x20);
        }
    }
    return text;
}
}  // namespace

void ActorPicker::draw(const Session& s, const char* id, const std::vector<std::string>& offered, float height) {
    ImGui::PushID(id);
    const auto& region = s.scenario->region;
    ImGui::SetNextItemWidth(std::min(260.0f, ImGui::GetContentRegionAvail().x));
    ImGui::InputTextWithHint("##search", s.t("Sök aktör …", "Search actors …"), &search);
    mark(std::string(id) + "-search");
    ImGui::SameLine();
    ImGui::Text("%zu %s", chosen.size(), s.t("valda", "chosen"));
    // A group ticks all its members (offered ones), or unticks them when all are ticked already.
    for (const auto& g : region.groups) {
        std::vector<std::string> members;
        for (const auto& m : g.members)
            if (std::find(offered.begin(), offered.end(), m) != offered.end()) members.push_back(m);
        if (members.empty()) continue;
        bool all = std::all_of(members.begin(), members.end(), [&](const std::string& m) { return has(m); });
        const std::string label = std::string(s.t("Alla: ", "All ")) + s.run->renderer().actor(g.id).in(s.lang) + " (" +
                                  std::to_string(members.size()) + ")##" + g.id;
        const float width = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + ImGui::GetFrameHeight() + 16;
        if (ImGui::GetCursorPosX() > ImGui::GetStyle().WindowPadding.x + 1 && ImGui::GetCursorPosX() + width > ImGui::GetContentRegionMax().x)
            ImGui::NewLine();
        if (marked(ImGui::Checkbox(label.c_str(), &all), std::string(id) + "-group:" + g.id))
            for (const auto& m : members) toggle(m, all);
        ImGui::SameLine();
    }
    if (ImGui::SmallButton(s.t("Ingen", "Nobody"))) chosen.clear();
    std::vector<std::pair<std::string, std::string>> byName;  // name, id
    for (const auto& a : offered) byName.emplace_back(actorName(s, a), a);
    std::sort(byName.begin(), byName.end());
    const std::string needle = folded(search);
    ImGui::BeginChild("actors", ImVec2(0, height), true);
    for (const auto& [name, actor] : byName) {
        if (!needle.empty() && folded(name).find(needle) == std::string::npos && actor.find(needle) == std::string::npos) continue;
        bool on = has(actor);
        if (marked(ImGui::Checkbox((name + "##" + actor).c_str(), &on), std::string(id) + ":" + actor)) toggle(actor, on);
    }
    ImGui::EndChild();
    ImGui::PopID();
}

void preview(const Session& s, const std::string& text) {
    const float field = ImGui::GetItemRectSize().x - 2 * ImGui::GetStyle().FramePadding.x;
    if (text.empty() || (text.find('\n') == std::string::npos && ImGui::CalcTextSize(text.c_str()).x <= field)) return;
    ImGui::TextDisabled("%s", s.t("Så här läses texten:", "As it will read:"));
    ImGui::Indent();
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::Unindent();
}

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
