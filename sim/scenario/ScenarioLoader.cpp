// Scenario files: header, region, objectives, injects, decision points, plays and variants.
#include <algorithm>
#include "sim/scenario/InputFile.hpp"
#include <filesystem>

#include "sim/model/Names.hpp"
#include "sim/scenario/ScenarioReading.hpp"

namespace samverkan::scenario {
namespace {

const std::vector<std::string> kActions{"activate", "convene", "call-in", "chair", "decide", "priorities",
                                        "public-message", "implement", "deactivate", "report", "present"};
const std::vector<std::string> kFocusAreas{"samverkan", "ledning", "resurser", "kommunikation", "kompetens"};
const std::vector<std::string> kClassLevels{"1", "2", "3"};
const std::vector<std::string> kImpactLevels{"yellow", "orange", "red"};

std::optional<Warning> readWarning(YamlDocument& doc, const YAML::Node& node) {
    MapView map(doc, node, "warning");
    if (!map.ok()) return std::nullopt;
    Warning w;
    const auto system = map.require("system");
    if (system) w.system = doc.scalar(*system, "system").value_or("");
    if (auto v = map.require("level")) {
        w.level = doc.scalar(*v, "level").value_or("");
        if (w.system == "class" && std::find(kClassLevels.begin(), kClassLevels.end(), w.level) == kClassLevels.end())
            doc.error(*v, "an SMHI class warning has level 1, 2 or 3; got \"" + w.level + "\"");
        if (w.system == "impact" && std::find(kImpactLevels.begin(), kImpactLevels.end(), w.level) == kImpactLevels.end())
            doc.error(*v, "an SMHI impact warning is yellow, orange or red; got \"" + w.level + "\"" +
                              model::didYouMean(w.level, kImpactLevels));
    }
    if (system && w.system != "class" && w.system != "impact")
        doc.error(*system, "warning system must be \"class\" (1–3, until 2021) or \"impact\" (yellow/orange/red); got \"" +
                               w.system + "\"");
    if (auto v = map.require("hazard")) w.hazard = doc.scalar(*v, "hazard").value_or("");
    map.finish();
    return w;
}

Expectation readExpectation(YamlDocument& doc, const YAML::Node& node, const Scenario& s) {
    Expectation e;
    e.where = {node.Mark().line + 1, node.Mark().column + 1};
    MapView map(doc, node, "expectation");
    if (!map.ok()) return e;
    if (auto v = map.require("action")) {
        e.action = doc.scalar(*v, "action").value_or("");
        if (std::find(kActions.begin(), kActions.end(), e.action) == kActions.end())
            doc.error(*v, "unknown action '" + e.action + "'" + model::didYouMean(e.action, kActions));
    }
    if (auto v = map.get("actor")) {
        e.actor = doc.scalar(*v, "actor").value_or("");
        checkActor(doc, *v, e.actor, s);
    }
    if (auto v = map.get("forum")) {
        e.forum = doc.scalar(*v, "forum").value_or("");
        checkForum(doc, *v, e.forum, s);
    }
    if (auto v = map.get("after")) e.after = doc.scalar(*v, "after").value_or("");
    if (auto v = map.require("within")) {
        e.within = doc.duration(*v, "within").value_or(-1);
        if (e.within == 0) doc.error(*v, "within must be longer than 0 (the time the action is expected within)");
    }
    if (auto v = map.get("objective")) {
        e.objective = doc.scalar(*v, "objective").value_or("");
        std::vector<std::string> ids;
        for (const auto& o : s.objectives) ids.push_back(o.id);
        if (std::find(ids.begin(), ids.end(), e.objective) == ids.end())
            doc.error(*v, "unknown objective '" + e.objective + "'" + model::didYouMean(e.objective, ids));
    }
    map.finish();
    return e;
}

void readObjectives(YamlDocument& doc, const YAML::Node& node, Scenario& s) {
    if (!node.IsSequence()) return doc.error(node, "objectives must be a list");
    IdSet ids("objective");
    for (const auto& item : node) {
        MapView map(doc, item, "objective");
        if (!map.ok()) continue;
        Objective o;
        if (auto v = map.require("id")) o.id = doc.identifier(*v, "id").value_or("");
        ids.add(doc, item, o.id);
        if (auto v = map.require("text")) o.text = doc.text(*v, "text").value_or(Text{});
        if (auto v = map.require("focus")) {
            o.focus = doc.stringList(*v, "focus");
            for (const auto& f : o.focus)
                if (std::find(kFocusAreas.begin(), kFocusAreas.end(), f) == kFocusAreas.end())
                    doc.error(*v, "unknown focus area '" + f + "' (MSB's are: samverkan, ledning, resurser, kommunikation, kompetens)" +
                                      model::didYouMean(f, kFocusAreas));
        }
        map.finish();
        s.objectives.push_back(std::move(o));
    }
}

// The id of a list item read ahead of the item itself, so that earlier items may refer to later ones;
// anything malformed is left to the item's own reading, which reports it.
std::optional<std::string> idOf(const YAML::Node& item) {
    if (!item.IsMap()) return std::nullopt;
    const YAML::Node id = item["id"];
    if (!id.IsDefined() || !id.IsScalar()) return std::nullopt;
    return id.Scalar();
}

void readInjects(YamlDocument& doc, const YAML::Node& node, Scenario& s) {
    if (!node.IsSequence()) return doc.error(node, "injects must be a list");
    // Ids first, so that conditions may refer to later injects.
    for (const auto& item : node)
        if (const auto id = idOf(item)) {
            Inject in;
            in.id = *id;
            s.injects.push_back(std::move(in));
        }
    IdSet ids("inject");
    std::size_t index = 0;
    for (const auto& item : node) {
        MapView map(doc, item, "inject");
        if (!map.ok()) continue;
        Inject in;
        if (auto v = map.require("id")) in.id = doc.identifier(*v, "id").value_or("");
        ids.add(doc, item, in.id);
        in.where = {item.Mark().line + 1, item.Mark().column + 1};
        in.when = readTrigger(doc, map, s, true, nullptr, true);
        if (auto v = map.require("from")) {
            in.from = doc.scalar(*v, "from").value_or("");
            checkActor(doc, *v, in.from, s, true);
        }
        if (auto v = map.require("to")) {
            in.to = doc.stringList(*v, "to");
            for (const auto& a : in.to) checkActor(doc, *v, a, s);
        }
        if (auto v = map.require("channel")) in.channel = doc.scalar(*v, "channel").value_or("");
        if (auto v = map.require("text")) in.text = doc.text(*v, "text").value_or(Text{});
        if (auto v = map.get("warning")) in.warning = readWarning(doc, *v);
        if (auto v = map.get("affects")) {
            in.affects = doc.stringList(*v, "affects");
            for (const auto& a : in.affects) checkActor(doc, *v, a, s);
        }
        if (auto v = map.get("expect")) {
            if (!v->IsSequence()) doc.error(*v, "expect must be a list");
            else
                for (const auto& e : *v) in.expect.push_back(readExpectation(doc, e, s));
        }
        if (auto v = map.get("note")) in.note = doc.scalar(*v, "note").value_or("");
        map.finish();
        if (index < s.injects.size()) s.injects[index] = std::move(in);
        ++index;
    }
}

// The decision points' ids, with their options' ids, read ahead of everything that may name them:
// injects, other points' options, plays.
void declareDecisionPoints(const YAML::Node& node, Scenario& s) {
    if (!node.IsSequence()) return;
    for (const auto& item : node)
        if (const auto id = idOf(item)) {
            DecisionPoint p;
            p.id = *id;
            if (const YAML::Node options = item["options"]; options.IsSequence())
                for (const auto& o : options)
                    if (const auto optionId = idOf(o)) p.options.push_back(DecisionOption{*optionId, {}, {}});
            s.decisionPoints.push_back(std::move(p));
        }
}

void readDecisionPoints(YamlDocument& doc, const YAML::Node& node, Scenario& s) {
    if (!node.IsSequence()) return doc.error(node, "decision_points must be a list");
    IdSet pointIds("decision point");
    std::size_t index = 0;
    for (const auto& item : node) {
        MapView map(doc, item, "decision point");
        if (!map.ok()) continue;
        DecisionPoint p;
        if (auto v = map.require("id")) p.id = doc.identifier(*v, "id").value_or("");
        pointIds.add(doc, item, p.id);
        p.where = {item.Mark().line + 1, item.Mark().column + 1};
        p.when = readTrigger(doc, map, s, true);
        if (auto v = map.require("role")) {
            p.role = doc.scalar(*v, "role").value_or("");
            checkActor(doc, *v, p.role, s);
        }
        if (auto v = map.require("prompt")) p.prompt = doc.text(*v, "prompt").value_or(Text{});
        if (auto v = map.require("timeout")) {
            p.timeout = doc.duration(*v, "timeout").value_or(-1);
            if (p.timeout == 0) doc.error(*v, "timeout must be longer than 0 (the time the role has to answer)");
        }
        if (auto v = map.require("options")) {
            IdSet optionIds("option");
            if (!v->IsSequence()) doc.error(*v, "options must be a list");
            else
                for (const auto& o : *v) {
                    MapView om(doc, o, "option");
                    if (!om.ok()) continue;
                    DecisionOption opt;
                    if (auto x = om.require("id")) opt.id = doc.identifier(*x, "id").value_or("");
                    optionIds.add(doc, o, opt.id);
                    if (auto x = om.require("label")) opt.label = doc.text(*x, "label").value_or(Text{});
                    if (auto x = om.get("commands")) {
                        if (!x->IsSequence()) doc.error(*x, "commands must be a list");
                        else
                            for (const auto& c : *x) {
                                MapView cm(doc, c, "command");
                                if (!cm.ok()) continue;
                                if (auto cmd = readCommand(doc, cm, c, p.role, s)) opt.commands.push_back(std::move(*cmd));
                                cm.finish();
                            }
                    }
                    om.finish();
                    p.options.push_back(std::move(opt));
                }
        }
        if (auto v = map.require("default")) {
            p.defaultOption = doc.scalar(*v, "default").value_or("");
            std::vector<std::string> ids;
            for (const auto& o : p.options) ids.push_back(o.id);
            if (std::find(ids.begin(), ids.end(), p.defaultOption) == ids.end())
                doc.error(*v, "default option '" + p.defaultOption + "' is not one of the options" + model::didYouMean(p.defaultOption, ids));
        }
        map.finish();
        if (index < s.decisionPoints.size()) s.decisionPoints[index] = std::move(p);
        ++index;
    }
}

// Step names, and the ids of the decisions the steps agree (the exercise refuses a second
// decision with an id already taken), are unique within a play. Steps taken over from the play
// it builds on were checked there.
void checkPlayIds(YamlDocument& doc, const Play& play, std::size_t inherited) {
    IdSet names("step"), decisions("decision");
    for (std::size_t i = 0; i < play.steps.size(); ++i) {
        const auto& st = play.steps[i];
        const auto* d = std::get_if<protocol::AgreeDecision>(&st.command);
        if (i < inherited) {
            names.note(st.id, st.where.line);
            if (d != nullptr) decisions.note(d->id, st.where.line);
            continue;
        }
        names.add(doc, st.where.line, st.where.column, st.id);
        if (d != nullptr) decisions.add(doc, st.where.line, st.where.column, d->id);
    }
}

void readPlay(YamlDocument& doc, const std::string& name, const YAML::Node& node, Scenario& s) {
    MapView map(doc, node, "play '" + name + "'");
    if (!map.ok()) return;
    Play play;
    play.name = name;
    if (auto v = map.require("description")) play.description = doc.text(*v, "description").value_or(Text{});
    if (auto v = map.get("from")) {
        const std::string base = doc.scalar(*v, "from").value_or("");
        if (const Play* p = s.play(base)) {
            play.steps = p->steps;
            play.from = base;
        } else doc.error(*v, "unknown play '" + base + "' (plays can build only on plays above them)" + model::didYouMean(base, s.playNames()));
    }
    if (auto v = map.get("remove")) {
        for (const auto& id : doc.stringList(*v, "remove")) {
            const auto before = play.steps.size();
            std::erase_if(play.steps, [&](const PlayStep& st) { return st.id == id; });
            if (play.steps.size() == before) doc.error(*v, "no step '" + id + "' to remove");
        }
    }
    if (auto v = map.get("change")) {
        if (!v->IsSequence()) doc.error(*v, "change must be a list");
        else
            for (const auto& c : *v) {
                MapView cm(doc, c, "change");
                if (!cm.ok()) continue;
                std::string id;
                if (auto x = cm.require("step")) id = doc.scalar(*x, "step").value_or("");
                const Trigger t = readTrigger(doc, cm, s, true);
                cm.finish();
                const auto it = std::find_if(play.steps.begin(), play.steps.end(), [&](const PlayStep& st) { return st.id == id; });
                if (it == play.steps.end()) doc.error(c, "no step '" + id + "' to change");
                else it->when = t;
            }
    }
    const std::size_t inherited = play.steps.size();
    if (auto v = map.get("steps")) {
        auto more = readSteps(doc, *v, s);
        play.steps.insert(play.steps.end(), more.begin(), more.end());
    }
    map.finish();
    checkPlayIds(doc, play, inherited);
    s.plays.push_back(std::move(play));
}

// A mapping from inject ids to what a variant gives each (its warning, its text): each key must
// name an inject; `read` reads the value.
template <class F>
void perInject(YamlDocument& doc, const YAML::Node& node, const char* what, const Scenario& s, F&& read) {
    MapView m(doc, node, what);
    if (m.ok())
        for (const auto& kv : node) {
            const std::string id = kv.first.Scalar();
            m.get(id);
            if (s.inject(id) == nullptr) doc.errorAt(kv.first.Mark(), "unknown inject '" + id + "'");
            read(id, kv.second);
        }
    m.finish();
}

void readVariants(YamlDocument& doc, const YAML::Node& node, Scenario& s) {
    MapView map(doc, node, "variants");
    if (!map.ok()) return;
    for (const auto& kv : node) {
        Variant v;
        v.id = kv.first.Scalar();
        map.get(v.id);
        MapView vm(doc, kv.second, "variant '" + v.id + "'");
        if (!vm.ok()) continue;
        if (auto t = vm.require("title")) v.title = doc.text(*t, "title").value_or(Text{});
        if (auto t = vm.get("texts"))
            perInject(doc, *t, "texts", s, [&](const std::string& id, const YAML::Node& value) {
                if (auto text = doc.text(value, "text")) v.texts.emplace_back(id, *text);
            });
        if (auto t = vm.get("rule_texts")) {
            // What a doctrine rule's command says (an alert, an information, a message) in this variant.
            MapView rm(doc, *t, "rule_texts");
            if (rm.ok())
                for (const auto& r : *t) {
                    const std::string id = r.first.Scalar();
                    rm.get(id);
                    auto rule = std::find_if(s.behaviour.begin(), s.behaviour.end(), [&](const BehaviourRule& b) { return b.id == id; });
                    if (rule == s.behaviour.end()) {
                        doc.errorAt(r.first.Mark(), "unknown doctrine rule '" + id + "'");
                        continue;
                    }
                    if (protocol::textOf(rule->command) == nullptr) {
                        doc.errorAt(r.first.Mark(), "doctrine rule '" + id + "' does " + protocol::typeName(rule->command) + ", which has no text");
                        continue;
                    }
                    if (auto text = doc.text(r.second, "text")) v.ruleTexts.emplace_back(id, *text);
                }
            rm.finish();
        }
        if (auto t = vm.get("step_texts")) {
            // What a scripted play's named step says in this variant: play → step → text.
            MapView pm(doc, *t, "step_texts");
            if (pm.ok())
                for (const auto& pk : *t) {
                    const std::string playName = pk.first.Scalar();
                    pm.get(playName);
                    auto play = std::find_if(s.plays.begin(), s.plays.end(), [&](const Play& p) { return p.name == playName; });
                    if (play == s.plays.end()) {
                        doc.errorAt(pk.first.Mark(), "unknown play '" + playName + "'" + model::didYouMean(playName, s.playNames()));
                        continue;
                    }
                    MapView sm(doc, pk.second, "step_texts of play '" + playName + "'");
                    if (!sm.ok()) continue;
                    for (const auto& sk : pk.second) {
                        const std::string stepName = sk.first.Scalar();
                        sm.get(stepName);
                        const auto step = std::find_if(play->steps.begin(), play->steps.end(),
                                                       [&](const PlayStep& st) { return st.id == stepName; });
                        if (step == play->steps.end()) {
                            doc.errorAt(sk.first.Mark(), "play '" + playName + "' has no step named '" + stepName + "'");
                            continue;
                        }
                        if (protocol::textOf(step->command) == nullptr) {
                            doc.errorAt(sk.first.Mark(), "step '" + stepName + "' of play '" + playName + "' does " +
                                                             protocol::typeName(step->command) + ", which has no text");
                            continue;
                        }
                        if (auto text = doc.text(sk.second, "text")) v.stepTexts.push_back({playName, stepName, *text});
                    }
                    sm.finish();
                }
            pm.finish();
        }
        if (auto h = vm.get("hazards")) {
            MapView hm(doc, *h, "hazards");
            const auto ids = hazardIds(s);
            if (hm.ok())
                for (const auto& it : *h) {
                    HazardChange c;
                    c.hazard = it.first.Scalar();
                    hm.get(c.hazard);
                    if (std::find(ids.begin(), ids.end(), c.hazard) == ids.end())
                        doc.errorAt(it.first.Mark(), "unknown hazard '" + c.hazard + "'" + model::didYouMean(c.hazard, ids));
                    MapView cm(doc, it.second, "hazard '" + c.hazard + "'");
                    if (!cm.ok()) continue;
                    if (const auto* spec = s.world ? model::findById(s.world->hazards, c.hazard) : nullptr;
                        spec != nullptr && spec->kind != world::HazardKind::generated)
                        doc.errorAt(it.first.Mark(), "hazard '" + c.hazard +
                                                         "' is a series: a variant changes the onset, peak and duration of a "
                                                         "generated hazard only");
                    if (auto x = cm.get("onset")) c.onset = readUncertainValue(doc, *x, "onset", true);
                    if (auto x = cm.get("peak")) c.peak = readUncertainValue(doc, *x, "peak", false);
                    if (auto x = cm.get("duration")) {
                        c.duration = readUncertainValue(doc, *x, "duration", true);
                        if (!(c.duration->value > 0)) doc.error(*x, "duration must be longer than 0");
                    }
                    cm.finish();
                    v.hazards.push_back(std::move(c));
                }
            hm.finish();
        }
        if (auto w = vm.get("warnings"))
            perInject(doc, *w, "warnings", s, [&](const std::string& id, const YAML::Node& value) {
                if (auto warning = readWarning(doc, value)) v.warnings.emplace_back(id, *warning);
            });
        vm.finish();
        s.variants.push_back(std::move(v));
    }
    map.finish();
}

void readExtraForums(YamlDocument& doc, const YAML::Node& node, Scenario& s) {
    if (!node.IsSequence()) return doc.error(node, "forums must be a list");
    IdSet forumIds("forum");
    for (const auto& item : node) {
        MapView map(doc, item, "forum");
        if (!map.ok()) continue;
        model::Forum f;
        if (auto v = map.require("id")) f.id = doc.identifier(*v, "id").value_or("");
        if (auto v = map.require("level")) {
            f.level = doc.scalar(*v, "level").value_or("");
            if (s.region.level(f.level) == nullptr) {
                std::vector<std::string> ids;
                for (const auto& l : s.region.levels) ids.push_back(l.id);
                doc.error(*v, "unknown level '" + f.level + "'" + model::didYouMean(f.level, ids));
            }
        }
        f.mode = model::Mode::activated;
        if (auto v = map.get("conference_interval")) f.conferenceInterval = doc.duration(*v, "conference_interval").value_or(-1);
        if (auto v = map.require("name")) f.name = doc.text(*v, "name").value_or(Text{});
        if (auto v = map.require("purpose")) f.purpose = doc.text(*v, "purpose").value_or(Text{});
        map.finish();
        if (!forumIds.add(doc, item, f.id)) continue;
        if (s.region.forumIndex(f.id) != model::kNone) doc.error(item, "forum '" + f.id + "' already exists in the region");
        else s.region.forums.push_back(std::move(f));
    }
}

std::string resolveRegionPath(const std::string& scenarioPath, const std::string& ref) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(scenarioPath).parent_path();
    for (const auto& candidate : {dir / ref, dir.parent_path() / ref})
        if (pathExists(candidate.string())) return candidate.lexically_normal().string();
    return (dir / ref).lexically_normal().string();
}

}  // namespace

void readCaseInjects(YamlDocument& doc, const YAML::Node& node, Scenario& s) { readInjects(doc, node, s); }

void readPlays(YamlDocument& doc, const YAML::Node& node, Scenario& s, const char* needsReference) {
    MapView plays(doc, node, "plays");
    if (plays.ok())
        for (const auto& kv : node) {
            plays.get(kv.first.Scalar());
            readPlay(doc, kv.first.Scalar(), kv.second, s);
        }
    plays.finish();
    if (plays.ok() && s.play("reference") == nullptr) doc.error(node, needsReference);
}

std::string scenarioRelativePath(const std::string& scenarioPath, const std::string& ref) { return resolveRegionPath(scenarioPath, ref); }

namespace {
// `frames: {deviations: refused | allowed}`: whether a lower level may deviate from a frame (R11).
void readFrames(YamlDocument& doc, const YAML::Node& node, Scenario& s) {
    MapView map(doc, node, "frames");
    if (!map.ok()) return;
    if (auto v = map.require("deviations")) {
        const std::string value = doc.scalar(*v, "deviations").value_or("");
        if (value == "allowed" || value == "refused") s.frameDeviationsAllowed = value == "allowed";
        else doc.error(*v, "frames: 'deviations' must be \"refused\" or \"allowed\"; got \"" + value + "\"");
    }
    map.finish();
}

// `content` null: read the file at `path`.
Loaded<Scenario> loadScenarioUnguarded(const std::string& path, const std::string* content, const Limits& limits, int depth);

Loaded<Scenario> loadScenarioUnguarded(const std::string& path, const std::string* content, const Limits& limits, int depth) {
    Loaded<Scenario> result;
    YamlDocument doc(path, limits, result.diagnostics);
    if (!(content ? doc.loadText(*content) : doc.load())) return result;
    Scenario s;
    s.file = path;
    MapView map(doc, doc.root(), "the scenario file");
    map.requireFormat("samverkan/1");
    const auto loadBase = [](const std::string& basePath, const std::string& text, const Limits& l, int d) {
        return loadScenarioUnguarded(basePath, &text, l, d);
    };
    if (auto v = map.get("base")) {
        readCase(doc, map, *v, path, limits, depth, result, loadBase);
        return result;
    }
    if (auto v = map.get("areas_of")) {
        readAreaVariant(doc, map, *v, path, limits, depth, result, loadBase);
        return result;
    }
    if (auto v = map.require("id")) s.id = doc.identifier(*v, "id").value_or("");
    if (auto v = map.require("title")) s.title = doc.text(*v, "title").value_or(Text{});
    if (auto v = map.get("summary")) s.summary = doc.text(*v, "summary").value_or(Text{});
    bool regionOk = false;
    std::optional<YamlDocument> regionDoc;  // kept: the region's doctrine rules are read with the scenario
    if (auto v = map.require("region")) {
        if (const auto ref = doc.scalar(*v, "region")) {
            const std::string regionPath = resolveRegionPath(path, *ref);
            regionDoc.emplace(regionPath, limits, result.diagnostics);
            if (!pathExists(regionPath))
                doc.error(*v, "region file '" + *ref + "' not found (looked in " + regionPath + ")");
            else
                regionOk = regionDoc->load() && readRegionDocument(*regionDoc, s.region);
        }
    }
    if (auto v = map.require("start")) {
        const std::string text = doc.scalar(*v, "start").value_or("");
        if (const auto t = engine::parseIsoTime(text)) s.start = *t;
        else doc.error(*v, "start must be an ISO 8601 time with offset like \"2026-01-14T06:00+01:00\"; got \"" + text + "\"");
    }
    if (auto v = map.require("duration")) s.duration = doc.duration(*v, "duration").value_or(0);
    if (auto v = map.require("seed")) s.seed = static_cast<std::uint64_t>(doc.integer(*v, "seed", 0, INT64_MAX).value_or(0));
    if (!regionOk) {
        // References cannot be checked without the region; report what was found so far.
        for (const auto* key : {"objectives", "injects", "decision_points", "plays", "variants", "forums", "world", "measures", "reporting", "behaviour", "frames", "observed", "not_reproduced", "runs"}) map.get(key);
        map.finish();
        sortDiagnostics(result.diagnostics);
        return result;
    }
    if (auto v = map.get("forums")) readExtraForums(doc, *v, s);
    if (auto v = map.get("frames")) readFrames(doc, *v, s);
    if (auto v = map.get("reporting")) readReporting(doc, *v, s.region);
    // The world and the measures come first: plays and decision points name measures.
    if (auto v = map.get("world")) s.world = readWorld(doc, *v, s);
    if (auto v = map.get("measures")) readMeasures(doc, *v, s);
    if (auto v = map.get("objectives")) readObjectives(doc, *v, s);
    const auto points = map.get("decision_points");
    if (points) declareDecisionPoints(*points, s);
    if (auto v = map.get("injects")) readInjects(doc, *v, s);
    if (points) readDecisionPoints(doc, *points, s);
    if (auto v = map.get("plays")) readPlays(doc, *v, s, "plays needs a 'reference' play");
    if (const auto rules = regionDoc->root()["behaviour"]; rules.IsDefined()) readBehaviour(*regionDoc, rules, s);
    if (auto v = map.get("behaviour")) readBehaviour(doc, *v, s);
    if (auto v = map.get("variants")) readVariants(doc, *v, s);  // after the rules: a variant may reword them
    readObserved(doc, map, s);
    if (const auto* p = s.play(kDoctrinePlay))
        doc.errorAt(p->steps.empty() ? 1 : p->steps.front().where.line, 1,
                    "a play may not be called 'doctrine': that name runs the doctrine rules (behaviour)");
    map.finish();
    readAreaWeights(path, limits, s, result.diagnostics);
    if (s.world) world::layOutAreas(*s.world);
    if (result.diagnostics.empty()) checkTriggers(doc, s);
    if (result.diagnostics.empty()) checkBehaviourDecisions(s, result.diagnostics);
    if (result.diagnostics.empty()) checkBehaviourCycles(s, result.diagnostics);
    std::size_t events = s.injects.size() + s.decisionPoints.size();
    for (const auto& p : s.plays) events += p.steps.size();
    events += s.behaviour.size();
    if (events > limits.maxEvents)
        doc.errorAt(1, 1, "the scenario has " + std::to_string(events) + " events (injects, decision points, play steps and doctrine rules); the limit is " +
                              std::to_string(limits.maxEvents));
    if (s.duration <= 0 && result.diagnostics.empty()) doc.error(doc.root()["duration"], "duration must be longer than 0");
    if (result.diagnostics.empty()) checkWork(doc, s, limits);
    sortDiagnostics(result.diagnostics);
    if (result.diagnostics.empty()) {
        s.region.index();  // the scenario's own forums are in by now
        result.value = std::move(s);
    }
    return result;
}

}  // namespace

Loaded<Scenario> loadScenario(const std::string& path, const Limits& limits) {
    return guardedLoad<Scenario>(path, [&](Loaded<Scenario>& result) { result = loadScenarioUnguarded(path, nullptr, limits, 0); });
}

Loaded<Scenario> loadScenarioText(const std::string& path, const std::string& text, const Limits& limits) {
    return guardedLoad<Scenario>(path, [&](Loaded<Scenario>& result) { result = loadScenarioUnguarded(path, &text, limits, 0); });
}

}  // namespace samverkan::scenario
