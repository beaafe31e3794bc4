// Numbers in input files: decimals as std::from_chars reads them, and nothing it would read that
// no figure in a scenario or a measurement is.
#include <catch2/catch.hpp>

#include "sim/scenario/Decimal.hpp"

using namespace samverkan;
using scenario::DecimalProblem;
using scenario::readDecimal;

TEST_CASE("a decimal is digits with an optional '-', point and exponent", "[scenario][decimal]") {
    for (const auto& [text, value] : std::vector<std::pair<std::string, double>>{{"12", 12.0},
                                                                                 {"0.4", 0.4},
                                                                                 {"-2.5", -2.5},
                                                                                 {".5", 0.5},
                                                                                 {"3.", 3.0},
                                                                                 {"1e-3", 0.001},
                                                                                 {"2E2", 200.0},
                                                                                 {"0", 0.0}}) {
        INFO(text);
        const auto d = readDecimal(text);
        REQUIRE(d.value.has_value());
        CHECK(*d.value == value);
        CHECK(d.problem == DecimalProblem::none);
        CHECK(d.negative == (value < 0));
    }
    // "-0" is zero, not a value below it.
    CHECK_FALSE(readDecimal("-0").negative);
}

TEST_CASE("what strtod would read but a figure is not is refused, each with its reason", "[scenario][decimal]") {
    for (const auto& [text, problem] :
         std::vector<std::pair<std::string, DecimalProblem>>{{"", DecimalProblem::empty},
                                                             {"+1.2", DecimalProblem::plusSign},
                                                             {"0x1p3", DecimalProblem::hexadecimal},
                                                             {"-0X10", DecimalProblem::hexadecimal},
                                                             {"inf", DecimalProblem::notFinite},
                                                             {"-Infinity", DecimalProblem::notFinite},
                                                             {"nan", DecimalProblem::notFinite},
                                                             {"NaN", DecimalProblem::notFinite},
                                                             {".inf", DecimalProblem::notFinite},
                                                             {"-.Inf", DecimalProblem::notFinite},
                                                             {".nan", DecimalProblem::notFinite},
                                                             {"1e400", DecimalProblem::outOfRange},
                                                             {"1,2", DecimalProblem::decimalComma},
                                                             {"1.2mm", DecimalProblem::trailing},
                                                             {"1.2 ", DecimalProblem::trailing},
                                                             {"1e", DecimalProblem::trailing},
                                                             {" 1", DecimalProblem::notANumber},
                                                             {"lots", DecimalProblem::notANumber},
                                                             {"-", DecimalProblem::notANumber}}) {
        INFO(text);
        const auto d = readDecimal(text);
        CHECK_FALSE(d.value.has_value());
        CHECK(d.problem == problem);
        CHECK_FALSE(d.negative);
    }
}

TEST_CASE("a '-' before a number too large to hold still says it is negative", "[scenario][decimal]") {
    const auto d = readDecimal("-1e400");
    CHECK_FALSE(d.value.has_value());
    CHECK(d.problem == DecimalProblem::outOfRange);
    CHECK(d.negative);
}

TEST_CASE("the reason for a refused number is worded for its message", "[scenario][decimal]") {
    const auto hint = [](const std::string& text) { return scenario::decimalHint(readDecimal(text), text); };
    CHECK(hint("+1") == " (a number is written without '+')");
    CHECK(hint("0x1p3") == " (write it in decimals, not hexadecimal)");
    CHECK(hint("nan") == " (infinity and NaN are not values)");
    CHECK(hint("1e999") == " (beyond the range a number can hold)");
    CHECK(hint("1,5") == " (decimals are written with a point)");
    CHECK(hint("2.5 cm") == " (\" cm\" follows the number)");
    CHECK(hint("lots").empty());
    // A long tail is cut, at the start of a character.
    CHECK(hint("1" + std::string(19, 'x') + "ö") == " (\"" + std::string(19, 'x') + "…\" follows the number)");
}
