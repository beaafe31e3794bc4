#include <catch2/catch.hpp>

#include "sim/protocol/CommandFields.hpp"

using namespace samverkan::protocol;

TEST_CASE("every command type encodes and decodes to itself", "[commands]") {
    std::vector<Command> all{
        RequestActivation{"polisen", "coordinating", "directing", {"skäl", "reason"}},
        Convene{"lansstyrelsen", "directing", "telephone", 80 * samverkan::engine::kMinute, {"a", "b"}, "+5d5h15min"},
        CallIn{"polisen", "f", "sl"},
        Release{"polisen", "f", "sl"},
        SetChair{"polisen", "f", "sl"},
        AgreeDecision{"polisen", "f", "id1", "operations", "chefsgrupp", {"sv", "en"}, {"a"}},
        SetPriorities{"polisen", "f", "list", {"x", "y"}},
        SendPublicMessage{"polisen", "f", {"Stanna hemma", "Stay home"}, "m1", {"polisen", "sl"}},
        Deactivate{"lansstyrelsen", "f"},
        AnswerDecisionPoint{"polisen", "p1", "o1"},
        ControlInject{"control", "inj", {"a"}, {"t", "t"}},
        Report{"polisen", "f", {"r", "r"}},
        Contact{"polisen", "sl", {"c", "c"}},
        HandOver{"control", "polisen"},
        Alert{"sos-alarm", {"lansstyrelsen"}, "tib", {"Varning", "Warning"}},
        Verify{"lansstyrelsen", "smhi", {"Bekräftat", "Confirmed"}},
        Inform{"lansstyrelsen", {"municipalities"}, {"Läget", "The situation"}},
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
    CHECK(decoded.meetAt == "+5d5h15min");
    // A joint message keeps its id and senders through the journal.
    const auto message = std::get<SendPublicMessage>(*decodeFields("send-public-message", "polisen", encodeFields(all[7]), errors));
    CHECK(message.id == "m1");
    CHECK(message.senders == std::vector<std::string>{"polisen", "sl"});
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

TEST_CASE("an agreed decision carries its measure and arguments, numbers and lists, in parameter order", "[commands][measures]") {
    AgreeDecision d{"sl", "f", "d1", "operations", "", {"sv", "en"}, {"sl"}};
    d.measure = "bus-lines-cancelled";
    d.args = {{"share", 0.7}, {"areas", 0, {"stockholms-stad", "huddinge"}}};
    const auto fields = encodeFields(d);
    REQUIRE(fields.back().key == "args");
    CHECK(fields.back().shape == FieldShape::args);
    REQUIRE(fields.back().args.size() == 2);
    CHECK(fields.back().args[0].param == "areas");  // sorted, as a JSON object reads them back
    CHECK(fields.back().args[0].list);
    CHECK(fields.back().args[1].values == std::vector<std::string>{"0.7"});
    std::vector<FieldError> errors;
    const auto back = std::get<AgreeDecision>(*decodeFields("agree-decision", "sl", fields, errors));
    CHECK(errors.empty());
    CHECK(back.measure == "bus-lines-cancelled");
    REQUIRE(back.args.size() == 2);
    CHECK(back.args[0].items == std::vector<std::string>{"stockholms-stad", "huddinge"});
    CHECK(back.args[1].number == 0.7);
    CHECK(formatNumber(0.1 + 0.2) == "0.30000000000000004");  // the shortest text that reads back exactly
    // A decision without a measure writes neither field.
    d.measure.clear();
    d.args.clear();
    CHECK(encodeFields(d).back().key == "actors");
}

TEST_CASE("bad arguments are refused with the parameter named", "[commands][measures][bad-input]") {
    std::vector<FieldError> errors;
    FieldValue args{"args", FieldShape::args, {}, {{"share", false, {"much"}}}};
    const std::vector<FieldValue> base{{"id", FieldShape::scalar, {"d"}}, {"topic", FieldShape::scalar, {"t"}},
                                       {"text", FieldShape::text, {"a", "b"}}};
    auto fields = base;
    fields.push_back(args);
    CHECK_FALSE(decodeFields("agree-decision", "sl", fields, errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "'args' 'share' must be a number or a list; got \"much\"");
    errors.clear();
    fields.back().args = {{"share", false, {"1"}}, {"share", false, {"2"}}};
    CHECK_FALSE(decodeFields("agree-decision", "sl", fields, errors));
    CHECK(errors.at(0).message == "'args' names 'share' twice");
    errors.clear();
    fields.back() = {"args", FieldShape::list, {"share"}};
    CHECK_FALSE(decodeFields("agree-decision", "sl", fields, errors));
    CHECK(errors.at(0).message == "'args' must be a mapping of parameters to a number or a list");
}
