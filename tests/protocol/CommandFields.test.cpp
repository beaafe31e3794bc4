#include <catch2/catch.hpp>

#include "sim/protocol/CommandFields.hpp"

using namespace samverkan::protocol;

TEST_CASE("every command type encodes and decodes to itself", "[commands]") {
    std::vector<Command> all{
        RequestActivation{"polisen", "coordinating", "directing", {"skäl", "reason"}},
        Convene{"lansstyrelsen", "directing", "telephone", 80 * samverkan::engine::kMinute, {"a", "b"}},
        CallIn{"polisen", "f", "sl"},
        Release{"polisen", "f", "sl"},
        SetChair{"polisen", "f", "sl"},
        AgreeDecision{"polisen", "f", "id1", "operations", "chefsgrupp", {"sv", "en"}, {"a"}},
        SetPriorities{"polisen", "f", "list", {"x", "y"}},
        SendPublicMessage{"polisen", "f", {"Stanna hemma", "Stay home"}},
        Deactivate{"lansstyrelsen", "f"},
        AnswerDecisionPoint{"polisen", "p1", "o1"},
        ControlInject{"control", "inj", {"a"}, {"t", "t"}},
        Report{"polisen", "f", {"r", "r"}},
        Contact{"polisen", "sl", {"c", "c"}},
        HandOver{"control", "polisen"},
    };
    REQUIRE(all.size() == std::variant_size_v<Command>);
    for (const auto& c : all) {
        std::vector<FieldError> errors;
        const auto back = decodeFields(typeName(c), actingRole(c), encodeFields(c), errors);
        INFO(typeName(c));
        CHECK(errors.empty());
        REQUIRE(back.has_value());
        CHECK(encodeFields(*back).size() == encodeFields(c).size());
        CHECK(typeName(*back) == typeName(c));
        CHECK(actingRole(*back) == actingRole(c));
    }
    const auto convene = std::get<Convene>(all[1]);
    std::vector<FieldError> errors;
    const auto decoded = std::get<Convene>(*decodeFields("convene", "lansstyrelsen", encodeFields(convene), errors));
    CHECK(decoded.meetIn == 80 * samverkan::engine::kMinute);
    CHECK(decoded.actors == convene.actors);
}

TEST_CASE("decoding reports unknown types, unknown and missing fields, wrong shapes and bad durations", "[commands]") {
    std::vector<FieldError> errors;
    CHECK_FALSE(decodeFields("activate-everything", "x", {}, errors).has_value());
    CHECK(errors.at(0).message == "unknown command 'activate-everything'");

    errors.clear();
    CHECK_FALSE(decodeFields("call-in", "x", {{"forum", FieldShape::scalar, {"f"}}}, errors).has_value());
    CHECK(errors.at(0).message == "'call-in' needs 'actor'");

    errors.clear();
    CHECK_FALSE(decodeFields("deactivate", "x", {{"forum", FieldShape::scalar, {"f"}}, {"colour", FieldShape::scalar, {"red"}}}, errors));
    CHECK(errors.at(0).key == "colour");
    CHECK(errors.at(0).message.find("unknown key 'colour'") == 0);

    errors.clear();
    CHECK_FALSE(decodeFields("convene", "x", {{"forum", FieldShape::scalar, {"f"}}, {"meet_in", FieldShape::scalar, {"soon"}}}, errors));
    CHECK(errors.at(0).message == "'meet_in' must be a duration like \"90min\" or \"1h30min\"; got \"soon\"");

    errors.clear();
    CHECK_FALSE(decodeFields("set-priorities", "x", {{"forum", FieldShape::scalar, {"f"}}, {"list", FieldShape::scalar, {"l"}},
                                                     {"order", FieldShape::text, {"a", "b"}}}, errors));
    CHECK(errors.at(0).message == "'order' must be a list");
}

TEST_CASE("the field table names what each field refers to", "[commands]") {
    const auto* specs = fieldSpecs("agree-decision");
    REQUIRE(specs != nullptr);
    bool sawActors = false;
    for (const auto& s : *specs)
        if (s.key == "actors") sawActors = s.ref == FieldRef::actors && !s.required;
    CHECK(sawActors);
    CHECK(fieldSpecs("no-such") == nullptr);
}
