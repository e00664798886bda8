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

// The first sentence: up to the first ". " outside quotes.
std::string first_sentence(const std::string& s) {
    bool quoted = false;
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        if (s[i] == '"') quoted = !quoted;
        if (!quoted && s[i] == '.' && s[i + 1] == ' ') return s.substr(0, i + 1);
    }
    return s;
}

}  // namespace

void sort_findings(std::vector<Finding>& findings) {
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        if (a.severity != b.severity) return a.severity > b.severity;
        if (kind_rank(a.kind) != kind_rank(b.kind)) return kind_rank(a.kind) < kind_rank(b.kind);
        return level_rank(a.level) < level_rank(b.level);
    });
}

std::string summarize(Decision decision, const std::vector<Finding>& findings) {
    const Finding* top = nullptr;
    std::size_t count = 0;
    const Severity want = decision == Decision::blocked ? Severity::blocked
                        : decision == Decision::license_required ? Severity::license_required
                        : Severity::review;
    for (const auto& f : findings) {
        if (f.severity != want) continue;
        if (!top) top = &f;
        ++count;
    }
    std::string others;
    std::size_t more = 0;
    for (const auto& f : findings)
        if (f.severity >= Severity::review && &f != top) ++more;
    if (more > 0) others = fmt::format(" ({} more finding{} below.)", more, more == 1 ? "" : "s");
    switch (decision) {
        case Decision::clear:
            return "Clear: no restricted-party match, licence requirement or red flag was found for this order (a "
                   "screening result, not legal advice).";
        case Decision::blocked:
        case Decision::license_required:
        case Decision::review: {
            if (!top) return "Review this order before shipping.";
            std::string msg = first_sentence(top->message);
            if (decision == Decision::review && !msg.starts_with("Check") && !msg.starts_with("Hold"))
            {
                if (msg.size() > 1 && msg[0] >= 'A' && msg[0] <= 'Z' && msg[1] >= 'a' && msg[1] <= 'z')
                    msg[0] = static_cast<char>(msg[0] + 32);
                msg = "Hold for review: " + msg;
            }
            return msg + others;
        }
    }
    return "";
}

nlohmann::ordered_json finding_json(const Finding& f) {
    nlohmann::ordered_json j;
    j["kind"] = f.kind;
    j["rule"] = f.rule;
    j["severity"] = std::string(to_string(f.severity));
    if (!f.level.empty()) j["level"] = f.level;
    j["message"] = f.message;
    j["evidence"] = f.evidence;
    return j;
}

}  // namespace exportcheck
