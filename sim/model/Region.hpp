#pragma once
/// The region as data: its cooperation levels, their forums in ordinary and activated mode, the
/// parties with the functions and mandates they send to each level, and the convening delays.
/// Loaded from a region file (see docs/scenario-format.md); nothing here is Stockholm-specific.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/Time.hpp"
#include "sim/model/Text.hpp"

namespace samverkan::model {

using engine::Millis;

/// Index of an actor in Region::actors.
using ActorIndex = std::uint32_t;
/// Index of a forum in Region::forums.
using ForumIndex = std::uint32_t;
inline constexpr std::uint32_t kNone = UINT32_MAX;

/// The element of `items` whose `id` equals `id`, or nullptr.
template <class T>
const T* findById(const std::vector<T>& items, const std::string& id) {
    for (const auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

/// Ordinary mode (plan, improve, follow up) or activated mode (handling an event) (R2).
enum class Mode { ordinary, activated };

/// One forum of one level in one mode, e.g. "Regionalt samordnande forum" (R2).
struct Forum {
    std::string id;
    std::string level;  ///< id of its Level
    Mode mode = Mode::ordinary;
    Text name;
    Text purpose;
    Millis conferenceInterval = -1;  ///< conferences while activated; -1 = the region's default, 0 = none
};

/// A cooperation level (R1): directing, coordinating or executive, each with its forums.
struct Level {
    std::string id;  ///< "directing", "coordinating", "executive"
    Text name;
    Text purpose;
    int rank = 0;  ///< 0 = directing (top); higher ranks work within the frames of lower ranks (R11)
};

/// The function an actor sends to one level and what that function may agree to (R3).
struct Representation {
    std::string level;
    Text function;                     ///< e.g. "Kommundirektör"
    std::vector<std::string> mandate;  ///< decision topics the representative may agree without consulting
};

/// What an on-call function does in the alerting chain (förordning 2017:870, 2 §: detect, verify,
/// alert, inform). Convening stays with the convener (R5).
enum class Duty : std::uint8_t { verify, alert, inform };
/// The duty's name in region files, e.g. "verify".
const char* dutyName(Duty duty);

/// A function on call in an organisation, answering day and night: Länsstyrelsen's duty officer
/// (TiB), the regional cooperation coordinator on call (RSIB), the regional communication
/// coordinator, each party's duty officer and communicator on duty (KiB). The alerting chain wakes
/// it; it answers after a time drawn from its range, and then acts in the chain and within its
/// mandate.
struct OnCallRole {
    std::string id;                    ///< the same id in every organisation that has it, e.g. "kib"
    Text function;                     ///< e.g. "Tjänsteman i beredskap (TiB)"
    std::vector<Duty> duties;          ///< its part in the alerting chain; none: it is alerted and informed only
    std::vector<std::string> mandate;  ///< decision topics it may agree without consulting (R3)
    Millis answerMin = 0, answerMax = 0;  ///< from the alert to its answer, drawn per alert
    std::string source;                ///< where the function and its times come from, or "assumption"
    [[nodiscard]] bool has(Duty duty) const;
};

/// A party to the cooperation, or an outside actor (SMHI, public transport, airports).
struct Actor {
    std::string id;
    Text name;
    std::string kind;  ///< e.g. "authority", "municipality", "outside"
    bool outside = false;
    Text home;                    ///< the home organisation that consultations go to (R4)
    Millis consultDelay = 0;      ///< time to consult the home organisation for a mandate (R3, R4)
    Millis implementDelay = 0;    ///< time from an agreed direction to action in the organisation (R10)
    std::vector<Representation> representatives;
    std::vector<OnCallRole> onCall;  ///< its functions on call, in the region's order

    /// The representation at `level`, or nullptr if the actor sends nobody there.
    [[nodiscard]] const Representation* at(const std::string& level) const;
    /// Its on-call function `id`, or nullptr.
    [[nodiscard]] const OnCallRole* onCallRole(const std::string& id) const;
    /// Its first on-call function with `duty`, or nullptr.
    [[nodiscard]] const OnCallRole* onCallWith(Duty duty) const;
};

/// What the alerting chain's times are held against: a stated capability or a real event's times,
/// each from its first signal. -1: not given.
struct AlertingBenchmark {
    std::string id;
    Text name;
    Millis informationMin = -1, informationMax = -1;  ///< to information to all the actors
    Millis conference = -1;                           ///< to the first cooperation conference
    std::string source;
};

/// The alerting chain of the region: who receives the first signals and whom it alerts.
struct Alerting {
    std::string alarmCentre;  ///< actor id (SOS Alarm): signals reach it, it alerts the duty officer
    std::string dutyOfficer;  ///< on-call role id of the convener that the alarm centre alerts (TiB)
    std::string source;
    std::vector<AlertingBenchmark> benchmarks;
};

/// How long convening takes by one medium, as a range drawn per convening (R5, R6).
struct ConveningDelay {
    std::string medium;  ///< "telephone", "physical", ...
    Millis min = 0;
    Millis max = 0;
    std::string source;  ///< where the figure comes from, or "assumption"
};

/// A standing weekly conference in ordinary mode.
struct WeeklyConference {
    std::string forum;
    int weekday = 1;           ///< ISO weekday, 1 = Monday
    Millis timeOfDay = 0;      ///< local time after midnight
    std::string medium;
    /// Who takes part: actor and group ids; empty = the region's parties (not outside actors) that
    /// send a representative to the forum's level.
    std::vector<std::string> members = {};
    std::string source = {};   ///< where the weekday and time come from, or "assumption"
};

/// A standing monthly meeting of an ordinary forum (the coordination group's monthly group meeting,
/// R2): on a fixed day of the month, or on the n-th given weekday of the month, at a local time.
/// Convening "to the next meeting" (`meet_at: next-meeting`) follows it.
struct MonthlyMeeting {
    std::string forum;
    int day = 0;           ///< day of the month, 1–28 (every month has it); 0 when `week` is used
    int week = 0;          ///< 1–4: the week of the month in which `weekday` falls; 0 when `day` is used
    int weekday = 0;       ///< ISO weekday with `week`, 1 = Monday
    Millis timeOfDay = 0;  ///< local time after midnight
    std::string medium;
    std::string source = {};  ///< where the day and time come from, or "assumption"
};

/// The first monthly meeting at or after `localNotBefore`, both in local milliseconds since
/// 1970-01-01T00:00 (the scenario's clock with its offset added).
std::int64_t nextMonthlyMeeting(const MonthlyMeeting& meeting, std::int64_t localNotBefore);

/// What a step of the conference agenda does. The four of SSR's routine each have their part in
/// the run; a step of the region's own (`other`) is journalled with who took part, nothing more.
enum class AgendaRole : std::uint8_t {
    actorReports,        ///< "actor-reports": the members report (the reporting doctrine's reports at conferences)
    informationSharing,  ///< "information-sharing": the frames in force and the decisions since the last conference
    cooperationNeeds,    ///< "cooperation-needs": the affected actors the forum lacks (R9)
    regionalPicture,     ///< "regional-picture": Länsstyrelsen compiles the joint situational picture (R13)
    other,
};

/// One step of a cooperation conference's agenda.
struct AgendaStep {
    std::string id;
    Text name;
    AgendaRole role = AgendaRole::other;
};

/// SSR's agenda: actor reports, information sharing, identifying the need for cooperation, the
/// regional situational picture (the routine of the ordinary conferences, samverkanstockholmsregionen.se).
const std::vector<AgendaStep>& ssrAgenda();
/// The role of a step id: one of SSR's four, or `other`.
AgendaRole agendaRoleOf(const std::string& id);

/// A named group of actors, e.g. "municipalities".
struct ActorGroup {
    std::string id;
    std::vector<std::string> members;
    std::vector<ActorIndex> indices;  ///< the members' actors, built by Region::index()
};

/// How a simulated actor reports what it observes (doctrine as data): the levels of the services it
/// observes, as it sees them after their report delay, to each activated forum it sits in.
struct ReportingDoctrine {
    bool atConference = false;  ///< at each meeting and conference of such a forum, before the picture is compiled
    Millis every = 0;           ///< also every this long from the start of the run (0: no interval)
};

/// One rule of the reporting doctrine, for the named actors and groups (none named: every actor).
/// Rules apply in order, the region's first and then the scenario's: the last rule naming an actor
/// sets its doctrine. Roles a trainee holds never report by doctrine.
struct ReportingRule {
    std::vector<std::string> actors;
    ReportingDoctrine doctrine;
};

/// The whole region.
struct Region {
    std::string file;  ///< where it was loaded from
    std::string id;
    Text name;
    Text council;          ///< the regional council (Regionala rådet)
    Text councilPurpose;
    std::string convener;  ///< actor id of the convening authority (Länsstyrelsen) (R5)
    std::vector<Level> levels;
    std::vector<Forum> forums;
    std::vector<Actor> actors;
    std::vector<ActorGroup> groups;
    std::vector<std::string> topics;  ///< decision topics a mandate can cover
    /// Least time to carry out a decision of a topic, whatever the actor (e.g. a new routine: weeks).
    std::vector<std::pair<std::string, Millis>> topicImplementDelays;
    std::vector<ConveningDelay> convening;
    Millis callInDelay = 0;            ///< time for a called-in actor to join a running forum (R9)
    Millis meetingLength = 0;          ///< how long an ordinary-mode meeting lasts
    Millis activatedConferenceInterval = 0;  ///< extra conferences while a forum is activated
    std::optional<WeeklyConference> weekly;
    std::optional<MonthlyMeeting> monthly;  ///< the calendar of an ordinary forum's monthly meetings
    /// The agenda every cooperation conference runs, in order; empty = SSR's (ssrAgenda()).
    std::vector<AgendaStep> agenda;
    std::string agendaSource;  ///< where the agenda comes from
    std::vector<ReportingRule> reporting;  ///< who reports when; with no rule naming an actor, it does not report
    std::optional<Alerting> alerting;      ///< the alerting chain, if the region describes one

    /// The doctrine of actor `a`: the last reporting rule naming it (or naming nobody), else none.
    [[nodiscard]] ReportingDoctrine reportingOf(ActorIndex a) const;

    /// Time for actor `a` to carry out a decision of `topic` (R10).
    [[nodiscard]] Millis implementDelay(ActorIndex a, const std::string& topic) const {
        Millis d = actors[a].implementDelay;
        for (const auto& [t, least] : topicImplementDelays)
            if (t == topic && least > d) d = least;
        return d;
    }

    /// The agenda conferences run: the region's, or SSR's four steps.
    [[nodiscard]] const std::vector<AgendaStep>& agendaSteps() const { return agenda.empty() ? ssrAgenda() : agenda; }

    /// How often forum `f` holds a cooperation conference while activated (0 = never).
    [[nodiscard]] Millis conferenceInterval(ForumIndex f) const {
        return forums[f].conferenceInterval >= 0 ? forums[f].conferenceInterval : activatedConferenceInterval;
    }

    [[nodiscard]] ActorIndex actorIndex(const std::string& id) const;
    /// The actor of a group's k-th member: the index built at load, checked against the id.
    [[nodiscard]] ActorIndex memberIndex(const ActorGroup& group, std::size_t k) const;
    [[nodiscard]] ForumIndex forumIndex(const std::string& id) const;
    /// Builds the keys the id lookups of actors and forums scan (every command and journal entry
    /// looks ids up). Only a shortcut: a lookup checks the id it finds and searches the list when
    /// the keys find nothing, so a region changed after indexing still answers right.
    void index();
    [[nodiscard]] const Level* level(const std::string& id) const;
    [[nodiscard]] const ActorGroup* group(const std::string& id) const;
    [[nodiscard]] const ConveningDelay* conveningBy(const std::string& medium) const;
    /// The forum of `level` in `mode`, or kNone.
    [[nodiscard]] ForumIndex forumOf(const std::string& level, Mode mode) const;
    /// Resolves a forum reference: a forum id, or a level id meaning that level's activated forum.
    [[nodiscard]] ForumIndex resolveForum(const std::string& ref) const;
    [[nodiscard]] std::vector<std::string> actorIds() const;
    /// Forum ids and level ids: everything a forum reference may name.
    [[nodiscard]] std::vector<std::string> forumRefs() const;

    /// Per actor and per forum: the id's length and first seven letters in one word (index()).
    std::vector<std::uint64_t> actorKeys = {}, forumKeys = {};
};

}  // namespace samverkan::model
