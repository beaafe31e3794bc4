#include "sim/cli/SensitivityCommands.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <ostream>

#include "sim/analysis/Curve.hpp"
#include "sim/analysis/Sensitivity.hpp"
#include "sim/cli/Support.hpp"
#include "sim/model/Names.hpp"

namespace samverkan::cli {

CLI::App* addSensitivity(CLI::App& app, SensitivityArgs& args) {
    auto* c = app.add_subcommand("sensitivity", "Rank the world's uncertain figures by how much each moves each outcome over its range");
    c->add_option("scenario", args.scenario, "Scenario file, or the name of a shipped scenario")->required();
    c->add_option("--play", args.play, "The play to run (default: the scenario's default, doctrine where it has rules)");
    c->add_option("--runs", args.runs, "Seeds per setting (default 10): the scenario's seed, +1, …")->check(CLI::Range(1, 10000));
    c->add_option("--outcome", args.outcome, "The outcome of the tornado chart (default: the first)");
    c->add_option("--only", args.only, "Vary only this figure (repeatable), e.g. local-streets.network.stuck_rate");
    c->add_option("--top", args.top, "Rows per outcome in the text table (default 10)")->check(CLI::Range(1, 1000));
    c->add_option("--format", args.format, "text, csv or json")->check(CLI::IsMember({"text", "csv", "json"}));
    c->add_option("--svg", args.svg, "Write the tornado chart as SVG");
    c->add_option("--png", args.png, "Write the tornado chart as PNG");
    return c;
}

int doSensitivity(const SensitivityArgs& args, std::ostream& out, std::ostream& err) {
    auto loaded = loadScenarioArg(args.scenario, err);
    if (!loaded) return kInputError;
    const auto& s = *loaded;
    if (!s.world) {
        err << "samverkan sensitivity: scenario '" << s.id << "' has no world model\n";
        return kInputError;
    }
    if (!args.play.empty() && (!s.knowsPlay(args.play) || args.play == "none")) {
        err << "samverkan sensitivity: unknown play '" << args.play << "'" << model::didYouMean(args.play, s.playNames()) << "\n";
        return kInputError;
    }
    const auto all = analysis::rangedParams(*s.world);
    std::vector<std::string> names;
    for (const auto& p : all) names.push_back(p.name);
    for (const auto& o : args.only)
        if (std::find(names.begin(), names.end(), o) == names.end()) {
            err << "samverkan sensitivity: --only: no figure with a range is called '" << o << "'" << model::didYouMean(o, names) << "\n";
            return kInputError;
        }
    if (all.empty()) {
        err << "samverkan sensitivity: no figure of '" << s.id << "' gives a range in its source (\"assumption (range 2–6)\")\n";
        return kInputError;
    }
    std::vector<std::string> outcomes;
    for (const auto& o : s.world->outcomes) outcomes.push_back(o.id);
    if (outcomes.empty()) {
        err << "samverkan sensitivity: scenario '" << s.id << "' has no outcomes to rank figures by\n";
        return kInputError;
    }
    std::size_t chart = 0;
    if (!args.outcome.empty()) {
        const auto it = std::find(outcomes.begin(), outcomes.end(), args.outcome);
        if (it == outcomes.end()) {
            err << "samverkan sensitivity: --outcome: unknown outcome '" << args.outcome << "'" << model::didYouMean(args.outcome, outcomes) << "\n";
            return kInputError;
        }
        chart = static_cast<std::size_t>(it - outcomes.begin());
    }
    for (const auto* path : {&args.svg, &args.png})
        if (!path->empty() && !std::ofstream(*path, std::ios::binary | std::ios::app)) {
            err << "samverkan sensitivity: cannot write " << *path << "\n";
            return kInputError;
        }
    analysis::SensitivityOptions o;
    o.play = args.play;
    o.runs = args.runs;
    o.only = args.only;
    const auto r = analysis::sensitivity(s, o);
    if (args.format == "json") {
        nlohmann::ordered_json j;
        j["scenario"] = s.id;
        j["play"] = args.play.empty() ? s.defaultPlay() : args.play;
        j["runs"] = r.runs;
        j["not_varied"] = r.notVaried;
        for (const auto& p : r.params) j["figures"].push_back({{"name", p.name}, {"base", p.base}, {"low", p.low}, {"high", p.high}, {"source", p.source}});
        for (std::size_t k = 0; k < r.outcomes.size(); ++k) {
            nlohmann::ordered_json x{{"outcome", r.outcomes[k]}, {"base", r.baseMeans[k]}};
            for (const auto& w : r.swings[k])
                x["swings"].push_back({{"figure", r.params[w.param].name}, {"at_low", w.atLow}, {"at_high", w.atHigh}, {"swing", w.swing}, {"elasticity", w.elasticity}});
            j["outcomes"].push_back(x);
        }
        out << j.dump(2) << "\n";
    } else if (args.format == "csv") {
        out << "outcome,base,figure,low,figure_base,high,at_low,at_high,swing,elasticity\n" << std::setprecision(10);
        for (std::size_t k = 0; k < r.outcomes.size(); ++k)
            for (const auto& w : r.swings[k]) {
                const auto& p = r.params[w.param];
                out << r.outcomes[k] << "," << r.baseMeans[k] << "," << p.name << "," << p.low << "," << p.base << "," << p.high << "," << w.atLow << ","
                    << w.atHigh << "," << w.swing << "," << w.elasticity << "\n";
            }
    } else {
        out << s.title.en << " — " << (args.play.empty() ? s.defaultPlay() : args.play) << ", " << r.runs << " runs a setting, "
            << r.params.size() << " figures with a range, each at both ends, the others as given\n";
        for (const auto& why : r.notVaried) out << "  not varied: " << why << "\n";
        for (std::size_t k = 0; k < r.outcomes.size(); ++k) {
            out << "\n" << r.outcomes[k] << " (base " << std::fixed << std::setprecision(0) << r.baseMeans[k] << std::defaultfloat << ")\n";
            out << "  " << std::left << std::setw(60) << "figure (range)" << std::right << std::setw(14) << "at low" << std::setw(14) << "at high"
                << std::setw(9) << "swing" << std::setw(12) << "elasticity" << "\n";
            for (std::size_t i = 0; i < std::min(args.top, r.swings[k].size()); ++i) {  // largest first
                const auto& w = r.swings[k][i];
                const auto& p = r.params[w.param];
                std::ostringstream range;
                range << p.name << " (" << p.low << "–" << p.high << ")";
                out << "  " << std::left << std::setw(60) << range.str() << std::right << std::fixed << std::setprecision(0) << std::setw(14)
                    << w.atLow << std::setw(14) << w.atHigh << std::setprecision(1) << std::setw(8) << 100 * w.swing << "%" << std::setprecision(2)
                    << std::setw(12) << w.elasticity << std::defaultfloat << "\n";
            }
        }
    }
    if (!args.svg.empty() || !args.png.empty()) {
        const auto svg = analysis::tornadoSvg(r, chart, s.title.en + ": what moves " + r.outcomes[chart]);
        if (!args.svg.empty()) {
            std::ofstream f(args.svg, std::ios::binary);
            f << svg;
            if (!f) {
                err << "samverkan sensitivity: cannot write " << args.svg << "\n";
                return kRuntimeFailure;
            }
        }
        std::string error;
        if (!args.png.empty() && !analysis::svgToPng(svg, args.png, error)) {
            err << "samverkan sensitivity: " << error << "\n";
            return kRuntimeFailure;
        }
    }
    return kOk;
}

}  // namespace samverkan::cli
