// The alerting chain (förordning 2017:870, 2 §: detect, verify, alert, inform): the region's
// functions on call — SOS Alarm's, Länsstyrelsen's duty officer (TiB), the regional coordinator
// on call (RSIB), the communication coordinators, each party's duty officer and communicator —
// are woken by alerts and answer after their own time. Only a function with the duty may alert,
// verify or inform; what an alert or information carries is known when it is answered.
#include <algorithm>

#include "sim/protocol/Cooperation.hpp"

namespace samverkan::protocol {

std::optional<Answer> Cooperation::needsDuty(const std::string& by, model::Duty duty) const {
    if (m_region.actors[actorOf(by)].onCallWith(duty) == nullptr)
        return Answer::refused(RefusalCode::noDuty, {by, model::dutyName(duty)});
    return std::nullopt;
}

std::optional<Answer> Cooperation::onCallRecipients(const std::vector<std::string>& to, const std::string& duty,
                                                    std::vector<ActorIndex>& out) const {
    for (const auto& id : to)
        if (actorOf(id) == kNone && m_region.group(id) == nullptr) return Answer::refused(RefusalCode::unknownRecipient, {id});
    out = expand(to);
    if (out.empty()) return Answer::refused(RefusalCode::unknownRecipient, {""});
    for (const auto a : out) {
        const auto& actor = m_region.actors[a];
        if (duty.empty() ? actor.onCall.empty() : actor.onCallRole(duty) == nullptr)
            return Answer::refused(RefusalCode::noOnCall, {actor.id, duty});
    }
    return std::nullopt;
}

Millis Cooperation::drawAnswer(ActorIndex a, const std::string& duty) {
    const auto& actor = m_region.actors[a];
    const auto* role = duty.empty() ? &actor.onCall.front() : actor.onCallRole(duty);
    const Millis minutes = m_effects.random().uniformInt(role->answerMin / engine::kMinute, role->answerMax / engine::kMinute);
    return minutes * engine::kMinute;
}

Answer Cooperation::alert(const Alert& c) {
    if (auto refused = needsDuty(c.by, model::Duty::alert)) return *refused;
    std::vector<ActorIndex> to;
    if (auto refused = onCallRecipients(c.to, c.duty, to)) return *refused;
    const auto index = static_cast<std::uint32_t>(m_alerts.size());
    m_alerts.push_back({c.by, c.duty, m_effects.now(), to, std::vector<Millis>(to.size(), -1)});
    record(Alerted{c.by, c.duty, idsOf(to), c.text}, c.by, {}, c.duty);
    for (const auto a : to) m_effects.scheduleIn(drawAnswer(a, c.duty), {ProtocolEvent::Kind::alertAnswered, kNone, a, index});
    return Answer::ok();
}

Answer Cooperation::verify(const Verify& c) {
    if (auto refused = needsDuty(c.by, model::Duty::verify)) return *refused;
    if (actorOf(c.with) == kNone) return Answer::refused(RefusalCode::unknownRecipient, {c.with});
    record(Verified{c.by, c.with, c.text}, c.by, {}, c.with);
    return Answer::ok();
}

Answer Cooperation::inform(const Inform& c) {
    if (auto refused = needsDuty(c.by, model::Duty::inform)) return *refused;
    std::vector<ActorIndex> to;
    if (c.to.empty()) {
        // Every other actor with a function on call, through its first.
        for (ActorIndex a = 0; a < m_region.actors.size(); ++a)
            if (!m_region.actors[a].onCall.empty() && m_region.actors[a].id != c.by) to.push_back(a);
        if (to.empty()) return Answer::refused(RefusalCode::noOnCall, {"", ""});
    } else if (auto refused = onCallRecipients(c.to, {}, to)) {
        return *refused;
    }
    const auto index = static_cast<std::uint32_t>(m_informs.size());
    m_informs.push_back({c.by, {}, m_effects.now(), to, std::vector<Millis>(to.size(), -1)});
    record(Informed{c.by, idsOf(to), c.text}, c.by);
    for (const auto a : to) m_effects.scheduleIn(drawAnswer(a, {}), {ProtocolEvent::Kind::informationReceived, kNone, a, index});
    return Answer::ok();
}

namespace {
// The on-call function of `actor` that a message woke: the one named, else its first.
const std::string& wokenRole(const model::Actor& actor, const std::string& duty) {
    return duty.empty() ? actor.onCall.front().id : duty;
}

void noteAnswer(OnCallMessage& m, ActorIndex a, Millis now) {
    const auto it = std::find(m.to.begin(), m.to.end(), a);
    if (it != m.to.end()) m.answeredAt[static_cast<std::size_t>(it - m.to.begin())] = now;
}
}  // namespace

void Cooperation::alertAnswered(std::uint32_t index, ActorIndex a) {
    auto& m = m_alerts[index];
    noteAnswer(m, a, m_effects.now());
    const auto& role = wokenRole(m_region.actors[a], m.duty);
    record(AlertAnswered{actorId(a), role, m.by, m_effects.now() - m.sentAt}, actorId(a), {}, role);
}

void Cooperation::informationReceived(std::uint32_t index, ActorIndex a) {
    auto& m = m_informs[index];
    noteAnswer(m, a, m_effects.now());
    const auto& role = wokenRole(m_region.actors[a], {});
    record(InformationReceived{actorId(a), role, m.by, m_effects.now() - m.sentAt}, actorId(a), {}, role);
}

}  // namespace samverkan::protocol
