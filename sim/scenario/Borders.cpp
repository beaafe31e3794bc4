// A map's borders: a GeoJSON FeatureCollection of Polygon and MultiPolygon features, one per
// municipality, matched to the map's municipalities by their code.
#include "sim/scenario/Borders.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

#include "sim/model/Geometry.hpp"
#include "sim/scenario/InputFile.hpp"

namespace samverkan::scenario {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxProblems = 20;

struct TooDeep {};
struct TooManyProblems {};

/// A JSON value as it would be written, cut short: for saying what was found.
std::string shown(const Json& v) {
    std::string s = v.dump();
    if (s.size() > 40) s = s.substr(0, 40) + "…";
    return s;
}

class Reader {
public:
    Reader(const std::string& path, const Limits& limits, BordersRead& out)
        : m_path(path), m_limits(limits), m_out(out) {}

    void fail(std::string message, int line = 0, int column = 0) {
        m_out.diagnostics.push_back({m_path, line, column, std::move(message)});
        if (m_out.diagnostics.size() >= kMaxProblems) throw TooManyProblems{};
    }

    void read(const std::string& text) {
        Json root;
        try {
            const Json::parser_callback_t depth = [&](int d, Json::parse_event_t, Json&) {
                if (d > m_limits.maxDepth) throw TooDeep{};
                return true;
            };
            root = Json::parse(text, depth);
        } catch (const Json::parse_error& e) {
            syntaxError(text, e);
            return;
        } catch (const Json::exception& e) {
            fail(std::string("malformed JSON: ") + withoutPrefix(e.what()));
            return;
        } catch (const TooDeep&) {
            fail("malformed JSON: nested deeper than " + std::to_string(m_limits.maxDepth) + " levels");
            return;
        }
        try {
            readCollection(root);
        } catch (const TooManyProblems&) {
        }
    }

private:
    static std::string withoutPrefix(const std::string& what) {
        // "[json.exception.parse_error.101] parse error at line 3, column 2: syntax error …"
        auto start = what.find("] ");
        start = start == std::string::npos ? 0 : start + 2;
        if (what.compare(start, 11, "parse error") == 0)
            if (const auto colon = what.find(": ", start); colon != std::string::npos) start = colon + 2;
        return what.substr(start);
    }

    void syntaxError(const std::string& text, const Json::parse_error& e) {
        const std::size_t at = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
        const auto newlines = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
        const auto lineStart = text.rfind('\n', at == 0 ? 0 : at - 1);
        const std::size_t column = lineStart == std::string::npos || at == 0 ? at + 1 : at - lineStart;
        fail("malformed JSON: " + withoutPrefix(e.what()), static_cast<int>(newlines) + 1, static_cast<int>(column));
    }

    void readCollection(const Json& root) {
        if (!root.is_object() || root.value("type", Json()) != "FeatureCollection") {
            fail("expected a GeoJSON FeatureCollection: an object with \"type\": \"FeatureCollection\"");
            return;
        }
        const auto features = root.find("features");
        if (features == root.end() || !features->is_array()) {
            fail("the FeatureCollection needs \"features\", a list");
            return;
        }
        for (std::size_t i = 0; i < features->size(); ++i) readFeature((*features)[i], i);
    }

    void readFeature(const Json& f, std::size_t index) {
        const std::string at = "features[" + std::to_string(index) + "]";
        if (!f.is_object() || f.value("type", Json()) != "Feature") {
            fail(at + ": expected a Feature: an object with \"type\": \"Feature\"");
            return;
        }
        BorderFeature out;
        const Json* properties = nullptr;
        if (const auto p = f.find("properties"); p != f.end() && p->is_object()) properties = &*p;
        const Json* id = nullptr;
        if (properties != nullptr)
            if (const auto x = properties->find("id"); x != properties->end()) id = &*x;
        if (id == nullptr)
            if (const auto x = f.find("id"); x != f.end()) id = &*x;
        std::string name;
        if (properties != nullptr)
            if (const auto x = properties->find("name"); x != properties->end() && x->is_string())
                name = x->get<std::string>();
        if (id != nullptr && id->is_string())
            out.code = id->get<std::string>();
        else if (id != nullptr && id->is_number_integer())
            out.code = id->dump();
        out.where = at + (name.empty() ? ""
                                       : " (" + Json(name).dump() +
                                             (out.code.empty() ? "" : ", id " + Json(out.code).dump()) + ")");
        if (out.code.empty()) {
            fail(out.where + ": " + (id == nullptr ? "no" : "an unusable") +
                 " id (the municipality code, a string) in its properties or on the feature" +
                 (id == nullptr ? "" : ": got " + shown(*id)));
            return;
        }
        const auto geometry = f.find("geometry");
        if (geometry == f.end() || !geometry->is_object()) {
            fail(out.where + ": no geometry");
            return;
        }
        const auto type = geometry->value("type", Json());
        const auto coordinates = geometry->find("coordinates");
        if (type != "Polygon" && type != "MultiPolygon") {
            fail(out.where + ": the geometry must be a Polygon or a MultiPolygon; got " + shown(type));
            return;
        }
        if (coordinates == geometry->end()) {
            fail(out.where + ": the geometry has no coordinates");
            return;
        }
        const std::size_t problems = m_out.diagnostics.size();
        if (type == "Polygon") {
            readPolygon(*coordinates, out, "geometry.coordinates");
        } else if (!coordinates->is_array()) {
            fail(out.where + ": geometry.coordinates must be a list of polygons; got " + shown(*coordinates));
        } else {
            for (std::size_t k = 0; k < coordinates->size(); ++k)
                readPolygon((*coordinates)[k], out, "geometry.coordinates[" + std::to_string(k) + "]");
        }
        if (m_out.diagnostics.size() != problems) return;
        if (out.polygons.empty()) {
            fail(out.where + ": the geometry has no polygons");
            return;
        }
        for (std::size_t k = 0; k < out.polygons.size(); ++k) {
            const auto triangles = model::triangulate(out.polygons[k]);
            if (triangles.empty()) {
                fail(out.where + ": polygon " + std::to_string(k) +
                     " cannot be cut into triangles: its rings cross themselves or each other, or a hole lies outside");
                continue;
            }
            out.triangles.insert(out.triangles.end(), triangles.begin(), triangles.end());
        }
        m_out.features.push_back(std::move(out));
    }

    void readPolygon(const Json& rings, BorderFeature& out, const std::string& at) {
        if (!rings.is_array() || rings.empty()) {
            fail(out.where + ": " + at + " must be a non-empty list of rings; got " + shown(rings));
            return;
        }
        model::GeoPolygon polygon;
        for (std::size_t r = 0; r < rings.size(); ++r) {
            auto ring = readRing(rings[r], out, at + "[" + std::to_string(r) + "]");
            if (r == 0)
                polygon.outer = std::move(ring);
            else
                polygon.holes.push_back(std::move(ring));
        }
        out.polygons.push_back(std::move(polygon));
    }

    std::vector<model::GeoPoint> readRing(const Json& ring, const BorderFeature& out, const std::string& at) {
        std::vector<model::GeoPoint> points;
        if (!ring.is_array() || ring.size() < 4) {
            fail(out.where + ": " + at +
                 " must be a ring: a list of at least four positions, the last equal to the first; got " + shown(ring));
            return points;
        }
        m_points += ring.size() - 1;
        if (m_points > m_limits.maxBorderPoints) {
            fail("the borders hold more than " + std::to_string(m_limits.maxBorderPoints) +
                 " points (the limit); simplify them (mapshaper, say)");
            throw TooManyProblems{};
        }
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const auto& p = ring[i];
            const std::string here = at + "[" + std::to_string(i) + "]";
            if (!p.is_array() || p.size() < 2) {
                fail(out.where + ": " + here + " must be a position [lon, lat]; got " + shown(p));
                continue;
            }
            const auto coordinate = [&](std::size_t k, const char* what, double limit) -> std::optional<double> {
                const auto& v = p[k];
                if (!v.is_number() || !std::isfinite(v.get<double>()) || std::abs(v.get<double>()) > limit) {
                    fail(out.where + ": " + here + "[" + std::to_string(k) + "] (" + what +
                         ") must be a number between " + std::to_string(static_cast<int>(-limit)) + " and " +
                         std::to_string(static_cast<int>(limit)) + "; got " + shown(v));
                    return std::nullopt;
                }
                return v.get<double>();
            };
            const auto lon = coordinate(0, "longitude", 180);
            const auto lat = coordinate(1, "latitude", 90);
            if (lon && lat) points.push_back({*lon, *lat});
        }
        if (points.size() == ring.size() &&
            (points.front().lon != points.back().lon || points.front().lat != points.back().lat))
            fail(out.where + ": " + at + " is not closed: its last position must equal its first");
        if (!points.empty()) points.pop_back();
        return points;
    }

    const std::string& m_path;
    const Limits& m_limits;
    BordersRead& m_out;
    std::size_t m_points = 0;
};

}  // namespace

BordersRead readBorders(const std::string& path, const Limits& limits) {
    BordersRead out;
    std::string text, error;
    if (!readInputFile(path, limits.maxFileBytes, text, error)) {
        out.diagnostics.push_back({path, 0, 0, error});
        out.unreadable = true;
        return out;
    }
    Reader(path, limits, out).read(text);
    return out;
}

}  // namespace samverkan::scenario
