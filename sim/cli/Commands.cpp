#include "sim/cli/Commands.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "sim/cli/HistoryCommands.hpp"
#include "sim/analysis/Sensitivity.hpp"
#include "sim/cli/CheckEvents.hpp"
#include "sim/cli/MeasureCommands.hpp"
#include "sim/cli/SensitivityCommands.hpp"
#include "sim/cli/Series.hpp"
#include "sim/cli/Summary.hpp"
#include "sim/cli/Support.hpp"
#include "sim/cli/SweepCommands.hpp"
#include "sim/cli/Timeline.hpp"
#include "sim/model/Names.hpp"
#include "sim/analysis/Sweep.hpp"
#include "sim/eval/Format.hpp"
#include "sim/eval/Report.hpp"
#include "sim/eval/Svg.hpp"
#include "sim/exercise/Files.hpp"
#include "sim/exercise/Replay.hpp"
#include "sim/scenario/InputFile.hpp"

namespace samverkan::cli {
namespace {

namespace fs = std::filesystem;

// A file that cannot be read is no region file; the scenario loader then says why it cannot be read.
bool isRegionFile(const std::string& path) {
    std::string text, unreadable;
    if (!scenario::readInputFile(path, scenario::Limits{}.maxFileBytes, text, unreadable)) return false;
    std::istringstream in(text);
    std::string line;
    for (int i = 0; i < 20 && std::getline(in, line); ++i)
        if (line.rfind("format:", 0) == 0) return line.find("samverkan-region/") != std::string::npos;
    return false;
}

struct RunArgs {
    std::string scenario, play, until, journal, format = "text", lang = "sv", variant, series, seriesFormat;
    std::vector<std::string> trainees;
    std::optional<std::uint64_t> seed;
    RecordArgs record;
};

int doValidate(const std::vector<std::string>& files, std::ostream& out, std::ostream& err) {
    int status = kOk;
    for (const auto& arg : files) {
        const std::string file = findScenario(arg);
        if (isRegionFile(file)) {
            const auto region = scenario::loadRegion(file);
            printDiagnostics(err, region.diagnostics);
            if (!region.ok()) status = kInputError;
            else out << file << ": ok (region '" << region.value->id << "', " << region.value->actors.size() << " actors, "
                     << region.value->forums.size() << " forums)\n";
            continue;
        }
        const auto loaded = loadScenarioArg(file, err);
        if (!loaded) {
            status = kInputError;
            continue;
        }
        const auto& s = *loaded;
        std::string plays;
        for (const auto& p : s.plays) plays += (plays.empty() ? "" : ", ") + p.name;
        if (!s.behaviour.empty()) plays += ", " + scenario::kDoctrinePlay + " (" + std::to_string(s.behaviour.size()) + " rules)";
        out << file << ": ok (scenario '" << s.id << "', " << s.injects.size() << " injects, " << s.decisionPoints.size()
            << " decision points, plays: " << plays << ")\n";
    }
    return status;
}

int doRun(const RunArgs& a, std::ostream& out, std::ostream& err, const Environment& env) {
    auto loaded = loadScenarioArg(a.scenario, err);
    if (!loaded) return kInputError;
    auto& s = *loaded;
    exercise::Options options;
    options.seed = a.seed;
    options.trainees = a.trainees;
    if (!a.variant.empty()) {
        bool known = false;
        std::string names;
        for (const auto& v : s.variants) {
            known = known || v.id == a.variant;
            names += (names.empty() ? "" : ", ") + v.id;
        }
        if (!known) {
            err << "samverkan run: unknown variant '" << a.variant << "'; " << s.id << " has: " << (names.empty() ? "none" : names) << "\n";
            return kInputError;
        }
        options.variant = a.variant;
    }
    if (a.play.empty() || s.knowsPlay(a.play)) {
        options.playName = a.play.empty() ? s.defaultPlay() : a.play;
    } else if (scenario::pathExists(a.play)) {
        auto play = scenario::loadPlayFile(a.play, s);
        if (!play.ok()) {
            printDiagnostics(err, play.diagnostics);
            return kInputError;
        }
        options.playName = play.value->name;
        options.play = std::move(play.value);
        options.playFile = a.play;
    } else {
        std::string names;
        for (const auto& p : s.plays) names += (names.empty() ? "" : ", ") + p.name;
        if (!s.behaviour.empty()) names += ", " + scenario::kDoctrinePlay;
        err << "samverkan run: unknown play '" << a.play << "'; " << s.id << " has: " << names << ", or none, or a play file\n";
        return kInputError;
    }
    engine::Millis until = s.duration;
    if (!a.until.empty()) {
        const auto t = engine::parseOffset(a.until);
        if (!t || *t < 0) {
            err << "samverkan run: --until must look like \"+6h\" or \"1d\"; got \"" << a.until << "\"\n";
            return kInputError;
        }
        until = *t;
    }
    for (const auto& role : a.trainees)
        if (s.region.actorIndex(role) == model::kNone) {
            err << "samverkan run: unknown trainee role '" << role << "'" << model::didYouMean(role, s.region.actorIds()) << "\n";
            return kInputError;
        }
    const model::Lang lang = a.lang == "en" ? model::Lang::en : model::Lang::sv;

    std::optional<exercise::AtomicFile> journalFile;
    std::string error;
    if (!a.journal.empty()) {
        journalFile.emplace(a.journal);
        if (!journalFile->open(error)) {
            err << "samverkan run: " << error << " (the journal)\n";
            return kRuntimeFailure;
        }
        options.journalOut = &journalFile->stream();
    }
    std::optional<exercise::AtomicFile> seriesFile;
    if (!a.series.empty()) {
        if (!s.world) {
            err << "samverkan run: --series: scenario '" << s.id << "' has no world model to write\n";
            return kInputError;
        }
        seriesFile.emplace(a.series);
        if (!seriesFile->open(error)) {
            err << "samverkan run: " << error << " (the series)\n";
            return kRuntimeFailure;
        }
        options.worldDetail = true;
    }
    exercise::Exercise run(s, options);
    run.runUntil(until);
    if (journalFile && !journalFile->commit(error)) {
        err << "samverkan run: " << error << " (the journal)\n";
        return kRuntimeFailure;
    }
    if (seriesFile) {
        const bool json = a.seriesFormat == "json" ||
                          (a.seriesFormat.empty() && a.series.size() >= 5 && a.series.compare(a.series.size() - 5, 5, ".json") == 0);
        if (json) writeSeriesJson(seriesFile->stream(), run);
        else writeSeriesCsv(seriesFile->stream(), run);
        if (!seriesFile->commit(error)) {
            err << "samverkan run: " << error << " (the series)\n";
            return kRuntimeFailure;
        }
    }
    if (a.format == "json") printJson(out, run);
    else {
        printTimeline(out, run, lang);
        printSummary(out, run, lang);
    }
    if (a.record.wanted()) return recordRuns(a.record, std::nullopt, {analysis::runRecord(run, "run", a.journal, a.record.when(env), a.record.label)}, err);
    return kOk;
}

int doReplay(const std::string& path, std::ostream& out, std::ostream& err) {
    const auto read = exercise::readJournal(path);
    if (!read.ok()) {
        printDiagnostics(err, read.diagnostics);
        return kInputError;
    }
    const auto result = exercise::replay(*read.value, path);
    if (!result.ok()) {
        printDiagnostics(err, result.diagnostics);
        return kInputError;
    }
    const auto& r = *result.value;
    if (r.identical) {
        out << path << ": replayed " << r.lines << " entries; identical byte for byte\n";
        return kOk;
    }
    printReplayDifference(err, path, r);
    return kRuntimeFailure;
}

struct ReportArgs {
    std::string journal, output, format = "html", lang = "sv";
    std::string curve, curveX, curveY;  ///< a sweep's results to draw the escalation curve from
    bool sensitivity = false;           ///< add what the outcomes depend on (the world's uncertain figures)
    std::size_t sensitivityRuns = 10;
};

// What the outcomes depend on: the sensitivity of the exercise's scenario over the ranges its
// sources give, with the exercise's play where it is a scripted one, else the doctrine.
eval::ReportSection sensitivitySection(const ReportArgs& a, const exercise::Exercise& run, model::Lang lang) {
    const bool sv = lang == model::Lang::sv;
    const auto& s = run.scenario();
    analysis::SensitivityOptions o;
    o.runs = a.sensitivityRuns;
    o.play = s.play(run.playName()) != nullptr ? run.playName() : std::string(scenario::kDoctrinePlay);
    const auto r = analysis::sensitivity(s, o);
    eval::ReportSection section;
    section.id = "sensitivity";
    section.heading = sv ? "Vad utfallen beror på" : "What the outcomes depend on";
    const std::string note =
        (sv ? "Varje osäker siffra i världsmodellen sätts till var ände av sitt rimliga intervall (ur dess källa), de andra som de är; medel av "
            : "Each uncertain figure of the world model set to each end of its plausible range (from its source), the others as given; mean of ") +
        std::to_string(r.runs) + (sv ? " körningar med spelet " : " runs with the play ") + o.play +
        (sv ? " (inte de övandes egna beslut)." : " (not the trainees' own decisions).");
    std::string html = r.outcomes.empty() || r.params.empty() ? std::string{} : analysis::tornadoSvg(r, 0, s.title.in(lang) + ": " + r.outcomes[0]);
    html += "<p class=\"legend\">" + eval::escapeXml(note) + "</p>";
    std::string md = note + "\n\n";
    for (std::size_t k = 0; k < r.outcomes.size(); ++k) {
        html += "<h3>" + eval::escapeXml(r.outcomes[k]) + " (" + eval::grouped(r.baseMeans[k]) + ")</h3><table><tr><th>" +
                (sv ? "siffra (intervall)" : "figure (range)") + "</th><th>" + (sv ? "vid lägsta" : "at low") + "</th><th>" +
                (sv ? "vid högsta" : "at high") + "</th><th>" + (sv ? "utslag" : "swing") + "</th></tr>";
        md += "**" + r.outcomes[k] + "** (" + eval::grouped(r.baseMeans[k]) + ")\n\n| " + (sv ? "siffra (intervall)" : "figure (range)") +
              " | " + (sv ? "vid lägsta" : "at low") + " | " + (sv ? "vid högsta" : "at high") + " | " + (sv ? "utslag" : "swing") + " |\n|---|---|---|---|\n";
        for (std::size_t i = 0; i < std::min<std::size_t>(5, r.swings[k].size()); ++i) {
            const auto& w = r.swings[k][i];
            const auto& p = r.params[w.param];
            const std::string name = p.name + " (" + analysis::formatValue(p.low) + "–" + analysis::formatValue(p.high) + ")";
            const std::string swing = eval::grouped(100 * w.swing) + " %";
            html += "<tr><td>" + eval::escapeXml(name) + "</td><td class=\"num\">" + eval::grouped(w.atLow) + "</td><td class=\"num\">" +
                    eval::grouped(w.atHigh) + "</td><td class=\"num\">" + swing + "</td></tr>";
            md += "| " + name + " | " + eval::grouped(w.atLow) + " | " + eval::grouped(w.atHigh) + " | " + swing + " |\n";
        }
        html += "</table>";
        md += "\n";
    }
    section.html = html;
    section.markdown = md;
    return section;
}

// The escalation curve for the report: the sweep's curve with this exercise's own timing and
// outcome marked (for activation parameters: when Länsstyrelsen convened that forum).
std::optional<eval::ReportSection> curveSection(const ReportArgs& a, const exercise::Exercise& run, model::Lang lang, std::ostream& err) {
    const auto table = readResults(a.curve, err);
    if (!table) return std::nullopt;
    const auto curve = curveFromResults(*table, a.curveX, a.curveY, err);
    if (!curve) return std::nullopt;
    const bool sv = lang == model::Lang::sv;
    const auto& s = run.scenario();
    const auto names = analysis::metricNames(s);
    const auto at = std::find(names.begin(), names.end(), curve->y);
    if (at == names.end()) {
        err << "samverkan report: the curve's metric '" << curve->y << "' is not measured for scenario '" << s.id << "'\n";
        return std::nullopt;
    }
    std::vector<double> own(names.size());
    analysis::runMetrics(run, own.data());
    std::optional<analysis::CurveMark> mark;
    if (curve->x.rfind("activation.", 0) == 0) {
        const auto forum = s.region.forumOf(curve->x.substr(11), model::Mode::activated);
        for (const auto& e : run.journal().entries())
            if (!mark && forum != model::kNone && e.kind == protocol::Kind::convened && e.forum == s.region.forums[forum].id)
                mark = analysis::CurveMark{static_cast<double>(e.t - analysis::firstSignal(s)) / static_cast<double>(engine::kHour),
                                           own[static_cast<std::size_t>(at - names.begin())], sv ? "den här övningen" : "this exercise"};
    }
    eval::ReportSection section;
    section.id = "curve";
    section.heading = sv ? "Eskaleringskurva" : "Escalation curve";
    const std::string title = curve->y + (sv ? " mot " : " against ") + curve->x;
    std::string note = mark ? (sv ? "Den streckade lodräta linjen visar när forumet sammankallades i den här övningen, punkten dess utfall."
                                  : "The dashed vertical line marks when the forum was convened in this exercise, the dot its outcome.")
                            : (sv ? "Övningens egen tidpunkt kan inte markeras för den här parametern."
                                  : "The exercise's own timing cannot be marked for this parameter.");
    const bool several = curve->series.size() > 1;  // a series column only when other parameters vary too
    std::string rows, md = "| " + std::string(sv ? "från (h)" : "from (h)") + " | " + (sv ? "till (h)" : "to (h)") + " | " +
                           (sv ? "kostnad per timme" : "cost per hour") + " |\n|---|---|---|\n";
    for (const auto& ser : curve->series)
        for (std::size_t i = 1; i < ser.points.size(); ++i) {
            const double per = (ser.points[i].y.mean - ser.points[i - 1].y.mean) / (ser.points[i].x - ser.points[i - 1].x);
            const std::string from = analysis::formatValue(ser.points[i - 1].x), to = analysis::formatValue(ser.points[i].x), cost = eval::grouped(per);
            rows += "<tr>" + (several ? "<td>" + eval::escapeXml(ser.label) + "</td>" : std::string{}) + "<td class=\"num\">" + from +
                    "</td><td class=\"num\">" + to + "</td><td class=\"num\">" + cost + "</td></tr>";
            md += "| " + from + " | " + to + " | " + cost + " |\n";
        }
    section.html = analysis::curveSvg(*curve, title, mark) + "<p class=\"legend\">" + eval::escapeXml(note) + "</p><table><tr>" +
                   (several ? "<th>" + std::string(sv ? "serie" : "series") + "</th>" : std::string{}) + "<th>" + (sv ? "från (h)" : "from (h)") +
                   "</th><th>" + (sv ? "till (h)" : "to (h)") +
                   "</th><th>" + (sv ? "kostnad per timmes fördröjning (medel)" : "cost of each hour of delay (mean)") + "</th></tr>" + rows +
                   "</table>";
    section.markdown = note + "\n\n" + md;
    return section;
}

int doReport(const ReportArgs& a, std::ostream& out, std::ostream& err) {
    int code = kOk;
    const auto run = rerunJournal(a.journal, err, code);
    if (!run) return code;
    const auto lang = a.lang == "en" ? model::Lang::en : model::Lang::sv;
    std::vector<eval::ReportSection> extra;
    if (!a.curve.empty()) {
        auto section = curveSection(a, *run, lang, err);
        if (!section) return kInputError;
        extra.push_back(std::move(*section));
    }
    if (a.sensitivity && run->scenario().world) extra.push_back(sensitivitySection(a, *run, lang));
    const std::string text = a.format == "md" ? eval::reportMarkdown(*run, lang, extra) : eval::reportHtml(*run, lang, extra);
    if (a.output.empty() || a.output == "-") {
        out << text;
        return kOk;
    }
    std::string error;
    if (!exercise::writeFileAtomically(a.output, text, error)) {
        err << "samverkan: " << error << "\n";
        return kRuntimeFailure;
    }
    out << a.output << ": " << (a.format == "md" ? "Markdown" : "HTML") << " report of " << run->journal().entries().size()
        << " journal entries\n";
    return kOk;
}

int doList(const std::string& dir, std::ostream& out, std::ostream& err) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    if (ec) {
        err << "samverkan list: cannot read " << dir << ": " << ec.message() << "\n";
        return kInputError;
    }
    std::sort(files.begin(), files.end());
    int status = kOk;
    for (const auto& f : files) {
        const auto loaded = loadScenarioArg(f.string(), err);
        if (!loaded) {
            status = kInputError;
            continue;
        }
        const auto& s = *loaded;
        std::string plays, variants;
        for (const auto& p : s.plays) plays += (plays.empty() ? "" : ", ") + p.name;
        for (const auto& v : s.variants) variants += (variants.empty() ? "" : ", ") + v.id;
        out << s.id << "  (" << f.filename().string() << ")\n    " << s.title.sv << " / " << s.title.en << "\n    start "
            << engine::formatIso(s.start) << ", " << engine::formatDuration(s.duration) << ", plays: " << plays;
        if (!variants.empty()) out << ", variants: " << variants;
        out << "\n";
    }
    return status;
}

bool isSubcommand(CLI::App& app, const std::string& name) {
    for (const auto* sub : app.get_subcommands({}))
        if (sub->get_name() == name) return true;
    return false;
}

}  // namespace

int runMain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Environment& env) {
    CLI::App app{"Samverkan — crisis-exercise and scenario simulator for regional crisis cooperation", "samverkan"};
    app.require_subcommand(1);
    app.set_help_all_flag("--help-all", "Show help for every subcommand");

    std::vector<std::string> validateFiles;
    auto* validate = app.add_subcommand("validate", "Check scenario and region files; report every problem as file:line:col");
    validate->add_option("files", validateFiles, "Scenario or region files")->required();

    RunArgs runArgs;
    auto* run = app.add_subcommand("run", "Run a scenario headless and print its timeline");
    run->add_option("scenario", runArgs.scenario, "Scenario file, or the name of a shipped scenario")->required();
    run->add_option("--play", runArgs.play, "doctrine (the default where the scenario has doctrine rules: every role no trainee holds follows its doctrine), a scripted play of the scenario (reference, late, alone, …), a play file, or none");
    run->add_option("--seed", runArgs.seed, "Random seed (default: the scenario's)");
    run->add_option("--until", runArgs.until, "Stop at this simulated time, e.g. +6h (default: the scenario's end)");
    run->add_option("--journal", runArgs.journal, "Write the journal (JSON Lines) to this file");
    run->add_option("--format", runArgs.format, "Output: text (a timeline) or json")->check(CLI::IsMember({"text", "json"}));
    run->add_option("--lang", runArgs.lang, "Language of the timeline: sv or en")->check(CLI::IsMember({"sv", "en"}));
    run->add_option("--variant", runArgs.variant, "A scenario variant, e.g. class-3");
    run->add_option("--series", runArgs.series, "Write every hazard, service, demand and outcome at each tick, true and as each forum knew it, to this file (CSV, or JSON for a .json file)");
    run->add_option("--series-format", runArgs.seriesFormat, "csv or json (default: from the --series file's name)")->check(CLI::IsMember({"csv", "json"}));
    run->add_option("--trainee", runArgs.trainees, "A role held by a trainee: the play leaves its steps out (repeatable)");
    addRecordOptions(*run, runArgs.record);

    std::string journalPath;
    auto* replayCmd = app.add_subcommand("replay", "Replay a journal and check that it reproduces byte for byte");
    replayCmd->add_option("journal", journalPath, "Journal file (JSON Lines)")->required();

    ReportArgs reportArgs;
    auto* report = app.add_subcommand("report", "Write the after-action report of a journal (HTML or Markdown)");
    report->add_option("journal", reportArgs.journal, "Journal file (JSON Lines)")->required();
    report->add_option("-o,--output", reportArgs.output, "Output file (default: standard output)");
    report->add_option("--format", reportArgs.format, "html (one self-contained file) or md")->check(CLI::IsMember({"html", "md"}));
    report->add_option("--lang", reportArgs.lang, "Language: sv or en")->check(CLI::IsMember({"sv", "en"}));
    report->add_option("--curve", reportArgs.curve, "Include the escalation curve from a sweep's results (CSV), marking this exercise");
    report->add_option("--curve-x", reportArgs.curveX, "The curve's parameter (default: the sweep's first)");
    report->add_option("--curve-y", reportArgs.curveY, "The curve's metric (default: the first outcome)");
    report->add_flag("--sensitivity", reportArgs.sensitivity, "Add what the outcomes depend on: the world's uncertain figures over their ranges, as a table and a tornado chart");
    report->add_option("--sensitivity-runs", reportArgs.sensitivityRuns, "Seeds per setting for --sensitivity (default 10)")->check(CLI::Range(1, 1000));

    SweepArgs sweepArgs;
    auto* sweep = addSweep(app, sweepArgs);
    MergeArgs mergeArgs;
    auto* mergeCmd = addMerge(app, mergeArgs);
    PlotArgs plotArgs;
    auto* plot = addPlot(app, plotArgs);
    HistoryArgs historyArgs;
    const auto history = addHistory(app, historyArgs);
    MeasuresArgs measuresArgs;
    auto* measures = addMeasures(app, measuresArgs);
    CheckEventsArgs checkArgs;
    auto* checkEvents = addCheckEvents(app, checkArgs);
    SensitivityArgs sensitivityArgs;
    auto* sensitivityCmd = addSensitivity(app, sensitivityArgs);

    std::string dir = SAMVERKAN_DATA_DIR;
    auto* list = app.add_subcommand("list", "List the shipped scenarios with their plays");
    list->add_option("--dir", dir, "Folder of scenario files");

    if (!args.empty() && !args.front().empty() && args.front()[0] != '-' && !isSubcommand(app, args.front())) {
        err << "samverkan: unknown command '" << args.front() << "' (expected validate, run, replay, report, list, measures, check-events, sensitivity, sweep, merge, plot or history)\n";
        return kInputError;
    }
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        app.parse(reversed);
    } catch (const CLI::CallForHelp& e) {
        out << app.help();
        return kOk;
    } catch (const CLI::CallForAllHelp& e) {
        out << app.help("", CLI::AppFormatMode::All);
        return kOk;
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) {
            // --help on a subcommand
            for (auto* sub : app.get_subcommands()) {
                out << sub->help();
                return kOk;
            }
            out << app.help();
            return kOk;
        }
        err << "samverkan: " << e.what() << "\n";
        auto subs = app.get_subcommands();
        err << "Run 'samverkan " << (subs.empty() ? std::string{} : subs.front()->get_name() + " ") << "--help' for usage.\n";
        return kInputError;
    }
    try {
        if (validate->parsed()) return doValidate(validateFiles, out, err);
        if (run->parsed()) return doRun(runArgs, out, err, env);
        if (replayCmd->parsed()) return doReplay(journalPath, out, err);
        if (list->parsed()) return doList(dir, out, err);
        if (report->parsed()) return doReport(reportArgs, out, err);
        if (sweep->parsed()) return doSweep(sweepArgs, out, err, env);
        if (mergeCmd->parsed()) return doMerge(mergeArgs, out, err);
        if (plot->parsed()) return doPlot(plotArgs, out, err);
        if (history.history->parsed()) return doHistory(history, historyArgs, out, err, env);
        if (measures->parsed()) return doMeasures(measuresArgs, out, err);
        if (checkEvents->parsed()) return doCheckEvents(checkArgs, out, err);
        if (sensitivityCmd->parsed()) return doSensitivity(sensitivityArgs, out, err);
    } catch (const std::exception& e) {
        err << "samverkan: internal error: " << e.what() << "\n";
        return kRuntimeFailure;
    }
    return kInputError;
}

}  // namespace samverkan::cli
