// Messages to the public (R15): one actor's own, or joint once every sender has consented, each
// sender's representative with the public-message mandate at the forum's level or after consulting
// its home organisation (R3, R4).
#include <algorithm>

#include "sim/protocol/Cooperation.hpp"

namespace samverkan::protocol {
namespace {
// The region topic a representative's mandate must cover to consent to a joint message.
const std::string kPublicMessageTopic = "public-message";
}  // namespace

Answer Cooperation::publicMessage(const SendPublicMessage& c) {
    if (!c.id.empty())
        for (const auto& m : m_messages)
            if (m.id == c.id) return Answer::refused(RefusalCode::duplicateMessage, {c.id});
    const auto index = static_cast<std::uint32_t>(m_messages.size());
    Message message{c, c.id.empty() ? "message-" + std::to_string(index + 1) : c.id, kNone, {actorOf(c.by)}, 0, false,
                    -1};
    if (c.forum.empty()) {
        // Consent is sought in a forum; outside one a message has one sender.
        if (std::any_of(c.senders.begin(), c.senders.end(), [&](const std::string& s) { return s != c.by; }))
            return Answer::refused(RefusalCode::sendersWithoutForum);
        m_messages.push_back(std::move(message));
        publish(index);
        return Answer::ok();
    }
    ForumIndex f = kNone;
    if (const auto refused = seatIn(c.by, c.forum, f)) return *refused;
    const auto& state = m_forums[f];
    for (const auto& id : c.senders)
        if (actorOf(id) == kNone && m_region.group(id) == nullptr)
            return Answer::refused(RefusalCode::unknownActor, {c.forum, id});
    auto senders = c.senders.empty() ? state.members : expand(c.senders);
    for (const auto a : senders)
        if (!state.has(a)) return notMember(actorId(a), f);
    // The one who sends it is always among its senders.
    if (std::find(senders.begin(), senders.end(), actorOf(c.by)) == senders.end())
        senders.insert(senders.begin(), actorOf(c.by));
    message.forum = f;
    message.senders = std::move(senders);
    message.joint = message.senders.size() > 1;
    std::vector<ActorIndex> waiting;
    const std::string& level = m_region.forums[f].level;
    if (message.joint)
        for (const auto a : message.senders) {
            const auto* rep = m_region.actors[a].at(level);
            if (rep == nullptr ||
                std::find(rep->mandate.begin(), rep->mandate.end(), kPublicMessageTopic) == rep->mandate.end())
                waiting.push_back(a);
        }
    message.consultationsPending = static_cast<int>(waiting.size());
    m_messages.push_back(std::move(message));
    if (waiting.empty()) {
        publish(index);
        return Answer::ok();
    }
    const auto& m = m_messages[index];
    record(MessageProposed{c.by, forumId(f), m.id, idsOf(m.senders), idsOf(waiting), c.text}, c.by, forumId(f), m.id);
    for (const auto a : waiting) {
        const auto& actor = m_region.actors[a];
        m_effects.scheduleIn(actor.consultDelay, {ProtocolEvent::Kind::messageConsultDone, f, a, index});
        record(ConsultationStarted{forumId(f), actor.id, m.id, kPublicMessageTopic, actor.consultDelay}, actor.id,
               forumId(f), m.id);
    }
    return Answer::ok();
}

void Cooperation::messageConsultDone(std::uint32_t index, ActorIndex a) {
    auto& m = m_messages[index];
    record(ConsultationDone{forumId(m.forum), actorId(a), m.id}, actorId(a), forumId(m.forum), m.id);
    // The senders have consented; the message goes out even if the forum has closed meanwhile.
    if (--m.consultationsPending == 0) publish(index);
}

void Cooperation::publish(std::uint32_t index) {
    auto& m = m_messages[index];
    m.publishedAt = m_effects.now();
    const std::string forum = m.forum == kNone ? std::string{} : forumId(m.forum);
    record(PublicMessage{m.command.by, forum, m.joint, idsOf(m.senders), m.command.text}, m.command.by, forum, m.id);
}

}  // namespace samverkan::protocol
