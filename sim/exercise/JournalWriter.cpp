// The journal's writer: the only place typed events become JSON (docs/journal-format.md).
#include "sim/exercise/JournalWriter.hpp"

#include "sim/engine/Overloaded.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

#include "sim/protocol/CommandFields.hpp"

namespace samverkan::exercise {
namespace {

using nlohmann::ordered_json;
using namespace protocol;

// Three decimals are what a level means; fewer digits keep the lines readable.
double rounded(double v) { return std::round(v * 1000.0) / 1000.0; }

// A decision's parameters by name, in name order (as the command's fields are), so that a replayed
// decision reads the same whatever order its arguments were given in.
ordered_json args(const std::vector<model::MeasureArg>& list) {
    nlohmann::json sorted = nlohmann::json::object();
    for (const auto& a : list) sorted[a.param] = a.items.empty() ? nlohmann::json(a.number) : nlohmann::json(a.items);
    return ordered_json::parse(sorted.dump());
}

ordered_json dataOf(const Event& event) {
    return std::visit(
        engine::Overloaded{
            [](const Started& e) {
                ordered_json d{{"format", e.format}, {"scenario", e.scenario}, {"file", e.file},       {"region", e.region},
                               {"start", e.startIso}, {"duration_ms", e.duration}, {"seed", std::to_string(e.seed)},
                               {"play", e.play}};
                if (!e.playFile.empty()) d["play_file"] = e.playFile;
                if (!e.variant.empty()) d["variant"] = e.variant;
                d["trainees"] = e.trainees;
                return d;
            },
            [](const CommandIssued& e) { return ordered_json::parse(commandData(e.command, e.source)); },
            [](const CommandRefused& e) {
                return ordered_json{{"type", e.type}, {"source", sourceName(e.source)}, {"code", refusalName(e.refusal.code)},
                                    {"args", e.refusal.args}};
            },
            [](const InjectDelivered& e) {
                ordered_json d{{"to", e.to}, {"channel", e.channel}};
                if (!e.warningSystem.empty())
                    d["warning"] = {{"system", e.warningSystem}, {"level", e.warningLevel}, {"hazard", e.warningHazard}};
                if (!e.affects.empty()) d["affects"] = e.affects;
                if (e.issued < 0) d["issued_ms"] = e.issued;
                return d;
            },
            [](const ActivationRequested& e) {
                ordered_json d{{"to", e.convener}};
                if (!e.viaForum.empty()) d["via_forum"] = e.viaForum;
                if (e.outsideActor) d["outside_actor"] = true;
                return d;
            },
            [](const Convened& e) {
                return ordered_json{{"medium", e.medium}, {"delay_ms", e.delay}, {"extra_conference", e.extraConference},
                                    {"invited", e.invited}};
            },
            [](const MeetingOpened& e) {
                ordered_json d{{"mode", e.activated ? "activated" : "ordinary"}, {"medium", e.medium}, {"members", e.members}};
                if (e.activatedAlone) d["activated_alone"] = true;
                if (!e.chair.empty()) d["chair"] = e.chair;
                return d;
            },
            [](const MeetingClosed&) { return ordered_json::object(); },
            [](const ConferenceHeld& e) {
                ordered_json d = e.weekly ? ordered_json{{"mode", "ordinary"}, {"weekly", true}} : ordered_json::object();
                d["members"] = e.members;
                d["number"] = e.number;
                if (!e.chair.empty()) d["chair"] = e.chair;
                return d;
            },
            [](const AgendaItem& e) {
                ordered_json d{{"step", e.step}, {"position", e.position}, {"steps", e.steps}, {"conference", e.conference},
                               {"chair", e.chair}, {"members", e.members}};
                if (e.weekly) d["weekly"] = true;
                if (!e.frames.empty()) d["frames"] = e.frames;
                if (!e.decisions.empty()) d["decisions"] = e.decisions;
                if (!e.missing.empty()) d["missing"] = e.missing;
                return d;
            },
            [](const CalledIn& e) { return ordered_json{{"by", e.by}}; },
            [](const MemberJoined&) { return ordered_json::object(); },
            [](const MemberReleased& e) { return ordered_json{{"by", e.by}}; },
            [](const CompositionSuggested& e) { return ordered_json{{"missing", e.missing}}; },
            [](const ChairDecided& e) { return ordered_json{{"by", e.by}}; },
            [](const ConsultationStarted& e) { return ordered_json{{"topic", e.topic}, {"delay_ms", e.delay}}; },
            [](const ConsultationDone&) { return ordered_json::object(); },
            [](const Decided& e) {
                ordered_json d{{"topic", e.topic}, {"actors", e.actors}};
                if (!e.measure.empty()) {
                    d["measure"] = e.measure;
                    d["args"] = args(e.args);
                }
                if (!e.proposalTo.empty()) d["proposal_to"] = e.proposalTo;
                return d;
            },
            [](const ProposalSent& e) { return ordered_json{{"from_forum", e.fromForum}}; },
            [](const Implemented& e) {
                if (e.measure.empty()) return ordered_json::object();
                return ordered_json{{"measure", e.measure}};
            },
            [](const PrioritiesSet& e) { return ordered_json{{"list", e.list}, {"order", e.order}}; },
            [](const FrameViolated& e) {
                ordered_json d{{"frame_forum", e.frameForum}, {"list", e.list}};
                if (e.omitted) d["omitted"] = e.first;
                else d["order"] = {e.first, e.second};  // the frame ranks the first before the second
                if (!e.decision.empty()) d["decision"] = e.decision;
                return d;
            },
            [](const MessageProposed& e) { return ordered_json{{"senders", e.senders}, {"waiting", e.waiting}}; },
            [](const PublicMessage& e) { return ordered_json{{"joint", e.joint}, {"senders", e.senders}}; },
            [](const ReportMade& e) {
                if (e.levels.empty()) return ordered_json::object();
                ordered_json levels = ordered_json::array();
                for (const auto& l : e.levels) levels.push_back({{"id", l.service}, {"level", rounded(l.level)}, {"observed_ms", l.observedAt}});
                return ordered_json{{"levels", std::move(levels)}};
            },
            [](const ContactMade& e) { return ordered_json{{"to", e.to}, {"bilateral", true}}; },
            [](const Deactivated& e) {
                ordered_json d{{"by", e.by}};
                if (!e.ordinaryForum.empty()) d["ordinary_forum"] = e.ordinaryForum;
                return d;
            },
            [](const DecisionPointOpened& e) {
                return ordered_json{{"options", e.options}, {"default", e.defaultOption}, {"timeout_ms", e.timeout}};
            },
            [](const DecisionPointAnswered& e) { return ordered_json{{"option", e.option}, {"source", sourceName(e.source)}}; },
            [](const PictureCompiled& e) {
                ordered_json services = ordered_json::array();
                for (const auto& s : e.services) {
                    ordered_json o{{"id", s.service}};
                    if (s.known) {
                        o["known"] = rounded(s.level);
                        o["observed_ms"] = s.observedAt;
                    }
                    o["true"] = rounded(s.truth);
                    services.push_back(std::move(o));
                }
                ordered_json d{{"compiled_ms", e.compiledAt}, {"oldest_observation_ms", e.oldestObservation},
                               {"services", std::move(services)}};
                if (!e.unreported.empty()) d["unreported"] = e.unreported;
                return d;
            },
            [](const HandedOver&) { return ordered_json::object(); },
            [](const Alerted& e) { return ordered_json{{"to", e.to}}; },
            [](const AlertAnswered& e) { return ordered_json{{"by", e.by}, {"after_ms", e.after}}; },
            [](const Verified&) { return ordered_json::object(); },
            [](const Informed& e) { return ordered_json{{"to", e.to}}; },
            [](const InformationReceived& e) { return ordered_json{{"by", e.by}, {"after_ms", e.after}}; },
            [](const Ended& e) { return ordered_json{{"events", e.events}}; },
        },
        event);
}

}  // namespace

std::string commandData(const Command& command, Source source) {
    ordered_json o{{"type", typeName(command)}, {"source", sourceName(source)}};
    for (const auto& f : encodeFields(command)) {
        switch (f.shape) {
            case FieldShape::scalar:
            case FieldShape::duration: o[f.key] = f.values.front(); break;
            case FieldShape::list: o[f.key] = f.values; break;
            case FieldShape::text: o[f.key] = {{"sv", f.values[0]}, {"en", f.values[1]}}; break;
            case FieldShape::args: {
                ordered_json a = ordered_json::object();
                for (const auto& arg : f.args)
                    a[arg.param] = arg.list ? ordered_json(arg.values) : ordered_json::parse(arg.values.front());
                o[f.key] = std::move(a);
                break;
            }
        }
    }
    return o.dump();
}

std::string toJsonLine(const JournalEntry& e, const render::Renderer& renderer) {
    ordered_json o{{"t", e.t}, {"seq", e.seq}, {"kind", kindName(e.kind)}};
    if (!e.actor.empty()) o["actor"] = e.actor;
    if (!e.forum.empty()) o["forum"] = e.forum;
    if (!e.ref.empty()) o["ref"] = e.ref;
    const auto words = renderer.event(e);
    if (!words.sv.empty()) o["text"] = words.sv;
    if (!words.en.empty()) o["text_en"] = words.en;
    auto data = dataOf(e.event);
    if (!data.empty()) o["data"] = std::move(data);
    return o.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace samverkan::exercise
