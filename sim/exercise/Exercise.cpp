#include "sim/exercise/Exercise.hpp"

#include <algorithm>
#include <utility>
#include <cmath>
#include <stdexcept>

#include "sim/exercise/JournalWriter.hpp"
#include "sim/exercise/Triggers.hpp"

namespace samverkan::exercise {
namespace {

// At equal times: the protocol's own consequences first, then the weekly conference, injects,
// decision points, the play, outside commands; the end last.
constexpr std::int32_t kPriorityProtocol = 0;
constexpr std::int32_t kPriorityWeekly = 1;
constexpr std::int32_t kPriorityInject = 2;
constexpr std::int32_t kPriorityPoint = 3;
constexpr std::int32_t kPriorityPlay = 4;
constexpr std::int32_t kPriorityDoctrine = 4;
constexpr std::int32_t kPriorityCommand = 5;
constexpr std::int32_t kPriorityWorldTick = 6;
constexpr std::int32_t kPriorityEnd = 9;

}  // namespace

namespace {
// The scenario the run uses: shared as it is, or a copy with the variant applied.
std::shared_ptr<const scenario::Scenario> withVariant(std::shared_ptr<const scenario::Scenario> scenario, const std::string& variant) {
    if (variant.empty()) return scenario;
    auto copy = std::make_shared<scenario::Scenario>(*scenario);
    if (!copy->applyVariant(variant)) throw std::invalid_argument("unknown variant '" + variant + "'");
    return copy;
}
}  // namespace

Exercise::Exercise(const scenario::Scenario& scenario, Options options)
    : Exercise(std::make_shared<const scenario::Scenario>(scenario), std::move(options)) {}

Exercise::Exercise(std::shared_ptr<const scenario::Scenario> scenario, Options options)
    : m_shared(withVariant(std::move(scenario), options.variant)),
      m_scenario(*m_shared),
      m_options(std::move(options)),
      m_trainees(m_options.trainees),
      m_seed(m_options.seed.value_or(m_scenario.seed)),
      m_random("samverkan", m_seed),
      m_worldRandom("world", m_seed),
      m_renderer(m_scenario),
      m_journal(m_renderer, m_options.journalOut),
      m_cooperation(m_scenario.region, *this) {
    if (m_options.play) {
        m_play = &*m_options.play;
    } else if (m_options.playName == scenario::kDoctrinePlay) {
        if (m_scenario.behaviour.empty()) throw std::invalid_argument("scenario '" + m_scenario.id + "' has no doctrine rules");
    } else if (m_options.playName != "none") {
        m_play = m_scenario.play(m_options.playName);
        if (m_play == nullptr) throw std::invalid_argument("unknown play '" + m_options.playName + "'");
    }
    m_sim.reserve(256);
    m_journal.reserve(1024);  // a two-day exercise with reports at every conference writes about 700 entries
    m_cooperation.setMeasures(&m_scenario.measures);
    m_cooperation.setFrameDeviationsAllowed(m_scenario.frameDeviationsAllowed);
    if (m_scenario.world) {
        std::vector<protocol::PriorityCatalogueEntry> lists;
        for (const auto& r : m_scenario.world->resources) {
            auto it = std::find_if(lists.begin(), lists.end(), [&](const auto& l) { return l.list == r.list; });
            if (it == lists.end()) it = lists.insert(lists.end(), {r.list, {}});
            // An area's part is ordered as its whole: the list names the county's streets, and
            // the world spreads the resource over their parts.
            for (const auto& s : m_scenario.world->services) {
                const auto& id = s.of.empty() ? s.id : s.of;
                if ((s.resource == r.id || s.boostResource == r.id) && std::find(it->items.begin(), it->items.end(), id) == it->items.end())
                    it->items.push_back(id);
            }
        }
        m_cooperation.setPriorityLists(std::move(lists));
        std::vector<protocol::MeasureOrdering> orderings;
        for (const auto& e : m_scenario.world->effects) {
            if (e.on != world::EffectTrigger::measure || e.measure >= m_scenario.measures.size()) continue;
            const auto& m = m_scenario.measures[e.measure];
            const auto param = std::find_if(m.params.begin(), m.params.end(), [](const auto& p) { return p.kind == model::ParamKind::order; });
            for (const auto& c : e.changes)
                if (!c.list.empty()) orderings.push_back({m.id, c.list, param == m.params.end() ? std::string{} : param->id, c.order});
        }
        m_cooperation.setMeasureOrderings(std::move(orderings));
        // The world shares the scenario's spec, and so keeps the scenario alive with it.
        m_world.emplace(std::shared_ptr<const world::WorldSpec>(m_shared, &*m_scenario.world), m_worldRandom, m_scenario.duration);
        if (m_options.worldDetail) m_world->keepDetail(m_scenario.duration);
        const auto& region = m_scenario.region;
        m_reported.assign(region.forums.size(), world::ReportedKnowledge(m_scenario.world->services.size()));
        m_lastCompiled.assign(region.forums.size(), -1);
        for (model::ActorIndex a = 0; a < region.actors.size(); ++a) {
            m_doctrine.push_back(region.reportingOf(a));
            m_areaWeight.push_back(m_world->areaWeight(region.actors[a].id));
            auto& observed = m_observed.emplace_back();
            for (std::size_t sv = 0; sv < m_scenario.world->services.size(); ++sv)
                if (m_world->observes(region.actors[a].id, sv)) observed.push_back(sv);
            if (!observed.empty() && m_doctrine.back().every > 0 && m_doctrine.back().every <= m_scenario.duration)
                m_sim.scheduleAt(m_doctrine.back().every, {RunEvent::Kind::doctrineReport, a, {}}, kPriorityDoctrine);
        }
        m_sim.scheduleAt(std::min(m_scenario.world->tick, m_scenario.duration), {RunEvent::Kind::worldTick, 0, {}},
                         kPriorityWorldTick);
    }
    recordStart();
    for (std::uint32_t i = 0; i < m_scenario.injects.size(); ++i)
        schedule(m_scenario.injects[i].when, {RunEvent::Kind::inject, i, {}}, kPriorityInject);
    for (std::uint32_t i = 0; i < m_scenario.decisionPoints.size(); ++i)
        schedule(m_scenario.decisionPoints[i].when, {RunEvent::Kind::pointOpens, i, {}}, kPriorityPoint);
    if (m_play != nullptr)
        for (std::uint32_t i = 0; i < m_play->steps.size(); ++i) {
            // Trainees' steps are scheduled too and skipped while a trainee holds the role, so that the
            // simulator can take a role over mid-exercise.
            schedule(m_play->steps[i].when, {RunEvent::Kind::playStep, i, {}}, kPriorityPlay);
        }
    if (!m_options.play && m_options.playName == scenario::kDoctrinePlay) startBehaviour();
    scheduleNextWeekly();
    m_sim.scheduleAt(m_scenario.duration, {RunEvent::Kind::end, 0, {}}, kPriorityEnd);
}

Exercise::~Exercise() = default;

void Exercise::recordStart() {
    protocol::Started e{kJournalFormat, m_scenario.id, m_scenario.file, m_scenario.region.id, engine::formatIso(m_scenario.start),
                        playName(), m_options.playFile, m_options.variant, m_scenario.duration, m_seed, m_options.trainees};
    record(protocol::entryOf(std::move(e)));
}

bool Exercise::heldByTrainee(const std::string& role) const {
    return std::find(m_trainees.begin(), m_trainees.end(), role) != m_trainees.end();
}

std::optional<Millis> Exercise::hazardTime(const scenario::Trigger& trigger) const {
    if (!m_world) return std::nullopt;
    const auto h = m_world->hazardIndex(trigger.hazard);
    if (h == SIZE_MAX) return std::nullopt;
    const auto& d = m_world->drawn(h);
    if (!d.begins) return std::nullopt;
    return trigger.hazardEnd ? d.onset + d.duration : d.onset;
}

void Exercise::schedule(const scenario::Trigger& trigger, RunEvent target, std::int32_t priority) {
    if (!trigger.hazard.empty()) {
        // At the drawn storm's onset or end: what is said of the weather follows the weather.
        // A series that began before the start: what it sets off happens at the start.
        if (const auto at = hazardTime(trigger); at && *at + trigger.delay <= m_scenario.duration)
            m_sim.scheduleAt(std::max(*at + trigger.delay, m_sim.now()), target, priority);
        return;
    }
    if (trigger.timed) m_sim.scheduleAt(std::max(trigger.at, m_sim.now()), target, priority);
    else m_waiting.push_back({trigger, target, 0});
}

engine::EventId Exercise::scheduleIn(Millis delay, const protocol::ProtocolEvent& event) {
    return m_sim.schedule(delay, {RunEvent::Kind::protocol, 0, event}, kPriorityProtocol);
}

bool Exercise::cancel(engine::EventId id) { return m_sim.cancel(id); }

void Exercise::record(JournalEntry&& entry) {
    const JournalEntry& stored = m_journal.append(m_sim.now(), std::move(entry));
    if (m_world) signalWorld(stored);
    // Conditions fire once, on their n-th matching entry, in the order they were declared.
    for (std::size_t i = 0; i < m_waiting.size();) {
        const auto& trigger = m_waiting[i].trigger;
        const bool fires = matches(trigger, stored) && (!trigger.known || knownHolds(*trigger.known, world(), m_pictureLog));
        if (fires && ++m_waiting[i].seen == trigger.occurrence) {
            const auto priority = m_waiting[i].target.kind == RunEvent::Kind::inject      ? kPriorityInject
                                  : m_waiting[i].target.kind == RunEvent::Kind::pointOpens ? kPriorityPoint
                                                                                           : kPriorityPlay;
            m_sim.schedule(m_waiting[i].trigger.delay, m_waiting[i].target, priority);
            m_waiting.erase(m_waiting.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            ++i;
        }
    }
    if (m_rules != nullptr) behaviourOnEntry(stored);
}

const world::Picture* Exercise::picture(model::ForumIndex forum) const {
    for (auto it = m_pictureLog.rbegin(); it != m_pictureLog.rend(); ++it)
        if (it->first == forum) return &it->second;
    return nullptr;
}

const world::ReportedKnowledge* Exercise::reported(model::ForumIndex forum) const {
    return forum < m_reported.size() ? &m_reported[forum] : nullptr;
}

world::KnownLevel Exercise::lastReported(const std::string& actor, std::size_t service) const {
    world::KnownLevel last;
    const auto a = m_scenario.region.actorIndex(actor);
    if (a == model::kNone) return last;
    for (const auto& k : m_reported)
        if (const auto r = k.lastReport(a, service); r.observedAt > last.observedAt) last = r;
    return last;
}

std::vector<std::size_t> Exercise::unreported(const std::string& actor) const {
    std::vector<std::size_t> out;
    if (!m_world) return out;
    for (std::size_t s = 0; s < m_world->spec().services.size(); ++s) {
        if (!m_world->observes(actor, s)) continue;
        const auto seen = m_world->observedBy(actor, s, now());
        const auto told = lastReported(actor, s);
        if (told.observedAt < 0 || (seen.observedAt > told.observedAt && std::abs(seen.level - told.level) >= 0.005)) out.push_back(s);
    }
    return out;
}

// A report carries what its author observes now, of the services it names (none named: all it
// observes); naming a service it does not see is refused.
std::optional<Answer> Exercise::fillReport(protocol::Report& report) const {
    using protocol::RefusalCode;
    report.levels.clear();
    if (!m_world) {
        if (!report.services.empty()) return Answer::refused(RefusalCode::unknownService, {report.services.front()});
        return std::nullopt;
    }
    if (report.services.empty()) {
        const auto a = m_scenario.region.actorIndex(report.by);
        if (a != model::kNone) fillLevels(report, a);  // else the protocol refuses an unknown role
        return std::nullopt;
    }
    for (const auto& id : report.services) {
        const auto s = m_world->serviceIndex(id);
        if (s == SIZE_MAX) return Answer::refused(RefusalCode::unknownService, {id});
        if (!m_world->observes(report.by, s)) return Answer::refused(RefusalCode::notObserver, {report.by, id});
        if (std::any_of(report.levels.begin(), report.levels.end(), [&](const auto& l) { return l.service == id; })) continue;
        const auto k = m_world->observedBy(report.by, s, now());
        report.levels.push_back({id, k.level, k.observedAt});
    }
    return std::nullopt;
}

void Exercise::fillLevels(protocol::Report& report, model::ActorIndex a) const {
    const auto& services = m_world->spec().services;
    report.levels.reserve(m_observed[a].size());
    for (const auto s : m_observed[a]) {
        const auto k = m_world->seenAt(s, now());
        report.levels.push_back({services[s].id, k.level, k.observedAt});
    }
}

// What a forum is told is what its picture can hold: each report's levels, kept per member.
void Exercise::noteReport(const JournalEntry& entry) {
    const auto& region = m_scenario.region;
    const auto [ra, rf] = m_reporting;
    const bool known = ra != model::kNone && region.actors[ra].id == entry.actor && region.forums[rf].id == entry.forum;
    const auto f = known ? rf : region.forumIndex(entry.forum);
    const auto a = known ? ra : region.actorIndex(entry.actor);
    if (f == model::kNone || a == model::kNone || f >= m_reported.size()) return;
    auto& knowledge = m_reported[f];
    knowledge.reportedAt(a, m_sim.now());
    const auto& levels = entry.as<protocol::ReportMade>()->levels;
    // A simulated member's report holds the services it observes in their order (fillLevels).
    const bool inOrder = known && levels.size() == m_observed[a].size();
    for (std::size_t k = 0; k < levels.size(); ++k) {
        const auto& l = levels[k];
        if (const auto s = inOrder ? m_observed[a][k] : m_world->serviceIndex(l.service); s != SIZE_MAX)
            knowledge.reported(a, s, {l.level, l.observedAt}, m_sim.now());
    }
}

// A simulated member reports by its doctrine; a role a trainee holds reports only when the trainee does.
void Exercise::reportByDoctrine(model::ActorIndex actor, model::ForumIndex forum) {
    const auto& region = m_scenario.region;
    if (m_finished || m_observed[actor].empty() || heldByTrainee(region.actors[actor].id)) return;
    // The one command path, as submit takes it, without looking up what the caller knows.
    protocol::Report report{region.actors[actor].id, region.forums[forum].id, {}, {}, {}};
    record(protocol::entryOf(protocol::CommandIssued{report, Source::doctrine}, report.by));
    fillLevels(report, actor);
    m_reporting = {actor, forum};
    const Answer answer = m_cooperation.report(std::move(report), actor, forum);  // keeps report.by
    m_reporting = {model::kNone, model::kNone};
    if (!answer.accepted) record(protocol::entryOf(protocol::CommandRefused{"report", Source::doctrine, answer.refusal}, report.by));
}

void Exercise::reportAtInterval(model::ActorIndex actor) {
    const auto& region = m_scenario.region;
    for (model::ForumIndex f = 0; f < region.forums.size(); ++f) {
        const auto& state = m_cooperation.forum(f);
        if (region.forums[f].mode == model::Mode::activated && state.status == protocol::ForumStatus::active && state.has(actor))
            reportByDoctrine(actor, f);
    }
    const Millis next = m_sim.now() + m_doctrine[actor].every;
    if (next <= m_scenario.duration) m_sim.scheduleAt(next, {RunEvent::Kind::doctrineReport, actor, {}}, kPriorityDoctrine);
}

// An activated forum's conference: at the actor reports the members who report at conferences do
// so; at the regional picture Länsstyrelsen compiles it. The weekly ordinary-mode conference is
// journalled step by step, without the doctrine's reports or a compiled picture.
void Exercise::agendaStep(model::ForumIndex forum, const model::AgendaStep& step, bool weekly) {
    if (!m_world || weekly || m_scenario.region.forums[forum].mode != model::Mode::activated) return;
    if (step.role == model::AgendaRole::actorReports) reportAtConference(forum);
    else if (step.role == model::AgendaRole::regionalPicture) compilePicture(forum);
}

void Exercise::reportAtConference(model::ForumIndex forum) {
    for (const auto a : m_cooperation.forum(forum).members)
        if (m_doctrine[a].atConference) reportByDoctrine(a, forum);
}

// Länsstyrelsen compiles the joint situational picture from what the members reported (R13): per
// service the freshest level a present member reported, before or at this moment (the agenda's
// actor reports came first).
void Exercise::compilePicture(model::ForumIndex forum) {
    const auto& members = m_cooperation.forum(forum).members;
    const auto& knowledge = m_reported[forum];
    auto picture = knowledge.compile(members, m_sim.now());
    const auto& spec = m_world->spec();
    protocol::PictureCompiled e{m_scenario.region.forums[forum].id, picture.compiledAt, picture.oldestObservation(), {}, {}};
    e.services.reserve(spec.services.size());
    for (std::size_t s = 0; s < spec.services.size(); ++s) {
        const auto& k = picture.services[s];
        e.services.push_back({spec.services[s].id, k.observedAt >= 0, k.level, m_world->level(s), k.observedAt});
    }
    for (const auto a : members)
        if (!m_observed[a].empty() && knowledge.lastReportAt(a) <= m_lastCompiled[forum])
            e.unreported.push_back(m_scenario.region.actors[a].id);
    m_lastCompiled[forum] = m_sim.now();
    const std::string forumId = e.forum;
    m_pictureLog.emplace_back(forum, std::move(picture));
    record(protocol::entryOf(std::move(e), m_scenario.region.convener, forumId));
}

bool Exercise::step() {
    if (m_finished) return false;
    return m_sim.step([this](const RunEvent& ev) { handle(ev); });
}

void Exercise::runUntil(Millis t) {
    const Millis until = std::min(t, m_scenario.duration);
    while (!m_finished) {
        const auto next = m_sim.nextEventTime();
        if (!next || *next > until) break;
        step();
    }
    if (!m_finished) m_sim.runUntil(until, [this](const RunEvent& ev) { handle(ev); });
}

void Exercise::handle(const RunEvent& ev) {
    switch (ev.kind) {
        case RunEvent::Kind::protocol: m_cooperation.handle(ev.protocolEvent); break;
        case RunEvent::Kind::inject: deliverInject(m_scenario.injects[ev.index]); break;
        case RunEvent::Kind::playStep: {
            // A step with conditions is taken only if they hold for its role now.
            const auto& st = m_play->steps[ev.index];
            const auto& role = protocol::actingRole(st.command);
            const auto actor = m_scenario.region.actorIndex(role);
            const bool holds = st.conditions.empty() ||
                               (actor != model::kNone && conditionsHold(st.conditions, actor, model::kNone) == Holds::yes);
            if (!heldByTrainee(role) && holds) submit(st.command, Source::play);
            break;
        }
        case RunEvent::Kind::pointOpens: openPoint(ev.index); break;
        case RunEvent::Kind::pointTimeout: {
            const auto it = std::find_if(m_openPoints.begin(), m_openPoints.end(),
                                         [&](const OpenDecisionPoint& p) { return p.index == ev.index; });
            if (it != m_openPoints.end())
                answerPoint(static_cast<std::uint32_t>(it - m_openPoints.begin()),
                            m_scenario.decisionPoints[ev.index].defaultOption, m_scenario.decisionPoints[ev.index].role,
                            Source::timeout);
            break;
        }
        case RunEvent::Kind::weekly:
            m_cooperation.holdWeeklyConference();
            scheduleNextWeekly();
            break;
        case RunEvent::Kind::worldTick: {
            m_world->tick(m_sim.now());
            if (m_rules != nullptr) behaviourOnTick();
            const Millis next = m_sim.now() + m_scenario.world->tick;
            if (next <= m_scenario.duration) m_sim.scheduleAt(next, {RunEvent::Kind::worldTick, 0, {}}, kPriorityWorldTick);
            break;
        }
        case RunEvent::Kind::doctrineReport: reportAtInterval(ev.index); break;
        case RunEvent::Kind::ruleTime: triggerRule(ev.index, model::kNone); break;
        case RunEvent::Kind::ruleActs: actOnRule(ev.index, ev.protocolEvent.forum); break;
        case RunEvent::Kind::command: {
            const TimedCommand& c = m_deferred[ev.index];
            ++m_deferredEvents;
            submit(c.command, c.source);
            break;
        }
        case RunEvent::Kind::end: {
            // Commands submitted ahead (a replay) travel as events; submitted live they do not. Counting
            // neither keeps a replayed journal identical to the live one.
            record(protocol::entryOf(protocol::Ended{m_sim.eventCount() - m_deferredEvents}));
            m_finished = true;
            break;
        }
    }
}

// What the cooperation does reaches the world: measures as each actor carries them out, actors
// joining forums, public messages, and priority orders for resources. An actor's part of a
// measure is its population share among the decision's actors when they are all municipalities,
// else one of N.
void Exercise::signalWorld(const JournalEntry& entry) {
    using protocol::Kind;
    switch (entry.kind) {
        case Kind::implemented: {
            const auto& done = *entry.as<protocol::Implemented>();
            if (done.measure.empty()) break;  // information only: no modelled effect
            const auto measure = m_world->measureIndex(done.measure);
            const auto* d = m_cooperation.decision(done.decision);
            if (measure == SIZE_MAX || d == nullptr) break;
            double total = 0;
            bool weighted = true;
            for (const auto a : d->actors) {
                const double w = m_areaWeight[a];
                weighted = weighted && w > 0;
                total += w;
            }
            const double n = static_cast<double>(std::max<std::size_t>(d->actors.size(), 1));
            const auto by = m_scenario.region.actorIndex(done.actor);
            const double own = by == model::kNone ? m_world->areaWeight(done.actor) : m_areaWeight[by];
            const double share = weighted && total > 0 ? own / total : 1.0 / n;
            const auto number = static_cast<std::uint32_t>(d - m_cooperation.decisions().data());
            m_world->measureImplemented(measure, d->command.args, share, m_sim.now(), number, done.actor);
            break;
        }
        case Kind::memberJoined: m_world->memberJoined(entry.actor, m_sim.now()); break;
        case Kind::report: noteReport(entry); break;
        case Kind::publicMessage: m_world->publicMessage(entry.as<protocol::PublicMessage>()->joint, m_sim.now()); break;
        case Kind::frameSet:
        case Kind::prioritiesSet: {
            const auto& set = *entry.as<protocol::PrioritiesSet>();
            m_world->setPriorities(set.list, set.order);
            break;
        }
        default: break;
    }
}

void Exercise::scheduleNextWeekly() {
    const auto& weekly = m_scenario.region.weekly;
    if (!weekly) return;
    const std::int64_t local = m_scenario.start.epochMs + m_scenario.start.offsetMinutes * engine::kMinute + m_sim.now();
    const std::int64_t day = local >= 0 ? local / engine::kDay : (local - engine::kDay + 1) / engine::kDay;
    const int weekday = static_cast<int>(((day + 3) % 7 + 7) % 7) + 1;  // 1970-01-01 was a Thursday
    std::int64_t next = (day + (weekly->weekday - weekday + 7) % 7) * engine::kDay + weekly->timeOfDay;
    // Strictly after now, except that a conference exactly at the start is held.
    if (next < local || (next == local && m_sim.eventCount() > 0))
        next += 7 * engine::kDay;
    const Millis at = m_sim.now() + (next - local);
    if (at <= m_scenario.duration) m_sim.scheduleAt(at, {RunEvent::Kind::weekly, 0, {}}, kPriorityWeekly);
}

// The calendar is in local time: the start's clock, with its offset, gives the date.
Millis Exercise::nextMonthlyMeeting(Millis notBefore) const {
    const auto& monthly = m_scenario.region.monthly;
    if (!monthly) return -1;
    const std::int64_t local = m_scenario.start.epochMs + m_scenario.start.offsetMinutes * engine::kMinute;
    return model::nextMonthlyMeeting(*monthly, local + notBefore) - local;
}

void Exercise::deliverInject(const scenario::Inject& inject) {
    protocol::InjectDelivered e{inject.id, inject.from, inject.channel, inject.to, inject.affects, {}, {}, {}, {},
                                inject.when.timed && inject.when.at < 0 ? inject.when.at : 0};
    if (inject.warning) {
        e.warningSystem = inject.warning->system;
        e.warningLevel = inject.warning->level;
        e.warningHazard = inject.warning->hazard;
    }
    record(protocol::entryOf(std::move(e), inject.from, {}, inject.id));
    if (!inject.affects.empty()) m_cooperation.noteAffected(m_cooperation.expand(inject.affects));
    if (inject.warning && m_rules != nullptr) {
        // A warning reaches those it is sent to and those it affects (R9).
        const int severity = inject.warning->severity();
        for (const auto a : m_cooperation.expand(inject.to)) learnWarning(a, severity);
        for (const auto a : m_cooperation.expand(inject.affects)) learnWarning(a, severity);
    }
}

void Exercise::openPoint(std::uint32_t index) {
    const auto& p = m_scenario.decisionPoints[index];
    std::vector<std::string> options;
    for (const auto& o : p.options) options.push_back(o.id);
    m_openPoints.push_back({index, m_sim.now()});
    record(protocol::entryOf(protocol::DecisionPointOpened{p.id, p.role, p.defaultOption, options, p.timeout}, p.role, {}, p.id));
    if (p.timeout > 0) m_sim.schedule(p.timeout, {RunEvent::Kind::pointTimeout, index, {}}, kPriorityPoint);
}

void Exercise::answerPoint(std::uint32_t open, const std::string& option, const std::string& by, Source source) {
    const auto& p = m_scenario.decisionPoints[m_openPoints[open].index];
    m_openPoints.erase(m_openPoints.begin() + open);
    const auto& chosen = *std::find_if(p.options.begin(), p.options.end(), [&](const auto& o) { return o.id == option; });
    record(protocol::entryOf(protocol::DecisionPointAnswered{p.id, by, option, source}, by, {}, p.id));
    for (const auto& c : chosen.commands) submit(c, Source::decisionPoint);
}

Answer Exercise::exerciseCommand(const Command& command, Source source) {
    using protocol::RefusalCode;
    if (const auto* a = std::get_if<protocol::AnswerDecisionPoint>(&command)) {
        const auto it = std::find_if(m_openPoints.begin(), m_openPoints.end(), [&](const OpenDecisionPoint& p) {
            return m_scenario.decisionPoints[p.index].id == a->point;
        });
        if (it == m_openPoints.end()) return Answer::refused(RefusalCode::pointNotWaiting, {a->point});
        const auto& p = m_scenario.decisionPoints[it->index];
        if (a->by != p.role && a->by != protocol::kControl) return Answer::refused(RefusalCode::pointForOther, {p.id, p.role});
        if (std::none_of(p.options.begin(), p.options.end(), [&](const auto& o) { return o.id == a->option; }))
            return Answer::refused(RefusalCode::unknownOption, {p.id, a->option});
        answerPoint(static_cast<std::uint32_t>(it - m_openPoints.begin()), a->option, a->by, source);
        return Answer::ok();
    }
    if (const auto* h = std::get_if<protocol::HandOver>(&command)) return handOver(*h);
    const auto& inj = std::get<protocol::ControlInject>(command);
    if (inj.by != protocol::kControl) return Answer::refused(RefusalCode::onlyControlInjects);
    if (!inj.inject.empty()) {
        const auto* i = m_scenario.inject(inj.inject);
        if (i == nullptr) return Answer::refused(RefusalCode::unknownInject, {inj.inject});
        deliverInject(*i);
        return Answer::ok();
    }
    if (inj.text.empty()) return Answer::refused(RefusalCode::injectWithoutText);
    record(protocol::entryOf(protocol::InjectDelivered{{}, protocol::kControl, "control", inj.to, {}, {}, {}, {}, inj.text, 0},
                             protocol::kControl));
    return Answer::ok();
}

Answer Exercise::handOver(const protocol::HandOver& command) {
    using protocol::RefusalCode;
    if (command.by != protocol::kControl) return Answer::refused(RefusalCode::onlyControlHandsOver);
    const auto it = std::find(m_trainees.begin(), m_trainees.end(), command.role);
    if (it == m_trainees.end()) return Answer::refused(RefusalCode::roleNotHeld, {command.role});
    m_trainees.erase(it);
    record(protocol::entryOf(protocol::HandedOver{command.role}, command.role));
    behaviourTakesOver(command.role);
    return Answer::ok();
}

Answer Exercise::submit(const Command& command, Source source) {
    if (m_finished) return Answer::refused(protocol::RefusalCode::exerciseEnded);
    if (!protocol::isScripted(source)) m_inputs.push_back({m_sim.now(), command, source});
    record(protocol::entryOf(protocol::CommandIssued{command, source}, protocol::actingRole(command)));
    const bool exerciseLevel = std::holds_alternative<protocol::AnswerDecisionPoint>(command) ||
                               std::holds_alternative<protocol::ControlInject>(command) ||
                               std::holds_alternative<protocol::HandOver>(command);
    Answer answer;
    if (const auto* report = std::get_if<protocol::Report>(&command)) {
        protocol::Report filled = *report;
        const auto refused = fillReport(filled);
        answer = refused ? *refused : m_cooperation.apply(filled);
    } else {
        answer = exerciseLevel ? exerciseCommand(command, source) : m_cooperation.apply(command);
    }
    if (!answer.accepted)
        record(protocol::entryOf(protocol::CommandRefused{protocol::typeName(command), source, answer.refusal},
                                 protocol::actingRole(command)));
    return answer;
}

Answer Exercise::submit(Command&& command, Source source) {
    auto* report = std::get_if<protocol::Report>(&command);
    if (report == nullptr || m_finished || !protocol::isScripted(source)) return submit(std::as_const(command), source);
    // A simulated actor's report, many a conference: the journal keeps it as issued, and the levels
    // are filled into this one instead of a copy.
    record(protocol::entryOf(protocol::CommandIssued{command, source}, report->by));
    const auto refused = fillReport(*report);
    const Answer answer = refused ? *refused : m_cooperation.apply(std::move(*report));  // keeps report->by
    if (!answer.accepted) record(protocol::entryOf(protocol::CommandRefused{"report", source, answer.refusal}, report->by));
    return answer;
}

void Exercise::submitAt(Millis at, Command command, Source source) {
    m_deferred.push_back({at, std::move(command), source});
    m_sim.scheduleAt(std::max(at, m_sim.now()), {RunEvent::Kind::command, static_cast<std::uint32_t>(m_deferred.size() - 1), {}},
                     kPriorityCommand);
}

std::unique_ptr<Exercise> Exercise::fork(Millis t, std::ostream* journalOut) const {
    Options o = m_options;
    o.seed = m_seed;
    o.journalOut = journalOut;  // applying the variant again to the copied scenario changes nothing
    auto copy = std::make_unique<Exercise>(m_shared, o);
    for (const auto& c : m_inputs)
        if (c.at <= t) copy->submitAt(c.at, c.command, c.source);
    copy->runUntil(t);
    return copy;
}

}  // namespace samverkan::exercise
