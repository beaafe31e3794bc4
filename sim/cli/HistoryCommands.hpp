#pragma once
// `samverkan history` (add, list, compare) and the --record options of run and sweep.

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "sim/analysis/History.hpp"
#include "sim/cli/Commands.hpp"

namespace samverkan::cli {

/// --record, --db, --label, --date on a subcommand that can record its results.
struct RecordArgs {
    bool record = false;
    std::string db, label, date;
    [[nodiscard]] bool wanted() const { return record || !db.empty(); }
    [[nodiscard]] std::string path() const;
    /// --date, or the environment's now.
    [[nodiscard]] std::string when(const Environment& env) const;
};
void addRecordOptions(CLI::App& command, RecordArgs& args);
/// Opens the history for recording; null with the error on `err` (exit code 2: kInputError).
std::unique_ptr<analysis::History> openHistory(const RecordArgs& args, std::ostream& err);
/// Opens the history and records; errors on `err`. Returns an exit code.
int recordRuns(const RecordArgs& args, const std::optional<analysis::SweepRecord>& sweep, const std::vector<analysis::RunRecord>& runs,
               std::ostream& err);

struct HistoryArgs {
    RecordArgs record;  ///< for `add`
    std::string journal, by = "year", output;
    std::vector<std::string> metrics;
    analysis::HistoryFilter filter;
    bool csv = false;
};

struct HistoryCommands {
    CLI::App *history = nullptr, *add = nullptr, *list = nullptr, *compare = nullptr;
};
HistoryCommands addHistory(CLI::App& app, HistoryArgs& args);
int doHistory(const HistoryCommands& commands, const HistoryArgs& args, std::ostream& out, std::ostream& err, const Environment& env);

}  // namespace samverkan::cli
