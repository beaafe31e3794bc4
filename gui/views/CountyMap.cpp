#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "gui/views/Views.hpp"

namespace samverkan::gui {

namespace {

// 0 = untouched (green) through yellow to 1 = hardest hit (red); unknown is grey.
ImU32 impactColour(double impact) {
    if (impact < 0) return IM_COL32(150, 150, 150, 200);
    const float v = static_cast<float>(std::clamp(impact, 0.0, 1.0));
    const float r = v < 0.5f ? 2 * v : 1.0f;
    const float g = v < 0.5f ? 0.75f + 0.15f * v : 0.9f * 2 * (1 - v);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(0.2f + 0.75f * r, g, 0.2f, 0.9f));
}

}  // namespace

void MapPanel::draw(const Session& s) {
    if (!s.areaMap) {
        ImGui::TextUnformatted(s.t("Regionen har ingen karta.", "The region has no map."));
        for (const auto& d : s.mapDiagnostics) ImGui::TextWrapped("%s", d.str().c_str());
        return;
    }
    const auto* w = s.run->world();
    if (w == nullptr) {
        ImGui::TextUnformatted(s.t("Scenariot har ingen konsekvensmodell.", "The scenario has no consequence model."));
        return;
    }
    if (s.control) {
        if (ImGui::RadioButton(s.t("Som känt i lägesbilden", "As known in the picture"), !truth)) truth = false;
        ImGui::SameLine();
        if (ImGui::RadioButton(s.t("Verkligt läge", "True state"), truth)) truth = true;
        ImGui::SameLine();
    }
    const bool showTruth = s.control && truth;
    const auto levels = knownLevels(s, showTruth);
    const auto* picture = knownPicture(s);
    if (showTruth) ImGui::TextUnformatted(s.t("Verkligt läge nu.", "The true state now."));
    else if (picture == nullptr) ImGui::TextUnformatted(s.t("Ingen samlad lägesbild ännu: påverkan okänd.", "No joint situational picture yet: impact unknown."));
    else ImGui::Text("%s %s", s.t("Påverkan enligt lägesbilden från", "Impact as in the picture from"), engine::formatElapsed(picture->compiledAt).c_str());

    // Equirectangular projection about the county's middle, fitted to the space left.
    const auto& areas = s.areaMap->areas;
    double latMin = 90, latMax = -90, lonMin = 180, lonMax = -180;
    for (const auto& a : areas) {
        latMin = std::min(latMin, a.lat), latMax = std::max(latMax, a.lat);
        lonMin = std::min(lonMin, a.lon), lonMax = std::max(lonMax, a.lon);
    }
    const double shrink = std::cos((latMin + latMax) / 2 * 3.14159265358979 / 180);
    const double spanX = std::max((lonMax - lonMin) * shrink, 1e-6), spanY = std::max(latMax - latMin, 1e-6);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float legendH = 30, margin = 50;
    const double scale = std::min((avail.x - 2 * margin) / spanX, (avail.y - legendH - 2 * margin) / spanY);
    const auto project = [&](const model::Area& a) {
        return ImVec2(origin.x + margin + static_cast<float>((a.lon - lonMin) * shrink * scale),
                      origin.y + margin + static_cast<float>((latMax - a.lat) * scale));
    };
    double biggest = 1;
    for (const auto& a : areas) biggest = std::max(biggest, a.population);
    const auto radius = [&](const model::Area& a) { return 6.0f + 30.0f * static_cast<float>(std::sqrt(a.population / biggest)); };

    ImDrawList* draw = ImGui::GetWindowDrawList();
    // A frame, not a filled backdrop: a filled one would cost the software rasteriser a pass over
    // half the panel every frame (bench/README.md).
    draw->AddRect(origin, ImVec2(origin.x + avail.x, origin.y + avail.y - legendH), ImGui::GetColorU32(ImGuiCol_Border));
    // The largest first, so that small municipalities stay visible on top of Stockholm.
    std::vector<std::size_t> order(areas.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return areas[a].population > areas[b].population; });
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const model::Area* hovered = nullptr;
    double hoveredImpact = -1;
    for (const auto i : order) {
        const auto& a = areas[i];
        const double impact = world::areaImpact(w->spec(), a.id, levels);
        const ImVec2 c = project(a);
        const float r = radius(a);
        draw->AddCircleFilled(c, r, impactColour(impact), 32);
        draw->AddCircle(c, r, IM_COL32(60, 60, 60, 255), 32, 1.0f);
        const float dx = mouse.x - c.x, dy = mouse.y - c.y;
        if (dx * dx + dy * dy <= r * r) hovered = &a, hoveredImpact = impact;
    }
    // Labels in order of population, each only where it overlaps none already placed.
    std::vector<ImVec4> placed;
    for (const auto i : order) {
        const auto& a = areas[i];
        const ImVec2 c = project(a);
        const ImVec2 size = ImGui::CalcTextSize(a.seat.c_str());
        const ImVec4 box(c.x - size.x / 2, c.y + radius(a) * 0.35f, c.x + size.x / 2, c.y + radius(a) * 0.35f + size.y);
        if (std::any_of(placed.begin(), placed.end(), [&](const ImVec4& p) { return box.x < p.z && p.x < box.z && box.y < p.w && p.y < box.w; }))
            continue;
        placed.push_back(box);
        draw->AddRectFilled(ImVec2(box.x - 2, box.y), ImVec2(box.z + 2, box.w), IM_COL32(255, 255, 255, 150), 3);
        draw->AddText(ImVec2(box.x, box.y), IM_COL32(20, 20, 20, 255), a.seat.c_str());
    }
    ImGui::Dummy(ImVec2(avail.x, avail.y - legendH));
    if (hovered != nullptr && ImGui::IsItemHovered()) {
        char impact[32] = "?";
        if (hoveredImpact >= 0) std::snprintf(impact, sizeof impact, "%.0f %%", hoveredImpact * 100);
        ImGui::SetTooltip("%s\n%s: %s\n%s: %.0f\n%s: %s", actorName(s, hovered->id).c_str(), s.t("Centralort", "Seat"), hovered->seat.c_str(),
                          s.t("Invånare", "Population"), hovered->population, s.t("Påverkan", "Impact"), impact);
    }
    // Legend.
    const ImVec2 l = ImGui::GetCursorScreenPos();
    for (int k = 0; k <= 10; ++k)
        draw->AddRectFilled(ImVec2(l.x + 20.0f * static_cast<float>(k), l.y + 4), ImVec2(l.x + 20.0f * static_cast<float>(k + 1), l.y + 20),
                            impactColour(k / 10.0));
    draw->AddRectFilled(ImVec2(l.x + 240, l.y + 4), ImVec2(l.x + 260, l.y + 20), impactColour(-1));
    ImGui::SetCursorScreenPos(ImVec2(l.x + 270, l.y + 3));
    ImGui::Text("%s   %s", s.t("ingen → svår påverkan; grått = okänt", "none → severe impact; grey = unknown"),
                s.t("Skivans yta: invånare", "Disc area: population"));
}

}  // namespace samverkan::gui
