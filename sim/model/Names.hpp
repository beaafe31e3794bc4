#pragma once
/// Helpers for ids that people type: edit distance and "did you mean" suggestions.

#include <string>
#include <string_view>
#include <vector>

namespace samverkan::model {

/// Levenshtein distance between two byte strings, case-insensitive for ASCII.
std::size_t editDistance(std::string_view a, std::string_view b);

/// The candidate closest to `wrong`, if it is close enough to be a plausible typo; else "".
std::string closestMatch(std::string_view wrong, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" when a close candidate exists, else "".
std::string didYouMean(std::string_view wrong, const std::vector<std::string>& candidates);

}  // namespace samverkan::model
