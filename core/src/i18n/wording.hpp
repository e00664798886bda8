// Helpers the rooms that word a report share (Rules and Screen): numbers as reports print them, text and roles
// as message parameters (message.hpp), JSON merged. Internal to the core; identical natively and in wasm.
#pragma once

#include <exportcheck/message.hpp>
#include <exportcheck/order.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace exportcheck::wording {

using ojson = nlohmann::ordered_json;

// 15832 -> "15,832"; 12104.5 -> "12,104.5"; 5.9213 -> "5.92" (two decimals below 100): English report text.
inline std::string human(double v) { return format_number(v, Lang::en); }

// A number for JSON: an integer when it is one, else rounded to `decimals`.
inline nlohmann::ordered_json json_number(double v, int decimals = 2) {
    if (v == std::floor(v) && std::fabs(v) < 1e15) return static_cast<long long>(v);
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

// Copies every key of `from` into `into` (never iterate a temporary's items(): it dies before the loop).
inline void merge_into(ojson& into, const ojson& from) {
    for (auto it = from.begin(); it != from.end(); ++it) into[it.key()] = it.value();
}

// Text with its French twin (a list's `effect` and `effect_fr`): the report's language picks; "" falls back to English.
inline ojson twin(const std::string& en, const std::string& fr) {
    return ojson{{"$t", {{"en", en}, {"fr", fr.empty() ? en : fr}}}};
}
// A name with its French twin where it has one ("H100 (variant not stated; ...)"), else the name as a plain
// string, as reports carried every name before products had French names.
inline ojson name_twin(const std::string& en, const std::string& fr) {
    return fr.empty() || fr == en ? ojson(en) : twin(en, fr);
}

// At most n bytes, cut between characters, with "..." when cut.
inline std::string shorten(const std::string& s, std::size_t n = 60) {
    if (s.size() <= n) return s;
    std::size_t cut = n;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
    return s.substr(0, cut) + "...";
}

inline std::string quote(const std::string& s) {
    std::string q = "\"";
    q += shorten(s, 80);
    q += '"';
    return q;
}

inline std::string join(const std::vector<std::string>& v, const std::string& last_sep = " and ") {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i > 0) out += i + 1 == v.size() ? last_sep : ", ";
        out += v[i];
    }
    return out;
}

inline bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// A role as message parameters (message.hpp): "ship-to party" / "destinataire", rendered in the report's language.
inline ojson role_msg(Role r) { return msg("role", {{"r", std::string(to_string(r))}}); }
inline ojson role_the(Role r) { return msg("role.the", {{"r", std::string(to_string(r))}}); }
inline ojson role_the(const std::string& role) { return msg("role.the", {{"r", role}}); }
inline ojson roles_msg(const std::vector<std::string>& roles) {
    ojson a = ojson::array();
    for (const auto& r : roles) a.push_back(msg("role", {{"r", r}}));
    return a;
}
// "the ship-to party \"Acme\"" / "le destinataire « Acme »".
inline ojson who_msg(Role r, const std::string& name) { return msg("party.who", {{"role", role_the(r)}, {"name", shorten(name)}}); }
inline ojson who_msg(const std::string& role, const std::string& name) {
    return msg("party.who", {{"role", role_the(role)}, {"name", shorten(name)}});
}

}  // namespace exportcheck::wording
