// Why a command was refused, in words a person understands (DESIGN.md, contract 2).
#include "sim/render/Renderer.hpp"
#include "sim/render/Words.hpp"

namespace samverkan::render {
using namespace words;

Text Renderer::refusal(const protocol::Refusal& r) const {
    using protocol::RefusalCode;
    // Arguments the code promises; a missing one reads as empty rather than failing.
    auto arg = [&](std::size_t i) -> const std::string& {
        static const std::string kEmpty;
        return i < r.args.size() ? r.args[i] : kEmpty;
    };
    const Text convener = actor(m_scenario.region.convener);
    switch (r.code) {
        case RefusalCode::unknownRole: return cat({lit("Okänd roll ", "Unknown role "), quoted(arg(0)), lit(".", ".")});
        case RefusalCode::unknownForum: return cat({lit("Okänt forum ", "Unknown forum "), quoted(arg(0)), lit(".", ".")});
        case RefusalCode::unknownActor:
            return cat({lit("Okänt forum eller okänd aktör: ", "Unknown forum or actor: "), quoted(arg(0)), lit(", ", ", "),
                        quoted(arg(1)), lit(".", ".")});
        case RefusalCode::unknownMedium: return cat({lit("Okänt mötessätt ", "Unknown medium "), quoted(arg(0)), lit(".", ".")});
        case RefusalCode::unknownRecipient: return cat({lit("Okänd mottagare ", "Unknown recipient "), quoted(arg(0)), lit(".", ".")});
        case RefusalCode::unknownTopic: return cat({lit("Okänt beslutsområde ", "Unknown decision topic "), quoted(arg(0)), lit(".", ".")});
        case RefusalCode::unknownMeasure: return cat({lit("Okänd åtgärd ", "Unknown measure "), quoted(arg(0)), lit(".", ".")});
        case RefusalCode::notRunning:
            return cat({forum(arg(0)), lit(" är inte aktivt just nu; be ", " is not active right now; ask "), convener,
                        lit(" sammankalla det först (R6).", " to convene it first (R6).")});
        case RefusalCode::notMember: return cat({actor(arg(0)), lit(" deltar inte i ", " is not taking part in "), forum(arg(1)), lit(".", ".")});
        case RefusalCode::ordinaryNotActivated:
            return cat({forum(arg(0)), lit(" arbetar i ordinarie läge och aktiveras inte; välj nivåns aktiverade forum.",
                                           " works in ordinary mode and is not activated; choose the level's activated forum.")});
        case RefusalCode::alreadyActive:
            return cat({forum(arg(0)), lit(" är redan aktiverat eller sammankallat.", " is already activated or being convened.")});
        case RefusalCode::alreadyConvening: return cat({forum(arg(0)), lit(" är redan sammankallat.", " is already being convened.")});
        case RefusalCode::alreadyInSession: return cat({forum(arg(0)), lit(" sammanträder redan.", " is already in session.")});
        case RefusalCode::onlyConvener:
            return cat({lit("Bara ", "Only "), actor(arg(0)), lit(" sammankallar forum (R5); begär aktivering i stället (R6).",
                                                                  " convenes forums (R5); ask for activation instead (R6).")});
        case RefusalCode::alreadyMember: return cat({actor(arg(0)), lit(" är redan med i ", " is already in "), forum(arg(1)), lit(".", ".")});
        case RefusalCode::convenerStays:
            return cat({actor(arg(0)), lit(" kan inte släppas: den dokumenterar forumets arbete (R7).",
                                           " cannot be released: it documents the forum's work (R7).")});
        case RefusalCode::releaseChairFirst:
            return cat({actor(arg(0)), lit(" är ordförande; välj en ny ordförande först (R7).", " chairs the forum; choose another chair first (R7).")});
        case RefusalCode::alreadyChair: return cat({actor(arg(0)), lit(" är redan ordförande.", " already chairs the forum.")});
        case RefusalCode::onlyChairDeactivates:
            return cat({lit("Bara ordföranden eller ", "Only the chair or "), convener,
                        lit(" kan avaktivera forumet.", " can deactivate the forum.")});
        case RefusalCode::duplicateDecision:
            return cat({lit("Det finns redan ett beslut med beteckningen ", "A decision named "), quoted(arg(0)),
                        lit(".", " already exists.")});
        case RefusalCode::aloneOwnOrganisation:
            return lit("Utan forum kan en aktör bara besluta för sin egen organisation (R10).",
                       "Without a forum an actor can decide only for its own organisation (R10).");
        case RefusalCode::membersAbsent:
            return cat({actors(r.args), lit(" deltar inte i forumet; kalla in dem först (R9).", " are not in the forum; call them in first (R9).")});
        case RefusalCode::emptyPriorities: return lit("Prioriteringslistan är tom.", "The priority list is empty.");
        case RefusalCode::frameViolation:
            return cat({forum(arg(0)), lit(" har satt ramen för ", " has set the frame for "), list(arg(1)), lit(": ", ": "),
                        service(arg(2)), lit(" går före ", " comes before "), service(arg(3)), lit("; ", "; "), forum(arg(4)),
                        lit(" arbetar inom den ramen (R11).", " works within that frame (R11).")});
        case RefusalCode::frameOmission:
            return cat({forum(arg(0)), lit(" har satt ramen för ", " has set the frame for "), list(arg(1)), lit(", som rangordnar ", ", which ranks "),
                        service(arg(2)), lit("; ", "; "), forum(arg(3)), lit(" arbetar inom den ramen och kan inte lämna ", " works within that frame and cannot leave "),
                        service(arg(2)), lit(" utanför (R11).", " out (R11).")});
        case RefusalCode::sendersWithoutForum:
            return lit("Ett gemensamt budskap tas fram i ett forum; ange forumet eller skicka budskapet som ditt eget.",
                       "A joint message is agreed in a forum; name the forum, or send the message as your own.");
        case RefusalCode::noDuty:
            return cat({actor(arg(0)), lit(" har ingen funktion i beredskap som får ", " has no function on call that may "), duty(arg(1)),
                        lit("; i larmkedjan gör SOS Alarm och tjänstemannen i beredskap det (förordning 2017:870, 2 §).",
                            "; in the alerting chain SOS Alarm and the duty officer do (förordning 2017:870, 2 §).")});
        case RefusalCode::noOnCall:
            if (arg(0).empty())
                return lit("Ingen aktör har en funktion i beredskap att nå.", "No actor has a function on call to reach.");
            if (arg(1).empty())
                return cat({actor(arg(0)), lit(" har ingen funktion i beredskap att larma eller informera.",
                                               " has no function on call to alert or inform.")});
            // The function by the name the region gives it elsewhere, else as it was typed.
            for (const auto& a : m_scenario.region.actors)
                if (const auto* role = a.onCallRole(arg(1)))
                    return cat({actor(arg(0)), lit(" har ingen funktion i beredskap som ", " has no function on call such as "), role->function,
                                lit(".", ".")});
            return cat({actor(arg(0)), lit(" har ingen funktion i beredskap som heter ", " has no function on call named "), quoted(arg(1)),
                        lit(".", ".")});
        case RefusalCode::duplicateMessage:
            return cat({lit("Det finns redan ett budskap med beteckningen ", "A message named "), quoted(arg(0)),
                        lit(".", " already exists.")});
        case RefusalCode::noCalendar:
            return cat({forum(arg(0)), lit(" har inga månadsmöten i regionens kalender; ange en tid i stället.",
                                           " has no monthly meetings on the region's calendar; give a time instead.")});
        case RefusalCode::meetingTimePassed:
            return cat({lit("Tiden för mötet i ", "The time for the meeting of "), forum(arg(0)),
                        lit(" har redan passerat.", " has already passed.")});
        case RefusalCode::unknownList:
            return cat({lit("Det finns ingen prioriteringslista ", "There is no priority list "), quoted(arg(0)), lit(".", ".")});
        case RefusalCode::unknownListItem:
            return cat({list(arg(0)), lit(" prioriterar inte ", " does not order "), quoted(arg(1)), lit(".", ".")});
        case RefusalCode::notDecider:
            return cat({actor(arg(1)), lit(" beslutar inte om ", " does not decide on "), measure(arg(0)),
                        lit(" i sin organisation (R3, R10).", " in its organisation (R3, R10).")});
        case RefusalCode::argumentOutOfRange:
            return cat({measure(arg(0)), lit(": värdet ", ": the value "), quoted(arg(2)), lit(" för ", " for "), parameter(arg(0), arg(1)),
                        lit(" ligger utanför det tillåtna.", " is out of range.")});
        case RefusalCode::areasBeyondDeciders:
            return cat({measure(arg(0)), lit(": ", ": "), actor(arg(1)),
                        lit(" genomför inte beslutet; varje aktör beslutar bara för sitt eget område (R10).",
                            " does not carry out the decision; each actor decides only for its own area (R10).")});
        case RefusalCode::notProtocolCommand:
            return lit("Kommandot hanteras av övningen, inte av samverkansmodellen.",
                       "This command belongs to the exercise, not to the cooperation model.");
        case RefusalCode::exerciseEnded: return lit("Övningen är slut.", "The exercise has ended.");
        case RefusalCode::pointNotWaiting: return lit("Beslutspunkten väntar inte på svar.", "The decision point is not waiting for an answer.");
        case RefusalCode::pointForOther:
            return cat({lit("Beslutspunkten besvaras av ", "The decision point is for "), actor(arg(1)), lit(".", " to answer.")});
        case RefusalCode::unknownOption: return cat({lit("Alternativet ", "There is no option "), quoted(arg(1)), lit(" finns inte.", ".")});
        case RefusalCode::onlyControlInjects: return lit("Bara övningsledningen kan lägga in händelser.", "Only exercise control can inject.");
        case RefusalCode::unknownInject: return cat({lit("Okänt inspel ", "Unknown inject "), quoted(arg(0)), lit(".", ".")});
        case RefusalCode::injectWithoutText: return lit("Inspelet saknar text.", "The inject has no text.");
        case RefusalCode::onlyControlHandsOver:
            return lit("Bara övningsledningen kan lämna över en roll.", "Only exercise control can hand a role over.");
        case RefusalCode::roleNotHeld:
            return cat({lit("Ingen övningsdeltagare har rollen ", "No trainee holds the role of "), actor(arg(0)), lit(".", ".")});
        case RefusalCode::unknownService:
            return cat({lit("Scenariot har ingen samhällsfunktion ", "The scenario has no service "), quoted(arg(0)),
                        lit(" att rapportera om.", " to report on.")});
        case RefusalCode::notObserver:
            return cat({actor(arg(0)), lit(" ser inte ", " does not observe "), service(arg(1)),
                        lit(" i sin egen verksamhet och kan inte rapportera om den.", " in its own operations and cannot report on it.")});
    }
    return {};
}

}  // namespace samverkan::render
