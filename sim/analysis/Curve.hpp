#pragma once
/// Escalation curves: an outcome against a varied parameter, with its median, mean and the band
/// between the 10th and 90th percentiles, drawn as SVG (and PNG); and the cost of each hour of
/// delay between neighbouring points.

#include <optional>
#include <string>
#include <vector>

#include "sim/analysis/Results.hpp"

namespace samverkan::analysis {

struct CurvePoint {
    double x = 0;
    Stat y;
};

/// One line of the chart: the points at one combination of the other varied parameters.
struct Series {
    std::string label;  ///< e.g. "convening.telephone=0.25" (empty when only one parameter varies)
    std::vector<CurvePoint> points;
};

struct Curve {
    std::string x, y;  ///< parameter and metric names
    std::vector<Series> series;
};

/// The curve of `metric` against parameter `x` (names without the "vary:" prefix). On error
/// (unknown names, listed with what is there): nullopt and `error`.
std::optional<Curve> curveOf(const Table& table, const std::string& x, const std::string& metric, std::string& error);

struct CurveMark {
    double x = 0, y = 0;
    std::string label;  ///< e.g. "this exercise"
};

/// The chart as an <svg> element for inline HTML.
std::string curveSvg(const Curve& curve, const std::string& title, const std::optional<CurveMark>& mark = {});
/// An inline <svg> element made a standalone SVG file (the namespace declared).
std::string standaloneSvg(const std::string& inlineSvg);

/// The cost of each hour of delay: per series and neighbouring pair of points, the change in the
/// mean divided by the change in x. As CSV: series,from,to,mean_from,mean_to,per_hour.
std::string costOfDelayCsv(const Curve& curve);

/// Renders an SVG document to a PNG file (librsvg). False with `error` on failure.
bool svgToPng(const std::string& svg, const std::string& path, std::string& error);

}  // namespace samverkan::analysis
