#include "sim/protocol/Event.hpp"

#include "sim/engine/Overloaded.hpp"

#include <array>


namespace samverkan::protocol {
namespace {

// In the order of Kind.
const std::vector<std::string> kKindNames{
    "start", "command", "rejected", "inject", "activation-requested", "convened", "meeting-opened", "meeting-closed",
    "conference", "agenda-item", "called-in", "member-joined", "member-released", "composition-suggested", "chair-decided",
    "chair-changed", "consultation-started", "consultation-done", "decision-proposed", "decision-agreed",
    "own-decision", "proposal", "implemented", "frame-set", "priorities-set", "frame-violation", "message-proposed",
    "public-message", "report", "contact", "deactivated", "decision-point", "decision-answered", "situational-picture",
    "hand-over", "alert", "alert-answered", "verified", "informed", "information-received", "end"};

// In the order of RefusalCode.
constexpr std::array<std::string_view, 48> kRefusalNames{"unknown-role", "unknown-forum", "unknown-actor", "unknown-medium", "unknown-recipient", "unknown-topic", "unknown-measure", "not-running", "not-member", "ordinary-not-activated", "already-active", "already-convening", "already-in-session", "only-convener", "already-member", "convener-stays", "release-chair-first", "already-chair", "only-chair-deactivates", "duplicate-decision", "alone-own-organisation", "members-absent", "empty-priorities", "frame-violation", "unknown-list", "unknown-list-item", "not-decider", "argument-out-of-range", "areas-beyond-deciders", "not-protocol-command", "exercise-ended", "point-not-waiting", "point-for-other", "unknown-option", "only-control-injects", "unknown-inject", "inject-without-text", "only-control-hands-over", "role-not-held", "unknown-service", "not-observer", "frame-omission", "senders-without-forum", "duplicate-message", "no-duty", "no-on-call", "no-calendar", "meeting-time-passed"};
static_assert(kRefusalNames.size() == static_cast<std::size_t>(kRefusalCodes));

constexpr std::array<std::string_view, 7> kSourceNames{"trainee", "control", "play", "decision-point", "timeout", "cli", "doctrine"};

}  // namespace

std::string_view sourceName(Source source) { return kSourceNames[static_cast<std::size_t>(source)]; }

std::optional<Source> sourceFromName(std::string_view name) {
    for (std::size_t i = 0; i < kSourceNames.size(); ++i)
        if (kSourceNames[i] == name) return static_cast<Source>(i);
    return std::nullopt;
}

std::string_view refusalName(RefusalCode code) { return kRefusalNames[static_cast<std::size_t>(code)]; }

Kind kindOf(const Event& event) {
    return std::visit(
        engine::Overloaded{
            [](const Started&) { return Kind::start; },
            [](const CommandIssued&) { return Kind::command; },
            [](const CommandRefused&) { return Kind::rejected; },
            [](const InjectDelivered&) { return Kind::inject; },
            [](const ActivationRequested&) { return Kind::activationRequested; },
            [](const Convened&) { return Kind::convened; },
            [](const MeetingOpened&) { return Kind::meetingOpened; },
            [](const MeetingClosed&) { return Kind::meetingClosed; },
            [](const ConferenceHeld&) { return Kind::conference; },
            [](const AgendaItem&) { return Kind::agendaItem; },
            [](const CalledIn&) { return Kind::calledIn; },
            [](const MemberJoined&) { return Kind::memberJoined; },
            [](const MemberReleased&) { return Kind::memberReleased; },
            [](const CompositionSuggested&) { return Kind::compositionSuggested; },
            [](const ChairDecided& e) { return e.first ? Kind::chairDecided : Kind::chairChanged; },
            [](const ConsultationStarted&) { return Kind::consultationStarted; },
            [](const ConsultationDone&) { return Kind::consultationDone; },
            [](const Decided& e) {
                switch (e.stage) {
                    case Decided::Stage::proposed: return Kind::decisionProposed;
                    case Decided::Stage::alone: return Kind::ownDecision;
                    case Decided::Stage::agreed: break;
                }
                return Kind::decisionAgreed;
            },
            [](const ProposalSent&) { return Kind::proposal; },
            [](const Implemented&) { return Kind::implemented; },
            [](const PrioritiesSet& e) { return e.frame ? Kind::frameSet : Kind::prioritiesSet; },
            [](const FrameViolated&) { return Kind::frameViolation; },
            [](const MessageProposed&) { return Kind::messageProposed; },
            [](const PublicMessage&) { return Kind::publicMessage; },
            [](const ReportMade&) { return Kind::report; },
            [](const ContactMade&) { return Kind::contact; },
            [](const Deactivated&) { return Kind::deactivated; },
            [](const DecisionPointOpened&) { return Kind::decisionPoint; },
            [](const DecisionPointAnswered&) { return Kind::decisionAnswered; },
            [](const PictureCompiled&) { return Kind::situationalPicture; },
            [](const HandedOver&) { return Kind::handOver; },
            [](const Alerted&) { return Kind::alert; },
            [](const AlertAnswered&) { return Kind::alertAnswered; },
            [](const Verified&) { return Kind::verified; },
            [](const Informed&) { return Kind::informed; },
            [](const InformationReceived&) { return Kind::informationReceived; },
            [](const Ended&) { return Kind::end; },
        },
        event);
}

std::string_view kindName(Kind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }

std::optional<Kind> kindFromName(std::string_view name) {
    for (std::size_t i = 0; i < kKindNames.size(); ++i)
        if (kKindNames[i] == name) return static_cast<Kind>(i);
    return std::nullopt;
}

const std::vector<std::string>& kindNames() { return kKindNames; }

}  // namespace samverkan::protocol
