// Numbers from input files, read with std::from_chars: unlike strtod it takes no '+', no
// hexadecimal and no locale, and this reader also refuses what from_chars would take but no
// measurement is, infinity and NaN.
#include "sim/scenario/Decimal.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

namespace samverkan::scenario {
namespace {

bool startsWithLetters(std::string_view s, std::string_view word) {
    if (s.size() < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if ((s[i] | 0x20) != word[i]) return false;
    return true;
}

}  // namespace

Decimal readDecimal(std::string_view text) {
    Decimal d;
    const auto fail = [&](DecimalProblem p) {
        d.problem = p;
        return d;
    };
    if (text.empty()) return fail(DecimalProblem::empty);
    if (text.front() == '+') return fail(DecimalProblem::plusSign);
    const bool minus = text.front() == '-';
    const std::string_view unsignedText = minus ? text.substr(1) : text;
    // from_chars reads "inf" and "nan"; YAML spells them ".inf" and ".nan".
    const std::string_view word = unsignedText.rfind('.', 0) == 0 ? unsignedText.substr(1) : unsignedText;
    if (startsWithLetters(word, "inf") || startsWithLetters(word, "nan")) return fail(DecimalProblem::notFinite);
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range) {
        d.negative = minus;
        return fail(DecimalProblem::outOfRange);
    }
    if (ec != std::errc()) return fail(DecimalProblem::notANumber);
    if (end != text.data() + text.size()) {
        const std::string_view rest(end, static_cast<std::size_t>(text.data() + text.size() - end));
        // from_chars stops at the 'x' of "0x1p3" and at the ',' of "1,2": say what was meant.
        if ((rest.front() == 'x' || rest.front() == 'X') && (unsignedText.rfind('0', 0) == 0))
            return fail(DecimalProblem::hexadecimal);
        if (rest.front() == ',') return fail(DecimalProblem::decimalComma);
        return fail(DecimalProblem::trailing);
    }
    if (!std::isfinite(value)) return fail(DecimalProblem::notFinite);
    d.value = value;
    d.negative = value < 0;
    return d;
}

std::string decimalHint(const Decimal& d, std::string_view text) {
    switch (d.problem) {
        case DecimalProblem::none:
        case DecimalProblem::empty:
        case DecimalProblem::notANumber:
            return "";
        case DecimalProblem::plusSign:
            return " (a number is written without '+')";
        case DecimalProblem::hexadecimal:
            return " (write it in decimals, not hexadecimal)";
        case DecimalProblem::notFinite:
            return " (infinity and NaN are not values)";
        case DecimalProblem::outOfRange:
            return " (beyond the range a number can hold)";
        case DecimalProblem::decimalComma:
            return " (decimals are written with a point)";
        case DecimalProblem::trailing: {
            double ignored = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), ignored);
            (void)ec;
            std::string_view rest(end, static_cast<std::size_t>(text.data() + text.size() - end));
            std::string more;
            if (rest.size() > 20) {
                // Cut at a character's start, not inside one.
                std::size_t cut = 20;
                while (cut > 0 && (static_cast<unsigned char>(rest[cut]) & 0xC0) == 0x80) --cut;
                rest = rest.substr(0, cut);
                more = "…";
            }
            return " (\"" + std::string(rest) + more + "\" follows the number)";
        }
    }
    return "";
}

}  // namespace samverkan::scenario
