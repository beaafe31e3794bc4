#pragma once
/// Output files are written to a temporary name and renamed (DESIGN.md, contract 6), so none is
/// ever half-written.

#include <string>

namespace samverkan::exercise {

/// Writes `text` to `path` through `path.tmp`; on failure returns false and says why in `error`.
bool writeFileAtomically(const std::string& path, const std::string& text, std::string& error);

}  // namespace samverkan::exercise
