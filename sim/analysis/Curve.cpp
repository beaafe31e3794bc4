#include "sim/analysis/Curve.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "sim/eval/Svg.hpp"

namespace samverkan::analysis {

namespace {
std::string listOf(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out.empty() ? "(none)" : out;
}
}  // namespace

std::optional<Curve> curveOf(const Table& table, const std::string& x, const std::string& metric, std::string& error) {
    const auto px = std::find(table.params.begin(), table.params.end(), x);
    if (px == table.params.end()) {
        error = "no varied parameter '" + x + "' in the results; they vary: " + listOf(table.params);
        return std::nullopt;
    }
    const auto pm = std::find(table.metrics.begin(), table.metrics.end(), metric);
    if (pm == table.metrics.end()) {
        error = "no metric '" + metric + "' in the results; they hold: " + listOf(table.metrics);
        return std::nullopt;
    }
    const auto xi = static_cast<std::size_t>(px - table.params.begin());
    const auto mi = static_cast<std::size_t>(pm - table.metrics.begin());
    Curve c{x, metric, {}};
    std::map<std::string, std::size_t> seriesIndex;
    for (const auto& s : summarise(table)) {
        std::string label;
        for (std::size_t p = 0; p < table.params.size(); ++p)
            if (p != xi) label += (label.empty() ? "" : ", ") + table.params[p] + "=" + formatValue(s.params[p]);
        auto [it, added] = seriesIndex.emplace(label, c.series.size());
        if (added) c.series.push_back({label, {}});
        c.series[it->second].points.push_back({s.params[xi], s.metrics[mi]});
    }
    for (auto& s : c.series)
        std::sort(s.points.begin(), s.points.end(), [](const CurvePoint& a, const CurvePoint& b) { return a.x < b.x; });
    return c;
}

namespace {

// A round step for about `ticks` ticks over `span`.
double niceStep(double span, int ticks) {
    const double raw = span / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (raw <= m * magnitude) return m * magnitude;
    return 10 * magnitude;
}

std::string label(double v) {
    char buf[32];
    if (std::fabs(v) >= 1e6) std::snprintf(buf, sizeof buf, "%.3gM", v / 1e6);
    else if (std::fabs(v) >= 1e4) std::snprintf(buf, sizeof buf, "%.0fk", v / 1e3);
    else std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

const char* const kColours[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

}  // namespace

std::string curveSvg(const Curve& curve, const std::string& title, const std::optional<CurveMark>& mark) {
    const double W = 720, H = 410, left = 80, right = 20, top = 56, bottom = 56;
    double x0 = INFINITY, x1 = -INFINITY, y1 = 0;
    for (const auto& s : curve.series)
        for (const auto& p : s.points) {
            x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
            if (p.y.n > 0) y1 = std::max({y1, p.y.p90, p.y.mean});
        }
    if (mark) x0 = std::min(x0, mark->x), x1 = std::max(x1, mark->x), y1 = std::max(y1, mark->y);
    if (!std::isfinite(x0)) x0 = 0, x1 = 1;
    if (x1 <= x0) x1 = x0 + 1;
    if (y1 <= 0) y1 = 1;
    const double yStep = niceStep(y1, 5);
    y1 = std::ceil(y1 / yStep) * yStep;
    const auto X = [&](double x) { return left + (W - left - right) * (x - x0) / (x1 - x0); };
    const auto Y = [&](double y) { return top + (H - top - bottom) * (1 - y / y1); };
    eval::Svg svg(W, H, title);
    svg.rect(0, 0, W, H, "#ffffff");
    svg.text(left, 22, title, 14, "start", "#111");
    for (double y = 0; y <= y1 + 1e-9; y += yStep) {
        svg.line(left, Y(y), W - right, Y(y), "#e3e3e3");
        svg.text(left - 6, Y(y) + 4, label(y), 11, "end", "#444");
    }
    const double xStep = niceStep(x1 - x0, 8);
    for (double x = std::ceil(x0 / xStep) * xStep; x <= x1 + 1e-9; x += xStep) {
        svg.line(X(x), H - bottom, X(x), H - bottom + 4, "#444");
        svg.text(X(x), H - bottom + 17, label(x), 11, "middle", "#444");
    }
    svg.line(left, H - bottom, W - right, H - bottom, "#444");
    svg.line(left, top, left, H - bottom, "#444");
    svg.text((left + W - right) / 2, H - 12, curve.x + (curve.x.rfind("activation.", 0) == 0 || curve.x.rfind("convening.", 0) == 0 ||
                                                                  curve.x.find(".onset") != std::string::npos
                                                              ? " (h)"
                                                              : ""),
             12, "middle", "#222");
    svg.text(14, top - 12, curve.y, 12, "start", "#222");
    for (std::size_t si = 0; si < curve.series.size(); ++si) {
        const auto& s = curve.series[si];
        const char* colour = kColours[si % 6];
        std::vector<std::pair<double, double>> band, median, mean;
        for (const auto& p : s.points)
            if (p.y.n > 0) band.emplace_back(X(p.x), Y(p.y.p90)), median.emplace_back(X(p.x), Y(p.y.median)), mean.emplace_back(X(p.x), Y(p.y.mean));
        for (auto it = s.points.rbegin(); it != s.points.rend(); ++it)
            if (it->y.n > 0) band.emplace_back(X(it->x), Y(it->y.p10));
        if (band.size() > 2) svg.polygon(band, colour, 0.15);
        svg.polyline(median, colour, 2);
        svg.polyline(mean, colour, 1.2, true);
        for (const auto& [px, py] : median) svg.circle(px, py, 2.5, colour);
        if (!s.label.empty()) svg.text(W - right - 4, top + 14 + 14 * static_cast<double>(si), s.label, 11, "end", colour);
    }
    svg.text(left + 6, top + 12, "median (solid), mean (dashed), 10th–90th percentile (band)", 10, "start", "#555");
    if (mark) {
        svg.line(X(mark->x), top, X(mark->x), H - bottom, "#111", 1, true);
        svg.circle(X(mark->x), Y(mark->y), 5, "#111", mark->label);
        svg.text(X(mark->x) + 6, Y(mark->y) - 8, mark->label, 11, "start", "#111");
    }
    return svg.str();
}

std::string standaloneSvg(const std::string& inlineSvg) {
    if (inlineSvg.rfind("<svg ", 0) != 0) return inlineSvg;
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" " + inlineSvg.substr(5) + "\n";
}

std::string costOfDelayCsv(const Curve& curve) {
    std::string out = "series,from,to,mean_from,mean_to,per_hour\n";
    for (const auto& s : curve.series)
        for (std::size_t i = 1; i < s.points.size(); ++i) {
            const auto& a = s.points[i - 1];
            const auto& b = s.points[i];
            const double per = (b.y.mean - a.y.mean) / (b.x - a.x);
            out += "\"" + s.label + "\"," + formatValue(a.x) + "," + formatValue(b.x) + "," + formatValue(a.y.mean) + "," + formatValue(b.y.mean) + "," +
                   formatValue(per) + "\n";
        }
    return out;
}

}  // namespace samverkan::analysis
