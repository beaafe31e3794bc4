#pragma once
/// Every action in an exercise — a trainee's, exercise control's or a scripted play's — is a Command:
/// a variant of plain structs holding stable ids, never pointers. `by` names the role that acts:
/// an actor id, or "control" for exercise control.

#include <string>
#include <variant>
#include <vector>

#include "sim/engine/Time.hpp"
#include "sim/model/Measure.hpp"
#include "sim/model/Text.hpp"

namespace samverkan::protocol {

using engine::Millis;
using model::Text;

/// The role id of exercise control (övningsledning).
inline const std::string kControl = "control";

/// Ask Länsstyrelsen to activate a forum (R6). Empty forum = the coordinating forum (R8).
/// `viaForum` is set when an active forum asks.
struct RequestActivation {
    std::string by, forum, viaForum;
    Text reason;
};
/// Länsstyrelsen convenes a forum, or an extra conference of an active one (R5). The meeting opens
/// after the medium's convening delay, or at `meetIn` from now if that is later, or at `meetAt`:
/// "next-meeting" (the forum's next monthly meeting on the region's calendar, at least the medium's
/// longest delay ahead) or a time from the start ("+5d5h15min": a conference planned beforehand).
struct Convene {
    std::string by, forum, medium;
    Millis meetIn = 0;
    std::vector<std::string> actors;  ///< who is called; empty = the forum's usual members
    std::string meetAt = {};
};
/// Call an actor into a running forum (adapted composition, R9).
struct CallIn {
    std::string by, forum, actor;
};
/// Release an actor from a forum (R9).
struct Release {
    std::string by, forum, actor;
};
/// The forum decides its chair; the first meeting's decision takes over from Länsstyrelsen (R7).
struct SetChair {
    std::string by, forum, actor;
};
/// A forum agrees a direction that `actors` carry out in their own organisations (R10). With no
/// forum, `by` decides alone in its own organisation. `proposalTo` forwards it to another forum.
/// `measure` names the scenario's measure it decides, with its parameters in `args`; a decision
/// that names no measure is information only and has no modelled effect.
struct AgreeDecision {
    std::string by, forum, id, topic, proposalTo;
    Text text;
    std::vector<std::string> actors;
    std::string measure = {};
    std::vector<model::MeasureArg> args = {};
};
/// Sets a priority order. In a directing forum it is a frame that binds lower levels (R11).
struct SetPriorities {
    std::string by, forum, list;
    std::vector<std::string> order;
};
/// A message to the public. Sent through a forum it is joint: its `senders` (actor or group ids,
/// `by` among them; none named: the members present) must take part in the forum, and each
/// sender's representative needs the public-message mandate at the forum's level, or consults its
/// home organisation first (R3, R4); it goes out as joint once all have consented. With no forum,
/// or `by` its only sender, it is the actor's own message.
struct SendPublicMessage {
    std::string by, forum;
    Text text;
    std::string id = {};                     ///< names it in the journal; empty: "message-N", N counting the run's messages
    std::vector<std::string> senders = {};
};
/// A forum goes back to ordinary mode.
struct Deactivate {
    std::string by, forum;
};
/// Answers a pending decision point with one of its options.
struct AnswerDecisionPoint {
    std::string by, point, option;
};
/// Exercise control injects a message: a scenario inject by id, or free text to the given roles.
struct ControlInject {
    std::string by, inject;
    std::vector<std::string> to;
    Text text;
};
/// One service's level in a report: as the reporter saw it at `observedAt` (simulated ms).
struct ReportedLevel {
    std::string service;
    double level = 1;
    Millis observedAt = -1;
};
/// A report from an actor to a forum, e.g. at a cooperation conference. It names the services it
/// reports (`services`; empty: every service the reporter observes), and carries their levels as
/// the reporter observes them when it reports: the exercise fills `levels` in from the world
/// before the protocol sees the command, so a report can carry only what its author saw.
struct Report {
    std::string by, forum;
    Text text;
    std::vector<std::string> services = {};
    std::vector<ReportedLevel> levels = {};  ///< filled in by the exercise; not a field of plays or journals
};
/// A bilateral contact outside the forums (R15 counts these).
struct Contact {
    std::string by, to;
    Text text;
};

/// Exercise control hands a role a trainee holds to the simulator, which plays the play's remaining
/// steps for it from now on (e.g. when a trainee has to leave).
struct HandOver {
    std::string by, role;
};

// The alerting chain (förordning 2017:870, 2 §: detect, verify, alert, inform). Each organisation's
// functions on call (the region's `on_call:`) answer an alert after their own time.

/// An on-call function with the duty `alert` (SOS Alarm's, the duty officer's) wakes the on-call
/// function `duty` (empty: each recipient's first) of the actors `to` (ids or groups). Each answers
/// after its own time and then knows what the alerter knows.
struct Alert {
    std::string by;
    std::vector<std::string> to;
    std::string duty = {};
    Text text = {};
};
/// The duty officer checks a signal with its source (`with`) before alerting and informing.
struct Verify {
    std::string by, with;
    Text text = {};
};
/// An on-call function with the duty `inform` sends one piece of information to the actors `to`
/// (ids or groups; none named: every other actor with one) through their first on-call function; each
/// has it, and knows what the informer knows, when that function answers.
struct Inform {
    std::string by;
    std::vector<std::string> to;
    Text text;
};

using Command = std::variant<RequestActivation, Convene, CallIn, Release, SetChair, AgreeDecision, SetPriorities,
                             SendPublicMessage, Deactivate, AnswerDecisionPoint, ControlInject, Report, Contact, HandOver,
                             Alert, Verify, Inform>;

/// The command's type name as written in scenarios and journals, e.g. "request-activation".
std::string typeName(const Command& command);
/// The acting role of a command.
const std::string& actingRole(const Command& command);
/// The command's own words (an alert's, a message's, a decision's), or null for a command without.
Text* textOf(Command& command);
/// Sets the acting role of a command.
void setActingRole(Command& command, std::string role);
/// All type names, in variant order.
const std::vector<std::string>& commandTypeNames();

}  // namespace samverkan::protocol
