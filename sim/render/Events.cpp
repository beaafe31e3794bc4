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

}  // namespace

Text Renderer::event(const JournalEntry& entry) const {
    const auto& sc = m_scenario;
    return std::visit(
        engine::Overloaded{
            [&](const Started&) { return cat({lit("Övningen startar: ", "The exercise starts: "), sc.title}); },
            [&](const CommandIssued& e) {
                return cat({actor(actingRole(e.command)), lit(": ", ": "), commandName(typeName(e.command)), lit(".", ".")});
            },
            [&](const CommandRefused& e) { return refusal(e.refusal); },
            [&](const InjectDelivered& e) {
                if (const auto* i = sc.inject(e.inject)) return i->text;
                return e.text;
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
                if (e.weekly)
                    return lit("Veckovis samverkanskonferens i ordinarie läge: informationsdelning och lägesbilder.",
                               "Weekly cooperation conference in ordinary mode: information sharing and situational pictures.");
                return cat({lit("Samverkanskonferens i ", "Cooperation conference of "), forum(e.forum), lit(" under ", " led by "),
                            actor(sc.region.convener),
                            lit("s ledning; representanterna återkopplar till sina hemorganisationer (R4).",
                                "; representatives report back to their home organisations (R4).")});
            },
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
                    const std::string levels = " " + percent(w.level) + " (" + percent(w.truth) + ")";
                    worstText = cat({lit("; sämst känd: ", "; worst known: "), service(w.service), same(levels),
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
            [&](const Ended&) { return lit("Övningen är slut.", "The exercise ends."); },
        },
        entry.event);
}

}  // namespace samverkan::render
