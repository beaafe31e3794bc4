// Areas, point-in-polygon and triangles of the map's borders.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "sim/model/Geometry.hpp"

using namespace samverkan;
using model::GeoPoint;
using model::GeoPolygon;

namespace {

constexpr double kDegree = 3.14159265358979323846 / 180;

GeoPolygon box(double lon0, double lat0, double lon1, double lat1) {
    return {{{lon0, lat0}, {lon1, lat0}, {lon1, lat1}, {lon0, lat1}}, {}};
}

/// Twice a triangle's area in the lon/lat plane, signed: > 0 counter-clockwise.
double turn(const model::GeoTriangle& t) {
    return (t[1].lon - t[0].lon) * (t[2].lat - t[0].lat) - (t[1].lat - t[0].lat) * (t[2].lon - t[0].lon);
}

double planeArea(const std::vector<model::GeoTriangle>& triangles) {
    double sum = 0;
    for (const auto& t : triangles) sum += std::abs(turn(t)) / 2;
    return sum;
}

bool covered(const std::vector<model::GeoTriangle>& triangles, GeoPoint p) {
    return std::any_of(triangles.begin(), triangles.end(), [&](const model::GeoTriangle& t) {
        const auto side = [&](GeoPoint a, GeoPoint b) {
            return (b.lon - a.lon) * (p.lat - a.lat) - (b.lat - a.lat) * (p.lon - a.lon);
        };
        const double d1 = side(t[0], t[1]), d2 = side(t[1], t[2]), d3 = side(t[2], t[0]);
        return (d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0);
    });
}

}  // namespace

TEST_CASE("a ring's area is the sphere's within a small county-sized error, either way round", "[geometry]") {
    const double side = model::kEarthRadiusKm * 0.1 * kDegree;  // 0.1° of a great circle, about 11.12 km
    SECTION("a square of 0.1° at the equator is side × side") {
        const auto square = box(0, 0, 0.1, 0.1);
        CHECK(model::polygonAreaKm2(square) == Approx(side * side).epsilon(1e-3));
        auto reversed = square.outer;
        std::reverse(reversed.begin(), reversed.end());
        CHECK(model::ringAreaKm2(reversed) == Approx(model::ringAreaKm2(square.outer)));
    }
    SECTION("1° × 1° at 60° N is R² · Δλ · (sin φ₂ − sin φ₁), about half the equator's") {
        const double r = model::kEarthRadiusKm;
        const double onSphere = r * r * kDegree * (std::sin(60.5 * kDegree) - std::sin(59.5 * kDegree));
        const double area = model::polygonAreaKm2(box(18, 59.5, 19, 60.5));
        CHECK(area == Approx(onSphere).epsilon(1e-3));
        // Without longitude scaled by cos(latitude) it would be twice as large.
        CHECK(area < 0.55 * r * r * kDegree * kDegree);
    }
    SECTION("a hole takes its area off") {
        auto withHole = box(18, 59, 19, 60);
        const double whole = model::polygonAreaKm2(withHole);
        withHole.holes.push_back(box(18.25, 59.25, 18.75, 59.75).outer);
        CHECK(model::polygonAreaKm2(withHole) == Approx(whole - model::ringAreaKm2(withHole.holes[0])));
        CHECK(model::polygonAreaKm2(withHole) < 0.8 * whole);
    }
    CHECK(model::ringAreaKm2({{0, 0}, {1, 1}}) == 0);
}

TEST_CASE("a point is inside a polygon when inside its outer ring and none of its holes", "[geometry]") {
    auto p = box(0, 0, 4, 4);
    p.holes.push_back(box(1, 1, 2, 2).outer);
    CHECK(model::contains(p, {0.5, 0.5}));
    CHECK(model::contains(p, {3, 3}));
    CHECK_FALSE(model::contains(p, {1.5, 1.5}));  // in the hole
    CHECK_FALSE(model::contains(p, {5, 1}));
    CHECK_FALSE(model::contains(p, {-1, 2}));
    // A concave ring: an L.
    const GeoPolygon l{{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}}, {}};
    CHECK(model::contains(l, {0.5, 1.5}));
    CHECK(model::contains(l, {1.5, 0.5}));
    CHECK_FALSE(model::contains(l, {1.5, 1.5}));
}

TEST_CASE("ear clipping covers a polygon exactly once with n − 2 triangles", "[geometry]") {
    SECTION("a concave ring, given clockwise and closed") {
        // A comb of three teeth: every gap between teeth is a reflex corner a naive fan would cross.
        std::vector<GeoPoint> comb{{0, 0}, {0, 3}, {1, 3}, {1, 1}, {2, 1}, {2, 3}, {3, 3},
                                   {3, 1}, {4, 1}, {4, 3}, {5, 3}, {5, 0}, {0, 0}};
        const auto t = model::triangulate({comb, {}});
        REQUIRE(t.size() == comb.size() - 1 - 2);
        for (const auto& tri : t) CHECK(turn(tri) > 0);  // all counter-clockwise, none degenerate
        CHECK(planeArea(t) == Approx(5 * 1 + 3 * 2));
        CHECK(covered(t, {0.5, 2.5}));
        CHECK(covered(t, {4.5, 2.5}));
        CHECK_FALSE(covered(t, {1.5, 2}));  // between the teeth
        CHECK_FALSE(covered(t, {3.5, 2.5}));
    }
    SECTION("a hole is left open") {
        auto p = box(0, 0, 4, 4);
        p.holes.push_back(box(1, 1, 3, 3).outer);
        p.holes.push_back(box(3.25, 0.5, 3.75, 1).outer);
        const auto t = model::triangulate(p);
        REQUIRE_FALSE(t.empty());
        CHECK(planeArea(t) == Approx(16 - 4 - 0.25));
        CHECK_FALSE(covered(t, {2, 2}));
        CHECK_FALSE(covered(t, {3.5, 0.75}));
        CHECK(covered(t, {0.5, 3.5}));
        CHECK(covered(t, {3.5, 3.5}));
    }
    SECTION("many holes in rows and columns, bridged one after another") {
        // Holes whose eastmost points line up make later bridges meet earlier ones.
        auto p = box(0, 0, 10, 10);
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j) p.holes.push_back(box(1 + 3 * i, 1 + 3 * j, 2 + 3 * i, 2 + 3 * j).outer);
        const auto t = model::triangulate(p);
        REQUIRE(t.size() == 4 + 9 * 4 + 2 * 9 - 2);  // n points, and two more for each bridge
        CHECK(planeArea(t) == Approx(100 - 9));
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j) {
                CHECK_FALSE(covered(t, {1.5 + 3 * i, 1.5 + 3 * j}));
                CHECK(covered(t, {2.5 + 3 * i, 2.5 + 3 * j}));
            }
    }
    SECTION("points on a straight line and repeated points need no triangle of their own") {
        const auto t = model::triangulate({{{0, 0}, {1, 0}, {1, 0}, {2, 0}, {2, 2}, {0, 2}}, {}});
        REQUIRE_FALSE(t.empty());
        CHECK(planeArea(t) == Approx(4));
        for (const auto& tri : t) CHECK(turn(tri) > 0);
    }
    SECTION("what cannot be filled gives no triangles") {
        CHECK(model::triangulate({{{0, 0}, {1, 1}, {1, 0}, {0, 1}}, {}}).empty());  // a figure eight
        CHECK(model::triangulate({{{0, 0}, {1, 1}}, {}}).empty());
        auto outside = box(0, 0, 1, 1);
        outside.holes.push_back(box(2, 0, 3, 1).outer);
        CHECK(model::triangulate(outside).empty());
    }
}
