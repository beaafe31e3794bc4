#pragma once
/// The one description of each command's fields, used both to read commands (from scenario plays
/// and journals) and to write them (to journals), so the two can never drift apart.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/protocol/Command.hpp"

namespace samverkan::protocol {

/// What a field refers to, so that loaders can check references and suggest fixes.
enum class FieldRef { none, actor, actors, forum, topic, medium, decisionPoint, inject, measure, onCall };
/// How a field is written.
enum class FieldShape { scalar, list, text, duration, args };

/// One entry of an `args` field: a parameter and its value, a number (one value, `list` false)
/// or a list of items.
struct FieldArg {
    std::string param;
    bool list = false;
    std::vector<std::string> values;
};

/// A field as read from or written to a document. For text fields, `values` holds {sv, en};
/// for durations, the formatted duration; for args, `args` holds the entries in order.
struct FieldValue {
    std::string key;
    FieldShape shape = FieldShape::scalar;
    std::vector<std::string> values;
    std::vector<FieldArg> args = {};
};

/// A number as written in fields: the shortest text that reads back to the same double.
std::string formatNumber(double value);

/// Describes one field of a command type.
struct FieldSpec {
    std::string key;
    FieldShape shape;
    FieldRef ref;
    bool required;
};

/// The fields of the command type `type` (without `by`), or nullptr for an unknown type.
const std::vector<FieldSpec>* fieldSpecs(const std::string& type);

/// Writes a command's fields (without `by`) in their fixed order; empty optional fields are left out.
std::vector<FieldValue> encodeFields(const Command& command);

/// A problem with one field while decoding.
struct FieldError {
    std::string key;  ///< the field, or "" for the command as a whole
    std::string message;
};

/// Builds a command of `type` acting as `by` from fields. Unknown or missing fields, wrong shapes
/// and bad durations are reported, one error per field; the command is returned only if none.
std::optional<Command> decodeFields(const std::string& type, const std::string& by,
                                    const std::vector<FieldValue>& fields, std::vector<FieldError>& errors);

/// What a doctrine rule's command may leave open until it acts: `$self` (the acting actor, also
/// inside an id such as "schools-$self"), `$forum` (the forum of the entry that triggered it) and
/// `$affected` in a list of actors (the actors the current event affects; nullptr: left as is).
struct Placeholders {
    std::string self, forum;
    const std::vector<std::string>* affected = nullptr;
};

/// Fills in the placeholders that `p` gives, in every field of the command (texts excepted).
void fillPlaceholders(Command& command, const Placeholders& p);
/// True if some field of the command (texts excepted) holds `name`, e.g. "$forum".
[[nodiscard]] bool hasPlaceholder(const Command& command, std::string_view name);

}  // namespace samverkan::protocol
