// Query sets shared by the evaluation (eval_names.cpp) and the latency benchmark (match_latency.cpp):
// realistic spelling changes of listed names (a recall set built from the bundle, seeded and deterministic)
// and the yente synthetic negatives. Header-only; bench programs only.
#pragma once

#include "eval_names_data.hpp"
#include "files.hpp"

#include <exportcheck/csv.hpp>
#include <exportcheck/entry.hpp>
#include <exportcheck/text.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace name_sets {

using exportcheck::Entry;
using exportcheck::EntityType;

// splitmix64: a tiny generator whose sequence is the same with every compiler and library.
struct Rng {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return n ? static_cast<std::size_t>(next() % n) : 0; }
    bool chance(double p) { return static_cast<double>(next() >> 11) / 9007199254740992.0 < p; }
    template <class V>
    const auto& pick(const V& v) { return v[below(v.size())]; }
};

inline std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur.push_back(c);
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

inline std::string lower_ascii(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return s;
}

struct NegativeRow {
    std::string name, dob, nationality;
};

inline std::vector<NegativeRow> read_negatives(const std::string& path) {
    const auto text = exportcheck::cli::read_file(path);
    exportcheck::CsvReader reader(text, path);
    exportcheck::CsvRow row;
    exportcheck::next_or_throw(reader, row);
    std::vector<NegativeRow> out;
    while (exportcheck::next_or_throw(reader, row))
        if (row.fields.size() >= 8) out.push_back({row.fields[0], row.fields[5], row.fields[7]});
    return out;
}

// One spelling change a typist or another transliteration would make. Returns "" when it does not apply.
struct Perturbation {
    const char* name;
    std::string (*apply)(const std::string&, const Entry&, Rng&);
};

inline std::vector<std::string> words_of(const std::string& s) { return split(s, ' '); }
inline std::string join(const std::vector<std::string>& w) {
    std::string s;
    for (const auto& x : w) s += (s.empty() ? "" : " ") + x;
    return s;
}
inline bool ascii_letters(const std::string& w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; });
}
// The name as a person would type it: "PUTIN, Vladimir" -> "Vladimir PUTIN", punctuation kept.
inline std::string unlisted_order(const std::string& name, const Entry& e) {
    const auto comma = name.find(',');
    if (e.type != EntityType::person || comma == std::string::npos || name.find(',', comma + 1) != std::string::npos)
        return name;
    auto first = name.substr(comma + 1);
    while (!first.empty() && first[0] == ' ') first.erase(0, 1);
    return first + " " + name.substr(0, comma);
}

inline std::string typo(const std::string& name, const Entry&, Rng& r) {
    auto w = words_of(name);
    std::vector<std::size_t> long_words;
    for (std::size_t i = 0; i < w.size(); ++i)
        if (w[i].size() >= 5 && ascii_letters(w[i])) long_words.push_back(i);
    if (long_words.empty()) return "";
    auto& s = w[r.pick(long_words)];
    const std::size_t p = 1 + r.below(s.size() - 2);  // keep the first letter, as most typos do
    static const std::string letters = "aeioubcdfghklmnprstvyz";
    switch (r.below(4)) {
        case 0: s[p] = letters[r.below(letters.size())]; break;                   // substitution
        case 1: s.erase(p, 1); break;                                              // deletion
        case 2: s.insert(p, 1, s[p]); break;                                       // doubled letter
        default: std::swap(s[p], s[std::min(p + 1, s.size() - 1)]); break;         // transposition
    }
    return join(w);
}

// Another vowel for one vowel ("Mohammed" -> "Mohammad"), or a doubled letter written once ("Hassan" -> "Hasan").
inline std::string vowel_or_double(const std::string& name, const Entry&, Rng& r) {
    std::vector<std::size_t> vowels, doubles;
    for (std::size_t i = 1; i < name.size(); ++i) {
        const char c = static_cast<char>(name[i] | 32);
        if ((c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') && ascii_letters(std::string(1, name[i])))
            vowels.push_back(i);
        if (name[i] == name[i - 1] && ascii_letters(std::string(1, name[i]))) doubles.push_back(i);
    }
    std::string out = name;
    if (!doubles.empty() && r.chance(0.4)) {
        out.erase(r.pick(doubles), 1);
        return out;
    }
    if (vowels.empty()) return "";
    const std::size_t at = r.pick(vowels);
    static const std::string kVowels = "aeiou";
    char v = kVowels[r.below(5)];
    if ((out[at] | 32) == v) v = kVowels[(kVowels.find(v) + 1) % 5];
    out[at] = (out[at] >= 'A' && out[at] <= 'Z') ? static_cast<char>(v - 32) : v;
    return out;
}

inline std::string drop_middle(const std::string& name, const Entry& e, Rng& r) {
    if (e.type != EntityType::person) return "";
    auto w = words_of(name);
    if (w.size() < 3) return "";
    w.erase(w.begin() + 1 + r.below(w.size() - 2));
    return join(w);
}

inline std::string add_middle(const std::string& name, const Entry& e, Rng& r) {
    if (e.type != EntityType::person) return "";
    auto w = words_of(name);
    if (w.size() < 2) return "";
    const auto extra = split(eval_data::kAddedMiddleNames, ' ');
    w.insert(w.begin() + 1, r.pick(extra));
    return join(w);
}

inline std::string swap_order(const std::string& name, const Entry&, Rng& r) {
    auto w = words_of(name);
    if (w.size() < 2) return "";
    std::rotate(w.begin(), w.begin() + 1 + r.below(w.size() - 1), w.end());  // surname first, or last
    return join(w);
}

inline std::string transliteration(const std::string& name, const Entry&, Rng& r) {
    static const std::pair<const char*, const char*> kRules[] = {
        {"ou", "u"}, {"u", "ou"}, {"y", "i"}, {"i", "y"}, {"kh", "h"}, {"sh", "sch"}, {"v", "w"}, {"j", "dj"},
        {"ee", "i"}, {"ch", "tch"}, {"iy", "y"}, {"yu", "iu"}, {"ya", "ia"}, {"zh", "j"}, {"x", "ks"}, {"ks", "x"},
        {"ph", "f"}, {"f", "ph"}, {"q", "k"}, {"k", "q"}, {"ss", "s"}, {"mm", "m"}, {"ll", "l"}, {"dh", "d"},
        {"e", "a"}, {"o", "u"}, {"ai", "ay"}, {"ei", "ey"}, {"ie", "i"}, {"c", "k"}, {"ts", "tz"}, {"w", "v"}};
    std::string lower = lower_ascii(name);
    for (int attempt = 0; attempt < 8; ++attempt) {
        const auto& [from, to] = kRules[r.below(std::size(kRules))];
        std::vector<std::size_t> at;
        for (auto p = lower.find(from); p != std::string::npos; p = lower.find(from, p + 1)) at.push_back(p);
        if (at.empty()) continue;
        const auto p = r.pick(at);
        std::string out = name;
        out.replace(p, std::string_view(from).size(), to);
        return out;
    }
    return "";
}

inline std::string legal_form_change(const std::string& name, const Entry& e, Rng& r) {
    if (e.type == EntityType::person) return "";
    static const std::pair<const char*, const char*> kForms[] = {
        {"Co., Ltd.", "Company Limited"}, {"CO., LTD.", "LIMITED"}, {"Co., Ltd", "Co Ltd"}, {"Ltd.", "Limited"},
        {"LTD", "LIMITED"}, {"Limited", "Ltd"}, {"LLC", "Limited Liability Company"}, {"OOO", "LLC"},
        {"JSC", "Joint Stock Company"}, {"Joint Stock Company", "JSC"}, {"OAO", "OJSC"}, {"ZAO", "CJSC"},
        {"AO", "JSC"}, {"Inc.", "Incorporated"}, {"INC.", ""}, {"Corporation", "Corp."}, {"CORPORATION", "CORP"},
        {"GmbH", "Gesellschaft mit beschraenkter Haftung"}, {"S.A.", "SA"}, {"Company", "Co."}, {"COMPANY", "CO"},
        {"Pte. Ltd.", "Private Limited"}, {"Sdn. Bhd.", "Sdn Bhd"}};
    for (const auto& [from, to] : kForms) {
        const auto p = name.find(from);
        if (p == std::string::npos || r.chance(0.3)) continue;
        std::string out = name;
        out.replace(p, std::string_view(from).size(), to);
        return out;
    }
    // No form in the name: add one, as an order form often does.
    static const char* kAdded[] = {" Co., Ltd.", " LLC", " Limited", " JSC", " Inc."};
    return name + kAdded[r.below(std::size(kAdded))];
}

inline std::string join_or_split(const std::string& name, const Entry&, Rng& r) {
    auto w = words_of(name);
    if (w.size() < 2) return "";
    // Particles are the words people join or split most ("Al Rashid" / "Alrashid", "Abdul Rahman").
    for (std::size_t i = 0; i + 1 < w.size(); ++i) {
        const auto l = lower_ascii(w[i]);
        if ((l == "al" || l == "el" || l == "abd" || l == "abdul" || l == "abu" || l == "bin" || l == "ul") &&
            r.chance(0.7)) {
            w[i] += w[i + 1];
            w.erase(w.begin() + i + 1);
            return join(w);
        }
    }
    for (std::size_t i = 0; i < w.size(); ++i) {
        const auto dash = w[i].find('-');
        if (dash != std::string::npos && r.chance(0.5)) {
            w[i].erase(dash, 1);  // "Jong-un" -> "Jongun"
            return join(w);
        }
    }
    const std::size_t i = r.below(w.size() - 1);
    if (w[i].size() + w[i + 1].size() > 14) return "";
    w[i] += w[i + 1];
    w.erase(w.begin() + i + 1);
    return join(w);
}

// Damage a web form or an old system does: accents lost or replaced by "?", spaces as NBSP, case.
inline std::string encoding_damage(const std::string& name, const Entry&, Rng& r) {
    const bool has_non_ascii = std::any_of(name.begin(), name.end(), [](char c) { return c & 0x80; });
    std::string out;
    const int mode = static_cast<int>(r.below(has_non_ascii ? 4 : 2));
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c >= 0x80 && mode >= 2) {
            std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (mode == 2) out += '?';
            i += len - 1;
        } else if (c == ' ' && mode == 0) {
            out += "\xC2\xA0";
        } else if (mode == 1) {
            out += static_cast<char>(std::toupper(c));
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

inline std::string initial(const std::string& name, const Entry& e, Rng&) {
    if (e.type != EntityType::person) return "";
    auto w = words_of(name);
    if (w.size() < 3 || !ascii_letters(w[1])) return "";
    w[1] = w[1].substr(0, 1) + ".";  // a middle name as its initial
    return join(w);
}

inline const Perturbation kPerturbations[] = {
    {"typo", typo},
    {"drop middle name", drop_middle},
    {"add middle name", add_middle},
    {"word order", swap_order},
    {"transliteration", transliteration},
    {"legal form", legal_form_change},
    {"joined/split", join_or_split},
    {"encoding damage", encoding_damage},
    {"middle initial", initial},
    {"vowel/double", vowel_or_double},
};

struct RecallCase {
    std::string query, original;
    std::size_t entry;
    std::string change;
};

// Picks names from the lists and changes each once or twice. Only names with some letters are used.
inline std::vector<RecallCase> build_recall_set(const std::vector<Entry>& entries, std::size_t size, std::uint64_t seed) {
    Rng r{seed};
    std::vector<std::size_t> pool;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        if (e.type == EntityType::vessel || e.type == EntityType::aircraft) continue;
        if (e.list == "SDN" || e.list == "EL" || e.list == "DPL" || e.list == "UN" || e.list == "MEU" ||
            e.list == "UVL" || e.list == "ISN" || e.list == "DTC")
            pool.push_back(i);
    }
    std::vector<RecallCase> out;
    while (out.size() < size) {
        const std::size_t idx = r.pick(pool);
        const Entry& e = entries[idx];
        std::string original = e.name;
        if (!e.aliases.empty() && r.chance(0.35)) original = r.pick(e.aliases).name;
        if (exportcheck::text::normalize_name(original, e.type).tokens.empty()) continue;
        std::string query = unlisted_order(original, e);
        std::string change;
        const int changes = r.chance(0.3) ? 2 : 1;
        for (int k = 0; k < changes; ++k) {
            for (int attempt = 0; attempt < 6; ++attempt) {
                const auto& p = kPerturbations[r.below(std::size(kPerturbations))];
                auto changed = p.apply(query, e, r);
                if (changed.empty() || changed == query) continue;
                query = std::move(changed);
                change += (change.empty() ? "" : " + ") + std::string(p.name);
                break;
            }
        }
        if (change.empty() || exportcheck::text::normalize_name(query, e.type).tokens.empty()) continue;
        out.push_back({query, original, idx, change});
    }
    return out;
}

}  // namespace name_sets
