// Decisions (R3, R4, R10), priorities and frames (R11).
#include <algorithm>

#include "sim/protocol/Cooperation.hpp"

namespace samverkan::protocol {
Answer Cooperation::agreeDecision(const AgreeDecision& c) {
    for (const auto& d : m_decisions)
        if (d.command.id == c.id) return Answer::refused(RefusalCode::duplicateDecision, {c.id});
    Decision decision;
    decision.command = c;
    decision.proposedAt = m_effects.now();
    decision.actors = expand(c.actors.empty() ? std::vector<std::string>{c.by} : c.actors);
    if (!c.measure.empty()) {
        const auto* m = measureOf(c.measure);
        if (m == nullptr) return Answer::refused(RefusalCode::unknownMeasure, {c.measure});
        // The measure's topic is the mandate it needs (R3), whatever the command says.
        decision.command.topic = m->topic;
        if (decision.actors.empty()) return Answer::refused(RefusalCode::notDecider, {m->id, c.by});
        if (auto refusal = checkMeasure(*m, decision.actors, decision.command.args)) return Answer{false, std::move(*refusal)};
    }
    const std::string topic = decision.command.topic;  // a copy: the decision moves into the list below
    if (std::find(m_region.topics.begin(), m_region.topics.end(), topic) == m_region.topics.end())
        return Answer::refused(RefusalCode::unknownTopic, {topic});
    // The forum a proposal goes to must exist before anything is recorded: a journal or a client
    // may name any string (found by fuzzing replay, which read past the region's forums).
    if (!c.proposalTo.empty() && forumOf(c.proposalTo) == kNone) return Answer::refused(RefusalCode::unknownForum, {c.proposalTo});
    const auto index = static_cast<std::uint32_t>(m_decisions.size());

    if (c.forum.empty()) {
        // Acting alone: each actor decides only in its own organisation (R10).
        if (decision.actors.size() != 1 || decision.actors.front() != actorOf(c.by))
            return Answer::refused(RefusalCode::aloneOwnOrganisation, {c.by});
        decision.implementedAt.assign(1, -1);
        m_decisions.push_back(std::move(decision));
        decisionAgreed(index);
        return Answer::ok();
    }

    ForumIndex f = kNone;
    if (const auto refused = seatIn(c.by, c.forum, f)) return *refused;
    const auto& state = m_forums[f];
    // A measure's priority order is held to the frames like any other order (R11).
    const auto* measure = c.measure.empty() ? nullptr : measureOf(c.measure);
    const auto breach = measure == nullptr ? std::nullopt : measureBreach(*measure, decision.command.args, f);
    if (breach && !m_deviationsAllowed) return frameRefusal(breach->first, breach->second, f);
    std::vector<ActorIndex> absent;
    for (const auto a : decision.actors)
        if (!state.has(a)) absent.push_back(a);
    if (!absent.empty()) {
        record(CompositionSuggested{forumId(f), c.id, idsOf(absent)}, {}, forumId(f), c.id);
        return Answer::refused(RefusalCode::membersAbsent, idsOf(absent));
    }

    // Representatives without the mandate for this topic consult their home organisations (R3, R4).
    const std::string& level = m_region.forums[f].level;
    decision.forum = f;
    decision.implementedAt.assign(decision.actors.size(), -1);
    std::vector<ActorIndex> unmandated;
    for (const auto a : decision.actors) {
        const auto* rep = m_region.actors[a].at(level);
        if (rep == nullptr || std::find(rep->mandate.begin(), rep->mandate.end(), topic) == rep->mandate.end())
            unmandated.push_back(a);
    }
    m_decisions.push_back(std::move(decision));
    if (!unmandated.empty()) record(decided(m_decisions[index], Decided::Stage::proposed), c.by, forumId(f), c.id);
    for (const auto a : unmandated) {
        const auto& actor = m_region.actors[a];
        ++m_decisions[index].consultationsPending;
        m_effects.scheduleIn(actor.consultDelay, {ProtocolEvent::Kind::consultDone, f, a, index});
        record(ConsultationStarted{forumId(f), actor.id, c.id, topic, actor.consultDelay}, actor.id, forumId(f), c.id);
    }
    if (m_decisions[index].consultationsPending == 0) decisionAgreed(index);
    if (breach) recordViolation(c.by, f, breach->first, breach->second, c.id);
    return Answer::ok();
}

Decided Cooperation::decided(const Decision& d, Decided::Stage stage) const {
    const auto& c = d.command;
    return Decided{stage, c.by, d.forum == kNone ? std::string{} : forumId(d.forum), c.id, c.topic, c.measure,
                   c.proposalTo.empty() ? std::string{} : forumId(forumOf(c.proposalTo)), c.args, idsOf(d.actors), c.text};
}

const Decision* Cooperation::decision(const std::string& id) const {
    for (const auto& d : m_decisions)
        if (d.command.id == id) return &d;
    return nullptr;
}

void Cooperation::consultDone(std::uint32_t index, ActorIndex a) {
    auto& d = m_decisions[index];
    const std::string forum = d.forum == kNone ? forumId(forumOf(d.command.forum)) : forumId(d.forum);
    record(ConsultationDone{forum, actorId(a), d.command.id}, actorId(a), forum, d.command.id);
    if (--d.consultationsPending == 0) decisionAgreed(index);
}

void Cooperation::decisionAgreed(std::uint32_t index) {
    auto& d = m_decisions[index];
    d.agreedAt = m_effects.now();
    d.forum = d.command.forum.empty() ? kNone : forumOf(d.command.forum);
    if (d.forum == kNone) {
        record(decided(d, Decided::Stage::alone), d.command.by, {}, d.command.id);
    } else {
        record(decided(d, Decided::Stage::agreed), d.command.by, forumId(d.forum), d.command.id);
    }
    if (!d.command.proposalTo.empty()) {
        const ForumIndex to = forumOf(d.command.proposalTo);
        // A decision taken alone has no forum it comes from.
        const std::string from = d.forum == kNone ? std::string{} : forumId(d.forum);
        record(ProposalSent{d.command.by, from, forumId(to), d.command.id, d.command.text}, d.command.by, forumId(to), d.command.id);
    }
    // Each actor carries the direction out in its own organisation, after its own delay (R10).
    for (const auto a : d.actors)
        m_effects.scheduleIn(implementationDelay(d, a), {ProtocolEvent::Kind::implemented, d.forum, a, index});
}

void Cooperation::implemented(std::uint32_t index, ActorIndex a) {
    auto& d = m_decisions[index];
    for (std::size_t i = 0; i < d.actors.size(); ++i)
        if (d.actors[i] == a) d.implementedAt[i] = m_effects.now();
    const std::string forum = d.forum == kNone ? std::string{} : forumId(d.forum);
    record(Implemented{actorId(a), forum, d.command.id, d.command.measure, d.command.text}, actorId(a), forum, d.command.id);
}

// A frame binds the forums of the levels below the one that set it (R11): what it ranks keeps its
// order, and nothing it ranks is left out; items it does not rank may be added anywhere.
std::optional<FrameBreach> Cooperation::frameBreach(const std::string& list, const std::vector<std::string>& order,
                                                    ForumIndex f) const {
    const int rank = m_region.level(m_region.forums[f].level)->rank;
    for (const auto& frame : m_priorities) {
        if (frame.list != list) continue;
        if (m_region.level(m_region.forums[frame.forum].level)->rank >= rank) continue;
        auto pos = [&](const std::string& item) { return std::find(order.begin(), order.end(), item) - order.begin(); };
        const auto n = static_cast<std::ptrdiff_t>(order.size());
        for (std::size_t i = 0; i < frame.order.size(); ++i)
            for (std::size_t j = i + 1; j < frame.order.size(); ++j) {
                const auto pi = pos(frame.order[i]), pj = pos(frame.order[j]);
                if (pi < n && pj < n && pi > pj) return FrameBreach{frame.forum, frame.order[i], frame.order[j]};
            }
        for (const auto& item : frame.order)
            if (pos(item) == n) return FrameBreach{frame.forum, item, {}, true};
    }
    return std::nullopt;
}

std::optional<std::pair<std::string, FrameBreach>> Cooperation::measureBreach(const model::Measure& m,
                                                                             const std::vector<model::MeasureArg>& args,
                                                                             ForumIndex f) const {
    for (const auto& o : m_orderings) {
        if (o.measure != m.id) continue;
        const auto* p = o.param.empty() ? nullptr : m.parameter(o.param);
        const auto* arg = p == nullptr ? nullptr : model::argFor(args, o.param);
        const auto& order = arg != nullptr ? arg->items : p != nullptr ? p->defaultItems : o.order;
        if (auto b = frameBreach(o.list, order, f)) return std::make_pair(o.list, *b);
    }
    return std::nullopt;
}

Answer Cooperation::frameRefusal(const std::string& list, const FrameBreach& b, ForumIndex f) const {
    if (b.omitted) return Answer::refused(RefusalCode::frameOmission, {forumId(b.frameForum), list, b.first, forumId(f)});
    return Answer::refused(RefusalCode::frameViolation, {forumId(b.frameForum), list, b.first, b.second, forumId(f)});
}

void Cooperation::recordViolation(const std::string& by, ForumIndex f, const std::string& list, const FrameBreach& b,
                                  const std::string& decision) {
    record(FrameViolated{by, forumId(f), forumId(b.frameForum), list, decision, b.omitted, b.first, b.second}, by, forumId(f), decision);
}

Answer Cooperation::setPriorities(const SetPriorities& c) {
    ForumIndex f = kNone;
    if (const auto refused = seatIn(c.by, c.forum, f)) return *refused;
    if (c.order.empty()) return Answer::refused(RefusalCode::emptyPriorities);
    if (!m_lists.empty()) {
        const auto known = std::find_if(m_lists.begin(), m_lists.end(), [&](const PriorityCatalogueEntry& l) { return l.list == c.list; });
        if (known == m_lists.end()) return Answer::refused(RefusalCode::unknownList, {c.list});
        for (const auto& item : c.order)
            if (std::find(known->items.begin(), known->items.end(), item) == known->items.end())
                return Answer::refused(RefusalCode::unknownListItem, {c.list, item});
    }
    const auto breach = frameBreach(c.list, c.order, f);
    if (breach && !m_deviationsAllowed) return frameRefusal(c.list, *breach, f);
    const bool frame = m_region.level(m_region.forums[f].level)->rank == 0;
    auto it = std::find_if(m_priorities.begin(), m_priorities.end(),
                           [&](const PriorityList& p) { return p.forum == f && p.list == c.list; });
    if (it == m_priorities.end()) m_priorities.push_back({f, c.list, c.order});
    else it->order = c.order;
    record(PrioritiesSet{c.by, forumId(f), c.list, frame, c.order}, c.by, forumId(f));
    if (breach) recordViolation(c.by, f, c.list, *breach, {});
    return Answer::ok();
}

}  // namespace samverkan::protocol
