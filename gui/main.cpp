// samverkan-gui: the trainee console.
#include <CLI/CLI.hpp>

#include <iostream>

#include "gui/app/App.hpp"

int main(int argc, char** argv) {
    samverkan::gui::AppOptions o;
    o.dataDir = SAMVERKAN_DATA_DIR;
    o.fontPath = SAMVERKAN_FONT;
    o.assetsDir = SAMVERKAN_ASSETS;
    std::string lang = "sv";
    CLI::App cli{"Samverkan — the trainee console", "samverkan-gui"};
    cli.add_option("--scenario", o.scenario, "Scenario file to open");
    cli.add_option("--play", o.play, "Play for the roles no trainee holds (default: doctrine where the scenario has rules, else reference)");
    cli.add_option("--role", o.role, "The trainee's role (an actor id)");
    cli.add_option("--seat", o.seats, "Another role at the same screen (hot seat; repeatable)");
    cli.add_flag("--control", o.control, "Exercise control instead of a trainee");
    cli.add_flag("--start", o.start, "Start the exercise at once (needs --scenario)");
    cli.add_option("--until", o.until, "Advance the exercise to this time first, e.g. +6h");
    cli.add_option("--lang", lang, "sv or en")->check(CLI::IsMember({"sv", "en"}));
    cli.add_option("--journal", o.journal, "Write the journal here as the exercise runs");
    cli.add_option("--resume", o.resume, "Resume an exercise from its journal after a crash");
    cli.add_option("--screenshot", o.screenshot, "Write a PNG of the window after --frames frames and exit");
    cli.add_option("--frames", o.frames, "Frames before the screenshot");
    cli.add_option("--tab", o.tab, "The centre tab to show first")
        ->check(CLI::IsMember({"picture", "map", "timeline", "journal", "review", "replay", "measures"}));
    cli.add_flag("--show-help", o.help, "Open the help window (F1) at start");
    cli.add_option("--decide", o.decide, "Open the decision section with this measure drafted (decided alone)");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = cli.exit(e);
        return code == 0 ? 0 : 2;
    }
    o.lang = lang == "en" ? samverkan::model::Lang::en : samverkan::model::Lang::sv;
    try {
        return samverkan::gui::runWindow(o);
    } catch (const std::exception& e) {
        std::cerr << "samverkan-gui: " << e.what() << "\n";
        return 1;
    }
}
