#include "sim/eval/Svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace samverkan::eval {
namespace {
std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}
std::string titled(std::string_view title) {
    return title.empty() ? std::string{} : "<title>" + escapeXml(title) + "</title>";
}
}  // namespace

std::string escapeXml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

Svg::Svg(double width, double height, std::string label) : m_width(width), m_height(height), m_label(std::move(label)) {}

Svg& Svg::line(double x1, double y1, double x2, double y2, std::string_view colour, double width, bool dashed) {
    m_body += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\" stroke=\"" +
              std::string(colour) + "\" stroke-width=\"" + num(width) + "\"" + (dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>";
    return *this;
}

Svg& Svg::rect(double x, double y, double w, double h, std::string_view fill, double opacity, std::string_view title) {
    m_body += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\" fill=\"" +
              std::string(fill) + "\" fill-opacity=\"" + num(opacity) + "\">" + titled(title) + "</rect>";
    return *this;
}

Svg& Svg::circle(double x, double y, double r, std::string_view fill, std::string_view title) {
    m_body += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" + num(r) + "\" fill=\"" + std::string(fill) + "\">" +
              titled(title) + "</circle>";
    return *this;
}

Svg& Svg::text(double x, double y, std::string_view content, double size, std::string_view anchor, std::string_view colour) {
    m_body += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"" + num(size) + "\" text-anchor=\"" +
              std::string(anchor) + "\" fill=\"" + std::string(colour) + "\">" + escapeXml(content) + "</text>";
    return *this;
}

namespace {
// Points that fall in the same pixel column, thinned to the first, lowest, highest and last of each
// run, in their order: the line looks the same, and a chart of a long run stays as small as one of
// a short run (the drawing is bounded by its width, not by the number of samples).
std::vector<std::pair<double, double>> thinned(const std::vector<std::pair<double, double>>& points) {
    std::vector<std::pair<double, double>> out;
    std::size_t i = 0;
    while (i < points.size()) {
        std::size_t j = i;
        const double column = std::floor(points[i].first);
        while (j + 1 < points.size() && std::floor(points[j + 1].first) == column) ++j;
        if (j - i < 4) {
            out.insert(out.end(), points.begin() + static_cast<std::ptrdiff_t>(i), points.begin() + static_cast<std::ptrdiff_t>(j) + 1);
        } else {
            std::size_t lo = i, hi = i;
            for (std::size_t k = i; k <= j; ++k) {
                if (points[k].second < points[lo].second) lo = k;
                if (points[k].second > points[hi].second) hi = k;
            }
            std::vector<std::size_t> keep{i, lo, hi, j};
            std::sort(keep.begin(), keep.end());
            keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
            for (const auto k : keep) out.push_back(points[k]);
        }
        i = j + 1;
    }
    return out;
}
}  // namespace

Svg& Svg::polyline(const std::vector<std::pair<double, double>>& points, std::string_view colour, double width, bool dashed) {
    std::string pts;
    for (const auto& [x, y] : thinned(points)) pts += num(x) + "," + num(y) + " ";
    m_body += "<polyline fill=\"none\" stroke=\"" + std::string(colour) + "\" stroke-width=\"" + num(width) + "\"" +
              (dashed ? " stroke-dasharray=\"5 3\"" : "") + " points=\"" + pts + "\"/>";
    return *this;
}

Svg& Svg::polygon(const std::vector<std::pair<double, double>>& points, std::string_view fill, double opacity) {
    std::string pts;
    for (const auto& [x, y] : points) pts += num(x) + "," + num(y) + " ";
    m_body += "<polygon fill=\"" + std::string(fill) + "\" fill-opacity=\"" + num(opacity) + "\" stroke=\"none\" points=\"" + pts + "\"/>";
    return *this;
}

std::string Svg::str() const {
    return "<svg role=\"img\" aria-label=\"" + escapeXml(m_label) + "\" viewBox=\"0 0 " +
           num(m_width) + " " + num(m_height) + "\" width=\"" + num(m_width) + "\" height=\"" + num(m_height) +
           "\" font-family=\"DejaVu Sans, sans-serif\">" + m_body + "</svg>";
}

}  // namespace samverkan::eval
