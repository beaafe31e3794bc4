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

}  // namespace samverkan::eval
