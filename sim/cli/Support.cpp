#include "sim/cli/Support.hpp"

#include <filesystem>
#include <ostream>

namespace samverkan::cli {

void printDiagnostics(std::ostream& err, const std::vector<scenario::Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics) err << d.str() << "\n";
}

std::string findScenario(const std::string& arg) {
    namespace fs = std::filesystem;
    if (fs::exists(arg)) return arg;
    for (const auto& candidate : {fs::path(SAMVERKAN_DATA_DIR) / arg, fs::path(SAMVERKAN_DATA_DIR) / (arg + ".yaml")})
        if (fs::exists(candidate)) return candidate.string();
    return arg;
}

}  // namespace samverkan::cli
