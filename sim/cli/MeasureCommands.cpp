#include "sim/cli/MeasureCommands.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

#include "sim/cli/Support.hpp"
#include "sim/protocol/CommandFields.hpp"
#include "sim/scenario/Scenario.hpp"

namespace samverkan::cli {
namespace {

using model::Lang;
using nlohmann::ordered_json;

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

// An actor by its name, a group by its id and size.
std::string who(const scenario::Scenario& s, const std::string& id, Lang lang) {
    if (const auto a = s.region.actorIndex(id); a != model::kNone) return s.region.actors[a].name.in(lang);
    if (const auto* g = s.region.group(id))
        return id + " (" + std::to_string(g->members.size()) + (lang == Lang::sv ? " aktörer)" : " actors)");
    return id;
}

// The display name of something the world model or the region names by id; the id if none.
std::string named(const scenario::Scenario& s, const std::string& id, Lang lang) {
    if (s.world) {
        const auto& w = *s.world;
        if (const auto* x = model::findById(w.services, id)) return x->name.in(lang);
        if (const auto* x = model::findById(w.demands, id)) return x->name.in(lang);
        if (const auto* x = model::findById(w.resources, id)) return x->name.in(lang);
        if (const auto* x = model::findById(w.outcomes, id)) return x->name.in(lang);
    }
    return who(s, id, lang);
}

std::vector<std::string> allNamed(const scenario::Scenario& s, const std::vector<std::string>& ids, Lang lang) {
    std::vector<std::string> out;
    for (const auto& id : ids) out.push_back(named(s, id, lang));
    return out;
}

std::string changeText(const scenario::Scenario& s, const world::Change& c, Lang lang) {
    if (!c.list.empty()) return joined(allNamed(s, c.order, lang));
    if (!c.outcome.empty()) return named(s, c.outcome, lang) + " +" + protocol::formatNumber(c.add);
    const std::string what = named(s, c.demand.empty() ? c.resource : c.demand, lang);
    if (c.add != 0) return what + " +" + protocol::formatNumber(c.add);
    return what + " ×" + protocol::formatNumber(c.factor);
}

std::string paramText(const scenario::Scenario& s, const model::MeasureParam& p, Lang lang) {
    const bool sv = lang == Lang::sv;
    std::string out = p.id + " (" + p.name.in(lang) + "): " + model::paramKindName(p.kind);
    switch (p.kind) {
        case model::ParamKind::share:
            return out + " " + protocol::formatNumber(p.min) + "–" + protocol::formatNumber(p.max) +
                   (sv ? ", förval " : ", default ") + protocol::formatNumber(p.defaultValue);
        case model::ParamKind::until: {
            const auto d = [](double h) {
                return engine::formatDuration(static_cast<engine::Millis>(h * static_cast<double>(engine::kHour)));
            };
            return out + " " + d(p.min) + "–" + d(p.max) + (sv ? " efter början, förval " : " after onset, default ") +
                   d(p.defaultValue);
        }
        case model::ParamKind::areas:
        case model::ParamKind::order:
            return out + (sv ? "; val: " : "; choices: ") + joined(allNamed(s, p.choices, lang)) +
                   (sv ? "; förval: " : "; default: ") + joined(allNamed(s, p.defaultItems, lang));
    }
    return out;
}

void printText(const scenario::Scenario& s, Lang lang, std::ostream& out) {
    const bool sv = lang == Lang::sv;
    out << (sv ? "Åtgärder i " : "Measures in ") << "'" << s.title.in(lang) << "' (" << s.measures.size() << ")\n";
    for (std::size_t i = 0; i < s.measures.size(); ++i) {
        const auto& m = s.measures[i];
        out << "\n" << m.id << " — " << m.name.in(lang) << "\n  " << m.explanation.in(lang) << "\n";
        out << (sv ? "  Beslutas av: " : "  Decided by: ") << joined(allNamed(s, m.deciders, lang)) << "\n";
        out << (sv ? "  Mandat (ämne): " : "  Mandate (topic): ") << m.topic << "\n";
        for (const auto& p : m.params) out << (sv ? "  Parameter: " : "  Parameter: ") << paramText(s, p, lang) << "\n";
        out << (sv ? "  Genomförande: " : "  Implementation: ") << engine::formatDuration(m.implementation);
        for (const auto& [id, delay] : m.implementationBy)
            out << "; " << who(s, id, lang) << " " << engine::formatDuration(delay);
        out << "\n";
        if (s.world)
            for (const auto& e : s.world->effects) {
                if (e.on != world::EffectTrigger::measure || e.measure != i) continue;
                std::vector<std::string> changes;
                for (const auto& c : e.changes) changes.push_back(changeText(s, c, lang));
                out << (sv ? "  Effekt: " : "  Effect: ") << e.label.in(lang) << " — " << joined(changes);
                if (e.lead > 0)
                    out << (sv ? "; full verkan " : "; full strength ") << engine::formatDuration(e.lead)
                        << (sv ? " före början" : " before onset");
                out << (sv ? " (källa: " : " (source: ") << e.source << ")\n";
            }
        std::vector<std::string> claims;
        for (const auto& c : m.claims)
            claims.push_back(named(s, c.outcome, lang) + (c.direction == model::Direction::down ? " ↓" : " ↑"));
        out << (sv ? "  Påverkar: " : "  Changes: ") << joined(claims) << "\n";
        out << (sv ? "  Källa: " : "  Source: ") << m.source << "\n";
    }
}

ordered_json text(const model::Text& t) {
    return {{"sv", t.sv}, {"en", t.en}};
}

ordered_json effectJson(const world::EffectSpec& e) {
    ordered_json changes = ordered_json::array();
    for (const auto& c : e.changes) {
        ordered_json j;
        if (!c.demand.empty()) j["demand"] = c.demand;
        if (!c.resource.empty()) j["resource"] = c.resource;
        if (!c.outcome.empty()) j["outcome"] = c.outcome;
        if (!c.list.empty())
            j["list"] = c.list, j["order"] = c.order;
        else if (c.add != 0)
            j["add"] = c.add;
        else
            j["factor"] = c.factor;
        changes.push_back(j);
    }
    return {{"label", text(e.label)},
            {"lead_ms", e.lead},
            {"floor", e.floor},
            {"start_before_onset_ms", e.startBeforeOnset},
            {"end_after_onset_ms", e.endAfterOnset},
            {"source", e.source},
            {"changes", changes}};
}

ordered_json measuresJson(const scenario::Scenario& s) {
    ordered_json list = ordered_json::array();
    for (std::size_t i = 0; i < s.measures.size(); ++i) {
        const auto& m = s.measures[i];
        ordered_json params = ordered_json::array();
        for (const auto& p : m.params) {
            ordered_json j{{"id", p.id},
                           {"name", text(p.name)},
                           {"explanation", text(p.explanation)},
                           {"kind", model::paramKindName(p.kind)}};
            if (p.takesItems())
                j["choices"] = p.choices, j["default"] = p.defaultItems;
            else
                j["min"] = p.min, j["max"] = p.max, j["default"] = p.defaultValue;
            params.push_back(j);
        }
        ordered_json by = ordered_json::object();
        for (const auto& [id, delay] : m.implementationBy) by[id] = delay;
        ordered_json claims = ordered_json::array();
        for (const auto& c : m.claims)
            claims.push_back(
                {{"outcome", c.outcome}, {"direction", c.direction == model::Direction::down ? "down" : "up"}});
        ordered_json effects = ordered_json::array();
        if (s.world)
            for (const auto& e : s.world->effects)
                if (e.on == world::EffectTrigger::measure && e.measure == i) effects.push_back(effectJson(e));
        list.push_back({{"id", m.id},
                        {"name", text(m.name)},
                        {"explanation", text(m.explanation)},
                        {"deciders", m.deciders},
                        {"topic", m.topic},
                        {"params", params},
                        {"implementation_ms", m.implementation},
                        {"implementation_by", by},
                        {"claims", claims},
                        {"effects", effects},
                        {"source", m.source}});
    }
    return {{"scenario", s.id}, {"measures", list}};
}

}  // namespace

CLI::App* addMeasures(CLI::App& app, MeasuresArgs& args) {
    auto* cmd = app.add_subcommand("measures",
                                   "List what the roles of a scenario can decide: who, mandate, parameters, effects");
    cmd->add_option("scenario", args.scenario, "Scenario file, or the name of a shipped scenario")->required();
    cmd->add_option("--lang", args.lang, "Language: sv or en")->check(CLI::IsMember({"sv", "en"}));
    cmd->add_option("--format", args.format, "text or json")->check(CLI::IsMember({"text", "json"}));
    return cmd;
}

int doMeasures(const MeasuresArgs& args, std::ostream& out, std::ostream& err) {
    const auto loaded = scenario::loadScenario(findScenario(args.scenario));
    printDiagnostics(err, loaded.diagnostics);
    if (!loaded.ok()) return kInputError;
    if (args.format == "json")
        out << measuresJson(*loaded.value).dump(2) << "\n";
    else
        printText(*loaded.value, args.lang == "en" ? Lang::en : Lang::sv, out);
    return kOk;
}

}  // namespace samverkan::cli
