#pragma once
/// A measure: one choice a role can make in its own organisation (R10), named and typed, with the
/// parameters the real decision has, who may decide it, the mandate it needs in a forum (R3), how
/// long it takes to carry out, and what its source says it changes. Read from a scenario's
/// `measures:` list; the world applies its effects, the protocol checks who may decide it.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sim/engine/Time.hpp"
#include "sim/model/Region.hpp"
#include "sim/model/Text.hpp"

namespace samverkan::model {

using engine::Millis;

/// What a parameter of a measure stands for.
enum class ParamKind : std::uint8_t {
    share,  ///< a fraction 0..1 of the lines or services covered; scales the measure's strength
    areas,  ///< which municipalities (actor or group ids); scales the strength by their population share
    until,  ///< hours after the hazard's onset that the measure holds
    order,  ///< the order of a priority list (service ids)
};

/// The kind's name as written in scenarios ("share", "areas", "until", "order").
const char* paramKindName(ParamKind kind);
/// All kind names, in enum order.
const std::vector<std::string>& paramKindNames();

/// A parameter the real decision has.
struct MeasureParam {
    std::string id;          ///< unique within its measure; the key in a decision's `args`
    Text name = {};          ///< what a person reads, e.g. "Kommuner" / "Municipalities"
    Text explanation = {};   ///< what the value means for the decision
    ParamKind kind = ParamKind::share;
    /// share: a fraction in [min, max] within 0..1; until: hours after the hazard's onset.
    double min = 0, max = 1, defaultValue = 1;
    /// areas: the actor or group ids that may be named; order: the items (service ids) to order.
    std::vector<std::string> choices = {};
    /// areas and order: the value when the decision does not give one.
    std::vector<std::string> defaultItems = {};

    /// True for kinds whose value is a list of ids (areas, order).
    [[nodiscard]] bool takesItems() const { return kind == ParamKind::areas || kind == ParamKind::order; }
};

/// Which way a measure moves an outcome.
enum class Direction : std::uint8_t { down, up };

/// What a measure changes, as its source says: an outcome id and the direction.
struct Claim {
    std::string outcome;  ///< an outcome id of the world model
    Direction direction = Direction::down;
};

/// A decided value of one parameter: a number (share, until) or items (areas, order).
struct MeasureArg {
    std::string param;                    ///< the parameter's id
    double number = 0;                    ///< share: 0..1; until: hours after the onset
    std::vector<std::string> items = {};  ///< areas: actor or group ids; order: service ids
};

/// One choice a role can make, in the scenario's catalogue.
struct Measure {
    std::string id;                     ///< unique in the scenario; what `agree-decision` names
    Text name;                          ///< e.g. "Stäng skolor och förskolor" / "Close schools and day-care"
    Text explanation;                   ///< what it means in practice and why it helps
    std::string source = "assumption";  ///< where the measure and its figures come from
    /// Actor or group ids that may decide it in their own organisation (R3, R10).
    std::vector<std::string> deciders;
    /// The region topic: the mandate a representative needs to agree it in a forum (R3).
    std::string topic;
    std::vector<MeasureParam> params;
    /// Time in an actor's own organisation to carry it out (R10).
    Millis implementation = engine::kHour;
    /// Actor or group id → its own time to carry it out, overriding `implementation`.
    std::vector<std::pair<std::string, Millis>> implementationBy;
    /// What it changes, as its source says.
    std::vector<Claim> claims;

    /// The parameter with id `param`, or nullptr.
    [[nodiscard]] const MeasureParam* parameter(const std::string& param) const;
    /// The time `actor` (a member of `groups` or not) needs to carry it out: its own entry, else
    /// its group's, else `implementation`.
    [[nodiscard]] Millis implementationFor(const std::string& actor, const std::vector<ActorGroup>& groups) const;
};

/// The value of `param` among `args`, or nullptr when the decision leaves it at its default.
const MeasureArg* argFor(const std::vector<MeasureArg>& args, const std::string& param);

}  // namespace samverkan::model
