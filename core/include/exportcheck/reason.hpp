// Why two names match, as a stable code and its parameters: how a word met a word, what the name pipeline
// undid in the query, how the scorer adjusted, what an entry corroborated. The matcher and the text pipeline
// emit them; the message catalogue words them in English and French (message id "why.<code>",
// core/src/i18n/messages_match.inc; reason_msg() in message.hpp). A code never changes meaning: stored
// reports keep their ids.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace exportcheck {

enum class ReasonCode : std::uint8_t {
    none,  // no reason (renders as "")
    // How a word of the query met a word of the listed name. Parameters in brackets.
    same, variant /*word*/, edits /*n*/, sound, skeleton, initial, apart, together, legal_form /*form*/, forms_differ,
    number, nickname /*a, b*/,
    // What the name pipeline undid in the query: a and b are the text as written and as read.
    spaced, abbreviation, digit, greek, cyrillic, invisible, styled, full_width, korean_reading /*reading*/,
    other_reading /*reading*/, without_place /*place*/,
    // The scorer's adjustments.
    only_generic, common, order,
    // What the entry corroborates or contradicts besides the name.
    type_inferred /*entry*/, type /*query, entry*/, country_agrees /*country*/, country_differs /*country*/, dob_agrees,
    dob_differs,
};
inline constexpr std::size_t kReasonCodes = static_cast<std::size_t>(ReasonCode::dob_differs) + 1;

struct Reason {
    ReasonCode code = ReasonCode::none;
    std::string a, b;  // text parameters, in the order the comments above name them
    int n = 0;         // the count of `edits`
    bool operator==(const Reason&) const = default;
};

// "legal_form", "edits", ...: the code as the catalogue's id ends ("why.legal_form").
std::string_view to_string(ReasonCode code) noexcept;

}  // namespace exportcheck
