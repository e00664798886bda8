// Internals of matching: prepared tokens, token similarity and the name scorer. Shared by compare_names()
// and the Matcher so a pair scores the same through either.
#pragma once

#include <exportcheck/match.hpp>
#include <exportcheck/fnv.hpp>
#include <exportcheck/text.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace exportcheck::match {

inline constexpr std::uint32_t kNoVocab = 0xFFFFFFFFu;

using WordMapU32 = std::unordered_map<std::string, std::uint32_t, text::WordHash, std::equal_to<>>;

// A token ready for comparison: its spellings and its weight (how much it says about identity).
struct Tok {
    std::string text;    // canonical spelling
    std::string source;  // as folded from the input, before variants
    std::string sound;   // text::sound_form(text)
    std::string skel;    // text::skeleton(text)
    text::TokenKind kind = text::TokenKind::word;
    bool abjad = false;
    bool hangul = false;  // a Korean word: Korean names have no middle names
    bool han = false;     // read from Chinese characters
    float weight = 0;
    bool known = false;  // a word names use (WordRarity::knows): listed tokens always are
    std::uint32_t vocab = kNoVocab;  // id in the Matcher's vocabulary, when known
    const std::vector<std::string>* spellings = nullptr;  // known variant spellings of `text`
    const std::vector<std::string>* nicknames = nullptr;  // the same given name, nickname or full
};

// A name's tokens in order. They point into `owned` (a query, a compared name) or into the Matcher's
// vocabulary (a listed name), so listed names are scored without copying strings.
struct Prepared {
    std::vector<Tok> owned;
    std::vector<const Tok*> toks;
    bool orgish = false;         // has a legal form or generic company word
    std::uint64_t surnames = 0;  // bit i: token i was written as a surname ("LAST, First")
    std::vector<Reason> notes;  // disguises the text pipeline undid (spaced, greek, ...)

    Prepared() = default;
    Prepared(Prepared&&) = default;  // moving keeps the pointers into `owned` valid
    Prepared& operator=(Prepared&&) = default;
    Prepared(const Prepared&) = delete;
    Prepared& operator=(const Prepared&) = delete;
};

// How rare a word is: the inverse document frequency of its canonical spelling. Unknown words are rare.
class WordRarity {
public:
    virtual ~WordRarity() = default;
    virtual double idf(std::string_view canonical) const = 0;
    // Whether some name uses the word: a word of its own, not a misspelling of another.
    virtual bool knows(std::string_view canonical) const = 0;
};
// The rarity of a word no list uses (the idf of a word seen once in about 45,000 names).
inline constexpr double kBuiltinUnknownIdf = 11.0;
// Built-in rarity for compare_names(): a table of common name words (common_words_table.inc).
const WordRarity& builtin_rarity();

// The weight a token carries given its kind and rarity.
float token_weight(text::TokenKind kind, double idf);
Tok make_tok(const text::Token& t, double idf);
Prepared prepare(std::string_view name, EntityType type, const WordRarity& rarity);

enum class Why : std::uint8_t {
    none, same, variant, edits, sound, skeleton, initial, joined, legal_form, number, nickname
};

struct Sim {
    float value = 0;
    Why why = Why::none;
    std::uint8_t edits = 0;
};

// Similarity of two tokens in 0..1 (0 when they cannot be the same word).
Sim token_similarity(const Tok& a, const Tok& b);
// Optimal-string-alignment distance (Damerau-Levenshtein without repeated edits), or max_d + 1 when over.
int osa_distance(std::string_view a, std::string_view b, int max_d);
// The same in half edits (a vowel for a vowel and a swap of neighbours cost half); above max_half when over.
int weighted_distance(std::string_view a, std::string_view b, int max_half);

// The smallest similarity at which two tokens are aligned at all.
// A name in Chinese characters read in Korean (text::korean_reading) is another reading, not the name as
// written: its hits count at this share of their score (an exact Korean reading is 0.93, a strong match).
inline constexpr double kKoreanReadingFactor = 0.93;
// A name in Chinese characters with its characters of two readings read the other way (text::other_han_reading),
// or without the place it starts with (text::han_without_place): as good a reading as the first, only a guess.
inline constexpr double kOtherHanReadingFactor = 0.97;
// The other readings of a name in Chinese characters, each matched as the name itself is, its hits counted at
// `factor` of their score and carrying `note`: in Korean, with characters of two readings read otherwise, and
// without the place a registered company name starts with (深圳市…).
struct NameReading {
    std::string name;
    double factor = 1.0;
    Reason note;
};
std::vector<NameReading> other_readings(std::string_view name);
// Whether UTF-8 text may hold a Chinese character (U+4E00..U+9FFF begin with a byte E4..E9): a quick test
// before reading a name in Korean.
inline bool may_have_han(std::string_view s) {
    for (const char c : s)
        if (const auto b = static_cast<unsigned char>(c); b >= 0xE4 && b <= 0xE9) return true;
    return false;
}
inline constexpr float kPairFloor = 0.62f;
// A nickname against its given name ("Bob" / "Robert"): counted in full at this similarity, like a variant.
inline constexpr float kNicknameSimilarity = 0.9f;
// The length (in letters) a word needs before a different spelling of it may count as a near match.
inline constexpr std::size_t kMinFuzzyLength = 4;
// The share of the query's weight a listed name must possibly meet to be scored at all.
inline constexpr float kRetrievalCoverage = 0.65f;

// person: a person's name (middle names may be dropped, initials stand for names, order may change);
// organization: a company's; label: a vessel's or an aircraft's name, a fixed label whose every word counts
// and whose single letters are letters, not initials of words.
enum class Mode : std::uint8_t { person, organization, label };
Mode mode_for(EntityType type, const Prepared& a, const Prepared& b);

// Scores query q against name n given the similarity of every token pair (sims[i * n.toks.size() + j]; the
// Matcher looks them up in its per-query cache). With `explain`, fills the explanation too.
NameScore score_names(const Prepared& q, const Prepared& n, Mode mode, const Sim* sims, bool explain);
// The same, computing the similarities.
NameScore score_names(const Prepared& q, const Prepared& n, Mode mode, bool explain);

// "Huawei Technologies (UK) Co., Ltd." -> "Huawei Technologies  Co., Ltd."
std::string without_parentheses(std::string_view s);
// Two names, each also without its parenthesised parts; the best score.
NameScore compare_prepared(std::string_view a, std::string_view b, EntityType type, const WordRarity& rarity);

}  // namespace exportcheck::match
