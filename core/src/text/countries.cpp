// Country name / code lookup over the generated tables in country_table.inc (iso-codes plus
// data/countries/aliases.tsv, built by scripts/gen-country-table.mjs). The tables are constexpr and
// checked sorted at compile time, so a lookup is a binary search with no set-up.
#include "exportcheck/countries.hpp"
#include "exportcheck/text.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>

namespace exportcheck {
namespace {

struct NameCode {
    std::string_view name;  // normalised, see normalise()
    std::string_view code;
};

struct CodeName {
    std::string_view code;
    std::string_view name;
};

#include "country_table.inc"

// kLatinFold covers exactly this code-point range.
constexpr char32_t kFoldFirst = 0xC0;
constexpr char32_t kFoldLast = 0x17F;
static_assert(std::size(kLatinFold) == kFoldLast - kFoldFirst + 1);
// Below kFoldFirst: C1 controls, NBSP and Latin-1 symbols. General Punctuation holds ’ – “ etc.
constexpr char32_t kAsciiEnd = 0x80;
constexpr char32_t kGeneralPunctuationFirst = 0x2000;
constexpr char32_t kGeneralPunctuationLast = 0x206F;

// Strictly increasing keys: binary search is valid and no name maps to two codes. (Hand-rolled and
// std::lower_bound below rather than std::ranges: the emscripten libc++ lacks the range algorithms.)
template <typename Entry, std::size_t N, typename Key>
constexpr bool strictly_increasing(const Entry (&table)[N], Key Entry::*key) {
    for (std::size_t i = 1; i < N; ++i) {
        if (!(table[i - 1].*key < table[i].*key)) return false;
    }
    return true;
}
static_assert(strictly_increasing(kNameToCode, &NameCode::name));
static_assert(strictly_increasing(kCodeToName, &CodeName::code));

constexpr std::string_view kArticle = "the";

constexpr bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }
constexpr char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
constexpr bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

std::string_view trim_ascii(std::string_view s) {
    while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
    return s;
}

// Builds the lookup key: ASCII letters lower-cased, digits kept, Latin-1 / Latin Extended-A letters
// folded to ASCII (kLatinFold), ASCII punctuation, Latin-1 symbols and General Punctuation (’ – “)
// turned into spaces, spaces collapsed and trimmed, and a leading or trailing "the" dropped.
// Other characters (Cyrillic, Arabic, ...) are kept as they are; they match no key.
// Mirrors normalise() in scripts/gen-country-table.mjs, which built the keys.
void normalise(std::string_view text, std::string& out) {
    out.clear();
    bool gap = false;
    const auto put = [&](std::string_view piece) {
        if (gap && !out.empty()) out += ' ';
        gap = false;
        out += piece;
    };
    while (!text.empty()) {
        std::size_t length = 0;
        const char32_t cp = text::next_code_point(text, length);
        const std::string_view raw = text.substr(0, length);
        text.remove_prefix(length);
        // A byte that starts no valid sequence (U+FFFD of one byte) is copied through: it can never match an
        // (ASCII) key.
        if (cp == 0xFFFD && length == 1) {
            put(raw);
        } else if (cp < kAsciiEnd) {
            const char c = raw.front();
            if (is_ascii_alnum(c)) {
                const char lower = ascii_lower(c);
                put(std::string_view(&lower, 1));
            } else {
                gap = true;
            }
        } else if (cp < kFoldFirst || (cp >= kGeneralPunctuationFirst && cp <= kGeneralPunctuationLast)) {
            gap = true;
        } else if (cp <= kFoldLast) {
            const std::string_view folded = kLatinFold[cp - kFoldFirst];
            if (folded == " ") {
                gap = true;
            } else {
                put(folded);
            }
        } else {
            put(raw);
        }
    }
    // "The Gambia", "Bahamas, The": the article is noise, but "the" alone stays (and matches nothing).
    const std::size_t first_space = out.find(' ');
    if (first_space != std::string::npos && std::string_view(out).substr(0, first_space) == kArticle) {
        out.erase(0, first_space + 1);
    }
    const std::size_t last_space = out.rfind(' ');
    if (last_space != std::string::npos && std::string_view(out).substr(last_space + 1) == kArticle) {
        out.erase(last_space);
    }
}

const CodeName* find_code(std::string_view alpha2) {
    if (alpha2.size() != 2 || !is_ascii_alpha(alpha2[0]) || !is_ascii_alpha(alpha2[1])) return nullptr;
    const std::array<char, 2> upper{ascii_upper(alpha2[0]), ascii_upper(alpha2[1])};
    const std::string_view code(upper.data(), upper.size());
    const auto* it = std::lower_bound(std::begin(kCodeToName), std::end(kCodeToName), code,
                                      [](const CodeName& e, std::string_view c) { return e.code < c; });
    return (it != std::end(kCodeToName) && it->code == code) ? it : nullptr;
}

std::string_view find_name(std::string_view key) {
    const auto* it = std::lower_bound(std::begin(kNameToCode), std::end(kNameToCode), key,
                                      [](const NameCode& e, std::string_view k) { return e.name < k; });
    return (it != std::end(kNameToCode) && it->name == key) ? it->code : std::string_view{};
}

}  // namespace

std::string country_code(std::string_view name_or_code) {
    const std::string_view text = trim_ascii(name_or_code);
    // A valid alpha-2 code wins over any name; "UK" is no code, so it falls through to the aliases.
    if (const CodeName* entry = find_code(text)) return std::string(entry->code);
    std::string key;
    key.reserve(text.size());
    normalise(text, key);
    return std::string(find_name(key));
}

std::string_view country_name(std::string_view alpha2) {
    const CodeName* entry = find_code(trim_ascii(alpha2));
    return entry != nullptr ? entry->name : std::string_view{};
}

bool is_country_code(std::string_view alpha2) { return find_code(trim_ascii(alpha2)) != nullptr; }

std::vector<std::pair<std::string_view, std::string_view>> countries() {
    std::vector<std::pair<std::string_view, std::string_view>> out;
    out.reserve(std::size(kCodeToName));
    for (const auto& entry : kCodeToName) out.emplace_back(entry.code, entry.name);
    return out;
}

}  // namespace exportcheck
