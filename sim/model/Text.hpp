#pragma once
/// Text a person reads, in Swedish and English.

#include <string>

namespace samverkan::model {

/// The languages of everything a person reads.
enum class Lang { sv, en };

/// A text in both languages. Either may be empty only where the loader allowed it.
struct Text {
    std::string sv;
    std::string en;

    /// The text in `lang`, falling back to the other language when that one is empty.
    [[nodiscard]] const std::string& in(Lang lang) const {
        const std::string& chosen = lang == Lang::sv ? sv : en;
        return chosen.empty() ? (lang == Lang::sv ? en : sv) : chosen;
    }
    [[nodiscard]] bool empty() const { return sv.empty() && en.empty(); }
    bool operator==(const Text&) const = default;
};

}  // namespace samverkan::model
