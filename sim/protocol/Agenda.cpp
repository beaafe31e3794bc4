// The cooperation conference's routine: its agenda, who takes part and who leads it (R7, R9, R13),
// and the standing weekly conference in ordinary mode.
#include <algorithm>
#include <utility>

#include "sim/protocol/Cooperation.hpp"

namespace samverkan::protocol {

ActorIndex Cooperation::leaderOf(ForumIndex f, const std::vector<ActorIndex>& members) const {
    const auto& state = m_forums[f];
    if (state.chairDecided && std::find(members.begin(), members.end(), state.chair) != members.end())
        return state.chair;
    return actorOf(m_region.convener);
}

std::vector<ActorIndex> Cooperation::weeklyMembers() const {
    std::vector<ActorIndex> members;
    if (!m_region.weekly) return members;
    const ForumIndex f = m_region.forumIndex(m_region.weekly->forum);
    if (!m_region.weekly->members.empty()) {
        members = expand(m_region.weekly->members);
    } else if (f != kNone) {
        for (ActorIndex a = 0; a < m_region.actors.size(); ++a)
            if (!m_region.actors[a].outside && m_region.actors[a].at(m_region.forums[f].level) != nullptr)
                members.push_back(a);
    }
    // Länsstyrelsen leads and documents every conference (R5, R7).
    const ActorIndex convener = actorOf(m_region.convener);
    if (std::find(members.begin(), members.end(), convener) == members.end()) members.insert(members.begin(), convener);
    return members;
}

void Cooperation::holdWeeklyConference() {
    if (!m_region.weekly) return;
    const ForumIndex f = m_region.forumIndex(m_region.weekly->forum);
    if (f == kNone) return;
    auto& state = m_forums[f];
    ++state.meetings;
    const auto members = weeklyMembers();
    auto ids = idsOf(members);
    record(ConferenceHeld{forumId(f), true, state.meetings, ids, actorId(leaderOf(f, members))}, m_region.convener,
           forumId(f));
    runAgenda(f, members, std::move(ids), true, state.meetings);
}

std::vector<ActorIndex> Cooperation::missingAmong(ForumIndex f, const std::vector<ActorIndex>& members) const {
    std::vector<ActorIndex> out;
    const auto& invited = m_forums[f].invited;
    for (ActorIndex a = 0; a < m_affected.size(); ++a)
        if (m_affected[a] && std::find(members.begin(), members.end(), a) == members.end() &&
            std::find(invited.begin(), invited.end(), a) == invited.end())
            out.push_back(a);
    return out;
}

// Each step is journalled as it begins, with who takes part and who leads; the host then does its
// part of it (the members' reports, the compiled picture), so the journal reads in the agenda's order.
void Cooperation::runAgenda(ForumIndex f, const std::vector<ActorIndex>& members, std::vector<std::string> ids,
                            bool weekly, int number) {
    const auto& steps = m_region.agendaSteps();
    const bool activated = m_region.forums[f].mode == model::Mode::activated;
    const std::string chair = actorId(leaderOf(f, members));
    const Millis since = m_forums[f].lastAgendaAt;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const auto& step = steps[i];
        // The last step takes the list of members; the others copy it.
        AgendaItem item{forumId(f),
                        step.id,
                        static_cast<int>(i + 1),
                        static_cast<int>(steps.size()),
                        number,
                        weekly,
                        chair,
                        i + 1 < steps.size() ? ids : std::exchange(ids, {})};
        if (step.role == model::AgendaRole::informationSharing) {
            // What the members share beyond their reports: the frames in force and the forum's decisions since last
            // time.
            for (const auto& p : m_priorities)
                if (m_region.level(m_region.forums[p.forum].level)->rank == 0 &&
                    std::find(item.frames.begin(), item.frames.end(), p.list) == item.frames.end())
                    item.frames.push_back(p.list);
            for (const auto& d : m_decisions)
                if (d.forum == f && d.agreedAt > since) item.decisions.push_back(d.command.id);
        } else if (step.role == model::AgendaRole::cooperationNeeds) {
            item.missing = idsOf(missingAmong(f, members));
        }
        record(std::move(item), chair, forumId(f), step.id);
        if (step.role == model::AgendaRole::cooperationNeeds && activated && !weekly) suggestMissing(f);
        m_effects.agendaStep(f, step, weekly);
    }
    m_forums[f].lastAgendaAt = m_effects.now();
}

}  // namespace samverkan::protocol
