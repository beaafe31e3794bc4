// The simulated actors' doctrine (DESIGN.md, contract 2: every action is a command): each rule
// waits for its trigger, checks its conditions on what its actor knows and on the state of the
// forums, waits its actor's own delay, checks again and issues its command with source "doctrine".
// Roles a trainee holds are left to the trainee.
#include <algorithm>

#include "sim/exercise/Exercise.hpp"
#include "sim/exercise/Triggers.hpp"
#include "sim/protocol/CommandFields.hpp"

namespace samverkan::exercise {
namespace {

constexpr std::int32_t kPriorityRule = 4;  // as the play's steps
constexpr std::uint8_t kIdle = 0, kPending = 1, kDone = 2;

}  // namespace

void Exercise::startBehaviour() {
    m_rules = &m_scenario.behaviour;
    const auto& region = m_scenario.region;
    const auto forums = region.forums.size() + 1;
    m_ruleStates.assign(m_rules->size() * forums, kIdle);
    m_rulesByKind.assign(protocol::kKinds, {});
    m_warned.assign(region.actors.size(), 0);
    m_ruleSeen.assign(m_rules->size(), 0);
    m_ended.assign(region.forums.size(), false);
    for (std::uint32_t i = 0; i < m_rules->size(); ++i) {
        const auto& r = (*m_rules)[i];
        m_ruleActor.push_back(region.actorIndex(r.actor));
        m_ruleService.push_back(r.observes && m_world ? m_world->serviceIndex(r.observes->service) : SIZE_MAX);
        if (r.observes) m_observingRules.push_back(i);
        else if (r.warning > 0) m_warningRules.push_back(i);
        else if (!r.when.hazard.empty()) {
            if (const auto at = hazardTime(r.when); at && *at <= m_scenario.duration)
                m_sim.scheduleAt(std::max(*at, m_sim.now()), {RunEvent::Kind::ruleTime, i, {}}, kPriorityRule);
        } else if (r.when.timed) m_sim.scheduleAt(std::max(r.when.at, m_sim.now()), {RunEvent::Kind::ruleTime, i, {}}, kPriorityRule);
        else if (r.when.kind) m_rulesByKind[static_cast<std::size_t>(*r.when.kind)].push_back(i);
    }
    if (m_world) {
        m_shortestReportDelay = INT64_MAX;
        for (const auto& svc : m_world->spec().services) m_shortestReportDelay = std::min(m_shortestReportDelay, svc.reportDelay);
        for (const auto i : m_observingRules)
            m_firesWhenWhole = m_firesWhenWhole || (m_ruleService[i] != SIZE_MAX && passes(*(*m_rules)[i].observes, world::KnownLevel{1.0, 0}));
    }
}

std::uint8_t& Exercise::ruleState(std::uint32_t rule, model::ForumIndex forum) {
    const auto forums = m_scenario.region.forums.size() + 1;
    return m_ruleStates[rule * forums + (forum == model::kNone ? forums - 1 : forum)];
}

void Exercise::behaviourOnEntry(const JournalEntry& entry) {
    if (entry.kind == protocol::Kind::deactivated)
        if (const auto f = m_scenario.region.forumIndex(entry.forum); f != model::kNone) m_ended[f] = true;
    // What is said at a meeting or conference is known to everyone present: the warnings too.
    if (entry.kind == protocol::Kind::meetingOpened || entry.kind == protocol::Kind::conference) {
        const auto f = m_scenario.region.forumIndex(entry.forum);
        if (f != model::kNone) {
            int most = 0;
            for (const auto a : m_cooperation.forum(f).members) most = std::max(most, m_warned[a]);
            for (const auto a : m_cooperation.forum(f).members) learnWarning(a, most);
        }
    }
    // An alert or a piece of information carries what its sender knows to the function that answers it.
    if (const auto* answered = entry.as<protocol::AlertAnswered>()) {
        const auto& region = m_scenario.region;
        const auto from = region.actorIndex(answered->by);
        if (from != model::kNone) learnWarning(region.actorIndex(answered->actor), m_warned[from]);
    } else if (const auto* received = entry.as<protocol::InformationReceived>()) {
        const auto& region = m_scenario.region;
        const auto from = region.actorIndex(received->by);
        if (from != model::kNone) learnWarning(region.actorIndex(received->actor), m_warned[from]);
    }
    for (const auto i : m_rulesByKind[static_cast<std::size_t>(entry.kind)]) {
        const auto& t = (*m_rules)[i].when;
        if (!matches(t, entry) || (t.known && !knownHolds(*t.known, world(), m_pictureLog))) continue;
        // `occurrence: n` waits for the n-th matching entry; without it every match counts.
        if (t.occurrence > 1 && ++m_ruleSeen[i] != t.occurrence) continue;
        triggerRule(i, m_scenario.region.forumIndex(entry.forum));
    }
}

void Exercise::behaviourOnTick() {
    // While every service each rule sees has been at its normal level all along, no rule that
    // fails on a normal level can pass: the rules are not looked at (pruning waits a tick).
    if (!m_firesWhenWhole && std::max<Millis>(0, now() - m_shortestReportDelay) < m_world->wholeUntil()) return;
    // The loader has checked that each rule's actor observes its service; what a service looks
    // like now is looked up once a tick, however many rules watch it.
    m_seenThisTick.assign(m_world->spec().services.size(), world::KnownLevel{-1.0, -1});
    // Rules that have acted, or can no longer act, are not watched again: dropped in the same pass
    // (a rule's trigger changes only its own state).
    const std::size_t forums = m_scenario.region.forums.size() + 1;
    std::size_t kept = 0;
    for (const auto i : m_observingRules) {
        const auto& state = m_ruleStates[i * forums + forums - 1];  // ruleState(i, kNone)
        const auto s = m_ruleService[i];
        if (s != SIZE_MAX && state == kIdle) {
            if (m_seenThisTick[s].level < 0) m_seenThisTick[s] = m_world->seenAt(s, now());
            if (passes(*(*m_rules)[i].observes, m_seenThisTick[s])) triggerRule(i, model::kNone);
        }
        if (state != kDone) m_observingRules[kept++] = i;
    }
    m_observingRules.resize(kept);
}

void Exercise::learnWarning(model::ActorIndex actor, int severity) {
    if (actor >= m_warned.size() || severity <= m_warned[actor]) return;
    const int before = m_warned[actor];
    m_warned[actor] = severity;
    for (const auto i : m_warningRules) {
        const int needs = (*m_rules)[i].warning;
        if (m_ruleActor[i] == actor && before < needs && needs <= severity) triggerRule(i, model::kNone);
    }
}

void Exercise::triggerRule(std::uint32_t rule, model::ForumIndex forum) {
    const auto& r = (*m_rules)[rule];
    auto& state = ruleState(rule, forum);
    if (state != kIdle) return;
    if (heldByTrainee(r.actor)) {
        // Kept, so that the simulator can take the role over from here (hand-over).
        if (std::find(m_ruleMissed.begin(), m_ruleMissed.end(), std::pair{rule, forum}) == m_ruleMissed.end())
            m_ruleMissed.emplace_back(rule, forum);
        return;
    }
    if (const auto h = ruleHolds(rule, forum); h != Holds::yes) {
        if (h == Holds::never) state = kDone;
        return;
    }
    const auto& actor = m_scenario.region.actors[m_ruleActor[rule]];
    Millis delay = r.when.timed ? 0 : r.when.delay;  // a timed rule's `after` is in its time
    if (r.ownDelay == scenario::OwnDelay::consult) delay += actor.consultDelay;
    if (r.ownDelay == scenario::OwnDelay::implement) delay += actor.implementDelay;
    state = kPending;
    RunEvent ev{RunEvent::Kind::ruleActs, rule, {}};
    ev.protocolEvent.forum = forum;
    m_sim.schedule(delay, ev, kPriorityRule);
}

void Exercise::behaviourTakesOver(const std::string& role) {
    if (m_rules == nullptr) return;
    // What the role's rules were triggered by while a trainee held it, they consider now.
    std::vector<std::pair<std::uint32_t, model::ForumIndex>> missed;
    std::erase_if(m_ruleMissed, [&](const auto& m) {
        if ((*m_rules)[m.first].actor != role) return false;
        missed.push_back(m);
        return true;
    });
    for (const auto& [rule, forum] : missed) triggerRule(rule, forum);
}

void Exercise::actOnRule(std::uint32_t rule, model::ForumIndex forum) {
    const auto& r = (*m_rules)[rule];
    auto& state = ruleState(rule, forum);
    state = kIdle;
    // The situation may have changed while the actor took its time: it acts only if it still holds.
    if (heldByTrainee(r.actor)) return;
    if (const auto h = ruleHolds(rule, forum); h != Holds::yes) {
        if (h == Holds::never) state = kDone;
        return;
    }
    if (!r.repeat) state = kDone;
    if (!r.usesForum && !r.usesAffected) {
        submit(r.command, Source::doctrine);
        return;
    }
    if (r.usesForum && forum == model::kNone) return;
    protocol::Command command = r.command;
    std::vector<std::string> affected;
    for (model::ActorIndex a = 0; a < m_scenario.region.actors.size(); ++a)
        if (m_cooperation.affected(a)) affected.push_back(m_scenario.region.actors[a].id);
    protocol::fillPlaceholders(command, {{}, forum == model::kNone ? std::string() : m_scenario.region.forums[forum].id, &affected});
    submit(command, Source::doctrine);
}

// `never` when a condition can no longer come to hold: a decision it must not see has been taken
// (decisions are never undone).
Exercise::Holds Exercise::ruleHolds(std::uint32_t rule, model::ForumIndex forum) const {
    return conditionsHold((*m_rules)[rule].conditions, m_ruleActor[rule], forum);
}

Exercise::Holds Exercise::conditionsHold(const std::vector<scenario::BehaviourCondition>& conditions, model::ActorIndex a,
                                         model::ForumIndex forum) const {
    using Kind = scenario::BehaviourCondition::Kind;
    const auto& region = m_scenario.region;
    const auto forumOf = [&](const std::string& ref) { return ref == "$forum" ? forum : region.forumIndex(ref); };
    for (const auto& c : conditions) {
        bool holds = false;
        switch (c.kind) {
            case Kind::active: {
                const auto f = forumOf(c.ref);
                holds = f != model::kNone && m_cooperation.forum(f).status != protocol::ForumStatus::idle;
                break;
            }
            case Kind::member: {
                const auto f = forumOf(c.ref);
                if (f == model::kNone) break;
                const auto& state = m_cooperation.forum(f);
                holds = state.has(a) || std::find(state.invited.begin(), state.invited.end(), a) != state.invited.end();
                break;
            }
            case Kind::decided:
                // A decision with that id, or on that measure with the actor among those who carry it out.
                holds = std::any_of(m_cooperation.decisions().begin(), m_cooperation.decisions().end(), [&](const protocol::Decision& d) {
                    return d.command.id == c.ref ||
                           (d.command.measure == c.ref && std::find(d.actors.begin(), d.actors.end(), a) != d.actors.end());
                });
                break;
            case Kind::implemented:
                // Agreed and carried out by every actor it names, each in its own organisation (R10).
                holds = std::any_of(m_cooperation.decisions().begin(), m_cooperation.decisions().end(), [&](const protocol::Decision& d) {
                    return (d.command.id == c.ref || d.command.measure == c.ref) && d.agreedAt >= 0 && !d.implementedAt.empty() &&
                           std::all_of(d.implementedAt.begin(), d.implementedAt.end(), [](Millis t) { return t >= 0; });
                });
                break;
            case Kind::warned: holds = m_warned[a] >= c.severity; break;
            case Kind::observes: {
                if (!m_world) break;
                const auto s = m_world->serviceIndex(c.level.service);
                holds = s != SIZE_MAX && passes(c.level, m_world->observedBy(region.actors[a].id, s, now()));
                break;
            }
            case Kind::passed: {
                if (!m_world) break;
                const auto h = m_world->hazardIndex(c.ref);
                if (h == SIZE_MAX) break;
                const auto& d = m_world->drawn(h);
                holds = !d.begins || now() >= d.onset + d.duration;  // a hazard that never came has passed
                break;
            }
            case Kind::recovered: {
                if (!m_world) break;
                for (auto it = m_pictureLog.rbegin(); it != m_pictureLog.rend(); ++it)
                    if (m_cooperation.forum(it->first).has(a)) {
                        holds = std::all_of(it->second.services.begin(), it->second.services.end(), [&](const world::KnownLevel& k) {
                            return k.observedAt < 0 || k.level > c.level.above;
                        });
                        break;
                    }
                break;
            }
            case Kind::ended: {
                const auto f = region.forumIndex(c.ref);
                holds = f != model::kNone && m_ended[f] && m_cooperation.forum(f).status == protocol::ForumStatus::idle;
                break;
            }
            case Kind::known: {
                if (!m_world) break;
                const auto s = m_world->serviceIndex(c.level.service);
                if (s == SIZE_MAX) break;
                // The latest picture of a forum the actor sits in.
                for (auto it = m_pictureLog.rbegin(); it != m_pictureLog.rend(); ++it)
                    if (m_cooperation.forum(it->first).has(a)) {
                        holds = passes(c.level, it->second.services[s]);
                        break;
                    }
                break;
            }
        }
        if (holds == c.negated) return c.kind == Kind::decided && c.negated ? Holds::never : Holds::no;
    }
    return Holds::yes;
}

}  // namespace samverkan::exercise
