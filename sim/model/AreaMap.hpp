#pragma once
/// Where a region's municipalities lie, for maps: each one's seat and population. Read from
/// `assets/maps/<region id>.yaml`; the simulation itself has no geography.

#include <string>
#include <vector>

namespace samverkan::model {

struct Area {
    std::string id;  ///< the municipality's actor id
    std::string seat;
    double lat = 0, lon = 0;  ///< WGS 84 degrees
    double population = 0;
};

struct AreaMap {
    std::string region;
    std::string source;
    std::vector<Area> areas;
};

}  // namespace samverkan::model
