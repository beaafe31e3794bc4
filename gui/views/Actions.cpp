#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "gui/views/Widgets.hpp"

namespace samverkan::gui {

namespace {

// At most `chars` characters of `text` (not bytes), cut at a space, with an ellipsis when cut.
std::string firstWords(const std::string& text, std::size_t chars) {
    std::size_t count = 0, cut = std::string::npos;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (text[i] == ' ') cut = i;
        if (++count > chars) return text.substr(0, cut == std::string::npos ? i : cut) + "…";
    }
    return text;
}

// The priority lists the scenario's resources are shared out by, each with its current order:
// the latest one a forum set, or the resource's default.
std::vector<ListDraft> currentLists(const Session& s) {
    std::vector<ListDraft> lists;
    const auto* w = s.run->world();
    if (w == nullptr) return lists;
    for (const auto& r : w->spec().resources) {
        if (r.list.empty() || std::any_of(lists.begin(), lists.end(), [&](const ListDraft& d) { return d.list == r.list; })) continue;
        ListDraft d{r.list, r.defaultOrder};
        for (const auto& p : s.run->cooperation().priorities())
            if (p.list == r.list) d.order = p.order;
        lists.push_back(std::move(d));
    }
    return lists;
}

std::vector<std::string> ids(const std::vector<model::Actor>& actors) {
    std::vector<std::string> out;
    for (const auto& a : actors) out.push_back(a.id);
    return out;
}

// The role's observations that are newer than what it last reported: what a report would add.
void drawUnreported(const Session& s, const std::string& role) {
    const auto* w = s.run->world();
    if (w == nullptr) return;
    bool observes = false;
    for (std::size_t sv = 0; sv < w->spec().services.size(); ++sv) observes = observes || w->observes(role, sv);
    if (!observes) return;
    const auto open = s.run->unreported(role);
    if (open.empty()) {
        ImGui::TextDisabled("%s", s.t("Alla egna iakttagelser är rapporterade.", "All own observations are reported."));
        return;
    }
    ImGui::TextUnformatted(s.t("Ej rapporterat ännu:", "Not yet reported:"));
    for (const auto sv : open) {
        const auto seen = w->observedBy(role, sv, s.run->now());
        const auto told = s.run->lastReported(role, sv);
        const std::string name = s.run->renderer().service(w->spec().services[sv].id).in(s.lang);
        const int now = static_cast<int>(seen.level * 100 + 0.5);
        if (told.observedAt < 0)
            ImGui::BulletText("%s: %d %% (%s)", name.c_str(), now, s.t("aldrig rapporterad", "never reported"));
        else
            ImGui::BulletText("%s: %d %% (%s %d %%)", name.c_str(), now, s.t("senast rapporterat", "last reported"),
                              static_cast<int>(told.level * 100 + 0.5));
    }
}

}  // namespace

// The alerting chain (förordning 2017:870, 2 §): the role's own functions on call and what they may
// do; alert an actor's function, verify a signal with its source, inform every actor.
void ActionsPanel::drawAlerting(Session& s, const std::string& role, const std::vector<std::string>& actorIds) {
    const auto& region = s.scenario->region;
    const auto me = region.actorIndex(role);
    if (me == model::kNone || region.actors[me].onCall.empty()) return;
    if (!marked(ImGui::CollapsingHeader(s.t("Larmkedjan", "Alerting chain")), "section:alerting")) return;
    for (const auto& f : region.actors[me].onCall) {
        std::string duties;
        for (const auto d : f.duties) duties += (duties.empty() ? "" : ", ") + s.run->renderer().duty(model::dutyName(d)).in(s.lang);
        ImGui::BulletText("%s%s%s", f.function.in(s.lang).c_str(), duties.empty() ? "" : ": ", duties.c_str());
    }
    idCombo(s.t("Aktör##alert", "Actor##alert"), actorIds, alertTo, [&](const std::string& id) { return actorName(s, id); });
    const auto& target = region.actors[region.actorIndex(actorIds[static_cast<std::size_t>(alertTo)])];
    if (target.onCall.empty()) {
        ImGui::TextDisabled("%s", s.t("Aktören har ingen funktion i beredskap.", "The actor has no function on call."));
    } else {
        std::vector<std::string> duties;
        for (const auto& f : target.onCall) duties.push_back(f.id);
        if (alertDuty >= static_cast<int>(duties.size())) alertDuty = 0;
        idCombo(s.t("Funktion", "Function"), duties, alertDuty,
                [&](const std::string& id) { return target.onCallRole(id)->function.in(s.lang); });
        if (ImGui::Button(s.t("Larma", "Alert")))
            s.submit(protocol::Alert{.by = role, .to = {target.id}, .duty = duties[static_cast<std::size_t>(alertDuty)], .text = {message, message}});
        tooltip(s.t("SOS Alarm larmar tjänstemannen i beredskap; TiB larmar regionens funktioner i beredskap.",
                    "SOS Alarm alerts the duty officer; the TiB alerts the region's functions on call."));
    }
    ImGui::SameLine();
    if (ImGui::Button(s.t("Verifiera med aktören", "Verify with the actor")))
        s.submit(protocol::Verify{.by = role, .with = target.id, .text = {message, message}});
    tooltip(s.t("Tjänstemannen i beredskap kontrollerar uppgiften med källan innan hen larmar och informerar.",
                "The duty officer checks the signal with its source before alerting and informing."));
    if (ImGui::Button(s.t("Informera alla aktörer", "Inform every actor")) && !message.empty())
        s.submit(protocol::Inform{.by = role, .to = {}, .text = {message, message}});
    tooltip(s.t("Informationen når varje aktör när dess funktion i beredskap svarar; skriv texten under Budskap och rapporter.",
                "The information reaches each actor when its function on call answers; write the text under Messages and reports."));
    answerBeside(s, {"alert", "verify", "inform"});
}

// What the role may do; each action is a Command, and the answer shows below.
void ActionsPanel::draw(Session& s) {
    const auto& region = s.scenario->region;
    const std::string role = s.actingRole();
    const auto nameOfForum = [&](const std::string& id) { return forumName(s, id); };
    const auto nameOfActor = [&](const std::string& id) { return actorName(s, id); };

    ImGui::TextUnformatted(s.t("Åtgärder", "Actions"));
    if (s.noticeFrom == "resume" || s.noticeFrom == "inbox") {
        // A resume that left out a cut line says so until the trainee has read it.
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.35f, 0.0f, 1));
        ImGui::TextWrapped("%s", s.notice.c_str());
        ImGui::PopStyleColor();
        if (ImGui::SmallButton(s.t("Uppfattat", "Understood"))) s.noticeFrom.clear(), s.notice.clear();
    }
    if (s.control) {
        // Exercise control may act by hand for any role (e.g. one the simulator does not play well).
        std::vector<std::string> roles{protocol::kControl};
        for (const auto& a : region.actors) roles.push_back(a.id);
        idCombo(s.t("Agera som", "Act as"), roles, actsAs, [&](const std::string& id) {
            return id == protocol::kControl ? std::string(s.t("Övningsledningen", "Exercise control")) : actorName(s, id);
        });
        s.actsAs = actsAs <= 0 ? std::string{} : roles[static_cast<std::size_t>(actsAs)];
    }
    std::vector<std::string> activated;
    for (const auto& f : region.forums)
        if (f.mode == model::Mode::activated) activated.push_back(f.id);
    idCombo(s.t("Forum", "Forum"), activated, forumChoice, nameOfForum);
    const std::string& forum = activated[static_cast<std::size_t>(forumChoice)];
    const auto forumIndex = region.forumIndex(forum);

    if (marked(ImGui::CollapsingHeader(s.t("Aktivering", "Activation"), ImGuiTreeNodeFlags_DefaultOpen), "section:activation")) {
        if (marked(ImGui::Button(s.t("Begär aktivering", "Ask for activation")), "request-activation"))
            s.submit(protocol::RequestActivation{.by = role, .forum = forum, .viaForum = {}, .reason = {}});
        tooltip(s.t("Alla aktörer kan begära aktivering; Länsstyrelsen kontaktas och sammankallar (R6). Det samordnande forumet "
                    "aktiveras normalt först (R8).",
                    "Any actor may ask for activation; Länsstyrelsen is contacted and convenes (R6). The coordinating forum is "
                    "normally activated first (R8)."));
        // Convening: whom to invite, the forum's usual members and its suggestion ticked (R5, R9).
        const auto& state = s.run->cooperation().forum(forumIndex);
        if (role == region.convener || s.control) {
            std::vector<std::string> usual;
            for (const auto& a : region.actors)
                if (!a.outside && a.at(region.forums[forumIndex].level) != nullptr) usual.push_back(a.id);
            for (const auto a : s.run->cooperation().missingFrom(forumIndex))
                if (std::find(usual.begin(), usual.end(), region.actors[a].id) == usual.end()) usual.push_back(region.actors[a].id);
            invite.fillFor(forum + "#" + std::to_string(s.runNumber), usual);
            if (state.status == protocol::ForumStatus::idle) {
                ImGui::TextUnformatted(s.t("Bjud in till det första mötet:", "Invite to the first meeting:"));
                invite.draw(s, "invite", ids(region.actors), 130);
            }
        }
        ImGui::BeginDisabled(invite.chosen.empty() && (role == region.convener || s.control));
        if (marked(ImGui::Button(s.t("Sammankalla", "Convene")), "convene"))
            s.submit(protocol::Convene{
                .by = role, .forum = forum, .medium = medium == 0 ? "telephone" : "physical", .actors = invite.chosen});
        ImGui::EndDisabled();
        tooltip(s.t("Bara Länsstyrelsen sammankallar forum och leder det första mötet (R5, R7).",
                    "Only Länsstyrelsen convenes forums and leads the first meeting (R5, R7)."));
        ImGui::SameLine();
        ImGui::RadioButton(s.t("telefon", "telephone"), &medium, 0);
        ImGui::SameLine();
        ImGui::RadioButton(s.t("fysiskt", "physical"), &medium, 1);
        // Who has joined, and who was called and has not come yet.
        if (state.status != protocol::ForumStatus::idle) {
            std::vector<std::string> joined, waiting;
            for (const auto a : state.members) joined.push_back(region.actors[a].id);
            for (const auto a : state.invited)
                if (!state.has(a)) waiting.push_back(region.actors[a].id);
            ImGui::TextWrapped("%s (%zu): %s", s.t("Anslutna", "Joined"), joined.size(),
                               joined.empty() ? "–" : s.run->renderer().members(joined).in(s.lang).c_str());
            ImGui::TextWrapped("%s (%zu): %s", s.t("Kallade, ännu inte anslutna", "Called, not joined yet"), waiting.size(),
                               waiting.empty() ? "–" : s.run->renderer().members(waiting).in(s.lang).c_str());
        }
        if (marked(ImGui::Button(s.t("Avaktivera", "Deactivate")), "deactivate")) s.submit(protocol::Deactivate{.by = role, .forum = forum});
        tooltip(s.t("Ordföranden eller Länsstyrelsen återför forumet till ordinarie läge (R2).",
                    "The chair or Länsstyrelsen returns the forum to ordinary mode (R2)."));
        answerBeside(s, {"request-activation", "convene", "deactivate"});
    }

    const auto actorIds = ids(region.actors);
    if (marked(ImGui::CollapsingHeader(s.t("Sammansättning", "Composition")), "section:composition")) {
        // Call in more later (R9): the forum's suggestion ticked; those present are not offered.
        std::vector<std::string> absent, suggested;
        for (model::ActorIndex a = 0; a < region.actors.size(); ++a)
            if (!s.run->cooperation().forum(forumIndex).has(a)) absent.push_back(region.actors[a].id);
        for (const auto a : s.run->cooperation().missingFrom(forumIndex)) suggested.push_back(region.actors[a].id);
        callIn.fillFor(forum + "#" + std::to_string(s.runNumber) + "#" + std::to_string(absent.size()) + "#" + std::to_string(suggested.size()),
                       suggested);
        ImGui::TextUnformatted(s.t("Kalla in till forumet:", "Call in to the forum:"));
        callIn.draw(s, "call-in", absent, 110);
        ImGui::BeginDisabled(callIn.chosen.empty());
        if (marked(ImGui::Button(s.t("Kalla in de valda", "Call in those chosen")), "call-in"))
            for (const auto& actor : std::vector<std::string>(callIn.chosen)) s.submit(protocol::CallIn{.by = role, .forum = forum, .actor = actor});
        ImGui::EndDisabled();
        tooltip(s.t("Anpassad sammansättning: kalla in berörda aktörer (R9).", "Adapted composition: call in the affected actors (R9)."));
        idCombo(s.t("Aktör", "Actor"), actorIds, actorChoice, nameOfActor);
        const std::string& actor = actorIds[static_cast<std::size_t>(actorChoice)];
        ImGui::SameLine();
        if (ImGui::Button(s.t("Släpp", "Release")))
            s.submit(protocol::Release{.by = role, .forum = forum, .actor = actor});
        tooltip(s.t("Sammansättningen prövas löpande (R9).", "The composition is re-analysed continuously (R9)."));
        ImGui::SameLine();
        if (ImGui::Button(s.t("Välj till ordförande", "Make chair")))
            s.submit(protocol::SetChair{.by = role, .forum = forum, .actor = actor});
        tooltip(s.t("Första mötet beslutar om ordförandeskapet, som kan skifta (R7).", "The first meeting decides the chair, which may change (R7)."));
        answerBeside(s, {"call-in", "release", "set-chair"});
        const auto missing = s.run->cooperation().missingFrom(forumIndex);
        if (!missing.empty()) {
            std::string names;
            for (const auto a : missing) names += (names.empty() ? "" : ", ") + region.actors[a].name.in(s.lang);
            ImGui::TextWrapped("%s %s", s.t("Forumet föreslår:", "The forum suggests:"), names.c_str());
        }
    }

    decision.draw(s, forum);

    if (marked(ImGui::CollapsingHeader(s.t("Prioriteringar", "Priorities")), "section:priorities")) {
        // Drafts start from the current orders and start again whenever a forum sets one.
        if (draftsFor != s.run->cooperation().priorities().size()) {
            drafts = currentLists(s);
            draftsFor = s.run->cooperation().priorities().size();
        }
        if (drafts.empty()) ImGui::TextDisabled("%s", s.t("Scenariot har inga prioriteringslistor.", "The scenario has no priority lists."));
        for (auto& d : drafts) {
            ImGui::PushID(d.list.c_str());
            ImGui::TextUnformatted(s.run->renderer().list(d.list).in(s.lang).c_str());
            reorderable(s, d);
            if (ImGui::Button(s.t("Fastställ ordningen", "Set this order")))
                s.submit(protocol::SetPriorities{.by = role, .forum = forum, .list = d.list, .order = d.order});
            tooltip(s.t("Dra raderna eller använd pilarna. Det inriktande forumets ordning är en ram som binder det samordnande (R11).",
                        "Drag the rows or use the arrows. The directing forum's order is a frame that binds the coordinating forum (R11)."));
            ImGui::PopID();
        }
        answerBeside(s, {"set-priorities"});
    }

    if (marked(ImGui::CollapsingHeader(s.t("Budskap och rapporter", "Messages and reports")), "section:messages")) {
        // Ready-made messages: those the scenario's plays send, to choose from and adapt.
        std::vector<const model::Text*> ready;
        const auto offer = [&](const protocol::Command& c) {
            if (const auto* m = std::get_if<protocol::SendPublicMessage>(&c))
                if (std::none_of(ready.begin(), ready.end(), [&](const model::Text* t) { return *t == m->text; })) ready.push_back(&m->text);
        };
        for (const auto& rule : s.scenario->behaviour) offer(rule.command);
        for (const auto& play : s.scenario->plays)
            for (const auto& step : play.steps) offer(step.command);
        if (!ready.empty() && ImGui::BeginCombo(s.t("Förslag", "Suggestions"), s.t("välj ett budskap …", "choose a message …"))) {
            for (std::size_t i = 0; i < ready.size(); ++i)
                if (ImGui::Selectable((ready[i]->in(s.lang) + "##ready" + std::to_string(i)).c_str()))
                    message = ready[i]->in(s.lang);
            ImGui::EndCombo();
        }
        ImGui::InputTextMultiline("##message", &message, ImVec2(-1, ImGui::GetTextLineHeight() * 3 + 8));
        mark("message");
        preview(s, message);
        if (marked(ImGui::Button(s.t("Gemensamt budskap", "Joint public message")), "joint-message") && !message.empty())
            s.submit(protocol::SendPublicMessage{.by = role, .forum = forum, .text = {message, message}});
        tooltip(s.t("Ett gemensamt budskap genom forumet i stället för var och ens eget (R14, R15).",
                    "One joint message through the forum instead of each actor's own (R14, R15)."));
        ImGui::SameLine();
        if (marked(ImGui::Button(s.t("Eget budskap", "Own message")), "own-message") && !message.empty())
            s.submit(protocol::SendPublicMessage{.by = role, .forum = {}, .text = {message, message}});
        tooltip(s.t("Aktörens eget budskap; räknas inte som samordnat.", "The actor's own message; not counted as coordinated."));
        ImGui::SameLine();
        // The report carries the role's own observations; the exercise fills in their levels.
        if (marked(ImGui::Button(s.t("Rapportera till forumet", "Report to the forum")), "report"))
            s.submit(protocol::Report{.by = role, .forum = forum, .text = {message, message}, .services = {}, .levels = {}});
        tooltip(s.t("Rapporten bär rollens egna iakttagelser av samhällsfunktionerna; bara det som rapporteras kommer med i "
                    "forumets samlade lägesbild (R13).",
                    "The report carries the role's own observations of the services; only what is reported reaches the "
                    "forum's joint situational picture (R13)."));
        drawUnreported(s, role);
        idCombo(s.t("Till", "To"), actorIds, actorChoice, nameOfActor);
        ImGui::SameLine();
        if (ImGui::Button(s.t("Bilateral kontakt", "Bilateral contact")) && !message.empty())
            s.submit(protocol::Contact{
                .by = role, .to = actorIds[static_cast<std::size_t>(actorChoice)], .text = {message, message}});
        tooltip(s.t("En kontakt utanför forumen; många sådana är vad samverkan ska minska (R15).",
                    "A contact outside the forums; many of them are what cooperation is meant to reduce (R15)."));
        answerBeside(s, {"send-public-message", "report", "contact"});
    }

    drawAlerting(s, role, actorIds);

    if (s.control && marked(ImGui::CollapsingHeader(s.t("Övningsledningens inspel och roller", "Exercise control's injects and roles"),
                                                    ImGuiTreeNodeFlags_DefaultOpen),
                                "section:control")) {
        for (const auto& inject : s.scenario->injects) {
            // Each inject by who sends it and its first words; the whole text in the tooltip.
            const std::string label = actorName(s, inject.from) + ": " + firstWords(inject.text.in(s.lang), 38) + "##" + inject.id;
            if (ImGui::SmallButton(label.c_str()))
                s.submit(protocol::ControlInject{.by = protocol::kControl, .inject = inject.id, .to = {}, .text = {}});
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
                ImGui::TextUnformatted(inject.text.in(s.lang).c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            if (ImGui::GetItemRectMax().x + 160 < ImGui::GetWindowPos().x + ImGui::GetWindowWidth()) ImGui::SameLine();
        }
        ImGui::NewLine();
        ImGui::TextUnformatted(s.t("Eget inspel till:", "An inject of your own to:"));
        injectTo.fillFor(std::to_string(s.runNumber), {});
        injectTo.draw(s, "inject-to", actorIds, 110);
        ImGui::InputTextMultiline("##inject", &injectText, ImVec2(-1, ImGui::GetTextLineHeight() * 3 + 8));
        mark("inject-text");
        preview(s, injectText);
        ImGui::BeginDisabled(injectTo.chosen.empty() || injectText.empty());
        if (marked(ImGui::Button(s.t("Skicka inspel", "Send inject")), "send-inject"))
            s.submit(protocol::ControlInject{.by = protocol::kControl, .inject = {}, .to = injectTo.chosen, .text = {injectText, injectText}});
        ImGui::EndDisabled();
        answerBeside(s, {"inject", "hand-over"});
        ImGui::TextUnformatted(s.t("Roller som övningsdeltagare har:", "Roles trainees hold:"));
        if (s.run->trainees().empty()) ImGui::TextDisabled("%s", s.t("inga – simulatorn spelar alla", "none – the simulator plays them all"));
        for (const auto& seat : std::vector<std::string>(s.run->trainees())) {
            ImGui::BulletText("%s", actorName(s, seat).c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton((std::string(s.t("Låt simulatorn spela", "Let the simulator play")) + "##" + seat).c_str())) s.handOver(seat);
        }
    }
}

}  // namespace samverkan::gui
