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

void Cooperation::record(std::string kind, const std::string& actor, const std::string& forum, Text text,
                         std::string data, std::string ref) {
    JournalEntry e;
    e.kind = std::move(kind);
    e.actor = actor;
    e.forum = forum;
    e.text = std::move(text);
    e.data = std::move(data);
    e.ref = std::move(ref);
    m_effects.record(std::move(e));
}

std::vector<ActorIndex> Cooperation::expand(const std::vector<std::string>& ids) const {
    std::vector<ActorIndex> out;
    auto add = [&](ActorIndex a) {
        if (a != kNone && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
    };
    for (const auto& id : ids) {
        if (const auto* g = m_region.group(id)) {
            for (const auto& m : g->members) add(actorOf(m));
        } else {
            add(actorOf(id));
        }
    }
    return out;
}

Answer Cooperation::notRunning(ForumIndex f) const {
    const auto& n = forumName(f);
    return Answer::rejected({n.sv + " är inte aktivt just nu; be Länsstyrelsen sammankalla det först (R6).",
                             n.en + " is not active right now; ask Länsstyrelsen to convene it first (R6)."});
}

Answer Cooperation::notMember(const std::string& by, ForumIndex f) const {
    const auto& a = actorName(actorOf(by));
    const auto& n = forumName(f);
    return Answer::rejected({a.sv + " deltar inte i " + n.sv + ".", a.en + " is not taking part in " + n.en + "."});
}

Answer Cooperation::apply(const Command& command) {
    const auto& role = actingRole(command);
    if (!knownRole(role)) return Answer::rejected({"Okänd roll '" + role + "'.", "Unknown role '" + role + "'."});
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
            else return Answer::rejected({"Kommandot hanteras av övningen, inte av samverkansmodellen.",
                                          "This command belongs to the exercise, not to the cooperation model."});
        },
        command);
}

void Cooperation::handle(const ProtocolEvent& ev) {
    switch (ev.kind) {
        case ProtocolEvent::Kind::forumOpens: forumOpens(ev.forum); break;
        case ProtocolEvent::Kind::memberJoins: memberJoins(ev.forum, ev.actor); break;
        case ProtocolEvent::Kind::conference: conference(ev.forum); break;
        case ProtocolEvent::Kind::meetingCloses: meetingCloses(ev.forum); break;
        case ProtocolEvent::Kind::consultDone: consultDone(ev.index, ev.actor); break;
        case ProtocolEvent::Kind::implemented: implemented(ev.index, ev.actor); break;
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
    std::vector<std::string> ids;
    std::string sv, en;
    for (const auto a : missing) {
        ids.push_back(actorId(a));
        sv += (sv.empty() ? "" : ", ") + actorName(a).sv;
        en += (en.empty() ? "" : ", ") + actorName(a).en;
    }
    record("composition-suggested", "", forumId(f),
           {"Forumet föreslår att berörda aktörer kallas in: " + sv + " (R9).",
            "The forum suggests calling in affected actors: " + en + " (R9)."},
           JsonObject().add("missing", ids).str());
}

// --- Activation and convening (R5, R6, R8) ---

Answer Cooperation::requestActivation(const RequestActivation& c) {
    const ForumIndex f = c.forum.empty() ? m_region.forumOf("coordinating", model::Mode::activated) : forumOf(c.forum);
    if (f == kNone) return Answer::rejected({"Okänt forum '" + c.forum + "'.", "Unknown forum '" + c.forum + "'."});
    if (m_region.forums[f].mode != model::Mode::activated)
        return Answer::rejected({forumName(f).sv + " arbetar i ordinarie läge och aktiveras inte; välj nivåns aktiverade forum.",
                                 forumName(f).en + " works in ordinary mode and is not activated; choose the level's activated forum."});
    if (m_forums[f].status != ForumStatus::idle)
        return Answer::rejected({forumName(f).sv + " är redan aktiverat eller sammankallat.",
                                 forumName(f).en + " is already activated or being convened."});
    if (!c.viaForum.empty()) {
        const ForumIndex via = forumOf(c.viaForum);
        if (via == kNone || !forumRunning(via)) return notRunning(via == kNone ? f : via);
        if (!m_forums[via].has(actorOf(c.by))) return notMember(c.by, via);
    }
    const auto& who = actorName(actorOf(c.by));
    const auto& convener = actorName(actorOf(m_region.convener));
    std::string svFrom = who.sv, enFrom = who.en;
    if (!c.viaForum.empty()) {
        svFrom = forumName(forumOf(c.viaForum)).sv + " (genom " + who.sv + ")";
        enFrom = forumName(forumOf(c.viaForum)).en + " (through " + who.en + ")";
    }
    JsonObject data;
    data.add("to", m_region.convener);
    if (!c.viaForum.empty()) data.add("via_forum", forumId(forumOf(c.viaForum)));
    if (m_region.actors[actorOf(c.by)].outside) data.add("outside_actor", true);
    record("activation-requested", c.by, forumId(f),
           {svFrom + " begär aktivering av " + forumName(f).sv + "; " + convener.sv + " kontaktas och sammankallar (R6).",
            enFrom + " asks for activation of " + forumName(f).en + "; " + convener.en + " is contacted and convenes (R6)."},
           data.str());
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
    if (f == kNone) return Answer::rejected({"Okänt forum '" + c.forum + "'.", "Unknown forum '" + c.forum + "'."});
    if (!isConvener(c.by)) {
        const auto& conv = actorName(actorOf(m_region.convener));
        return Answer::rejected({"Bara " + conv.sv + " sammankallar forum (R5); begär aktivering i stället (R6).",
                                 "Only " + conv.en + " convenes forums (R5); ask for activation instead (R6)."});
    }
    const std::string medium = c.medium.empty() ? m_region.convening.front().medium : c.medium;
    if (m_region.conveningBy(medium) == nullptr)
        return Answer::rejected({"Okänt mötessätt '" + medium + "'.", "Unknown medium '" + medium + "'."});
    auto& state = m_forums[f];
    if (state.status == ForumStatus::convening)
        return Answer::rejected({forumName(f).sv + " är redan sammankallat.", forumName(f).en + " is already being convened."});
    const bool extraConference = state.status == ForumStatus::active;
    if (extraConference && m_region.forums[f].mode == model::Mode::ordinary)
        return Answer::rejected({forumName(f).sv + " sammanträder redan.", forumName(f).en + " is already in session."});
    const Millis delay = std::max(drawConveningDelay(medium), c.meetIn);
    const ProtocolEvent::Kind kind = extraConference ? ProtocolEvent::Kind::conference : ProtocolEvent::Kind::forumOpens;
    if (extraConference) {
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
    const std::string when = engine::formatDuration(delay);
    const bool phone = medium == "telephone";
    std::vector<std::string> invitedIds;
    for (const auto a : state.invited) invitedIds.push_back(actorId(a));
    record("convened", c.by, forumId(f),
           extraConference
               ? Text{"Länsstyrelsen kallar till extra samverkanskonferens i " + forumName(f).sv + " om " + when + ".",
                      "Länsstyrelsen calls an extra cooperation conference of " + forumName(f).en + " in " + when + "."}
               : Text{"Länsstyrelsen sammankallar " + forumName(f).sv + (phone ? " till telefonkonferens" : " till möte") +
                          " om " + when + " (R5).",
                      "Länsstyrelsen convenes " + forumName(f).en + (phone ? " by telephone conference" : " to a meeting") +
                          " in " + when + " (R5)."},
           JsonObject().add("medium", medium).add("delay_ms", delay).add("extra_conference", extraConference)
               .add("invited", extraConference ? std::vector<std::string>{} : invitedIds).str());
    return Answer::ok();
}

void Cooperation::forumOpens(ForumIndex f) {
    auto& state = m_forums[f];
    const auto& forum = m_region.forums[f];
    state.status = ForumStatus::active;
    state.members = state.invited;
    state.invited.clear();
    state.chair = kNone;
    state.chairDecided = false;
    state.activatedAt = m_effects.now();
    ++state.meetings;
    std::vector<std::string> ids;
    for (const auto a : state.members) ids.push_back(actorId(a));
    JsonObject data;
    data.add("mode", forum.mode == model::Mode::activated ? "activated" : "ordinary").add("level", forum.level)
        .add("medium", state.medium).add("members", ids);
    const auto& level = *m_region.level(forum.level);
    const bool alone = forum.mode == model::Mode::activated && level.rank == 0 && [&] {
        for (ForumIndex g = 0; g < m_forums.size(); ++g)
            if (g != f && m_region.forums[g].mode == model::Mode::activated && forumRunning(g)) return false;
        return true;
    }();
    if (alone) data.add("activated_alone", true);
    const std::string svAlone = alone ? " Inriktande forum aktiveras utan samordnande forum (R8)." : "";
    const std::string enAlone = alone ? " The directing forum is activated on its own (R8)." : "";
    const bool activated = forum.mode == model::Mode::activated;
    record("meeting-opened", m_region.convener, forum.id,
           activated ? Text{forum.name.sv + " öppnar; Länsstyrelsen leder det första mötet och dokumenterar (R7)." + svAlone,
                            forum.name.en + " opens; Länsstyrelsen leads the first meeting and documents it (R7)." + enAlone}
                     : Text{forum.name.sv + " sammanträder i ordinarie läge; Länsstyrelsen leder och dokumenterar.",
                            forum.name.en + " meets in ordinary mode; Länsstyrelsen leads and documents."},
           data.str());
    if (forum.mode == model::Mode::activated) {
        if (m_region.conferenceInterval(f) > 0)
            state.conferenceEvent =
                m_effects.scheduleIn(m_region.conferenceInterval(f), {ProtocolEvent::Kind::conference, f, kNone, 0});
        suggestMissing(f);
    } else {
        state.closeEvent = m_effects.scheduleIn(m_region.meetingLength, {ProtocolEvent::Kind::meetingCloses, f, kNone, 0});
    }
}

void Cooperation::meetingCloses(ForumIndex f) {
    auto& state = m_forums[f];
    state.status = ForumStatus::idle;
    state.members.clear();
    record("meeting-closed", m_region.convener, forumId(f),
           {forumName(f).sv + ": mötet avslutas.", forumName(f).en + ": the meeting closes."});
}

void Cooperation::conference(ForumIndex f) {
    auto& state = m_forums[f];
    if (!forumRunning(f)) return;
    ++state.meetings;
    std::vector<std::string> ids;
    for (const auto a : state.members) ids.push_back(actorId(a));
    record("conference", m_region.convener, forumId(f),
           {"Samverkanskonferens i " + forumName(f).sv + " under Länsstyrelsens ledning; representanterna återkopplar till sina hemorganisationer (R4).",
            "Cooperation conference of " + forumName(f).en + " led by Länsstyrelsen; representatives report back to their home organisations (R4)."},
           JsonObject().add("members", ids).add("number", static_cast<std::int64_t>(state.meetings)).str());
    if (m_region.conferenceInterval(f) > 0)
        state.conferenceEvent =
            m_effects.scheduleIn(m_region.conferenceInterval(f), {ProtocolEvent::Kind::conference, f, kNone, 0});
    suggestMissing(f);
}

void Cooperation::holdWeeklyConference() {
    if (!m_region.weekly) return;
    const ForumIndex f = m_region.forumIndex(m_region.weekly->forum);
    if (f == kNone) return;
    ++m_forums[f].meetings;
    record("conference", m_region.convener, forumId(f),
           {"Veckovis samverkanskonferens i ordinarie läge: informationsdelning och lägesbilder.",
            "Weekly cooperation conference in ordinary mode: information sharing and situational pictures."},
           JsonObject().add("mode", "ordinary").add("weekly", true).str());
}

// --- Composition (R9) and chair (R7) ---

Answer Cooperation::callIn(const CallIn& c) {
    const ForumIndex f = forumOf(c.forum);
    const ActorIndex a = actorOf(c.actor);
    if (f == kNone || a == kNone) return Answer::rejected({"Okänt forum eller okänd aktör.", "Unknown forum or actor."});
    auto& state = m_forums[f];
    if (state.status == ForumStatus::idle) return notRunning(f);
    if (!isConvener(c.by) && !state.has(actorOf(c.by))) return notMember(c.by, f);
    const bool coming = std::find(state.invited.begin(), state.invited.end(), a) != state.invited.end();
    if (state.has(a) || coming)
        return Answer::rejected({actorName(a).sv + " är redan med i " + forumName(f).sv + ".",
                                 actorName(a).en + " is already in " + forumName(f).en + "."});
    if (state.status == ForumStatus::convening) {
        state.invited.push_back(a);
    } else {
        state.invited.push_back(a);
        m_effects.scheduleIn(m_region.callInDelay, {ProtocolEvent::Kind::memberJoins, f, a, 0});
    }
    record("called-in", c.actor, forumId(f),
           {actorName(a).sv + " kallas in till " + forumName(f).sv + " (anpassad sammansättning, R9).",
            actorName(a).en + " is called in to " + forumName(f).en + " (adapted composition, R9)."},
           JsonObject().add("by", c.by).str());
    return Answer::ok();
}

void Cooperation::memberJoins(ForumIndex f, ActorIndex a) {
    auto& state = m_forums[f];
    const auto it = std::find(state.invited.begin(), state.invited.end(), a);
    if (it == state.invited.end() || !forumRunning(f)) return;
    state.invited.erase(it);
    state.members.push_back(a);
    record("member-joined", actorId(a), forumId(f),
           {actorName(a).sv + " ansluter till " + forumName(f).sv + ".", actorName(a).en + " joins " + forumName(f).en + "."});
}

Answer Cooperation::release(const Release& c) {
    const ForumIndex f = forumOf(c.forum);
    const ActorIndex a = actorOf(c.actor);
    if (f == kNone || a == kNone) return Answer::rejected({"Okänt forum eller okänd aktör.", "Unknown forum or actor."});
    auto& state = m_forums[f];
    if (!forumRunning(f)) return notRunning(f);
    if (!isConvener(c.by) && !state.has(actorOf(c.by))) return notMember(c.by, f);
    if (!state.has(a)) return notMember(c.actor, f);
    if (isConvener(c.actor))
        return Answer::rejected({"Länsstyrelsen kan inte släppas: den dokumenterar forumets arbete (R7).",
                                 "Länsstyrelsen cannot be released: it documents the forum's work (R7)."});
    if (state.chair == a)
        return Answer::rejected({actorName(a).sv + " är ordförande; välj en ny ordförande först (R7).",
                                 actorName(a).en + " chairs the forum; choose another chair first (R7)."});
    state.members.erase(std::find(state.members.begin(), state.members.end(), a));
    record("member-released", c.actor, forumId(f),
           {actorName(a).sv + " släpps från " + forumName(f).sv + " (R9).", actorName(a).en + " is released from " + forumName(f).en + " (R9)."},
           JsonObject().add("by", c.by).str());
    return Answer::ok();
}

Answer Cooperation::setChair(const SetChair& c) {
    const ForumIndex f = forumOf(c.forum);
    const ActorIndex a = actorOf(c.actor);
    if (f == kNone || a == kNone) return Answer::rejected({"Okänt forum eller okänd aktör.", "Unknown forum or actor."});
    auto& state = m_forums[f];
    if (!forumRunning(f)) return notRunning(f);
    if (!state.has(actorOf(c.by))) return notMember(c.by, f);
    if (!state.has(a)) return notMember(c.actor, f);
    if (state.chair == a)
        return Answer::rejected({actorName(a).sv + " är redan ordförande.", actorName(a).en + " already chairs the forum."});
    const bool first = !state.chairDecided;
    state.chair = a;
    state.chairDecided = true;
    record(first ? "chair-decided" : "chair-changed", c.actor, forumId(f),
           first ? Text{"Första mötet beslutar att " + actorName(a).sv + " är ordförande framöver (R7).",
                        "The first meeting decides that " + actorName(a).en + " chairs from now on (R7)."}
                 : Text{"Ordförandeskapet i " + forumName(f).sv + " går över till " + actorName(a).sv + " (R7).",
                        "The chair of " + forumName(f).en + " passes to " + actorName(a).en + " (R7)."},
           JsonObject().add("by", c.by).str());
    return Answer::ok();
}

Answer Cooperation::deactivate(const Deactivate& c) {
    const ForumIndex f = forumOf(c.forum);
    if (f == kNone) return Answer::rejected({"Okänt forum '" + c.forum + "'.", "Unknown forum '" + c.forum + "'."});
    auto& state = m_forums[f];
    if (m_region.forums[f].mode != model::Mode::activated || !forumRunning(f)) return notRunning(f);
    const ActorIndex by = actorOf(c.by);
    if (!isConvener(c.by) && state.chair != by)
        return Answer::rejected({"Bara ordföranden eller Länsstyrelsen kan avaktivera forumet.",
                                 "Only the chair or Länsstyrelsen can deactivate the forum."});
    m_effects.cancel(state.conferenceEvent);
    state.status = ForumStatus::idle;
    state.members.clear();
    state.invited.clear();
    state.chair = kNone;
    state.chairDecided = false;
    m_suggested[f].clear();
    const ForumIndex ordinary = m_region.forumOf(m_region.forums[f].level, model::Mode::ordinary);
    JsonObject data;
    data.add("by", c.by);
    if (ordinary != kNone) data.add("ordinary_forum", forumId(ordinary));
    record("deactivated", c.by, forumId(f),
           {forumName(f).sv + " avaktiveras; nivån återgår till ordinarie läge.",
            forumName(f).en + " is deactivated; the level returns to ordinary mode."},
           data.str());
    return Answer::ok();
}

// --- Communication ---

Answer Cooperation::publicMessage(const SendPublicMessage& c) {
    if (c.forum.empty()) {
        record("public-message", c.by, "", c.text, JsonObject().add("joint", false).str());
        return Answer::ok();
    }
    const ForumIndex f = forumOf(c.forum);
    if (f == kNone) return Answer::rejected({"Okänt forum '" + c.forum + "'.", "Unknown forum '" + c.forum + "'."});
    if (!forumRunning(f)) return notRunning(f);
    if (!m_forums[f].has(actorOf(c.by))) return notMember(c.by, f);
    std::vector<std::string> ids;
    for (const auto a : m_forums[f].members) ids.push_back(actorId(a));
    record("public-message", c.by, forumId(f), c.text, JsonObject().add("joint", true).add("senders", ids).str());
    return Answer::ok();
}

Answer Cooperation::report(const Report& c) {
    const ForumIndex f = forumOf(c.forum);
    if (f == kNone) return Answer::rejected({"Okänt forum '" + c.forum + "'.", "Unknown forum '" + c.forum + "'."});
    const bool ordinary = m_region.forums[f].mode == model::Mode::ordinary;
    if (!ordinary && !forumRunning(f)) return notRunning(f);
    if (!ordinary && !m_forums[f].has(actorOf(c.by))) return notMember(c.by, f);
    record("report", c.by, forumId(f), c.text);
    return Answer::ok();
}

Answer Cooperation::contact(const Contact& c) {
    const ActorIndex to = actorOf(c.to);
    if (to == kNone) return Answer::rejected({"Okänd mottagare '" + c.to + "'.", "Unknown recipient '" + c.to + "'."});
    record("contact", c.by, "", c.text, JsonObject().add("to", c.to).add("bilateral", true).str());
    return Answer::ok();
}

}  // namespace samverkan::protocol
