// Small helpers the checks share to cite their rules and name things in plain language (internal).
#pragma once

#include "compiled_words.hpp"
#include "numbers.hpp"

#include <exportcheck/concat.hpp>
#include <exportcheck/checks.hpp>
#include <exportcheck/countries.hpp>
#include <exportcheck/message.hpp>


#include <string>
#include <vector>

namespace exportcheck::rules_detail {

using ojson = nlohmann::ordered_json;


// Text that lives in the rules data with a French twin (`why` and `why_fr`): the report's language picks.
inline ojson data_text(const nlohmann::ordered_json& obj, const std::string& key) {
    const auto en = obj.value(key, std::string());
    return ojson{{"$t", {{"en", en}, {"fr", obj.value(key + "_fr", en)}}}};
}


// {"citation", "sources", "confidence"} of a licence-rules entry.
inline ojson cite(const nlohmann::ordered_json& rule) {
    ojson c = ojson::object();
    if (rule.contains("citation")) c["citation"] = data_text(rule, "citation");
    if (rule.contains("effective")) c["effective"] = rule["effective"];
    c["sources"] = rule.value("sources", nlohmann::ordered_json::array());
    c["confidence"] = rule.value("confidence", "");
    return c;
}

// {"flag", "title", "sources", "confidence"} of a red flag of the brief.
inline ojson flag_cite(const RulesData& rules, const std::string& id) {
    const auto& f = rules.flags.flags.contains(id) ? rules.flags.flags[id] : nlohmann::ordered_json::object();
    return ojson{{"flag", id},
                 {"title", data_text(f, "title")},
                 {"citation", data_text(f, "citation")},
                 {"sources", f.value("sources", nlohmann::ordered_json::array())},
                 {"confidence", f.value("confidence", "")}};
}

inline ojson pedigree_json(const Pedigree& p) { return ojson{{"sources", p.sources}, {"confidence", p.confidence}}; }

// "Hong Kong (HK)".
inline std::string country_label(const std::string& cc) {
    const auto name = country_name(cc);
    return name.empty() ? cc : concat(name, " (", cc, ")");
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


// How an item is called in messages: "the NVIDIA A100 (ECCN 3A090.a)", "the Supermicro server with 8x NVIDIA
// A100 (ECCN 4A090.a)": the catalogue's name for a chip, the order's description for anything else.
// `french`: the catalogue's French name where it has one ("H100 (variante non précisée ; ...)").
inline std::string item_name(const Item& item, const ItemClassification& c, bool french = false) {
    const auto& text = item.description.empty() ? item.model : item.description;
    const auto in = [&](const std::string& en, const std::string& fr) { return french && !fr.empty() ? fr : en; };
    if (!c.system && !c.catalogue_name.empty() && c.cls != ItemClass::generic)
        return in(c.catalogue_name, c.catalogue_name_fr);
    if (!c.system_name.empty() && text.empty()) return in(c.system_name, c.system_name_fr);
    return shorten(text, 70);
}

// "the NVIDIA L4 (ECCN 3A090.a, on figures marked [L])": a low-confidence basis stays visible.
inline std::string item_label(const Item& item, const ItemClassification& c) {
    const bool eccn = c.eccn.size() >= 5 && (c.eccn[0] >= '0' && c.eccn[0] <= '9');
    const bool low = c.confidence == "L" && c.figures_from.find("catalogue") != std::string::npos;
    if (!eccn) return "the " + item_name(item, c);
    return concat("the ", item_name(item, c), " (ECCN ", c.eccn, low ? ", on figures marked [L]" : "", ")");
}


// "the NVIDIA A100 (ECCN 3A090.a)": the item as item_label() says it, as a message parameter.
inline ojson item_msg(const Item& item, const ItemClassification& c) {
    const bool eccn = c.eccn.size() >= 5 && (c.eccn[0] >= '0' && c.eccn[0] <= '9');
    const bool low = c.confidence == "L" && c.figures_from.find("catalogue") != std::string::npos;
    const auto& text = item.description.empty() ? item.model : item.description;
    const bool catalogue = !c.system && !c.catalogue_name.empty() && c.cls != ItemClass::generic;
    const bool system = !catalogue && !c.system_name.empty() && text.empty();
    const bool users = !catalogue && !system;  // the order's own words
    ojson p = {{"name", name_twin(item_name(item, c), item_name(item, c, true))}, {"users", users ? 1 : 0}};
    if (!eccn) return msg("item", p);
    p["eccn"] = c.eccn;
    p["low"] = low ? 1 : 0;
    return msg("item.eccn", p);
}





}  // namespace exportcheck::rules_detail
