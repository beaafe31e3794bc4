#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "gui/views/Views.hpp"
#include "sim/exercise/Files.hpp"
#include "sim/eval/Findings.hpp"
#include "sim/eval/Format.hpp"
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

// Steps through the journal entry by entry: the cooperation as it stood at each entry's time (the
// run forked there, so it is the same simulation, not a reconstruction), the entries leading up to
// it, and the services' true levels then.
void ReviewPanel::drawReplay(Session& s) {
    const auto& entries = s.run->journal().entries();
    // The run has gone on since the fork: fork again (a new run starts the panel afresh, App::frame).
    if (sourceEntries != entries.size()) sourceEntries = entries.size(), shown = -1;
    const int last = static_cast<int>(entries.size()) - 1;
    if (ImGui::Button("|<")) index = 0;
    ImGui::SameLine();
    if (ImGui::ArrowButton("back", ImGuiDir_Left)) index = std::max(0, index - 1);
    ImGui::SameLine();
    if (ImGui::Button(playing ? s.t("Paus", "Pause") : s.t("Spela", "Play"))) playing = !playing;
    ImGui::SameLine();
    if (ImGui::ArrowButton("forward", ImGuiDir_Right)) index = std::min(last, index + 1);
    ImGui::SameLine();
    if (ImGui::Button(">|")) index = last;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderInt("##entry", &index, 0, last, s.t("post %d", "entry %d"));
    if (playing) {
        playClock += ImGui::GetIO().DeltaTime;
        if (playClock >= 0.5) playClock = 0, index = std::min(last, index + 1);
        if (index == last) playing = false;
    }
    index = std::clamp(index, 0, last);
    const auto& entry = entries[static_cast<std::size_t>(index)];
    if (shown != index) {
        stepped.lang = s.lang;
        stepped.control = true;
        if (!stepped.scenario || stepped.scenario->id != s.scenario->id) stepped.scenario = std::make_unique<scenario::Scenario>(*s.scenario);
        stepped.run = s.run->fork(entry.t);
        shown = index;
    }
    stepped.lang = s.lang;
    ImGui::Text("%s  %s  %s", engine::formatClock(s.scenario->start, entry.t).c_str(), engine::formatElapsed(entry.t).c_str(),
                render::Renderer::kindLabel(entry.kind).in(s.lang).c_str());
    ImGui::TextWrapped("%s", s.run->renderer().event(entry).in(s.lang).c_str());
    ImGui::Separator();
    const float half = ImGui::GetContentRegionAvail().x / 2;
    ImGui::BeginChild("replay-forums", ImVec2(half, 0), true);
    drawForumBoard(stepped);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("replay-entries", ImVec2(0, 0), true);
    ImGui::TextUnformatted(s.t("Journalen fram till hit", "The journal up to here"));
    for (int k = std::max(0, index - 12); k <= index; ++k) {
        const auto& e = entries[static_cast<std::size_t>(k)];
        const auto text = engine::formatElapsed(e.t) + "  " + s.run->renderer().event(e).in(s.lang);
        if (k == index) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.1f, 0.3f, 0.7f, 1));
        ImGui::TextWrapped("%s", text.c_str());
        if (k == index) ImGui::PopStyleColor();
    }
    if (const auto* w = s.run->world()) {
        ImGui::Separator();
        ImGui::TextUnformatted(s.t("Samhällsfunktioner (verkligt läge då)", "Services (true level then)"));
        for (std::size_t i = 0; i < w->spec().services.size(); ++i) {
            ImGui::ProgressBar(static_cast<float>(w->levelAt(i, entry.t)), ImVec2(120, 0));
            ImGui::SameLine();
            ImGui::TextUnformatted(w->spec().services[i].name.in(s.lang).c_str());
        }
    }
    ImGui::EndChild();
}

std::string defaultExportFolder(const Session& s, const std::string& home) {
    namespace fs = std::filesystem;
    if (!s.journalPath.empty()) return fs::absolute(fs::path(s.journalPath)).parent_path().lexically_normal().string();
    return (fs::path(home.empty() ? fs::temp_directory_path().string() : home) / "samverkan").lexically_normal().string();
}

std::string exportPath(const Session& s, const std::string& folder, std::time_t when, const std::string& suffix) {
    std::tm local{};
    localtime_r(&when, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M", &local);
    const std::string who = s.control && s.actsAs.empty() ? "control" : s.actingRole();
    const std::string name = (s.scenario ? s.scenario->id : std::string("exercise")) + "-" + who + "-" + stamp + "-" + suffix;
    return (std::filesystem::absolute(std::filesystem::path(folder)) / name).lexically_normal().string();
}

namespace {

// Writes `text` to an export file in `folder` (made if it is not there); the answer says where, or why not.
void exportTo(Session& s, const std::string& folder, const std::string& suffix, const std::string& text) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    const auto path = exportPath(s, folder, std::time(nullptr), suffix);
    std::string error;
    s.notify("export", exercise::writeFileAtomically(path, text, error) ? std::string(s.t("Sparad: ", "Saved: ")) + path : error);
}

void drawResults(Session& s, std::string& folder) {
    const auto& ev = s.assessment().evaluation;
    const auto& m = s.assessment().metrics;
    char score[32];
    std::snprintf(score, sizeof score, "%.0f/100", ev.score);
    ImGui::SetWindowFontScale(1.5f);
    ImGui::Text("%s %s", s.t("Poäng", "Score"), score);
    ImGui::SetWindowFontScale(1.0f);
    ImGui::TextWrapped("%s", ev.explanation.in(s.lang).c_str());
    // The exports go to a folder the user sees and can change, beside the journal by default.
    const char* home = std::getenv("HOME");
    if (folder.empty()) folder = defaultExportFolder(s, home != nullptr ? home : "");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(s.t("Exportera till", "Export to"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputText("##exportfolder", &folder);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", s.t("Mappen exporterna sparas i (namngivna efter scenario, roll och tid).",
                                    "The folder the exports are saved in (named by scenario, role and time)."));
    if (ImGui::Button(s.t("Exportera rapport (HTML)", "Export report (HTML)"))) exportTo(s, folder, "report.html", eval::reportHtml(*s.run, s.lang));
    ImGui::SameLine();
    if (ImGui::Button(s.t("Exportera journal", "Export journal"))) exportTo(s, folder, "journal.jsonl", s.run->journal().text());
    if (s.noticeFrom == "export") ImGui::TextWrapped("%s", s.notice.c_str());
    ImGui::Separator();
    ImGui::TextUnformatted(s.t("Förväntade åtgärder", "Expected actions"));
    for (const auto& f : ev.findings) ImGui::TextColored(statusColour(f.status), "%-10s %s",
                                                           render::Renderer::findingStatus(eval::statusName(f.status)).in(s.lang).c_str(),
                                                           f.text.in(s.lang).c_str());
    ImGui::Separator();
    ImGui::TextUnformatted(s.t("Mätvärden", "Metrics"));
    for (const auto& a : m.activations)
        ImGui::BulletText("%s: %s", a.label.in(s.lang).c_str(), engine::formatElapsed(a.sinceSignal).c_str());
    ImGui::BulletText("%s: %d / %d", s.t("Kontaktytor bilaterala / i forum", "Contacts bilateral / in forums"), m.bilateralContacts, m.forumContacts);
    for (const auto& o : m.outcomes)
        ImGui::BulletText("%s: %s %s", o.name.in(s.lang).c_str(), eval::grouped(o.value).c_str(), o.unit.c_str());
}

}  // namespace

// The after-action review: score, objectives, findings and metrics, with exports; and the replay.
void ReviewPanel::draw(Session& s) {
    if (!ImGui::BeginTabBar("review")) return;
    if (ImGui::BeginTabItem(s.t("Resultat", "Results"))) {
        drawResults(s, exportFolder);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(s.t("Tidslinje mot förväntade fönster", "Timeline against expected windows"))) {
        ImGui::BeginChild("review-timeline");
        drawTimeline(s);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(s.t("Beslutade åtgärder", "Measures decided"), nullptr,
                            s.reviewFirst == "measures" ? ImGuiTabItemFlags_SetSelected : 0)) {
        if (s.reviewFirst == "measures") s.reviewFirst.clear();
        drawMeasures(s);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(s.t("Återuppspelning", "Replay"), nullptr, s.reviewFirst == "replay" ? ImGuiTabItemFlags_SetSelected : 0)) {
        if (s.reviewFirst == "replay") s.reviewFirst.clear();
        drawReplay(s);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace samverkan::gui
