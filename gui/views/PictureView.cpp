#include <imgui.h>

#include <vector>

#include "gui/views/Views.hpp"

namespace samverkan::gui {

// The situational picture as the role knows it: the levels in the latest joint picture of a forum
// the role sits in (exercise control also sees the true state beside it).
void drawPicture(const Session& s) {
    const auto* w = s.run->world();
    if (w == nullptr) {
        ImGui::TextUnformatted(s.t("Scenariot har ingen konsekvensmodell.", "The scenario has no consequence model."));
        return;
    }
    const world::Picture* known = knownPicture(s);
    if (known == nullptr) ImGui::TextUnformatted(s.t("Ingen samlad lägesbild ännu.", "No joint situational picture yet."));
    else ImGui::Text("%s %s", s.t("Samlad lägesbild från", "Joint situational picture from"), engine::formatElapsed(known->compiledAt).c_str());
    ImGui::SetCursorPosX(300);
    ImGui::TextUnformatted(s.t("Som känt", "As known"));
    if (s.control) {
        ImGui::SameLine(300 + 190);
        ImGui::TextUnformatted(s.t("Verkligt läge", "True state"));
    }
    for (std::size_t i = 0; i < w->spec().services.size(); ++i) {
        const auto& svc = w->spec().services[i];
        const float knownLevel = known && known->services[i].observedAt >= 0 ? static_cast<float>(known->services[i].level) : -1.0f;
        ImGui::Text("%-32s", svc.name.in(s.lang).c_str());
        ImGui::SameLine(300);
        if (knownLevel >= 0) ImGui::ProgressBar(knownLevel, ImVec2(180, 0));
        else ImGui::TextUnformatted(s.t("okänt", "unknown"));
        if (s.control) {
            ImGui::SameLine(300 + 190);
            ImGui::ProgressBar(static_cast<float>(w->level(i)), ImVec2(180, 0));
        }
    }
    if (s.control && w->samples() > 1) {
        std::vector<float> hazard;
        for (std::size_t i = 0; i < w->samples(); ++i) hazard.push_back(w->sampledIntensity(i, 0));
        ImGui::PlotLines(w->spec().hazards.empty() ? "" : w->spec().hazards[0].name.in(s.lang).c_str(), hazard.data(),
                         static_cast<int>(hazard.size()), 0, nullptr, 0.0f, FLT_MAX, ImVec2(0, 80));
    }
}

}  // namespace samverkan::gui
