// Region files: levels, forums, actors with their representations and mandates, convening delays.
#include <algorithm>

#include "sim/model/Names.hpp"
#include "sim/scenario/ScenarioReading.hpp"

namespace samverkan::scenario {
namespace {

using model::Region;

const std::vector<std::string> kWeekdays{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

void readForum(YamlDocument& doc, const YAML::Node& node, const std::string& level, model::Mode mode, Region& region,
               IdSet& ids) {
    MapView map(doc, node, "forum");
    if (!map.ok()) return;
    model::Forum forum;
    forum.level = level;
    forum.mode = mode;
    if (auto v = map.require("id")) forum.id = doc.identifier(*v, "forum id").value_or("");
    if (auto v = map.require("name")) forum.name = doc.text(*v, "name").value_or(model::Text{});
    if (auto v = map.require("purpose")) forum.purpose = doc.text(*v, "purpose").value_or(model::Text{});
    map.finish();
    ids.add(doc, node, forum.id);
    region.forums.push_back(std::move(forum));
}

void readLevels(YamlDocument& doc, const YAML::Node& node, Region& region) {
    if (!node.IsSequence()) {
        doc.error(node, "levels must be a list");
        return;
    }
    IdSet levelIds("level"), forumIds("forum");
    for (const auto& item : node) {
        MapView map(doc, item, "level");
        if (!map.ok()) continue;
        model::Level level;
        level.rank = static_cast<int>(region.levels.size());
        if (auto v = map.require("id")) level.id = doc.identifier(*v, "level id").value_or("");
        levelIds.add(doc, item, level.id);
        if (auto v = map.require("name")) level.name = doc.text(*v, "name").value_or(model::Text{});
        if (auto v = map.require("purpose")) level.purpose = doc.text(*v, "purpose").value_or(model::Text{});
        if (auto v = map.require("forums")) {
            MapView forums(doc, *v, "forums");
            if (forums.ok()) {
                if (auto o = forums.require("ordinary"))
                    readForum(doc, *o, level.id, model::Mode::ordinary, region, forumIds);
                if (auto a = forums.require("activated"))
                    readForum(doc, *a, level.id, model::Mode::activated, region, forumIds);
                forums.finish();
            }
        }
        map.finish();
        region.levels.push_back(std::move(level));
    }
}

void readConvening(YamlDocument& doc, const YAML::Node& node, Region& region) {
    MapView map(doc, node, "convening");
    if (!map.ok()) return;
    for (const auto& kv : node) {
        const std::string medium = kv.first.Scalar();
        map.get(medium);
        MapView m(doc, kv.second, "convening." + medium);
        if (!m.ok()) continue;
        model::ConveningDelay d;
        d.medium = medium;
        if (auto v = m.require("min")) d.min = doc.duration(*v, "min").value_or(0);
        if (auto v = m.require("max")) d.max = doc.duration(*v, "max").value_or(0);
        if (auto v = m.require("source")) d.source = doc.scalar(*v, "source").value_or("");
        m.finish();
        if (d.max < d.min) doc.error(kv.second, "convening." + medium + ": max is shorter than min");
        region.convening.push_back(std::move(d));
    }
    map.finish();
}

void readRepresentations(YamlDocument& doc, const YAML::Node& node, model::Actor& actor) {
    MapView map(doc, node, "represent");
    if (!map.ok()) return;
    for (const auto& kv : node) {
        const std::string level = kv.first.Scalar();
        map.get(level);
        MapView m(doc, kv.second, "represent." + level);
        if (!m.ok()) continue;
        model::Representation r;
        r.level = level;
        if (auto v = m.require("function")) r.function = doc.text(*v, "function").value_or(model::Text{});
        if (auto v = m.require("mandate")) r.mandate = doc.stringList(*v, "mandate");
        m.finish();
        actor.representatives.push_back(std::move(r));
    }
    map.finish();
}

// Reads actor fields from `node` onto `actor` (used for templates and actors alike).
void readActorFields(YamlDocument& doc, MapView& map, model::Actor& actor) {
    if (auto v = map.get("name")) actor.name = doc.text(*v, "name").value_or(model::Text{});
    if (auto v = map.get("kind")) actor.kind = doc.scalar(*v, "kind").value_or("");
    if (auto v = map.get("outside")) actor.outside = doc.boolean(*v, "outside").value_or(false);
    if (auto v = map.get("home")) actor.home = doc.text(*v, "home").value_or(model::Text{});
    if (auto v = map.get("consult_delay")) actor.consultDelay = doc.duration(*v, "consult_delay").value_or(0);
    if (auto v = map.get("implement_delay")) actor.implementDelay = doc.duration(*v, "implement_delay").value_or(0);
    if (auto v = map.get("represent")) {
        actor.representatives.clear();
        readRepresentations(doc, *v, actor);
    }
}

void readActors(YamlDocument& doc, const YAML::Node& node, const std::vector<model::Actor>& templates, Region& region) {
    if (!node.IsSequence()) {
        doc.error(node, "actors must be a list");
        return;
    }
    std::vector<std::string> templateIds;
    for (const auto& t : templates) templateIds.push_back(t.id);
    IdSet ids("actor");
    for (const auto& item : node) {
        MapView map(doc, item, "actor");
        if (!map.ok()) continue;
        model::Actor actor;
        if (auto v = map.get("template")) {
            const std::string t = doc.scalar(*v, "template").value_or("");
            const auto it = std::find_if(templates.begin(), templates.end(), [&](const auto& a) { return a.id == t; });
            if (it == templates.end()) doc.error(*v, "unknown template '" + t + "'" + model::didYouMean(t, templateIds));
            else actor = *it;
        }
        if (auto v = map.require("id")) actor.id = doc.identifier(*v, "actor id").value_or("");
        if (!map.get("name")) map.require("name");
        readActorFields(doc, map, actor);
        map.finish();
        if (actor.home.empty()) actor.home = actor.name;
        ids.add(doc, item, actor.id);
        region.actors.push_back(std::move(actor));
    }
}

void readTemplates(YamlDocument& doc, const YAML::Node& node, std::vector<model::Actor>& out) {
    MapView map(doc, node, "templates");
    if (!map.ok()) return;
    for (const auto& kv : node) {
        model::Actor t;
        t.id = kv.first.Scalar();
        map.get(t.id);
        MapView m(doc, kv.second, "template '" + t.id + "'");
        if (!m.ok()) continue;
        readActorFields(doc, m, t);
        m.finish();
        out.push_back(std::move(t));
    }
    map.finish();
}

void readGroups(YamlDocument& doc, const YAML::Node& node, Region& region) {
    MapView map(doc, node, "groups");
    if (!map.ok()) return;
    for (const auto& kv : node) {
        model::ActorGroup g;
        g.id = kv.first.Scalar();
        map.get(g.id);
        g.members = doc.stringList(kv.second, "group '" + g.id + "'");
        // A name is an actor or a group, never both: references to it would be ambiguous.
        if (region.actorIndex(g.id) != model::kNone)
            doc.errorAt(kv.first.Mark(), "group '" + g.id + "' has the id of an actor; a group needs an id of its own");
        checkRepeats(doc, kv.second, "group '" + g.id + "'", g.members);
        region.groups.push_back(std::move(g));
    }
    map.finish();
}

// The agenda's steps: SSR's four (each once, in their order: reports before the picture) and any
// steps of the region's own between them, each with its name in both languages.
void readAgenda(YamlDocument& doc, const YAML::Node& node, Region& region) {
    MapView map(doc, node, "conferences.agenda");
    if (!map.ok()) return;
    if (auto v = map.get("source")) region.agendaSource = doc.scalar(*v, "source").value_or("");
    std::vector<std::string> ids;
    for (const auto& s : model::ssrAgenda()) ids.push_back(s.id);
    if (auto steps = map.require("steps")) {
        IdSet seen("agenda step");
        int lastRole = -1;
        region.agenda = readList<model::AgendaStep>(doc, *steps, "conferences.agenda.steps", [&](MapView& m, const YAML::Node& item) {
            model::AgendaStep step;
            if (auto v = m.require("id")) step.id = doc.identifier(*v, "agenda step id").value_or("");
            if (auto v = m.require("name")) step.name = doc.text(*v, "name").value_or(model::Text{});
            step.role = model::agendaRoleOf(step.id);
            if (!step.id.empty() && seen.add(doc, item, step.id) && step.role != model::AgendaRole::other) {
                const int role = static_cast<int>(step.role);
                if (role < lastRole)
                    doc.error(item, "conferences.agenda: '" + step.id + "' comes after '" + ids[static_cast<std::size_t>(lastRole)] +
                                        "'; SSR's steps keep their order: actor-reports, information-sharing, cooperation-needs, regional-picture");
                lastRole = std::max(lastRole, role);
            }
            return step;
        });
        if (steps->IsSequence())
            for (const auto& id : ids)
                if (std::none_of(region.agenda.begin(), region.agenda.end(), [&](const auto& s) { return s.id == id; }))
                    doc.error(*steps, "conferences.agenda lacks the step '" + id +
                                          "'; a conference runs SSR's four: actor-reports, information-sharing, cooperation-needs, regional-picture");
    }
    map.finish();
}

// A local clock time "09:00".
engine::Millis readClockTime(YamlDocument& doc, const YAML::Node& node) {
    const std::string t = doc.scalar(node, "time").value_or("");
    const bool ok = t.size() == 5 && t[2] == ':' && std::isdigit(static_cast<unsigned char>(t[0])) &&
                    std::isdigit(static_cast<unsigned char>(t[1])) && std::isdigit(static_cast<unsigned char>(t[3])) &&
                    std::isdigit(static_cast<unsigned char>(t[4])) && std::stoi(t.substr(0, 2)) < 24 && std::stoi(t.substr(3)) < 60;
    if (!ok) {
        doc.error(node, "time must look like \"09:00\"; got \"" + t + "\"");
        return 0;
    }
    return std::stoi(t.substr(0, 2)) * engine::kHour + std::stoi(t.substr(3)) * engine::kMinute;
}

// An integer in [low, high] written at `node`, else an error naming the key; 0 when wrong.
int readSmallInt(YamlDocument& doc, const YAML::Node& node, const std::string& what, int low, int high) {
    const std::string text = doc.scalar(node, what).value_or("");
    const bool digits = !text.empty() && text.size() <= 2 &&
                        std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    const int n = digits ? std::stoi(text) : 0;
    if (n < low || n > high) {
        doc.error(node, what + " must be a whole number from " + std::to_string(low) + " to " + std::to_string(high) + "; got \"" + text + "\"");
        return 0;
    }
    return n;
}

// `monthly: {forum, day | week + weekday, time, medium, source}`: the monthly meetings' calendar.
void readMonthly(YamlDocument& doc, const YAML::Node& node, Region& region) {
    MapView m(doc, node, "conferences.monthly");
    if (!m.ok()) return;
    model::MonthlyMeeting mm;
    if (auto v = m.require("forum")) mm.forum = doc.scalar(*v, "forum").value_or("");
    const auto day = m.get("day");
    const auto week = m.get("week");
    const auto weekday = m.get("weekday");
    if (day && (week || weekday)) {
        doc.error(*day, "conferences.monthly: give either 'day' or 'week' with 'weekday', not both");
    } else if (day) {
        mm.day = readSmallInt(doc, *day, "conferences.monthly.day", 1, 28);
    } else if (week && weekday) {
        mm.week = readSmallInt(doc, *week, "conferences.monthly.week", 1, 4);
        const std::string d = doc.scalar(*weekday, "weekday").value_or("");
        const auto it = std::find(kWeekdays.begin(), kWeekdays.end(), d);
        if (it == kWeekdays.end()) doc.error(*weekday, "weekday must be one of monday … sunday; got \"" + d + "\"" + model::didYouMean(d, kWeekdays));
        else mm.weekday = static_cast<int>(it - kWeekdays.begin()) + 1;
    } else {
        doc.error(node, "conferences.monthly needs 'day' (1–28) or 'week' (1–4) with 'weekday'");
    }
    if (auto v = m.require("time")) mm.timeOfDay = readClockTime(doc, *v);
    if (auto v = m.require("medium")) mm.medium = doc.scalar(*v, "medium").value_or("");
    // Where the day and time come from: a public source, or "assumption".
    if (auto v = m.require("source")) mm.source = doc.scalar(*v, "source").value_or("");
    m.finish();
    region.monthly = mm;
}

void readConferences(YamlDocument& doc, const YAML::Node& node, Region& region) {
    MapView map(doc, node, "conferences");
    if (!map.ok()) return;
    if (auto v = map.get("activated_interval"))
        region.activatedConferenceInterval = doc.duration(*v, "activated_interval").value_or(0);
    if (auto v = map.get("meeting_length")) {
        region.meetingLength = doc.duration(*v, "meeting_length").value_or(-1);
        if (region.meetingLength == 0) doc.error(*v, "meeting_length must be longer than 0");
    }
    if (auto w = map.get("weekly")) {
        MapView m(doc, *w, "conferences.weekly");
        if (m.ok()) {
            model::WeeklyConference wc;
            if (auto v = m.require("forum")) wc.forum = doc.scalar(*v, "forum").value_or("");
            if (auto v = m.require("weekday")) {
                const std::string day = doc.scalar(*v, "weekday").value_or("");
                const auto it = std::find(kWeekdays.begin(), kWeekdays.end(), day);
                if (it == kWeekdays.end()) doc.error(*v, "weekday must be one of monday … sunday; got \"" + day + "\"" + model::didYouMean(day, kWeekdays));
                else wc.weekday = static_cast<int>(it - kWeekdays.begin()) + 1;
            }
            if (auto v = m.require("time")) wc.timeOfDay = readClockTime(doc, *v);
            if (auto v = m.require("medium")) wc.medium = doc.scalar(*v, "medium").value_or("");
            if (auto v = m.get("members")) {
                wc.members = doc.stringList(*v, "members");
                if (v->IsSequence() && wc.members.empty())
                    doc.error(*v, "conferences.weekly: 'members' names nobody; leave it out to mean the region's parties");
                checkRepeats(doc, *v, "conferences.weekly.members", wc.members);
            }
            // Where the weekday and time come from: a public source, or "assumption".
            if (auto v = m.require("source")) wc.source = doc.scalar(*v, "source").value_or("");
            m.finish();
            region.weekly = wc;
        }
    }
    if (auto mo = map.get("monthly")) readMonthly(doc, *mo, region);
    if (auto a = map.get("agenda")) readAgenda(doc, *a, region);
    map.finish();
}

// Cross-references inside the region, reported at the place they are written.
void checkRegion(YamlDocument& doc, const YAML::Node& root, Region& region) {
    const auto ids = region.actorIds();
    if (region.actorIndex(region.convener) == model::kNone)
        doc.error(root["convener"], "convener '" + region.convener + "' is not an actor" + model::didYouMean(region.convener, ids));
    for (std::size_t gi = 0; gi < region.groups.size(); ++gi) {
        const auto& g = region.groups[gi];
        for (std::size_t i = 0; i < g.members.size(); ++i)
            if (region.actorIndex(g.members[i]) == model::kNone) {
                const YAML::Node n = root["groups"][g.id];
                doc.error(n.IsSequence() ? n[i] : n, "unknown actor '" + g.members[i] + "' in group '" + g.id + "'" +
                                                         model::didYouMean(g.members[i], ids));
            }
    }
    std::vector<std::string> levelIds;
    for (const auto& l : region.levels) levelIds.push_back(l.id);
    const YAML::Node actorsNode = root["actors"];
    for (std::size_t ai = 0; ai < region.actors.size(); ++ai) {
        for (const auto& r : region.actors[ai].representatives) {
            const YAML::Node at = actorsNode[ai]["represent"].IsDefined() ? actorsNode[ai]["represent"] : actorsNode[ai];
            if (region.level(r.level) == nullptr)
                doc.error(at, "unknown level '" + r.level + "' for actor '" + region.actors[ai].id + "'" + model::didYouMean(r.level, levelIds));
            for (const auto& topic : r.mandate)
                if (std::find(region.topics.begin(), region.topics.end(), topic) == region.topics.end())
                    doc.error(at, "unknown topic '" + topic + "' in the mandate of '" + region.actors[ai].id + "'" +
                                      model::didYouMean(topic, region.topics));
        }
    }
    if (region.weekly && region.forumIndex(region.weekly->forum) == model::kNone)
        doc.error(root["conferences"]["weekly"]["forum"], "unknown forum '" + region.weekly->forum + "'" +
                                                               model::didYouMean(region.weekly->forum, region.forumRefs()));
    if (region.weekly)
        for (std::size_t i = 0; i < region.weekly->members.size(); ++i) {
            const auto& id = region.weekly->members[i];
            if (region.actorIndex(id) != model::kNone || region.group(id) != nullptr) continue;
            const YAML::Node n = root["conferences"]["weekly"]["members"];
            doc.error(n.IsSequence() ? n[i] : n, "unknown actor or group '" + id + "' in conferences.weekly.members" + model::didYouMean(id, ids));
        }
    if (region.weekly && region.conveningBy(region.weekly->medium) == nullptr)
        doc.error(root["conferences"]["weekly"]["medium"], "unknown medium '" + region.weekly->medium + "'");
    if (region.monthly) {
        const YAML::Node at = root["conferences"]["monthly"];
        const model::ForumIndex f = region.forumIndex(region.monthly->forum);
        if (f == model::kNone)
            doc.error(at["forum"], "unknown forum '" + region.monthly->forum + "'" + model::didYouMean(region.monthly->forum, region.forumRefs()));
        else if (region.forums[f].mode != model::Mode::ordinary)
            doc.error(at["forum"], "conferences.monthly: '" + region.monthly->forum + "' is an activated-mode forum; monthly meetings are held in ordinary mode");
        if (region.conveningBy(region.monthly->medium) == nullptr)
            doc.error(at["medium"], "unknown medium '" + region.monthly->medium + "'");
    }
    if (region.convening.empty()) doc.error(root, "the region needs at least one convening medium");
}

}  // namespace

// Each rule names actors or groups of `region` (or nobody: every actor), when they report at
// conferences and how often besides.
void readReporting(YamlDocument& doc, const YAML::Node& node, model::Region& region) {
    std::vector<std::string> names = region.actorIds();
    for (const auto& g : region.groups) names.push_back(g.id);
    auto rules = readList<model::ReportingRule>(doc, node, "reporting", [&](MapView& map, const YAML::Node&) {
        model::ReportingRule rule;
        if (auto v = map.get("actors")) {
            rule.actors = doc.stringList(*v, "actors");
            for (std::size_t i = 0; i < rule.actors.size(); ++i) {
                const auto& id = rule.actors[i];
                if (region.actorIndex(id) == model::kNone && region.group(id) == nullptr)
                    doc.error(v->IsSequence() ? (*v)[i] : *v,
                              "unknown actor or group '" + id + "' in reporting" + model::didYouMean(id, names));
            }
            if (v->IsSequence() && rule.actors.empty()) doc.error(*v, "reporting: 'actors' names nobody; leave it out to mean every actor");
        }
        if (auto v = map.get("at_conference")) rule.doctrine.atConference = doc.boolean(*v, "at_conference").value_or(false);
        if (auto v = map.get("every")) {
            rule.doctrine.every = doc.duration(*v, "every").value_or(-1);
            if (rule.doctrine.every == 0) doc.error(*v, "reporting: 'every' must be longer than 0; leave it out for no interval");
            rule.doctrine.every = std::max<engine::Millis>(rule.doctrine.every, 0);
        }
        return rule;
    });
    region.reporting.insert(region.reporting.end(), rules.begin(), rules.end());
}

bool readRegionDocument(YamlDocument& doc, Region& region) {
    const std::size_t before = doc.errorCount();
    MapView map(doc, doc.root(), "the region file");
    region.file = doc.file();
    map.requireFormat("samverkan-region/1");
    if (auto v = map.require("id")) region.id = doc.identifier(*v, "id").value_or("");
    if (auto v = map.require("name")) region.name = doc.text(*v, "name").value_or(model::Text{});
    if (auto v = map.require("council")) {
        MapView c(doc, *v, "council");
        if (c.ok()) {
            if (auto n = c.require("name")) region.council = doc.text(*n, "name").value_or(model::Text{});
            if (auto n = c.require("purpose")) region.councilPurpose = doc.text(*n, "purpose").value_or(model::Text{});
            c.finish();
        }
    }
    if (auto v = map.require("convener")) region.convener = doc.scalar(*v, "convener").value_or("");
    if (auto v = map.require("topics")) {
        region.topics = doc.stringList(*v, "topics");
        checkRepeats(doc, *v, "topics", region.topics);
    }
    if (auto v = map.get("topic_implement_delays")) {
        MapView delays(doc, *v, "topic_implement_delays");
        if (delays.ok())
            for (const auto& kv : *v) {
                const std::string topic = kv.first.Scalar();
                delays.get(topic);
                if (std::find(region.topics.begin(), region.topics.end(), topic) == region.topics.end())
                    doc.errorAt(kv.first.Mark(), "unknown topic '" + topic + "'" + model::didYouMean(topic, region.topics));
                if (const auto d = doc.duration(kv.second, topic)) region.topicImplementDelays.emplace_back(topic, *d);
            }
        delays.finish();
    }
    if (auto v = map.require("levels")) readLevels(doc, *v, region);
    if (auto v = map.require("convening")) readConvening(doc, *v, region);
    if (auto v = map.require("call_in_delay")) region.callInDelay = doc.duration(*v, "call_in_delay").value_or(0);
    if (auto v = map.get("conferences")) readConferences(doc, *v, region);
    std::vector<model::Actor> templates;
    if (auto v = map.get("templates")) readTemplates(doc, *v, templates);
    if (auto v = map.require("actors")) readActors(doc, *v, templates, region);
    if (auto v = map.get("groups")) readGroups(doc, *v, region);
    if (auto v = map.get("reporting")) readReporting(doc, *v, region);
    if (auto v = map.get("on_call")) readOnCall(doc, *v, region);
    if (auto v = map.get("alerting")) readAlerting(doc, *v, region);
    // The doctrine's rules name forums, measures and services of a scenario: a scenario that uses
    // the region reads and checks them (readBehaviour).
    map.get("behaviour");
    map.finish();
    if (doc.errorCount() == before) checkRegion(doc, doc.root(), region);
    return doc.errorCount() == before;
}

namespace {
// `content` null: read the file at `path`.
Loaded<Region> loadRegionFrom(const std::string& path, const std::string* content, const Limits& limits) {
    return guardedLoad<Region>(path, [&](Loaded<Region>& result) {
        YamlDocument doc(path, limits, result.diagnostics);
        Region region;
        if ((content ? doc.loadText(*content) : doc.load()) && readRegionDocument(doc, region)) {
            region.index();
            result.value = std::move(region);
        }
        sortDiagnostics(result.diagnostics);
    });
}
}  // namespace

Loaded<Region> loadRegion(const std::string& path, const Limits& limits) { return loadRegionFrom(path, nullptr, limits); }

Loaded<Region> loadRegionText(const std::string& path, const std::string& text, const Limits& limits) {
    return loadRegionFrom(path, &text, limits);
}

}  // namespace samverkan::scenario
