// The name matcher's reasons (exportcheck/reason.hpp) as messages: each code has a catalogue id
// (messages_match.inc) and names its parameters here, so a report or a match result words them in its language.
#include <exportcheck/message.hpp>
#include <exportcheck/reason.hpp>

#include <string>
#include <string_view>

namespace exportcheck {
namespace {

// A code's message id and the names of its parameters: "n" is the count, "country" a country code.
struct ReasonShape {
    std::string_view id, a, b;
};

constexpr ReasonShape kShapes[] = {
    {""},
    {"why.same"}, {"why.variant", "word"}, {"why.edits", "n"}, {"why.sound"}, {"why.skeleton"}, {"why.initial"},
    {"why.apart"}, {"why.together"}, {"why.legal_form", "form"}, {"why.forms_differ"}, {"why.number"},
    {"why.nickname", "a", "b"},
    {"why.spaced", "a", "b"}, {"why.abbreviation", "a", "b"}, {"why.digit", "a", "b"}, {"why.greek", "a", "b"},
    {"why.cyrillic", "a", "b"}, {"why.invisible"}, {"why.styled"}, {"why.full_width"},
    {"why.korean_reading", "reading"}, {"why.other_reading", "reading"},
    {"why.without_place", "place"},
    {"why.only_generic"}, {"why.common"}, {"why.order"},
    {"why.type_inferred", "entry"}, {"why.type", "query", "entry"}, {"why.country_agrees", "country"},
    {"why.country_differs", "country"}, {"why.dob_agrees"}, {"why.dob_differs"},
};
static_assert(std::size(kShapes) == kReasonCodes, "every reason code has its shape");

const ReasonShape& shape(ReasonCode code) { return kShapes[static_cast<std::size_t>(code)]; }

nlohmann::ordered_json param(std::string_view name, const Reason& r, const std::string& text) {
    if (name == "n") return r.n;
    if (name == "country") return country(text);
    return text;
}

}  // namespace

std::string_view to_string(ReasonCode code) noexcept {
    const auto id = shape(code).id;
    return id.empty() ? id : id.substr(4);
}

nlohmann::ordered_json reason_msg(const Reason& r) {
    const auto& s = shape(r.code);
    if (s.id.empty()) return "";
    auto params = nlohmann::ordered_json::object();
    if (!s.a.empty()) params[std::string(s.a)] = param(s.a, r, r.a);
    if (!s.b.empty()) params[std::string(s.b)] = param(s.b, r, r.b);
    return msg(s.id, std::move(params));
}

std::string reason_text(const Reason& r, Lang lang) { return render_value(reason_msg(r), lang); }

}  // namespace exportcheck
