// The decision: the strictest finding wins, said in one sentence a non-lawyer understands.
#include <exportcheck/report.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace exportcheck {

std::string_view to_string(Severity s) noexcept {
    switch (s) {
        case Severity::info: return "info";
        case Severity::cleared: return "cleared";
        case Severity::review: return "review";
        case Severity::license_required: return "license_required";
        case Severity::blocked: return "blocked";
    }
    return "info";
}

std::string_view to_string(Decision d) noexcept {
    switch (d) {
        case Decision::clear: return "clear";
        case Decision::review: return "review";
        case Decision::license_required: return "license_required";
        case Decision::blocked: return "blocked";
    }
    return "clear";
}

Decision decide(const std::vector<Finding>& findings) {
    Decision d = Decision::clear;
    for (const auto& f : findings) {
        const Decision x = f.severity == Severity::blocked            ? Decision::blocked
                         : f.severity == Severity::license_required   ? Decision::license_required
                         : f.severity == Severity::review             ? Decision::review
                                                                      : Decision::clear;
        d = std::max(d, x);
    }
    return d;
}

namespace {

int kind_rank(const std::string& kind) {
    static const char* order[] = {"embargo", "party_match", "license", "red_flag", "data_quality"};
    for (int i = 0; i < 5; ++i)
        if (kind == order[i]) return i;
    return 5;
}

int level_rank(const std::string& level) { return level == "high" ? 0 : level == "medium" ? 1 : level == "low" ? 2 : 1; }

// How strong a reason is, for the order of reasons (not for the decision): a legal bar (an embargo, a listed
// party, no licence path) first, then a licence requirement, then a red flag that holds the order until it is
// resolved ("do not ship yet"), then what asks for review. A licence for a 3A090 chip to Hong Kong is the main
// reason of an order that also lacks its end-use statement: resolving the red flag leaves the licence.
int strength(const Finding& f) {
    switch (f.severity) {
        case Severity::blocked: return kind_rank(f.kind) <= kind_rank("license") ? 5 : 3;
        case Severity::license_required: return 4;
        case Severity::review: return 2;
        case Severity::cleared: return 1;
        case Severity::info: return 0;
    }
    return 0;
}

}  // namespace

void sort_findings(std::vector<Finding>& findings) {
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        if (strength(a) != strength(b)) return strength(a) > strength(b);
        if (kind_rank(a.kind) != kind_rank(b.kind)) return kind_rank(a.kind) < kind_rank(b.kind);
        return level_rank(a.level) < level_rank(b.level);
    });
}

void Finding::say(std::string id, nlohmann::ordered_json p) {
    message_id = std::move(id);
    params = std::move(p);
    message = text(Lang::en);
}

void Finding::then(std::string_view id, nlohmann::ordered_json p) {
    if (!params.contains("then")) params["then"] = nlohmann::ordered_json::array();
    params["then"].push_back(msg(id, std::move(p)));
    message = text(Lang::en);
}

std::string Finding::text(Lang lang) const {
    if (message_id.empty()) return message;
    std::string s = render(message_id, params, lang);
    if (params.contains("then"))
        for (const auto& t : params["then"]) s += " " + render(t["$m"].get<std::string>(), t["p"], lang);
    return s;
}

Message summarize(Decision decision, const std::vector<Finding>& findings) {
    // The strongest reason leads (findings are in sort_findings' order).
    const Finding* top = nullptr;
    for (const auto& f : findings)
        if (f.severity >= Severity::review && !top) top = &f;
    std::size_t more = 0;
    for (const auto& f : findings)
        if (f.severity >= Severity::review && &f != top) ++more;
    if (decision == Decision::clear) return {"summary.clear", nlohmann::ordered_json::object()};
    if (!top) return {"summary.review_plain", nlohmann::ordered_json::object()};
    nlohmann::ordered_json top_msg = top->message_id.empty() ? nlohmann::ordered_json(top->message)
                                                              : msg(top->message_id, top->params);
    // A finding that already says what to do ("Check ...", "Hold ...") leads the summary as it is.
    const bool imperative = top->message.starts_with("Check") || top->message.starts_with("Hold");
    const bool prefix = decision == Decision::review && !imperative;
    return {prefix ? "summary.hold" : "summary.top", {{"top", std::move(top_msg)}, {"more", more}}};
}

namespace {

// A message ({"$m", "p"}) or a text with its French twin ({"$t": {"en", "fr"}}).
bool is_words(const nlohmann::ordered_json& v) { return v.is_object() && (v.contains("$m") || v.contains("$t")); }

// Renders every message and twin text inside `v` (objects and arrays of evidence) in the report's language.
void render_nested(nlohmann::ordered_json& v, Lang lang) {
    if (is_words(v)) {
        v = render_value(v, lang);
        return;
    }
    if (!v.is_structured()) return;
    for (auto& x : v) render_nested(x, lang);
}

}  // namespace

nlohmann::ordered_json finding_json(const Finding& f, Lang lang) {
    nlohmann::ordered_json j;
    j["kind"] = f.kind;
    j["rule"] = f.rule;
    j["severity"] = std::string(to_string(f.severity));
    if (!f.level.empty()) j["level"] = f.level;
    j["message"] = f.text(lang);
    j["message_id"] = f.message_id;
    j["params"] = f.params;
    j["evidence"] = f.evidence;
    // Evidence the engine wrote in words (a message: {"$m", "p"}) is rendered too, its id and parameters beside it;
    // text from the rules data with a French twin ({"$t"}) and nested words are rendered where they stand.
    for (auto it = f.evidence.begin(); it != f.evidence.end(); ++it) {
        if (!is_words(it.value())) {
            if (it.key() != "explanation") render_nested(j["evidence"][it.key()], lang);  // below, with its ids
            continue;
        }
        j["evidence"][it.key()] = render_value(it.value(), lang);
        if (!it.value().contains("$m")) continue;
        j["evidence"][it.key() + "_id"] = it.value()["$m"];
        j["evidence"][it.key() + "_params"] = it.value().value("p", nlohmann::ordered_json::object());
    }
    // The name matcher's reasons, rendered where they stand (pairs[].why, notes[]), their ids beside them.
    // (No reference into a json object is held across an insertion into it: ordered_json may move its items.)
    if (auto ex = j["evidence"].find("explanation"); ex != j["evidence"].end() && ex->is_object()) {
        const auto is_msg = [](const nlohmann::ordered_json& v) { return v.is_object() && v.contains("$m"); };
        if (ex->contains("pairs"))
            for (auto& p : (*ex)["pairs"]) {
                if (!is_msg(p["why"])) continue;
                const auto id = p["why"]["$m"];
                const auto text = render_value(p["why"], lang);
                p["why"] = text;
                p["why_id"] = id;
            }
        if (ex->contains("notes")) {
            nlohmann::ordered_json texts = nlohmann::ordered_json::array(), ids = nlohmann::ordered_json::array();
            for (const auto& n : (*ex)["notes"]) {
                texts.push_back(is_msg(n) ? nlohmann::ordered_json(render_value(n, lang)) : n);
                ids.push_back(is_msg(n) ? n["$m"] : nlohmann::ordered_json(""));
            }
            (*ex)["notes"] = std::move(texts);
            (*ex)["note_ids"] = std::move(ids);
        }
    }
    return j;
}

}  // namespace exportcheck
