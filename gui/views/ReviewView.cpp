#include <imgui.h>

#include <cstdio>

#include "gui/views/Views.hpp"
#include "sim/exercise/Files.hpp"
#include "sim/eval/Findings.hpp"
#include "sim/eval/Metrics.hpp"
#include "sim/eval/Report.hpp"

namespace samverkan::gui {

namespace {
ImVec4 statusColour(eval::Status s) {
    switch (s) {
        case eval::Status::onTime: return {0.1f, 0.5f, 0.1f, 1};
        case eval::Status::late: return {0.8f, 0.45f, 0.05f, 1};
        case eval::Status::missing: return {0.75f, 0.1f, 0.1f, 1};
        case eval::Status::unexpected: return {0.4f, 0.4f, 0.4f, 1};
    }
    return {0, 0, 0, 1};
}
}  // namespace

// The after-action review: score, objectives, findings and metrics, with exports.
void drawReview(Session& s) {
    // Evaluating scans the whole journal: do it again only when the journal has grown.
    static const exercise::Exercise* evaluatedRun = nullptr;
    static std::size_t evaluatedEntries = 0;
    static eval::Evaluation ev;
    static eval::Metrics m;
    if (evaluatedRun != s.run.get() || evaluatedEntries != s.run->journal().entries().size()) {
        ev = eval::evaluate(*s.run);
        m = eval::measure(*s.run);
        evaluatedRun = s.run.get();
        evaluatedEntries = s.run->journal().entries().size();
    }
    char score[32];
    std::snprintf(score, sizeof score, "%.0f/100", ev.score);
    ImGui::SetWindowFontScale(1.5f);
    ImGui::Text("%s %s", s.t("Poäng", "Score"), score);
    ImGui::SetWindowFontScale(1.0f);
    ImGui::TextWrapped("%s", ev.explanation.in(s.lang).c_str());
    const std::string stem = s.scenario->id + "-" + s.playName;
    std::string error;
    if (ImGui::Button(s.t("Exportera rapport (HTML)", "Export report (HTML)"))) {
        const std::string path = stem + "-report.html";
        s.lastAnswer = exercise::writeFileAtomically(path, eval::reportHtml(*s.run, s.lang), error) ? path : error;
    }
    ImGui::SameLine();
    if (ImGui::Button(s.t("Exportera journal", "Export journal"))) {
        const std::string path = stem + "-journal.jsonl";
        s.lastAnswer = exercise::writeFileAtomically(path, s.run->journal().text(), error) ? path : error;
    }
    if (!s.lastAnswer.empty()) ImGui::TextUnformatted(s.lastAnswer.c_str());
    ImGui::Separator();
    ImGui::TextUnformatted(s.t("Förväntade åtgärder", "Expected actions"));
    for (const auto& f : ev.findings) ImGui::TextColored(statusColour(f.status), "%-10s %s", eval::statusName(f.status), f.text.in(s.lang).c_str());
    ImGui::Separator();
    ImGui::TextUnformatted(s.t("Mätvärden", "Metrics"));
    for (const auto& a : m.activations)
        ImGui::BulletText("%s: %s", a.label.in(s.lang).c_str(), engine::formatElapsed(a.sinceSignal).c_str());
    ImGui::BulletText("%s: %d / %d", s.t("Kontaktytor bilaterala / i forum", "Contacts bilateral / in forums"), m.bilateralContacts, m.forumContacts);
    for (const auto& o : m.outcomes) ImGui::BulletText("%s: %.0f %s", o.name.in(s.lang).c_str(), o.value, o.unit.c_str());
}

}  // namespace samverkan::gui
