// The region as data (R1, R2, R3): scenarios/regions/stockholm.yaml.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/scenario/Scenario.hpp"

using namespace samverkan;

namespace {
const model::Region& stockholm() {
    static const auto loaded = scenario::loadRegion("scenarios/regions/stockholm.yaml");
    REQUIRE(loaded.diagnostics.empty());
    return *loaded.value;
}
}  // namespace

TEST_CASE("R1: three levels under the Regional Council chaired by Länsstyrelsen", "[region][R1]") {
    const auto& r = stockholm();
    REQUIRE(r.levels.size() == 3);
    CHECK(r.levels[0].id == "directing");
    CHECK(r.levels[0].name.sv == "Regionalt inriktande nivå");
    CHECK(r.levels[1].id == "coordinating");
    CHECK(r.levels[1].name.sv == "Regionalt samordnande nivå");
    CHECK(r.levels[2].id == "executive");
    CHECK(r.levels[2].name.sv == "Verkställande nivå");
    CHECK(r.council.sv == "Regionala rådet");
    CHECK(r.councilPurpose.sv.find("Länsstyrelsen") != std::string::npos);
    CHECK(r.convener == "lansstyrelsen");
}

TEST_CASE("R2: every level has a forum in ordinary and one in activated mode, with Swedish names and purposes", "[region][R2]") {
    const auto& r = stockholm();
    const std::vector<std::pair<std::string, std::string>> expected{
        {"Regional chefsgrupp", "Regionalt inriktande forum"},
        {"Regional samordningsgrupp", "Regionalt samordnande forum"},
        {"Samverkansgrupper", "Verkställande forum"}};
    for (std::size_t i = 0; i < r.levels.size(); ++i) {
        const auto ordinary = r.forumOf(r.levels[i].id, model::Mode::ordinary);
        const auto activated = r.forumOf(r.levels[i].id, model::Mode::activated);
        REQUIRE(ordinary != model::kNone);
        REQUIRE(activated != model::kNone);
        CHECK(r.forums[ordinary].name.sv == expected[i].first);
        CHECK(r.forums[activated].name.sv == expected[i].second);
        CHECK_FALSE(r.forums[ordinary].purpose.sv.empty());
        CHECK_FALSE(r.forums[activated].purpose.en.empty());
    }
    CHECK(r.forums[r.forumIndex("regionalt-samordnande-forum")].purpose.sv.find("samlad lägesbild") != std::string::npos);
}

TEST_CASE("every party the seed names is there, with all 26 municipalities of Stockholm county", "[region]") {
    const auto& r = stockholm();
    for (const char* id : {"lansstyrelsen", "region-stockholm", "ksl", "sos-alarm", "trafikverket", "polisen",
                           "stockholms-hamnar", "storstockholms-brandforsvar", "sodertorns-brandforsvar", "brandkaren-attunda"})
        CHECK(r.actorIndex(id) != model::kNone);
    const auto* municipalities = r.group("municipalities");
    REQUIRE(municipalities != nullptr);
    CHECK(municipalities->members.size() == 26);
    const auto count = std::count_if(r.actors.begin(), r.actors.end(), [](const model::Actor& a) { return a.kind == "municipality"; });
    CHECK(count == 26);
    CHECK(r.actors[r.actorIndex("sodertalje")].name.sv == "Södertälje kommun");
    CHECK(r.actors[r.actorIndex("stockholms-stad")].name.sv == "Stockholms stad");
}

TEST_CASE("SMHI, public transport and the airports are outside actors", "[region]") {
    const auto& r = stockholm();
    for (const char* id : {"smhi", "sl", "swedavia"}) {
        REQUIRE(r.actorIndex(id) != model::kNone);
        CHECK(r.actors[r.actorIndex(id)].outside);
    }
    CHECK_FALSE(r.actors[r.actorIndex("polisen")].outside);
}

TEST_CASE("R3: each party sends functions with a mandate to the levels, and has a home organisation", "[region][R3]") {
    const auto& r = stockholm();
    for (const auto& a : r.actors) {
        INFO(a.id);
        CHECK_FALSE(a.representatives.empty());
        CHECK_FALSE(a.home.sv.empty());
        for (const auto& rep : a.representatives) {
            CHECK(r.level(rep.level) != nullptr);
            CHECK_FALSE(rep.function.sv.empty());
            CHECK_FALSE(rep.mandate.empty());
        }
    }
    const auto& huddinge = r.actors[r.actorIndex("huddinge")];
    CHECK(huddinge.at("directing")->function.sv == "Kommundirektör");
    const auto& coordinatingMandate = huddinge.at("coordinating")->mandate;
    CHECK(std::find(coordinatingMandate.begin(), coordinatingMandate.end(), "priorities") == coordinatingMandate.end());
}

TEST_CASE("convening delays default to the public figures: 15–20 minutes by telephone", "[region]") {
    const auto& r = stockholm();
    const auto* phone = r.conveningBy("telephone");
    REQUIRE(phone != nullptr);
    CHECK(phone->min == 15 * engine::kMinute);
    CHECK(phone->max == 20 * engine::kMinute);
    CHECK(phone->source.find("15–20 minutes") != std::string::npos);
    REQUIRE(r.conveningBy("physical") != nullptr);
    CHECK(r.conveningBy("physical")->source == "assumption");
    REQUIRE(r.weekly.has_value());
    CHECK(r.weekly->forum == "regional-samordningsgrupp");
}

TEST_CASE("the weekly conference's time comes with its source, and the agenda is SSR's four steps", "[region][agenda]") {
    const auto& r = stockholm();
    REQUIRE(r.weekly.has_value());
    CHECK(r.weekly->weekday == 1);
    CHECK(r.weekly->timeOfDay == 9 * engine::kHour);
    // No public source gives the weekday and time: the file says so.
    CHECK(r.weekly->source.rfind("assumption", 0) == 0);
    CHECK(r.weekly->members.empty());  // the region's parties
    REQUIRE(r.agenda.size() == 4);
    std::vector<std::string> ids;
    for (const auto& s : r.agenda) ids.push_back(s.id);
    CHECK(ids == std::vector<std::string>{"actor-reports", "information-sharing", "cooperation-needs", "regional-picture"});
    CHECK(r.agenda[0].role == model::AgendaRole::actorReports);
    CHECK(r.agenda[3].role == model::AgendaRole::regionalPicture);
    CHECK(r.agenda[2].name.sv == "Identifiering av samverkansbehov");
    CHECK(r.agendaSource.find("samverkanstockholmsregionen.se") != std::string::npos);
    // Without an agenda in the file a region's conferences run SSR's.
    const auto tiny = scenario::loadRegion("tests/data/good/tiny-region.yaml");
    REQUIRE(tiny.ok());
    CHECK(tiny.value->agenda.empty());
    CHECK(tiny.value->agendaSteps().size() == 4);
}

TEST_CASE("a region's agenda may have steps of its own between SSR's", "[region][agenda]") {
    std::ifstream in("tests/data/bad/region-agenda-order.yaml");
    std::stringstream text;
    text << in.rdbuf();
    std::string yaml = text.str();
    const std::string picture = "      - {id: regional-picture, name: {sv: Regional lägesbild, en: Regional picture}}\n";
    const auto at = yaml.find(picture);
    REQUIRE(at != std::string::npos);
    yaml.erase(at, picture.size());
    const std::string needs = "      - {id: cooperation-needs, name: {sv: Samverkansbehov, en: Need for cooperation}}\n";
    const auto after = yaml.find(needs);
    REQUIRE(after != std::string::npos);
    yaml.insert(after + needs.size(), "      - {id: communication, name: {sv: Kommunikation, en: Communication}}\n" + picture);
    const auto loaded = scenario::loadRegionText("tests/data/good/agenda-region.yaml", yaml);
    INFO((loaded.diagnostics.empty() ? std::string{} : loaded.diagnostics.front().str()));
    REQUIRE(loaded.ok());
    REQUIRE(loaded.value->agenda.size() == 5);
    CHECK(loaded.value->agenda[3].id == "communication");
    CHECK(loaded.value->agenda[3].role == model::AgendaRole::other);
    CHECK(loaded.value->agendaSource == "assumption");
}

TEST_CASE("another region is another file", "[region]") {
    const auto loaded = scenario::loadRegion("tests/data/good/tiny-region.yaml");
    INFO((loaded.diagnostics.empty() ? std::string{} : loaded.diagnostics.front().str()));
    REQUIRE(loaded.ok());
    CHECK(loaded.value->id == "tiny");
    CHECK(loaded.value->actors.size() == 3);
    CHECK(loaded.value->levels.size() == 2);
}

TEST_CASE("the region's map places every municipality, with seats inside the county", "[region][map]") {
    const auto& r = stockholm();
    const auto loaded = scenario::loadAreaMap("assets/maps/stockholm.yaml", r);
    REQUIRE(loaded.diagnostics.empty());
    REQUIRE(loaded.value.has_value());
    const auto& areas = loaded.value->areas;
    std::size_t municipalities = 0;
    for (const auto& a : r.actors)
        if (a.kind == "municipality") {
            ++municipalities;
            INFO(a.id);
            CHECK(std::any_of(areas.begin(), areas.end(), [&](const model::Area& area) { return area.id == a.id; }));
        }
    CHECK(areas.size() == municipalities);
    double people = 0;
    for (const auto& a : areas) {
        INFO(a.id);
        CHECK(a.lat > 58.7);  // Stockholm county lies between about 58.7° and 60.2° N, 17.2° and 19.2° E
        CHECK(a.lat < 60.2);
        CHECK(a.lon > 17.2);
        CHECK(a.lon < 19.2);
        people += a.population;
    }
    CHECK(people > 2.3e6);  // the county has about 2.4 million inhabitants
    CHECK(people < 2.6e6);
}

TEST_CASE("a broken map file names file, line and column", "[region][map]") {
    const auto path = (std::filesystem::temp_directory_path() / "samverkan-bad-map.yaml").string();
    std::ofstream(path) << "format: samverkan-map/1\nregion: stockholm\nmunicipalities:\n"
                           "  - {id: solna, seat: Solna, lat: 59.36, lon: 18.00}\n"
                           "  - {id: solnaa, seat: Solna, lat: 95, lon: 18.00}\n";
    const auto loaded = scenario::loadAreaMap(path, stockholm());
    REQUIRE(loaded.diagnostics.size() == 2);
    CHECK(loaded.diagnostics[0].str() == path + ":5:10: error: unknown actor 'solnaa' (did you mean 'solna'?)");
    CHECK(loaded.diagnostics[1].str().rfind(path + ":5:36: error: lat must be a number between -90 and 90", 0) == 0);
    CHECK_FALSE(loaded.value.has_value());
}

TEST_CASE("the reporting doctrine is data: the last rule naming an actor, directly or by its group, sets it", "[region][reports]") {
    auto r = stockholm();
    const auto city = r.actorIndex("stockholms-stad");
    const auto police = r.actorIndex("polisen");
    // The shipped region: everyone reports at the conferences they attend.
    REQUIRE(r.reporting.size() == 1);
    CHECK(r.reportingOf(police).atConference);
    CHECK(r.reportingOf(police).every == 0);
    r.reporting.push_back({{"municipalities"}, {false, 2 * engine::kHour}});
    CHECK_FALSE(r.reportingOf(city).atConference);
    CHECK(r.reportingOf(city).every == 2 * engine::kHour);
    CHECK(r.reportingOf(police).atConference);
    r.reporting.push_back({{"stockholms-stad"}, {true, 0}});
    CHECK(r.reportingOf(city).atConference);
    CHECK(r.reportingOf(city).every == 0);
    // With no rules nobody reports by doctrine.
    r.reporting.clear();
    CHECK_FALSE(r.reportingOf(police).atConference);
}
