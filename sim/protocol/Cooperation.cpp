#include "sim/protocol/Cooperation.hpp"

#include <algorithm>

namespace samverkan::protocol {

bool ForumState::has(ActorIndex a) const { return std::find(members.begin(), members.end(), a) != members.end(); }

Cooperation::Cooperation(const model::Region& region, Effects& effects)
    : m_region(region),
      m_effects(effects),
      m_forums(region.forums.size()),
      m_affected(region.actors.size(), false),
      m_suggested(region.forums.size()) {}

std::vector<ActorIndex> Cooperation::expand(const std::vector<std::string>& ids) const {
    std::vector<ActorIndex> out;
    auto add = [&](ActorIndex a) {
        if (a != kNone && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
    };
    for (const auto& id : ids) {
        if (const auto* g = m_region.group(id)) {
            for (std::size_t k = 0; k < g->members.size(); ++k) add(m_region.memberIndex(*g, k));
        } else {
            add(actorOf(id));
        }
    }
    return out;
}

std::vector<std::string> Cooperation::idsOf(const std::vector<ActorIndex>& actors) const {
    std::vector<std::string> ids;
    ids.reserve(actors.size());
    for (const auto a : actors) ids.push_back(actorId(a));
    return ids;
}

Answer Cooperation::notRunning(ForumIndex f) const { return Answer::refused(RefusalCode::notRunning, {forumId(f)}); }

Answer Cooperation::notMember(const std::string& by, ForumIndex f) const {
    return Answer::refused(RefusalCode::notMember, {by, forumId(f)});
}

Answer Cooperation::apply(const Command& command) {
    const auto& role = actingRole(command);
    if (!knownRole(role)) return Answer::refused(RefusalCode::unknownRole, {role});
    return std::visit(
        [&](const auto& c) -> Answer {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, RequestActivation>) return requestActivation(c);
            else if constexpr (std::is_same_v<T, Convene>) return convene(c);
            else if constexpr (std::is_same_v<T, CallIn>) return callIn(c);
            else if constexpr (std::is_same_v<T, Release>) return release(c);
            else if constexpr (std::is_same_v<T, SetChair>) return setChair(c);
            else if constexpr (std::is_same_v<T, AgreeDecision>) return agreeDecision(c);
            else if constexpr (std::is_same_v<T, SetPriorities>) return setPriorities(c);
            else if constexpr (std::is_same_v<T, SendPublicMessage>) return publicMessage(c);
            else if constexpr (std::is_same_v<T, Deactivate>) return deactivate(c);
            else if constexpr (std::is_same_v<T, Report>) return report(c);
            else if constexpr (std::is_same_v<T, Contact>) return contact(c);
            else if constexpr (std::is_same_v<T, Alert>) return alert(c);
            else if constexpr (std::is_same_v<T, Verify>) return verify(c);
            else if constexpr (std::is_same_v<T, Inform>) return inform(c);
            else return Answer::refused(RefusalCode::notProtocolCommand);
        },
        command);
}

Answer Cooperation::apply(Report&& report) {
    const ActorIndex by = actorOf(report.by);
    if (by == kNone) return Answer::refused(RefusalCode::unknownRole, {report.by});
    const ForumIndex f = forumOf(report.forum);
    return this->report(std::move(report), by, f);
}

void Cooperation::handle(const ProtocolEvent& ev) {
    switch (ev.kind) {
        case ProtocolEvent::Kind::forumOpens: forumOpens(ev.forum); break;
        case ProtocolEvent::Kind::memberJoins: memberJoins(ev.forum, ev.actor); break;
        case ProtocolEvent::Kind::conference: conference(ev.forum, ev.index == 1); break;
        case ProtocolEvent::Kind::meetingCloses: meetingCloses(ev.forum); break;
        case ProtocolEvent::Kind::consultDone: consultDone(ev.index, ev.actor); break;
        case ProtocolEvent::Kind::implemented: implemented(ev.index, ev.actor); break;
        case ProtocolEvent::Kind::messageConsultDone: messageConsultDone(ev.index, ev.actor); break;
        case ProtocolEvent::Kind::alertAnswered: alertAnswered(ev.index, ev.actor); break;
        case ProtocolEvent::Kind::informationReceived: informationReceived(ev.index, ev.actor); break;
    }
}

void Cooperation::noteAffected(const std::vector<ActorIndex>& actors) {
    for (const auto a : actors)
        if (a < m_affected.size()) m_affected[a] = true;
    for (ForumIndex f = 0; f < m_forums.size(); ++f)
        if (forumRunning(f) && m_region.forums[f].mode == model::Mode::activated) suggestMissing(f);
}

std::vector<ActorIndex> Cooperation::missingFrom(ForumIndex f) const {
    std::vector<ActorIndex> out;
    const auto& state = m_forums[f];
    for (ActorIndex a = 0; a < m_affected.size(); ++a) {
        const bool coming = std::find(state.invited.begin(), state.invited.end(), a) != state.invited.end();
        if (m_affected[a] && !state.has(a) && !coming) out.push_back(a);
    }
    return out;
}

void Cooperation::suggestMissing(ForumIndex f) {
    // Each missing actor is suggested once per activation; the journal keeps the suggestion.
    auto missing = missingFrom(f);
    auto& suggested = m_suggested[f];
    std::erase_if(missing, [&](ActorIndex a) { return std::find(suggested.begin(), suggested.end(), a) != suggested.end(); });
    if (missing.empty()) return;
    suggested.insert(suggested.end(), missing.begin(), missing.end());
    record(CompositionSuggested{forumId(f), {}, idsOf(missing)}, {}, forumId(f));
}

// --- Activation and convening (R5, R6, R8) ---

Answer Cooperation::requestActivation(const RequestActivation& c) {
    const ForumIndex f = c.forum.empty() ? m_region.forumOf("coordinating", model::Mode::activated) : forumOf(c.forum);
    if (f == kNone) return Answer::refused(RefusalCode::unknownForum, {c.forum});
    if (m_region.forums[f].mode != model::Mode::activated) return Answer::refused(RefusalCode::ordinaryNotActivated, {forumId(f)});
    if (m_forums[f].status != ForumStatus::idle) return Answer::refused(RefusalCode::alreadyActive, {forumId(f)});
    std::string via;
    if (!c.viaForum.empty()) {
        const ForumIndex v = forumOf(c.viaForum);
        if (v == kNone || !forumRunning(v)) return notRunning(v == kNone ? f : v);
        if (!m_forums[v].has(actorOf(c.by))) return notMember(c.by, v);
        via = forumId(v);
    }
    record(ActivationRequested{c.by, forumId(f), m_region.convener, via, m_region.actors[actorOf(c.by)].outside}, c.by,
           forumId(f));
    return Answer::ok();
}

Millis Cooperation::drawConveningDelay(const std::string& medium) {
    const auto* d = m_region.conveningBy(medium);
    if (d == nullptr) return 0;
    // Whole minutes, drawn uniformly over the region's range.
    const Millis minutes = m_effects.random().uniformInt(d->min / engine::kMinute, d->max / engine::kMinute);
    return minutes * engine::kMinute;
}

Answer Cooperation::convene(const Convene& c) {
    const ForumIndex f = forumOf(c.forum);
    if (f == kNone) return Answer::refused(RefusalCode::unknownForum, {c.forum});
    if (!isConvener(c.by)) return Answer::refused(RefusalCode::onlyConvener, {m_region.convener});
    const std::string medium = c.medium.empty() ? m_region.convening.front().medium : c.medium;
    if (m_region.conveningBy(medium) == nullptr) return Answer::refused(RefusalCode::unknownMedium, {medium});
    auto& state = m_forums[f];
    if (state.status == ForumStatus::convening) return Answer::refused(RefusalCode::alreadyConvening, {forumId(f)});
    const bool extraConference = state.status == ForumStatus::active;
    if (extraConference && m_region.forums[f].mode == model::Mode::ordinary)
        return Answer::refused(RefusalCode::alreadyInSession, {forumId(f)});
    Millis meetIn = c.meetIn;
    if (auto refused = meetingTime(c, f, medium, meetIn)) return *refused;
    const Millis delay = std::max(drawConveningDelay(medium), meetIn);
    const ProtocolEvent::Kind kind = extraConference ? ProtocolEvent::Kind::conference : ProtocolEvent::Kind::forumOpens;
    if (extraConference && !c.meetAt.empty()) {
        // A conference planned for its time keeps the forum's rhythm and the other planned ones.
        state.plannedConferences.emplace_back(m_effects.now() + delay, m_effects.scheduleIn(delay, {kind, f, kNone, 1}));
    } else if (extraConference) {
        m_effects.cancel(state.conferenceEvent);
        state.conferenceEvent = m_effects.scheduleIn(delay, {kind, f, kNone, 0});
    } else {
        state.status = ForumStatus::convening;
        state.medium = medium;
        std::vector<std::string> ids = c.actors;
        if (ids.empty())
            for (const auto& a : m_region.actors)
                if (!a.outside && a.at(m_region.forums[f].level) != nullptr) ids.push_back(a.id);
        state.invited = expand(ids);
        const ActorIndex convener = actorOf(m_region.convener);
        if (std::find(state.invited.begin(), state.invited.end(), convener) == state.invited.end())
            state.invited.insert(state.invited.begin(), convener);
        state.openEvent = m_effects.scheduleIn(delay, {kind, f, kNone, 0});
    }
    record(Convened{c.by, forumId(f), medium, delay, extraConference, extraConference ? std::vector<std::string>{} : idsOf(state.invited)},
           c.by, forumId(f));
    return Answer::ok();
}

std::optional<Answer> Cooperation::meetingTime(const Convene& c, ForumIndex f, const std::string& medium, Millis& meetIn) const {
    if (c.meetAt.empty()) return std::nullopt;
    const Millis now = m_effects.now();
    Millis at = -1;
    if (c.meetAt == "next-meeting") {
        // The next meeting on the calendar that the call can still reach, whatever the draw.
        const bool calendared = m_region.monthly && m_region.forumIndex(m_region.monthly->forum) == f;
        const auto* d = m_region.conveningBy(medium);
        at = calendared ? m_effects.nextMonthlyMeeting(now + (d == nullptr ? 0 : d->max)) : -1;
        if (at < 0) return Answer::refused(RefusalCode::noCalendar, {forumId(f)});
    } else {
        const auto offset = engine::parseOffset(c.meetAt);
        if (!offset || *offset < now) return Answer::refused(RefusalCode::meetingTimePassed, {forumId(f)});
        at = *offset;
    }
    meetIn = at - now;
    return std::nullopt;
}

void Cooperation::forumOpens(ForumIndex f) {
    auto& state = m_forums[f];
    const auto& forum = m_region.forums[f];
    const bool activated = forum.mode == model::Mode::activated;
    state.status = ForumStatus::active;
    state.members = state.invited;
    state.invited.clear();
    // An activation decides its chair at its first meeting (R7); an ordinary forum's chair leads its later meetings.
    if (activated) {
        state.chair = kNone;
        state.chairDecided = false;
    }
    state.activatedAt = m_effects.now();
    state.lastAgendaAt = state.activatedAt;
    ++state.meetings;
    const auto& level = *m_region.level(forum.level);
    const bool alone = activated && level.rank == 0 && [&] {
        for (ForumIndex g = 0; g < m_forums.size(); ++g)
            if (g != f && m_region.forums[g].mode == model::Mode::activated && forumRunning(g)) return false;
        return true;
    }();
    auto ids = idsOf(state.members);
    record(MeetingOpened{forum.id, state.medium, activated, alone, ids, actorId(leaderOf(f, state.members))}, m_region.convener,
           forum.id);
    if (activated) {
        if (m_region.conferenceInterval(f) > 0)
            state.conferenceEvent =
                m_effects.scheduleIn(m_region.conferenceInterval(f), {ProtocolEvent::Kind::conference, f, kNone, 0});
        // The first meeting of an activation is its first cooperation conference.
        runAgenda(f, state.members, std::move(ids), false, state.meetings);
    } else {
        state.closeEvent = m_effects.scheduleIn(m_region.meetingLength, {ProtocolEvent::Kind::meetingCloses, f, kNone, 0});
    }
}

void Cooperation::meetingCloses(ForumIndex f) {
    auto& state = m_forums[f];
    state.status = ForumStatus::idle;
    state.members.clear();
    record(MeetingClosed{forumId(f)}, m_region.convener, forumId(f));
}

void Cooperation::conference(ForumIndex f, bool planned) {
    auto& state = m_forums[f];
    if (planned) {
        auto& list = state.plannedConferences;
        const auto it = std::find_if(list.begin(), list.end(), [&](const auto& p) { return p.first == m_effects.now(); });
        if (it != list.end()) list.erase(it);
    }
    if (!forumRunning(f)) return;
    ++state.meetings;
    auto ids = idsOf(state.members);
    record(ConferenceHeld{forumId(f), false, state.meetings, ids, actorId(leaderOf(f, state.members))}, m_region.convener,
           forumId(f));
    if (!planned && m_region.conferenceInterval(f) > 0)
        state.conferenceEvent =
            m_effects.scheduleIn(m_region.conferenceInterval(f), {ProtocolEvent::Kind::conference, f, kNone, 0});
    runAgenda(f, state.members, std::move(ids), false, state.meetings);
}

// --- Composition (R9) and chair (R7) ---

Answer Cooperation::callIn(const CallIn& c) {
    const ForumIndex f = forumOf(c.forum);
    const ActorIndex a = actorOf(c.actor);
    if (f == kNone || a == kNone) return Answer::refused(RefusalCode::unknownActor, {c.forum, c.actor});
    auto& state = m_forums[f];
    if (state.status == ForumStatus::idle) return notRunning(f);
    if (!isConvener(c.by) && !state.has(actorOf(c.by))) return notMember(c.by, f);
    const bool coming = std::find(state.invited.begin(), state.invited.end(), a) != state.invited.end();
    if (state.has(a) || coming) return Answer::refused(RefusalCode::alreadyMember, {c.actor, forumId(f)});
    state.invited.push_back(a);
    if (state.status != ForumStatus::convening)
        m_effects.scheduleIn(m_region.callInDelay, {ProtocolEvent::Kind::memberJoins, f, a, 0});
    record(CalledIn{c.by, forumId(f), c.actor}, c.actor, forumId(f));
    return Answer::ok();
}

void Cooperation::memberJoins(ForumIndex f, ActorIndex a) {
    auto& state = m_forums[f];
    const auto it = std::find(state.invited.begin(), state.invited.end(), a);
    if (it == state.invited.end() || !forumRunning(f)) return;
    state.invited.erase(it);
    state.members.push_back(a);
    record(MemberJoined{forumId(f), actorId(a)}, actorId(a), forumId(f));
}

std::optional<Answer> Cooperation::seatIn(const std::string& by, const std::string& forum, ForumIndex& f) const {
    f = forumOf(forum);
    if (f == kNone) return Answer::refused(RefusalCode::unknownForum, {forum});
    if (!forumRunning(f)) return notRunning(f);
    if (!m_forums[f].has(actorOf(by))) return notMember(by, f);
    return std::nullopt;
}

Answer Cooperation::release(const Release& c) {
    const ForumIndex f = forumOf(c.forum);
    const ActorIndex a = actorOf(c.actor);
    if (f == kNone || a == kNone) return Answer::refused(RefusalCode::unknownActor, {c.forum, c.actor});
    auto& state = m_forums[f];
    if (!forumRunning(f)) return notRunning(f);
    if (!isConvener(c.by) && !state.has(actorOf(c.by))) return notMember(c.by, f);
    if (!state.has(a)) return notMember(c.actor, f);
    if (isConvener(c.actor)) return Answer::refused(RefusalCode::convenerStays, {c.actor});
    if (state.chair == a) return Answer::refused(RefusalCode::releaseChairFirst, {c.actor});
    state.members.erase(std::find(state.members.begin(), state.members.end(), a));
    record(MemberReleased{c.by, forumId(f), c.actor}, c.actor, forumId(f));
    return Answer::ok();
}

Answer Cooperation::setChair(const SetChair& c) {
    const ForumIndex f = forumOf(c.forum);
    const ActorIndex a = actorOf(c.actor);
    if (f == kNone || a == kNone) return Answer::refused(RefusalCode::unknownActor, {c.forum, c.actor});
    auto& state = m_forums[f];
    if (!forumRunning(f)) return notRunning(f);
    if (!state.has(actorOf(c.by))) return notMember(c.by, f);
    if (!state.has(a)) return notMember(c.actor, f);
    if (state.chair == a) return Answer::refused(RefusalCode::alreadyChair, {c.actor});
    const bool first = !state.chairDecided;
    state.chair = a;
    state.chairDecided = true;
    record(ChairDecided{c.by, forumId(f), c.actor, first}, c.actor, forumId(f));
    return Answer::ok();
}

Answer Cooperation::deactivate(const Deactivate& c) {
    const ForumIndex f = forumOf(c.forum);
    if (f == kNone) return Answer::refused(RefusalCode::unknownForum, {c.forum});
    auto& state = m_forums[f];
    if (m_region.forums[f].mode != model::Mode::activated || !forumRunning(f)) return notRunning(f);
    if (!isConvener(c.by) && state.chair != actorOf(c.by)) return Answer::refused(RefusalCode::onlyChairDeactivates, {forumId(f)});
    m_effects.cancel(state.conferenceEvent);
    for (const auto& p : state.plannedConferences) m_effects.cancel(p.second);
    state.plannedConferences.clear();
    state.status = ForumStatus::idle;
    state.members.clear();
    state.invited.clear();
    state.chair = kNone;
    state.chairDecided = false;
    m_suggested[f].clear();
    const ForumIndex ordinary = m_region.forumOf(m_region.forums[f].level, model::Mode::ordinary);
    record(Deactivated{c.by, forumId(f), ordinary == kNone ? std::string{} : forumId(ordinary)}, c.by, forumId(f));
    return Answer::ok();
}

// --- Communication ---

std::optional<Answer> Cooperation::reportRefusal(const Report& c, ActorIndex by, ForumIndex f) const {
    if (f == kNone) return Answer::refused(RefusalCode::unknownForum, {c.forum});
    const bool ordinary = m_region.forums[f].mode == model::Mode::ordinary;
    if (!ordinary && !forumRunning(f)) return notRunning(f);
    if (!ordinary && !m_forums[f].has(by)) return notMember(c.by, f);
    return std::nullopt;
}

Answer Cooperation::report(const Report& c) {
    const ForumIndex f = forumOf(c.forum);
    if (auto refused = reportRefusal(c, actorOf(c.by), f)) return *refused;
    record(ReportMade{c.by, forumId(f), c.text, c.levels}, c.by, forumId(f));
    return Answer::ok();
}

Answer Cooperation::report(Report&& c, ActorIndex by, ForumIndex f) {
    if (auto refused = reportRefusal(c, by, f)) return *refused;
    record(ReportMade{c.by, forumId(f), std::move(c.text), std::move(c.levels)}, c.by, forumId(f));
    return Answer::ok();
}

Answer Cooperation::contact(const Contact& c) {
    if (actorOf(c.to) == kNone) return Answer::refused(RefusalCode::unknownRecipient, {c.to});
    record(ContactMade{c.by, c.to, c.text}, c.by);
    return Answer::ok();
}

}  // namespace samverkan::protocol
