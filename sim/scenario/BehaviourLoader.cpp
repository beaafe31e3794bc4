// Doctrine rules (`behaviour:`) of a region or a scenario: what the simulated actors do, when and
// under which conditions.
#include <algorithm>
#include <cstdlib>
#include <functional>
#include <set>

#include "sim/model/Names.hpp"
#include "sim/protocol/CommandFields.hpp"
#include "sim/protocol/Event.hpp"
#include "sim/scenario/ScenarioReading.hpp"

namespace samverkan::scenario {
namespace {

using Cond = BehaviourCondition;

struct ConditionKey {
    const char* key;
    Cond::Kind kind;
    bool negated;
};
constexpr ConditionKey kConditionKeys[] = {
    {"active", Cond::Kind::active, false},   {"not_active", Cond::Kind::active, true},
    {"member", Cond::Kind::member, false},   {"not_member", Cond::Kind::member, true},
    {"decided", Cond::Kind::decided, false}, {"not_decided", Cond::Kind::decided, true},
    {"implemented", Cond::Kind::implemented, false}, {"not_implemented", Cond::Kind::implemented, true},
    {"warned", Cond::Kind::warned, false},   {"observes", Cond::Kind::observes, false},
    {"known", Cond::Kind::known, false},     {"hazard_passed", Cond::Kind::passed, false},
    {"hazard_not_passed", Cond::Kind::passed, true}, {"recovered", Cond::Kind::recovered, false},
    {"ended", Cond::Kind::ended, false},
};

std::vector<std::string> conditionKeyNames() {
    std::vector<std::string> names;
    for (const auto& k : kConditionKeys) names.emplace_back(k.key);
    return names;
}

// `who:` an actor, a group or a list of them, expanded into actor ids in the region's order.
std::vector<std::string> readWho(YamlDocument& doc, const YAML::Node& node, const Scenario& s) {
    std::vector<std::string> ids;
    const auto& region = s.region;
    const auto names = doc.stringList(node, "who");
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto& id = names[i];
        const YAML::Node at = node.IsSequence() ? node[i] : node;
        std::vector<std::string> members;
        if (region.actorIndex(id) != model::kNone) members = {id};
        else if (const auto* g = region.group(id)) members = g->members;
        else {
            auto known = region.actorIds();
            for (const auto& group : region.groups) known.push_back(group.id);
            doc.error(at, "unknown actor or group '" + id + "' in 'who'" + model::didYouMean(id, known));
        }
        for (const auto& m : members)
            if (std::find(ids.begin(), ids.end(), m) == ids.end()) ids.push_back(m);
    }
    if (names.empty() && node.IsSequence()) doc.error(node, "'who' names nobody");
    return ids;
}

Cond readCondition(YamlDocument& doc, const YAML::Node& item, const Scenario& s) {
    Cond c;
    c.where = {item.Mark().line + 1, item.Mark().column + 1};
    if (!item.IsMap() || item.size() != 1) {
        doc.error(item, "a condition is one key and its value, like {not_active: coordinating}; the keys are " +
                            [] {
                                std::string all;
                                for (const auto& k : conditionKeyNames()) all += (all.empty() ? "" : ", ") + k;
                                return all;
                            }());
        return c;
    }
    const auto kv = *item.begin();
    const std::string key = kv.first.Scalar();
    const auto* found = std::find_if(std::begin(kConditionKeys), std::end(kConditionKeys),
                                     [&](const ConditionKey& k) { return key == k.key; });
    if (found == std::end(kConditionKeys)) {
        doc.error(kv.first, "unknown condition '" + key + "'" + model::didYouMean(key, conditionKeyNames()));
        return c;
    }
    c.kind = found->kind;
    c.negated = found->negated;
    switch (c.kind) {
        case Cond::Kind::active:
        case Cond::Kind::member: {
            const auto ref = doc.scalar(kv.second, key).value_or("");
            if (ref == "$forum") {  // the forum of the entry the rule acts on
                c.ref = ref;
                break;
            }
            checkForum(doc, kv.second, ref, s);
            const auto f = s.region.resolveForum(ref);
            if (f != model::kNone) c.ref = s.region.forums[f].id;
            break;
        }
        case Cond::Kind::decided:
        case Cond::Kind::implemented:
            // A measure (decided with the actor among those who carry it out) or a decision's id
            // (checked once every rule and step is read).
            c.ref = doc.scalar(kv.second, key).value_or("");
            break;
        case Cond::Kind::ended: {
            const auto ref = doc.scalar(kv.second, key).value_or("");
            checkForum(doc, kv.second, ref, s);
            const auto f = s.region.resolveForum(ref);
            if (f != model::kNone) c.ref = s.region.forums[f].id;
            if (f != model::kNone && s.region.forums[f].mode != model::Mode::activated)
                doc.error(kv.second, "'ended' names '" + ref + "', which is an ordinary-mode forum: only an activated forum goes back to ordinary mode");
            break;
        }
        case Cond::Kind::passed: {
            c.ref = doc.scalar(kv.second, key).value_or("");
            const auto hazards = hazardIds(s);
            if (std::find(hazards.begin(), hazards.end(), c.ref) == hazards.end())
                doc.error(kv.second, "'" + key + "' names hazard '" + c.ref + "', which the world model does not have" +
                                         model::didYouMean(c.ref, hazards));
            break;
        }
        case Cond::Kind::recovered: {
            const auto text = doc.scalar(kv.second, key).value_or("");
            char* end = nullptr;
            const double v = std::strtod(text.c_str(), &end);
            if (text.empty() || end != text.c_str() + text.size() || !(v >= 0 && v < 1))
                doc.error(kv.second, "'recovered' must be a level from 0 and below 1 that every known service is above; got \"" + text + "\"");
            c.level.above = v;
            break;
        }
        case Cond::Kind::warned: c.severity = static_cast<int>(doc.integer(kv.second, key, 1, 3).value_or(1)); break;
        case Cond::Kind::observes:
        case Cond::Kind::known:
            if (auto level = readLevelCondition(doc, kv.second, key.c_str(), s)) c.level = *level;
            break;
    }
    return c;
}

bool isDecider(const Scenario& s, const model::Measure& m, const std::string& actor) {
    for (const auto& d : m.deciders) {
        if (d == actor) return true;
        if (const auto* g = s.region.group(d); g && std::find(g->members.begin(), g->members.end(), actor) != g->members.end()) return true;
    }
    return false;
}

bool observesService(const Scenario& s, const std::string& actor, const std::string& service) {
    if (!s.world) return false;
    for (const auto& sv : s.world->services) {
        if (sv.id != service) continue;
        for (const auto& o : sv.observers) {
            if (o == actor) return true;
            if (const auto* g = s.region.group(o); g && std::find(g->members.begin(), g->members.end(), actor) != g->members.end()) return true;
        }
    }
    return false;
}

bool levelsContradict(const KnownCondition& k) { return k.below >= 0 && k.above >= 0 && k.below <= k.above; }

// What could never hold for `actor`: reported at the condition (or trigger) in `doc`.
void checkNeverMet(YamlDocument& doc, const BehaviourRule& r, const Scenario& s) {
    const auto at = [&](const Location& l, const std::string& message) { doc.errorAt(l.line, l.column, message); };
    const std::string who = "'" + r.actor + "'";
    for (std::size_t i = 0; i < r.conditions.size(); ++i) {
        const auto& c = r.conditions[i];
        if (c.kind == Cond::Kind::decided && !c.negated) {
            if (const auto* m = s.measure(c.ref); m != nullptr && !m->deciders.empty() && !isDecider(s, *m, r.actor))
                at(c.where, "rule '" + r.id + "' for " + who + " waits for a decision on '" + c.ref + "' that " + who +
                                " carries out, but " + who + " is not among its deciders: the condition can never hold");
        }
        if (c.kind == Cond::Kind::observes && !observesService(s, r.actor, c.level.service))
            at(c.where, "rule '" + r.id + "': " + who + " does not observe '" + c.level.service + "', so 'observes' can never hold");
        if ((c.kind == Cond::Kind::observes || c.kind == Cond::Kind::known) && levelsContradict(c.level))
            at(c.where, "rule '" + r.id + "': no level is both below and above those thresholds");
        if (c.kind == Cond::Kind::member && !c.negated) {
            const auto f = s.region.forumIndex(c.ref);
            const auto a = s.region.actorIndex(r.actor);
            if (f != model::kNone && a != model::kNone && s.region.actors[a].at(s.region.forums[f].level) == nullptr)
                at(c.where, "rule '" + r.id + "': " + who + " sends nobody to the " + s.region.forums[f].level +
                                " level, so it can never sit in '" + c.ref + "'");
        }
        for (std::size_t j = 0; j < i; ++j) {
            const auto& d = r.conditions[j];
            if (d.kind == c.kind && d.ref == c.ref && d.negated != c.negated &&
                (c.kind == Cond::Kind::active || c.kind == Cond::Kind::member || c.kind == Cond::Kind::decided ||
                 c.kind == Cond::Kind::implemented))
                at(c.where, "rule '" + r.id + "' asks for '" + c.ref + "' both to hold and not to hold: the conditions can never hold together");
        }
    }
    if (r.observes && !observesService(s, r.actor, r.observes->service))
        at(r.where, "rule '" + r.id + "' waits for " + who + " to observe '" + r.observes->service + "', which " + who +
                        " does not observe");
    if (r.observes && levelsContradict(*r.observes)) at(r.where, "rule '" + r.id + "': no level is both below and above those thresholds");
}

}  // namespace

std::vector<Cond> readConditions(YamlDocument& doc, const YAML::Node& node, const Scenario& s) {
    std::vector<Cond> out;
    if (node.IsSequence())
        for (const auto& c : node) out.push_back(readCondition(doc, c, s));
    else
        out.push_back(readCondition(doc, node, s));
    return out;
}

void readBehaviour(YamlDocument& doc, const YAML::Node& node, Scenario& s) {
    if (!node.IsSequence()) {
        doc.error(node, "behaviour must be a list of rules");
        return;
    }
    IdSet ids("behaviour rule");
    std::vector<BehaviourRule> read;
    for (const auto& item : node) {
        MapView map(doc, item, "behaviour rule");
        if (!map.ok()) continue;
        const std::size_t before = doc.errorCount();
        BehaviourRule rule;
        rule.file = doc.file();
        rule.where = {item.Mark().line + 1, item.Mark().column + 1};
        if (auto v = map.require("rule")) {  // `id` is the decision's, in rules that agree one
            rule.id = doc.identifier(*v, "rule").value_or("");
            ids.add(doc, item, rule.id);
        }
        std::vector<std::string> who;
        if (auto v = map.require("who")) who = readWho(doc, *v, s);
        TriggerExtras extras;
        rule.when = readTrigger(doc, map, s, true, &extras);
        rule.warning = extras.warning;
        rule.observes = extras.observes;
        rule.ownDelay = extras.ownDelay;
        if (auto v = map.get("if")) rule.conditions = readConditions(doc, *v, s);
        if (auto v = map.get("repeat")) rule.repeat = doc.boolean(*v, "repeat").value_or(false);
        const YAML::Node doNode = item["do"];
        auto command = readCommand(doc, map, item, who.empty() ? std::string() : who.front(), s, true);
        map.finish();
        if (!command || who.empty() || doc.errorCount() != before) continue;
        rule.usesForum = protocol::hasPlaceholder(*command, "$forum");
        rule.usesAffected = protocol::hasPlaceholder(*command, "$affected");
        const bool entryWithForum = !rule.when.timed && rule.when.kind && *rule.when.kind != protocol::Kind::inject;
        const bool conditionOnForum =
            std::any_of(rule.conditions.begin(), rule.conditions.end(), [](const Cond& c) { return c.ref == "$forum"; });
        if ((rule.usesForum || conditionOnForum) && !entryWithForum)
            doc.error(doNode, "rule '" + rule.id +
                                  "' writes $forum, which is the forum of the journal entry it acts on; give it an 'on: {kind: …}' "
                                  "condition on an entry with a forum");
        if (rule.repeat && rule.when.timed)
            doc.error(item["repeat"], "rule '" + rule.id + "' acts at a fixed time, so it cannot repeat");
        for (const auto& actor : who) {
            BehaviourRule r = rule;
            r.actor = actor;
            r.command = *command;
            protocol::setActingRole(r.command, actor);
            protocol::fillPlaceholders(r.command, {actor, {}, nullptr});
            if (const auto* d = std::get_if<protocol::AgreeDecision>(&r.command); d && !d->measure.empty() && s.measure(d->measure))
                checkMeasureArgs(doc, item, d->measure, d->args, s);
            checkNeverMet(doc, r, s);
            // The alerting chain's commands need a function on call with their duty (the protocol refuses them otherwise).
            const auto duty = std::holds_alternative<protocol::Alert>(r.command)    ? std::optional{model::Duty::alert}
                              : std::holds_alternative<protocol::Verify>(r.command) ? std::optional{model::Duty::verify}
                              : std::holds_alternative<protocol::Inform>(r.command) ? std::optional{model::Duty::inform}
                                                                                    : std::nullopt;
            if (const auto a = s.region.actorIndex(actor); duty && a != model::kNone && s.region.actors[a].onCallWith(*duty) == nullptr)
                doc.error(doNode, "rule '" + rule.id + "': '" + actor + "' has no function on call with the duty '" +
                                      model::dutyName(*duty) + "', so the command would always be refused");
            read.push_back(std::move(r));
        }
    }
    // A rule with the id of an earlier one (the region's) replaces it, for every actor.
    for (const auto& r : read)
        std::erase_if(s.behaviour, [&](const BehaviourRule& old) { return old.id == r.id && old.file != r.file; });
    s.behaviour.insert(s.behaviour.end(), read.begin(), read.end());
}

void checkBehaviourDecisions(const Scenario& s, std::vector<Diagnostic>& out) {
    std::vector<std::string> decisions;
    const auto note = [&](const protocol::Command& c) {
        if (const auto* d = std::get_if<protocol::AgreeDecision>(&c)) decisions.push_back(d->id);
    };
    for (const auto& r : s.behaviour) note(r.command);
    for (const auto& p : s.plays)
        for (const auto& st : p.steps) note(st.command);
    for (const auto& p : s.decisionPoints)
        for (const auto& o : p.options)
            for (const auto& c : o.commands) note(c);
    std::vector<std::string> measures;
    for (const auto& m : s.measures) measures.push_back(m.id);
    std::set<std::string> reported;
    // `decided` and `implemented` name a measure or a decision that something agrees.
    const auto checkRefs = [&](const std::vector<Cond>& conditions, const auto& report) {
        for (const auto& c : conditions)
            if ((c.kind == Cond::Kind::decided || c.kind == Cond::Kind::implemented) &&
                std::find(measures.begin(), measures.end(), c.ref) == measures.end() &&
                std::find(decisions.begin(), decisions.end(), c.ref) == decisions.end()) {
                auto names = measures;
                names.insert(names.end(), decisions.begin(), decisions.end());
                report(c.where, "'" + c.ref + "' is neither a measure nor a decision any rule, step or option agrees" +
                                    model::didYouMean(c.ref, names));
            }
    };
    for (const auto& r : s.behaviour) {
        const auto report = [&](const Location& at, const std::string& message) {
            if (reported.insert(r.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column)).second)
                out.push_back({r.file, at.line, at.column, message});
        };
        checkRefs(r.conditions, report);
        if (!r.when.timed && r.when.kind && (*r.when.kind == protocol::Kind::decisionAgreed) && !r.when.ref.empty() &&
            std::find(decisions.begin(), decisions.end(), r.when.ref) == decisions.end())
            report(r.when.where, "rule '" + r.id + "' waits for decision '" + r.when.ref +
                                     "', which no rule, step or option agrees" + model::didYouMean(r.when.ref, decisions));
    }
    const auto reportInScenario = [&](const Location& at, const std::string& message) {
        if (reported.insert(s.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column)).second)
            out.push_back({s.file, at.line, at.column, message});
    };
    for (const auto& p : s.plays)
        for (const auto& st : p.steps) checkRefs(st.conditions, reportInScenario);
}

namespace {

// The journal entries a command can lead to, directly or through the protocol's consequences.
std::vector<protocol::Kind> producedKinds(const protocol::Command& c) {
    using K = protocol::Kind;
    return std::visit(
        [](const auto& x) -> std::vector<K> {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, protocol::RequestActivation>) return {K::activationRequested};
            else if constexpr (std::is_same_v<T, protocol::Convene>)
                return {K::convened, K::meetingOpened, K::conference, K::memberJoined, K::compositionSuggested, K::situationalPicture};
            else if constexpr (std::is_same_v<T, protocol::CallIn>) return {K::calledIn, K::memberJoined};
            else if constexpr (std::is_same_v<T, protocol::Release>) return {K::memberReleased};
            else if constexpr (std::is_same_v<T, protocol::SetChair>) return {K::chairDecided, K::chairChanged};
            else if constexpr (std::is_same_v<T, protocol::AgreeDecision>)
                return {K::decisionProposed, K::decisionAgreed, K::ownDecision, K::proposal, K::consultationStarted,
                        K::consultationDone, K::implemented};
            else if constexpr (std::is_same_v<T, protocol::SetPriorities>) return {K::frameSet, K::prioritiesSet};
            else if constexpr (std::is_same_v<T, protocol::SendPublicMessage>) return {K::publicMessage};
            else if constexpr (std::is_same_v<T, protocol::Deactivate>) return {K::deactivated, K::meetingClosed};
            else if constexpr (std::is_same_v<T, protocol::AnswerDecisionPoint>) return {K::decisionAnswered};
            else if constexpr (std::is_same_v<T, protocol::Report>) return {K::report};
            else if constexpr (std::is_same_v<T, protocol::Contact>) return {K::contact};
            else return {};
        },
        c);
}

std::string forumOf(const protocol::Command& c) {
    return std::visit(
        [](const auto& x) -> std::string {
            if constexpr (requires { x.forum; }) return x.forum;
            else return {};
        },
        c);
}

// The id an entry that the command leads to carries as its ref ("" for none).
std::string refOf(const protocol::Command& c) {
    if (const auto* d = std::get_if<protocol::AgreeDecision>(&c)) return d->id;
    if (const auto* p = std::get_if<protocol::AnswerDecisionPoint>(&c)) return p->point;
    return {};
}

// Entries whose actor is not the one who issued the command (the member who joins, the actor who
// carries out a decision, the convener who opens a meeting): any actor may be on them.
bool actorIsIssuer(protocol::Kind k) {
    using K = protocol::Kind;
    switch (k) {
        case K::memberJoined:
        case K::calledIn:
        case K::implemented:
        case K::consultationStarted:
        case K::consultationDone:
        case K::compositionSuggested:
        case K::meetingOpened:
        case K::conference:
        case K::situationalPicture:
        case K::meetingClosed: return false;
        default: return true;
    }
}

}  // namespace

void checkBehaviourCycles(const Scenario& s, std::vector<Diagnostic>& out) {
    // A state is a rule acting for a forum ("" when any or none): rule R acting for forum F leads to
    // entries of the kinds its command produces, in its command's forum (F itself for $forum), by
    // its actor and with its decision's id; a rule S whose condition matches such an entry acts
    // next. Rules act once per forum, so a chain through them ends; a chain that comes back to a
    // rule that repeats would never end, and is reported once, at that rule.
    const auto& rules = s.behaviour;
    const auto resolved = [&](const std::string& ref) {
        const auto f = s.region.resolveForum(ref);
        return f == model::kNone ? std::string() : s.region.forums[f].id;
    };
    std::set<std::string> reported;
    std::vector<std::pair<std::size_t, std::string>> stack;
    std::set<std::pair<std::size_t, std::string>> done;
    const std::function<void(std::size_t, const std::string&)> visit = [&](std::size_t i, const std::string& forum) {
        const auto& r = rules[i];
        const std::string produced = r.usesForum ? forum : resolved(forumOf(r.command));
        const std::string ref = refOf(r.command);
        for (const auto kind : producedKinds(r.command))
            for (std::size_t j = 0; j < rules.size(); ++j) {
                const auto& t = rules[j].when;
                if (t.timed || !t.kind || *t.kind != kind) continue;
                if (!t.actor.empty() && actorIsIssuer(kind) && t.actor != r.actor) continue;
                if (!t.ref.empty() && t.ref != ref) continue;
                if (!t.forum.empty() && !produced.empty() && t.forum != produced) continue;
                const std::string next = t.forum.empty() ? produced : t.forum;
                const std::pair<std::size_t, std::string> state{j, next};
                const auto on = std::find(stack.begin(), stack.end(), state);
                if (on != stack.end()) {
                    const auto repeats = std::find_if(on, stack.end(), [&](const auto& st) { return rules[st.first].repeat; });
                    if (repeats == stack.end()) continue;
                    std::string chain;
                    for (auto k = on; k != stack.end(); ++k) chain += (chain.empty() ? "" : " → ") + rules[k->first].id + " (" + rules[k->first].actor + ")";
                    chain += " → " + rules[j].id + " (" + rules[j].actor + ")";
                    const auto& first = rules[repeats->first];
                    if (reported.insert(first.id).second)
                        out.push_back({first.file, first.where.line, first.where.column,
                                       "behaviour rule '" + first.id + "' repeats and triggers itself through " + chain +
                                           ": the chain would never end"});
                    continue;
                }
                if (done.count(state) != 0u) continue;
                stack.push_back(state);
                visit(j, next);
                stack.pop_back();
                done.insert(state);
            }
    };
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const std::string start = rules[i].when.timed ? std::string() : rules[i].when.forum;
        if (done.count({i, start}) != 0u) continue;
        stack.push_back({i, start});
        visit(i, start);
        stack.pop_back();
        done.insert({i, start});
    }
}

}  // namespace samverkan::scenario
