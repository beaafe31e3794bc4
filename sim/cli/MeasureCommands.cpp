#include "sim/cli/MeasureCommands.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

#include "sim/cli/Support.hpp"
#include "sim/protocol/CommandFields.hpp"
#include "sim/render/Renderer.hpp"
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

// An actor by its name, a group by its name and size.
std::string who(const render::Renderer& words, const std::string& id, Lang lang) {
    const auto name = words.actor(id).in(lang);
    if (const auto* g = words.scenario().region.group(id))
        return name + " (" + std::to_string(g->members.size()) + (lang == Lang::sv ? " aktörer)" : " actors)");
    return name;
}

// The display name of something the world model or the region names by id.
std::string named(const render::Renderer& words, const std::string& id, Lang lang) {
    if (const auto& w = words.scenario().world) {
        if (const auto* x = model::findById(w->services, id)) return x->name.in(lang);
        if (const auto* x = model::findById(w->demands, id)) return x->name.in(lang);
        if (const auto* x = model::findById(w->resources, id)) return x->name.in(lang);
        if (const auto* x = model::findById(w->outcomes, id)) return x->name.in(lang);
    }
    return who(words, id, lang);
}

std::vector<std::string> allNamed(const render::Renderer& words, const std::vector<std::string>& ids, Lang lang) {
    std::vector<std::string> out;
    for (const auto& id : ids) out.push_back(named(words, id, lang));
    return out;
}

std::string changeText(const render::Renderer& words, const world::Change& c, Lang lang) {
    if (!c.list.empty()) return words.list(c.list).in(lang) + ": " + joined(allNamed(words, c.order, lang));
    if (!c.outcome.empty()) return named(words, c.outcome, lang) + " +" + protocol::formatNumber(c.add);
    const std::string what = named(words, c.demand.empty() ? c.resource : c.demand, lang);
    if (c.add != 0) return what + " +" + protocol::formatNumber(c.add);
    return what + " ×" + protocol::formatNumber(c.factor);
}

std::string hours(double h, Lang lang) {
    return render::Renderer::duration(static_cast<engine::Millis>(h * static_cast<double>(engine::kHour))).in(lang);
}

std::string percent(double v) { return std::to_string(static_cast<int>(v * 100.0 + 0.5)) + " %"; }

// "assumption" is the project's word for its own estimates; other sources are citations, as written.
std::string source(const std::string& s, Lang lang) { return s == "assumption" && lang == Lang::sv ? "antagande" : s; }

std::string paramText(const render::Renderer& words, const model::MeasureParam& p, Lang lang) {
    const bool sv = lang == Lang::sv;
    const std::string out = p.name.in(lang) + " (" + p.id + "): ";
    switch (p.kind) {
        case model::ParamKind::share:
            return out + (sv ? "andel " : "share ") + percent(p.min) + "–" + percent(p.max) + (sv ? ", förval " : ", default ") +
                   percent(p.defaultValue);
        case model::ParamKind::until:
            return out + hours(p.min, lang) + "–" + hours(p.max, lang) + (sv ? " efter början, förval " : " after onset, default ") +
                   hours(p.defaultValue, lang);
        case model::ParamKind::areas:
        case model::ParamKind::order:
            return out + (p.kind == model::ParamKind::areas ? (sv ? "områden" : "areas") : (sv ? "ordning" : "order")) +
                   (sv ? "; val: " : "; choices: ") + joined(allNamed(words, p.choices, lang)) + (sv ? "; förval: " : "; default: ") +
                   joined(allNamed(words, p.defaultItems, lang));
    }
    return out;
}

void printText(const scenario::Scenario& s, Lang lang, std::ostream& out) {
    const bool sv = lang == Lang::sv;
    const render::Renderer words(s);
    out << (sv ? "Åtgärder i " : "Measures in ") << "'" << s.title.in(lang) << "' (" << s.measures.size() << ")\n";
    for (std::size_t i = 0; i < s.measures.size(); ++i) {
        const auto& m = s.measures[i];
        out << "\n" << m.name.in(lang) << "  [" << m.id << "]\n  " << m.explanation.in(lang) << "\n";
        out << (sv ? "  Beslutas av: " : "  Decided by: ") << joined(allNamed(words, m.deciders, lang)) << "\n";
        out << (sv ? "  Mandat som behövs: " : "  Mandate needed: ") << words.topic(m.topic).in(lang) << "\n";
        for (const auto& p : m.params) out << (sv ? "  Parameter: " : "  Parameter: ") << paramText(words, p, lang) << "\n";
        out << (sv ? "  Genomförande: " : "  Implementation: ") << render::Renderer::duration(m.implementation).in(lang);
        for (const auto& [id, delay] : m.implementationBy)
            out << "; " << who(words, id, lang) << " " << render::Renderer::duration(delay).in(lang);
        out << "\n";
        if (s.world)
            for (const auto& e : s.world->effects) {
                if (e.on != world::EffectTrigger::measure || e.measure != i) continue;
                std::vector<std::string> changes;
                for (const auto& c : e.changes) changes.push_back(changeText(words, c, lang));
                out << (sv ? "  Effekt: " : "  Effect: ") << e.label.in(lang) << " — " << joined(changes);
                if (e.lead > 0)
                    out << (sv ? "; full verkan " : "; full strength ") << render::Renderer::duration(e.lead).in(lang)
                        << (sv ? " före början" : " before onset");
                out << (sv ? " (källa: " : " (source: ") << source(e.source, lang) << ")\n";
            }
        std::vector<std::string> claims;
        for (const auto& c : m.claims)
            claims.push_back(named(words, c.outcome, lang) + (c.direction == model::Direction::down ? " ↓" : " ↑"));
        out << (sv ? "  Påverkar: " : "  Changes: ") << joined(claims) << "\n";
        out << (sv ? "  Källa: " : "  Source: ") << source(m.source, lang) << "\n";
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
