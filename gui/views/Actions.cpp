#include <imgui.h>

#include "gui/views/Views.hpp"

namespace samverkan::gui {

namespace {
void tooltip(const char* text) {
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}
}  // namespace

// What the role may do; each action is a Command, and the answer shows below.
void drawActions(Session& s) {
    const auto& region = s.scenario->region;
    const std::string role = s.actingRole();
    ImGui::TextUnformatted(s.t("Åtgärder", "Actions"));
    static int forumChoice = 0;
    std::vector<std::string> activated;
    for (const auto& f : region.forums)
        if (f.mode == model::Mode::activated) activated.push_back(f.id);
    if (forumChoice >= static_cast<int>(activated.size())) forumChoice = 0;
    if (ImGui::BeginCombo(s.t("Forum", "Forum"), forumName(s, activated[static_cast<std::size_t>(forumChoice)]).c_str())) {
        for (std::size_t i = 0; i < activated.size(); ++i)
            if (ImGui::Selectable(forumName(s, activated[i]).c_str(), forumChoice == static_cast<int>(i))) forumChoice = static_cast<int>(i);
        ImGui::EndCombo();
    }
    const std::string& forum = activated[static_cast<std::size_t>(forumChoice)];
    if (ImGui::Button(s.t("Begär aktivering", "Ask for activation")))
        s.submit(protocol::RequestActivation{role, forum, "", {}});
    tooltip(s.t("Alla aktörer kan begära aktivering; Länsstyrelsen kontaktas och sammankallar (R6).",
                "Any actor may ask for activation; Länsstyrelsen is contacted and convenes (R6)."));
    ImGui::SameLine();
    if (ImGui::Button(s.t("Sammankalla (telefon)", "Convene (telephone)")))
        s.submit(protocol::Convene{role, forum, "telephone", 0, {}});
    tooltip(s.t("Bara Länsstyrelsen sammankallar forum och leder det första mötet (R5, R7).",
                "Only Länsstyrelsen convenes forums and leads the first meeting (R5, R7)."));
    ImGui::SameLine();
    if (ImGui::Button(s.t("Avaktivera", "Deactivate"))) s.submit(protocol::Deactivate{role, forum});
    tooltip(s.t("Ordföranden eller Länsstyrelsen återför forumet till ordinarie läge.",
                "The chair or Länsstyrelsen returns the forum to ordinary mode."));

    static int actorChoice = 0;
    if (actorChoice >= static_cast<int>(region.actors.size())) actorChoice = 0;
    const auto& actor = region.actors[static_cast<std::size_t>(actorChoice)];
    if (ImGui::BeginCombo(s.t("Aktör", "Actor"), actor.name.in(s.lang).c_str())) {
        for (std::size_t i = 0; i < region.actors.size(); ++i)
            if (ImGui::Selectable(region.actors[i].name.in(s.lang).c_str(), actorChoice == static_cast<int>(i))) actorChoice = static_cast<int>(i);
        ImGui::EndCombo();
    }
    if (ImGui::Button(s.t("Kalla in", "Call in"))) s.submit(protocol::CallIn{role, forum, actor.id});
    tooltip(s.t("Anpassad sammansättning: kalla in berörda aktörer (R9).", "Adapted composition: call in the affected actors (R9)."));
    ImGui::SameLine();
    if (ImGui::Button(s.t("Släpp", "Release"))) s.submit(protocol::Release{role, forum, actor.id});
    tooltip(s.t("Sammansättningen prövas löpande (R9).", "The composition is re-analysed continuously (R9)."));
    ImGui::SameLine();
    if (ImGui::Button(s.t("Välj till ordförande", "Make chair"))) s.submit(protocol::SetChair{role, forum, actor.id});
    tooltip(s.t("Första mötet beslutar om ordförandeskapet, som kan skifta (R7).", "The first meeting decides the chair, which may change (R7)."));

    static char message[400] = "";
    ImGui::InputTextMultiline("##message", message, sizeof message, ImVec2(-1, 60));
    if (ImGui::Button(s.t("Skicka gemensamt budskap", "Send joint public message")) && message[0] != 0)
        s.submit(protocol::SendPublicMessage{role, forum, {message, message}});
    tooltip(s.t("Ett gemensamt budskap genom forumet i stället för var och ens eget (R15).",
                "One joint message through the forum instead of each actor's own (R15)."));
    if (s.control) {
        // Exercise control: deliver a scenario inject now, or a free text to the chosen actor.
        ImGui::Separator();
        ImGui::TextUnformatted(s.t("Övningsledningens inspel", "Exercise control's injects"));
        for (const auto& inject : s.scenario->injects) {
            const std::string label = inject.id + "##inject";
            if (ImGui::SmallButton(label.c_str())) s.submit(protocol::ControlInject{protocol::kControl, inject.id, {}, {}});
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", inject.text.in(s.lang).c_str());
            ImGui::SameLine();
        }
        ImGui::NewLine();
        static char injectText[300] = "";
        ImGui::InputText("##inject", injectText, sizeof injectText);
        ImGui::SameLine();
        if (ImGui::Button(s.t("Skicka inspel", "Send inject")) && injectText[0] != 0)
            s.submit(protocol::ControlInject{protocol::kControl, "", {actor.id}, {injectText, injectText}});
    }
    if (!s.lastAnswer.empty()) ImGui::TextWrapped("%s", s.lastAnswer.c_str());
}

}  // namespace samverkan::gui
