#include "sim/model/Region.hpp"

#include <algorithm>
#include <cstring>

namespace samverkan::model {

const Representation* Actor::at(const std::string& levelId) const {
    for (const auto& r : representatives)
        if (r.level == levelId) return &r;
    return nullptr;
}

const char* dutyName(Duty duty) {
    switch (duty) {
        case Duty::verify: return "verify";
        case Duty::alert: return "alert";
        case Duty::inform: return "inform";
    }
    return "?";
}

bool OnCallRole::has(Duty duty) const { return std::find(duties.begin(), duties.end(), duty) != duties.end(); }

const OnCallRole* Actor::onCallRole(const std::string& roleId) const { return findById(onCall, roleId); }

const OnCallRole* Actor::onCallWith(Duty duty) const {
    for (const auto& r : onCall)
        if (r.has(duty)) return &r;
    return nullptr;
}

namespace {
// The index of the item whose id is `id`: looked up for every command and journal entry, so the
// length and the first letter are compared before the rest.
template <class T>
std::uint32_t indexById(const std::vector<T>& items, const std::string& id) {
    if (id.empty()) return kNone;
    const std::size_t n = id.size();
    const char first = id[0];
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string& x = items[i].id;
        if (x.size() == n && x[0] == first && std::char_traits<char>::compare(x.data(), id.data(), n) == 0)
            return static_cast<std::uint32_t>(i);
    }
    return kNone;
}

// An id's length and first seven bytes in one word: one comparison rules out nearly every other id.
std::uint64_t idKey(const std::string& id) {
    std::uint64_t key = 0;
    std::memcpy(&key, id.data(), std::min<std::size_t>(id.size(), 7));
    return (key & 0x00FFFFFFFFFFFFFFULL) | (static_cast<std::uint64_t>(std::min<std::size_t>(id.size(), 255)) << 56);
}

template <class T>
std::uint32_t indexByKey(const std::vector<std::uint64_t>& keys, const std::vector<T>& items, const std::string& id) {
    if (id.empty()) return kNone;
    if (keys.size() == items.size()) {
        const std::uint64_t key = idKey(id);
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == key && items[i].id == id) return static_cast<std::uint32_t>(i);
    }
    return indexById(items, id);
}
}  // namespace

ActorIndex Region::actorIndex(const std::string& actorId) const { return indexByKey(actorKeys, actors, actorId); }

ForumIndex Region::forumIndex(const std::string& forumId) const { return indexByKey(forumKeys, forums, forumId); }

void Region::index() {
    actorKeys.clear();
    forumKeys.clear();
    for (const auto& a : actors) actorKeys.push_back(idKey(a.id));
    for (const auto& f : forums) forumKeys.push_back(idKey(f.id));
    for (auto& g : groups) {
        g.indices.clear();
        for (const auto& m : g.members) g.indices.push_back(actorIndex(m));
    }
}

ActorIndex Region::memberIndex(const ActorGroup& group, std::size_t k) const {
    const auto& member = group.members[k];
    if (k < group.indices.size()) {
        const auto a = group.indices[k];
        if (a < actors.size() && actors[a].id == member) return a;
    }
    return actorIndex(member);
}

const std::vector<AgendaStep>& ssrAgenda() {
    static const std::vector<AgendaStep> kSteps{
        {"actor-reports", {"Aktörsrapportering", "Actor reports"}, AgendaRole::actorReports},
        {"information-sharing", {"Informationsdelning", "Information sharing"}, AgendaRole::informationSharing},
        {"cooperation-needs", {"Identifiering av samverkansbehov", "Identifying the need for cooperation"}, AgendaRole::cooperationNeeds},
        {"regional-picture", {"Regional lägesbild", "The regional situational picture"}, AgendaRole::regionalPicture}};
    return kSteps;
}

AgendaRole agendaRoleOf(const std::string& id) {
    for (const auto& s : ssrAgenda())
        if (s.id == id) return s.role;
    return AgendaRole::other;
}

const Level* Region::level(const std::string& levelId) const { return findById(levels, levelId); }

ReportingDoctrine Region::reportingOf(ActorIndex a) const {
    ReportingDoctrine d;
    for (const auto& rule : reporting) {
        bool names = rule.actors.empty();
        for (const auto& named : rule.actors) {
            const auto* g = group(named);
            names = names || named == actors[a].id ||
                    (g != nullptr && std::find(g->members.begin(), g->members.end(), actors[a].id) != g->members.end());
        }
        if (names) d = rule.doctrine;
    }
    return d;
}

const ActorGroup* Region::group(const std::string& groupId) const { return findById(groups, groupId); }

const ConveningDelay* Region::conveningBy(const std::string& medium) const {
    for (const auto& c : convening)
        if (c.medium == medium) return &c;
    return nullptr;
}

ForumIndex Region::forumOf(const std::string& levelId, Mode mode) const {
    for (std::size_t i = 0; i < forums.size(); ++i)
        if (forums[i].level == levelId && forums[i].mode == mode) return static_cast<ForumIndex>(i);
    return kNone;
}

ForumIndex Region::resolveForum(const std::string& ref) const {
    const ForumIndex byId = forumIndex(ref);
    if (byId != kNone) return byId;
    return level(ref) != nullptr ? forumOf(ref, Mode::activated) : kNone;
}

std::vector<std::string> Region::actorIds() const {
    std::vector<std::string> ids;
    ids.reserve(actors.size() + groups.size());
    for (const auto& a : actors) ids.push_back(a.id);
    for (const auto& g : groups) ids.push_back(g.id);
    return ids;
}

std::vector<std::string> Region::forumRefs() const {
    std::vector<std::string> ids;
    for (const auto& f : forums) ids.push_back(f.id);
    for (const auto& l : levels) ids.push_back(l.id);
    return ids;
}

}  // namespace samverkan::model
