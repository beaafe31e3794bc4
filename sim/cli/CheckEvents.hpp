#pragma once
// `samverkan check-events`: runs every validation case (scenarios/validation/) and holds the
// model's run against the turning points observed in the real event.

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace samverkan::cli {

struct CheckEventsArgs {
    std::vector<std::string> cases;  ///< case files or folders; default: the shipped validation folder
    std::string format = "text";     ///< text or json
    std::string svg, png;            ///< the figure: each case's services with the observed points
    std::string lang = "en";
};

CLI::App* addCheckEvents(CLI::App& app, CheckEventsArgs& args);
/// Prints model against observed per turning point; 0 when every point is within its tolerance,
/// 1 when any is not, 2 for a case that does not load (file:line:col on `err`).
int doCheckEvents(const CheckEventsArgs& args, std::ostream& out, std::ostream& err);

}  // namespace samverkan::cli
