#pragma once
/// Visits a std::variant with one lambda per alternative: std::visit(Overloaded{[](const A&) {…}, …}, v).

namespace samverkan::engine {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace samverkan::engine
