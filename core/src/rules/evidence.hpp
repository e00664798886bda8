// Small helpers the checks share to cite their rules and name things in plain language (internal).
#pragma once

#include "compiled_words.hpp"
#include "numbers.hpp"

#include <exportcheck/checks.hpp>
#include <exportcheck/countries.hpp>

#include <fmt/format.h>

#include <string>
#include <vector>

namespace exportcheck::rules_detail {

using ojson = nlohmann::ordered_json;

// {"citation", "sources", "confidence"} of a licence-rules entry.
inline ojson cite(const nlohmann::json& rule) {
    ojson c = ojson::object();
    if (rule.contains("citation")) c["citation"] = rule["citation"];
    c["sources"] = rule.value("sources", nlohmann::json::array());
    c["confidence"] = rule.value("confidence", "");
    return c;
}

// {"flag", "title", "sources", "confidence"} of a red flag of the brief.
inline ojson flag_cite(const RulesData& rules, const std::string& id) {
    const auto& f = rules.flags.flags.contains(id) ? rules.flags.flags[id] : nlohmann::json::object();
    return ojson{{"flag", id},
                 {"title", f.value("title", "")},
                 {"sources", f.value("sources", nlohmann::json::array())},
                 {"confidence", f.value("confidence", "")}};
}

inline ojson pedigree_json(const Pedigree& p) { return ojson{{"sources", p.sources}, {"confidence", p.confidence}}; }

// "Hong Kong (HK)".
inline std::string country_label(const std::string& cc) {
    const auto name = country_name(cc);
    return name.empty() ? cc : fmt::format("{} ({})", name, cc);
}

inline std::string shorten(const std::string& s, std::size_t n = 60) {
    if (s.size() <= n) return s;
    std::size_t cut = n;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
    return s.substr(0, cut) + "...";
}

// How an item is called in messages: the catalogue's name when recognised, else its description.
inline std::string item_label(const Item& item, const ItemClassification& c) {
    std::string base = !c.system_name.empty() ? c.system_name
                     : !c.catalogue_name.empty() && c.cls != ItemClass::generic ? c.catalogue_name
                     : !item.description.empty() ? item.description : item.model;
    if (c.system && c.system_name.empty() && !c.catalogue_name.empty())
        base = fmt::format("{} (a system with {} x {})", shorten(item.description.empty() ? item.model : item.description, 50),
                           human(c.chips_per_unit), c.catalogue_name);
    return shorten(base, 90);
}

inline std::string join(const std::vector<std::string>& v, const std::string& last_sep = " and ") {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i > 0) out += i + 1 == v.size() ? last_sep : ", ";
        out += v[i];
    }
    return out;
}

inline std::string quote(const std::string& s) { return "\"" + shorten(s, 80) + "\""; }

inline bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace exportcheck::rules_detail
