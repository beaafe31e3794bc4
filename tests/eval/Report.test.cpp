// The after-action report's structure, in both languages and both formats.
#include <filesystem>
#include <fstream>

#include "sim/eval/Report.hpp"
#include "sim/eval/Svg.hpp"
#include "tests/exercise/SceneHelpers.hpp"

using namespace samverkan;
using namespace samverkan::test;

namespace {
std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
    return n;
}
}  // namespace

TEST_CASE("the HTML report is one self-contained file with the AAR/IP sections", "[report]") {
    const auto run = play("snowstorm", "late");
    const std::string html = eval::reportHtml(*run, model::Lang::en);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(html.find("</html>") != std::string::npos);
    for (const char* id : {"summary", "timeline", "consequences", "measures", "metrics", "strengths", "improvements", "plan", "parameters"})
        CHECK(count(html, std::string("<section id=\"") + id + "\">") == 1);
    // Inline charts, nothing fetched: no scripts, no links, no external sources.
    CHECK(count(html, "<svg ") == 2);
    CHECK(count(html, "</svg>") == 2);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http") == std::string::npos);
    CHECK(html.find(" src=") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    // The score and what it is made of; the late activation is an area for improvement with a plan.
    CHECK(html.find("<div class=\"score\">67<small>/100</small></div>") != std::string::npos);
    CHECK(html.find("6 h 33 min late (window 2 h)") != std::string::npos);
    CHECK(html.find("Exercise activation: Stockholm County Administrative Board convenes Regional coordinating forum within 2h") !=
          std::string::npos);
    // The model's figures are shown with their sources.
    CHECK(html.find("SL 2 509 000 boardings per weekday (2024) over 24 h") != std::string::npos);
    CHECK(html.find("Demand profile: SL boardings over the day") != std::string::npos);
    CHECK(html.find("SSR: about 40 actors can start joint information sharing within 15–20 minutes") != std::string::npos);
    // Every journal entry a finding cites exists.
    CHECK(html.find("(journal #2, #") != std::string::npos);
}

TEST_CASE("the report speaks Swedish when asked and escapes what it quotes", "[report]") {
    const auto run = play("snowstorm", "alone");
    const std::string html = eval::reportHtml(*run, model::Lang::sv);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"sv\">", 0) == 0);
    for (const char* heading : {"Sammanfattning", "Tidslinje mot förväntade tidsfönster", "Konsekvenser", "Mätvärden", "Styrkor",
                                "Förbättringsområden", "Förbättringsplan", "Modellens värden och källor"})
        CHECK(html.find(heading) != std::string::npos);
    CHECK(html.find("Fler bilaterala kontakter (7) än kontakter i forum (0)") != std::string::npos);
    CHECK(eval::escapeXml("a < b & \"c\" > d") == "a &lt; b &amp; &quot;c&quot; &gt; d");
}

TEST_CASE("the Markdown report carries the same content as tables and lists", "[report]") {
    const auto run = play("snowstorm", "reference");
    const std::string md = eval::reportMarkdown(*run, model::Lang::en);
    CHECK(md.rfind("# After-action report: Snowstorm – red warning\n", 0) == 0);
    CHECK(md.find("**100/100**") != std::string::npos);
    CHECK(md.find("## Improvement plan\n\n| Focus area | Observation | Corrective action | Responsible | Evidence |") !=
          std::string::npos);
    CHECK(md.find("## Strengths\n\n- activation – Regional coordinating forum: on time") != std::string::npos);
    CHECK(md.find("<svg") == std::string::npos);
}

TEST_CASE("the report lists each decided measure with its parameters and the modelled effect it had", "[report][measures]") {
    const auto late = play("snowstorm", "late");
    const auto md = eval::reportMarkdown(*late, model::Lang::en);
    const auto section = md.substr(md.find("## Measures decided and their modelled effect"));
    CHECK(section.find("| Cancel bus lines in advance | Share of the other lines cancelled: 65 % | 1 / 1 | Bus lines cancelled in advance") !=
          std::string::npos);
    CHECK(section.find("| Close schools and day-care | Municipalities: the municipalities;") != std::string::npos);
    CHECK(section.find("| 26 / 26 |") != std::string::npos);
    CHECK(section.find("no modelled effect (information)") != std::string::npos);  // the joint judgement
    // Eight hours late, the bus lines come after the measure's lead time: a weakened effect.
    const auto alone = play("snowstorm", "alone");
    const auto aloneMd = eval::reportMarkdown(*alone, model::Lang::sv);
    CHECK(aloneMd.find("| Stockholms stad | ensam | Stäng skolor och förskolor | Kommuner: Stockholms stad;") != std::string::npos);
    CHECK(aloneMd.find("försvagad: kom sent") != std::string::npos);
}

TEST_CASE("with areas, the report names each part of a service, demand and resource by its area", "[report][areas]") {
    const auto loaded = scenario::loadScenario("tests/data/good/areas.yaml");
    INFO((loaded.diagnostics.empty() ? std::string() : loaded.diagnostics.front().str()));
    REQUIRE(loaded.ok());
    exercise::Exercise run(*loaded.value, {});
    run.runToEnd();
    const auto md = eval::reportMarkdown(run, model::Lang::en);
    const auto section = md.substr(md.find("## The model's figures and sources"));
    for (const std::string area : {"City of Stockholm", "Inner suburbs", "Outer municipalities"}) {
        INFO(area);
        CHECK(count(section, "| Streets (" + area + "): sensitivity to Snowfall |") == 1);
        CHECK(count(section, "| Streets (" + area + "): blocked by Travellers (" + area + ") |") == 1);
        CHECK(count(section, "| Travellers (" + area + ") |") == 1);
        CHECK(count(section, "| The municipalities' ploughs (" + area + ") |") == 1);
    }
    // No part goes by its id, nor by its whole's name alone.
    CHECK(section.find('@') == std::string::npos);
    CHECK(section.find("| Streets: ") == std::string::npos);
    CHECK(section.find("| Travellers |") == std::string::npos);
    // The county's own figures keep their names.
    CHECK(count(section, "| Main roads: recovery |") == 1);
    CHECK(count(section, "| Cars |") == 1);
    const auto sv = eval::reportMarkdown(run, model::Lang::sv);
    CHECK(sv.find("| Gator (Närförorter): blockeras av Resenärer (Närförorter) |") != std::string::npos);
}

TEST_CASE("a chart is bounded by its width, not by the run's length", "[report][limits]") {
    // Many samples in one pixel column are drawn as the first, lowest, highest and last of them.
    std::vector<std::pair<double, double>> dense;
    for (int i = 0; i < 10000; ++i) dense.emplace_back(100.0 + static_cast<double>(i) / 10000.0, i == 4321 ? 5.0 : 50.0 + (i % 7));
    eval::Svg svg(200, 100, "dense");
    svg.polyline(dense, "#000", 1);
    const auto pointsOf = [](const std::string& svgText) {
        const auto from = svgText.find("points=\"") + 8;
        return svgText.substr(from, svgText.find('"', from) - from);
    };
    const std::string text = pointsOf(svg.str());
    CHECK(count(text, ",") == 4);
    CHECK(text.find("100.4,5.0") != std::string::npos);   // the lowest y survives thinning
    CHECK(text.find("100.0,56.0") != std::string::npos);  // and the highest
    // A sparse line is drawn point for point.
    eval::Svg sparse(200, 100, "sparse");
    sparse.polyline({{1, 1}, {2, 2}, {3, 1}}, "#000", 1);
    CHECK(pointsOf(sparse.str()) == "1.0,1.0 2.0,2.0 3.0,1.0 ");

    // The snowstorm run for 500 days instead of 48 hours: the world model samples 250 times as
    // often, the report's charts stay of the same size.
    std::string text48 = [] {
        std::ifstream in("scenarios/snowstorm.yaml");
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }();
    std::string longText = text48;
    longText.replace(longText.find("region: regions/stockholm.yaml"), 30,
                     "region: " + std::filesystem::absolute("scenarios/regions/stockholm.yaml").string());
    longText.replace(longText.find("\nduration: 48h\n"), 15, "\nduration: 500d\n");
    const auto path = (std::filesystem::temp_directory_path() / "samverkan-report-500d.yaml").string();
    std::ofstream(path, std::ios::binary) << longText;
    const auto loaded = scenario::loadScenario(path);
    REQUIRE(loaded.ok());
    exercise::Exercise longRun(*loaded.value, exercise::Options{});
    longRun.runToEnd();
    const auto shortRun = play("snowstorm", "reference");
    REQUIRE(longRun.world()->samples() > 100 * shortRun->world()->samples());
    const std::string longHtml = eval::reportHtml(longRun, model::Lang::en), shortHtml = eval::reportHtml(*shortRun, model::Lang::en);
    CHECK(longHtml.size() < 4 * shortHtml.size());
}
