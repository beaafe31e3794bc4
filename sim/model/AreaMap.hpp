#pragma once
/// Where a region's municipalities lie, for maps: each one's seat, population and, where the map
/// file names a borders file, its border. Read from `assets/maps/<region id>.yaml`; the simulation
/// itself has no geography.

#include <array>
#include <string>
#include <vector>

namespace samverkan::model {

/// A point in WGS 84 degrees.
struct GeoPoint {
    double lon = 0, lat = 0;
};

/// One piece of a border: an outer ring and the holes in it. Each ring is a simple closed path,
/// its first point not repeated at its end, in either direction.
struct GeoPolygon {
    std::vector<GeoPoint> outer;
    std::vector<std::vector<GeoPoint>> holes;
};

/// A triangle of a polygon cut into triangles, for filling it on a screen.
using GeoTriangle = std::array<GeoPoint, 3>;

struct Area {
    std::string id;  ///< the municipality's actor id
    std::string seat;
    double lat = 0, lon = 0;  ///< the seat, WGS 84 degrees
    double population = 0;
    std::string code;                ///< the municipality's official code ("0180"), matching its border; may be empty
    std::vector<GeoPolygon> border;  ///< empty when the map has no borders
    std::vector<GeoTriangle> triangles;  ///< the border cut into triangles that cover it exactly once
    /// The area inside the border in km² (an equal-area projection of the polygons as given): as
    /// coarse as the border, and with the lakes and sea inside it. 0 without a border.
    double areaKm2 = 0;
    /// The length of its streets and roads in km, where the map gives it (`streets_km`); 0 unknown.
    double streetsKm = 0;
};

struct AreaMap {
    std::string region;
    std::string source;
    std::vector<Area> areas;
    std::string borders;  ///< the borders file as the map names it ("" = none: the map has seats only)
};

}  // namespace samverkan::model
