// Small helpers the checks share to cite their rules and name things in plain language (internal).
#pragma once

#include "compiled_words.hpp"
#include "numbers.hpp"

#include <exportcheck/checks.hpp>
#include <exportcheck/countries.hpp>
#include <exportcheck/message.hpp>

#include <fmt/format.h>

#include <string>
#include <vector>

namespace exportcheck::rules_detail {

using ojson = nlohmann::ordered_json;

// Copies every key of `from` into `into` (never iterate a temporary's items(): it dies before the loop).
inline void merge_into(ojson& into, const ojson& from) {
    for (auto it = from.begin(); it != from.end(); ++it) into[it.key()] = it.value();
}

// Text that lives in the rules data with a French twin (`why` and `why_fr`): the report's language picks.
inline ojson data_text(const nlohmann::json& obj, const std::string& key) {
    const auto en = obj.value(key, std::string());
    return ojson{{"$t", {{"en", en}, {"fr", obj.value(key + "_fr", en)}}}};
}

// The same for text a struct carries with its French twin (`effect` and `effect_fr`); "" falls back to English.
inline ojson twin(const std::string& en, const std::string& fr) {
    return ojson{{"$t", {{"en", en}, {"fr", fr.empty() ? en : fr}}}};
}

// {"citation", "sources", "confidence"} of a licence-rules entry.
inline ojson cite(const nlohmann::json& rule) {
    ojson c = ojson::object();
    if (rule.contains("citation")) c["citation"] = data_text(rule, "citation");
    if (rule.contains("effective")) c["effective"] = rule["effective"];
    c["sources"] = rule.value("sources", nlohmann::json::array());
    c["confidence"] = rule.value("confidence", "");
    return c;
}

// {"flag", "title", "sources", "confidence"} of a red flag of the brief.
inline ojson flag_cite(const RulesData& rules, const std::string& id) {
    const auto& f = rules.flags.flags.contains(id) ? rules.flags.flags[id] : nlohmann::json::object();
    return ojson{{"flag", id},
                 {"title", data_text(f, "title")},
                 {"citation", data_text(f, "citation")},
                 {"sources", f.value("sources", nlohmann::json::array())},
                 {"confidence", f.value("confidence", "")}};
}

inline ojson pedigree_json(const Pedigree& p) { return ojson{{"sources", p.sources}, {"confidence", p.confidence}}; }

// "Hong Kong (HK)".
inline std::string country_label(const std::string& cc) {
    const auto name = country_name(cc);
    return name.empty() ? cc : fmt::format("{} ({})", name, cc);
}

// A role as a sentence says it: "ship-to party", "ultimate consignee", "payer's bank".
inline std::string role_label(Role r) {
    switch (r) {
        case Role::ship_to: return "ship-to party";
        case Role::ultimate_consignee: return "ultimate consignee";
        case Role::end_user: return "end user";
        case Role::intermediate_consignee: return "intermediate consignee";
        case Role::payer_bank: return "payer's bank";
        case Role::parent: return "ultimate parent";
        case Role::other: return "party";
        default: return std::string(to_string(r));
    }
}
inline std::string role_label(const std::string& role) {
    if (const auto r = role_from(role)) return role_label(*r);
    return role;
}

inline std::string shorten(const std::string& s, std::size_t n = 60) {
    if (s.size() <= n) return s;
    std::size_t cut = n;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
    return s.substr(0, cut) + "...";
}

// How an item is called in messages: "the NVIDIA A100 (ECCN 3A090.a)", "the Supermicro server with 8x NVIDIA
// A100 (ECCN 4A090.a)": the catalogue's name for a chip, the order's description for anything else.
inline std::string item_name(const Item& item, const ItemClassification& c) {
    const auto& text = item.description.empty() ? item.model : item.description;
    if (!c.system && !c.catalogue_name.empty() && c.cls != ItemClass::generic) return c.catalogue_name;
    if (!c.system_name.empty() && text.empty()) return c.system_name;
    return shorten(text, 70);
}

// "the NVIDIA L4 (ECCN 3A090.a, on figures marked [L])": a low-confidence basis stays visible.
inline std::string item_label(const Item& item, const ItemClassification& c) {
    const bool eccn = c.eccn.size() >= 5 && (c.eccn[0] >= '0' && c.eccn[0] <= '9');
    const bool low = c.confidence == "L" && c.figures_from.find("catalogue") != std::string::npos;
    if (!eccn) return "the " + item_name(item, c);
    return fmt::format("the {} (ECCN {}{})", item_name(item, c), c.eccn, low ? ", on figures marked [L]" : "");
}

// The same, as message parameters (message.hpp): rendered in the report's language.
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

// "the NVIDIA A100 (ECCN 3A090.a)": the item as item_label() says it, as a message parameter.
inline ojson item_msg(const Item& item, const ItemClassification& c) {
    const bool eccn = c.eccn.size() >= 5 && (c.eccn[0] >= '0' && c.eccn[0] <= '9');
    const bool low = c.confidence == "L" && c.figures_from.find("catalogue") != std::string::npos;
    const auto& text = item.description.empty() ? item.model : item.description;
    const bool catalogue = !c.system && !c.catalogue_name.empty() && c.cls != ItemClass::generic;
    const bool system = !catalogue && !c.system_name.empty() && text.empty();
    const bool users = !catalogue && !system;  // the order's own words
    ojson p = {{"name", item_name(item, c)}, {"users", users ? 1 : 0}};
    if (!eccn) return msg("item", p);
    p["eccn"] = c.eccn;
    p["low"] = low ? 1 : 0;
    return msg("item.eccn", p);
}


inline std::string join(const std::vector<std::string>& v, const std::string& last_sep = " and ") {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i > 0) out += i + 1 == v.size() ? last_sep : ", ";
        out += v[i];
    }
    return out;
}

inline std::string quote(const std::string& s) {
    std::string q = "\"";
    q += shorten(s, 80);
    q += '"';
    return q;
}

inline bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace exportcheck::rules_detail
