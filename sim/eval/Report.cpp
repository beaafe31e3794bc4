#include "sim/eval/Report.hpp"

#include "sim/eval/ReportContent.hpp"
#include "sim/eval/Svg.hpp"

namespace samverkan::eval {
namespace {

const char* kStyle = R"(body{font-family:"DejaVu Sans",Verdana,sans-serif;color:#222;max-width:1100px;margin:24px auto;padding:0 16px;line-height:1.4}
h1{font-size:24px;margin-bottom:4px}h2{font-size:18px;border-bottom:2px solid #1f77b4;padding-bottom:3px;margin-top:28px}
.sub{color:#555;margin-top:0}.score{font-size:44px;font-weight:bold;color:#1f77b4}.score small{font-size:18px;color:#555}
table{border-collapse:collapse;width:100%;margin:8px 0;font-size:13px}th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef3f8}td.num{text-align:right;white-space:nowrap}ul{margin:6px 0}li{margin:3px 0}
.legend span{display:inline-block;margin-right:14px;font-size:12px}.dot{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px}
footer{margin-top:30px;color:#777;font-size:12px})";

std::string cell(const std::string& s, bool numeric = false) {
    return std::string(numeric ? "<td class=\"num\">" : "<td>") + escapeXml(s) + "</td>";
}

std::string table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
                  const std::vector<bool>& numeric = {}) {
    std::string out = "<table><tr>";
    for (const auto& h : headers) out += "<th>" + escapeXml(h) + "</th>";
    out += "</tr>";
    for (const auto& r : rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < r.size(); ++i) out += cell(r[i], i < numeric.size() && numeric[i]);
        out += "</tr>";
    }
    return out + "</table>";
}

std::string list(const std::vector<std::string>& items, const std::string& none) {
    if (items.empty()) return "<p>" + escapeXml(none) + "</p>";
    std::string out = "<ul>";
    for (const auto& i : items) out += "<li>" + escapeXml(i) + "</li>";
    return out + "</ul>";
}

std::string mdTable(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows) {
    std::string out = "|";
    for (const auto& h : headers) out += " " + h + " |";
    out += "\n|";
    for (std::size_t i = 0; i < headers.size(); ++i) out += "---|";
    out += "\n";
    for (const auto& r : rows) {
        out += "|";
        for (const auto& c : r) {
            std::string escaped;
            for (const char ch : c) escaped += ch == '|' ? std::string("\\|") : std::string(1, ch);
            out += " " + escaped + " |";
        }
        out += "\n";
    }
    return out;
}

struct Headings {
    std::string summary, timeline, legend, consequences, metrics, strengths, improvements, plan, parameters;
    std::vector<std::string> objectiveCols, metricCols, outcomeCols, planCols, parameterCols;
    std::string none, footer, noWorld, measures;
    std::vector<std::string> measureCols;
};

Headings headings(bool sv) {
    if (sv)
        return {"Sammanfattning", "Tidslinje mot förväntade tidsfönster",
                "Orange: inspel · blå: forum (mörk = aktiverat läge) · grön: samordnat beslut, grå: eget beslut · lila: gemensamt budskap · förväntat: ljusblått fönster, grön i tid, orange sen, röd saknas",
                "Konsekvenser", "Mätvärden", "Styrkor", "Förbättringsområden", "Förbättringsplan", "Modellens värden och källor",
                {"Mål", "Beskrivning", "MSB:s fokusområden", "Poäng", "Förklaring"}, {"Mått", "Värde"}, {"Utfall", "Värde", "Enhet"},
                {"Fokusområde", "Iakttagelse", "Åtgärd", "Ansvarig", "Underlag"}, {"Värde", "Storlek", "Källa"},
                "Inga.", "Skapad av Samverkan från övningens journal; alla tider är simulerad tid från scenariots start.",
                "Scenariot har ingen konsekvensmodell.", "Beslutade åtgärder och deras modellerade effekt",
                {"När", "Vem", "Forum", "Åtgärd", "Parametrar", "Genomfört", "Modellerad effekt"}};
    return {"Summary", "Timeline against the expected windows",
            "Orange: injects · blue: forums (dark = activated mode) · green: coordinated decision, grey: own decision · purple: joint message · expected: light-blue window, green on time, orange late, red missing",
            "Consequences", "Metrics", "Strengths", "Areas for improvement", "Improvement plan", "The model's figures and sources",
            {"Objective", "Description", "MSB focus areas", "Score", "Explanation"}, {"Measure", "Value"}, {"Outcome", "Value", "Unit"},
            {"Focus area", "Observation", "Corrective action", "Responsible", "Evidence"}, {"Figure", "Value", "Source"},
            "None.", "Made by Samverkan from the exercise journal; all times are simulated time from the scenario's start.",
            "The scenario has no consequence model.", "Measures decided and their modelled effect",
            {"When", "Who", "Forum", "Measure", "Parameters", "Carried out", "Modelled effect"}};
}

}  // namespace

std::string reportHtml(const exercise::Exercise& run, model::Lang lang, const std::vector<ReportSection>& extra) {
    const auto c = buildReportContent(run, lang);
    const auto h = headings(c.sv);
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(c.sv ? "sv" : "en") + "\"><head><meta charset=\"utf-8\"><title>" +
                      escapeXml(c.title) + "</title><style>" + kStyle + "</style></head><body>\n";
    out += "<h1>" + escapeXml(c.title) + "</h1><p class=\"sub\">" + escapeXml(c.subtitle) + "</p>\n";
    out += "<section id=\"summary\"><h2>" + h.summary + "</h2><div class=\"score\">" + c.scoreLine + "<small>/100</small></div><p>" +
           escapeXml(c.evaluation.explanation.in(lang)) + "</p>" +
           table(h.objectiveCols, c.objectives, {false, false, false, true, false}) + "</section>\n";
    out += "<section id=\"timeline\"><h2>" + h.timeline + "</h2>" + timelineSvg(run, c.evaluation, lang) + "<p class=\"legend\">" +
           escapeXml(h.legend) + "</p></section>\n";
    out += "<section id=\"consequences\"><h2>" + h.consequences + "</h2>" +
           (c.outcomes.empty() ? "<p>" + escapeXml(h.noWorld) + "</p>"
                               : worldSvg(run, lang) + table(h.outcomeCols, c.outcomes, {false, true, false})) +
           "</section>\n";
    out += "<section id=\"measures\"><h2>" + h.measures + "</h2>" +
           (c.measures.empty() ? "<p>" + escapeXml(h.none) + "</p>" : table(h.measureCols, c.measures, {true, false, false, false, false, true, false})) +
           "</section>\n";
    for (const auto& x : extra) out += "<section id=\"" + escapeXml(x.id) + "\"><h2>" + escapeXml(x.heading) + "</h2>" + x.html + "</section>\n";
    out += "<section id=\"metrics\"><h2>" + h.metrics + "</h2>" + table(h.metricCols, c.metrics, {false, true}) + "</section>\n";
    out += "<section id=\"strengths\"><h2>" + h.strengths + "</h2>" + list(c.strengths, h.none) + "</section>\n";
    out += "<section id=\"improvements\"><h2>" + h.improvements + "</h2>" + list(c.improvements, h.none) + "</section>\n";
    out += "<section id=\"plan\"><h2>" + h.plan + "</h2>" + table(h.planCols, c.plan) + "</section>\n";
    out += "<section id=\"parameters\"><h2>" + h.parameters + "</h2>" + table(h.parameterCols, c.parameters) + "</section>\n";
    out += "<footer>" + escapeXml(h.footer) + "</footer></body></html>\n";
    return out;
}

std::string reportMarkdown(const exercise::Exercise& run, model::Lang lang, const std::vector<ReportSection>& extra) {
    const auto c = buildReportContent(run, lang);
    const auto h = headings(c.sv);
    auto bullets = [&](const std::vector<std::string>& items) {
        if (items.empty()) return h.none + "\n";
        std::string out;
        for (const auto& i : items) out += "- " + i + "\n";
        return out;
    };
    std::string out = "# " + c.title + "\n\n" + c.subtitle + "\n\n";
    out += "## " + h.summary + "\n\n**" + c.scoreLine + "/100** — " + c.evaluation.explanation.in(lang) + "\n\n" +
           mdTable(h.objectiveCols, c.objectives) + "\n";
    out += "## " + h.consequences + "\n\n" + (c.outcomes.empty() ? h.noWorld + "\n" : mdTable(h.outcomeCols, c.outcomes)) + "\n";
    out += "## " + h.measures + "\n\n" + (c.measures.empty() ? h.none + "\n" : mdTable(h.measureCols, c.measures)) + "\n";
    for (const auto& x : extra) out += "## " + x.heading + "\n\n" + x.markdown + "\n";
    out += "## " + h.metrics + "\n\n" + mdTable(h.metricCols, c.metrics) + "\n";
    out += "## " + h.strengths + "\n\n" + bullets(c.strengths) + "\n";
    out += "## " + h.improvements + "\n\n" + bullets(c.improvements) + "\n";
    out += "## " + h.plan + "\n\n" + mdTable(h.planCols, c.plan) + "\n";
    out += "## " + h.parameters + "\n\n" + mdTable(h.parameterCols, c.parameters) + "\n";
    out += "_" + h.footer + "_\n";
    return out;
}

}  // namespace samverkan::eval
