// Disguised names (issue 16): the tricks a buyer uses to slip past a screener, applied to listed names and
// to ordinary unlisted company names. Each trick is a function name -> disguised name ("" when it does not
// apply). The look-alike letters and abbreviations here are the evaluation's own, written independently of
// the engine's tables (which come from Unicode TR39 and core/src/text/abbreviations_table.inc).
#pragma once

#include "name_sets.hpp"

#include <map>
#include <set>
#include <sstream>

namespace trick_sets {

using namespace name_sets;

inline std::string upper_ascii(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// The longest word of ASCII letters (4 or more), or npos.
inline std::size_t longest_word(const std::vector<std::string>& w) {
    std::size_t best = std::string::npos;
    for (std::size_t i = 0; i < w.size(); ++i)
        if (ascii_letters(w[i]) && w[i].size() >= 4 && (best == std::string::npos || w[i].size() > w[best].size()))
            best = i;
    return best;
}

inline std::string spaced_letters(const std::string& name, const Entry&, Rng& r) {
    auto w = words_of(name);
    const auto i = longest_word(w);
    if (i == std::string::npos) return "";
    std::string out;
    const char sep = r.chance(0.5) ? ' ' : '.';
    for (char c : upper_ascii(w[i])) {
        if (!out.empty()) out.push_back(sep);
        out.push_back(c);
    }
    w[i] = out;
    return join(w);
}

inline std::string dotted_letters(const std::string& name, const Entry&, Rng&) {
    auto w = words_of(name);
    const auto i = longest_word(w);
    if (i == std::string::npos) return "";
    std::string out;
    for (char c : upper_ascii(w[i])) {
        out.push_back(c);
        out.push_back('.');
    }
    w[i] = out;
    return join(w);
}

inline const std::map<std::string, std::vector<std::string>>& abbreviations() {
    static const std::map<std::string, std::vector<std::string>> m = {
        {"technology", {"TECH"}}, {"technologies", {"TECH", "TECHS"}}, {"development", {"DEV", "DEVT"}},
        {"group", {"GRP"}}, {"industries", {"INDS", "IND"}}, {"industry", {"IND"}}, {"industrial", {"INDL"}},
        {"company", {"COMP", "CO"}}, {"communications", {"COMM", "COMMS"}}, {"communication", {"COMM"}},
        {"electronics", {"ELEC", "ELECS"}}, {"electronic", {"ELEC"}}, {"international", {"INTL"}},
        {"services", {"SVCS", "SRVCS"}}, {"service", {"SVC", "SRVC"}}, {"manufacturing", {"MFG"}},
        {"engineering", {"ENG", "ENGG"}}, {"trading", {"TRDG"}}, {"holding", {"HLDG"}}, {"holdings", {"HLDGS"}},
        {"management", {"MGMT"}}, {"equipment", {"EQUIP"}}, {"systems", {"SYS"}}, {"investment", {"INVT"}},
        {"corporation", {"CORP"}}, {"limited", {"LTD"}}, {"liability", {"LIAB"}}, {"national", {"NATL"}},
    };
    return m;
}

// Every company word that has an abbreviation is abbreviated ("... TECH DEV CO", "... JOINT STOCK COMP").
inline std::string abbreviated(const std::string& name, const Entry& e, Rng& r) {
    if (e.type == EntityType::person) return "";
    auto w = words_of(name);
    int changed = 0;
    for (auto& x : w) {
        std::string bare = x;
        while (!bare.empty() && !std::isalpha(static_cast<unsigned char>(bare.back()))) bare.pop_back();
        const auto it = abbreviations().find(lower_ascii(bare));
        if (it == abbreviations().end()) continue;
        x = r.pick(it->second) + x.substr(bare.size());
        ++changed;
    }
    return changed ? upper_ascii(join(w)) : "";
}

// Two adjacent words written as one ("Shenzhen Huawei" -> "ShenzhenHuawei").
inline std::string glued(const std::string& name, const Entry&, Rng& r) {
    auto w = words_of(name);
    if (w.size() < 2) return "";
    const std::size_t i = r.below(w.size() - 1);
    if (!ascii_letters(w[i]) || !ascii_letters(w[i + 1]) || w[i].size() < 3 || w[i + 1].size() < 3) return "";
    w[i] += w[i + 1];
    w.erase(w.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    return join(w);
}

// Latin letters and a Greek or Cyrillic look-alike of each (the evaluation's own list).
inline const std::map<char, std::vector<const char*>>& look_alikes() {
    static const std::map<char, std::vector<const char*>> m = {
        {'A', {"Α", "А"}}, {'B', {"Β", "В"}}, {'E', {"Ε", "Е"}}, {'H', {"Η", "Н"}}, {'I', {"Ι", "І"}},
        {'K', {"Κ", "К"}}, {'M', {"Μ", "М"}}, {'N', {"Ν"}}, {'O', {"Ο", "О"}}, {'P', {"Ρ", "Р"}},
        {'T', {"Τ", "Т"}}, {'X', {"Χ", "Х"}}, {'Y', {"Υ", "У"}}, {'C', {"С"}}, {'S', {"Ѕ"}}, {'J', {"Ј"}},
        {'a', {"а"}}, {'e', {"е"}}, {'o', {"ο", "о"}}, {'p', {"р"}}, {'c', {"с"}}, {'x', {"х"}}, {'y', {"у"}},
        {'i', {"і"}}, {'s', {"ѕ"}}, {'j', {"ј"}},
    };
    return m;
}

// One or two letters replaced by a Greek or Cyrillic look-alike.
inline std::string homoglyphs(const std::string& name, const Entry&, Rng& r) {
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < name.size(); ++i)
        if (look_alikes().count(name[i])) at.push_back(i);
    if (at.empty()) return "";
    std::set<std::size_t> chosen{r.pick(at)};
    if (at.size() > 4 && r.chance(0.5)) chosen.insert(r.pick(at));
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i)
        out += chosen.count(i) ? std::string(r.pick(look_alikes().at(name[i]))) : std::string(1, name[i]);
    return out;
}

// Zero-width spaces or joiners inside words, or the whole name in full-width letters.
inline std::string invisible_or_wide(const std::string& name, const Entry&, Rng& r) {
    std::string out;
    if (r.chance(0.5)) {
        for (char c : name) {
            if (c > ' ' && c < 0x7F) {  // full-width forms U+FF01..U+FF5E
                const char32_t cp = static_cast<char32_t>(c) + 0xFEE0;
                exportcheck::text::append_utf8(out, cp);
            } else {
                out.push_back(c);
            }
        }
        return out;
    }
    for (std::size_t i = 0; i < name.size(); ++i) {
        out.push_back(name[i]);
        if (i + 1 < name.size() && std::isalpha(static_cast<unsigned char>(name[i])) &&
            std::isalpha(static_cast<unsigned char>(name[i + 1])) && r.chance(0.15))
            out += r.chance(0.5) ? "\u200B" : "\u200D";
    }
    return out == name ? "" : out;
}

// The legal form at the end left out ("ACME LTDA." -> "ACME").
inline std::string legal_form_dropped(const std::string& name, const Entry& e, Rng&) {
    if (e.type == EntityType::person) return "";
    const auto norm = exportcheck::text::normalize_name(name, e.type);
    if (norm.tokens.size() < 2 || norm.tokens.back().kind != exportcheck::text::TokenKind::legal_form) return "";
    // Cut the words the form was made of.
    auto w = words_of(name);
    const auto form_words = exportcheck::text::split_words(norm.tokens.back().source).size();
    std::size_t cut = 0, letters = 0;
    while (cut < w.size() && letters < form_words) {
        const auto& last = w[w.size() - 1 - cut];
        letters += exportcheck::text::split_words(last).size();
        ++cut;
    }
    if (cut >= w.size()) return "";
    w.resize(w.size() - cut);
    auto out = join(w);
    while (!out.empty() && (out.back() == ',' || out.back() == ' ')) out.pop_back();
    return out;
}

// The first given name as its initial ("Nicholas SMITH" -> "N. SMITH").
inline std::string first_initial(const std::string& name, const Entry& e, Rng&) {
    if (e.type != EntityType::person) return "";
    auto w = words_of(name);
    if (w.size() < 2 || !ascii_letters(w[0]) || w[0].size() < 3) return "";
    w[0] = w[0].substr(0, 1) + ".";
    return join(w);
}

// Given-name nicknames: full name -> nicknames, from names.csv (carltonnorthern/nicknames).
using Nicknames = std::map<std::string, std::vector<std::string>>;

inline Nicknames read_nicknames(const std::string& path) {
    Nicknames out;
    std::istringstream in(exportcheck::cli::read_file(path));
    std::string line;
    while (std::getline(in, line)) {
        const auto f = split(line, ',');
        if (f.size() == 3 && f[1] == "has_nickname") out[f[0]].push_back(f[2]);
    }
    return out;
}

struct Trick {
    const char* name;
    std::string (*apply)(const std::string&, const Entry&, Rng&);
};

inline const Trick kTricks[] = {
    {"spaced letters", spaced_letters}, {"dotted letters", dotted_letters}, {"abbreviations", abbreviated},
    {"glued words", glued},           {"homoglyphs", homoglyphs},         {"invisible/wide", invisible_or_wide},
    {"legal form dropped", legal_form_dropped}, {"first initial", first_initial},
};

}  // namespace trick_sets
