#pragma once
// The scenario's measures as the console offers and reviews them: who may decide one, and the
// decided measures as rows of the review's table.

#include <string>
#include <vector>

#include "gui/views/Views.hpp"

namespace samverkan::gui {

/// The actors `ids` stand for: groups expanded to their members, each actor once, in order.
std::vector<std::string> expandActors(const model::Region& region, const std::vector<std::string>& ids);
/// True if `actor` may decide `measure` in its own organisation (R10): it or one of its groups
/// is among the measure's deciders.
bool mayDecide(const model::Region& region, const model::Measure& measure, const std::string& actor);
/// Sorts actor ids by their display names in the session's language.
void sortByName(const Session& s, std::vector<std::string>& ids);

/// One decided measure as the review's table shows it, every cell in the session's language.
struct MeasureRow {
    engine::Millis t = 0;
    std::string by;          ///< the deciding actor's id, for the filter
    std::string when;        ///< "+3h 00min"
    std::string who;         ///< who decided
    std::string forum;       ///< the forum, or "alone in its own organisation"
    std::string measure;     ///< the measure's name, or "information only"
    std::string params;      ///< its parameters in words
    std::string carriedOut;  ///< "2 / 26"
    std::string effect;      ///< the modelled effect that took hold: label, strength, timeliness
};

/// The decisions agreed or taken alone so far, in the order they were taken; only those `by`
/// decided when it is not empty.
std::vector<MeasureRow> measureRows(const Session& s, const std::string& by = {});
/// Every actor that has decided something, in the order they first did.
std::vector<std::string> decidingActors(const Session& s);

}  // namespace samverkan::gui
