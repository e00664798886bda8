// Step 2b of the name pipeline: non-Latin scripts -> Latin, one run of same-script letters at a time.
// Letter tables are data (*_table.inc); this file holds only the context rules a table cannot express.
#include "text_internal.hpp"

#include <utility>
#include <vector>

namespace exportcheck::text::detail {
namespace {

constexpr CharMap kCyrillic[] = {
#include "cyrillic_table.inc"
};
constexpr CharMap kGreek[] = {
#include "greek_table.inc"
};
constexpr CharMap kArabic[] = {
#include "arabic_table.inc"
};
constexpr CharMap kHebrew[] = {
#include "hebrew_table.inc"
};
constexpr CharMap kArmenian[] = {
#include "armenian_table.inc"
};
constexpr CharMap kGeorgian[] = {
#include "georgian_table.inc"
};
#include "hangul_table.inc"
#include "han_pinyin_table.inc"
static_assert(kHanFirst == kHanTableFirst && kHanLast == kHanTableLast, "the generated table covers the block");
constexpr CharMap kKana[] = {
#include "kana_table.inc"
};
struct HanWord {
    const char* han;
    const char* english;
};
constexpr HanWord kHanWords[] = {
#include "han_words_table.inc"
};

bool ends_with_vowel(const std::string& s) {
    return !s.empty() && std::string_view("aeiouy").find(s.back()) != std::string_view::npos;
}

std::string cyrillic(std::u32string_view run) {
    std::string out;
    for (char32_t cp : run)
        if (const char* l = find_char(kCyrillic, cp)) out += l;
    // Adjective endings -ый / -ий read "y" / "iy" in list spellings ("Belyy" is rare, "Bely" common).
    if (out.size() > 3 && out.ends_with("yy")) out.pop_back();
    return out;
}

char32_t greek_lower(char32_t cp) {
    if (cp >= 0x391 && cp <= 0x3A9) return cp + 0x20;
    switch (cp) {
        case 0x386: return 0x3AC;
        case 0x388: return 0x3AD;
        case 0x389: return 0x3AE;
        case 0x38A: return 0x3AF;
        case 0x38C: return 0x3CC;
        case 0x38E: return 0x3CD;
        case 0x38F: return 0x3CE;
        case 0x3AA: return 0x3CA;
        case 0x3AB: return 0x3CB;
        default: return cp;
    }
}

// The base letter of an accented lower-case Greek vowel (for digraph rules).
char32_t greek_base(char32_t cp) {
    switch (cp) {
        case 0x3AC: return U'α';
        case 0x3AD: return U'ε';
        case 0x3AE: return U'η';
        case 0x3AF: case 0x3CA: case 0x390: return U'ι';
        case 0x3CC: return U'ο';
        case 0x3CD: case 0x3CB: case 0x3B0: return U'υ';
        case 0x3CE: return U'ω';
        default: return cp;
    }
}

std::string greek(std::u32string_view run) {
    std::u32string s;
    for (char32_t cp : run) s.push_back(greek_lower(cp));
    std::string out;
    auto base = [&](std::size_t i) { return i < s.size() ? greek_base(s[i]) : char32_t(0); };
    const std::u32string_view voiceless = U"θκξπσςτφχψ";
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char32_t c = base(i), n = base(i + 1);
        const bool start = i == 0;
        if (c == U'ο' && n == U'υ') { out += "ou"; ++i; continue; }
        if ((c == U'α' || c == U'ε' || c == U'η') && n == U'υ' && s[i + 1] != 0x3CB) {
            out += c == U'α' ? "a" : c == U'ε' ? "e" : "i";
            const char32_t after = base(i + 2);
            out += (after == 0 || voiceless.find(after) != std::u32string_view::npos) ? "f" : "v";
            ++i;
            continue;
        }
        if (c == U'μ' && n == U'π') { out += start ? "b" : "mb"; ++i; continue; }
        if (c == U'ν' && n == U'τ') { out += start ? "d" : "nd"; ++i; continue; }
        if (c == U'γ' && n == U'κ') { out += start ? "g" : "ng"; ++i; continue; }
        if (c == U'γ' && (n == U'γ' || n == U'ξ' || n == U'χ')) { out += "n"; continue; }
        if (const char* l = find_char(kGreek, s[i])) out += l;
    }
    return out;
}

bool is_arabic_vowel_letter(char32_t cp) {
    return cp == U'ا' || cp == U'أ' || cp == U'إ' || cp == U'آ' || cp == U'و' || cp == U'ي' || cp == U'ی' ||
           cp == U'ى';
}

bool is_arabic_mark(char32_t cp) { return (cp >= 0x064B && cp <= 0x0652) || cp == 0x0670 || cp == 0x0640; }

std::string arabic(std::u32string_view run) {
    std::u32string s;
    for (char32_t cp : run)
        if (cp != 0x0640) s.push_back(cp);  // tatweel is only a stretch
    std::string out;
    std::size_t i = 0;
    // The definite article al- is its own word ("السيسي" -> al sisi), except in Allah.
    if (s.size() > 3 && s[0] == U'ا' && s[1] == U'ل') {
        if (s == U"الله") return "allah";
        out = "al ";
        i = 2;
    }
    const std::size_t word_start = i;
    std::string word;
    for (; i < s.size(); ++i) {
        const char32_t c = s[i];
        const char32_t next = i + 1 < s.size() ? s[i + 1] : 0;
        if (c == 0x0651) {  // shadda doubles the consonant before it
            if (!word.empty() && !ends_with_vowel(word)) word.push_back(word.back());
            continue;
        }
        const bool first = i == word_start;
        if (c == U'و' || c == U'ي' || c == U'ی') {
            // A consonant at the start, after a vowel, or before a long vowel; a long vowel otherwise.
            const bool consonant = first || ends_with_vowel(word) || (next && is_arabic_vowel_letter(next));
            word += c == U'و' ? (consonant ? "w" : "u") : (consonant ? "y" : "i");
            continue;
        }
        if (c == U'ع') {  // ain: an "a" sound unless a vowel letter or mark follows
            if (!(next && (is_arabic_vowel_letter(next) || is_arabic_mark(next)))) word += "a";
            continue;
        }
        if ((c == U'ا' || c == U'أ' || c == U'آ') && ends_with_vowel(word) && !first) {
            if (word.back() != 'a') word += "a";
            continue;
        }
        if (const char* l = find_char(kArabic, c)) word += l;
    }
    return out + word;
}

std::string hebrew(std::u32string_view run) {
    std::string out;
    for (std::size_t i = 0; i < run.size(); ++i) {
        const char32_t c = run[i];
        const char32_t next = i + 1 < run.size() ? run[i + 1] : 0;
        const bool first = i == 0, last = i + 1 == run.size();
        if (c == U'ו') {
            if (next == U'ו') { out += "v"; ++i; continue; }
            out += first ? "v" : "o";
            continue;
        }
        if (c == U'י') {
            if (next == U'י') { out += "y"; ++i; continue; }
            out += first ? "y" : "i";
            continue;
        }
        if (c == U'ה' && last && !first) { out += "e"; continue; }
        if (c == U'ב') { out += first ? "b" : "v"; continue; }
        if (c == U'כ') { out += first ? "k" : "kh"; continue; }
        if (c == U'פ') { out += first ? "p" : "f"; continue; }
        if (c == U'א' && first) { out += "a"; continue; }
        if (const char* l = find_char(kHebrew, c)) out += l;
    }
    return out;
}

std::string armenian(std::u32string_view run) {
    std::string out;
    for (std::size_t i = 0; i < run.size(); ++i) {
        const char32_t c = run[i] >= 0x531 && run[i] <= 0x556 ? run[i] + 0x30 : run[i];
        const char32_t n = i + 1 < run.size() ? run[i + 1] : 0;
        if (c == U'ո' && n == U'ւ') { out += "u"; ++i; continue; }
        if (const char* l = find_char(kArmenian, run[i])) out += l;
    }
    return out;
}

std::string georgian(std::u32string_view run) {
    std::string out;
    for (char32_t cp : run)
        if (const char* l = find_char(kGeorgian, cp)) out += l;
    return out;
}

// A Hangul word stays one word ("성훈" -> songhun, "김정은" -> kimjongun): matching meets "Song Hun" and
// "Kim Jong Un" by joining their words, and single syllables never meet alone.
std::string hangul(std::u32string_view run) {
    std::string out;
    for (std::size_t i = 0; i < run.size(); ++i) {
        const char32_t cp = run[i];
        if (cp < 0xAC00 || cp > 0xD7A3) continue;
        if (i == 0) {  // the first syllable (or a lone one) is usually the surname
            const auto* it = std::find_if(std::begin(kHangulSurname), std::end(kHangulSurname),
                                          [&](const auto& s) { return s.syllable == cp; });
            if (it != std::end(kHangulSurname)) {
                out += it->latin;
                continue;
            }
        }
        const unsigned v = cp - 0xAC00;
        out += kHangulInitial[v / (21 * 28)];
        out += kHangulMedial[(v / 28) % 21];
        out += kHangulFinal[v % 28];
    }
    return out;
}

// The Chinese company words as code points, longest first (decoded once).
const std::vector<std::pair<std::u32string, std::string_view>>& han_words() {
    static const auto words = [] {
        std::vector<std::pair<std::u32string, std::string_view>> w;
        for (const auto& h : kHanWords) w.emplace_back(decode_utf8(h.han), h.english);
        std::stable_sort(w.begin(), w.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
        return w;
    }();
    return words;
}

const std::pair<std::u32string, std::string_view>* han_word_at(std::u32string_view run, std::size_t i) {
    for (const auto& w : han_words())
        if (run.substr(i).starts_with(w.first)) return &w;
    return nullptr;
}

// The i-th of the 9-bit numbers scripts/gen-han-pinyin.py writes: its low byte in `low`, its 9th bit in `high`
// (bit i % 8 of byte i / 8).
template <std::size_t L, std::size_t H>
unsigned short nine_bits(const unsigned char (&low)[L], const unsigned char (&high)[H], std::size_t i) {
    return static_cast<unsigned short>(low[i] | ((high[i / 8] >> (i % 8)) & 1u) << 8);
}

// The value of a Chinese numeral character (零〇 0, 一 1 ... 九 9, 十 10, 百 100), or -1.
int numeral_value(char32_t cp) {
    constexpr std::u32string_view kDigits = U"零一二三四五六七八九", kTens = U"十百";
    if (cp == U'〇') return 0;
    if (cp == U'两') return 2;
    if (const auto d = kDigits.find(cp); d != std::u32string_view::npos) return static_cast<int>(d);
    if (const auto t = kTens.find(cp); t != std::u32string_view::npos) return t == 0 ? 10 : 100;
    return -1;
}

// An ordinal after 第 ("第十四研究所" 14th Research Institute, "第七一二研究所" 712th): the numerals' value, in
// digits, and how many characters it took (0 when 第 is not followed by a numeral). Numerals with 十 or 百
// count by place (十四 14, 二十 20); without, they are digits (七一二 712), as institutes are numbered.
std::pair<std::string, std::size_t> ordinal_at(std::u32string_view run, std::size_t i) {
    if (run[i] != U'第') return {{}, 0};
    std::size_t j = i + 1;
    std::string digits;
    int value = 0, unit = -1;
    bool by_place = false;
    for (; j < run.size() && numeral_value(run[j]) >= 0; ++j) {
        const int v = numeral_value(run[j]);
        if (v >= 10) {
            value += (unit < 0 ? 1 : unit) * v;
            unit = -1;
            by_place = true;
        } else {
            unit = v;
            digits += static_cast<char>('0' + v);
        }
    }
    if (j == i + 1) return {{}, 0};
    return {by_place ? std::to_string(value + (unit < 0 ? 0 : unit)) : digits, j - i};
}

// Chinese characters -> pinyin (Unihan kMandarin, han_pinyin_table.inc). Company words become their English
// equivalents and cut the text into words, as do ordinals (第十四 14); the characters between them make one
// word each ("深圳市华为技术有限公司" -> shenzhen huawei technology co ltd). A name of two or three characters
// with no company word is a person's: surname, then given name ("习近平" -> xi jinping), when it is the whole
// name; a name written in parts ("志偉 陳", given names and surname apart) has a word per part ("zhiwei chen").
std::string han(std::u32string_view run, bool whole_name) {
    std::vector<std::string> syllables;
    std::string out;
    bool any_word = false;
    // Chinese words are mostly of two syllables (a place, a brand, a trade): a run of four or more between
    // company words is cut in pairs, the last word taking an odd syllable, as the lists write such names in
    // pinyin ("东莞圣寅数控" -> dongguan shengyin shukong, not one word of six syllables).
    auto flush = [&] {
        const std::size_t n = syllables.size();
        for (std::size_t k = 0; k < n; ++k) {
            const bool starts_word = k == 0 || (n >= 4 && k % 2 == 0 && k + 1 < n);
            if (starts_word && !out.empty()) out.push_back(' ');
            out += syllables[k];
        }
        syllables.clear();
    };
    for (std::size_t i = 0; i < run.size();) {
        if (const auto [number, used] = ordinal_at(run, i); used > 0) {
            flush();
            if (!out.empty()) out.push_back(' ');
            out += number;
            i += used;
            continue;
        }
        if (const auto* w = han_word_at(run, i)) {
            flush();
            any_word = true;
            if (!w->second.empty()) {
                if (!out.empty()) out.push_back(' ');
                out += w->second;
            }
            i += w->first.size();
            continue;
        }
        const char32_t cp = run[i++];
        if (const unsigned n = pinyin_number(cp)) syllables.emplace_back(kPinyinSyllables[n]);
    }
    if (whole_name && !any_word && syllables.size() >= 2 && syllables.size() <= 3) {
        out = syllables[0] + " ";
        for (std::size_t k = 1; k < syllables.size(); ++k) out += syllables[k];
        return out;
    }
    flush();
    return out;
}

bool ends_with_any_vowel(const std::string& s) {
    return !s.empty() && std::string_view("aeiou").find(s.back()) != std::string_view::npos;
}

// Hiragana and Katakana -> Hepburn (kana_table.inc). Small ya/yu/yo make one syllable with the kana before
// (き+ゃ -> kya, し+ゃ -> sha), small vowels replace its vowel (フ+ァ -> fa), the small tsu doubles the next
// consonant (っ+か -> kka, っ+ち -> tchi); the long-vowel mark is not written (プーチン -> puchin).
std::string kana(std::u32string_view run) {
    std::string out;
    bool double_next = false;
    for (const char32_t cp : run) {
        const char* l = find_char(kKana, cp);
        if (!l) continue;
        std::string_view s = l;
        if (s[0] == '_') {
            s.remove_prefix(1);
            if (s == "tsu") {
                double_next = true;
                continue;
            }
            const bool y = s == "ya" || s == "yu" || s == "yo";
            const bool vowel = s.size() == 1 && ends_with_any_vowel(std::string(s));
            if ((y || vowel) && out.size() >= 2 && ends_with_any_vowel(out)) {
                out.pop_back();
                if (y && (out.ends_with("sh") || out.ends_with("ch") || out.ends_with("j"))) s.remove_prefix(1);
            }
        }
        if (double_next) out.push_back(s[0] == 'c' ? 't' : s[0]);
        double_next = false;
        out += s;
    }
    return out;
}

}  // namespace

unsigned pinyin_number(char32_t cp) noexcept {
    if (cp < kHanFirst || cp > kHanLast) return 0;
    return nine_bits(kHanPinyinLow, kHanPinyinHigh, cp - kHanFirst);
}

unsigned other_pinyin_number(char32_t cp) noexcept {
    // {code point, syllable number} of kHanOtherStep/Low/High, decoded once.
    static const auto others = [] {
        std::vector<std::pair<char32_t, unsigned short>> v;
        char32_t at = kHanFirst - 1;
        for (const unsigned char step : kHanOtherStep) {
            at += step;
            if (step == 255) continue;
            const std::size_t k = v.size();
            v.emplace_back(at, nine_bits(kHanOtherLow, kHanOtherHigh, k));
        }
        return v;
    }();
    const auto it = std::lower_bound(others.begin(), others.end(), cp, [](const auto& o, char32_t c) { return o.first < c; });
    return it != others.end() && it->first == cp ? it->second : 0;
}

const char* pinyin_syllable(unsigned number) noexcept {
    return number < std::size(kPinyinSyllables) ? kPinyinSyllables[number] : "";
}

bool in_han_word(char32_t cp) {
    return std::any_of(han_words().begin(), han_words().end(),
                       [&](const auto& w) { return w.first.find(cp) != std::u32string::npos; });
}

std::size_t han_word_length(std::u32string_view run, std::size_t i) {
    if (script_of(run[i]) != Script::han) return 0;  // no company word starts there: skip the table
    const auto* w = han_word_at(run, i);
    return w ? w->first.size() : 0;
}

Script script_of(char32_t cp) noexcept {
    if (cp < 0x370) return Script::latin;
    if (cp <= 0x3FF) return cp == 0x37E || cp == 0x387 ? Script::latin : Script::greek;
    if (cp <= 0x52F) return Script::cyrillic;
    if (cp >= 0x531 && cp <= 0x587) return Script::armenian;
    if (cp >= 0x5D0 && cp <= 0x5F2) return Script::hebrew;
    if (((cp >= 0x620 && cp <= 0x6D5) || (cp >= 0x6EE && cp <= 0x6FF) || (cp >= 0x750 && cp <= 0x77F)) &&
        !(cp >= 0x66A && cp <= 0x66D) && cp != 0x6D4)  // Arabic percent, separators and full stop separate
        return Script::arabic;
    if ((cp >= 0x10A0 && cp <= 0x10FF) || (cp >= 0x1C90 && cp <= 0x1CBF)) return Script::georgian;
    if (cp >= 0xAC00 && cp <= 0xD7A3) return Script::hangul;
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) return Script::han;
    if ((cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC) return Script::kana;
    return Script::latin;  // anything else is decided by the Latin fold or the generic rules
}

std::string transliterate_run(Script script, std::u32string_view run, bool whole_name) {
    switch (script) {
        case Script::cyrillic: return cyrillic(run);
        case Script::greek: return greek(run);
        case Script::arabic: return arabic(run);
        case Script::hebrew: return hebrew(run);
        case Script::armenian: return armenian(run);
        case Script::georgian: return georgian(run);
        case Script::hangul: return hangul(run);
        case Script::han: return han(run, whole_name);
        case Script::kana: return kana(run);
        default: break;
    }
    return {};
}

}  // namespace exportcheck::text::detail
