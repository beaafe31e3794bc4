#include "sim/scenario/YamlDocument.hpp"

#include <algorithm>
#include <charconv>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <yaml-cpp/eventhandler.h>

#include "sim/model/Names.hpp"
#include "sim/scenario/InputFile.hpp"

namespace samverkan::scenario {
namespace {

// Parser events that only note where the second document's first node is.
class SecondDocumentMark : public YAML::EventHandler {
public:
    YAML::Mark second = YAML::Mark::null_mark();

    void OnDocumentStart(const YAML::Mark&) override { ++m_documents; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { note(mark); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { note(mark); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override { note(mark); }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        note(mark);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override { note(mark); }
    void OnMapEnd() override {}

private:
    void note(const YAML::Mark& mark) {
        if (m_documents == 2 && second.is_null()) second = mark;
    }
    int m_documents = 0;
};

}  // namespace

YamlDocument::YamlDocument(std::string file, const Limits& limits, std::vector<Diagnostic>& out)
    : m_file(std::move(file)), m_limits(limits), m_out(out) {}

void YamlDocument::errorAt(int line, int column, std::string message) {
    m_out.push_back({m_file, line, column, std::move(message)});
}

void YamlDocument::report(Diagnostic d) { m_out.push_back(std::move(d)); }

void YamlDocument::errorAt(const YAML::Mark& at, std::string message) {
    if (at.is_null()) errorAt(0, 0, std::move(message));
    else errorAt(at.line + 1, at.column + 1, std::move(message));
}

void YamlDocument::error(const YAML::Node& at, std::string message) {
    // A lookup of a missing key gives an invalid node whose Mark() throws; such an error is placed at
    // the start of the document rather than lost.
    if (!at.IsDefined()) return errorAt(1, 1, std::move(message));
    errorAt(at.Mark(), std::move(message));
}

bool YamlDocument::load() {
    std::string text, problem;
    if (!readInputFile(m_file, m_limits.maxFileBytes, text, problem)) {
        errorAt(0, 0, problem);
        return false;
    }
    return parse(text);
}

bool YamlDocument::loadText(const std::string& text) {
    if (text.size() > m_limits.maxFileBytes) {
        errorAt(0, 0, "the file is " + std::to_string(text.size()) + " bytes; the limit is " + std::to_string(m_limits.maxFileBytes));
        return false;
    }
    return parse(text);
}

// Rejects binary junk and nesting that would make the parser recurse too deeply, before parsing.
bool YamlDocument::prescan(const std::string& text) {
    int line = 1, column = 1, flowDepth = 0;
    std::vector<int> indents;  // indentation of open block levels
    bool atLineStart = true;
    int indent = 0, dashes = 0;
    char quote = 0;
    bool comment = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0) {
            errorAt(line, column, "binary data: NUL byte in a text file");
            return false;
        }
        if (c >= 0x80) {  // validate one UTF-8 sequence
            const int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
            bool valid = len > 0 && i + static_cast<std::size_t>(len) <= text.size();
            for (int k = 1; valid && k < len; ++k) valid = (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) >> 6) == 0x2;
            if (!valid) {
                errorAt(line, column, "invalid UTF-8 byte sequence");
                return false;
            }
            i += static_cast<std::size_t>(len - 1);
            ++column;
            atLineStart = false;
            continue;
        }
        if (c == '\n') {
            ++line;
            column = 1;
            atLineStart = true;
            indent = dashes = 0;
            comment = false;
            if (quote == '\'') quote = 0;  // plain single-quoted scalars rarely span lines here
            continue;
        }
        if (comment) { ++column; continue; }
        if (quote != 0) {
            if (c == '\\' && quote == '"') { ++i; column += 2; continue; }
            if (c == static_cast<unsigned char>(quote)) quote = 0;
            ++column;
            continue;
        }
        if (atLineStart) {
            if (c == ' ') { ++indent; ++column; continue; }
            if (c == '-' && i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '\n')) {
                ++dashes;
                ++column;
                continue;
            }
            if (c == '#') { comment = true; ++column; continue; }
            atLineStart = false;
            while (!indents.empty() && indents.back() >= indent) indents.pop_back();
            indents.push_back(indent);
            if (static_cast<int>(indents.size()) + dashes + flowDepth > m_limits.maxDepth) {
                errorAt(line, column, "nesting is deeper than " + std::to_string(m_limits.maxDepth) + " levels");
                return false;
            }
        }
        if (c == '#' && (i == 0 || text[i - 1] == ' ')) comment = true;
        else if (c == '"' || (c == '\'' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '[' || text[i - 1] == '{' || text[i - 1] == ',' || text[i - 1] == ':'))) quote = static_cast<char>(c);
        else if (c == '[' || c == '{') {
            if (++flowDepth + static_cast<int>(indents.size()) > m_limits.maxDepth) {
                errorAt(line, column, "nesting is deeper than " + std::to_string(m_limits.maxDepth) + " levels");
                return false;
            }
        } else if ((c == ']' || c == '}') && flowDepth > 0) --flowDepth;
        ++column;
    }
    return true;
}

bool YamlDocument::checkTree(const YAML::Node& node, int depth, std::size_t& nodes, std::size_t& bytes) {
    if (nodes == 0) return false;
    --nodes;
    if (depth > m_limits.maxDepth) {
        error(node, "nesting is deeper than " + std::to_string(m_limits.maxDepth) + " levels");
        nodes = 0;
        return false;
    }
    if (node.IsScalar()) {
        const std::size_t size = node.Scalar().size();
        if (size > bytes) {
            bytes = 0;
            return false;
        }
        bytes -= size;
    } else if (node.IsMap()) {
        for (const auto& kv : node)
            if (!checkTree(kv.first, depth + 1, nodes, bytes) || !checkTree(kv.second, depth + 1, nodes, bytes)) return false;
    } else if (node.IsSequence()) {
        for (const auto& item : node)
            if (!checkTree(item, depth + 1, nodes, bytes)) return false;
    }
    return true;
}

bool YamlDocument::parse(const std::string& text) {
    if (!prescan(text)) return false;
    try {
        // One document per file: anything after a second document marker (---, ..., a directive)
        // would otherwise be read by nobody and trusted by the reader. The documents are counted
        // up to two, never all: yaml-cpp 0.7 reads a ',' outside [ ] or { } after the first
        // document's top-level node as an endless run of empty documents (YAML::LoadAll never
        // returns).
        std::istringstream in(text);
        YAML::Parser parser(in);
        SecondDocumentMark marks;
        const bool any = parser.HandleNextDocument(marks);
        if (any && parser.HandleNextDocument(marks)) {
            const auto& mark = marks.second;
            const auto at = mark.is_null() || mark.pos < 0 ? std::string::npos : static_cast<std::size_t>(mark.pos);
            if (at < text.size() && text[at] == ',')
                errorAt(mark, "',' outside a flow collection ([…] or {…}); quote the value if the comma belongs to it");
            else if (mark.is_null()) errorAt(1, 1, "the file holds more than one YAML document; a Samverkan file is one document");
            else errorAt(mark, "a second YAML document starts here; a Samverkan file is one document");
            return false;
        }
        m_root = any ? YAML::Load(text) : YAML::Node();
    } catch (const YAML::Exception& e) {
        errorAt(e.mark, "YAML syntax: " + e.msg);
        return false;
    }
    std::size_t nodes = m_limits.maxNodes, bytes = m_limits.maxTextBytes;
    const std::size_t before = m_out.size();
    if (!checkTree(m_root, 0, nodes, bytes)) {
        if (m_out.size() != before) return false;
        if (nodes == 0)
            errorAt(1, 1, "the document expands to more than " + std::to_string(m_limits.maxNodes) +
                              " nodes (aliases are expanded); refusing to read it");
        else
            errorAt(1, 1, "the document expands to more than " + std::to_string(m_limits.maxTextBytes) +
                              " bytes of text (aliases are expanded); refusing to read it");
        return false;
    }
    if (!m_root.IsMap()) {
        if (m_root.IsNull()) errorAt(1, 1, "the file is empty; expected a mapping with 'format' first");
        else error(m_root, "expected a mapping at the top level");
        return false;
    }
    return true;
}

std::optional<std::string> YamlDocument::scalar(const YAML::Node& node, std::string_view what) {
    if (!node.IsScalar()) {
        error(node, std::string(what) + " must be a single value");
        return std::nullopt;
    }
    return node.Scalar();
}

std::optional<std::string> YamlDocument::identifier(const YAML::Node& node, std::string_view what) {
    auto s = scalar(node, what);
    if (!s) return std::nullopt;
    if (s->empty()) {
        error(node, std::string(what) + " must not be empty");
        return std::nullopt;
    }
    if (std::any_of(s->begin(), s->end(), [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; })) {
        error(node, std::string(what) + " \"" + *s + "\" must not contain spaces or control characters");
        return std::nullopt;
    }
    return s;
}

std::optional<engine::Millis> YamlDocument::duration(const YAML::Node& node, std::string_view what) {
    const auto s = scalar(node, what);
    if (!s) return std::nullopt;
    bool tooLong = false;
    const auto d = engine::parseDuration(*s, &tooLong);
    if (tooLong)
        error(node, std::string(what) + " \"" + *s + "\" is longer than the longest duration Samverkan reads, " +
                        std::to_string(engine::kMaxDuration / engine::kDay) + "d");
    else if (!d)
        error(node, std::string(what) + " must look like \"90min\" or \"1h30min\"; got \"" + *s + "\"");
    return d;
}

std::optional<engine::Millis> YamlDocument::offset(const YAML::Node& node, std::string_view what) {
    const auto s = scalar(node, what);
    if (!s) return std::nullopt;
    bool tooLong = false;
    const auto d = engine::parseOffset(*s, &tooLong);
    if (tooLong)
        error(node, std::string(what) + " \"" + *s + "\" is further than the longest duration Samverkan reads, " +
                        std::to_string(engine::kMaxDuration / engine::kDay) + "d");
    else if (!d)
        error(node, std::string(what) + " must look like \"+2h\" or \"+1d6h\"; got \"" + *s + "\"");
    return d;
}

std::optional<std::int64_t> YamlDocument::integer(const YAML::Node& node, std::string_view what, std::int64_t lo,
                                                  std::int64_t hi) {
    const auto s = scalar(node, what);
    if (!s) return std::nullopt;
    // Digits only (no sign, no spaces), parsed without exceptions: a value past 64 bits is out of range.
    std::int64_t value = 0;
    bool ok = !s->empty() && std::all_of(s->begin(), s->end(), [](char c) { return c >= '0' && c <= '9'; });
    if (ok) {
        const auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), value);
        ok = ec == std::errc{} && end == s->data() + s->size();
    }
    if (!ok || value < lo || value > hi) {
        error(node, std::string(what) + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) +
                        "; got \"" + *s + "\"");
        return std::nullopt;
    }
    return value;
}

std::optional<bool> YamlDocument::boolean(const YAML::Node& node, std::string_view what) {
    const auto s = scalar(node, what);
    if (!s) return std::nullopt;
    if (*s == "true") return true;
    if (*s == "false") return false;
    error(node, std::string(what) + " must be true or false; got \"" + *s + "\"");
    return std::nullopt;
}

std::optional<model::Text> YamlDocument::text(const YAML::Node& node, std::string_view what) {
    MapView map(*this, node, std::string(what));
    if (!map.ok()) return std::nullopt;
    model::Text t;
    bool ok = true;
    for (const auto* lang : {"sv", "en"}) {
        const auto v = map.require(lang);
        if (!v) { ok = false; continue; }
        const auto s = scalar(*v, std::string(what) + "." + lang);
        if (!s) { ok = false; continue; }
        // Every text is read in both languages; an empty one would show a blank to half the readers.
        if (s->find_first_not_of(" \t\r\n") == std::string::npos) {
            error(*v, std::string(what) + "." + lang + " must not be empty");
            ok = false;
            continue;
        }
        (std::string_view(lang) == "sv" ? t.sv : t.en) = *s;
    }
    map.finish();
    if (!ok) return std::nullopt;
    return t;
}

std::vector<std::string> YamlDocument::stringList(const YAML::Node& node, std::string_view what) {
    std::vector<std::string> out;
    if (node.IsScalar()) return {node.Scalar()};
    if (!node.IsSequence()) {
        error(node, std::string(what) + " must be a list");
        return out;
    }
    for (const auto& item : node)
        if (const auto s = scalar(item, std::string(what) + " item")) out.push_back(*s);
    return out;
}

MapView::MapView(YamlDocument& doc, const YAML::Node& node, std::string what)
    : m_doc(doc), m_node(node), m_what(std::move(what)) {
    if (!node.IsMap()) {
        doc.error(node, m_what + " must be a mapping of keys to values");
        return;
    }
    m_ok = true;
    for (const auto& kv : node) {
        Key key;
        key.name = kv.first.IsScalar() ? kv.first.Scalar() : std::string{};
        key.mark = kv.first.Mark();
        key.value = kv.second;
        for (const auto& earlier : m_keys)
            if (earlier.name == key.name) key.duplicate = true;
        m_keys.push_back(std::move(key));
    }
}

std::optional<YAML::Node> MapView::get(std::string_view key) {
    m_known.emplace_back(key);
    for (const auto& k : m_keys)
        if (k.name == key) return k.value;
    return std::nullopt;
}

std::optional<YAML::Node> MapView::require(std::string_view key) {
    auto v = get(key);
    if (!v && m_ok) m_doc.error(m_node, m_what + " needs '" + std::string(key) + "'");
    return v;
}

void MapView::requireFormat(const std::string& expected) {
    const auto v = require("format");
    if (!v) return;
    const auto found = m_doc.scalar(*v, "format");
    if (found && *found != expected) m_doc.error(*v, "format must be \"" + expected + "\"; got \"" + *found + "\"");
}

void MapView::finish() {
    if (!m_ok) return;
    for (const auto& k : m_keys) {
        if (k.duplicate) {
            int firstLine = 0;
            for (const auto& e : m_keys)
                if (e.name == k.name) { firstLine = e.mark.line + 1; break; }
            m_doc.errorAt(k.mark, "duplicate key '" + k.name + "' in " + m_what + " (first at line " +
                                      std::to_string(firstLine) + ")");
        } else if (std::find(m_known.begin(), m_known.end(), k.name) == m_known.end()) {
            std::string expected;
            for (const auto& n : m_known) expected += (expected.empty() ? "" : ", ") + n;
            const std::string hint = model::didYouMean(k.name, m_known);
            m_doc.errorAt(k.mark, "unknown key '" + k.name + "' in " + m_what +
                                      (hint.empty() ? " (expected one of: " + expected + ")" : hint));
        }
    }
}

}  // namespace samverkan::scenario
