// What screening finds, and how findings become one decision.
//
// Every finding has a kind (party_match, license, embargo, red_flag, data_quality, classification), a
// stable rule id ("R04", "LIC-3A090-D5", "EMB-E1", "DQ-COUNTRY"), a severity, a plain-language message and
// evidence citing the list entry or the regulation paragraph (with the brief's source keys and confidence
// mark H/M/L). The decision is the strictest severity found:
//
//   blocked            do not ship: a strong restricted-party match, an embargo, a request to mislabel
//   license_required   a US export licence (or a licence exception with its conditions) is needed first
//   review             a person has to look before shipping: a possible match, a red flag, missing data
//   clear              nothing found (a screening result, not legal advice)
//
// `info` findings explain and `cleared` findings record an accepted false positive; neither changes it.
#pragma once

#include <exportcheck/message.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace exportcheck {

enum class Severity : std::uint8_t { info, cleared, review, license_required, blocked };
std::string_view to_string(Severity s) noexcept;

enum class Decision : std::uint8_t { clear, review, license_required, blocked };
std::string_view to_string(Decision d) noexcept;

struct Finding {
    std::string kind;
    std::string rule;
    Severity severity = Severity::info;
    std::string level;     // red flags: "high", "medium", "low"; empty otherwise
    std::string message;      // in English, as found (checks and tests read it); the report renders message_id
    std::string message_id;   // the catalogue's id (message.hpp)
    nlohmann::ordered_json params = nlohmann::ordered_json::object();
    nlohmann::ordered_json evidence = nlohmann::ordered_json::object();

    // Sets the message: its id, its parameters and its English text.
    void say(std::string id, nlohmann::ordered_json p = nlohmann::ordered_json::object());
    // Adds a sentence after the message (params["then"] holds them, rendered after it, space-separated).
    void then(std::string_view id, nlohmann::ordered_json p = nlohmann::ordered_json::object());
    // The message in a language.
    std::string text(Lang lang) const;
};

// The strictest severity among the findings (info and cleared count as clear).
Decision decide(const std::vector<Finding>& findings);

// Findings in report order: strictest first, then by kind and rule, keeping the order found within ties.
void sort_findings(std::vector<Finding>& findings);

// The one-sentence summary a non-lawyer understands, from the decision and the findings that made it.
Message summarize(Decision decision, const std::vector<Finding>& findings);

nlohmann::ordered_json finding_json(const Finding& f, Lang lang = Lang::en);

}  // namespace exportcheck
