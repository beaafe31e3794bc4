#pragma once
// Building blocks of the renderer's sentences (internal to sim/render/).

#include <initializer_list>
#include <string>

#include "sim/model/Text.hpp"

namespace samverkan::render::words {

/// The parts joined, language by language.
inline model::Text cat(std::initializer_list<model::Text> parts) {
    model::Text out;
    for (const auto& p : parts) {
        out.sv += p.sv;
        out.en += p.en;
    }
    return out;
}
/// A fixed phrase in both languages.
inline model::Text lit(const char* sv, const char* en) { return {sv, en}; }
/// The same characters in both languages (numbers, quoted input).
inline model::Text same(const std::string& s) { return {s, s}; }
/// What a person typed, quoted as each language quotes.
inline model::Text quoted(const std::string& s) { return {"”" + s + "”", "‘" + s + "’"}; }

}  // namespace samverkan::render::words
