#include "sim/eval/Metrics.hpp"

#include <algorithm>
#include <cmath>

namespace samverkan::eval {
namespace {

using protocol::Kind;

bool contains(const std::vector<std::string>& ids, const std::string& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

Timing timing(const protocol::JournalEntry& e, std::string id, Text label, Millis signal) {
    return {std::move(id), std::move(label), e.t, signal < 0 ? -1 : e.t - signal, e.seq};
}

// Where questions were settled (R15): per question — a topic and the measure decided, or a priority
// list — the places that settled it, a forum or an organisation on its own.
class Settlements {
public:
    explicit Settlements(const model::Region& region) : m_region(region) {}

    /// Notes a settlement; true if the question had been settled before somewhere else.
    bool settled(const std::string& question, const std::string& place) {
        auto it = std::find_if(m_questions.begin(), m_questions.end(), [&](const auto& q) { return q.first == question; });
        if (it == m_questions.end()) {
            m_questions.push_back({question, {place}});
            return false;
        }
        if (contains(it->second, place)) return false;  // the same place settling it again revises it
        it->second.push_back(place);
        return true;
    }
    /// A priority order set by `forum`: duplicated unless it works within the frame a higher
    /// level's forum set on the same list earlier (R11).
    bool ordered(const std::string& list, const std::string& forum) {
        const std::string question = "list:" + list;
        const auto f = m_region.forumIndex(forum);
        for (const auto& q : m_questions)
            if (q.first == question)
                for (const auto& place : q.second) {
                    const auto g = m_region.forumIndex(place.substr(place.find(':') + 1));
                    if (f != model::kNone && g != model::kNone && rank(g) < rank(f)) return false;
                }
        return settled(question, "forum:" + forum);
    }

private:
    [[nodiscard]] int rank(model::ForumIndex f) const { return m_region.level(m_region.forums[f].level)->rank; }
    const model::Region& m_region;
    std::vector<std::pair<std::string, std::vector<std::string>>> m_questions;
};

}  // namespace

Metrics measure(const exercise::Exercise& run) {
    Metrics m;
    const auto& region = run.scenario().region;
    const auto& entries = run.journal().entries();
    const auto& words = run.renderer();
    for (const auto& e : entries)
        if (e.kind == Kind::inject) {
            m.firstSignal = e.t;
            m.firstSignalSeq = e.seq;
            break;
        }
    std::vector<std::string> affected;
    for (const auto& inject : run.scenario().injects)
        for (const auto& a : run.cooperation().expand(inject.affects)) {
            const auto& id = region.actors[a].id;
            if (std::find(affected.begin(), affected.end(), id) == affected.end()) affected.push_back(id);
        }
    for (const auto& id : affected) m.affected.push_back({id, region.actors[region.actorIndex(id)].name, -1, {}});

    auto present = [&](const std::string& actor, const std::string& forum, Millis t) {
        for (auto& p : m.affected)
            if (p.actor == actor && p.joined < 0) {
                p.joined = t;
                p.forum = forum;
            }
    };
    Settlements settlements(region);
    // A report made at a forum's meeting or conference is part of that contact, not one of its own
    // (members report at each conference by doctrine); a report between them is a contact.
    std::vector<std::pair<model::ForumIndex, Millis>> reportsTo, gatherings;
    auto& chain = m.alerting;
    std::vector<bool> hasInformation(region.actors.size(), false);
    for (std::size_t a = 0; a < region.actors.size(); ++a)
        if (!region.actors[a].onCall.empty() && region.actors[a].id != region.convener) ++chain.toInform;
    const std::string dutyOfficer = region.alerting ? region.alerting->dutyOfficer : std::string{};
    for (const auto& e : entries) {
        // Most entries are commands and reports of a conference: only what is counted looks its forum up.
        if (e.kind == Kind::command || e.kind == Kind::agendaItem) continue;
        const bool atForum = e.kind == Kind::meetingOpened || e.kind == Kind::memberJoined || e.kind == Kind::report || e.kind == Kind::conference;
        const auto f = atForum ? region.forumIndex(e.forum) : model::kNone;
        const bool activatedForum = f != model::kNone && region.forums[f].mode == model::Mode::activated;
        switch (e.kind) {
            case Kind::meetingOpened:
                gatherings.emplace_back(f, e.t);
                if (!activatedForum) break;
                if (std::none_of(m.activations.begin(), m.activations.end(), [&](const Timing& t) { return t.id == e.forum; }))
                    m.activations.push_back(timing(e, e.forum, region.forums[f].name, m.firstSignal));
                if (chain.firstConference.at < 0) chain.firstConference = timing(e, e.forum, region.forums[f].name, m.firstSignal);
                for (const auto& id : affected)
                    if (contains(e.as<protocol::MeetingOpened>()->members, id)) present(id, e.forum, e.t);
                break;
            case Kind::memberJoined:
                if (activatedForum) present(e.actor, e.forum, e.t);
                break;
            case Kind::decisionAgreed:
                ++m.coordinatedDecisions;
                if (const auto& d = *e.as<protocol::Decided>(); !d.measure.empty())
                    m.duplicatedDecisions += settlements.settled(d.topic + "/measure:" + d.measure, "forum:" + e.forum) ? 1 : 0;
                m.decisions.push_back(timing(e, e.ref, words.event(e), m.firstSignal));
                if (m.firstCoordinatedDecision.at < 0) m.firstCoordinatedDecision = timing(e, e.ref, words.event(e), m.firstSignal);
                break;
            case Kind::ownDecision: {
                ++m.ownDecisions;
                // An information-only decision names no question the model can compare.
                if (const auto& d = *e.as<protocol::Decided>(); !d.measure.empty())
                    m.duplicatedDecisions += settlements.settled(d.topic + "/measure:" + d.measure, "actor:" + d.by) ? 1 : 0;
                break;
            }
            case Kind::frameSet:
            case Kind::prioritiesSet:
                m.duplicatedDecisions += settlements.ordered(e.as<protocol::PrioritiesSet>()->list, e.forum) ? 1 : 0;
                break;
            case Kind::frameViolation: ++m.frameViolations; break;
            case Kind::publicMessage:
                ++m.publicMessages;
                if (m.firstPublicMessage.at < 0) m.firstPublicMessage = timing(e, e.actor, words.event(e), m.firstSignal);
                if (e.as<protocol::PublicMessage>()->joint) {
                    ++m.jointMessages;
                    if (m.firstJointMessage.at < 0) m.firstJointMessage = timing(e, e.forum, words.event(e), m.firstSignal);
                }
                break;
            case Kind::contact: ++m.bilateralContacts; break;
            case Kind::alertAnswered:
                if (chain.dutyOfficerAnswered.at < 0 && e.actor == region.convener && e.ref == dutyOfficer)
                    chain.dutyOfficerAnswered = timing(e, e.actor, words.event(e), m.firstSignal);
                break;
            case Kind::verified:
                if (chain.verified.at < 0) chain.verified = timing(e, e.actor, words.event(e), m.firstSignal);
                break;
            case Kind::informed:
                if (chain.firstInformation.at < 0) chain.firstInformation = timing(e, e.actor, words.event(e), m.firstSignal);
                break;
            case Kind::informationReceived: {
                const auto a = region.actorIndex(e.actor);
                if (a == model::kNone || hasInformation[a] || e.actor == region.convener) break;
                hasInformation[a] = true;
                if (++chain.informed == chain.toInform) chain.informedAll = timing(e, e.actor, words.event(e), m.firstSignal);
                break;
            }
            case Kind::situationalPicture: {
                const auto& p = *e.as<protocol::PictureCompiled>();
                m.reportsMissed += static_cast<int>(p.unreported.size());
                if (m.servicePictures.empty())
                    for (const auto& svc : p.services) m.servicePictures.push_back({svc.service, words.service(svc.service)});
                for (std::size_t s = 0; s < p.services.size() && s < m.servicePictures.size(); ++s) {
                    auto& out = m.servicePictures[s];
                    const auto& svc = p.services[s];
                    ++out.pictures;
                    if (!svc.known) continue;
                    const double age = static_cast<double>(p.compiledAt - svc.observedAt) / static_cast<double>(engine::kHour);
                    const double error = std::abs(svc.level - svc.truth);
                    // Sums while counting; turned into means below.
                    out.ageMeanHours = (out.known == 0 ? 0 : out.ageMeanHours) + age;
                    out.errorMean = (out.known == 0 ? 0 : out.errorMean) + error;
                    out.ageMaxHours = std::max(out.ageMaxHours, age);
                    out.errorMax = std::max(out.errorMax, error);
                    ++out.known;
                }
                break;
            }
            case Kind::report:
                ++m.reportsMade;
                if (f != model::kNone) reportsTo.emplace_back(f, e.t);
                break;
            case Kind::conference:
                if (f != model::kNone) {
                    ++m.forumContacts;
                    gatherings.emplace_back(f, e.t);
                }
                break;
            case Kind::implemented: {
                if (e.forum.empty()) break;
                auto it = std::find_if(m.implementations.begin(), m.implementations.end(),
                                       [&](const Timing& t) { return t.id == e.actor; });
                if (it == m.implementations.end())
                    m.implementations.push_back(timing(e, e.actor, region.actors[region.actorIndex(e.actor)].name, m.firstSignal));
                else
                    *it = timing(e, e.actor, it->label, m.firstSignal);
                break;
            }
            default: break;
        }
    }
    for (const auto& r : reportsTo)
        if (std::find(gatherings.begin(), gatherings.end(), r) == gatherings.end()) ++m.forumContacts;
    m.forumContacts += m.coordinatedDecisions;
    double errorSum = 0;
    int knownEntries = 0;
    for (auto& sp : m.servicePictures) {
        if (sp.known == 0) continue;
        errorSum += sp.errorMean;
        knownEntries += sp.known;
        sp.ageMeanHours /= sp.known;
        sp.errorMean /= sp.known;
        m.pictureErrorMax = std::max(m.pictureErrorMax, sp.errorMax);
    }
    if (knownEntries > 0) m.pictureErrorMean = errorSum / knownEntries;
    const auto& pictures = run.pictures();
    m.pictures = static_cast<int>(pictures.size());
    // Over the event: from the first signal until the hazards are over (or the run ends).
    Millis eventEnd = run.now();
    if (const auto* w = run.world(); w != nullptr && !w->spec().hazards.empty()) {
        Millis hazardsOver = 0;
        for (std::size_t h = 0; h < w->spec().hazards.size(); ++h)
            if (w->drawn(h).begins) hazardsOver = std::max(hazardsOver, w->drawn(h).onset + w->drawn(h).duration);
        eventEnd = std::min(eventEnd, hazardsOver);
    }
    if (run.world() != nullptr && m.firstSignal >= 0 && eventEnd > m.firstSignal) {
        constexpr Millis kStep = 5 * engine::kMinute;
        double sum = 0, worst = 0;
        int samples = 0;
        std::size_t next = 0;
        Millis basis = m.firstSignal;  // what the freshest picture rests on
        for (Millis t = m.firstSignal; t <= eventEnd; t += kStep) {
            for (; next < pictures.size() && pictures[next].second.compiledAt <= t; ++next) {
                const Millis oldest = pictures[next].second.oldestObservation();
                basis = oldest >= 0 ? std::max(basis, oldest) : basis;
            }
            const double age = static_cast<double>(t - basis) / static_cast<double>(engine::kHour);
            sum += age;
            worst = std::max(worst, age);
            ++samples;
        }
        m.pictureAgeMeanHours = sum / samples;
        m.pictureAgeMaxHours = worst;
    }
    if (const auto* w = run.world())
        for (std::size_t o = 0; o < w->spec().outcomes.size(); ++o) {
            const auto& spec = w->spec().outcomes[o];
            m.outcomes.push_back({spec.id, spec.name, spec.unit, w->outcome(o)});
        }
    return m;
}

std::vector<BenchmarkComparison> compareAlerting(const Metrics& m, const model::Region& region) {
    std::vector<BenchmarkComparison> out;
    if (!region.alerting) return out;
    const auto add = [&](const model::AlertingBenchmark& b, const char* step, const Timing& t, Millis lo, Millis hi) {
        BenchmarkComparison c{b.id, b.name, step, t.at < 0 ? -1 : t.sinceSignal, lo, hi, 2, b.source};
        if (c.measured >= 0) c.verdict = c.measured < lo ? -1 : c.measured > hi ? 1 : 0;
        out.push_back(std::move(c));
    };
    for (const auto& b : region.alerting->benchmarks) {
        if (b.informationMin >= 0) add(b, "information", m.alerting.informedAll, b.informationMin, b.informationMax);
        if (b.conference >= 0) add(b, "conference", m.alerting.firstConference, b.conference, b.conference);
    }
    return out;
}

}  // namespace samverkan::eval
