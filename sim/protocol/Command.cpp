#include "sim/protocol/Command.hpp"

#include <array>
#include <type_traits>

namespace samverkan::protocol {
namespace {
// In the variant's order.
const std::vector<std::string> kTypeNames{
    "request-activation", "convene", "call-in", "release", "set-chair", "agree-decision", "set-priorities",
    "send-public-message", "deactivate", "answer-decision-point", "inject", "report", "contact", "hand-over",
    "alert", "verify", "inform"};
static_assert(std::variant_size_v<Command> == 17);
}  // namespace

std::string typeName(const Command& command) { return kTypeNames[command.index()]; }

Text* textOf(Command& command) {
    return std::visit(
        [](auto& c) -> Text* {
            if constexpr (requires { c.text; }) {
                if constexpr (std::is_same_v<std::decay_t<decltype(c.text)>, Text>) return &c.text;
            }
            return nullptr;
        },
        command);
}

const std::vector<std::string>& commandTypeNames() { return kTypeNames; }

const std::string& actingRole(const Command& command) {
    return std::visit([](const auto& c) -> const std::string& { return c.by; }, command);
}

void setActingRole(Command& command, std::string role) {
    std::visit([&](auto& c) { c.by = std::move(role); }, command);
}

}  // namespace samverkan::protocol
