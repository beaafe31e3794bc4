#include "sim/cli/Timeline.hpp"

namespace samverkan::cli {

std::string pad(const std::string& s, std::size_t width) {
    std::size_t chars = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;
    return chars >= width ? s : s + std::string(width - chars, ' ');
}

namespace {

using protocol::Kind;

// Kinds whose sentence is someone's own words: a label says what kind of line it is.
bool labelled(Kind kind) {
    switch (kind) {
        case Kind::rejected:
        case Kind::publicMessage:
        case Kind::decisionAgreed:
        case Kind::decisionProposed:
        case Kind::ownDecision:
        case Kind::inject:
        case Kind::report:
        case Kind::contact:
        case Kind::decisionPoint:
        case Kind::decisionAnswered: return true;
        default: return false;
    }
}

bool fromPlay(const protocol::JournalEntry& e) {
    const auto* c = e.as<protocol::CommandIssued>();
    return c != nullptr && protocol::isScripted(c->source);
}

}  // namespace

void printTimeline(std::ostream& out, const exercise::Exercise& run, model::Lang lang) {
    const auto& scenario = run.scenario();
    const auto& words = run.renderer();
    const auto& entries = run.journal().entries();
    const bool sv = lang == model::Lang::sv;
    const auto* play = run.options().play ? &*run.options().play : scenario.play(run.playName());
    std::string description = play != nullptr ? play->description.in(lang) : run.playName();
    if (play == nullptr && run.playName() == scenario::kDoctrinePlay)
        description = sv ? "Varje roll som ingen övande har följer sin doktrin (" + std::to_string(scenario.behaviour.size()) + " regler)."
                         : "Every role no trainee holds follows its doctrine (" + std::to_string(scenario.behaviour.size()) + " rules).";
    out << scenario.title.in(lang) << " — " << description << " ("
        << (sv ? "frö " : "seed ") << run.seed() << ")\n";
    auto line = [&](const protocol::JournalEntry& e, const std::string& who, const std::string& text) {
        out << engine::formatClock(scenario.start, e.t) << "  " << pad(engine::formatElapsed(e.t), 9) << " " << pad(who, 31)
            << " " << pad(e.forum.empty() ? "" : "[" + words.forum(e.forum).in(lang) + "]", 34) << " " << text << "\n";
    };
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        if (fromPlay(e)) continue;
        // Many actors carrying out one decision at once read better as one line.
        std::size_t same = i + 1;
        while (e.kind == Kind::implemented && same < entries.size() && entries[same].kind == e.kind && entries[same].t == e.t &&
               entries[same].ref == e.ref)
            ++same;
        if (same - i > 3) {
            std::vector<std::string> actors;
            for (std::size_t k = i; k < same; ++k) actors.push_back(entries[k].actor);
            const auto& decision = e.as<protocol::Implemented>()->text;
            line(e, std::to_string(same - i) + (sv ? " aktörer" : " actors"),
                 (sv ? "genomför beslutet i egen organisation (R10): " : "carry out the decision in their own organisations (R10): ") +
                     decision.in(lang) + " — " + words.actors(actors).in(lang));
            i = same - 1;
            continue;
        }
        const std::string text = words.event(e).in(lang);
        line(e, e.actor.empty() ? "" : words.actor(e.actor).in(lang),
             labelled(e.kind) ? words.kindLabel(e.kind).in(lang) + ": " + text : text);
    }
}

}  // namespace samverkan::cli
