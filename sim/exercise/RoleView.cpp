#include "sim/exercise/RoleView.hpp"

#include <algorithm>
#include <vector>

namespace samverkan::exercise {

using protocol::Kind;

namespace {

bool allKnowing(const std::string& role) { return role.empty() || role == protocol::kControl; }

// Whether `role` is among `ids` (actors or groups, as commands and events name them).
bool among(const Exercise& run, const std::string& role, const std::vector<std::string>& ids) {
    if (std::find(ids.begin(), ids.end(), role) != ids.end()) return true;
    const auto me = run.scenario().region.actorIndex(role);
    if (me == model::kNone) return false;
    const auto expanded = run.cooperation().expand(ids);
    return std::find(expanded.begin(), expanded.end(), me) != expanded.end();
}

bool sitsIn(const Exercise& run, const std::string& role, const std::string& forumId) {
    if (forumId.empty()) return false;
    const auto& region = run.scenario().region;
    const auto f = region.forumIndex(forumId);
    const auto me = region.actorIndex(role);
    return f != model::kNone && me != model::kNone && run.cooperation().forum(f).has(me);
}

}  // namespace

bool mayKnow(const Exercise& run, const std::string& role, const protocol::JournalEntry& e) {
    if (allKnowing(role)) return true;
    const bool own = e.actor == role;
    switch (e.kind) {
    case Kind::start:
    case Kind::end:
    case Kind::publicMessage:
        return true;
    case Kind::command:
    case Kind::rejected:
    case Kind::handOver:
    case Kind::consultationStarted:
    case Kind::consultationDone:
        return own;
    case Kind::inject:
        if (const auto* d = e.as<protocol::InjectDelivered>()) {
            if (!d->to.empty()) return among(run, role, d->to);
            if (const auto* inject = run.scenario().inject(d->inject)) return among(run, role, inject->to);
        }
        return false;
    case Kind::alert:
        if (const auto* a = e.as<protocol::Alerted>()) return a->by == role || among(run, role, a->to);
        return own;
    case Kind::informed:
        if (const auto* i = e.as<protocol::Informed>()) return i->by == role || among(run, role, i->to);
        return own;
    case Kind::alertAnswered:
        if (const auto* a = e.as<protocol::AlertAnswered>()) return own || a->by == role;
        return own;
    case Kind::informationReceived:
        if (const auto* i = e.as<protocol::InformationReceived>()) return own || i->by == role;
        return own;
    case Kind::verified:
        if (const auto* v = e.as<protocol::Verified>()) return v->by == role || v->with == role;
        return own;
    case Kind::contact:
        if (const auto* c = e.as<protocol::ContactMade>()) return c->by == role || c->to == role;
        return own;
    case Kind::decisionPoint:
        if (const auto* p = e.as<protocol::DecisionPointOpened>()) return p->role == role;
        return own;
    case Kind::decisionAnswered:
        if (const auto* p = run.scenario().decisionPoint(e.ref)) return p->role == role || own;
        return own;
    case Kind::ownDecision:
    case Kind::decisionAgreed:
    case Kind::decisionProposed:
        if (const auto* d = e.as<protocol::Decided>())
            if (d->by == role || std::find(d->actors.begin(), d->actors.end(), role) != d->actors.end()) return true;
        return own || sitsIn(run, role, e.forum);
    case Kind::activationRequested:
        return own || role == run.scenario().region.convener || sitsIn(run, role, e.forum);
    case Kind::convened:
        if (const auto* c = e.as<protocol::Convened>())
            if (c->by == role || std::find(c->invited.begin(), c->invited.end(), role) != c->invited.end()) return true;
        return own || sitsIn(run, role, e.forum);
    default:
        // Everything else happens in a forum (meetings, conferences, members, reports, priorities,
        // messages proposed, pictures) or to the actor the entry is about.
        return own || sitsIn(run, role, e.forum);
    }
}

model::Text wordedFor(const Exercise& run, const std::string& role, const protocol::JournalEntry& entry) {
    return run.renderer().event(entry, allKnowing(role) ? render::Renderer::Sight::truth : render::Renderer::Sight::known);
}

std::vector<OwnAction> ownActions(const Exercise& run, const std::string& role) {
    std::vector<OwnAction> out;
    const auto& entries = run.journal().entries();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto* issued = entries[i].as<protocol::CommandIssued>();
        if (issued == nullptr || entries[i].actor != role || protocol::isScripted(issued->source)) continue;
        OwnAction a;
        a.t = entries[i].t;
        a.type = protocol::typeName(issued->command);
        a.entry = i;
        // The refusal, if any, comes straight after the command; else what it set off at once.
        for (std::size_t j = i + 1; j < entries.size() && entries[j].t == entries[i].t; ++j) {
            if (entries[j].kind == protocol::Kind::command) break;
            if (const auto* refused = entries[j].as<protocol::CommandRefused>(); refused != nullptr && entries[j].actor == role) {
                a.accepted = false;
                a.refusal = refused->refusal;
                break;
            }
            if (a.followedBy == SIZE_MAX) a.followedBy = j;
        }
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace samverkan::exercise
