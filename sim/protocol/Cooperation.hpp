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
    enum class Kind : std::uint8_t { forumOpens, memberJoins, conference, meetingCloses, consultDone, implemented };
    Kind kind = Kind::forumOpens;
    ForumIndex forum = kNone;
    ActorIndex actor = kNone;
    std::uint32_t index = 0;  ///< decision index for consultDone / implemented
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
    virtual void record(JournalEntry entry) = 0;
    /// The run's random stream for the protocol's own draws (convening delays).
    virtual engine::Random& random() = 0;
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
    bool chairDecided = false;
    std::string medium;
    Millis activatedAt = -1;           ///< when the current activation's first meeting opened
    int meetings = 0;                  ///< meetings and conferences held, over the run
    engine::EventId openEvent, conferenceEvent, closeEvent;
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

/// Where a priority order breaks a higher level's frame: item `first` must come before `second`.
struct FrameBreach {
    ForumIndex frameForum = kNone;
    std::string first, second;
};

/// A priority list forums may set, with the items it may order (the scenario's resources and the
/// services they are shared among). With no lists given, any list is accepted.
struct PriorityCatalogueEntry {
    std::string list;
    std::vector<std::string> items;
};

/// The cooperation model's rules over one region.
class Cooperation {
public:
    Cooperation(const model::Region& region, Effects& effects);

    /// Applies a command now. Accepted commands change state and record what happened; rejected
    /// ones change nothing and say why. AnswerDecisionPoint and ControlInject belong to the
    /// exercise, not here, and are rejected.
    Answer apply(const Command& command);
    /// Handles a delayed consequence scheduled earlier.
    void handle(const ProtocolEvent& event);
    /// Holds the standing weekly conference in ordinary mode.
    void holdWeeklyConference();
    /// The scenario's catalogue of measures (must outlive this): a decision naming a measure is
    /// checked against who may decide it and the ranges of its parameters (R3, R10).
    void setMeasures(const std::vector<model::Measure>* measures) { m_measures = measures; }
    /// The priority lists of the scenario: set-priorities naming another list or item is refused.
    void setPriorityLists(std::vector<PriorityCatalogueEntry> lists) { m_lists = std::move(lists); }
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
    Answer contact(const Contact& c);
    void forumOpens(ForumIndex f);
    void memberJoins(ForumIndex f, ActorIndex a);
    void conference(ForumIndex f);
    void meetingCloses(ForumIndex f);
    void suggestMissing(ForumIndex f);
    // Decisions.cpp: agreeing, mandates, implementation, priorities and frames.
    Answer agreeDecision(const AgreeDecision& c);
    Answer setPriorities(const SetPriorities& c);
    void consultDone(std::uint32_t decision, ActorIndex a);
    void decisionAgreed(std::uint32_t decision);
    void implemented(std::uint32_t decision, ActorIndex a);
    [[nodiscard]] std::optional<FrameBreach> frameViolation(const SetPriorities& c, ForumIndex f) const;
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
    void record(Event event, const std::string& actor = {}, const std::string& forum = {}, const std::string& ref = {});
    Millis drawConveningDelay(const std::string& medium);

    const model::Region& m_region;
    Effects& m_effects;
    std::vector<ForumState> m_forums;
    std::vector<Decision> m_decisions;
    std::vector<PriorityList> m_priorities;
    std::vector<PriorityCatalogueEntry> m_lists;
    const std::vector<model::Measure>* m_measures = nullptr;
    std::vector<bool> m_affected;  ///< per actor: affected by the current event (R9)
    std::vector<std::vector<ActorIndex>> m_suggested;  ///< per forum: actors already suggested
};

}  // namespace samverkan::protocol
