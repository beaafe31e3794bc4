#pragma once
/// A small SVG writer for the report's inline charts: no external resources, text escaped.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samverkan::eval {

/// Escapes text for HTML and SVG.
std::string escapeXml(std::string_view text);

/// Builds one <svg> element.
class Svg {
public:
    Svg(double width, double height, std::string label);
    Svg& line(double x1, double y1, double x2, double y2, std::string_view colour, double width = 1, bool dashed = false);
    Svg& rect(double x, double y, double w, double h, std::string_view fill, double opacity = 1, std::string_view title = {});
    Svg& circle(double x, double y, double r, std::string_view fill, std::string_view title = {});
    Svg& text(double x, double y, std::string_view content, double size = 11, std::string_view anchor = "start",
              std::string_view colour = "#222");
    Svg& polyline(const std::vector<std::pair<double, double>>& points, std::string_view colour, double width = 1.5,
                  bool dashed = false);
    Svg& polygon(const std::vector<std::pair<double, double>>& points, std::string_view fill, double opacity = 1);
    [[nodiscard]] std::string str() const;

private:
    double m_width, m_height;
    std::string m_label;
    std::string m_body;
};

}  // namespace samverkan::eval
