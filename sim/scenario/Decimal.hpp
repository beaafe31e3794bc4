#pragma once
/// Reading a number as a scenario file or an SMHI download writes it: an optional '-', digits with
/// an optional point and exponent ("12", "-0.5", "1e-3"), and nothing else.

#include <optional>
#include <string>
#include <string_view>

namespace samverkan::scenario {

/// Why a text is not a number that can be used.
enum class DecimalProblem {
    none,
    empty,
    plusSign,      ///< "+1.2": a leading '+'
    hexadecimal,   ///< "0x1p3"
    notFinite,     ///< "inf", "nan" and their spellings
    outOfRange,    ///< "1e400": beyond what a double holds (or so close to 0 that it cannot tell)
    decimalComma,  ///< "1,2"
    trailing,      ///< "1.2mm": a number followed by something else
    notANumber,    ///< anything else
};

/// A number read with std::from_chars from the whole of a text, or why it is none.
struct Decimal {
    std::optional<double> value;  ///< set, and finite, exactly when `problem` is `none`
    DecimalProblem problem = DecimalProblem::none;
    /// The text begins with '-' and is a number below 0, or one too large to hold: for a quantity
    /// that must not be negative, "negative" says more than "not a number".
    bool negative = false;
};

/// Reads all of `text` (no surrounding spaces) as a decimal number.
Decimal readDecimal(std::string_view text);

/// Why `d` is not a number, in brackets after a space, for an error message ("" when there is
/// nothing to add to the text itself).
std::string decimalHint(const Decimal& d, std::string_view text);

}  // namespace samverkan::scenario
