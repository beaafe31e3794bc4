#pragma once
/// The one place that words what happens, in Swedish and English: events, refusals and the names
/// of everything they mention (actors, groups, forums, services, priority lists, topics, media,
/// measures, units). The journal, the console, the CLI and the reports all read their sentences
/// here, so no raw id reaches a screen and no rule is interleaved with prose.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/model/Text.hpp"
#include "sim/protocol/JournalEntry.hpp"
#include "sim/scenario/Scenario.hpp"

namespace samverkan::render {

using model::Lang;
using model::Text;

/// Words the events and refusals of one scenario. Holds a reference: the scenario must outlive it.
class Renderer {
public:
    explicit Renderer(const scenario::Scenario& scenario) : m_scenario(scenario) {}

    /// Whose sentence it is: exercise control and the review after the end see the true state
    /// beside what was known; a trainee during the exercise only what the role was told
    /// (DESIGN.md, contract 4).
    enum class Sight : std::uint8_t { truth, known };
    /// The sentence for a journal entry.
    [[nodiscard]] Text event(const protocol::JournalEntry& entry, Sight sight = Sight::truth) const;
    /// Why a command was refused, in words a person understands.
    [[nodiscard]] Text refusal(const protocol::Refusal& refusal) const;
    /// A short label for a kind of entry ("Beslut", "Decision"), for timelines and filters.
    [[nodiscard]] static Text kindLabel(protocol::Kind kind);
    /// A command type's name as a person says it ("begäran om aktivering").
    [[nodiscard]] static Text commandName(const std::string& type);

    // Names. Unknown ids come back as themselves (tests catch those).
    [[nodiscard]] Text actor(const std::string& id) const;  ///< an actor, a group, or exercise control
    [[nodiscard]] Text actors(const std::vector<std::string>& ids) const;  ///< "A, B och C"
    /// Who takes part: as actors(), a group named once when all its members are there ("kommunerna").
    [[nodiscard]] Text members(const std::vector<std::string>& ids) const;
    [[nodiscard]] Text forum(const std::string& ref) const;                ///< by id or by level ref
    [[nodiscard]] Text service(const std::string& id) const;
    [[nodiscard]] Text services(const std::vector<std::string>& ids) const;
    [[nodiscard]] Text list(const std::string& id) const;  ///< a priority list, named by what it shares out
    [[nodiscard]] Text topic(const std::string& id) const;
    [[nodiscard]] Text medium(const std::string& id) const;
    [[nodiscard]] Text channel(const std::string& id) const;
    [[nodiscard]] Text measure(const std::string& id) const;
    /// A measure's parameter by its name ("Andel inställda övriga linjer").
    [[nodiscard]] Text parameter(const std::string& measure, const std::string& param) const;
    /// A measure's decided parameters in words ("Kommuner: Stockholms stad och Huddinge; gäller till
    /// 12 h efter att det börjat"); parameters left out read as their defaults.
    [[nodiscard]] Text measureArgs(const std::string& measure, const std::vector<model::MeasureArg>& args) const;
    /// What a decision decides: its measure and parameters, or "no modelled effect" for an
    /// information-only agreement.
    [[nodiscard]] Text decisionMeasure(const std::string& measure, const std::vector<model::MeasureArg>& args) const;
    [[nodiscard]] Text outcome(const std::string& id) const;
    [[nodiscard]] static Text duration(engine::Millis d);
    /// A unit as the scenario names it ("person-hours"); symbols (cm/h) stay as they are.
    [[nodiscard]] static Text unit(const std::string& id);
    /// One of MSB's focus areas for exercise objectives, by its id in scenarios ("ledning").
    [[nodiscard]] static Text focusArea(const std::string& id);
    /// A finding's status by its name in outputs ("on-time").
    [[nodiscard]] static Text findingStatus(const std::string& id);
    /// An expected action by its name in scenarios ("activate").
    [[nodiscard]] static Text expectedAction(const std::string& id);
    [[nodiscard]] Text warning(const std::string& system, const std::string& level) const;
    /// An actor's function on call ("Länsstyrelsens tjänsteman i beredskap (TiB)"); `role` empty:
    /// its first; an unknown one reads as the actor with the role's id.
    [[nodiscard]] Text onCall(const std::string& actor, const std::string& role) const;
    /// An alerting duty by its name ("verify": "verifiera").
    [[nodiscard]] static Text duty(const std::string& id);

    [[nodiscard]] const scenario::Scenario& scenario() const { return m_scenario; }

private:
    [[nodiscard]] Text agendaItem(const protocol::AgendaItem& item) const;

    const scenario::Scenario& m_scenario;
};

/// "a, b och c" / "a, b and c".
Text joinNames(const std::vector<Text>& names);

}  // namespace samverkan::render
