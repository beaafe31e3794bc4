#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "gui/views/Views.hpp"
#include "gui/views/Widgets.hpp"

namespace samverkan::gui {

namespace {

using engine::Millis;

ImU32 seriesColour(std::size_t i) {
    static const ImU32 colours[] = {IM_COL32(31, 119, 180, 255), IM_COL32(255, 127, 14, 255), IM_COL32(44, 160, 44, 255),
                                    IM_COL32(214, 39, 40, 255),  IM_COL32(148, 103, 189, 255), IM_COL32(140, 86, 75, 255),
                                    IM_COL32(227, 119, 194, 255), IM_COL32(127, 127, 127, 255), IM_COL32(188, 189, 34, 255),
                                    IM_COL32(23, 190, 207, 255)};
    return colours[i % (sizeof colours / sizeof colours[0])];
}

// A part's or service's level in a picture: as reported, or for a county's whole kept per area the
// weighted mean of the parts reported (−1: nothing of it known).
double knownLevelOf(const world::WorldSpec& spec, const world::Picture* picture, std::size_t i) {
    if (picture == nullptr) return -1;
    if (picture->services[i].observedAt >= 0) return picture->services[i].level;
    double sum = 0, weights = 0;
    for (const auto& [part, weight] : spec.services[i].parts)
        for (std::size_t j = 0; j < spec.services.size(); ++j)
            if (spec.services[j].id == part && picture->services[j].observedAt >= 0)
                sum += weight * picture->services[j].level, weights += weight;
    return weights > 0 ? sum / weights : -1;
}

// How many of a whole's parts the picture knows, and of how many.
std::pair<std::size_t, std::size_t> partsKnown(const world::WorldSpec& spec, const world::Picture* picture, std::size_t i) {
    std::size_t known = 0;
    for (const auto& [part, weight] : spec.services[i].parts)
        for (std::size_t j = 0; j < spec.services.size(); ++j)
            if (spec.services[j].id == part && picture != nullptr && picture->services[j].observedAt >= 0) ++known;
    return {known, spec.services[i].parts.size()};
}

// A chart box over [0, end] × [0, top]; returns the point mapper.
struct Chart {
    ImVec2 origin, size;
    Millis end;
    float top;
    [[nodiscard]] ImVec2 at(Millis t, float v) const {
        return ImVec2(origin.x + size.x * static_cast<float>(t) / static_cast<float>(std::max<Millis>(end, 1)),
                      origin.y + size.y * (1.0f - std::clamp(v / top, 0.0f, 1.0f)));
    }
};

Chart chartBox(const char* title, float height, Millis end, float top) {
    ImGui::TextUnformatted(title);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size(ImGui::GetContentRegionAvail().x - 8, height);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), ImGui::GetColorU32(ImGuiCol_Border));
    drawText(draw, ImVec2(origin.x + 3, origin.y + size.y - ImGui::GetFontSize() - 1), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                  engine::formatElapsed(0).c_str());
    const std::string last = engine::formatElapsed(end);
    drawText(draw, ImVec2(origin.x + size.x - ImGui::CalcTextSize(last.c_str()).x - 3, origin.y + size.y - ImGui::GetFontSize() - 1),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), last.c_str());
    ImGui::Dummy(ImVec2(size.x, size.y + 4));
    return {origin, size, end, top};
}

}  // namespace

// The situational picture as the role knows it: the levels in the latest joint picture of a forum
// the role sits in, and plots over time of what the pictures said and of the hazard as observed up
// to the latest picture. Exercise control also sees the true state beside it.
void drawPicture(const Session& s) {
    const auto* w = s.run->world();
    if (w == nullptr) {
        ImGui::TextUnformatted(s.t("Scenariot har ingen konsekvensmodell.", "The scenario has no consequence model."));
        return;
    }
    const auto& spec = w->spec();
    const world::Picture* known = knownPicture(s);
    if (known == nullptr) ImGui::TextUnformatted(s.t("Ingen samlad lägesbild ännu.", "No joint situational picture yet."));
    else ImGui::Text("%s %s", s.t("Samlad lägesbild från", "Joint situational picture from"), engine::formatElapsed(known->compiledAt).c_str());
    // One row per service of the county; a service kept per area opens onto its areas' parts.
    const float bar = 170;
    const int columns = s.control ? 3 : 2;
    std::vector<std::size_t> wholes;
    for (std::size_t i = 0; i < spec.services.size(); ++i)
        if (spec.services[i].of.empty()) wholes.push_back(i);
    if (ImGui::BeginTable("picture-levels", columns, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(s.t("Samhällsfunktion", "Service"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(s.t("Som känt", "As known"), ImGuiTableColumnFlags_WidthFixed, bar);
        if (s.control) ImGui::TableSetupColumn(s.t("Verkligt läge", "True state"), ImGuiTableColumnFlags_WidthFixed, bar);
        ImGui::TableHeadersRow();
        const auto row = [&](std::size_t i, bool part) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            bool open = false;
            const std::string name = spec.services[i].name.in(s.lang);
            if (!part) {
                const ImVec2 p = ImGui::GetCursorScreenPos();
                const std::size_t k = static_cast<std::size_t>(std::find(wholes.begin(), wholes.end(), i) - wholes.begin());
                ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 3), ImVec2(p.x + 10, p.y + 13), seriesColour(k));
                ImGui::SetCursorScreenPos(ImVec2(p.x + 14, p.y));
            }
            std::string areasKnown;
            if (!spec.services[i].parts.empty()) {
                const auto [partsSeen, of] = partsKnown(spec, known, i);
                open = ImGui::TreeNodeEx((name + "##" + spec.services[i].id).c_str(), ImGuiTreeNodeFlags_SpanAvailWidth);
                const std::string tip = std::to_string(partsSeen) + " / " + std::to_string(of) + " " +
                                        s.t("områden kända genom rapporter; öppna för varje område",
                                            "areas known from reports; open for each area");
                wrappedTooltip(tip);
                areasKnown = "  " + std::to_string(partsSeen) + "/" + std::to_string(of);
            } else {
                ImGui::TextWrapped("%s", name.c_str());
            }
            ImGui::TableNextColumn();
            levelBar(s, knownLevelOf(spec, known, i), ImVec2(bar - 8, 0), areasKnown);
            if (s.control) {
                ImGui::TableNextColumn();
                levelBar(s, w->level(i), ImVec2(bar - 8, 0));
            }
            return open;
        };
        for (const auto i : wholes) {
            if (!row(i, false)) continue;
            for (std::size_t j = 0; j < spec.services.size(); ++j)
                if (spec.services[j].of == spec.services[i].id) row(j, true);
            ImGui::TreePop();
        }
        ImGui::EndTable();
    }
    scaleLegend(s, s.t("utslagen", "down"), s.t("normal", "normal"));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Millis now = std::max<Millis>(s.run->now(), engine::kHour);
    ImGui::Spacing();

    // The services as the pictures the role has seen put them: a step line from picture to picture.
    const Chart levels = chartBox(s.t("Samhällsfunktioner enligt lägesbilderna (heldragen)", "Services as the pictures put them (solid)"), 130, now, 1.05f);
    const auto me = s.scenario->region.actorIndex(s.role);
    for (std::size_t k = 0; k < wholes.size(); ++k) {
        const std::size_t i = wholes[k];
        std::vector<ImVec2> line;
        for (const auto& [forum, picture] : s.run->pictures()) {
            if (!s.control && !s.run->cooperation().forum(forum).has(me)) continue;
            if (picture.services[i].observedAt < 0) continue;
            const ImVec2 point = levels.at(picture.compiledAt, static_cast<float>(picture.services[i].level));
            if (!line.empty()) line.push_back(ImVec2(point.x, line.back().y));
            line.push_back(point);
        }
        if (!line.empty()) line.push_back(ImVec2(levels.at(s.run->now(), 0).x, line.back().y));
        if (line.size() > 1) draw->AddPolyline(line.data(), static_cast<int>(line.size()), seriesColour(k), 0, 2.0f);
        // Exercise control: the truth, thin, beneath.
        if (s.control && w->samples() > 1) {
            std::vector<ImVec2> truth;
            const std::size_t stride = std::max<std::size_t>(1, w->samples() / 400);
            for (std::size_t n = 0; n < w->samples(); n += stride) truth.push_back(levels.at(w->sampleTime(n), w->sampledLevel(n, i)));
            draw->AddPolyline(truth.data(), static_cast<int>(truth.size()), (seriesColour(k) & 0x00FFFFFF) | 0x60000000, 0, 1.0f);
        }
    }
    // The chart's legend: each line's colour and service, flowing over as many lines as it needs.
    for (std::size_t k = 0; k < wholes.size(); ++k) {
        const std::string name = spec.services[wholes[k]].name.in(s.lang);
        const float itemW = 16 + ImGui::CalcTextSize(name.c_str()).x + 12;
        if (k > 0) {
            ImGui::SameLine();
            if (ImGui::GetCursorPosX() + itemW > ImGui::GetContentRegionMax().x) ImGui::NewLine();
        }
        const ImVec2 p = ImGui::GetCursorScreenPos();
        draw->AddLine(ImVec2(p.x, p.y + 7), ImVec2(p.x + 12, p.y + 7), seriesColour(k), 2.0f);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 16, p.y));
        ImGui::TextUnformatted(name.c_str());
    }
    if (s.control) ImGui::TextDisabled("%s", s.t("Tunna linjer: verkligt läge.", "Thin lines: the true state."));

    // Each hazard as observed: up to the latest picture for a trainee, up to now for exercise control.
    const Millis seenUntil = s.control ? s.run->now() : (known != nullptr ? known->compiledAt : -1);
    for (std::size_t h = 0; h < spec.hazards.size(); ++h) {
        float peak = 0.1f;
        for (std::size_t k = 0; k < w->samples() && w->sampleTime(k) <= seenUntil; ++k) peak = std::max(peak, w->sampledIntensity(k, h));
        const std::string title = spec.hazards[h].name.in(s.lang) + " (" + spec.hazards[h].unit + ")" +
                                  (s.control ? "" : s.t(" – observerat fram till senaste lägesbilden", " – observed up to the latest picture"));
        const Chart hazard = chartBox(title.c_str(), 70, now, peak * 1.1f);
        std::vector<ImVec2> line;
        const std::size_t stride = std::max<std::size_t>(1, w->samples() / 400);
        for (std::size_t k = 0; k < w->samples() && w->sampleTime(k) <= seenUntil; k += stride)
            line.push_back(hazard.at(w->sampleTime(k), w->sampledIntensity(k, h)));
        if (line.size() > 1) draw->AddPolyline(line.data(), static_cast<int>(line.size()), IM_COL32(60, 60, 160, 255), 0, 2.0f);
        char peakText[32];
        std::snprintf(peakText, sizeof peakText, "%.1f", static_cast<double>(peak));
        drawText(draw, ImVec2(hazard.origin.x + 3, hazard.origin.y + 1), ImGui::GetColorU32(ImGuiCol_TextDisabled), peakText);
    }
}

}  // namespace samverkan::gui
