#include <imgui.h>

#include <algorithm>
#include <initializer_list>
#include <string>

#include "gui/views/Views.hpp"
#include "gui/views/Widgets.hpp"

namespace samverkan::gui {

namespace {

struct Line {
    const char *sv, *en;
};

void section(const Session& s, const char* sv, const char* en, std::initializer_list<Line> lines) {
    if (!marked(ImGui::CollapsingHeader(s.t(sv, en), ImGuiTreeNodeFlags_DefaultOpen), std::string("help:") + en)) return;
    // A bullet with its text wrapped beside it (a wrapped text block keeps the x it starts at).
    for (const auto& l : lines) {
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextWrapped("%s", s.t(l.sv, l.en));
    }
}

}  // namespace

void drawHelp(const Session& s, bool* open) {
    if (!*open) return;
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(std::min(720.0f, size.x - 40), size.y - 120), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(size.x / 2, size.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::Begin(s.t("Hjälp (F1)###help", "Help (F1)###help"), open, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    mark("help");
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn(s.t("Tangent", "Key"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8);
        ImGui::TableSetupColumn(s.t("Gör", "Does"));
        ImGui::TableHeadersRow();
        const Line keys[][2] = {
            {{"Mellanslag", "Space"}, {"Spela eller pausa klockan", "Play or pause the clock"}},
            {{"1 2 3 4", "1 2 3 4"}, {"Klockan går 1×, 10×, 60× eller 600× (och spelar)", "The clock runs at 1×, 10×, 60× or 600× (and plays)"}},
            {{"N", "N"}, {"Till nästa händelse", "On to the next event"}},
            {{"F1", "F1"}, {"Öppna eller stäng den här hjälpen", "Open or close this help"}},
        };
        for (const auto& k : keys) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.t(k[0].sv, k[0].en));
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", s.t(k[1].sv, k[1].en));
        }
        ImGui::EndTable();
    }
    ImGui::TextDisabled("%s", s.t("Tangenterna verkar inte medan du skriver i ett fält.", "The keys do nothing while you type in a field."));
    ImGui::Spacing();
    section(s, "Översta raden", "Top bar",
            {{"Klockan i scenariots tid och tiden sedan start. Övningen börjar pausad och är pausad efter en återupptagning tills du trycker Spela.",
              "The clock in the scenario's time and the time since the start. The exercise starts paused, and is paused after a resume, until you press Play."},
             {"Övningsledningen hoppar framåt: +30h (från start), 14:00 (nästa gång klockan visar det) eller 2026-01-15 14:00; svaret säger hur tiden lästes.",
              "Exercise control jumps forward: +30h (from the start), 14:00 (the next time the clock shows it) or 2026-01-15 14:00; the answer says how the time was read."}});
    section(s, "Forum", "Forums",
            {{"Tre nivåer – inriktande, samordnande, verkställande – med var sitt forum i ordinarie och aktiverat läge (R1, R2).",
              "Three levels – directing, coordinating, executive – each with a forum in ordinary and in activated mode (R1, R2)."},
             {"Under varje deltagare: funktion och mandat; den som saknar mandat stämmer av med hemorganisationen (R3, R4). Länsstyrelsen leder det första mötet, som beslutar om ordförande (R7).",
              "Under each member: function and mandate; one without the mandate consults the home organisation (R3, R4). Länsstyrelsen leads the first meeting, which decides the chair (R7)."}});
    section(s, "Lägesbild och karta", "Situational picture and map",
            {{"Den samlade lägesbilden byggs bara av det som rapporterats till ett forum du sitter i; det du inte fått veta visas som okänt. Övningsledningen ser också verkligt läge.",
              "The joint situational picture is built only from what was reported to a forum you sit in; what you have not been told shows as unknown. Exercise control also sees the true state."},
             {"Färgskalan går från mörklila (utslagen, svår påverkan) till gult (normalt) och går att läsa även med nedsatt färgseende; värdet står skrivet.",
              "The colour scale runs from dark purple (down, severe impact) to yellow (normal) and reads with impaired colour vision too; the value is written."}});
    section(s, "Tidslinje och journal", "Timeline and journal",
            {{"Länsstyrelsen dokumenterar allt (R7); du ser de poster som nått din roll. Liknande poster samlas på en rad och kan fällas ut; filtrera på aktör, forum och slag.",
              "Länsstyrelsen documents everything (R7); you see the entries that reached your role. Alike entries are gathered on one row that opens; filter by actor, forum and kind."},
             {"De förväntade åtgärdernas fönster visas för övningsledningen och för alla när övningen är slut.",
              "The expected actions' windows show for exercise control, and for everyone once the exercise has ended."}});
    section(s, "Inkorg och åtgärder", "Inbox and actions",
            {{"Inkorgen håller inspel, larm och information till din roll; olästa förblir olästa också efter en återupptagning. Mina åtgärder visar varje åtgärd med svaret.",
              "The inbox holds injects, alerts and information to your role; unread stays unread after a resume too. My actions lists each action with its answer."},
             {"Alla aktörer kan begära aktivering; Länsstyrelsen kontaktas och sammankallar (R5, R6); det samordnande forumet aktiveras normalt först (R8).",
              "Any actor may ask for activation; Länsstyrelsen is contacted and convenes (R5, R6); the coordinating forum is normally activated first (R8)."},
             {"Bjud in de berörda och kalla in fler när händelsen utvecklas (R9). Besluten fattas av varje aktör i egen organisation (R10); det samordnande forumet arbetar inom det inriktandes ramar (R11).",
              "Invite the affected actors and call in more as the event develops (R9). Decisions are taken by each actor in its own organisation (R10); the coordinating forum works within the directing forum's frames (R11)."},
             {"Ett gemensamt budskap genom forumet i stället för var och ens eget, och färre samtidiga kontaktytor (R15). Svaret på varje åtgärd står under knapparna, med skäl och regel när den avvisas.",
              "One joint message through the forum instead of each actor's own, and fewer simultaneous contact surfaces (R15). The answer to each action stands under its buttons, with the reason and the rule when refused."}});
    ImGui::End();
}

}  // namespace samverkan::gui
