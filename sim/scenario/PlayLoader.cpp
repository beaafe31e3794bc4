// Triggers, commands and play steps, shared by scenario files and separate play files.
#include <algorithm>
#include <cstdlib>

#include "sim/model/Names.hpp"
#include "sim/protocol/CommandFields.hpp"
#include "sim/protocol/JournalEntry.hpp"
#include "sim/scenario/ScenarioReading.hpp"

namespace samverkan::scenario {
namespace {

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

std::vector<std::string> injectIds(const Scenario& s) {
    std::vector<std::string> ids;
    for (const auto& i : s.injects) ids.push_back(i.id);
    return ids;
}

std::vector<std::string> pointIds(const Scenario& s) {
    std::vector<std::string> ids;
    for (const auto& p : s.decisionPoints) ids.push_back(p.id);
    return ids;
}

std::vector<std::string> measureIds(const Scenario& s) {
    std::vector<std::string> ids;
    for (const auto& m : s.measures) ids.push_back(m.id);
    return ids;
}

bool isPlaceholder(const std::string& v) { return !v.empty() && v[0] == '$'; }

void checkRef(YamlDocument& doc, const YAML::Node& at, const protocol::FieldSpec& spec,
              const protocol::FieldValue& value, const Scenario& scenario, bool placeholders) {
    const auto& region = scenario.region;
    for (const auto& v : value.values) {
        if (placeholders && isPlaceholder(v)) {
            // Which placeholders a field may hold: `$self` any actor field, `$affected` a list of
            // actors, `$forum` a forum.
            const bool fits = (v == "$self" && (spec.ref == protocol::FieldRef::actor || spec.ref == protocol::FieldRef::actors)) ||
                              (v == "$affected" && spec.ref == protocol::FieldRef::actors) ||
                              (v == "$forum" && spec.ref == protocol::FieldRef::forum);
            if (!fits)
                doc.error(at, "'" + v + "' cannot stand in '" + spec.key +
                                  "' (a rule may write $self for an actor, $affected in a list of actors, $forum for a forum)");
            continue;
        }
        switch (spec.ref) {
            case protocol::FieldRef::actor:
            case protocol::FieldRef::actors: checkActor(doc, at, v, scenario); break;
            case protocol::FieldRef::forum: checkForum(doc, at, v, scenario); break;
            case protocol::FieldRef::topic:
                if (std::find(region.topics.begin(), region.topics.end(), v) == region.topics.end())
                    doc.error(at, "unknown topic '" + v + "'" + model::didYouMean(v, region.topics));
                break;
            case protocol::FieldRef::medium:
                if (region.conveningBy(v) == nullptr) {
                    std::vector<std::string> media;
                    for (const auto& c : region.convening) media.push_back(c.medium);
                    doc.error(at, "unknown medium '" + v + "'" + model::didYouMean(v, media));
                }
                break;
            case protocol::FieldRef::decisionPoint:
                if (scenario.decisionPoint(v) == nullptr)
                    doc.error(at, "unknown decision point '" + v + "'" + model::didYouMean(v, pointIds(scenario)));
                break;
            case protocol::FieldRef::inject:
                if (scenario.inject(v) == nullptr)
                    doc.error(at, "unknown inject '" + v + "'" + model::didYouMean(v, injectIds(scenario)));
                break;
            case protocol::FieldRef::measure:
                if (scenario.measure(v) == nullptr)
                    doc.error(at, "unknown measure '" + v + "'" + model::didYouMean(v, measureIds(scenario)));
                break;
            case protocol::FieldRef::onCall: {
                std::vector<std::string> roles;
                for (const auto& a : region.actors)
                    for (const auto& r : a.onCall)
                        if (std::find(roles.begin(), roles.end(), r.id) == roles.end()) roles.push_back(r.id);
                if (std::find(roles.begin(), roles.end(), v) == roles.end())
                    doc.error(at, "unknown on-call role '" + v + "'" + model::didYouMean(v, roles) +
                                      (roles.empty() ? " (the region has no on_call functions)" : ""));
                break;
            }
            case protocol::FieldRef::none: break;
        }
    }
}

// `{share: 0.7, areas: [stockholms-stad, huddinge]}`: parameters with a number or a list each.
std::optional<protocol::FieldValue> argsField(YamlDocument& doc, const std::string& key, const YAML::Node& node) {
    protocol::FieldValue f;
    f.key = key;
    f.shape = protocol::FieldShape::args;
    if (!node.IsMap()) {
        doc.error(node, "'" + key + "' must be a mapping of parameters to a number or a list, like {share: 0.7}");
        return std::nullopt;
    }
    for (const auto& kv : node) {
        const auto param = doc.scalar(kv.first, "parameter");
        if (!param) return std::nullopt;
        protocol::FieldArg a{*param, kv.second.IsSequence(), {}};
        if (kv.second.IsSequence()) a.values = doc.stringList(kv.second, *param);
        else if (const auto v = doc.scalar(kv.second, *param)) a.values = {*v};
        else return std::nullopt;
        f.args.push_back(std::move(a));
    }
    return f;
}

// `meet_at`: "next-meeting" for a forum with a monthly calendar, or a time within the scenario.
void checkMeetAt(YamlDocument& doc, const YAML::Node& at, const protocol::Convene& c, const Scenario& scenario) {
    const auto& region = scenario.region;
    if (c.meetIn > 0) {
        doc.error(at, "give either 'meet_in' or 'meet_at', not both");
    } else if (c.meetAt == "next-meeting") {
        if (isPlaceholder(c.forum) || region.resolveForum(c.forum) == model::kNone) return;
        if (!region.monthly || region.forumIndex(region.monthly->forum) != region.resolveForum(c.forum))
            doc.error(at, "'meet_at: next-meeting' needs the forum's monthly meetings, and '" + c.forum +
                              "' has none in the region (conferences.monthly" +
                              (region.monthly ? " is for '" + region.monthly->forum + "')" : std::string(" is not given)")));
    } else {
        bool tooLong = false;
        const auto offset = engine::parseOffset(c.meetAt, &tooLong);
        if (!offset || c.meetAt[0] != '+')
            doc.error(at, "'meet_at' must be \"next-meeting\" or a time from the start like \"+5d5h15min\"; got \"" + c.meetAt + "\"");
        else if (scenario.duration > 0 && *offset > scenario.duration)
            doc.error(at, "'meet_at' " + c.meetAt + " is after the scenario's end (its duration is " +
                              engine::formatDuration(scenario.duration) + ")");
    }
}

std::optional<protocol::FieldValue> toField(YamlDocument& doc, const protocol::FieldSpec& spec, const YAML::Node& node) {
    const std::string& key = spec.key;
    if (spec.shape == protocol::FieldShape::args) return argsField(doc, key, node);
    protocol::FieldValue f;
    f.key = key;
    if (node.IsScalar()) {
        f.shape = protocol::FieldShape::scalar;
        f.values = {node.Scalar()};
    } else if (node.IsSequence()) {
        f.shape = protocol::FieldShape::list;
        f.values = doc.stringList(node, key);
    } else if (node.IsMap()) {
        const auto t = doc.text(node, key);
        if (!t) return std::nullopt;
        f.shape = protocol::FieldShape::text;
        f.values = {t->sv, t->en};
    } else {
        doc.error(node, "'" + key + "' has no value");
        return std::nullopt;
    }
    return f;
}

}  // namespace

void checkActor(YamlDocument& doc, const YAML::Node& at, const std::string& id, const Scenario& scenario, bool allowControl) {
    if (allowControl && id == protocol::kControl) return;
    const auto& region = scenario.region;
    if (region.actorIndex(id) != model::kNone || region.group(id) != nullptr) return;
    doc.error(at, "unknown actor '" + id + "'" + model::didYouMean(id, region.actorIds()));
}

void checkForum(YamlDocument& doc, const YAML::Node& at, const std::string& ref, const Scenario& scenario) {
    if (scenario.region.resolveForum(ref) != model::kNone) return;
    doc.error(at, "unknown forum '" + ref + "'" + model::didYouMean(ref, scenario.region.forumRefs()));
}

std::optional<KnownCondition> readLevelCondition(YamlDocument& doc, const YAML::Node& v, const char* what, const Scenario& scenario) {
    MapView k(doc, v, what);
    if (!k.ok()) return std::nullopt;
    KnownCondition known;
    if (auto x = k.require("service")) {
        known.service = doc.scalar(*x, "service").value_or("");
        std::vector<std::string> services;
        if (scenario.world)
            for (const auto& sv : scenario.world->services) services.push_back(sv.id);
        if (std::find(services.begin(), services.end(), known.service) == services.end())
            doc.error(*x, std::string("'") + what + "' names service '" + known.service + "', which the world model does not have" +
                              model::didYouMean(known.service, services));
    }
    // A level is from 0 to 1, so nothing is known below 0 or above 1: such a condition
    // would never hold.
    const auto level = [&](const char* key, bool below) {
        const auto x = k.get(key);
        if (!x) return -1.0;
        const auto text = doc.scalar(*x, key).value_or("");
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        const bool number = !text.empty() && end == text.c_str() + text.size();
        if (!number || (below ? !(value > 0 && value <= 1) : !(value >= 0 && value < 1))) {
            doc.error(*x, std::string("'") + key + "' must be a level " + (below ? "above 0 and at most 1" : "from 0 and below 1") +
                              " (a service's level runs from 0, gone, to 1, normal" +
                              (below ? "; nothing is below 0" : "; nothing is above 1") + "); got \"" + text + "\"");
            return -1.0;
        }
        return value;
    };
    known.below = level("below", true);
    known.above = level("above", false);
    if (!k.get("below") && !k.get("above")) doc.error(v, std::string("'") + what + "' needs 'below' or 'above'");
    k.finish();
    return known;
}

namespace {
// `after:` is a duration; a doctrine rule may also say "consult" or "implement" (the actor's own
// delays), alone or as "consult + 10min".
Millis readAfter(YamlDocument& doc, const YAML::Node& after, TriggerExtras* extras) {
    if (extras != nullptr && after.IsScalar()) {
        const std::string text = after.Scalar();
        for (const auto& [word, own] : {std::pair{std::string("consult"), OwnDelay::consult}, std::pair{std::string("implement"), OwnDelay::implement}}) {
            if (text.rfind(word, 0) != 0) continue;
            extras->ownDelay = own;
            std::string rest = text.substr(word.size());
            rest.erase(0, rest.find_first_not_of(' '));
            if (rest.empty()) return 0;
            if (rest[0] == '+') {
                rest.erase(0, 1);
                rest.erase(0, rest.find_first_not_of(' '));
                if (const auto d = engine::parseDuration(rest); d && *d >= 0) return *d;
            }
            doc.error(after, "'after' must be a duration like 30min, or \"consult\" or \"implement\" (the actor's own delays), "
                             "optionally plus a duration like \"consult + 10min\"; got \"" + text + "\"");
            return 0;
        }
        if (const auto d = engine::parseDuration(text); d && *d >= 0) return *d;
        doc.error(after, "'after' must be a duration like 30min, or \"consult\" or \"implement\" (the actor's own delays), "
                         "optionally plus a duration like \"consult + 10min\"; got \"" + text + "\"");
        return 0;
    }
    return doc.duration(after, "after").value_or(0);
}
}  // namespace

Trigger readTrigger(YamlDocument& doc, MapView& map, const Scenario& scenario, bool required, TriggerExtras* extras,
                    bool beforeStart) {
    Trigger t;
    const auto at = map.get("at");
    const auto on = map.get("on");
    const auto after = map.get("after");
    if (at && on) doc.error(*on, "give either 'at' or 'on', not both");
    if (at) {
        t.timed = true;
        // An offset from the start, or a date and time (which must agree with the start's).
        const auto stamp = at->IsScalar() ? engine::parseIsoTime(at->Scalar()) : std::nullopt;
        t.at = stamp ? stamp->epochMs - scenario.start.epochMs : doc.offset(*at, "at").value_or(0);
        if (t.at < 0 && !beforeStart)
            doc.error(*at, "'at' must not be before the start (only an inject may be dated before it)");
        else if (scenario.duration > 0 && t.at > scenario.duration)
            doc.error(*at, "'at' " + at->Scalar() + " is after the scenario's end (its duration is " +
                               engine::formatDuration(scenario.duration) + ")");
        if (after && extras == nullptr) doc.error(*after, "'after' goes with 'on', not with 'at'");
        else if (after) t.at += readAfter(doc, *after, extras);  // a doctrine rule's own delay after a time
        return t;
    }
    if (!on) {
        if (required) doc.error(map.node(), "needs 'at' (a time like \"+2h\") or 'on' (a condition)");
        return t;
    }
    t.timed = false;
    MapView cond(doc, *on, "condition 'on'");
    if (!cond.ok()) return t;
    bool kindGiven = false;  // a kind that was given but is unknown has been reported already
    YAML::Node refNode;      // where the inject, point or decision awaited is named
    const auto refAt = [&](const YAML::Node& v, const char* key) {
        t.ref = doc.scalar(v, key).value_or("");
        refNode = v;
        t.where = {v.Mark().line + 1, v.Mark().column + 1};
    };
    if (auto v = cond.get("inject")) {
        t.kind = protocol::Kind::inject;
        refAt(*v, "inject");
    }
    if (auto v = cond.get("decision")) {
        t.kind = protocol::Kind::decisionAgreed;
        refAt(*v, "decision");
    }
    if (auto v = cond.get("point")) {
        t.kind = protocol::Kind::decisionAnswered;
        refAt(*v, "point");
    }
    if (auto v = cond.get("kind")) {
        const auto name = doc.scalar(*v, "kind").value_or("");
        t.kind = protocol::kindFromName(name);
        if (!t.kind) doc.error(*v, "unknown journal kind '" + name + "'" + model::didYouMean(name, protocol::kindNames()));
        kindGiven = true;
    }
    if (auto v = cond.get("forum")) {
        t.forum = doc.scalar(*v, "forum").value_or("");
        checkForum(doc, *v, t.forum, scenario);
        // A level name means its activated forum; keep the forum id for matching journal entries.
        const auto f = scenario.region.resolveForum(t.forum);
        if (f != model::kNone) t.forum = scenario.region.forums[f].id;
    }
    if (auto v = cond.get("actor")) {
        t.actor = doc.scalar(*v, "actor").value_or("");
        checkActor(doc, *v, t.actor, scenario);
    }
    if (auto v = cond.get("ref")) refAt(*v, "ref");
    if (auto v = cond.get("to")) {
        t.to = doc.scalar(*v, "to").value_or("");
        checkActor(doc, *v, t.to, scenario);
        if (t.kind != protocol::Kind::inject) doc.error(*v, "'to' goes with an inject: on: {kind: inject, to: …} or {inject: id, to: …}");
    }
    // What the condition names must exist: an inject, or a decision point (decisions are checked
    // once every step and option is read).
    if (refNode.IsDefined() && t.kind && !t.ref.empty()) {
        if (*t.kind == protocol::Kind::inject && scenario.inject(t.ref) == nullptr)
            doc.error(refNode, "unknown inject '" + t.ref + "'" + model::didYouMean(t.ref, injectIds(scenario)));
        if ((*t.kind == protocol::Kind::decisionPoint || *t.kind == protocol::Kind::decisionAnswered) &&
            scenario.decisionPoint(t.ref) == nullptr)
            doc.error(refNode, "unknown decision point '" + t.ref + "'" + model::didYouMean(t.ref, pointIds(scenario)));
    }
    if (auto v = cond.get("known")) {
        if (auto known = readLevelCondition(doc, *v, "known", scenario)) {
            t.known = *known;
            t.kind = protocol::Kind::situationalPicture;
        }
    }
    bool hazardGiven = false;
    if (auto v = cond.get("hazard")) {
        t.hazard = doc.scalar(*v, "hazard").value_or("");
        const auto ids = hazardIds(scenario);
        if (std::find(ids.begin(), ids.end(), t.hazard) == ids.end())
            doc.error(*v, "unknown hazard '" + t.hazard + "'" + model::didYouMean(t.hazard, ids) +
                              (ids.empty() ? " (the scenario has no world model)" : ""));
        hazardGiven = true;
        if (auto p = cond.get("phase")) {
            const auto phase = doc.scalar(*p, "phase").value_or("");
            if (phase == "end") t.hazardEnd = true;
            else if (phase != "onset") doc.error(*p, "'phase' must be onset or end; got \"" + phase + "\"");
        }
        if (t.kind || kindGiven) doc.error(*on, "condition 'on' gives a hazard with a journal entry to wait for; give one of them");
    } else if (auto p = cond.get("phase")) {
        doc.error(*p, "'phase' goes with 'hazard'");
    }
    bool extraGiven = false;  // a doctrine rule's own trigger: a warning learnt or an observation
    if (extras != nullptr) {
        if (auto v = cond.get("warning")) {
            extras->warning = static_cast<int>(doc.integer(*v, "warning", 1, 3).value_or(1));
            extraGiven = true;
        }
        if (auto v = cond.get("observes")) {
            extras->observes = readLevelCondition(doc, *v, "observes", scenario);
            if (!extras->observes) extras->observes = KnownCondition{};
            extraGiven = true;
        }
        if (extraGiven && (t.kind || kindGiven))
            doc.error(*on, "condition 'on' gives 'warning' or 'observes' with a journal entry to wait for; give one of them");
    }
    if (auto v = cond.get("occurrence")) t.occurrence = static_cast<int>(doc.integer(*v, "occurrence", 1, 100000).value_or(1));
    cond.finish();
    if (!t.kind && !kindGiven && !extraGiven && !hazardGiven)
        doc.error(*on, extras != nullptr ? "condition 'on' needs 'kind', 'inject', 'decision', 'point', 'known', 'warning' or 'observes'"
                                         : "condition 'on' needs 'kind', 'inject', 'decision', 'point' or 'known'");
    if (after) t.delay = readAfter(doc, *after, extras);
    return t;
}

std::optional<protocol::Command> readCommand(YamlDocument& doc, MapView& map, const YAML::Node& node,
                                             const std::string& role, const Scenario& scenario, bool placeholders) {
    const auto doNode = map.require("do");
    if (!doNode) return std::nullopt;
    const std::string type = doc.scalar(*doNode, "do").value_or("");
    const auto* specs = protocol::fieldSpecs(type);
    if (specs == nullptr) {
        doc.error(*doNode, "unknown command '" + type + "'" + model::didYouMean(type, protocol::commandTypeNames()));
        // The other keys belong to the command meant; reporting them too would only add noise.
        for (const auto& kv : node) map.get(kv.first.Scalar());
        return std::nullopt;
    }
    std::vector<protocol::FieldValue> fields;
    std::vector<YAML::Node> fieldNodes;
    std::vector<std::string> unreadable;  // given, but wrong where it was read: reported there
    for (const auto& spec : *specs) {
        if (auto v = map.get(spec.key)) {
            if (auto f = toField(doc, spec, *v)) {
                fields.push_back(*f);
                fieldNodes.push_back(*v);
                checkRef(doc, *v, spec, *f, scenario, placeholders);
            } else {
                unreadable.push_back(spec.key);
            }
        }
    }
    std::vector<protocol::FieldError> errors;
    auto command = protocol::decodeFields(type, role, fields, errors);
    for (const auto& e : errors) {
        const bool unread = std::any_of(unreadable.begin(), unreadable.end(), [&](const std::string& k) {
            return e.key == k || e.message == "'" + type + "' needs '" + k + "'";
        });
        if (unread) continue;
        YAML::Node at = node;
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (fields[i].key == e.key) at = fieldNodes[i];
        doc.error(at, e.message);
    }
    const auto fieldNode = [&](const char* key) {
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (fields[i].key == key) return fieldNodes[i];
        return node;
    };
    if (const auto* a = command ? std::get_if<protocol::AnswerDecisionPoint>(&*command) : nullptr; a != nullptr) {
        const auto* p = scenario.decisionPoint(a->point);
        std::vector<std::string> options;
        if (p != nullptr)
            for (const auto& o : p->options) options.push_back(o.id);
        if (p != nullptr && std::find(options.begin(), options.end(), a->option) == options.end())
            doc.error(fieldNode("option"), "decision point '" + a->point + "' has no option '" + a->option + "'" +
                                               model::didYouMean(a->option, options));
    }
    if (const auto* sp = command ? std::get_if<protocol::SetPriorities>(&*command) : nullptr; sp != nullptr) {
        checkRepeats(doc, fieldNode("order"), "order", sp->order);
        // With a world model the exercise knows its lists and refuses others; so does the loader.
        const auto lists = scenario.world ? priorityLists(*scenario.world) : PriorityLists{};
        const auto list = std::find_if(lists.begin(), lists.end(), [&](const auto& l) { return l.first == sp->list; });
        std::vector<std::string> names;
        for (const auto& l : lists) names.push_back(l.first);
        if (!lists.empty() && list == lists.end())
            doc.error(fieldNode("list"),
                      "unknown priority list '" + sp->list + "'" + model::didYouMean(sp->list, names));
        else if (list != lists.end())
            for (const auto& item : sp->order)
                if (std::find(list->second.begin(), list->second.end(), item) == list->second.end()) {
                    const std::string hint = model::didYouMean(item, list->second);
                    doc.error(fieldNode("order"),
                              "priority list '" + sp->list + "' does not order '" + item + "'" +
                                  (hint.empty() ? " (it orders " + join(list->second) + ")" : hint));
                }
    }
    if (const auto* d = command ? std::get_if<protocol::AgreeDecision>(&*command) : nullptr; d != nullptr) {
        YAML::Node at = node;
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (fields[i].key == "args") at = fieldNodes[i];
        const bool stands = placeholders && std::any_of(d->args.begin(), d->args.end(), [](const model::MeasureArg& a) {
            return std::any_of(a.items.begin(), a.items.end(), isPlaceholder);
        });  // a rule's `$self` is checked for each actor once filled in
        if (!d->measure.empty() && scenario.measure(d->measure) != nullptr && !stands)
            checkMeasureArgs(doc, at, d->measure, d->args, scenario);
        else if (d->measure.empty() && !d->args.empty()) doc.error(at, "'args' goes with 'measure'");
    }
    if (const auto* c = command ? std::get_if<protocol::Convene>(&*command) : nullptr; c != nullptr && !c->meetAt.empty())
        checkMeetAt(doc, fieldNode("meet_at"), *c, scenario);
    return command;
}

std::vector<PlayStep> readSteps(YamlDocument& doc, const YAML::Node& node, const Scenario& scenario) {
    std::vector<PlayStep> steps;
    if (!node.IsSequence()) {
        doc.error(node, "steps must be a list");
        return steps;
    }
    for (const auto& item : node) {
        MapView map(doc, item, "step");
        if (!map.ok()) continue;
        PlayStep step;
        step.where = {item.Mark().line + 1, item.Mark().column + 1};
        if (auto v = map.get("name")) step.id = doc.scalar(*v, "name").value_or("");
        step.when = readTrigger(doc, map, scenario, true);
        std::string role;
        if (auto v = map.require("role")) {
            role = doc.scalar(*v, "role").value_or("");
            checkActor(doc, *v, role, scenario, true);
        }
        if (auto v = map.get("if")) {
            step.conditions = readConditions(doc, *v, scenario);
            for (const auto& c : step.conditions)
                if (c.ref == "$forum")
                    doc.errorAt(c.where.line, c.where.column,
                                "'$forum' stands for the forum of the entry a doctrine rule acts on; a play step names its forum");
        }
        auto command = readCommand(doc, map, item, role, scenario);
        map.finish();
        if (command) {
            step.command = std::move(*command);
            steps.push_back(std::move(step));
        }
    }
    return steps;
}

namespace {
// `content` null: read the file at `path`.
Loaded<Play> loadPlayFileUnguarded(const std::string& path, const std::string* content, const Scenario& scenario,
                                   const Limits& limits) {
    Loaded<Play> result;
    YamlDocument doc(path, limits, result.diagnostics);
    if (content ? doc.loadText(*content) : doc.load()) {
        MapView map(doc, doc.root(), "the play file");
        Play play;
        map.requireFormat("samverkan-play/1");
        if (auto v = map.require("scenario")) {
            const auto id = doc.scalar(*v, "scenario").value_or("");
            if (id != scenario.id) doc.error(*v, "this play is for scenario '" + id + "', not '" + scenario.id + "'");
        }
        if (auto v = map.require("name")) play.name = doc.scalar(*v, "name").value_or("");
        if (auto v = map.require("description")) play.description = doc.text(*v, "description").value_or(model::Text{});
        if (auto v = map.require("steps")) play.steps = readSteps(doc, *v, scenario);
        map.finish();
        IdSet names("step");
        for (const auto& st : play.steps) names.add(doc, st.where.line, st.where.column, st.id);
        if (result.diagnostics.empty()) checkTriggers(doc, scenario, &play);
        if (play.steps.size() > limits.maxEvents)
            doc.errorAt(1, 1, "the play has " + std::to_string(play.steps.size()) + " steps; the limit is " +
                                  std::to_string(limits.maxEvents));
        if (result.diagnostics.empty()) result.value = std::move(play);
    }
    sortDiagnostics(result.diagnostics);
    return result;
}

}  // namespace

Loaded<Play> loadPlayFile(const std::string& path, const Scenario& scenario, const Limits& limits) {
    return guardedLoad<Play>(path, [&](Loaded<Play>& result) { result = loadPlayFileUnguarded(path, nullptr, scenario, limits); });
}

Loaded<Play> loadPlayText(const std::string& path, const std::string& text, const Scenario& scenario, const Limits& limits) {
    return guardedLoad<Play>(path, [&](Loaded<Play>& result) { result = loadPlayFileUnguarded(path, &text, scenario, limits); });
}

}  // namespace samverkan::scenario
