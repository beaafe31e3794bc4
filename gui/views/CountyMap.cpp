#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "gui/views/Views.hpp"
#include "gui/views/Widgets.hpp"
#include "sim/model/Geometry.hpp"

namespace samverkan::gui {

namespace {

constexpr double kRadians = 3.14159265358979323846 / 180;

// 0 = untouched (green) through yellow to 1 = hardest hit (red); unknown is grey.
ImU32 impactColour(double impact) {
    if (impact < 0) return IM_COL32(150, 150, 150, 200);
    const float v = static_cast<float>(std::clamp(impact, 0.0, 1.0));
    const float r = v < 0.5f ? 2 * v : 1.0f;
    const float g = v < 0.5f ? 0.75f + 0.15f * v : 0.9f * 2 * (1 - v);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(0.2f + 0.75f * r, g, 0.2f, 0.9f));
}

bool hasBorders(const model::AreaMap& map) {
    return !map.areas.empty() &&
           std::all_of(map.areas.begin(), map.areas.end(), [](const model::Area& a) { return !a.triangles.empty(); });
}

double discRadius(const model::Area& a, double biggest) {
    return 6.0 + 30.0 * std::sqrt(a.population / biggest);
}

double biggestPopulation(const std::vector<model::Area>& areas) {
    double biggest = 1;
    for (const auto& a : areas) biggest = std::max(biggest, a.population);
    return biggest;
}

/// The areas' indices, the most populous first.
std::vector<std::size_t> byPopulation(const std::vector<model::Area>& areas) {
    std::vector<std::size_t> order(areas.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return areas[a].population > areas[b].population; });
    return order;
}

}  // namespace

ImVec2 MapProjection::toScreen(model::GeoPoint p) const {
    return ImVec2(topLeft.x + static_cast<float>((p.lon - lonMin) * shrink * scale),
                  topLeft.y + static_cast<float>((latMax - p.lat) * scale));
}

model::GeoPoint MapProjection::toMap(ImVec2 p) const {
    return {lonMin + static_cast<double>(p.x - topLeft.x) / (shrink * scale),
            latMax - static_cast<double>(p.y - topLeft.y) / scale};
}

void MapPanel::draw(const Session& s) {
    hovered.clear();
    filledAreas = filledTriangles = 0;
    labelled.clear();
    shownLevels.clear();
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
    shownLevels = levels;
    const auto* picture = knownPicture(s);
    if (showTruth)
        ImGui::TextUnformatted(s.t("Verkligt läge nu.", "The true state now."));
    else if (picture == nullptr)
        ImGui::TextUnformatted(
            s.t("Ingen samlad lägesbild ännu: påverkan okänd.", "No joint situational picture yet: impact unknown."));
    else
        ImGui::Text("%s %s", s.t("Påverkan enligt lägesbilden från", "Impact as in the picture from"),
                    engine::formatElapsed(picture->compiledAt).c_str());

    // The county fitted to the space left: its borders, or its seats with room for their discs.
    const auto& areas = s.areaMap->areas;
    const bool borders = hasBorders(*s.areaMap);
    double latMin = 90, latMax = -90, lonMin = 180, lonMax = -180;
    const auto extend = [&](double lat, double lon) {
        latMin = std::min(latMin, lat), latMax = std::max(latMax, lat);
        lonMin = std::min(lonMin, lon), lonMax = std::max(lonMax, lon);
    };
    for (const auto& a : areas) {
        if (!borders) extend(a.lat, a.lon);
        for (const auto& polygon : a.border)
            for (const auto& p : polygon.outer) extend(p.lat, p.lon);
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float legendH = 30, margin = borders ? 12.0f : 50.0f;
    projection.shrink = std::cos((latMin + latMax) / 2 * kRadians);
    const double spanX = std::max((lonMax - lonMin) * projection.shrink, 1e-6), spanY = std::max(latMax - latMin, 1e-6);
    projection.scale =
        std::max(1.0, std::min((avail.x - 2 * margin) / spanX, (avail.y - legendH - 2 * margin) / spanY));
    projection.lonMin = lonMin, projection.latMax = latMax;
    // Centred in the panel: the county is taller than wide.
    const float width = static_cast<float>(spanX * projection.scale),
                height = static_cast<float>(spanY * projection.scale);
    projection.topLeft = ImVec2(origin.x + std::max(margin, (avail.x - width) / 2),
                                origin.y + std::max(margin, (avail.y - legendH - height) / 2));

    std::vector<double> impacts;
    impacts.reserve(areas.size());
    for (const auto& a : areas) impacts.push_back(world::areaImpact(w->spec(), a.id, levels));

    ImDrawList* draw = ImGui::GetWindowDrawList();
    // A frame, not a filled backdrop: a filled one would cost the software rasteriser a pass over
    // half the panel every frame (bench/README.md).
    draw->AddRect(origin, ImVec2(origin.x + avail.x, origin.y + avail.y - legendH),
                  ImGui::GetColorU32(ImGuiCol_Border));
    ImGui::Dummy(ImVec2(avail.x, avail.y - legendH));
    const bool overMap = ImGui::IsItemHovered();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int hoveredArea = -1;
    if (overMap && borders) {
        const auto at = projection.toMap(mouse);
        for (std::size_t i = 0; i < areas.size() && hoveredArea < 0; ++i)
            for (const auto& polygon : areas[i].border)
                if (model::contains(polygon, at)) hoveredArea = static_cast<int>(i);
    } else if (overMap) {
        // The smallest disc under the mouse: those are drawn on top.
        const double biggest = biggestPopulation(areas);
        for (const auto i : byPopulation(areas)) {
            const ImVec2 c = projection.toScreen({areas[i].lon, areas[i].lat});
            const auto r = static_cast<float>(discRadius(areas[i], biggest));
            const float dx = mouse.x - c.x, dy = mouse.y - c.y;
            if (dx * dx + dy * dy <= r * r) hoveredArea = static_cast<int>(i);
        }
    }
    std::vector<float> screenAreas;
    if (borders)
        screenAreas = drawBorders(s, impacts, hoveredArea);
    else
        drawDiscs(s, impacts);
    drawLabels(s, screenAreas);

    if (hoveredArea >= 0) {
        const auto& a = areas[static_cast<std::size_t>(hoveredArea)];
        hovered = a.id;
        const double impact = impacts[static_cast<std::size_t>(hoveredArea)];
        char impactText[32] = "?";
        if (impact >= 0) std::snprintf(impactText, sizeof impactText, "%.0f %%", impact * 100);
        char areaText[64] = "";
        if (a.areaKm2 > 0)
            std::snprintf(areaText, sizeof areaText, "\n%s: %.0f km²",
                          s.t("Yta inom gränsen", "Area within the border"), a.areaKm2);
        ImGui::SetTooltip("%s\n%s: %s\n%s: %.0f%s\n%s: %s", actorName(s, a.id).c_str(), s.t("Centralort", "Seat"),
                          a.seat.c_str(), s.t("Invånare", "Population"), a.population, areaText,
                          s.t("Påverkan", "Impact"), impactText);
    }
    // Legend.
    const ImVec2 l = ImGui::GetCursorScreenPos();
    for (int k = 0; k <= 10; ++k)
        draw->AddRectFilled(ImVec2(l.x + 20.0f * static_cast<float>(k), l.y + 4),
                            ImVec2(l.x + 20.0f * static_cast<float>(k + 1), l.y + 20), impactColour(k / 10.0));
    draw->AddRectFilled(ImVec2(l.x + 240, l.y + 4), ImVec2(l.x + 260, l.y + 20), impactColour(-1));
    ImGui::SetCursorScreenPos(ImVec2(l.x + 270, l.y + 3));
    if (borders)
        ImGui::TextUnformatted(s.t("ingen → svår påverkan; grått = okänt", "none → severe impact; grey = unknown"));
    else
        ImGui::Text("%s   %s", s.t("ingen → svår påverkan; grått = okänt", "none → severe impact; grey = unknown"),
                    s.t("Skivans yta: invånare", "Disc area: population"));
}

std::vector<float> MapPanel::drawBorders(const Session& s, const std::vector<double>& impacts, int hoveredArea) {
    const auto& areas = s.areaMap->areas;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // The triangles go straight into the vertex buffer: filled one by one with anti-aliased edges,
    // neighbouring triangles would show faint seams where their fringes overlap.
    const ImVec2 white = ImGui::GetFontTexUvWhitePixel();
    std::vector<float> screenAreas(areas.size(), 0);
    for (std::size_t i = 0; i < areas.size(); ++i) {
        const ImU32 colour = impactColour(impacts[i]);
        const int vertices = static_cast<int>(3 * areas[i].triangles.size());
        draw->PrimReserve(vertices, vertices);
        for (const auto& t : areas[i].triangles) {
            const ImVec2 a = projection.toScreen(t[0]), b = projection.toScreen(t[1]), c = projection.toScreen(t[2]);
            draw->PrimVtx(a, white, colour);
            draw->PrimVtx(b, white, colour);
            draw->PrimVtx(c, white, colour);
            screenAreas[i] += std::abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2;
        }
        ++filledAreas;
        filledTriangles += areas[i].triangles.size();
    }
    // Thin dark outlines over all the fills, and a thicker one round the municipality under the mouse.
    std::vector<ImVec2> points;
    const auto outline = [&](const model::Area& a, ImU32 colour, float thickness) {
        for (const auto& polygon : a.border) {
            for (std::size_t r = 0; r <= polygon.holes.size(); ++r) {
                const auto& ring = r == 0 ? polygon.outer : polygon.holes[r - 1];
                points.clear();
                for (const auto& p : ring) points.push_back(projection.toScreen(p));
                draw->AddPolyline(points.data(), static_cast<int>(points.size()), colour, ImDrawFlags_Closed,
                                  thickness);
            }
        }
    };
    for (const auto& a : areas) outline(a, IM_COL32(50, 50, 50, 220), 1.0f);
    if (hoveredArea >= 0) outline(areas[static_cast<std::size_t>(hoveredArea)], IM_COL32(20, 20, 20, 255), 2.5f);
    return screenAreas;
}

void MapPanel::drawDiscs(const Session& s, const std::vector<double>& impacts) {
    const auto& areas = s.areaMap->areas;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const double biggest = biggestPopulation(areas);
    // The largest first, so that small municipalities stay visible on top of Stockholm.
    for (const auto i : byPopulation(areas)) {
        const ImVec2 c = projection.toScreen({areas[i].lon, areas[i].lat});
        const auto r = static_cast<float>(discRadius(areas[i], biggest));
        draw->AddCircleFilled(c, r, impactColour(impacts[i]), 32);
        draw->AddCircle(c, r, IM_COL32(60, 60, 60, 255), 32, 1.0f);
    }
}

void MapPanel::drawLabels(const Session& s, const std::vector<float>& screenAreas) {
    const auto& areas = s.areaMap->areas;
    const bool borders = !screenAreas.empty();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const double biggest = biggestPopulation(areas);
    // The seats' names in order of population, each only where it overlaps no name already placed
    // and, on the borders, where the municipality is large enough on screen to hold it. A name
    // stands on its seat (inside the border), or under the seat's disc; the seats without a name
    // are dots, named by the tooltip.
    std::vector<ImVec4> placed;
    std::vector<std::size_t> named;
    for (const auto i : byPopulation(areas)) {
        const auto& a = areas[i];
        const ImVec2 c = projection.toScreen({a.lon, a.lat});
        const ImVec2 size = ImGui::CalcTextSize(a.seat.c_str());
        if (borders && screenAreas[i] < 1.5f * (size.x + 4) * size.y) continue;
        const float top = borders ? c.y - size.y / 2 : c.y + static_cast<float>(discRadius(a, biggest)) * 0.35f;
        const ImVec4 box(c.x - size.x / 2, top, c.x + size.x / 2, top + size.y);
        if (std::any_of(placed.begin(), placed.end(),
                        [&](const ImVec4& p) { return box.x < p.z && p.x < box.z && box.y < p.w && p.y < box.w; }))
            continue;
        placed.push_back(box);
        named.push_back(i);
    }
    if (borders)
        for (std::size_t i = 0; i < areas.size(); ++i)
            if (std::find(named.begin(), named.end(), i) == named.end())
                draw->AddCircleFilled(projection.toScreen({areas[i].lon, areas[i].lat}), 2.5f,
                                      IM_COL32(30, 30, 30, 230), 8);
    for (std::size_t k = 0; k < named.size(); ++k) {
        const ImVec4& box = placed[k];
        labelled.push_back(areas[named[k]].id);
        draw->AddRectFilled(ImVec2(box.x - 2, box.y), ImVec2(box.z + 2, box.w), IM_COL32(255, 255, 255, 150), 3);
        drawText(draw, ImVec2(box.x, box.y), IM_COL32(20, 20, 20, 255), areas[named[k]].seat.c_str());
    }
}

}  // namespace samverkan::gui
