#pragma once
// Private to sim/scenario: reading YAML with precise diagnostics. yaml-cpp stays behind this header.

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/engine/Time.hpp"
#include "sim/model/Text.hpp"
#include "sim/scenario/Diagnostic.hpp"

namespace samverkan::scenario {

/// Reads one YAML file and reports every problem against it.
class YamlDocument {
public:
    YamlDocument(std::string file, const Limits& limits, std::vector<Diagnostic>& out);

    /// Reads and parses the file, enforcing size, encoding, nesting and expansion limits.
    /// Returns false (with diagnostics) when there is no usable tree.
    bool load();
    /// Parses `text` as the file's content, enforcing the same limits as load() (size included).
    bool loadText(const std::string& text);
    /// Parses text as if it were the file's content (for tests and embedded documents).
    bool parse(const std::string& text);

    [[nodiscard]] const YAML::Node& root() const { return m_root; }
    [[nodiscard]] const std::string& file() const { return m_file; }
    [[nodiscard]] const Limits& limits() const { return m_limits; }
    [[nodiscard]] std::size_t errorCount() const { return m_out.size(); }

    void error(const YAML::Node& at, std::string message);
    void errorAt(const YAML::Mark& at, std::string message);
    void errorAt(int line, int column, std::string message);
    /// A problem found in another file that this one names (a weather series, say).
    void report(Diagnostic d);

    /// A scalar string; reports "<what> must be a single value" otherwise.
    std::optional<std::string> scalar(const YAML::Node& node, std::string_view what);
    /// An id: a single value, not empty, without spaces or control characters.
    std::optional<std::string> identifier(const YAML::Node& node, std::string_view what);
    /// A duration like "90min".
    std::optional<engine::Millis> duration(const YAML::Node& node, std::string_view what);
    /// An offset from the start like "+2h".
    std::optional<engine::Millis> offset(const YAML::Node& node, std::string_view what);
    /// An integer within [lo, hi].
    std::optional<std::int64_t> integer(const YAML::Node& node, std::string_view what, std::int64_t lo, std::int64_t hi);
    /// A boolean (true/false).
    std::optional<bool> boolean(const YAML::Node& node, std::string_view what);
    /// A text {sv: …, en: …}; both languages required, neither empty nor only spaces.
    std::optional<model::Text> text(const YAML::Node& node, std::string_view what);
    /// A list of scalars; a single scalar counts as a list of one.
    std::vector<std::string> stringList(const YAML::Node& node, std::string_view what);

private:
    bool prescan(const std::string& text);
    /// Visits the tree as a reader will, every alias expanded: false when it is nested too deep,
    /// has more than maxNodes nodes or more than maxTextBytes bytes of scalars.
    bool checkTree(const YAML::Node& node, int depth, std::size_t& nodes, std::size_t& bytes);

    std::string m_file;
    Limits m_limits;
    std::vector<Diagnostic>& m_out;
    YAML::Node m_root;
};

/// The keys of one mapping node: lookups mark keys as known; finish() reports unknown and
/// duplicate keys, suggesting the closest known key.
class MapView {
public:
    /// Reports "<what> must be a mapping" if the node is not one.
    MapView(YamlDocument& doc, const YAML::Node& node, std::string what);
    [[nodiscard]] bool ok() const { return m_ok; }
    /// The value under `key`, if present.
    std::optional<YAML::Node> get(std::string_view key);
    /// The value under `key`; reports "<what> needs 'key'" at the mapping if absent.
    std::optional<YAML::Node> require(std::string_view key);
    /// Requires `format: <expected>`, reporting a missing or different format.
    void requireFormat(const std::string& expected);
    /// Reports duplicates and keys that were never looked up. Call once, after all lookups.
    void finish();
    [[nodiscard]] const YAML::Node& node() const { return m_node; }

private:
    struct Key {
        std::string name;
        YAML::Mark mark;
        YAML::Node value;
        bool duplicate = false;
    };
    YamlDocument& m_doc;
    YAML::Node m_node;
    std::string m_what;
    bool m_ok = false;
    std::vector<Key> m_keys;
    std::vector<std::string> m_known;
};

/// Runs one loader. A yaml-cpp exception that escapes it (a shape of document the readers did not
/// foresee) becomes a diagnostic in the file being read, never an internal error; what was already
/// found is kept.
template <class T, class Read>
Loaded<T> guardedLoad(const std::string& path, Read&& read) {
    Loaded<T> result;
    try {
        read(result);
    } catch (const YAML::Exception& e) {
        result.value.reset();
        result.diagnostics.push_back({path, e.mark.is_null() ? 1 : e.mark.line + 1, e.mark.is_null() ? 1 : e.mark.column + 1,
                                      "malformed document: " + e.msg});
        sortDiagnostics(result.diagnostics);
    }
    return result;
}

}  // namespace samverkan::scenario
