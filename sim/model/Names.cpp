#include "sim/model/Names.hpp"

#include <algorithm>

namespace samverkan::model {
namespace {
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string closestMatch(std::string_view wrong, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t bestDistance = SIZE_MAX;
    for (const auto& c : candidates) {
        const std::size_t d = editDistance(wrong, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    // A third of the length, at least 2: catches typos without suggesting unrelated words.
    const std::size_t allowed = std::max<std::size_t>(2, wrong.size() / 3);
    return bestDistance <= allowed ? best : std::string{};
}

std::string didYouMean(std::string_view wrong, const std::vector<std::string>& candidates) {
    const std::string match = closestMatch(wrong, candidates);
    return match.empty() ? std::string{} : " (did you mean '" + match + "'?)";
}

}  // namespace samverkan::model
