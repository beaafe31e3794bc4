#pragma once
/// The after-action report: one self-contained HTML file (inline SVG, no network) or Markdown,
/// in Swedish or English, following HSEEP's after-action report and improvement plan (AAR/IP):
/// summary and score, a timeline against the expected windows, the consequences, the metrics,
/// strengths, areas for improvement, an improvement plan, and the model's figures with sources.

#include <string>

#include "sim/exercise/Exercise.hpp"

namespace samverkan::eval {

/// The report as a complete HTML document.
std::string reportHtml(const exercise::Exercise& run, model::Lang lang);

/// The report as Markdown (the same content, without the charts).
std::string reportMarkdown(const exercise::Exercise& run, model::Lang lang);

}  // namespace samverkan::eval
