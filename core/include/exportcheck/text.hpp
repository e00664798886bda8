// Name normalisation: how a name as typed or listed becomes the tokens matching compares.
//
// The pipeline is a chain of small named steps, each usable and tested on its own:
//
//   decode_utf8          bytes -> code points (invalid bytes become U+FFFD, never an error)
//   split_words          code points -> words, each folded to lower-case ASCII: case, accents, ligatures,
//                        full-width forms; Cyrillic, Greek, Arabic/Persian/Urdu, Hebrew, Armenian, Georgian
//                        and Hangul transliterated; Chinese characters read in pinyin (company words
//                        in English), Kana in Hepburn; apostrophes dropped; other punctuation separates
//   person_name_order    "PUTIN, Vladimir" -> "Vladimir PUTIN" (one comma, not an organisation)
//   apply_phrases        multi-word knowledge: legal forms ("obshchestvo s ogranichennoy otvetstvennostyu",
//                        "co ltd"), stop phrases ("and any successor ..."), spelling variants ("abd al")
//   canonical_variant    one spelling per name: mohammed/muhammad, sergei/sergey, yuri/yuriy, tech/technology
//   classify             word, number, initial, legal form, generic company word, stop word
//
// normalize_name() runs them all. The linguistic knowledge lives in tables (core/src/text/*_table.inc),
// not in the code.
#pragma once

#include <exportcheck/entity_type.hpp>
#include <exportcheck/reason.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace exportcheck::text {

// The writing system a word came from. Abjads (Arabic, Hebrew) do not write short vowels, so their
// transliterations are compared by consonant skeleton.
enum class Script : std::uint8_t {
    latin, cyrillic, greek, arabic, hebrew, armenian, georgian, hangul, han, kana, other
};

bool is_abjad(Script s) noexcept;

// Step 0. Undoes tricks that hide a name from a screener without changing how it reads: invisible format
// characters (zero-width, direction marks) dropped; Greek and Cyrillic letters that look Latin read as Latin
// inside Latin words ("Ηuawei" with a Greek Eta -> "Huawei"), styled mathematical letters as plain ones
// (Unicode TR39 confusables). Returns false (out untouched) when nothing changed. Each trick found adds a
// reason for the match explanation (greek: "Η" read as "H"; invisible).
bool undisguise(std::string_view name, std::string& out, std::vector<Reason>* notes);

// Step 1. UTF-8 to code points; an invalid byte becomes U+FFFD (which later acts as a separator).
std::u32string decode_utf8(std::string_view utf8);
// One code point at `at` (which moves past it); a byte that starts no valid sequence is U+FFFD and is
// passed alone. The one UTF-8 decoder of the core: everything that reads text by code point steps with it.
char32_t next_code_point(std::string_view utf8, std::size_t& at);
// The length of the well-formed UTF-8 sequence at `at` (Unicode Table 3-7), or 0 when none starts there.
std::size_t utf8_sequence_length(std::string_view utf8, std::size_t at);
void append_utf8(std::string& out, char32_t cp);

// Free text as the rules read it (what a buyer wrote, an item's description) and as a party's fingerprint
// is taken: words cut at anything that is not a letter or a digit, folded to lower case (Latin-1 and Latin
// Extended-A accents and ligatures by fold_table.inc, full-width forms to ASCII, Cyrillic lower-cased);
// other scripts are kept as written, not transliterated (a word list may hold "物流" or "торговый"). Each
// word says which bytes [begin, end) of the input it came from, so a finding can quote the buyer's words.
// Stored party fingerprints depend on this fold: it must not change (tests/unit/fingerprint_test.cpp).
struct TextWord {
    std::string text;
    std::size_t begin = 0, end = 0;
};
std::vector<TextWord> free_text_words(std::string_view utf8);
// Those words joined by single spaces ("Müller  Gerätebau-GmbH" -> "muller geratebau gmbh").
std::string fold_free_text(std::string_view utf8);

// Another reading of a name written in Chinese characters: the characters read in Korean, as Hangul
// ("金铁三" -> "김철삼", read by the Hangul rules as kimcholsam: Kim Chol Sam), the Chinese company words kept
// ("朝鲜联合机械贸易会社" -> "朝鲜 련합 机械  贸易  会社 ", read as korea ryonhap machinery trading company).
// A name also written in Latin letters with its characters in parentheses is read from its characters only.
// Empty when no character has a Korean reading (KS X 1001 and KPS 9566 characters, and their simplified forms).
std::string korean_reading(std::string_view name);

// Another Mandarin reading of a name in Chinese characters: each character that has another everyday reading
// read that way, outside the company words (長安 Chang'an, not Zhang'an; 厦门 Xiamen, not Shamen). `name` is
// the name so written (each such character replaced by one read only that way), `changed` says what was read
// otherwise ("長 chang, 厦 xia"); both are empty when no character has another reading.
struct HanReading {
    std::string name, changed;
};
HanReading other_han_reading(std::string_view name);
// A name in Chinese characters without the place a registered company name starts with, up to its 市 (city) or
// 省 (province): "深圳市华为科技有限公司" -> "华为科技有限公司", `changed` "深圳市". The lists often leave the place
// out ("Huawei Technologies Co., Ltd."). Both empty when the name starts with no such place.
HanReading han_without_place(std::string_view name);

struct Word {
    std::string text;       // lower-case ASCII letters and digits (other scripts kept as UTF-8)
    Script script = Script::latin;
};

// Step 2. Folds and transliterates, splitting on anything that is not a letter, digit or apostrophe.
// "Kim Jong-un" -> kim|jong|un; "Ротенберг" -> rotenberg; "محمد" -> mhmd (arabic); "ＡＢＣ" -> abc.
std::vector<Word> split_words(std::string_view utf8);
std::vector<Word> split_words(std::u32string_view text);
// The words joined by single spaces: handy for display and tests.
std::string fold_to_ascii(std::string_view utf8);

// Step 3. "LAST, First Middle" -> "First Middle LAST" when there is exactly one comma and the part after
// it is not only a legal form ("Gazprom Transgaz, OOO" stays). Organisation names are left alone.
std::string person_name_order(std::string_view name, EntityType type);

enum class TokenKind : std::uint8_t {
    word,        // carries the identity of the name
    number,      // digits or a roman numeral ("II"): must agree when both sides have one
    initial,     // a single letter: compatible with any word starting with it
    legal_form,  // Ltd, LLC, OOO, JSC, GmbH, S.A., ...: weak evidence, never the match itself
    generic,     // generic company words (trading, international, technology, group): low weight
    stop,        // the, of, and, Mr, Dr, President, ...: ignored
};
std::string_view to_string(TokenKind k) noexcept;

struct Token {
    std::string text;     // canonical spelling compared by matching ("muhammad", "ltd", "2")
    std::string source;   // the folded words it came from ("mohamed", "co ltd"), for explanations
    TokenKind kind = TokenKind::word;
    bool abjad = false;   // transliterated from Arabic or Hebrew script
    bool surname = false; // written before the comma of "LAST, First" (a surname, never a middle name)
    bool hangul = false;  // written in Hangul: a Korean name, which has no middle names
    bool han = false;     // read in pinyin from Chinese characters (another character is another name)
};

// Step 4. Rewrites known multi-word sequences of folded words into tokens: legal forms (kind legal_form,
// canonical class "ltd", "jsc", ...), stop phrases (dropped), multi-word variants ("abd al" -> "abdul").
std::vector<Token> apply_phrases(const std::vector<Word>& words);

// Step 5. One canonical spelling for a single word, or the word itself ("mohammed" -> "muhammad",
// "sergei" -> "sergey", "tech" -> "technology"; "abdelrahman" -> "abdulrahman"; "ivanovitch" -> "ivanovich").
std::string canonical_variant(std::string_view word);

// Every known spelling of a canonical word ("muhammad": mohammed, mohamed, ...), or nullptr when it has none.
// Matching measures typos against these too ("Mohbmad" is one letter from "Mohamad").
const std::vector<std::string>* known_spellings(std::string_view canonical);

// Given names that are the same name as this one, nickname or full (canonical spellings: "nick" ->
// nicholas, "robert" -> bob, rob, ...), or nullptr. From data/names/nicknames_2026-06 (nicknames_table.inc).
const std::vector<std::string>* given_name_variants(std::string_view canonical);

// Step 6. The kind of a canonical word that is not a legal form.
TokenKind classify(std::string_view word);

struct NormalizedName {
    std::vector<Token> tokens;       // in name order (after person_name_order), stop words removed
    std::vector<Reason> notes;       // disguises undone: spaced, greek ("Η" read as "H"), ...
};

// The whole pipeline.
NormalizedName normalize_name(std::string_view name, EntityType type = EntityType::unknown);

// Keys for comparing spellings (used by matching).
// sound_form: spelling-variant-insensitive form that keeps vowels: digraphs merged (sch/sh, kh/h, ph/f,
// dj/j, zh/j), w->v, q->k, x->ks, c->k/s, y->i, doubled letters single. "Mohammed" and "Mukhamed" stay apart;
// "Youssef" -> "iusef", "Yusuf" -> "iusuf".
std::string sound_form(std::string_view token);
// skeleton: the sound form without vowels, for words from scripts that do not write them ("mhmd").
std::string skeleton(std::string_view token);
// The same from a sound form already computed (skeleton(t) == skeleton_of_sound(sound_form(t))).
std::string skeleton_of_sound(std::string_view sound);

// True when a and b differ by at most one inserted, deleted, replaced or transposed letter (an optimal string
// alignment distance of 1 or less), in one pass.
bool within_one_edit(std::string_view a, std::string_view b);

}  // namespace exportcheck::text
