#pragma once
/// The after-action report: one self-contained HTML file (inline SVG, no network) or Markdown,
/// in Swedish or English, following HSEEP's after-action report and improvement plan (AAR/IP):
/// summary and score, a timeline against the expected windows, the consequences, the metrics,
/// strengths, areas for improvement, an improvement plan, and the model's figures with sources.

#include <string>
#include <vector>

#include "sim/exercise/Exercise.hpp"

namespace samverkan::eval {

/// A section added by the caller after the consequences, e.g. the escalation curve from a sweep.
struct ReportSection {
    std::string id, heading;
    std::string html;      ///< the body, already HTML (inline SVG allowed)
    std::string markdown;  ///< the same without the chart
};

/// The report as a complete HTML document.
std::string reportHtml(const exercise::Exercise& run, model::Lang lang, const std::vector<ReportSection>& extra = {});

/// The report as Markdown (the same content, without the charts).
std::string reportMarkdown(const exercise::Exercise& run, model::Lang lang, const std::vector<ReportSection>& extra = {});

}  // namespace samverkan::eval
