// The sentence for each kind of event.
#include <cstdio>

#include "sim/render/Renderer.hpp"
#include "sim/engine/Overloaded.hpp"
#include "sim/render/Words.hpp"

namespace samverkan::render {
namespace {

using namespace protocol;

using namespace words;

std::string percent(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f %%", v * 100.0);
    return buf;
}

Text count(std::size_t n, const char* svOne, const char* svMany, const char* enOne, const char* enMany) {
    const std::string k = std::to_string(n) + " ";
    return n == 1 ? Text{k + svOne, k + enOne} : Text{k + svMany, k + enMany};
}

}  // namespace

Text Renderer::onCall(const std::string& actorId, const std::string& role) const {
    const auto a = m_scenario.region.actorIndex(actorId);
    if (a == model::kNone) return cat({actor(actorId), same(" " + role)});
    const auto& on = m_scenario.region.actors[a].onCall;
    const model::OnCallRole* r = role.empty() ? (on.empty() ? nullptr : &on.front()) : m_scenario.region.actors[a].onCallRole(role);
    if (r == nullptr) return cat({actor(actorId), same(role.empty() ? "" : " (" + role + ")")});
    return cat({actor(actorId), lit(", ", ", "), r->function});
}

// What one step of a conference's agenda brought up, after "Punkt 2 av 4, Informationsdelning: ".
Text Renderer::agendaItem(const protocol::AgendaItem& e) const {
    const auto& region = m_scenario.region;
    const auto f = region.forumIndex(e.forum);
    const bool activated = f != model::kNone && region.forums[f].mode == model::Mode::activated && !e.weekly;
    Text name = same(e.step);
    for (const auto& s : region.agendaSteps())
        if (s.id == e.step) name = s.name;
    const Text head = cat({lit("Punkt ", "Item "), same(std::to_string(e.position)), lit(" av ", " of "), same(std::to_string(e.steps)),
                           lit(", ", ", "), name, lit(": ", ": ")});
    switch (model::agendaRoleOf(e.step)) {
        case model::AgendaRole::actorReports:
            return cat({head, actor(e.chair), lit(" leder; deltar: ", " chairs; taking part: "), members(e.members), lit(".", ".")});
        case model::AgendaRole::informationSharing: {
            Text frames = lit("inga ramar från inriktande nivå", "no frames from the directing level");
            if (!e.frames.empty()) {
                std::vector<Text> lists;
                for (const auto& l : e.frames) lists.push_back(list(l));
                frames = cat({lit("ramar från inriktande nivå gäller för ", "frames from the directing level hold for "), joinNames(lists)});
            }
            const Text decided = e.decisions.empty()
                                     ? lit("inga nya beslut sedan förra konferensen", "no new decisions since the previous conference")
                                     : cat({count(e.decisions.size(), "beslut", "beslut", "decision", "decisions"),
                                            lit(" i forumet sedan förra konferensen", " in the forum since the previous conference")});
            return cat({head, frames, lit("; ", "; "), decided, lit(".", ".")});
        }
        case model::AgendaRole::cooperationNeeds:
            if (e.missing.empty()) return cat({head, lit("ingen berörd aktör saknas (R9).", "no affected actor is missing (R9).")});
            return cat({head, lit("berörda aktörer som inte deltar: ", "affected actors not taking part: "), actors(e.missing),
                        lit(" (R9).", " (R9).")});
        case model::AgendaRole::regionalPicture:
            if (!activated)
                return cat({head, lit("aktörerna delar sina lägesbilder; i ordinarie läge sammanställs ingen samlad lägesbild.",
                                      "the actors share their situational pictures; in ordinary mode no joint picture is compiled.")});
            return cat({head, actor(region.convener),
                        lit(" sammanställer den samlade lägesbilden av det som rapporterats (R13).",
                            " compiles the joint situational picture from what was reported (R13).")});
        case model::AgendaRole::other: break;
    }
    return cat({head, actor(e.chair), lit(" leder.", " chairs.")});
}

Text Renderer::event(const JournalEntry& entry, Sight sight) const {
    const auto& sc = m_scenario;
    return std::visit(
        engine::Overloaded{
            [&](const Started&) { return cat({lit("Övningen startar: ", "The exercise starts: "), sc.title}); },
            [&](const CommandIssued& e) {
                return cat({actor(actingRole(e.command)), lit(": ", ": "), commandName(typeName(e.command)), lit(".", ".")});
            },
            [&](const CommandRefused& e) { return refusal(e.refusal); },
            [&](const InjectDelivered& e) {
                const Text& said = sc.inject(e.inject) != nullptr ? sc.inject(e.inject)->text : e.text;
                if (e.issued < 0)
                    return cat({lit("(Utfärdat ", "(Issued "), duration(-e.issued), lit(" före övningens start.) ", " before the exercise's start.) "), said});
                return said;
            },
            [&](const ActivationRequested& e) {
                const Text from = e.viaForum.empty() ? actor(e.by)
                                                     : cat({forum(e.viaForum), lit(" (genom ", " (through "), actor(e.by), lit(")", ")")});
                return cat({from, lit(" begär aktivering av ", " asks for activation of "), forum(e.forum), lit("; ", "; "),
                            actor(e.convener), lit(" kontaktas och sammankallar (R6).", " is contacted and convenes (R6).")});
            },
            [&](const Convened& e) {
                if (e.extraConference)
                    return cat({actor(e.by), lit(" kallar till extra samverkanskonferens i ", " calls an extra cooperation conference of "),
                                forum(e.forum), lit(" om ", " in "), duration(e.delay), lit(".", ".")});
                return cat({actor(e.by), lit(" sammankallar ", " convenes "), forum(e.forum),
                            e.medium == "telephone" ? lit(" till telefonkonferens", " by telephone conference")
                                                    : lit(" till möte", " to a meeting"),
                            lit(" om ", " in "), duration(e.delay), lit(" (R5).", " (R5).")});
            },
            [&](const MeetingOpened& e) {
                const Text convener = actor(sc.region.convener);
                if (!e.activated && !e.chair.empty() && e.chair != sc.region.convener)
                    return cat({forum(e.forum), lit(" sammanträder i ordinarie läge; ", " meets in ordinary mode; "), actor(e.chair),
                                lit(" leder och ", " chairs and "), convener, lit(" dokumenterar (R7).", " documents (R7).")});
                if (!e.activated)
                    return cat({forum(e.forum), lit(" sammanträder i ordinarie läge; ", " meets in ordinary mode; "), convener,
                                lit(" leder och dokumenterar.", " leads and documents.")});
                return cat({forum(e.forum), lit(" öppnar; ", " opens; "), convener,
                            lit(" leder det första mötet och dokumenterar (R7).", " leads the first meeting and documents it (R7)."),
                            e.activatedAlone ? lit(" Inriktande forum aktiveras utan samordnande forum (R8).",
                                                   " The directing forum is activated on its own (R8).")
                                             : Text{}});
            },
            [&](const MeetingClosed& e) { return cat({forum(e.forum), lit(": mötet avslutas.", ": the meeting closes.")}); },
            [&](const ConferenceHeld& e) {
                const Text chair = actor(e.chair.empty() ? sc.region.convener : e.chair);
                if (e.weekly)
                    return cat({lit("Veckovis samverkanskonferens i ordinarie läge, ledd av ", "Weekly cooperation conference in ordinary mode, chaired by "),
                                chair, lit(": informationsdelning och lägesbilder.", ": information sharing and situational pictures.")});
                return cat({lit("Samverkanskonferens i ", "Cooperation conference of "), forum(e.forum), lit(", ledd av ", ", chaired by "),
                            chair,
                            lit("; representanterna återkopplar till sina hemorganisationer (R4).",
                                "; representatives report back to their home organisations (R4).")});
            },
            [&](const AgendaItem& e) { return agendaItem(e); },
            [&](const CalledIn& e) {
                return cat({actor(e.actor), lit(" kallas in till ", " is called in to "), forum(e.forum),
                            lit(" (anpassad sammansättning, R9).", " (adapted composition, R9).")});
            },
            [&](const MemberJoined& e) { return cat({actor(e.actor), lit(" ansluter till ", " joins "), forum(e.forum), lit(".", ".")}); },
            [&](const MemberReleased& e) {
                return cat({actor(e.actor), lit(" släpps från ", " is released from "), forum(e.forum), lit(" (R9).", " (R9).")});
            },
            [&](const CompositionSuggested& e) {
                if (!e.decision.empty())
                    return cat({lit("Forumet saknar ", "The forum lacks "), actors(e.missing),
                                lit(" för att fatta beslutet (R9).", " to take the decision (R9).")});
                return cat({lit("Forumet föreslår att berörda aktörer kallas in: ", "The forum suggests calling in affected actors: "),
                            actors(e.missing), lit(" (R9).", " (R9).")});
            },
            [&](const ChairDecided& e) {
                if (e.first)
                    return cat({lit("Första mötet beslutar att ", "The first meeting decides that "), actor(e.actor),
                                lit(" är ordförande framöver (R7).", " chairs from now on (R7).")});
                return cat({lit("Ordförandeskapet i ", "The chair of "), forum(e.forum), lit(" går över till ", " passes to "),
                            actor(e.actor), lit(" (R7).", " (R7).")});
            },
            [&](const ConsultationStarted& e) {
                const auto a = sc.region.actorIndex(e.actor);
                const auto level = sc.region.forums[sc.region.forumIndex(e.forum)].level;
                const auto* rep = a == model::kNone ? nullptr : sc.region.actors[a].at(level);
                const Text function = rep != nullptr ? rep->function : lit("representanten", "representative");
                const Text home = a == model::kNone ? actor(e.actor) : sc.region.actors[a].home;
                return cat({actor(e.actor), lit(": ", ": the "), function, lit(" saknar mandat för ", " has no mandate for "),
                            topic(e.topic), lit(" och stämmer av med ", " and consults "), home, lit(" (R3, R4).", " (R3, R4).")});
            },
            [&](const ConsultationDone& e) {
                return cat({actor(e.actor), lit(" har fått besked från sin hemorganisation.", " has its home organisation's answer.")});
            },
            [&](const Decided& e) {
                const auto what = decisionMeasure(e.measure, e.args);
                return cat({e.text, lit(" [", " ["), what, lit("]", "]")});
            },
            [&](const ProposalSent& e) {
                return cat({lit("Förslag från ", "Proposal from "), forum(e.fromForum), lit(" till ", " to "), forum(e.toForum),
                            lit(": ", ": "), e.text});
            },
            [&](const Implemented& e) {
                return cat({actor(e.actor), lit(" genomför beslutet i egen organisation (R10): ",
                                                " carries out the decision in its own organisation (R10): "),
                            e.text});
            },
            [&](const PrioritiesSet& e) {
                if (e.frame)
                    return cat({forum(e.forum), lit(" sätter ramen för ", " sets the frame for "), list(e.list), lit(": ", ": "),
                                services(e.order), lit(" (R11).", " (R11).")});
                return cat({forum(e.forum), lit(" prioriterar ", " prioritises "), list(e.list), lit(": ", ": "), services(e.order),
                            lit(".", ".")});
            },
            [&](const FrameViolated& e) {
                const Text where = e.decision.empty() ? Text{} : lit(" i sitt beslut", " in its decision");
                const Text head = cat({lit("Avsteg från ramen (R11): ", "Deviation from the frame (R11): "), forum(e.frameForum),
                                       lit(" har satt ramen för ", " has set the frame for "), list(e.list)});
                if (e.omitted)
                    return cat({head, lit(", som rangordnar ", ", which ranks "), service(e.first), lit(", men ", ", but "), forum(e.forum),
                                lit(" lämnar ", " leaves "), service(e.first), lit(" utanför", " out"), where, lit(".", ".")});
                return cat({head, lit(" – ", " – "), service(e.first), lit(" går före ", " before "), service(e.second),
                            lit(" – men ", " – but "), forum(e.forum), lit(" sätter ", " puts "), service(e.second), lit(" före ", " before "),
                            service(e.first), where, lit(".", ".")});
            },
            [&](const MessageProposed& e) {
                return cat({actor(e.by), lit(" föreslår ett gemensamt budskap från ", " proposes a joint message from "), members(e.senders),
                            lit("; det går ut när alla har samtyckt, och ", "; it goes out once all have consented, and "), actors(e.waiting),
                            lit(" stämmer först av med sina hemorganisationer (R3, R4): ", " first consult their home organisations (R3, R4): "),
                            e.text});
            },
            [&](const PublicMessage& e) { return e.text; },
            [&](const ReportMade& e) {
                if (e.levels.empty()) return e.text.empty() ? cat({actor(e.by), lit(" rapporterar till ", " reports to "), forum(e.forum), lit(".", ".")}) : e.text;
                // What the report carries: each service's level as the reporter saw it, and how long ago.
                std::vector<Text> parts;
                for (const auto& l : e.levels)
                    parts.push_back(cat({service(l.service), same(" " + percent(l.level)), lit(" (sett för ", " (seen "),
                                         duration(entry.t - l.observedAt), lit(" sedan)", " ago)")}));
                Text head = e.text.empty() ? cat({actor(e.by), lit(" rapporterar läget till ", " reports the situation to "), forum(e.forum)})
                                           : cat({e.text, lit(" Läget", " Situation")});
                return cat({head, lit(": ", ": "), joinNames(parts), lit(".", ".")});
            },
            [&](const ContactMade& e) { return e.text; },
            [&](const Deactivated& e) {
                return cat({forum(e.forum), lit(" avaktiveras; nivån återgår till ordinarie läge.",
                                                " is deactivated; the level returns to ordinary mode.")});
            },
            [&](const DecisionPointOpened& e) {
                if (const auto* p = sc.decisionPoint(e.point)) return p->prompt;
                return same(e.point);
            },
            [&](const DecisionPointAnswered& e) {
                if (const auto* p = sc.decisionPoint(e.point))
                    for (const auto& o : p->options)
                        if (o.id == e.option) return o.label;
                return same(e.option);
            },
            [&](const PictureCompiled& e) {
                std::size_t known = 0, worst = SIZE_MAX;
                for (std::size_t s = 0; s < e.services.size(); ++s) {
                    if (!e.services[s].known) continue;
                    ++known;
                    if (worst == SIZE_MAX || e.services[s].level < e.services[worst].level) worst = s;
                }
                const std::string counts = std::to_string(known) + " / " + std::to_string(e.services.size());
                Text worstText;
                if (worst != SIZE_MAX) {
                    const auto& w = e.services[worst];
                    if (sight == Sight::known)
                        worstText = cat({lit("; sämst känd: ", "; worst known: "), service(w.service), same(" " + percent(w.level))});
                    else
                        worstText = cat({lit("; sämst känd: ", "; worst known: "), service(w.service),
                                         same(" " + percent(w.level) + " (" + percent(w.truth) + ")"),
                                         lit(" (verkligt läge inom parentes)", " (true level in brackets)")});
                }
                const Text silent = e.unreported.empty() ? Text{}
                                                         : cat({lit(" Ingen rapport sedan förra lägesbilden från ",
                                                                    " No report since the previous picture from "),
                                                                actors(e.unreported), lit(".", ".")});
                return cat({lit("Samlad lägesbild för ", "Joint situational picture for "), forum(e.forum), lit(": ", ": "), same(counts),
                            lit(" samhällsfunktioner kända genom rapporter", " services known from reports"), worstText, lit(".", "."),
                            silent});
            },
            [&](const HandedOver& e) { return cat({lit("Simulatorn spelar nu ", "The simulator now plays "), actor(e.role), lit(".", ".")}); },
            [&](const Alerted& e) {
                std::vector<Text> woken;
                for (const auto& a : e.to) woken.push_back(onCall(a, e.duty));
                const Text head = cat({actor(e.by), lit(" larmar ", " alerts "), joinNames(woken)});
                return e.text.empty() ? cat({head, lit(".", ".")}) : cat({head, lit(": ", ": "), e.text});
            },
            [&](const AlertAnswered& e) {
                return cat({onCall(e.actor, e.duty), lit(" svarar på larmet från ", " answers the alert from "), actor(e.by),
                            lit(" efter ", " after "), duration(e.after), lit(".", ".")});
            },
            [&](const Verified& e) {
                const Text head = cat({actor(e.by), lit(" verifierar uppgiften med ", " verifies the signal with "), actor(e.with)});
                return e.text.empty() ? cat({head, lit(".", ".")}) : cat({head, lit(": ", ": "), e.text});
            },
            [&](const Informed& e) {
                return cat({actor(e.by), lit(" informerar ", " informs "), members(e.to),
                            lit(" genom deras funktioner i beredskap: ", " through their functions on call: "), e.text});
            },
            [&](const InformationReceived& e) {
                return cat({onCall(e.actor, e.duty), lit(" har informationen från ", " has the information from "), actor(e.by),
                            lit(" efter ", " after "), duration(e.after), lit(".", ".")});
            },
            [&](const Ended&) { return lit("Övningen är slut.", "The exercise ends."); },
        },
        entry.event);
}

}  // namespace samverkan::render
