// Chinese characters of two everyday readings read the other way. A name is read in Mandarin by kMandarin's
// reading, the commoner in running text, which is not always the one a name uses: 長安 is Chang'an, not
// Zhang'an; 厦门 is Xiamen, not Shamen. The other readings are data (kHanOtherReading, from the 2013 standard
// dictionary, scripts/gen-han-pinyin.py); this file only writes the name with them.
#include "text_internal.hpp"

#include <array>

namespace exportcheck::text {
namespace {

// For each syllable, a character read only that way and in no company word (found once): written in place of
// a character of two readings, it makes the name pipeline read the other one, and nothing else changes.
char32_t stand_in(unsigned syllable) {
    static const auto table = [] {
        std::array<char32_t, 512> t{};
        for (char32_t cp = detail::kHanTableFirst; cp <= detail::kHanTableLast; ++cp) {
            const unsigned n = detail::pinyin_number(cp);
            if (n && n < t.size() && !t[n] && !detail::other_pinyin_number(cp) && !detail::in_han_word(cp)) t[n] = cp;
        }
        return t;
    }();
    return syllable < table.size() ? table[syllable] : 0;
}

}  // namespace

HanReading other_han_reading(std::string_view name) {
    const std::u32string s = decode_utf8(name);
    std::u32string out;
    std::string changed;
    for (std::size_t i = 0; i < s.size();) {
        if (const std::size_t n = detail::han_word_length(s, i)) {
            out.append(s, i, n);  // company words keep their reading (银行 bank, not yinhang)
            i += n;
            continue;
        }
        const unsigned other = detail::other_pinyin_number(s[i]);
        const char32_t with = other ? stand_in(other) : 0;
        if (with) {
            if (!changed.empty()) changed += ", ";
            append_utf8(changed, s[i]);
            changed += ' ';
            changed += detail::pinyin_syllable(other);
        }
        out += with ? with : s[i];
        ++i;
    }
    if (changed.empty()) return {};
    std::string utf8;
    for (const char32_t cp : out) append_utf8(utf8, cp);
    return {std::move(utf8), std::move(changed)};
}

HanReading han_without_place(std::string_view name) {
    const std::u32string s = decode_utf8(name);
    // The place a registered name starts with, up to its 市 (city) or 省 (province): "深圳市", "广东省深圳市".
    constexpr std::size_t kLongestPlace = 8;
    std::size_t end = 0;
    for (std::size_t i = 0; i < s.size() && i <= kLongestPlace; ++i) {
        if (detail::script_of(s[i]) != Script::han) break;
        if (s[i] == U'市' || s[i] == U'省') end = i + 1;
    }
    if (end < 3 || end == s.size()) return {};  // a place of one character and its mark is no place ("省" alone)
    std::string rest, place;
    for (std::size_t i = 0; i < s.size(); ++i) append_utf8(i < end ? place : rest, s[i]);
    return {std::move(rest), std::move(place)};
}

}  // namespace exportcheck::text
