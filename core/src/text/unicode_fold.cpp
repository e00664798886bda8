// Step 2 of the name pipeline: code points -> folded ASCII words. Case, accents, ligatures and full-width
// forms fold here; other scripts are handed to transliterate.cpp run by run.
#include "text_internal.hpp"

#include <algorithm>

#include <array>

namespace exportcheck::text {
namespace detail {
namespace {

constexpr CharMap kFold[] = {
#include "fold_table.inc"
};

}  // namespace

const char* fold_latin(char32_t cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
    if (cp < 0x80) {
        // Letters and digits stand for themselves (lower case); apostrophes join (O'Brien -> obrien).
        static constexpr auto kAscii = [] {
            std::array<std::array<char, 2>, 128> t{};
            for (int c = 0; c < 128; ++c) {
                const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                t[c][0] = alnum ? static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c) : (c == '\'' || c == '`') ? 0 : ' ';
            }
            return t;
        }();
        return kAscii[cp].data();
    }
    return find_char(kFold, cp);
}

}  // namespace detail

namespace {

enum class CharClass { letter, drop, separator };

constexpr int kScripts = static_cast<int>(Script::other) + 1;

// What a code point that is neither a table letter nor a known script letter does to a word.
CharClass other_char_class(char32_t cp) {
    if (cp >= 0x0300 && cp <= 0x036F) return CharClass::drop;                   // combining accents
    if (cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF) return CharClass::drop;  // soft hyphen, ZW*
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0x2032 || cp == 0x05F3 || cp == 0x05F4)
        return CharClass::drop;  // apostrophes, primes, Hebrew geresh
    if (cp < 0x0370) return CharClass::separator;  // Latin-range symbols not in the fold table
    if (cp >= 0x2000 && cp <= 0x2BFF) return CharClass::separator;  // punctuation, symbols, arrows
    if (cp >= 0x3000 && cp <= 0x303F) return CharClass::separator;  // CJK punctuation
    if (cp == 0x30FB || cp == 0x00B7) return CharClass::separator;  // katakana middle dot
    if (cp >= 0xFE10 && cp <= 0xFE6F) return CharClass::separator;
    if (cp >= 0xFF00 && cp <= 0xFF0F) return CharClass::separator;
    if (cp >= 0xE000 && cp <= 0xF8FF) return CharClass::separator;  // private use
    if (cp >= 0xFFF0) return CharClass::separator;                   // specials, U+FFFD
    if (cp == 0x060C || cp == 0x061B || cp == 0x061F || (cp >= 0x066A && cp <= 0x066D) || cp == 0x06D4)
        return CharClass::separator;  // Arabic punctuation
    if (cp == 0x05BE || cp == 0x05C0 || cp == 0x05C3) return CharClass::separator;  // Hebrew punctuation
    if (cp >= 0x0591 && cp <= 0x05C7) return CharClass::drop;  // Hebrew points
    if (cp == 0x0589 || cp == 0x055D || cp == 0x055E || cp == 0x055C || cp == 0x055B) return CharClass::separator;
    return CharClass::letter;
}

struct WordBuilder {
    std::vector<Word>& out;
    std::string text;
    int counts[kScripts] = {};
    std::u32string run;
    Script run_script = Script::latin;
    bool one_han_run = true;  // the name has at most one run of Chinese characters

    void flush_run() {
        if (run.empty()) return;
        const auto latin = detail::transliterate_run(run_script, run, one_han_run);
        counts[static_cast<int>(run_script)] += static_cast<int>(run.size());
        run.clear();
        for (char c : latin) {
            if (c == ' ') {
                // The article split off an Arabic word ends the word here; the words after it are the run's
                // script too (the last one included: "习近平" -> "xi" "jinping", both Chinese).
                const auto script = run_script;
                finish(script);
                counts[static_cast<int>(script)] = 1;
            } else {
                text.push_back(c);
            }
        }
    }
    void finish(Script forced) {
        if (!text.empty()) {
            out.push_back({std::move(text), forced});
            text.clear();
        }
        std::fill(std::begin(counts), std::end(counts), 0);
    }
    void end_word() {
        flush_run();
        if (text.empty()) return;
        // The script of the word is the one most of its letters came from (Latin when tied).
        int best = 0;
        for (int s = 1; s < kScripts; ++s)
            if (counts[s] > counts[best]) best = s;
        finish(static_cast<Script>(best));
    }
};

// Feeds code points one by one (ASCII letters take a fast path).
void feed(WordBuilder& b, char32_t cp) {
    const Script script = detail::script_of(cp);
    if (script != Script::latin) {
        // Chinese characters next to Kana or Hangul start another word ("カザン火薬工場": kazan, gunpowder,
        // plant); other scripts mixed in one word stay one word (a Cyrillic letter in a Latin name).
        const bool han_border = (script == Script::han) != (b.run_script == Script::han) &&
                                (script == Script::kana || script == Script::hangul ||
                                 b.run_script == Script::kana || b.run_script == Script::hangul);
        if (!b.run.empty() && b.run_script != script && han_border) b.end_word();
        else if (!b.run.empty() && b.run_script != script) b.flush_run();
        b.run_script = script;
        b.run.push_back(cp);
        return;
    }
    if (const char* folded = detail::fold_latin(cp)) {
        b.flush_run();
        if (folded[0] == ' ' && folded[1] == 0) {
            b.end_word();
        } else {
            b.text += folded;
            b.counts[0] += folded[0] ? 1 : 0;
        }
        return;
    }
    switch (other_char_class(cp)) {
        case CharClass::drop: break;
        case CharClass::separator: b.end_word(); break;
        case CharClass::letter:
            b.flush_run();
            append_utf8(b.text, cp);
            b.counts[static_cast<int>(Script::other)] += 1;
            break;
    }
}

}  // namespace

// Whether the text has two runs of Chinese characters or more ("志偉 陳": a name written in parts).
bool several_han_runs(std::u32string_view text) {
    int runs = 0;
    bool in_run = false;
    for (const char32_t cp : text) {
        const bool han = detail::script_of(cp) == Script::han;
        runs += han && !in_run;
        in_run = han;
    }
    return runs > 1;
}

std::vector<Word> split_words(std::u32string_view input) {
    std::vector<Word> words;
    WordBuilder b{words, {}, {}, {}, Script::latin};
    b.one_han_run = !several_han_runs(input);
    for (const char32_t cp : input) feed(b, cp);
    b.end_word();
    return words;
}

std::vector<Word> split_words(std::string_view utf8) {
    std::vector<Word> words;
    words.reserve(6);
    WordBuilder b{words, {}, {}, {}, Script::latin};
    // Chinese characters take three bytes from 0xE3: only such a text can have two runs of them.
    if (std::any_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xE3; }))
        b.one_han_run = !several_han_runs(decode_utf8(utf8));
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            if (b.run.empty()) {  // fast path: plain ASCII
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    b.text.push_back(static_cast<char>(c));
                    ++b.counts[0];
                } else if (c >= 'A' && c <= 'Z') {
                    b.text.push_back(static_cast<char>(c + 32));
                    ++b.counts[0];
                } else if (c != '\'' && c != '`') {
                    b.end_word();
                }
            } else {
                feed(b, c);
            }
            ++i;
            continue;
        }
        feed(b, next_code_point(utf8, i));  // invalid bytes become U+FFFD, a separator
    }
    b.end_word();
    return words;
}

std::string fold_to_ascii(std::string_view utf8) {
    std::string out;
    for (const auto& w : split_words(utf8)) {
        if (!out.empty()) out.push_back(' ');
        out += w.text;
    }
    return out;
}

}  // namespace exportcheck::text
