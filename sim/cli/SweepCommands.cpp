#include "sim/cli/SweepCommands.hpp"

#include <atomic>
#include <charconv>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <ostream>
#include <sstream>

#include "sim/analysis/Sensitivity.hpp"
#include "sim/analysis/Sweep.hpp"
#include "sim/cli/Support.hpp"
#include "sim/exercise/Files.hpp"
#include "sim/model/Names.hpp"
#include "sim/scenario/InputFile.hpp"

namespace samverkan::cli {
namespace {

const std::string kVaryColumn = analysis::kVaryPrefix;  // a sweep's parameters are recorded as metrics "vary:…"

// Ctrl-C during a sweep: the runs in hand finish, nothing is written, the exit code is 130.
std::atomic<bool> g_interrupted{false};
extern "C" void onInterrupt(int) { g_interrupted.store(true); }

// "i/N" with 0 <= i < N.
bool parseShard(const std::string& text, std::uint32_t& shard, std::uint32_t& shards) {
    const auto slash = text.find('/');
    if (slash == std::string::npos) return false;
    try {
        std::size_t a = 0, b = 0;
        const auto i = std::stoul(text.substr(0, slash), &a), n = std::stoul(text.substr(slash + 1), &b);
        if (a != slash || b != text.size() - slash - 1 || n == 0 || i >= n || n > 1000000) return false;
        shard = static_cast<std::uint32_t>(i);
        shards = static_cast<std::uint32_t>(n);
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

analysis::ResultsWriter::Format writerFormat(const std::string& format, bool summary) {
    return format == "json" ? analysis::ResultsWriter::Format::json
           : summary        ? analysis::ResultsWriter::Format::summary
                            : analysis::ResultsWriter::Format::csv;
}

// Where a sweep's or a merge's results go as they are written: the output file under a temporary
// name put in place at the end, or a scratch file copied to standard output at the end. So an
// interrupted or failed command writes nothing, and memory does not grow with the runs.
class ResultsOutput {
public:
    explicit ResultsOutput(const std::string& output) : m_toFile(!output.empty() && output != "-") {
        if (m_toFile) m_file.emplace(output);
    }
    bool open(std::string& error) { return m_toFile ? m_file->open(error) : m_scratch.open(error); }
    std::ostream& stream() { return m_toFile ? m_file->stream() : m_scratch.stream(); }
    /// Where the results are being written, for messages.
    [[nodiscard]] std::string where() const { return m_toFile ? " (" + m_file->temporaryPath() + ")" : std::string{}; }
    void discard() {
        if (m_file) m_file->discard();
    }
    bool finish(std::ostream& out, std::string& error) { return m_toFile ? m_file->commit(error) : m_scratch.copyTo(out, error); }

private:
    bool m_toFile;
    std::optional<exercise::AtomicFile> m_file;
    exercise::ScratchFile m_scratch;
};

}  // namespace

CLI::App* addSweep(CLI::App& app, SweepArgs& a) {
    auto* c = app.add_subcommand("sweep", "Run a scenario many times over a grid of parameters (escalation timing, onset, …)");
    c->add_option("scenario", a.scenario, "Scenario file, or the name of a shipped scenario")->required();
    c->add_option("--set", a.set, "Hold a world figure with a range at another value for the whole sweep, e.g. main-roads.network.stuck_rate=0.1 (repeatable; `samverkan sensitivity` lists them)");
    c->add_option("--vary", a.vary,
                  "NAME=FROM..TO:STEP or NAME=a,b,c (repeatable): activation.LEVEL, convening.MEDIUM, hazard.ID.onset, decision.ID=on,off");
    c->add_option("--runs", a.runs, "Seeded runs per point (default 100)")->check(CLI::Range(1u, 1000000u));
    c->add_option("--threads", a.threads, "Worker threads (default: every core)")->check(CLI::Range(0u, 1024u));
    c->add_option("--seed", a.seed, "First seed (default: the scenario's); run r uses seed + r at every point");
    c->add_option("--play", a.play, "The play the varied parameters change: doctrine (the default where the scenario has doctrine rules), a scripted play, or none");
    c->add_option("--variant", a.variant, "A scenario variant, e.g. class-3");
    c->add_option("-o,--output", a.output, "Output file (default: standard output)");
    c->add_option("--format", a.format, "csv (default) or json (runs and a summary per point)")->check(CLI::IsMember({"csv", "json"}));
    c->add_flag("--summary", a.summary, "CSV: one row per point (n, mean, median, p10, p90 of each metric) instead of one per run");
    c->add_option("--shard", a.shard, "Run only slice i of N (0-based, e.g. 3/10); combine the slices with merge");
    addRecordOptions(*c, a.record);
    return c;
}

CLI::App* addMerge(CLI::App& app, MergeArgs& a) {
    auto* c = app.add_subcommand("merge", "Combine the results of a sweep's shards (CSV) into one");
    c->add_option("files", a.files, "The shards' results, CSV")->required();
    c->add_option("-o,--output", a.output, "Output file (default: standard output)");
    c->add_option("--format", a.format, "csv (default) or json")->check(CLI::IsMember({"csv", "json"}));
    c->add_flag("--summary", a.summary, "CSV: one row per point instead of one per run");
    return c;
}

int doSweep(const SweepArgs& a, std::ostream& out, std::ostream& err, const Environment& env) {
    auto loaded = loadScenarioArg(a.scenario, err);
    if (!loaded) return kInputError;
    for (const auto& set : a.set) {
        // NAME=VALUE, within the figure's stated range: a band is read at the ends of what the sources allow.
        const auto eq = set.find('=');
        double value = 0;
        const std::string name = set.substr(0, eq);
        const auto figures = loaded->world ? analysis::rangedParams(*loaded->world) : std::vector<analysis::RangedParam>{};
        const auto it = std::find_if(figures.begin(), figures.end(), [&](const auto& f) { return f.name == name; });
        const char* first = eq == std::string::npos ? nullptr : set.data() + eq + 1;
        const auto parsed = first ? std::from_chars(first, set.data() + set.size(), value) : std::from_chars_result{nullptr, std::errc::invalid_argument};
        if (it == figures.end()) {
            std::vector<std::string> names;
            for (const auto& f : figures) names.push_back(f.name);
            err << "samverkan sweep: --set: no figure with a range is called '" << name << "'" << model::didYouMean(name, names) << "\n";
            return kInputError;
        }
        if (parsed.ec != std::errc{} || parsed.ptr != set.data() + set.size() || !std::isfinite(value)) {
            err << "samverkan sweep: --set " << set << ": give NAME=NUMBER\n";
            return kInputError;
        }
        if (value < it->low || value > it->high) {
            err << "samverkan sweep: --set " << set << ": outside the figure's range " << it->low << "–" << it->high << " (" << it->source << ")\n";
            return kInputError;
        }
        analysis::setParam(*loaded->world, name, value);
        if (const auto why = analysis::inconsistency(*loaded->world); !why.empty()) {
            err << "samverkan sweep: --set " << set << ": " << why << "\n";
            return kInputError;
        }
    }
    const auto& s = *loaded;
    analysis::SweepPlan plan;
    plan.scenario = &s;
    const std::string playName = a.play.empty() ? s.defaultPlay() : a.play;
    if (playName == "none" || (playName == scenario::kDoctrinePlay && !s.behaviour.empty())) {
        plan.play.name = playName;  // no steps: the doctrine's rules, or nothing, play the roles
    } else if (const auto* p = s.play(playName)) {
        plan.play = *p;
    } else {
        std::string names;
        for (const auto& p2 : s.plays) names += (names.empty() ? "" : ", ") + p2.name;
        if (!s.behaviour.empty()) names += ", " + scenario::kDoctrinePlay;
        err << "samverkan sweep: unknown play '" << playName << "'; " << s.id << " has: " << names << ", or none\n";
        return kInputError;
    }
    if (!a.variant.empty()) {
        if (std::none_of(s.variants.begin(), s.variants.end(), [&](const auto& v) { return v.id == a.variant; })) {
            err << "samverkan sweep: unknown variant '" << a.variant << "'\n";
            return kInputError;
        }
        plan.variant = a.variant;
    }
    for (const auto& text : a.vary) {
        std::string error;
        auto v = analysis::parseVariation(text, s, plan.play, error);
        if (!v) {
            err << "samverkan sweep: " << error << "\n";
            return kInputError;
        }
        for (const auto& earlier : plan.variations)
            if (earlier.name == v->name) {
                err << "samverkan sweep: --vary " << v->name << " is given twice\n";
                return kInputError;
            }
        plan.variations.push_back(std::move(*v));
    }
    plan.runs = a.runs;
    plan.seed = a.seed.value_or(s.seed);
    analysis::SweepOptions options;
    options.threads = a.threads;
    if (!a.shard.empty() && !parseShard(a.shard, options.shard, options.shards)) {
        err << "samverkan sweep: --shard must be i/N with 0 <= i < N, e.g. 0/10; got \"" << a.shard << "\"\n";
        return kInputError;
    }
    const std::size_t points = analysis::points(plan.variations).size();
    if (points * plan.runs > 100000000) {
        err << "samverkan sweep: " << points << " points × " << plan.runs << " runs is more than 100 000 000 runs\n";
        return kInputError;
    }
    if (env.terminal && env.seconds)
        options.progress = [&err, &env, started = env.seconds()](std::size_t done, std::size_t total) {
            const double elapsed = env.seconds() - started;
            const double fraction = total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
            const int filled = static_cast<int>(fraction * 30);
            char line[160];
            const double left = done ? elapsed * static_cast<double>(total - done) / static_cast<double>(done) : 0;
            std::snprintf(line, sizeof line, "\r[%-30s] %3.0f%%  %zu/%zu runs  %s%.*f s left ", std::string(static_cast<std::size_t>(filled), '=').c_str(),
                          fraction * 100, done, total, done ? "" : "~", left < 10 ? 1 : 0, left);
            err << line << (done == total ? "\n" : "") << std::flush;
        };
    // The results go to their file as the runs finish, under a temporary name put in place at the
    // end; for standard output, to a scratch file copied out at the end. The history's runs go into
    // one open transaction. So an interrupted sweep writes and records nothing, and memory does not
    // grow with the number of runs.
    ResultsOutput output(a.output);
    std::string error;
    if (!output.open(error)) {
        err << "samverkan: " << error << "\n";
        return kRuntimeFailure;
    }
    const auto abandon = [&](int code) {
        output.discard();
        return code;
    };
    std::unique_ptr<analysis::History> history;
    std::unique_ptr<analysis::Recording> recording;  // declared after the history: ends before it
    analysis::RunRecord record;                      // each run's, in turn
    if (a.record.wanted()) {
        std::vector<std::string> files{s.file, s.region.file};
        if (!s.baseFile.empty()) files.push_back(s.baseFile);  // a case: its base is part of what ran
        analysis::SweepRecord sweep{s.id, analysis::contentHash(files), plan.play.name, "", a.record.when(env), a.record.label, plan.runs};
        for (const auto& v : a.vary) sweep.vary += (sweep.vary.empty() ? "" : " ") + v;
        for (const auto& v : a.set) sweep.vary += (sweep.vary.empty() ? "set:" : " set:") + v;  // a figure held otherwise
        record.kind = "sweep";
        record.scenario = sweep.scenario;
        record.scenarioHash = sweep.scenarioHash;
        record.play = sweep.play;
        record.date = sweep.date;
        record.label = sweep.label;
        history = openHistory(a.record, err);
        if (!history) return abandon(kInputError);
        recording = history->begin(sweep, error);
        if (!recording) {
            err << "samverkan: " << a.record.path() << ": " << error << "\n";
            return abandon(kRuntimeFailure);
        }
        options.withFindings = true;
    }
    const auto columns = analysis::sweepColumns(plan);
    analysis::ResultsWriter writer(output.stream(), columns, writerFormat(a.format, a.summary));
    std::string failure;  // why the sink stopped the sweep
    const auto sink = [&](const analysis::Row& row, const std::vector<analysis::FindingRecord>& findings) {
        if (!writer.add(row, error)) {
            failure = error + output.where();
            return false;
        }
        if (!recording) return true;
        record.seed = row.seed;
        record.point = row.point;
        record.metrics.clear();
        for (std::size_t i = 0; i < columns.params.size(); ++i) record.metrics.emplace_back(kVaryColumn + columns.params[i], row.values[i]);
        for (std::size_t m = 0; m < columns.metrics.size(); ++m)
            record.metrics.emplace_back(columns.metrics[m], row.values[columns.params.size() + m]);
        record.findings = findings;
        if (!recording->add(record, error)) {
            failure = a.record.path() + ": " + error;
            return false;
        }
        return true;
    };
    g_interrupted.store(false);
    options.stop = &g_interrupted;
    const auto previous = std::signal(SIGINT, onInterrupt);
    const bool complete = analysis::runSweep(plan, options, sink);
    std::signal(SIGINT, previous == SIG_ERR ? SIG_DFL : previous);
    if (!complete && g_interrupted.load()) {
        err << "\nsamverkan sweep: interrupted; nothing was written\n";
        return abandon(kInterrupted);  // the recording rolls back as it goes
    }
    if (!complete) {
        err << "samverkan: " << failure << "\n";
        return abandon(kRuntimeFailure);
    }
    if (!writer.finish(error)) {
        err << "samverkan: " << error << "\n";
        return abandon(kRuntimeFailure);
    }
    // The sweep and all its runs in one transaction: complete, or absent.
    if (recording && !recording->commit(error)) {
        err << "samverkan: " << a.record.path() << ": " << error << "\n";
        return abandon(kRuntimeFailure);
    }
    if (!output.finish(out, error)) {
        err << "samverkan: " << error << "\n";
        return abandon(kRuntimeFailure);
    }
    return kOk;
}

namespace {
// A results table read whole (plot, a report's curve): a sweep of a million runs writes about
// 200 MB of CSV. merge streams its shards and has no such limit.
constexpr std::size_t kMaxResultsBytes = std::size_t{1} << 30;

// "line N: …" from the results reader becomes file:N:1: error: …
void printCsvError(std::ostream& err, const std::string& file, const std::string& error) {
    const auto colon = error.find(':');
    err << file << ":" << (error.rfind("line ", 0) == 0 ? error.substr(5, colon - 5) + ":1: error:" + error.substr(colon + 1) : "0:0: error: " + error)
        << "\n";
}
}  // namespace

std::optional<analysis::Table> readResults(const std::string& f, std::ostream& err) {
    std::string text, error;
    if (!scenario::readInputFile(f, kMaxResultsBytes, text, error)) {
        err << f << ": error: " << error << "\n";
        return std::nullopt;
    }
    std::istringstream in(std::move(text));
    auto t = analysis::readCsv(in, error);
    if (!t) printCsvError(err, f, error);
    return t;
}

std::optional<analysis::Curve> curveFromResults(const analysis::Table& table, std::string x, std::string y, std::ostream& err) {
    if (x.empty() && !table.params.empty()) x = table.params.front();
    if (y.empty())
        for (const auto& m : table.metrics)
            if (y.empty() && m.rfind("outcome.", 0) == 0) y = m;
    if (y.empty()) y = "score";
    std::string error;
    auto curve = analysis::curveOf(table, x, y, error);
    if (!curve) err << "samverkan: " << error << "\n";
    return curve;
}

int doMerge(const MergeArgs& a, std::ostream& out, std::ostream& err) {
    // Two passes over the shards, a row at a time: each is checked through to its end, so that a
    // truncated or unordered shard is reported at its line before anything is merged; then they
    // are merged into the output as the sweep itself writes it.
    std::string error;
    analysis::Table columns;
    for (std::size_t i = 0; i < a.files.size(); ++i) {
        std::ifstream in;
        if (scenario::isRegularInputFile(a.files[i], error)) in.open(a.files[i], std::ios::binary);
        else {
            err << a.files[i] << ": error: " << error << "\n";
            return kInputError;
        }
        if (!in) {
            err << a.files[i] << ": error: cannot read the file\n";
            return kInputError;
        }
        analysis::CsvReader reader(in);
        analysis::Table shardColumns;
        if (!analysis::checkShard(reader, shardColumns, error)) {
            printCsvError(err, a.files[i], error);
            return kInputError;
        }
        if (i == 0) columns = shardColumns;
        else if (shardColumns.header() != columns.header()) {
            err << "samverkan merge: shard " << i + 1 << " (" << a.files[i] << ") has other columns than shard 1: not the same sweep\n";
            return kInputError;
        }
    }
    std::vector<std::ifstream> files;
    std::vector<analysis::CsvReader> readers;
    files.reserve(a.files.size());
    readers.reserve(a.files.size());
    std::vector<analysis::CsvReader*> shards;
    for (const auto& f : a.files) {
        files.emplace_back(f, std::ios::binary);
        readers.emplace_back(files.back());
        shards.push_back(&readers.back());
    }
    ResultsOutput output(a.output);
    if (!output.open(error)) {
        err << "samverkan: " << error << "\n";
        return kRuntimeFailure;
    }
    analysis::ResultsWriter writer(output.stream(), columns, writerFormat(a.format, a.summary));
    const auto merged = analysis::mergeShards(shards, writer, error);
    if (merged != analysis::MergeOutcome::merged || !writer.finish(error)) {
        output.discard();
        err << "samverkan merge: " << error << "\n";
        return merged == analysis::MergeOutcome::badShard ? kInputError : kRuntimeFailure;
    }
    if (!output.finish(out, error)) {
        output.discard();
        err << "samverkan: " << error << "\n";
        return kRuntimeFailure;
    }
    return kOk;
}

CLI::App* addPlot(CLI::App& app, PlotArgs& a) {
    auto* c = app.add_subcommand("plot", "Draw an escalation curve from a sweep's results (SVG, PNG) and the cost of each hour of delay");
    c->add_option("results", a.results, "A sweep's results, CSV (one row per run)")->required();
    c->add_option("--x", a.x, "The varied parameter on the x axis (default: the first)");
    c->add_option("--y", a.y, "The metric on the y axis (default: the first outcome)");
    c->add_option("-o,--output", a.output, "SVG file (default: curve.svg)");
    c->add_option("--png", a.png, "Also write the chart as PNG");
    c->add_option("--table", a.table, "Write the cost of each hour of delay as CSV here (default: standard output)");
    c->add_option("--title", a.title, "The chart's title");
    return c;
}

int doPlot(const PlotArgs& a, std::ostream& out, std::ostream& err) {
    const auto table = readResults(a.results, err);
    if (!table) return kInputError;
    const auto curve = curveFromResults(*table, a.x, a.y, err);
    if (!curve) return kInputError;
    const std::string title = a.title.empty() ? curve->y + " against " + curve->x : a.title;
    const std::string svg = analysis::standaloneSvg(analysis::curveSvg(*curve, title));
    const std::string svgPath = a.output.empty() ? "curve.svg" : a.output;
    std::string error;
    if (!exercise::writeFileAtomically(svgPath, svg, error)) {
        err << "samverkan plot: " << error << "\n";
        return kRuntimeFailure;
    }
    if (!a.png.empty() && !analysis::svgToPng(svg, a.png, error)) {
        err << "samverkan plot: " << error << "\n";
        return kRuntimeFailure;
    }
    const std::string costs = analysis::costOfDelayCsv(*curve);
    if (a.table.empty()) out << costs;
    else if (!exercise::writeFileAtomically(a.table, costs, error)) {
        err << "samverkan plot: " << error << "\n";
        return kRuntimeFailure;
    }
    return kOk;
}

}  // namespace samverkan::cli
