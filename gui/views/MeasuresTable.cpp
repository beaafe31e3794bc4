// The review's table of the measures decided: when, by whom, where, with what parameters, how far
// they were carried out, and the modelled effect that took hold.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "gui/views/Measures.hpp"
#include "sim/eval/DecidedMeasures.hpp"
#include "gui/views/Widgets.hpp"

namespace samverkan::gui {

namespace {

bool isDecision(const protocol::JournalEntry& e) {
    return e.kind == protocol::Kind::decisionAgreed || e.kind == protocol::Kind::ownDecision;
}

std::string percent(double x) {
    return std::to_string(static_cast<int>(std::lround(x * 100))) + " %";
}

}  // namespace

std::vector<std::string> decidingActors(const Session& s) {
    std::vector<std::string> out;
    for (const auto& e : s.run->journal().entries())
        if (const auto* d = e.as<protocol::Decided>(); d != nullptr && isDecision(e))
            if (std::find(out.begin(), out.end(), d->by) == out.end()) out.push_back(d->by);
    return out;
}

std::vector<MeasureRow> measureRows(const Session& s, const std::string& by) {
    std::vector<MeasureRow> rows;
    const auto& r = s.run->renderer();
    const auto* w = s.run->world();
    for (const auto& d : eval::decidedMeasures(*s.run, by)) {
        MeasureRow row;
        row.t = d.t;
        row.by = d.by;
        row.when = engine::formatElapsed(d.t);
        row.who = r.actor(d.by).in(s.lang);
        row.forum = d.forum.empty() ? s.t("ensam, i egen organisation", "alone, in its own organisation") : r.forum(d.forum).in(s.lang);
        row.measure = d.measure.empty() ? s.t("ingen åtgärd (information)", "no measure (information)") : r.measure(d.measure).in(s.lang);
        row.params = d.measure.empty() ? std::string("–") : r.measureArgs(d.measure, d.args).in(s.lang);
        if (row.params.empty()) row.params = "–";
        row.carriedOut = std::to_string(d.carriedOut) + " / " + std::to_string(d.actors);
        if (d.measure.empty()) {
            row.effect = s.t("ingen modellerad effekt", "no modelled effect");
        } else if (d.carriedOut == 0) {
            row.effect = s.t("inte genomförd än", "not carried out yet");
        } else if (d.effects.empty() || w == nullptr) {
            row.effect = s.t("ingen verkan: för sent", "no effect: too late");
        } else {
            for (const auto& took : d.effects) {
                if (!row.effect.empty()) row.effect += "; ";
                row.effect += w->spec().effects[took.effect].label.in(s.lang) + " – " + s.t("styrka ", "strength ") +
                              percent(took.strength) + ", " +
                              (took.timeliness >= 0.999 ? s.t("full", "full") : s.t("minskad, kom sent", "reduced, came late"));
            }
        }
        if (!d.measure.empty())
            for (const auto& m : s.scenario->measures)
                if (m.id == d.measure)
                    for (const auto& claim : m.claims)
                        row.effect += std::string("\n→ ") + r.outcome(claim.outcome).in(s.lang) +
                                      (claim.direction == model::Direction::down ? " ↓" : " ↑");
        rows.push_back(std::move(row));
    }
    return rows;
}

void ReviewPanel::drawMeasures(const Session& s) {
    // Exercise control can look at one actor's decisions at a time.
    const auto actors = decidingActors(s);
    std::string by;
    if (s.control) {
        std::vector<std::string> choices{""};
        choices.insert(choices.end(), actors.begin(), actors.end());
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
        idCombo(s.t("Aktör", "Actor"), choices, measuresBy, [&](const std::string& id) {
            return id.empty() ? std::string(s.t("alla aktörer", "all actors")) : actorName(s, id);
        });
        by = choices[static_cast<std::size_t>(std::clamp(measuresBy, 0, static_cast<int>(choices.size()) - 1))];
    }
    const auto rows = measureRows(s, by);
    if (rows.empty()) {
        ImGui::TextDisabled("%s", s.t("Inga beslut ännu.", "No decisions yet."));
        return;
    }
    const auto flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_Resizable |
                       ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("measures", 7, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(s.t("När", "When"), ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("+1d12:00").x);
    ImGui::TableSetupColumn(s.t("Av", "By"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(s.t("Forum", "Forum"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn(s.t("Åtgärd", "Measure"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(s.t("Parametrar", "Parameters"), ImGuiTableColumnFlags_WidthStretch, 1.35f);
    ImGui::TableSetupColumn(s.t("Utfört", "Done"), ImGuiTableColumnFlags_WidthFixed,
                            std::max(ImGui::CalcTextSize(s.t("Utfört", "Done")).x, ImGui::CalcTextSize("26 / 26").x));
    ImGui::TableSetupColumn(s.t("Modellerad effekt", "Modelled effect"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableHeadersRow();
    for (const auto& row : rows) {
        ImGui::TableNextRow();
        for (const auto* cell :
             {&row.when, &row.who, &row.forum, &row.measure, &row.params, &row.carriedOut, &row.effect}) {
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", cell->c_str());
        }
    }
    ImGui::EndTable();
}

}  // namespace samverkan::gui
