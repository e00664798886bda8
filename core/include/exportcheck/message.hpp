// Every sentence the engine writes, as a message id and parameters, rendered in English or French from
// one catalogue (core/src/i18n/catalogue_*.inc; docs/messages.md).
//
//   Message m{"lic.needs_licence", {{"items", ...}, {"where", country("HK")}}};
//   render(m, Lang::fr)   // "Cette commande exige une licence d'exportation américaine : ..."
//
// A template names its parameters in braces: {name}, or {name:format:args}. Formats:
//   {n}                       a number in the language's style (5,286 / 5 286); text as given
//   {n:plural:one|other}      a branch by count (French counts 0 and 1 as one); {n:plural:zero|one|other}
//   {x:sel:a=text|b=text|*=text}  a branch by the value's text
//   {x:sentence}              the first sentence of the rendered value; {x:lcsentence} the same, lower-cased
//   {x:cap}                   the rendered value with a capital first letter
// Branches are templates themselves ("{n:plural:{n} order|{n} orders}"). A parameter's value is text, a
// number, a list (joined with ", " and "and" / "et"), or a nested value built by the helpers below:
// msg(id, params), country(code), date(iso). Text from the order or a list is never translated.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace exportcheck {

struct Reason;

enum class Lang : unsigned char { en, fr };
std::string_view to_string(Lang l) noexcept;
// "en", "fr" (a region such as "fr-CA" counts as its language); nullopt for any other.
std::optional<Lang> lang_from(std::string_view code) noexcept;

struct Message {
    std::string id;
    nlohmann::ordered_json params = nlohmann::ordered_json::object();
};

// The message in a language. Throws nothing: an unknown id renders as the id (a test keeps that from shipping).
std::string render(const Message& m, Lang lang);
std::string render(std::string_view id, const nlohmann::ordered_json& params, Lang lang);
// A nested value (msg(...), country(...), a number, a list, text) in a language.
std::string render_value(const nlohmann::ordered_json& value, Lang lang);

// Nested parameter values.
nlohmann::ordered_json msg(std::string_view id, nlohmann::ordered_json params = nlohmann::ordered_json::object());
nlohmann::ordered_json country(std::string_view code);        // "Hong Kong (HK)" / "Hong Kong (HK)"
nlohmann::ordered_json country_plain(std::string_view code);  // "Germany" / "Allemagne"
nlohmann::ordered_json date(std::string_view iso);            // "7 December 2026" / "7 décembre 2026"
// A list joined with "or" / "ou" instead of "and" / "et".
nlohmann::ordered_json any_of(nlohmann::ordered_json items);
// A list joined with ", " only.
nlohmann::ordered_json comma_list(nlohmann::ordered_json items);

// A reason of the name matcher (exportcheck/reason.hpp) as a message ("" for none), and its text in a language:
// "2 letters differ" / "2 lettres diffèrent".
nlohmann::ordered_json reason_msg(const Reason& reason);
std::string reason_text(const Reason& reason, Lang lang);

// A number in the language's style: 15832 -> "15,832" / "15 832"; 5.9213 -> "5.92" / "5,92".
std::string format_number(double v, Lang lang);
// A country's name in the language ("" when the code is unknown).
std::string_view country_name_in(std::string_view alpha2, Lang lang);

// The catalogue, for tests and docs: every id with its English and French templates.
struct CatalogueEntry {
    std::string_view id, en, fr;
};
std::span<const CatalogueEntry> catalogue() noexcept;
const CatalogueEntry* find_message(std::string_view id) noexcept;

}  // namespace exportcheck
