#pragma once
/// Numbers as a person reads them in summaries and reports.

#include <cstdio>
#include <string>

namespace samverkan::eval {

/// `value` with a fixed number of decimals, e.g. fixed(3.14159, 1) == "3.1".
inline std::string fixed(double value, int decimals) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

/// A whole number with its digits in groups of three split by a no-break space (SI style),
/// e.g. grouped(39800500) == "39 800 500".
inline std::string grouped(double value) {
    const std::string digits = fixed(value < 0 ? -value : value, 0);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u00a0";
        out += digits[i];
    }
    return (value <= -0.5 ? "-" : "") + out;
}

}  // namespace samverkan::eval
