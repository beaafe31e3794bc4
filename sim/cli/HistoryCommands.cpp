#include "sim/cli/HistoryCommands.hpp"

#include <cmath>
#include <cstdio>
#include <ostream>

#include "sim/analysis/Sweep.hpp"
#include "sim/cli/Support.hpp"
#include "sim/exercise/Files.hpp"
#include "sim/exercise/Replay.hpp"

namespace samverkan::cli {

std::string RecordArgs::path() const { return db.empty() ? analysis::defaultHistoryPath() : db; }
std::string RecordArgs::when(const Environment& env) const { return date.empty() ? env.now : date; }

void addRecordOptions(CLI::App& c, RecordArgs& a) {
    c.add_flag("--record", a.record, "Record the results in the history (" + analysis::defaultHistoryPath() + ")");
    c.add_option("--db", a.db, "The history database to record in (implies --record)");
    c.add_option("--label", a.label, "A label for the record, e.g. a trainee group");
    c.add_option("--date", a.date, "The record's date, e.g. 2025-11-20 (default: now)");
}

std::unique_ptr<analysis::History> openHistory(const RecordArgs& a, std::ostream& err) {
    std::string error;
    auto history = analysis::History::open(a.path(), error);
    if (!history) err << "samverkan: " << error << "\n";
    return history;
}

int recordRuns(const RecordArgs& a, const std::optional<analysis::SweepRecord>& sweep, const std::vector<analysis::RunRecord>& runs,
               std::ostream& err) {
    auto history = openHistory(a, err);
    if (!history) return kInputError;
    std::string error;
    if (!history->record(sweep, runs, error)) {
        err << "samverkan: " << a.path() << ": " << error << "\n";
        return kRuntimeFailure;
    }
    return kOk;
}

HistoryCommands addHistory(CLI::App& app, HistoryArgs& a) {
    HistoryCommands c;
    c.history = app.add_subcommand("history", "The results history: record exercises, list and compare runs, sweeps and exercises");
    c.history->require_subcommand(1);
    c.add = c.history->add_subcommand("add", "Record an exercise from its journal (metrics and findings)");
    c.add->add_option("journal", a.journal, "Journal file (JSON Lines)")->required();
    addRecordOptions(*c.add, a.record);
    for (auto* sub : {c.list = c.history->add_subcommand("list", "List what the history holds"),
                      c.compare = c.history->add_subcommand("compare", "Compare groups: years, labels (trainee groups), plays, kinds")}) {
        sub->add_option("--db", a.record.db, "The history database (default: " + analysis::defaultHistoryPath() + ")");
        sub->add_option("--scenario", a.filter.scenario, "Only this scenario (its id)");
        sub->add_option("--kind", a.filter.kind, "Only run, sweep or exercise")->check(CLI::IsMember({"run", "sweep", "exercise"}));
        sub->add_option("--label", a.filter.label, "Only this label");
        sub->add_option("--since", a.filter.since, "Only records from this date on, e.g. 2025-01-01");
        sub->add_flag("--csv", a.csv, "CSV instead of a table");
        sub->add_option("-o,--output", a.output, "Write to this file (default: standard output)");
    }
    c.compare->add_option("--by", a.by, "year, label, play, kind or scenario")->check(CLI::IsMember({"year", "label", "play", "kind", "scenario"}));
    c.compare->add_option("--metric", a.metrics, "A metric to compare (repeatable; default: score and the outcomes)");
    return c;
}

namespace {

std::string number(std::optional<double> v) {
    if (!v || std::isnan(*v)) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", *v);
    return buf;
}

std::string csvCell(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (const char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// Columns padded for the terminal, or CSV.
std::string render(const std::vector<std::vector<std::string>>& rows, bool csv) {
    std::string out;
    if (csv) {
        for (const auto& r : rows) {
            for (std::size_t i = 0; i < r.size(); ++i) out += (i ? "," : "") + csvCell(r[i]);
            out += "\n";
        }
        return out;
    }
    std::vector<std::size_t> width;
    for (const auto& r : rows)
        for (std::size_t i = 0; i < r.size(); ++i) {
            if (width.size() <= i) width.push_back(0);
            width[i] = std::max(width[i], r[i].size());
        }
    for (const auto& r : rows) {
        for (std::size_t i = 0; i < r.size(); ++i) out += r[i] + (i + 1 < r.size() ? std::string(width[i] - r[i].size() + 2, ' ') : "");
        out += "\n";
    }
    return out;
}

}  // namespace

int doHistory(const HistoryCommands& c, const HistoryArgs& a, std::ostream& out, std::ostream& err, const Environment& env) {
    if (c.add->parsed()) {
        int code = kOk;
        const auto run = rerunJournal(a.journal, err, code);
        if (!run) return code;
        const auto record = analysis::runRecord(*run, "exercise", a.journal, a.record.when(env), a.record.label);
        code = recordRuns(a.record, std::nullopt, {record}, err);
        if (code == kOk) out << a.record.path() << ": recorded the exercise " << a.journal << "\n";
        return code;
    }
    std::string error;
    auto history = analysis::History::open(a.record.path(), error);
    if (!history) {
        err << "samverkan history: " << error << "\n";
        return kInputError;
    }
    std::vector<std::vector<std::string>> rows;
    if (c.list->parsed()) {
        rows.push_back({"id", "date", "kind", "scenario", "hash", "play", "seed", "label", "score", "journal"});
        for (const auto& l : history->list(a.filter))
            rows.push_back({std::to_string(l.id), l.date, l.kind, l.scenario, l.scenarioHash, l.play, std::to_string(l.seed), l.label,
                            number(l.score), l.journal});
    } else {
        std::vector<std::string> metrics = a.metrics;
        if (metrics.empty()) metrics = {"score"};
        rows.push_back({a.by, "runs"});
        for (const auto& m : metrics) rows.front().push_back(m + " (mean)");
        for (const auto& g : history->compare(a.by, metrics, a.filter)) {
            rows.push_back({g.key.empty() ? "(none)" : g.key, std::to_string(g.runs)});
            for (const auto& v : g.means) rows.back().push_back(number(v));
        }
    }
    const std::string text = render(rows, a.csv);
    if (a.output.empty() || a.output == "-") {
        out << text;
        return kOk;
    }
    if (!exercise::writeFileAtomically(a.output, text, error)) {
        err << "samverkan history: " << error << "\n";
        return kRuntimeFailure;
    }
    return kOk;
}

}  // namespace samverkan::cli
