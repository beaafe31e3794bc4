#include "sim/protocol/CommandFields.hpp"

#include <algorithm>
#include <charconv>
#include <concepts>
#include <cmath>
#include <cstdlib>
#include <map>
#include <type_traits>

namespace samverkan::protocol {
namespace {

// The single table of fields per command type. `f(key, member, ref, required)`; `C` is the type or
// its const, so that writing a command needs no copy of it.
template <class C, class F>
    requires std::same_as<std::remove_const_t<C>, RequestActivation>
void forEachField(C& c, F&& f) {
    f("forum", c.forum, FieldRef::forum, false);
    f("via_forum", c.viaForum, FieldRef::forum, false);
    f("reason", c.reason, FieldRef::none, false);
}
template <class C, class F>
    requires std::same_as<std::remove_const_t<C>, Convene>
void forEachField(C& c, F&& f) {
    f("forum", c.forum, FieldRef::forum, true);
    f("medium", c.medium, FieldRef::medium, false);
    f("meet_in", c.meetIn, FieldRef::none, false);
    f("actors", c.actors, FieldRef::actors, false);
    f("meet_at", c.meetAt, FieldRef::none, false);
}
template <class C, class F>
    requires std::same_as<std::remove_const_t<C>, CallIn>
void forEachField(C& c, F&& f) {
    f("forum", c.forum, FieldRef::forum, true);
    f("actor", c.actor, FieldRef::actor, true);
}
template <class C, class F>
    requires std::same_as<std::remove_const_t<C>, Release>
void forEachField(C& c, F&& f) {
    f("forum", c.forum, FieldRef::forum, true);
    f("actor", c.actor, FieldRef::actor, true);
}
template <class C, class F>
    requires std::same_as<std::remove_const_t<C>, SetChair>
void forEachField(C& c, F&& f) {
    f("forum", c.forum, FieldRef::forum, true);
    f("actor", c.actor, FieldRef::actor, true);
}
template <class C, class F>
    requires std::same_as<std::remove_const_t<C>, AgreeDecision>
void forEachField(C& c, F&& f) {
    f("forum", c.forum, FieldRef::forum, false);
    f("id", c.id, FieldRef::none, true);
    f("topic", c.topic, FieldRef::topic, true);
    f("text", c.text, FieldRef::none, true);
    f("actors", c.actors, FieldRef::actors, false);
    f("proposal_to", c.proposalTo, FieldRef::forum, false);
    f("measure", c.measure, FieldRef::measure, false);
    f("args", c.args, FieldRef::none, false);
}
template <class C, class F>
    requires std::same_as<std::remove_const_t<C>, SetPriorities>
void forEachField(C& c, F&& f) {
    f("forum", c.forum, FieldRef::forum, true);
    f("list", c.list, FieldRef::none, true);
    f("order", c.order, FieldRef::none, true);
}
template <class C, class F>
    requires std::same_as<std::remove_const_t<C>, SendPublicMessage>
void forEachField(C& c, F&& f) {
    f("forum", c.forum, FieldRef::forum, false);
    f("text", c.text, FieldRef::none, true);
    f("id", c.id, FieldRef::none, false);
    f("senders", c.senders, FieldRef::actors, false);
}
template <class C, class F>
    requires std::same_as<std::remove_const_t<C>, Deactivate>
void forEachField(C& c, F&& f) {
    f("forum", c.forum, FieldRef::forum, true);
}
template <class C, class F>
    requires std::same_as<std::remove_const_t<C>, AnswerDecisionPoint>
void forEachField(C& c, F&& f) {
    f("point", c.point, FieldRef::decisionPoint, true);
    f("option", c.option, FieldRef::none, true);
}
template <class C, class F>
    requires std::same_as<std::remove_const_t<C>, ControlInject>
void forEachField(C& c, F&& f) {
    f("inject", c.inject, FieldRef::inject, false);
    f("to", c.to, FieldRef::actors, false);
    f("text", c.text, FieldRef::none, false);
}
template <class C, class F>
    requires std::same_as<std::remove_const_t<C>, Report>
void forEachField(C& c, F&& f) {
    f("forum", c.forum, FieldRef::forum, true);
    f("text", c.text, FieldRef::none, false);
    f("services", c.services, FieldRef::none, false);
}
template <class C, class F>
    requires std::same_as<std::remove_const_t<C>, HandOver>
void forEachField(C& c, F&& f) {
    f("role", c.role, FieldRef::actor, true);
}
template <class C, class F>
    requires std::same_as<std::remove_const_t<C>, Contact>
void forEachField(C& c, F&& f) {
    f("to", c.to, FieldRef::actor, true);
    f("text", c.text, FieldRef::none, true);
}

template <class C, class F>
    requires std::same_as<std::remove_const_t<C>, Alert>
void forEachField(C& c, F&& f) {
    f("to", c.to, FieldRef::actors, true);
    f("duty", c.duty, FieldRef::onCall, false);
    f("text", c.text, FieldRef::none, false);
}
template <class C, class F>
    requires std::same_as<std::remove_const_t<C>, Verify>
void forEachField(C& c, F&& f) {
    f("with", c.with, FieldRef::actor, true);
    f("text", c.text, FieldRef::none, false);
}
template <class C, class F>
    requires std::same_as<std::remove_const_t<C>, Inform>
void forEachField(C& c, F&& f) {
    f("to", c.to, FieldRef::actors, false);
    f("text", c.text, FieldRef::none, true);
}

constexpr FieldShape shapeOf(const std::string&) { return FieldShape::scalar; }
constexpr FieldShape shapeOf(const std::vector<std::string>&) { return FieldShape::list; }
constexpr FieldShape shapeOf(const Text&) { return FieldShape::text; }
constexpr FieldShape shapeOf(const Millis&) { return FieldShape::duration; }
constexpr FieldShape shapeOf(const std::vector<model::MeasureArg>&) { return FieldShape::args; }

bool isEmpty(const std::string& v) { return v.empty(); }
bool isEmpty(const std::vector<std::string>& v) { return v.empty(); }
bool isEmpty(const Text& v) { return v.empty(); }
bool isEmpty(const Millis& v) { return v == 0; }
bool isEmpty(const std::vector<model::MeasureArg>& v) { return v.empty(); }

std::vector<std::string> valuesOf(const std::string& v) { return {v}; }
std::vector<std::string> valuesOf(const std::vector<std::string>& v) { return v; }
std::vector<std::string> valuesOf(const Text& v) { return {v.sv, v.en}; }
std::vector<std::string> valuesOf(const Millis& v) { return {engine::formatDuration(v)}; }
std::vector<std::string> valuesOf(const std::vector<model::MeasureArg>&) { return {}; }

template <class T>
std::vector<FieldArg> argsOf(const T&) { return {}; }
std::vector<FieldArg> argsOf(const std::vector<model::MeasureArg>& v) {
    std::vector<FieldArg> out;
    // In parameter order, as a journal's JSON object reads them back.
    auto sorted = v;
    std::sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) { return x.param < y.param; });
    for (const auto& a : sorted) {
        if (a.items.empty()) out.push_back({a.param, false, {formatNumber(a.number)}});
        else out.push_back({a.param, true, a.items});
    }
    return out;
}

// Assigns a decoded value; returns an error message or "".
std::string assign(std::string& out, const FieldValue& f) {
    out = f.values.empty() ? std::string{} : f.values.front();
    return {};
}
std::string assign(std::vector<std::string>& out, const FieldValue& f) {
    out = f.values;
    return {};
}
std::string assign(Text& out, const FieldValue& f) {
    out = Text{f.values.size() > 0 ? f.values[0] : "", f.values.size() > 1 ? f.values[1] : ""};
    return {};
}
std::string assign(Millis& out, const FieldValue& f) {
    const std::string text = f.values.empty() ? std::string{} : f.values.front();
    const auto d = engine::parseDuration(text);
    if (!d) return "must be a duration like \"90min\" or \"1h30min\"; got \"" + text + "\"";
    out = *d;
    return {};
}

std::string assign(std::vector<model::MeasureArg>& out, const FieldValue& f) {
    out.clear();
    for (const auto& a : f.args) {
        model::MeasureArg arg{a.param, 0, {}};
        for (const auto& earlier : out)
            if (earlier.param == a.param) return "names '" + a.param + "' twice";
        if (a.list) {
            if (a.values.empty()) return "'" + a.param + "' must name at least one item";
            arg.items = a.values;
        } else {
            const std::string text = a.values.empty() ? std::string{} : a.values.front();
            char* end = nullptr;
            arg.number = std::strtod(text.c_str(), &end);
            if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(arg.number))
                return "'" + a.param + "' must be a number or a list; got \"" + text + "\"";
        }
        out.push_back(std::move(arg));
    }
    return {};
}

const char* shapeWord(FieldShape s) {
    switch (s) {
        case FieldShape::scalar: return "a single value";
        case FieldShape::list: return "a list";
        case FieldShape::text: return "a text with 'sv' and 'en'";
        case FieldShape::duration: return "a duration";
        case FieldShape::args: return "a mapping of parameters to a number or a list";
    }
    return "?";
}

template <class T>
std::vector<FieldSpec> specsOf() {
    T sample{};
    std::vector<FieldSpec> specs;
    forEachField(sample, [&](const char* key, auto& member, FieldRef ref, bool required) {
        specs.push_back({key, shapeOf(member), ref, required});
    });
    return specs;
}

template <std::size_t... I>
std::map<std::string, std::vector<FieldSpec>> allSpecs(std::index_sequence<I...>) {
    std::map<std::string, std::vector<FieldSpec>> out;
    ((out[commandTypeNames()[I]] = specsOf<std::variant_alternative_t<I, Command>>()), ...);
    return out;
}

template <std::size_t... I>
Command defaultOf(std::size_t index, std::index_sequence<I...>) {
    Command c;
    ((index == I ? (c = std::variant_alternative_t<I, Command>{}, 0) : 0), ...);
    return c;
}

}  // namespace

std::string formatNumber(double value) {
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc{} ? std::string(buffer, end) : std::string("0");
}

const std::vector<FieldSpec>* fieldSpecs(const std::string& type) {
    static const auto specs = allSpecs(std::make_index_sequence<std::variant_size_v<Command>>{});
    const auto it = specs.find(type);
    return it == specs.end() ? nullptr : &it->second;
}

std::vector<FieldValue> encodeFields(const Command& command) {
    std::vector<FieldValue> out;
    std::visit(
        [&](const auto& c) {
            forEachField(c, [&](const char* key, auto& member, FieldRef, bool required) {
                if (!required && isEmpty(member)) return;
                out.push_back({key, shapeOf(member), valuesOf(member), argsOf(member)});
            });
        },
        command);
    return out;
}

std::optional<Command> decodeFields(const std::string& type, const std::string& by,
                                    const std::vector<FieldValue>& fields, std::vector<FieldError>& errors) {
    const auto& names = commandTypeNames();
    std::size_t index = names.size();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == type) index = i;
    if (index == names.size()) {
        errors.push_back({"", "unknown command '" + type + "'"});
        return std::nullopt;
    }
    const std::size_t errorsBefore = errors.size();
    Command command = defaultOf(index, std::make_index_sequence<std::variant_size_v<Command>>{});
    std::vector<bool> used(fields.size(), false);
    std::visit(
        [&](auto& c) {
            c.by = by;
            forEachField(c, [&](const char* key, auto& member, FieldRef, bool required) {
                for (std::size_t i = 0; i < fields.size(); ++i) {
                    if (fields[i].key != key) continue;
                    used[i] = true;
                    if (fields[i].shape != shapeOf(member) &&
                        !(shapeOf(member) == FieldShape::duration && fields[i].shape == FieldShape::scalar)) {
                        errors.push_back({key, std::string("'") + key + "' must be " + shapeWord(shapeOf(member))});
                        return;
                    }
                    const std::string problem = assign(member, fields[i]);
                    if (!problem.empty()) errors.push_back({key, std::string("'") + key + "' " + problem});
                    return;
                }
                if (required) errors.push_back({"", "'" + type + "' needs '" + key + "'"});
            });
        },
        command);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (used[i]) continue;
        std::vector<std::string> known;
        for (const auto& s : *fieldSpecs(type)) known.push_back(s.key);
        std::string hint;
        for (const auto& k : known) hint += (hint.empty() ? "" : ", ") + k;
        errors.push_back({fields[i].key, "unknown key '" + fields[i].key + "' for '" + type + "' (expected one of: " +
                                             hint + ")"});
    }
    if (errors.size() != errorsBefore) return std::nullopt;
    return command;
}

}  // namespace samverkan::protocol

namespace samverkan::protocol {
namespace {

void replaceAll(std::string& s, const std::string& what, const std::string& with) {
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size())) s.replace(at, what.size(), with);
}

// One field's placeholders. A list gets `$affected` expanded in place, without repeating an actor.
void fill(std::string& v, const Placeholders& p) {
    if (!p.self.empty()) replaceAll(v, "$self", p.self);
    if (v == "$forum" && !p.forum.empty()) v = p.forum;
}
void fill(std::vector<std::string>& list, const Placeholders& p) {
    std::vector<std::string> out;
    out.reserve(list.size());
    const auto add = [&](const std::string& id) {
        if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    };
    for (auto v : list) {
        if (v == "$affected" && p.affected != nullptr) {
            for (const auto& a : *p.affected) add(a);
            continue;
        }
        fill(v, p);
        add(v);
    }
    list = std::move(out);
}
void fill(std::vector<model::MeasureArg>& args, const Placeholders& p) {
    for (auto& a : args) fill(a.items, p);
}
void fill(Text&, const Placeholders&) {}
void fill(Millis&, const Placeholders&) {}

}  // namespace

void fillPlaceholders(Command& command, const Placeholders& p) {
    std::visit([&](auto& c) { forEachField(c, [&](const char*, auto& member, FieldRef, bool) { fill(member, p); }); }, command);
}

bool hasPlaceholder(const Command& command, std::string_view name) {
    bool found = false;
    const auto in = [&](const std::string& v) { return v.find(name) != std::string::npos; };
    std::visit(
        [&](const auto& c) {
            forEachField(c, [&](const char*, const auto& member, FieldRef, bool) {
                using M = std::remove_cvref_t<decltype(member)>;
                if constexpr (std::is_same_v<M, std::string>) found = found || in(member);
                else if constexpr (std::is_same_v<M, std::vector<std::string>>) found = found || std::any_of(member.begin(), member.end(), in);
                else if constexpr (std::is_same_v<M, std::vector<model::MeasureArg>>)
                    for (const auto& a : member) found = found || std::any_of(a.items.begin(), a.items.end(), in);
            });
        },
        command);
    return found;
}

}  // namespace samverkan::protocol
