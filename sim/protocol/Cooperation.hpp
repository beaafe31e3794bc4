#pragma once
/// The rules of the cooperation model (R1–R15) as a state machine over the region's forums.
/// Commands come in through apply(); delayed consequences (a forum opening after the convening
/// delay, a consultation finishing, an actor implementing a decision) come back through handle().
/// Everything that happens is documented through Effects::record — Länsstyrelsen's journal (R7).

#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/EventQueue.hpp"
#include "sim/engine/Random.hpp"
#include "sim/model/Measure.hpp"
#include "sim/model/Region.hpp"
#include <optional>

#include "sim/protocol/Command.hpp"
#include "sim/protocol/JournalEntry.hpp"

namespace samverkan::protocol {

using model::ActorIndex;
using model::ForumIndex;
using model::kNone;

/// A delayed consequence inside the protocol. Small and trivially copyable.
struct ProtocolEvent {
    enum class Kind : std::uint8_t {
        forumOpens, memberJoins, conference, meetingCloses, consultDone, implemented, messageConsultDone, alertAnswered, informationReceived
    };
    Kind kind = Kind::forumOpens;
    ForumIndex forum = kNone;
    ActorIndex actor = kNone;
    std::uint32_t index = 0;  ///< decision index for consultDone / implemented; message, alert or information index for the others
};

/// What the protocol needs from the run that hosts it.
class Effects {
public:
    virtual ~Effects() = default;
    /// Current simulated time.
    [[nodiscard]] virtual Millis now() const = 0;
    /// Schedules a protocol event after `delay`.
    virtual engine::EventId scheduleIn(Millis delay, const ProtocolEvent& event) = 0;
    /// Cancels a scheduled protocol event.
    virtual bool cancel(engine::EventId id) = 0;
    /// Appends an entry to the journal (the host sets t and seq).
    virtual void record(JournalEntry&& entry) = 0;
    /// The run's random stream for the protocol's own draws (convening delays).
    virtual engine::Random& random() = 0;
    /// A conference has reached `step` of its agenda, whose entry is recorded: the host does its
    /// part (the members' reports at the actor reports, the joint picture at the regional picture).
    /// `weekly`: the standing weekly conference in ordinary mode.
    virtual void agendaStep(ForumIndex /*forum*/, const model::AgendaStep& /*step*/, bool /*weekly*/) {}
    /// The simulated time of the region's first monthly meeting (conferences.monthly) at or after
    /// `notBefore`, or -1 when there is none (no calendar, or the host has no clock to read it by).
    [[nodiscard]] virtual Millis nextMonthlyMeeting(Millis /*notBefore*/) const { return -1; }
};

/// Idle (ordinary mode, no meeting), convening (called, not yet met) or active (activated mode,
/// or an ordinary-mode meeting in session).
enum class ForumStatus { idle, convening, active };

/// The live state of one forum.
struct ForumState {
    ForumStatus status = ForumStatus::idle;
    std::vector<ActorIndex> members;   ///< present, in order of joining
    std::vector<ActorIndex> invited;   ///< called to the coming meeting or joining soon
    ActorIndex chair = kNone;          ///< kNone while Länsstyrelsen leads the first meeting (R7)
    bool chairDecided = false;         ///< an activation's chair lasts until deactivation; an ordinary forum's over its meetings
    std::string medium;
    Millis activatedAt = -1;           ///< when the current activation's first meeting opened
    int meetings = 0;                  ///< meetings and conferences held, over the run
    Millis lastAgendaAt = -1;          ///< when the forum's previous conference ran its agenda (or its activation began)
    engine::EventId openEvent, conferenceEvent, closeEvent;
    /// Conferences planned for a set time (`meetAt`), each with its time: kept beside the rhythm.
    std::vector<std::pair<Millis, engine::EventId>> plannedConferences = {};
    [[nodiscard]] bool has(ActorIndex a) const;
};

/// A priority order set in a forum; a directing forum's is a frame for lower levels (R11).
struct PriorityList {
    ForumIndex forum = kNone;
    std::string list;
    std::vector<std::string> order;
};

/// A decision on its way: agreed in a forum (or taken alone) and carried out by actors (R10).
struct Decision {
    AgreeDecision command;
    ForumIndex forum = kNone;
    int consultationsPending = 0;
    Millis proposedAt = 0;
    Millis agreedAt = -1;
    std::vector<ActorIndex> actors;
    std::vector<Millis> implementedAt;  ///< per actor, -1 until done
};

/// Where a priority order breaks a higher level's frame: item `first` must come before `second`,
/// or (`omitted`) the frame ranks `first` and the order leaves it out.
struct FrameBreach {
    ForumIndex frameForum = kNone;
    std::string first, second;
    bool omitted = false;
};

/// A priority list a measure's effects order, and how: by its `order` parameter `param` (the
/// decision's argument, else the parameter's default), or, with no such parameter, as `order`.
struct MeasureOrdering {
    std::string measure, list, param;
    std::vector<std::string> order;
};

/// A public message in the run: published at once, or a joint one waiting for its senders' consent.
struct Message {
    SendPublicMessage command;
    std::string id;
    ForumIndex forum = kNone;
    std::vector<ActorIndex> senders;
    int consultationsPending = 0;
    bool joint = false;
    Millis publishedAt = -1;
};

/// A priority list forums may set, with the items it may order (the scenario's resources and the
/// services they are shared among). With no lists given, any list is accepted.
struct PriorityCatalogueEntry {
    std::string list;
    std::vector<std::string> items;
};

/// An alert or a piece of information sent out through the on-call functions (the alerting chain).
struct OnCallMessage {
    std::string by, duty;  ///< `duty`: the on-call role woken (alerts; empty: each one's first)
    Millis sentAt = 0;
    std::vector<ActorIndex> to;
    std::vector<Millis> answeredAt;  ///< per recipient, -1 until its on-call function answers
};

/// The cooperation model's rules over one region.
class Cooperation {
public:
    Cooperation(const model::Region& region, Effects& effects);

    /// Applies a command now. Accepted commands change state and record what happened; rejected
    /// ones change nothing and say why. AnswerDecisionPoint and ControlInject belong to the
    /// exercise, not here, and are rejected.
    Answer apply(const Command& command);
    /// As apply, for a report whose text and levels its caller gives up: they move into the journal.
    Answer apply(Report&& report);
    /// As apply(Report&&), for a report whose author and forum the caller has looked up: a simulated
    /// member's, one at every conference.
    Answer report(Report&& c, ActorIndex by, ForumIndex f);
    /// Handles a delayed consequence scheduled earlier.
    void handle(const ProtocolEvent& event);
    /// Holds the standing weekly conference in ordinary mode.
    void holdWeeklyConference();
    /// The scenario's catalogue of measures (must outlive this): a decision naming a measure is
    /// checked against who may decide it and the ranges of its parameters (R3, R10).
    void setMeasures(const std::vector<model::Measure>* measures) { m_measures = measures; }
    /// The priority lists of the scenario: set-priorities naming another list or item is refused.
    void setPriorityLists(std::vector<PriorityCatalogueEntry> lists) { m_lists = std::move(lists); }
    /// The priority lists the scenario's measures order: a measure decided in a lower level's forum is
    /// checked against the frames on those lists (R11).
    void setMeasureOrderings(std::vector<MeasureOrdering> orderings) { m_orderings = std::move(orderings); }
    /// Whether orders that break a frame are accepted and recorded as frame violations (the
    /// scenario's `frames: {deviations: allowed}`) instead of refused.
    void setFrameDeviationsAllowed(bool allowed) { m_deviationsAllowed = allowed; }
    /// Notes actors that an event affects, so forums can suggest calling them in (R9).
    void noteAffected(const std::vector<ActorIndex>& actors);

    [[nodiscard]] const model::Region& region() const { return m_region; }
    [[nodiscard]] const ForumState& forum(ForumIndex f) const { return m_forums[f]; }
    [[nodiscard]] const std::vector<Decision>& decisions() const { return m_decisions; }
    /// The decision with id `id` (ids are unique in a run), or nullptr.
    [[nodiscard]] const Decision* decision(const std::string& id) const;
    [[nodiscard]] const std::vector<PriorityList>& priorities() const { return m_priorities; }
    /// True if the current event affects actor `a` (an inject named it, R9).
    [[nodiscard]] bool affected(ActorIndex a) const { return a < m_affected.size() && m_affected[a]; }
    [[nodiscard]] const std::vector<Message>& messages() const { return m_messages; }
    /// The alerts sent, in order (the alerting chain).
    [[nodiscard]] const std::vector<OnCallMessage>& alerts() const { return m_alerts; }
    /// The pieces of information sent through the on-call functions, in order.
    [[nodiscard]] const std::vector<OnCallMessage>& informs() const { return m_informs; }
    /// Who leads forum `f` with these members present: its chair if one was decided and takes part,
    /// else Länsstyrelsen (R7).
    [[nodiscard]] ActorIndex leaderOf(ForumIndex f, const std::vector<ActorIndex>& members) const;
    /// The members of the standing weekly conference: the region's list, or its parties that send a
    /// representative to the forum's level; Länsstyrelsen always.
    [[nodiscard]] std::vector<ActorIndex> weeklyMembers() const;
    /// Affected actors not present in the forum: whom the forum suggests calling in (R9).
    [[nodiscard]] std::vector<ActorIndex> missingFrom(ForumIndex f) const;
    /// Expands actor ids and group ids into actor indices (unknown ids are skipped).
    [[nodiscard]] std::vector<ActorIndex> expand(const std::vector<std::string>& ids) const;

private:
    // Cooperation.cpp: activation, convening, composition, chair, conferences, deactivation.
    Answer requestActivation(const RequestActivation& c);
    Answer convene(const Convene& c);
    Answer callIn(const CallIn& c);
    Answer release(const Release& c);
    Answer setChair(const SetChair& c);
    Answer deactivate(const Deactivate& c);
    Answer publicMessage(const SendPublicMessage& c);
    Answer report(const Report& c);
    /// Why a report by `by` to forum `f` cannot be made now, if it cannot.
    [[nodiscard]] std::optional<Answer> reportRefusal(const Report& c, ActorIndex by, ForumIndex f) const;
    Answer contact(const Contact& c);
    void forumOpens(ForumIndex f);
    void memberJoins(ForumIndex f, ActorIndex a);
    void conference(ForumIndex f, bool planned);
    /// When a convening of `f` by `medium` at `meetAt` opens, from now; -1 with the refusal when it cannot.
    [[nodiscard]] std::optional<Answer> meetingTime(const Convene& c, ForumIndex f, const std::string& medium, Millis& meetIn) const;
    void meetingCloses(ForumIndex f);
    void suggestMissing(ForumIndex f);
    /// Runs the region's agenda at a conference of `f` with `members` (`ids`: their ids), numbered `number`.
    void runAgenda(ForumIndex f, const std::vector<ActorIndex>& members, std::vector<std::string> ids, bool weekly, int number);
    [[nodiscard]] std::vector<ActorIndex> missingAmong(ForumIndex f, const std::vector<ActorIndex>& members) const;
    void messageConsultDone(std::uint32_t message, ActorIndex a);
    // Alerting.cpp: the alerting chain through the organisations' functions on call.
    Answer alert(const Alert& c);
    Answer verify(const Verify& c);
    Answer inform(const Inform& c);
    /// Refuses unless `by` has an on-call function with `duty`.
    [[nodiscard]] std::optional<Answer> needsDuty(const std::string& by, model::Duty duty) const;
    /// The recipients named by `to`, each with the on-call function `duty` (empty: its first), or a refusal.
    [[nodiscard]] std::optional<Answer> onCallRecipients(const std::vector<std::string>& to, const std::string& duty,
                                                         std::vector<ActorIndex>& out) const;
    /// Draws the answer time of `a`'s on-call function `duty` (empty: its first), whole minutes.
    Millis drawAnswer(ActorIndex a, const std::string& duty);
    void alertAnswered(std::uint32_t alert, ActorIndex a);
    void informationReceived(std::uint32_t inform, ActorIndex a);
    void publish(std::uint32_t message);
    // Decisions.cpp: agreeing, mandates, implementation, priorities and frames.
    Answer agreeDecision(const AgreeDecision& c);
    Answer setPriorities(const SetPriorities& c);
    void consultDone(std::uint32_t decision, ActorIndex a);
    void decisionAgreed(std::uint32_t decision);
    void implemented(std::uint32_t decision, ActorIndex a);
    /// The first breach of a frame binding forum `f` by `order` on `list` (a lower rank's order on it).
    [[nodiscard]] std::optional<FrameBreach> frameBreach(const std::string& list, const std::vector<std::string>& order,
                                                         ForumIndex f) const;
    /// A breach by the orders measure `m`, decided with `args` in forum `f`, makes: its list and the breach.
    [[nodiscard]] std::optional<std::pair<std::string, FrameBreach>> measureBreach(const model::Measure& m,
                                                                                  const std::vector<model::MeasureArg>& args,
                                                                                  ForumIndex f) const;
    [[nodiscard]] Answer frameRefusal(const std::string& list, const FrameBreach& b, ForumIndex f) const;
    void recordViolation(const std::string& by, ForumIndex f, const std::string& list, const FrameBreach& b,
                         const std::string& decision);
    [[nodiscard]] Decided decided(const Decision& d, Decided::Stage stage) const;
    [[nodiscard]] std::vector<std::string> idsOf(const std::vector<ActorIndex>& actors) const;
    // MeasureRules.cpp: who may decide a measure, with what parameters, and how long it takes.
    [[nodiscard]] const model::Measure* measureOf(const std::string& id) const;
    [[nodiscard]] std::optional<Refusal> checkMeasure(const model::Measure& m, const std::vector<ActorIndex>& actors,
                                                      std::vector<model::MeasureArg>& args) const;
    [[nodiscard]] Millis implementationDelay(const Decision& d, ActorIndex a) const;

    // Helpers shared by both files.
    [[nodiscard]] ActorIndex actorOf(const std::string& id) const { return m_region.actorIndex(id); }
    [[nodiscard]] ForumIndex forumOf(const std::string& ref) const { return m_region.resolveForum(ref); }
    [[nodiscard]] const std::string& actorId(ActorIndex a) const { return m_region.actors[a].id; }
    [[nodiscard]] const std::string& forumId(ForumIndex f) const { return m_region.forums[f].id; }
    [[nodiscard]] bool isConvener(const std::string& role) const { return role == m_region.convener; }
    [[nodiscard]] bool knownRole(const std::string& role) const { return actorOf(role) != kNone; }
    [[nodiscard]] bool forumRunning(ForumIndex f) const { return m_forums[f].status == ForumStatus::active; }
    Answer notRunning(ForumIndex f) const;
    Answer notMember(const std::string& by, ForumIndex f) const;
    /// Resolves `forum` into `f` and refuses unless it is known, running and `by` sits in it.
    [[nodiscard]] std::optional<Answer> seatIn(const std::string& by, const std::string& forum, ForumIndex& f) const;
    template <class T>
    void record(T&& payload, const std::string& actor = {}, const std::string& forum = {}, const std::string& ref = {}) {
        m_effects.record(entryOf(std::forward<T>(payload), actor, forum, ref));
    }
    Millis drawConveningDelay(const std::string& medium);

    const model::Region& m_region;
    Effects& m_effects;
    std::vector<ForumState> m_forums;
    std::vector<Decision> m_decisions;
    std::vector<PriorityList> m_priorities;
    std::vector<PriorityCatalogueEntry> m_lists;
    std::vector<MeasureOrdering> m_orderings;
    bool m_deviationsAllowed = false;
    std::vector<Message> m_messages;
    std::vector<OnCallMessage> m_alerts, m_informs;
    const std::vector<model::Measure>* m_measures = nullptr;
    std::vector<bool> m_affected;  ///< per actor: affected by the current event (R9)
    std::vector<std::vector<ActorIndex>> m_suggested;  ///< per forum: actors already suggested
};

}  // namespace samverkan::protocol
