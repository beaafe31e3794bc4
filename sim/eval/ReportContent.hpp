#pragma once
// Private to sim/eval: the report's content, built once and written as HTML or Markdown.

#include <string>
#include <vector>

#include "sim/eval/Findings.hpp"
#include "sim/eval/Metrics.hpp"

namespace samverkan::eval {

struct ReportContent {
    bool sv = true;
    std::string title, subtitle, scoreLine;
    std::vector<std::vector<std::string>> objectives;   // number, objective, focus, score, explanation
    std::vector<std::vector<std::string>> metrics;      // label, value
    std::vector<std::vector<std::string>> outcomes;     // label, value, unit
    std::vector<std::vector<std::string>> measures;     // when, by, forum, measure, parameters, carried out, modelled effect
    std::vector<std::string> strengths, improvements;   // each cites journal entries
    std::vector<std::vector<std::string>> plan;         // focus area, issue, corrective action, responsible, cites
    std::vector<std::vector<std::string>> parameters;   // what, value, source
    Metrics measured;
    Evaluation evaluation;
};

/// Builds the content in one language.
ReportContent buildReportContent(const exercise::Exercise& run, model::Lang lang);

/// The inline SVG charts: timeline against expected windows, hazards, service levels.
std::string timelineSvg(const exercise::Exercise& run, const Evaluation& ev, model::Lang lang);
std::string worldSvg(const exercise::Exercise& run, model::Lang lang);

}  // namespace samverkan::eval
