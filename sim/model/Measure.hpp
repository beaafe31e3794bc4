#pragma once
/// A measure's decided parameter value (the catalogue of measures comes with the scenario).

#include <string>
#include <vector>

namespace samverkan::model {

/// A decided parameter value: a number (share, hours) or items (areas, an order).
struct MeasureArg {
    std::string param;
    double number = 0;
    std::vector<std::string> items;
};

}  // namespace samverkan::model
