#pragma once
/// Plane geometry on a map's borders: areas in km², point-in-polygon and cutting a polygon into
/// triangles for filling. Coordinates are WGS 84 degrees (GeoPoint); a county is small enough for
/// the plane approximations used here.

#include <vector>

#include "sim/model/AreaMap.hpp"

namespace samverkan::model {

/// The Earth's mean radius (IUGG), in km.
inline constexpr double kEarthRadiusKm = 6371.0088;

/// The area inside a ring, in km², whichever way it runs: the ring in the sinusoidal projection
/// about its first point's meridian (x = R·Δλ·cos φ, y = R·φ), which keeps areas, with straight
/// edges between the projected points. 0 for fewer than three points.
double ringAreaKm2(const std::vector<GeoPoint>& ring);

/// The outer ring's area less its holes', in km².
double polygonAreaKm2(const GeoPolygon& polygon);

/// True if `point` lies inside the outer ring and inside none of the holes (even-odd rule; a point
/// exactly on an edge may fall either way).
bool contains(const GeoPolygon& polygon, GeoPoint point);

/// Cuts a polygon into triangles that cover it exactly once, by ear clipping in the lon/lat plane
/// (so also in any projection that scales lon and lat by constants); holes are first joined to the
/// outer ring by a bridge each. Repeated points and points on a straight line are allowed. Empty
/// when it cannot be done: a ring of fewer than three points, rings that cross themselves or each
/// other, or a hole outside the outer ring. Work grows with the square of the number of points.
std::vector<GeoTriangle> triangulate(const GeoPolygon& polygon);

}  // namespace samverkan::model
