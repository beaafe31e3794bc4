#pragma once
/// What the protocol, the exercise and the world tell each other: typed events. An event is one
/// of the small payload structs below in a std::variant; its kind is the variant's alternative.
/// Events hold stable ids and numbers, never words: the renderer (sim/render/) words them in
/// Swedish and English, and only the journal's writer and reader turn them into JSON.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/engine/Time.hpp"
#include "sim/model/Measure.hpp"
#include "sim/model/Text.hpp"
#include "sim/protocol/Command.hpp"

namespace samverkan::protocol {

/// Where a command came from.
/// `doctrine`: a simulated actor's own behaviour as the region's or scenario's data describes it
/// (e.g. its reports at conferences).
enum class Source : std::uint8_t { trainee, control, play, decisionPoint, timeout, cli, doctrine };
/// The source's name in journals, e.g. "decision-point".
std::string_view sourceName(Source source);
/// The source of a name, if it is one.
std::optional<Source> sourceFromName(std::string_view name);
/// Commands a scripted play, a decision point or a doctrine issues are consequences, not outside input.
[[nodiscard]] inline bool isScripted(Source s) { return s == Source::play || s == Source::decisionPoint || s == Source::doctrine; }

/// Why a command was refused: a code and its arguments (ids, names the renderer looks up).
enum class RefusalCode : std::uint8_t {
    unknownRole,            ///< args: role
    unknownForum,           ///< args: forum ref
    unknownActor,           ///< args: forum ref, actor ref
    unknownMedium,          ///< args: medium
    unknownRecipient,       ///< args: actor ref
    unknownTopic,           ///< args: topic
    unknownMeasure,         ///< args: measure
    notRunning,             ///< args: forum
    notMember,              ///< args: actor, forum
    ordinaryNotActivated,   ///< args: forum
    alreadyActive,          ///< args: forum
    alreadyConvening,       ///< args: forum
    alreadyInSession,       ///< args: forum
    onlyConvener,           ///< args: convener
    alreadyMember,          ///< args: actor, forum
    convenerStays,          ///< args: convener
    releaseChairFirst,      ///< args: actor
    alreadyChair,           ///< args: actor
    onlyChairDeactivates,   ///< args: forum
    duplicateDecision,      ///< args: decision id
    aloneOwnOrganisation,   ///< args: actor
    membersAbsent,          ///< args: the absent actors
    emptyPriorities,        ///< args: —
    frameViolation,         ///< args: frame forum, list, item first, item second, forum
    unknownList,            ///< args: list
    unknownListItem,        ///< args: list, item
    notDecider,             ///< args: measure, actor
    argumentOutOfRange,     ///< args: measure, parameter, value
    areasBeyondDeciders,    ///< args: measure, the area no actor carrying it out answers for
    notProtocolCommand,     ///< args: —
    exerciseEnded,          ///< args: —
    pointNotWaiting,        ///< args: point
    pointForOther,          ///< args: point, role
    unknownOption,          ///< args: point, option
    onlyControlInjects,     ///< args: —
    unknownInject,          ///< args: inject
    injectWithoutText,      ///< args: —
    onlyControlHandsOver,   ///< args: —
    roleNotHeld,            ///< args: role
    unknownService,         ///< args: service
    notObserver,            ///< args: actor, service
    frameOmission,          ///< args: frame forum, list, the item the frame ranks and the order leaves out, forum
    sendersWithoutForum,    ///< args: —
    duplicateMessage,       ///< args: message id
    noDuty,                 ///< args: actor, duty ("verify", "alert", "inform"): none of its on-call functions has it
    noOnCall,               ///< args: actor, on-call role ("" for any): the recipient has no such function on call
    noCalendar,             ///< args: forum (convened to its next monthly meeting, which the region does not have)
    meetingTimePassed,      ///< args: forum (convened to a time already past)
};
/// Every refusal code, for tests that render them all.
inline constexpr int kRefusalCodes = static_cast<int>(RefusalCode::meetingTimePassed) + 1;

/// The code's name in journals, e.g. "not-member".
std::string_view refusalName(RefusalCode code);

/// A refusal with its arguments.
struct Refusal {
    RefusalCode code = RefusalCode::notProtocolCommand;
    std::vector<std::string> args;
};

/// The answer to a submitted command: accepted, or refused with a typed reason.
struct Answer {
    bool accepted = true;
    Refusal refusal;
    static Answer ok() { return {}; }
    static Answer refused(RefusalCode code, std::vector<std::string> args = {}) { return {false, {code, std::move(args)}}; }
};

// ---- The payloads. Ids are the region's and the scenario's; times are simulated milliseconds. ----

/// The exercise starts: what run this is (the journal's header).
struct Started {
    std::string format, scenario, file, region, startIso, play, playFile, variant;
    engine::Millis duration = 0;
    std::uint64_t seed = 0;
    std::vector<std::string> trainees;
};
/// A command as submitted, before its answer.
struct CommandIssued {
    Command command;
    Source source = Source::trainee;
};
/// A command was refused.
struct CommandRefused {
    std::string type;  ///< the command's type name
    Source source = Source::trainee;
    Refusal refusal;
};
/// A message reached roles: a scenario inject (`inject` set) or exercise control's own (`text`).
struct InjectDelivered {
    std::string inject, from, channel;
    std::vector<std::string> to, affects;
    std::string warningSystem, warningLevel, warningHazard;  ///< empty when it is no warning
    model::Text text;                                        ///< control's free text; empty for a scenario inject
    engine::Millis issued = 0;  ///< below 0: the inject is dated that long before the start (delivered at it)
};
struct ActivationRequested {
    std::string by, forum, convener, viaForum;
    bool outsideActor = false;
};
struct Convened {
    std::string by, forum, medium;
    engine::Millis delay = 0;
    bool extraConference = false;
    std::vector<std::string> invited;
};
struct MeetingOpened {
    std::string forum, medium;
    bool activated = true, activatedAlone = false;
    std::vector<std::string> members;
    std::string chair = {};  ///< who leads it: the chair decided earlier (ordinary mode), else Länsstyrelsen (R7)
};
struct MeetingClosed {
    std::string forum;
};
/// A cooperation conference of an active forum, or the standing weekly one in ordinary mode.
struct ConferenceHeld {
    std::string forum;
    bool weekly = false;
    int number = 0;
    std::vector<std::string> members;
    std::string chair = {};  ///< who leads it: the forum's chair if one was decided and takes part, else Länsstyrelsen (R7)
};
/// One step of a conference's agenda (the region's, by default SSR's four), with who took part and
/// who led it. What the step brought up: at information sharing the lists whose frame the
/// directing level has set and the decisions agreed in the forum since its previous conference; at
/// identifying the need for cooperation the affected actors the forum lacks (R9).
struct AgendaItem {
    std::string forum, step;
    int position = 1, steps = 1;  ///< the step's place on the agenda, 1-based, of `steps`
    int conference = 0;           ///< the forum's meeting or conference it belongs to (ConferenceHeld::number)
    bool weekly = false;
    std::string chair;
    std::vector<std::string> members;
    std::vector<std::string> frames = {}, decisions = {}, missing = {};
};
struct CalledIn {
    std::string by, forum, actor;
};
struct MemberJoined {
    std::string forum, actor;
};
struct MemberReleased {
    std::string by, forum, actor;
};
/// Affected actors the forum lacks (R9); `decision` set when a decision needs them.
struct CompositionSuggested {
    std::string forum, decision;
    std::vector<std::string> missing;
};
struct ChairDecided {
    std::string by, forum, actor;
    bool first = true;
};
struct ConsultationStarted {
    std::string forum, actor, decision, topic;
    engine::Millis delay = 0;
};
struct ConsultationDone {
    std::string forum, actor, decision;
};
/// A decision as agreed, proposed (waiting for consultations) or taken alone: the measure it names
/// (or none: information only), its parameters, the actors who carry it out.
struct Decided {
    enum class Stage : std::uint8_t { proposed, agreed, alone };
    Stage stage = Stage::agreed;
    std::string by, forum, decision, topic, measure, proposalTo;
    std::vector<model::MeasureArg> args;
    std::vector<std::string> actors;
    model::Text text;
};
/// A forum forwards a decision to another forum as a proposal.
struct ProposalSent {
    std::string by, fromForum, toForum, decision;
    model::Text text;
};
/// One actor has carried out a decision in its own organisation (R10).
struct Implemented {
    std::string actor, forum, decision, measure;
    model::Text text;
};
struct PrioritiesSet {
    std::string by, forum, list;
    bool frame = false;  ///< set by the directing level: binds lower levels (R11)
    std::vector<std::string> order;
};
/// A joint message waits for its senders' consent: those whose representative lacks the
/// public-message mandate at the forum's level consult their home organisations (R3, R4).
struct MessageProposed {
    std::string by, forum, message;
    std::vector<std::string> senders, waiting;
    model::Text text;
};
/// A public message as published: joint when several senders consented to it, else one actor's own.
struct PublicMessage {
    std::string by, forum;
    bool joint = false;
    std::vector<std::string> senders;
    model::Text text;
};
/// An order of a lower level broke a higher level's frame (R11), accepted because the scenario
/// allows deviations: an item ranked against the frame (`first` must come before `second`), or one
/// the frame ranks left out (`omitted`, in `first`). `decision` is set for a measure's order.
struct FrameViolated {
    std::string by, forum, frameForum, list, decision;
    bool omitted = false;
    std::string first, second;
};
/// A report reached a forum: its text and the levels it carries (as the reporter observed them).
struct ReportMade {
    std::string by, forum;
    model::Text text;
    std::vector<ReportedLevel> levels = {};
};
struct ContactMade {
    std::string by, to;
    model::Text text;
};
struct Deactivated {
    std::string by, forum, ordinaryForum;
};
struct DecisionPointOpened {
    std::string point, role, defaultOption;
    std::vector<std::string> options;
    engine::Millis timeout = 0;
};
struct DecisionPointAnswered {
    std::string point, by, option;
    Source source = Source::trainee;
};
/// What one service looked like in a compiled picture: the known level (if reported) and the truth.
struct PictureService {
    std::string service;
    bool known = false;
    double level = 1, truth = 1;
    engine::Millis observedAt = -1;
};
/// Länsstyrelsen compiled a forum's joint situational picture (R13) from what its members reported.
/// `unreported`: members who observe a service and made no report to the forum since its previous
/// picture (its first: ever) — the reports it missed.
struct PictureCompiled {
    std::string forum;
    engine::Millis compiledAt = 0, oldestObservation = -1;
    std::vector<PictureService> services;
    std::vector<std::string> unreported = {};
};
struct HandedOver {
    std::string role;
};
/// An alert went out: `by`'s on-call function woke the on-call functions of `to` (`duty`: the one
/// named; empty: each one's first).
struct Alerted {
    std::string by, duty;
    std::vector<std::string> to;
    model::Text text;
};
/// An on-call function answered an alert, `after` it went out.
struct AlertAnswered {
    std::string actor, duty, by;
    engine::Millis after = 0;
};
/// The duty officer verified a signal with its source.
struct Verified {
    std::string by, with;
    model::Text text;
};
/// Information went out to `to` through their on-call functions.
struct Informed {
    std::string by;
    std::vector<std::string> to;
    model::Text text;
};
/// One actor's on-call function has the information, `after` it went out.
struct InformationReceived {
    std::string actor, duty, by;
    engine::Millis after = 0;
};
struct Ended {
    std::uint64_t events = 0;
};

using Event = std::variant<Started, CommandIssued, CommandRefused, InjectDelivered, ActivationRequested, Convened,
                           MeetingOpened, MeetingClosed, ConferenceHeld, AgendaItem, CalledIn, MemberJoined, MemberReleased,
                           CompositionSuggested, ChairDecided, ConsultationStarted, ConsultationDone, Decided, ProposalSent,
                           Implemented, PrioritiesSet, FrameViolated, MessageProposed, PublicMessage, ReportMade, ContactMade,
                           Deactivated, DecisionPointOpened, DecisionPointAnswered, PictureCompiled, HandedOver, Alerted,
                           AlertAnswered, Verified, Informed, InformationReceived, Ended>;

/// The kinds of event, one per journal kind. Some payloads stand for two kinds (a chair decided or
/// changed; a decision proposed, agreed or taken alone; priorities or a frame; a meeting in either mode).
enum class Kind : std::uint8_t {
    start, command, rejected, inject, activationRequested, convened, meetingOpened, meetingClosed, conference, agendaItem,
    calledIn, memberJoined, memberReleased, compositionSuggested, chairDecided, chairChanged, consultationStarted,
    consultationDone, decisionProposed, decisionAgreed, ownDecision, proposal, implemented, frameSet, prioritiesSet,
    frameViolation, messageProposed, publicMessage, report, contact, deactivated, decisionPoint, decisionAnswered,
    situationalPicture, handOver, alert, alertAnswered, verified, informed, informationReceived, end
};
inline constexpr int kKinds = static_cast<int>(Kind::end) + 1;

/// The kind of an event.
Kind kindOf(const Event& event);
/// The kind's name in journals and scenario triggers, e.g. "meeting-opened".
std::string_view kindName(Kind kind);
/// The kind of a name, if it is one.
std::optional<Kind> kindFromName(std::string_view name);
/// Every kind's name, in order (for diagnostics that suggest one).
const std::vector<std::string>& kindNames();

}  // namespace samverkan::protocol
