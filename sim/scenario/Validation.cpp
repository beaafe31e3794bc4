// Checks that span a whole scenario: duplicate ids, signs of figures, priority lists, and what
// the triggers wait for (decisions that nobody agrees, conditions that wait for themselves).
#include <algorithm>
#include <variant>

#include "sim/model/Names.hpp"
#include "sim/protocol/CommandFields.hpp"
#include "sim/scenario/ScenarioReading.hpp"

namespace samverkan::scenario {

bool IdSet::add(YamlDocument& doc, const YAML::Node& at, const std::string& id) {
    if (!at.IsDefined()) return add(doc, 1, 1, id);
    return add(doc, at.Mark().line + 1, at.Mark().column + 1, id);
}

bool IdSet::add(YamlDocument& doc, int line, int column, const std::string& id) {
    if (id.empty()) return true;
    for (const auto& [seen, firstLine] : m_seen)
        if (seen == id) {
            doc.errorAt(line, column,
                        m_kind + " '" + id + "' is defined twice (first at line " + std::to_string(firstLine) + ")");
            return false;
        }
    m_seen.emplace_back(id, line);
    return true;
}

void checkRepeats(YamlDocument& doc, const YAML::Node& at, const std::string& what,
                  const std::vector<std::string>& items) {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (std::find(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(i), items[i]) !=
            items.begin() + static_cast<std::ptrdiff_t>(i))
            doc.error(at, what + " names '" + items[i] + "' twice");
}

void checkSign(YamlDocument& doc, const YAML::Node& at, const std::string& what, double value, bool positive) {
    if (positive && !(value > 0))
        doc.error(at, what + " must be more than 0; got " + protocol::formatNumber(value));
    else if (!positive && value < 0)
        doc.error(at, what + " must not be negative; got " + protocol::formatNumber(value));
}

PriorityLists priorityLists(const world::WorldSpec& w) {
    PriorityLists lists;
    for (const auto& r : w.resources) {
        auto it = std::find_if(lists.begin(), lists.end(), [&](const auto& l) { return l.first == r.list; });
        if (it == lists.end()) it = lists.insert(lists.end(), {r.list, {}});
        for (const auto& s : w.services)
            if ((s.resource == r.id || s.boostResource == r.id) &&
                std::find(it->second.begin(), it->second.end(), s.id) == it->second.end())
                it->second.push_back(s.id);
    }
    return lists;
}

namespace {

using protocol::Kind;

// The journal entries about a decision carry its id as their ref.
bool isDecisionKind(Kind k) {
    switch (k) {
        case Kind::decisionProposed:
        case Kind::decisionAgreed:
        case Kind::ownDecision:
        case Kind::consultationStarted:
        case Kind::consultationDone:
        case Kind::implemented:
        case Kind::proposal:
        case Kind::compositionSuggested:
            return true;
        default:
            return false;
    }
}

// Kinds whose entries the scenario itself makes, and so whose makers the check can name.
bool isModelled(Kind k) {
    return k == Kind::inject || k == Kind::decisionPoint || k == Kind::decisionAnswered || isDecisionKind(k);
}

struct Signature {
    Kind kind;
    std::string ref;
};

// What a command makes that a trigger may wait for.
void signaturesOf(const protocol::Command& c, std::vector<Signature>& out) {
    if (const auto* d = std::get_if<protocol::AgreeDecision>(&c)) {
        for (const Kind k : {Kind::decisionProposed, Kind::decisionAgreed, Kind::ownDecision, Kind::consultationStarted,
                             Kind::consultationDone, Kind::implemented, Kind::proposal, Kind::compositionSuggested})
            out.push_back({k, d->id});
    } else if (const auto* a = std::get_if<protocol::AnswerDecisionPoint>(&c)) {
        out.push_back({Kind::decisionAnswered, a->point});
    } else if (const auto* i = std::get_if<protocol::ControlInject>(&c)) {
        out.push_back({Kind::inject, i->inject});
    }
}

// One inject, decision point or play step: what it waits for and what it makes.
struct Node {
    std::string label;  // "inject 'x'", "step 'y'", "the step at line 12"
    std::string name;   // 'x', or the label of an unnamed step
    Location where;
    bool step = false;
    const Trigger* when = nullptr;
    std::vector<Signature> makes;
};

bool awaits(const Trigger& t, const Signature& s) {
    return t.kind && *t.kind == s.kind && (t.ref.empty() || t.ref == s.ref);
}

std::vector<Node> nodesOf(const Scenario& s, const Play* play) {
    std::vector<Node> nodes;
    for (const auto& i : s.injects)
        nodes.push_back({"inject '" + i.id + "'", "'" + i.id + "'", i.where, false, &i.when, {{Kind::inject, i.id}}});
    for (const auto& p : s.decisionPoints) {
        Node n{"decision point '" + p.id + "'",
               "'" + p.id + "'",
               p.where,
               false,
               &p.when,
               {{Kind::decisionPoint, p.id}, {Kind::decisionAnswered, p.id}}};
        // Any option may be taken: by a participant, or the default when the time is out.
        for (const auto& o : p.options)
            for (const auto& c : o.commands) signaturesOf(c, n.makes);
        nodes.push_back(std::move(n));
    }
    if (play != nullptr)
        for (const auto& st : play->steps) {
            Node n;
            n.label = st.id.empty() ? "the step at line " + std::to_string(st.where.line) : "step '" + st.id + "'";
            n.name = st.id.empty() ? n.label : "'" + st.id + "'";
            n.where = st.where;
            n.step = true;
            n.when = &st.when;
            signaturesOf(st.command, n.makes);
            nodes.push_back(std::move(n));
        }
    return nodes;
}

// The nodes that make what node n waits for; empty when it waits for something from outside
// (a time, a forum's meeting, a participant) or for something nobody makes (reported elsewhere).
std::vector<std::size_t> makersOf(const std::vector<Node>& nodes, std::size_t n) {
    std::vector<std::size_t> makers;
    const Trigger& t = *nodes[n].when;
    if (t.timed || !t.kind || !isModelled(*t.kind) || t.known) return makers;
    for (std::size_t m = 0; m < nodes.size(); ++m)
        if (std::any_of(nodes[m].makes.begin(), nodes[m].makes.end(), [&](const Signature& s) { return awaits(t, s); }))
            makers.push_back(m);
    return makers;
}

// Reports each cycle of conditions once, at its first node (its first step when `stepsOnly`).
void reportCycles(YamlDocument& doc, const std::vector<Node>& nodes, bool stepsOnly,
                  std::vector<std::string>& reported) {
    std::vector<std::vector<std::size_t>> makers(nodes.size());
    for (std::size_t n = 0; n < nodes.size(); ++n) makers[n] = makersOf(nodes, n);
    // A node fires if it waits for nothing the scenario makes, or if one of its makers fires.
    std::vector<bool> fires(nodes.size(), false);
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t n = 0; n < nodes.size(); ++n) {
            if (fires[n]) continue;
            if (makers[n].empty() ||
                std::any_of(makers[n].begin(), makers[n].end(), [&](std::size_t m) { return fires[m]; })) {
                fires[n] = true;
                changed = true;
            }
        }
    }
    std::vector<bool> onCycle(nodes.size(), false);
    for (std::size_t start = 0; start < nodes.size(); ++start) {
        if (fires[start] || onCycle[start]) continue;
        // Every maker of a node that never fires never fires either: follow them until one repeats,
        // preferring the node itself so that a self-trigger reads as one.
        std::vector<std::size_t> path{start};
        std::size_t at = start;
        for (;;) {
            const auto& ms = makers[at];
            const std::size_t next = std::find(ms.begin(), ms.end(), start) != ms.end() ? start : ms.front();
            const auto seen = std::find(path.begin(), path.end(), next);
            if (seen != path.end()) {
                path.erase(path.begin(), seen);
                break;
            }
            path.push_back(next);
            at = next;
        }
        if (std::any_of(path.begin(), path.end(), [&](std::size_t n) { return onCycle[n]; })) continue;
        for (const auto n : path) onCycle[n] = true;
        // Start the cycle at the node it is reported at.
        auto first = std::min_element(path.begin(), path.end());
        if (stepsOnly) first = std::find_if(path.begin(), path.end(), [&](std::size_t n) { return nodes[n].step; });
        if (first == path.end()) continue;
        std::rotate(path.begin(), first, path.end());
        const Node& subject = nodes[path.front()];
        std::string message = subject.label + " is triggered by itself";
        if (path.size() > 1) {
            message += " through ";
            for (std::size_t k = 1; k < path.size(); ++k) message += nodes[path[k]].name + " → ";
            message += subject.name;
        }
        const std::string key =
            std::to_string(subject.where.line) + ":" + std::to_string(subject.where.column) + message;
        if (std::find(reported.begin(), reported.end(), key) != reported.end()) continue;
        reported.push_back(key);
        doc.errorAt(subject.where.line, subject.where.column, message);
    }
}

// The decision ids that some step or option agrees.
void agreedDecisions(const std::vector<protocol::Command>& commands, std::vector<std::string>& out) {
    for (const auto& c : commands)
        if (const auto* d = std::get_if<protocol::AgreeDecision>(&c))
            if (std::find(out.begin(), out.end(), d->id) == out.end()) out.push_back(d->id);
}

void checkDecisionRef(YamlDocument& doc, const Trigger& t, const std::vector<std::string>& decisions) {
    if (t.timed || !t.kind || !isDecisionKind(*t.kind) || t.ref.empty()) return;
    if (std::find(decisions.begin(), decisions.end(), t.ref) != decisions.end()) return;
    doc.errorAt(t.where.line, t.where.column,
                "unknown decision '" + t.ref + "': no play step or decision option agrees a decision with that id" +
                    model::didYouMean(t.ref, decisions));
}

}  // namespace

void checkBaseDecisionPoints(YamlDocument& doc, const YAML::Node& at, const Scenario& scenario) {
    std::vector<std::string> decisions;
    for (const auto& p : scenario.decisionPoints)
        for (const auto& o : p.options) agreedDecisions(o.commands, decisions);
    for (const auto& pl : scenario.plays)
        for (const auto& st : pl.steps) agreedDecisions({st.command}, decisions);
    for (const auto& r : scenario.behaviour) agreedDecisions({r.command}, decisions);
    for (const auto& p : scenario.decisionPoints) {
        const auto& t = p.when;
        if (t.timed || !t.kind || !isDecisionKind(*t.kind) || t.ref.empty()) continue;
        if (std::find(decisions.begin(), decisions.end(), t.ref) != decisions.end()) continue;
        doc.error(at, "the base's decision point '" + p.id + "' waits for decision '" + t.ref +
                          "', which no play of the case, doctrine rule or option agrees; give a play step that agrees it");
    }
}

void checkTriggers(YamlDocument& doc, const Scenario& scenario, const Play* play) {
    std::vector<std::string> decisions;
    for (const auto& p : scenario.decisionPoints)
        for (const auto& o : p.options) agreedDecisions(o.commands, decisions);
    for (const auto& pl : scenario.plays)
        for (const auto& st : pl.steps) agreedDecisions({st.command}, decisions);
    if (play != nullptr)
        for (const auto& st : play->steps) agreedDecisions({st.command}, decisions);
    for (const auto& r : scenario.behaviour) agreedDecisions({r.command}, decisions);

    std::vector<std::string> reported;
    if (play != nullptr) {
        for (const auto& st : play->steps) checkDecisionRef(doc, st.when, decisions);
        reportCycles(doc, nodesOf(scenario, play), true, reported);
        return;
    }
    for (const auto& i : scenario.injects) checkDecisionRef(doc, i.when, decisions);
    for (const auto& p : scenario.decisionPoints) checkDecisionRef(doc, p.when, decisions);
    std::vector<std::string> checkedSteps;
    for (const auto& pl : scenario.plays)
        for (const auto& st : pl.steps) {
            // A step inherited by a later play is the same written condition: report it once.
            const std::string key = std::to_string(st.when.where.line) + ":" + std::to_string(st.when.where.column);
            if (std::find(checkedSteps.begin(), checkedSteps.end(), key) != checkedSteps.end()) continue;
            checkedSteps.push_back(key);
            checkDecisionRef(doc, st.when, decisions);
        }
    reportCycles(doc, nodesOf(scenario, nullptr), false, reported);
    for (const auto& pl : scenario.plays) reportCycles(doc, nodesOf(scenario, &pl), true, reported);
}

}  // namespace samverkan::scenario
