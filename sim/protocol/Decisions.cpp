// Decisions (R3, R4, R10), priorities and frames (R11).
#include <algorithm>

#include "sim/protocol/Cooperation.hpp"

namespace samverkan::protocol {
namespace {
std::string joinNames(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}
}  // namespace

Answer Cooperation::agreeDecision(const AgreeDecision& c) {
    for (const auto& d : m_decisions)
        if (d.command.id == c.id)
            return Answer::rejected({"Det finns redan ett beslut med id '" + c.id + "'.", "A decision with id '" + c.id + "' already exists."});
    if (std::find(m_region.topics.begin(), m_region.topics.end(), c.topic) == m_region.topics.end())
        return Answer::rejected({"Okänt beslutsområde '" + c.topic + "'.", "Unknown decision topic '" + c.topic + "'."});
    Decision decision;
    decision.command = c;
    decision.proposedAt = m_effects.now();
    decision.actors = expand(c.actors.empty() ? std::vector<std::string>{c.by} : c.actors);
    const auto index = static_cast<std::uint32_t>(m_decisions.size());

    if (c.forum.empty()) {
        // Acting alone: each actor decides only in its own organisation (R10).
        if (decision.actors.size() != 1 || decision.actors.front() != actorOf(c.by))
            return Answer::rejected({"Utan forum kan en aktör bara besluta för sin egen organisation (R10).",
                                     "Without a forum an actor can decide only for its own organisation (R10)."});
        decision.implementedAt.assign(1, -1);
        m_decisions.push_back(std::move(decision));
        decisionAgreed(index);
        return Answer::ok();
    }

    const ForumIndex f = forumOf(c.forum);
    if (f == kNone) return Answer::rejected({"Okänt forum '" + c.forum + "'.", "Unknown forum '" + c.forum + "'."});
    if (!forumRunning(f)) return notRunning(f);
    const auto& state = m_forums[f];
    if (!state.has(actorOf(c.by))) return notMember(c.by, f);
    std::vector<std::string> absentIds, absentSv, absentEn;
    for (const auto a : decision.actors) {
        if (state.has(a)) continue;
        absentIds.push_back(actorId(a));
        absentSv.push_back(actorName(a).sv);
        absentEn.push_back(actorName(a).en);
    }
    if (!absentIds.empty()) {
        record("composition-suggested", "", forumId(f),
               {"Forumet saknar " + joinNames(absentSv) + " för beslutet '" + c.id + "' (R9).",
                "The forum lacks " + joinNames(absentEn) + " for decision '" + c.id + "' (R9)."},
               JsonObject().add("missing", absentIds).str(), c.id);
        return Answer::rejected({joinNames(absentSv) + " deltar inte i forumet; kalla in dem först (R9).",
                                 joinNames(absentEn) + " are not in the forum; call them in first (R9)."});
    }

    // Representatives without the mandate for this topic consult their home organisations (R3, R4).
    const std::string& level = m_region.forums[f].level;
    decision.forum = f;
    decision.implementedAt.assign(decision.actors.size(), -1);
    std::vector<ActorIndex> unmandated;
    for (const auto a : decision.actors) {
        const auto* rep = m_region.actors[a].at(level);
        if (rep == nullptr || std::find(rep->mandate.begin(), rep->mandate.end(), c.topic) == rep->mandate.end())
            unmandated.push_back(a);
    }
    std::vector<std::string> actorIds;
    for (const auto a : decision.actors) actorIds.push_back(actorId(a));
    m_decisions.push_back(std::move(decision));
    if (!unmandated.empty())
        record("decision-proposed", c.by, forumId(f), c.text,
               JsonObject().add("topic", c.topic).add("actors", actorIds).str(), c.id);
    for (const auto a : unmandated) {
        const auto& actor = m_region.actors[a];
        const auto* rep = actor.at(level);
        ++m_decisions[index].consultationsPending;
        m_effects.scheduleIn(actor.consultDelay, {ProtocolEvent::Kind::consultDone, f, a, index});
        const std::string fn = rep != nullptr ? rep->function.sv : "representant";
        const std::string fnEn = rep != nullptr ? rep->function.en : "representative";
        record("consultation-started", actor.id, forumId(f),
               {actor.name.sv + ": " + fn + " saknar mandat för '" + c.topic + "' och stämmer av med " + actor.home.sv +
                    " (R3, R4).",
                actor.name.en + ": the " + fnEn + " has no mandate for '" + c.topic + "' and consults " + actor.home.en +
                    " (R3, R4)."},
               JsonObject().add("topic", c.topic).add("delay_ms", actor.consultDelay).str(), c.id);
    }
    if (m_decisions[index].consultationsPending == 0) decisionAgreed(index);
    return Answer::ok();
}

void Cooperation::consultDone(std::uint32_t index, ActorIndex a) {
    auto& d = m_decisions[index];
    record("consultation-done", actorId(a), d.forum == kNone ? forumId(forumOf(d.command.forum)) : forumId(d.forum),
           {actorName(a).sv + " har fått besked från sin hemorganisation.", actorName(a).en + " has its home organisation's answer."},
           {}, d.command.id);
    if (--d.consultationsPending == 0) decisionAgreed(index);
}

void Cooperation::decisionAgreed(std::uint32_t index) {
    auto& d = m_decisions[index];
    d.agreedAt = m_effects.now();
    d.forum = d.command.forum.empty() ? kNone : forumOf(d.command.forum);
    std::vector<std::string> ids;
    for (const auto a : d.actors) ids.push_back(actorId(a));
    JsonObject data;
    data.add("topic", d.command.topic).add("actors", ids);
    if (d.forum == kNone) {
        record("own-decision", d.command.by, "", d.command.text, data.add("alone", true).str(), d.command.id);
    } else {
        if (!d.command.proposalTo.empty()) data.add("proposal_to", forumId(forumOf(d.command.proposalTo)));
        record("decision-agreed", d.command.by, forumId(d.forum), d.command.text, data.str(), d.command.id);
    }
    if (!d.command.proposalTo.empty()) {
        const ForumIndex to = forumOf(d.command.proposalTo);
        record("proposal", d.command.by, forumId(to),
               {"Förslag från " + forumName(d.forum).sv + " till " + forumName(to).sv + ": " + d.command.text.sv,
                "Proposal from " + forumName(d.forum).en + " to " + forumName(to).en + ": " + d.command.text.en},
               {}, d.command.id);
    }
    // Each actor carries the direction out in its own organisation, after its own delay (R10).
    for (const auto a : d.actors)
        m_effects.scheduleIn(m_region.implementDelay(a, d.command.topic), {ProtocolEvent::Kind::implemented, d.forum, a, index});
}

void Cooperation::implemented(std::uint32_t index, ActorIndex a) {
    auto& d = m_decisions[index];
    for (std::size_t i = 0; i < d.actors.size(); ++i)
        if (d.actors[i] == a) d.implementedAt[i] = m_effects.now();
    record("implemented", actorId(a), d.forum == kNone ? std::string{} : forumId(d.forum),
           {actorName(a).sv + " genomför beslutet i egen organisation (R10): " + d.command.text.sv,
            actorName(a).en + " carries out the decision in its own organisation (R10): " + d.command.text.en},
           {}, d.command.id);
}

std::string Cooperation::frameViolation(const SetPriorities& c, ForumIndex f) const {
    const int rank = m_region.level(m_region.forums[f].level)->rank;
    for (const auto& frame : m_priorities) {
        if (frame.list != c.list) continue;
        if (m_region.level(m_region.forums[frame.forum].level)->rank >= rank) continue;
        auto pos = [&](const std::string& item) {
            return std::find(c.order.begin(), c.order.end(), item) - c.order.begin();
        };
        for (std::size_t i = 0; i < frame.order.size(); ++i)
            for (std::size_t j = i + 1; j < frame.order.size(); ++j) {
                const auto pi = pos(frame.order[i]), pj = pos(frame.order[j]);
                const auto n = static_cast<std::ptrdiff_t>(c.order.size());
                if (pi < n && pj < n && pi > pj) return frame.order[i] + "|" + frame.order[j] + "|" + forumId(frame.forum);
            }
    }
    return {};
}

Answer Cooperation::setPriorities(const SetPriorities& c) {
    const ForumIndex f = forumOf(c.forum);
    if (f == kNone) return Answer::rejected({"Okänt forum '" + c.forum + "'.", "Unknown forum '" + c.forum + "'."});
    if (!forumRunning(f)) return notRunning(f);
    if (!m_forums[f].has(actorOf(c.by))) return notMember(c.by, f);
    if (c.order.empty()) return Answer::rejected({"Prioriteringslistan är tom.", "The priority list is empty."});
    const std::string violation = frameViolation(c, f);
    if (!violation.empty()) {
        const auto first = violation.substr(0, violation.find('|'));
        const auto rest = violation.substr(violation.find('|') + 1);
        const auto second = rest.substr(0, rest.find('|'));
        const auto& frameForum = forumName(forumOf(rest.substr(rest.find('|') + 1)));
        return Answer::rejected({frameForum.sv + " har ramen att '" + first + "' går före '" + second + "'; " + forumName(f).sv +
                                     " arbetar inom den ramen (R11).",
                                 frameForum.en + " has set the frame that '" + first + "' comes before '" + second + "'; " +
                                     forumName(f).en + " works within that frame (R11)."});
    }
    const bool frame = m_region.level(m_region.forums[f].level)->rank == 0;
    auto it = std::find_if(m_priorities.begin(), m_priorities.end(),
                           [&](const PriorityList& p) { return p.forum == f && p.list == c.list; });
    if (it == m_priorities.end()) m_priorities.push_back({f, c.list, c.order});
    else it->order = c.order;
    record(frame ? "frame-set" : "priorities-set", c.by, forumId(f),
           frame ? Text{forumName(f).sv + " sätter ramen för '" + c.list + "': " + joinNames(c.order) + " (R11).",
                        forumName(f).en + " sets the frame for '" + c.list + "': " + joinNames(c.order) + " (R11)."}
                 : Text{forumName(f).sv + " prioriterar '" + c.list + "': " + joinNames(c.order) + ".",
                        forumName(f).en + " prioritises '" + c.list + "': " + joinNames(c.order) + "."},
           JsonObject().add("list", c.list).add("order", c.order).str());
    return Answer::ok();
}

}  // namespace samverkan::protocol
