#include <imgui.h>
#include "sim/scenario/InputFile.hpp"
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "gui/views/Views.hpp"

namespace samverkan::gui {

bool StartPanel::draw(Session& s, const std::vector<std::string>& shipped) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("start", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBackground);
    ImGui::SetWindowFontScale(1.6f);
    ImGui::TextUnformatted("Samverkan");
    ImGui::SetWindowFontScale(1.0f);
    ImGui::TextUnformatted(s.t("Övning i regional samverkan", "Exercise in regional crisis cooperation"));
    ImGui::Separator();

    ImGui::TextUnformatted(s.t("Språk", "Language"));
    ImGui::SameLine();
    if (ImGui::RadioButton("Svenska", s.lang == model::Lang::sv)) s.lang = model::Lang::sv;
    ImGui::SameLine();
    if (ImGui::RadioButton("English", s.lang == model::Lang::en)) s.lang = model::Lang::en;

    ImGui::TextUnformatted(s.t("Scenario", "Scenario"));
    // The shipped scenarios by their titles, read once.
    if (titlesFor != shipped) {
        titlesFor = shipped;
        titles.clear();
        for (const auto& path : shipped) {
            const auto loaded = scenario::loadScenario(path);
            const auto name = std::filesystem::path(path).stem().string();
            titles.push_back(loaded.ok() ? loaded.value->title : model::Text{name, name});
        }
    }
    for (std::size_t i = 0; i < shipped.size(); ++i) {
        const std::string label = titles[i].in(s.lang) + "##" + shipped[i];
        if (ImGui::RadioButton(label.c_str(), s.scenarioPath == shipped[i])) s.load(shipped[i]);
    }
    ImGui::InputText(s.t("Annan fil", "Other file"), &otherFile);
    ImGui::SameLine();
    if (ImGui::Button(s.t("Öppna", "Open"))) s.load(otherFile);

    if (!s.diagnostics.empty()) {
        ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", s.t("Scenariot kunde inte läsas:", "The scenario could not be read:"));
        ImGui::BeginChild("diagnostics", ImVec2(0, 200), true);
        for (const auto& d : s.diagnostics) ImGui::TextWrapped("%s", d.str().c_str());
        ImGui::EndChild();
    }
    // Resume an exercise after a crash or a kill: every journal in the working folder is offered.
    std::vector<std::string> journals;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(".", ec))
        if (entry.path().extension() == ".jsonl") journals.push_back(entry.path().filename().string());
    std::sort(journals.begin(), journals.end());
    if (!journals.empty() && ImGui::TreeNode(s.t("Återuppta en övning från dess journal", "Resume an exercise from its journal"))) {
        for (const auto& j : journals) {
            if (ImGui::SmallButton((std::string(s.t("Återuppta", "Resume")) + "##" + j).c_str())) s.resume(j);
            ImGui::SameLine();
            ImGui::TextUnformatted(j.c_str());
        }
        ImGui::TreePop();
    }
    if (!s.scenario) {
        ImGui::End();
        return false;
    }
    ImGui::Separator();
    ImGui::Text("%s", s.scenario->title.in(s.lang).c_str());
    ImGui::TextWrapped("%s", s.scenario->summary.in(s.lang).c_str());
    ImGui::TextUnformatted(s.t("Spel för övriga roller", "Play for the other roles"));
    // The doctrine first where there is one: the simulated actors respond to what the trainees do.
    if (!s.scenario->behaviour.empty() &&
        ImGui::RadioButton(s.t("Aktörerna följer sin doktrin och svarar på vad de övande gör##play-doctrine",
                               "The actors follow their doctrine and respond to what the trainees do##play-doctrine"),
                           s.playName == scenario::kDoctrinePlay))
        s.playName = scenario::kDoctrinePlay;
    // Each play by what it is, as its description says; its id stays the widget's key.
    for (const auto& p : s.scenario->plays) {
        const std::string label = (p.description.empty() ? p.name : p.description.in(s.lang)) + "##play-" + p.name;
        if (ImGui::RadioButton(label.c_str(), s.playName == p.name)) s.playName = p.name;
    }
    ImGui::TextUnformatted(s.t("Läge", "Mode"));
    ImGui::SameLine();
    if (ImGui::RadioButton(s.t("Övningsdeltagare", "Trainee"), !s.control)) s.control = false;
    ImGui::SameLine();
    if (ImGui::RadioButton(s.t("Övningsledning", "Exercise control"), s.control)) s.control = true;
    const auto& region = s.scenario->region;
    const auto seatBoxes = [&](const std::string& except) {
        for (const auto& a : region.actors) {
            if (a.id == except) continue;
            bool seated = std::find(s.seats.begin(), s.seats.end(), a.id) != s.seats.end();
            if (ImGui::Checkbox(a.name.in(s.lang).c_str(), &seated)) {
                if (seated) s.seats.push_back(a.id);
                else s.seats.erase(std::find(s.seats.begin(), s.seats.end(), a.id));
            }
        }
    };
    if (!s.control) {
        if (ImGui::BeginCombo(s.t("Roll", "Role"), actorName(s, s.role).c_str())) {
            for (const auto& a : region.actors) {
                const std::string label = a.id == region.convener
                                              ? a.name.in(s.lang) + s.t(" – tjänsteman i beredskap", " – duty officer")
                                              : a.name.in(s.lang);
                if (ImGui::Selectable(label.c_str(), s.role == a.id)) s.role = a.id;
            }
            ImGui::EndCombo();
        }
        // More roles at the same screen (hot seat).
        if (ImGui::TreeNode(s.t("Fler roller vid samma skärm", "More roles at the same screen"))) {
            seatBoxes(s.role);
            ImGui::TreePop();
        }
    } else if (ImGui::TreeNode(s.t("Roller som övningsdeltagare har (simulatorn spelar övriga)",
                                   "Roles trainees hold (the simulator plays the rest)"))) {
        seatBoxes("");
        ImGui::TreePop();
    }
    // A journal name of its own for each new exercise, so that starting one never overwrites another's.
    if (journalNamedFor != s.scenario->id) {
        journalNamedFor = s.scenario->id;
        journal = keepJournalName ? s.journalPath : std::string{};
        for (int n = 1; journal.empty() || (!keepJournalName && scenario::pathExists(journal)); ++n)
            journal = s.scenario->id + "-" + std::to_string(n) + ".jsonl";
    }
    ImGui::InputText(s.t("Journalen skrivs till", "The journal is written to"), &journal);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", s.t("Länsstyrelsens dokumentation: skrivs medan övningen pågår, så att den kan återupptas efter ett avbrott.",
                                    "Länsstyrelsen's documentation: written as the exercise runs, so that it can be resumed after a crash."));
    s.journalPath = journal;
    if (scenario::pathExists(s.journalPath))
        ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", s.t("Filen finns redan och skrivs över.", "The file exists and will be overwritten."));
    const bool start = ImGui::Button(s.t("Starta övningen", "Start the exercise"), ImVec2(260, 0));
    ImGui::End();
    return start;
}

}  // namespace samverkan::gui
