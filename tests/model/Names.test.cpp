#include <catch2/catch.hpp>

#include "sim/model/Names.hpp"

using namespace samverkan::model;

TEST_CASE("edit distance counts insertions, deletions and substitutions", "[names]") {
    CHECK(editDistance("", "") == 0);
    CHECK(editDistance("polisen", "polisen") == 0);
    CHECK(editDistance("polisen", "polsen") == 1);
    CHECK(editDistance("kitten", "sitting") == 3);
    CHECK(editDistance("SMHI", "smhi") == 0);
}

TEST_CASE("did-you-mean suggests a close id and nothing for unrelated words", "[names]") {
    const std::vector<std::string> ids{"lansstyrelsen", "polisen", "trafikverket", "sl"};
    CHECK(didYouMean("lanstyrelsen", ids) == " (did you mean 'lansstyrelsen'?)");
    CHECK(didYouMean("trafikverk", ids) == " (did you mean 'trafikverket'?)");
    CHECK(didYouMean("hamnen", ids).empty());
    CHECK(closestMatch("sll", ids) == "sl");
}
