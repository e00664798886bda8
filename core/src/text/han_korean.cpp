// Chinese characters read in Korean (Hanja -> Hangul): Korean names and North Korean companies are written
// in Chinese characters that a Korean reads in Korean (金铁三 김철삼 Kim Chol Sam), not in Mandarin.
// The readings are data (han_korean_table.inc, scripts/gen-han-korean.py); the result is Hangul text, so
// the Hangul rules of the pipeline (surnames, one word per name, no middle names) apply to it.
#include "text_internal.hpp"

#include <array>
#include <bit>

namespace exportcheck::text {
namespace {

#include "han_korean_table.inc"

using detail::kHanTableFirst, detail::kHanTableLast;

// How many characters before byte b of kHanKoreanHas have a reading (computed once).
const std::array<unsigned short, sizeof kHanKoreanHas + 1>& ranks_before() {
    static const auto before = [] {
        std::array<unsigned short, sizeof kHanKoreanHas + 1> a{};
        for (std::size_t b = 0; b < sizeof kHanKoreanHas; ++b)
            a[b + 1] = static_cast<unsigned short>(a[b] + std::popcount(kHanKoreanHas[b]));
        return a;
    }();
    return before;
}

// The Korean reading of one character (0: none). `name_start`: the first character of a name, a surname.
char32_t korean_of(char32_t cp, bool name_start) {
    if (cp < kHanTableFirst || cp > kHanTableLast) return 0;
    const std::size_t i = cp - kHanTableFirst;
    const unsigned byte = kHanKoreanHas[i / 8];
    if (!((byte >> (i % 8)) & 1u)) return 0;
    if (name_start)
        for (const auto& p : kHanKoreanNameReading)
            if (p[0] == cp) return p[1];
    const std::size_t k = ranks_before()[i / 8] + std::popcount(byte & ((1u << (i % 8)) - 1u));
    return kHanKoreanReadings[kHanKoreanByPinyin[detail::pinyin_number(cp)] + kHanKoreanRank[k]];
}

bool has_han(std::u32string_view s) {
    for (const char32_t cp : s)
        if (detail::script_of(cp) == Script::han) return true;
    return false;
}

// A name given in Latin letters and in Chinese characters, one of them in parentheses ("Jin Tiesan
// (金铁三)"): the Latin part is the Mandarin reading of the characters, so only the characters are read.
std::u32string chinese_part(std::u32string_view name) {
    std::u32string inside, outside;
    int depth = 0;
    for (const char32_t cp : name) {
        if (cp == U'(' || cp == U'（') ++depth;
        else if ((cp == U')' || cp == U'）') && depth > 0) --depth;
        else (depth ? inside : outside).push_back(cp);
    }
    if (inside.empty() || has_han(inside) == has_han(outside)) return std::u32string(name);
    return has_han(inside) ? inside : outside;
}

// Whether a name reads as Korean: a company name (with a Chinese company word), or a person's written as
// Korean names are, surname first in one run of two to four characters with nothing else ("金铁三"; a
// name written in parts, "瑜 李", is written the Western way, which Chinese names take and Korean ones do not).
bool korean_shaped(std::u32string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i)
        if (detail::han_word_length(s, i) > 0) return true;
    std::size_t han = 0, runs = 0;
    bool in_run = false;
    for (const char32_t cp : s) {
        const bool is_han = detail::script_of(cp) == Script::han;
        if (!is_han && cp != U' ' && cp != U'\u3000') return false;
        han += is_han;
        runs += is_han && !in_run;
        in_run = is_han;
    }
    return runs == 1 && han >= 2 && han <= 4;
}

}  // namespace

std::string korean_reading(std::string_view name) {
    const std::u32string s = chinese_part(decode_utf8(name));
    if (!korean_shaped(s)) return {};
    std::u32string out;
    bool changed = false, name_start = true;
    for (std::size_t i = 0; i < s.size();) {
        // Company words stay in Chinese characters (read in English: 会社 company); they separate.
        if (const std::size_t n = detail::han_word_length(s, i)) {
            out += U' ';
            out.append(s, i, n);
            out += U' ';
            i += n;
            name_start = true;
            continue;
        }
        const char32_t k = korean_of(s[i], name_start);
        name_start = detail::script_of(s[i]) != Script::han;
        out += k ? k : s[i];
        changed = changed || k;
        ++i;
    }
    if (!changed) return {};
    std::string utf8;
    for (const char32_t cp : out) append_utf8(utf8, cp);
    return utf8;
}

}  // namespace exportcheck::text
