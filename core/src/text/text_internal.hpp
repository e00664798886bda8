// Internals shared by the steps of the name pipeline (not part of the public API).
#pragma once

#include <exportcheck/text.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace exportcheck::text::detail {

struct CharMap {
    char32_t cp;
    const char* latin;
};

// Binary search in a table sorted by code point; nullptr when absent.
template <std::size_t N>
const char* find_char(const CharMap (&table)[N], char32_t cp) {
    const auto* it = std::lower_bound(std::begin(table), std::end(table), cp,
                                      [](const CharMap& m, char32_t c) { return m.cp < c; });
    return it != std::end(table) && it->cp == cp ? it->latin : nullptr;
}

// The script a non-Latin letter belongs to, or Script::latin for anything else.
Script script_of(char32_t cp) noexcept;

// Transliterates one run of code points of one script (a word or part of it). A space in the result
// splits the word (the Arabic article al- becomes its own word). `whole_name`: the run is the name's only
// run of Chinese characters (a person's name written the Chinese way is then split: surname, given name).
std::string transliterate_run(Script script, std::u32string_view run, bool whole_name = true);

// The Chinese characters the pinyin and Korean tables cover: the CJK Unified Ideographs block.
inline constexpr char32_t kHanTableFirst = 0x4E00, kHanTableLast = 0x9FFF;

// The number of a Chinese character's syllable in han_pinyin_table.inc (0: none), from its packed 9 bits.
unsigned pinyin_number(char32_t cp) noexcept;

// The syllable number of a Chinese character's other everyday reading (kHanOtherReading; 0: none), and a
// syllable's letters ("" for 0).
unsigned other_pinyin_number(char32_t cp) noexcept;
const char* pinyin_syllable(unsigned number) noexcept;
// Whether a character is part of any Chinese company word.
bool in_han_word(char32_t cp);

// The length of the Chinese company word (han_words_table.inc) that starts at run[i], or 0 (at once when run[i]
// is no Chinese character).
std::size_t han_word_length(std::u32string_view run, std::size_t i);

// Folds a Latin-script code point (accents, ligatures, full-width): the ASCII replacement, "" to drop it,
// " " when it separates words, or nullptr when it is not a Latin letter.
const char* fold_latin(char32_t cp);

}  // namespace exportcheck::text::detail
