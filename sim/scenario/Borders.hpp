#pragma once
// Private to sim/scenario: reading a map's borders from a GeoJSON file (RFC 7946).

#include <string>
#include <vector>

#include "sim/model/AreaMap.hpp"
#include "sim/scenario/Diagnostic.hpp"

namespace samverkan::scenario {

/// One feature of a borders file: a municipality's border.
struct BorderFeature {
    std::string code;   ///< the municipality code: the feature's `properties.id`, else its `id`
    std::string where;  ///< the feature in words, for messages: `features[3] ("Solna", id "0184")`
    std::vector<model::GeoPolygon> polygons;
    std::vector<model::GeoTriangle> triangles;  ///< the polygons cut into triangles
};

/// The features, or the problems found (against `path`; a JSON syntax error with its line and
/// column, problems in the features at the whole file with the feature's place in words).
struct BordersRead {
    std::vector<BorderFeature> features;
    std::vector<Diagnostic> diagnostics;
    bool unreadable = false;  ///< the file could not be read at all: the one diagnostic says why
};

/// Reads a FeatureCollection of Polygon and MultiPolygon features in WGS 84 lon/lat, each ring
/// closed. Refuses a file larger than `limits.maxFileBytes`, nested deeper than `limits.maxDepth`
/// or with more than `limits.maxBorderPoints` points in all, and rings that cannot be cut into
/// triangles (they cross). Stops after 20 problems.
BordersRead readBorders(const std::string& path, const Limits& limits);

}  // namespace samverkan::scenario
