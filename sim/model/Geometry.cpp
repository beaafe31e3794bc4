#include "sim/model/Geometry.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

namespace samverkan::model {
namespace {

constexpr double kRadians = 3.14159265358979323846 / 180;

/// Twice the signed area of triangle o, a, b in the lon/lat plane: > 0 when it turns left.
double cross(GeoPoint o, GeoPoint a, GeoPoint b) {
    return (a.lon - o.lon) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lon - o.lon);
}

bool same(GeoPoint a, GeoPoint b) {
    return a.lon == b.lon && a.lat == b.lat;
}

/// Twice the signed area of a ring in the lon/lat plane: > 0 when it runs counter-clockwise.
double signedArea2(const std::vector<GeoPoint>& ring) {
    // About the first point, so that a small ring far from (0, 0) keeps its precision.
    double sum = 0;
    for (std::size_t i = 1; i + 1 < ring.size(); ++i) sum += cross(ring.front(), ring[i], ring[i + 1]);
    return sum;
}

bool inRing(const std::vector<GeoPoint>& ring, GeoPoint p) {
    bool inside = false;
    for (std::size_t i = 0, n = ring.size(), j = n - 1; i < n; j = i++) {
        const auto& a = ring[i];
        const auto& b = ring[j];
        if ((a.lat > p.lat) != (b.lat > p.lat) && p.lon < a.lon + (p.lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat))
            inside = !inside;
    }
    return inside;
}

/// Inside or on the edges of triangle a, b, c, whichever way it turns.
bool inTriangle(GeoPoint p, GeoPoint a, GeoPoint b, GeoPoint c) {
    const double d1 = cross(a, b, p), d2 = cross(b, c, p), d3 = cross(c, a, p);
    const bool negative = d1 < 0 || d2 < 0 || d3 < 0;
    const bool positive = d1 > 0 || d2 > 0 || d3 > 0;
    return !(negative && positive);
}

/// The ring without repeated neighbours (the closing point included), turning as `counterClockwise` says.
std::vector<GeoPoint> normalised(const std::vector<GeoPoint>& ring, bool counterClockwise) {
    std::vector<GeoPoint> out;
    for (const auto& p : ring)
        if (out.empty() || !same(out.back(), p)) out.push_back(p);
    while (out.size() > 1 && same(out.front(), out.back())) out.pop_back();
    if ((signedArea2(out) > 0) != counterClockwise) std::reverse(out.begin(), out.end());
    return out;
}

/// True if the direction from `at` to `p` lies inside the corner prev → at → next of a
/// counter-clockwise ring (the inside is to the left).
bool opensTowards(GeoPoint prev, GeoPoint at, GeoPoint next, GeoPoint p) {
    const auto turn = [&](GeoPoint u, GeoPoint v) {
        return (u.lon - at.lon) * (v.lat - at.lat) - (u.lat - at.lat) * (v.lon - at.lon);
    };
    // The inside sweeps counter-clockwise from the edge to `next` round to the edge to `prev`.
    if (turn(next, prev) > 0) return turn(next, p) > 0 && turn(p, prev) > 0;
    return !(turn(prev, p) >= 0 && turn(p, next) >= 0);
}

/// Joins `hole` (clockwise) to `ring` (counter-clockwise) at the hole's rightmost point by a
/// bridge to a ring point it sees (D. Eberly, "Triangulation by ear clipping", 2002, section 3).
bool bridge(std::vector<GeoPoint>& ring, const std::vector<GeoPoint>& hole) {
    std::size_t m = 0;
    for (std::size_t i = 1; i < hole.size(); ++i)
        if (hole[i].lon > hole[m].lon) m = i;
    const GeoPoint from = hole[m];
    // The nearest ring edge that a ray from `from` to the east crosses.
    double nearest = std::numeric_limits<double>::infinity();
    std::size_t edge = ring.size();
    const std::size_t n = ring.size();
    for (std::size_t i = 0; i < n; ++i) {
        const auto& a = ring[i];
        const auto& b = ring[(i + 1) % n];
        if ((a.lat > from.lat) == (b.lat > from.lat)) continue;
        const double x = a.lon + (from.lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat);
        if (x >= from.lon && x < nearest) nearest = x, edge = i;
    }
    if (edge == n) return false;  // the hole is not inside the ring
    const GeoPoint hit{nearest, from.lat};
    std::size_t to = ring[edge].lon > ring[(edge + 1) % n].lon ? edge : (edge + 1) % n;
    if (!same(ring[to], hit)) {
        // A reflex ring point inside the triangle from, hit, ring[to] would block the view: take the
        // one nearest in angle to the ray instead.
        const GeoPoint candidate = ring[to];
        double bestAngle = std::numeric_limits<double>::infinity(), bestDistance = bestAngle;
        for (std::size_t i = 0; i < n; ++i) {
            const auto& p = ring[i];
            if (i == to || same(p, candidate)) continue;
            if (cross(ring[(i + n - 1) % n], p, ring[(i + 1) % n]) > 0) continue;  // convex
            if (!inTriangle(p, from, hit, candidate)) continue;
            const double dx = p.lon - from.lon, dy = p.lat - from.lat;
            const double angle = std::abs(std::atan2(dy, dx)), distance = dx * dx + dy * dy;
            if (angle < bestAngle || (angle == bestAngle && distance < bestDistance))
                bestAngle = angle, bestDistance = distance, to = i;
        }
    }
    // A point joined to an earlier hole is in the ring more than once: the bridge must leave from
    // the copy whose corner it runs into, or it would cross the earlier bridge.
    for (std::size_t k = 0; k < n; ++k)
        if (same(ring[k], ring[to]) && opensTowards(ring[(k + n - 1) % n], ring[k], ring[(k + 1) % n], from)) {
            to = k;
            break;
        }
    std::vector<GeoPoint> joined(ring.begin(), ring.begin() + static_cast<std::ptrdiff_t>(to) + 1);
    for (std::size_t k = 0; k <= hole.size(); ++k) joined.push_back(hole[(m + k) % hole.size()]);
    joined.insert(joined.end(), ring.begin() + static_cast<std::ptrdiff_t>(to), ring.end());
    ring = std::move(joined);
    return true;
}

}  // namespace

double ringAreaKm2(const std::vector<GeoPoint>& ring) {
    if (ring.size() < 3) return 0;
    const double lon0 = ring.front().lon;
    const auto x = [&](const GeoPoint& p) { return (p.lon - lon0) * kRadians * std::cos(p.lat * kRadians); };
    double sum = 0;
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
        const auto& a = ring[i];
        const auto& b = ring[(i + 1) % n];
        sum += x(a) * b.lat * kRadians - x(b) * a.lat * kRadians;
    }
    return std::abs(sum) / 2 * kEarthRadiusKm * kEarthRadiusKm;
}

double polygonAreaKm2(const GeoPolygon& polygon) {
    double area = ringAreaKm2(polygon.outer);
    for (const auto& hole : polygon.holes) area -= ringAreaKm2(hole);
    return std::max(area, 0.0);
}

bool contains(const GeoPolygon& polygon, GeoPoint point) {
    if (!inRing(polygon.outer, point)) return false;
    return std::none_of(polygon.holes.begin(), polygon.holes.end(),
                        [&](const auto& hole) { return inRing(hole, point); });
}

std::vector<GeoTriangle> triangulate(const GeoPolygon& polygon) {
    auto ring = normalised(polygon.outer, true);
    if (ring.size() < 3) return {};
    double expected = std::abs(signedArea2(ring));
    std::vector<std::vector<GeoPoint>> holes;
    for (const auto& h : polygon.holes) {
        holes.push_back(normalised(h, false));
        if (holes.back().size() < 3) return {};
        expected -= std::abs(signedArea2(holes.back()));
    }
    // Eastmost hole first, so that each bridge runs to the ring or to a hole already joined.
    const auto east = [](const std::vector<GeoPoint>& r) {
        return std::max_element(r.begin(), r.end(), [](GeoPoint a, GeoPoint b) { return a.lon < b.lon; })->lon;
    };
    std::sort(holes.begin(), holes.end(), [&](const auto& a, const auto& b) { return east(a) > east(b); });
    for (const auto& h : holes)
        if (!bridge(ring, h)) return {};

    // The ring as a doubly linked list; an ear is cut off wherever one is found.
    const std::size_t n = ring.size();
    std::vector<std::size_t> prev(n), next(n);
    for (std::size_t i = 0; i < n; ++i) prev[i] = (i + n - 1) % n, next[i] = (i + 1) % n;
    const auto turn = [&](std::size_t i) { return cross(ring[prev[i]], ring[i], ring[next[i]]); };
    const auto isEar = [&](std::size_t i) {
        if (turn(i) <= 0) return false;
        const GeoPoint a = ring[prev[i]], b = ring[i], c = ring[next[i]];
        // Every other point, not only the reflex ones: at a bridge the ring touches itself.
        for (std::size_t j = next[next[i]]; j != prev[i]; j = next[j]) {
            const GeoPoint p = ring[j];
            if (same(p, a) || same(p, b) || same(p, c)) continue;
            if (inTriangle(p, a, b, c)) return false;
        }
        return true;
    };
    const auto unlink = [&](std::size_t i) {
        next[prev[i]] = next[i];
        prev[next[i]] = prev[i];
    };
    std::vector<GeoTriangle> out;
    out.reserve(n);
    std::size_t remaining = n, i = 0, sinceCut = 0;
    while (remaining > 3) {
        if (isEar(i)) {
            out.push_back({ring[prev[i]], ring[i], ring[next[i]]});
            unlink(i);
            --remaining;
            i = prev[i];
            sinceCut = 0;
            continue;
        }
        i = next[i];
        if (++sinceCut < remaining) continue;
        // A whole turn without an ear: a point on a straight line or the tip of a spike of no
        // width can go without a triangle; anything else means the rings cross.
        std::size_t j = i;
        do {
            if (turn(j) == 0) break;
            j = next[j];
        } while (j != i);
        if (turn(j) != 0) return {};
        unlink(j);
        --remaining;
        i = prev[j];
        sinceCut = 0;
    }
    if (turn(i) > 0)
        out.push_back({ring[prev[i]], ring[i], ring[next[i]]});
    else if (turn(i) < 0)
        return {};
    // Triangles from rings that cross each other overlap or leave gaps: their areas do not add up.
    double sum = 0;
    for (const auto& t : out) sum += cross(t[0], t[1], t[2]);
    if (expected <= 0 || std::abs(sum - expected) > 1e-6 * expected) return {};
    return out;
}

}  // namespace samverkan::model
