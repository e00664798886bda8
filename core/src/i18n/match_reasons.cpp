// The matcher's reasons ("same word", "2 letters differ", "legal form (ltd)", "Greek letter Η read as H") as
// messages, so a report shows them in its language. The matcher writes them in English from a fixed set of
// shapes; each shape here has a catalogue id (messages_match.inc). A reason of an unknown shape stays as written.
#include <exportcheck/message.hpp>

#include <string>
#include <string_view>

namespace exportcheck {
namespace {

using ojson = nlohmann::ordered_json;

// "prefix<a>suffix": the middle, when `s` has that shape.
bool between(std::string_view s, std::string_view prefix, std::string_view suffix, std::string& a) {
    if (s.size() < prefix.size() + suffix.size() || !s.starts_with(prefix) || !s.ends_with(suffix)) return false;
    a = std::string(s.substr(prefix.size(), s.size() - prefix.size() - suffix.size()));
    return true;
}

// "prefix<a>middle<b>suffix".
bool around(std::string_view s, std::string_view prefix, std::string_view middle, std::string_view suffix,
            std::string& a, std::string& b) {
    std::string inner;
    if (!between(s, prefix, suffix, inner)) return false;
    const auto at = inner.find(middle);
    if (at == std::string::npos) return false;
    a = inner.substr(0, at);
    b = inner.substr(at + middle.size());
    return true;
}

}  // namespace

ojson match_reason(std::string_view s) {
    static constexpr std::string_view kFixed[][2] = {
        {"same word", "why.same"},
        {"sounds alike", "why.sound"},
        {"same consonants (written without vowels)", "why.skeleton"},
        {"initial", "why.initial"},
        {"written apart in the listed name", "why.apart"},
        {"written together in the listed name", "why.together"},
        {"different legal forms", "why.forms_differ"},
        {"same number", "why.number"},
        {"only generic words, legal forms or initials agree", "why.only_generic"},
        {"the agreeing words are common", "why.common"},
        {"the words agree in another order", "why.order"},
        {"year of birth agrees", "why.dob_agrees"},
        {"year of birth differs", "why.dob_differs"},
        {"invisible characters removed", "why.invisible"},
        {"styled letters read as plain letters", "why.styled"},
        {"full-width letters", "why.full_width"},
    };
    for (const auto& [text, id] : kFixed)
        if (s == text) return msg(id);
    std::string a, b;
    if (between(s, "", " letter differs", a) || between(s, "", " letters differ", a)) return msg("why.edits", {{"n", std::stoi(a)}});
    if (between(s, "legal form (", ")", a)) return msg("why.legal_form", {{"form", a}});
    if (between(s, "same name, other spelling (", ")", a)) return msg("why.variant", {{"word", a}});
    if (around(s, "same given name, nickname (", " / ", ")", a, b)) return msg("why.nickname", {{"a", a}, {"b", b}});
    if (between(s, "country ", " agrees with the entry", a)) return msg("why.country_agrees", {{"country", country(a)}});
    if (between(s, "country ", " is none of the entry's", a)) return msg("why.country_differs", {{"country", country(a)}});
    if (around(s, "letters spaced out (", " read as ", ")", a, b)) return msg("why.spaced", {{"a", a}, {"b", b}});
    if (around(s, "abbreviation ", " read as ", "", a, b)) return msg("why.abbreviation", {{"a", a}, {"b", b}});
    if (around(s, "digit ", " read as ", "", a, b)) return msg("why.digit", {{"a", a}, {"b", b}});
    if (around(s, "Greek letter ", " read as ", "", a, b)) return msg("why.greek", {{"a", a}, {"b", b}});
    if (around(s, "Cyrillic letter ", " read as ", "", a, b)) return msg("why.cyrillic", {{"a", a}, {"b", b}});
    if (between(s, "the query's name is an organization's (a legal form or company word), the entry is a ", "", a))
        return msg("why.type_inferred", {{"entry", a}});
    if (around(s, "the query is a ", ", the entry a ", "", a, b)) return msg("why.type", {{"query", a}, {"entry", b}});
    return ojson(std::string(s));
}

}  // namespace exportcheck
