// Token similarity: how alike two spellings are, and why. Edit distance relative to length for typos;
// the sound form for transliteration variants (kh/h, sch/sh, ou/u, w/v); the consonant skeleton when a word
// came from a script that does not write short vowels; initials against full words.
#include "scorer.hpp"

#include <algorithm>
#include <array>
#include <bit>

namespace exportcheck::match {

namespace {

constexpr int kMaxBanded = 64;  // longer words are compared whole: equal or over the limit

// Optimal string alignment distance (insertions, deletions, substitutions, swaps of neighbours) in the units
// of `c`: c.indel per insertion or deletion, c.swap per swap, c.sub(i, j) to write a[i] as b[j] (0 when
// alike). Returns a value above `limit` when over it. Cells further than limit / indel from the diagonal
// cannot lead to a distance within the limit: only the band around it is computed.
template <class Costs>
int banded_distance(std::string_view a, std::string_view b, int limit, const Costs& c) {
    const int la = static_cast<int>(a.size()), lb = static_cast<int>(b.size());
    if (c.indel * std::abs(la - lb) > limit) return limit + 1;
    if (la == 0 || lb == 0) return c.indel * std::max(la, lb);
    if (la >= kMaxBanded || lb >= kMaxBanded) return a == b ? 0 : limit + 1;
    // Three rolling rows (the swap needs the row before the previous one), rotated by pointer.
    int rows[3][kMaxBanded + 1];
    int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    const int band = limit / c.indel, big = limit + 1;
    int prev_min = 0;  // a swap leaps from the row before: both rows must be over to stop
    for (int j = 0; j <= lb; ++j) prev[j] = c.indel * j;
    for (int i = 1; i <= la; ++i) {
        const int lo = std::max(1, i - band), hi = std::min(lb, i + band);
        cur[0] = c.indel * i;
        if (lo > 1) cur[lo - 1] = big;
        int row_min = lo == 1 ? cur[0] : big;
        for (int j = lo; j <= hi; ++j) {
            // prev[j] past the previous band holds `big` (set below), so it never wins.
            int v = std::min(prev[j - 1] + c.sub(i - 1, j - 1), std::min(cur[j - 1], prev[j]) + c.indel);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[j - 2] + c.swap);
            cur[j] = v;
            row_min = std::min(row_min, v);
        }
        if (hi < lb) cur[hi + 1] = big;
        if (row_min > limit && prev_min + c.swap > limit) return limit + 1;
        prev_min = row_min;
        int* t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return std::min(prev[lb], big);
}

// The vowels a, e, i, o, u, y as bits of (letter & 31).
constexpr std::uint32_t kVowels = 1u << 1 | 1u << 5 | 1u << 9 | 1u << 15 | 1u << 21 | 1u << 25;
constexpr bool is_vowel(char c) { return c >= 'a' && c <= 'z' && (kVowels >> (c & 31) & 1); }

// weighted_distance's costs, in half edits. (A constructor, so the vowel flags are not zeroed first.)
struct VowelCosts {
    std::string_view a, b;
    bool a_vowel[kMaxBanded], b_vowel[kMaxBanded];
    int indel = 2, swap = 1;
    VowelCosts(std::string_view a_, std::string_view b_) : a(a_), b(b_) {
        if (a.size() >= kMaxBanded || b.size() >= kMaxBanded) return;  // not aligned letter by letter
        for (std::size_t i = 0; i < a.size(); ++i) a_vowel[i] = is_vowel(a[i]);
        for (std::size_t j = 0; j < b.size(); ++j) b_vowel[j] = is_vowel(b[j]);
    }
    int sub(int i, int j) const { return a[i] == b[j] ? 0 : a_vowel[i] && b_vowel[j] ? 1 : 2; }
};

}  // namespace

int osa_distance(std::string_view a, std::string_view b, int max_d) {
    struct {
        std::string_view a, b;
        int indel = 1, swap = 1;
        int sub(int i, int j) const { return a[i] == b[j] ? 0 : 1; }
    } costs{a, b};
    return banded_distance(a, b, max_d, costs);
}

// Edit distance in half edits: a vowel written for another vowel ("Putin"/"Putan", "Mohammed"/"Mohammad")
// and two neighbouring letters swapped cost half an edit, the most common differences between
// transliterations and the most common slips of typists; every other edit costs one. Returns a value above
// max_half when over.
int weighted_distance(std::string_view a, std::string_view b, int max_half) {
    // A lower bound from the letters alone: each edit changes the count of a consonant by at most one per
    // half edit, and of a vowel by at most two (a vowel for a vowel); a swap changes no count.
    int count[32] = {};
    for (const char c : a) ++count[c & 31];
    for (const char c : b) --count[c & 31];
    int consonants = 0, vowels = 0;
    for (int c = 0; c < 32; ++c) (kVowels >> c & 1 ? vowels : consonants) += std::abs(count[c]);
    if (2 * consonants + vowels > 2 * max_half) return max_half + 1;
    return banded_distance(a, b, max_half, VowelCosts(a, b));
}

namespace {

// The letters a word uses, as bits: words whose letter sets differ by more than two letters per allowed
// edit cannot be that close (an edit changes at most two letters of the set).
std::uint32_t letter_set(std::string_view s) {
    std::uint32_t m = 0;
    for (unsigned char c : s) m |= 1u << (c >= 'a' && c <= 'z' ? c - 'a' : 26 + (c & 3));
    return m;
}

// 1 - distance / longer length, or 0 below the floor or below `at_least` (a caller that keeps only a value
// above what it has gives it: the distance is then computed only as far as it could matter).
float relative_similarity(std::string_view a, std::string_view b, int* edits, float at_least = kPairFloor) {
    const int longer = static_cast<int>(std::max(a.size(), b.size()));
    if (longer == 0 || at_least > 1.0f) return 0;
    const int max_d = static_cast<int>(longer * (1.0f - kPairFloor));
    if (std::abs(static_cast<int>(a.size()) - static_cast<int>(b.size())) > max_d ||
        std::popcount(letter_set(a) ^ letter_set(b)) > 2 * max_d + 2) {
        if (edits) *edits = max_d + 1;
        return 0;
    }
    const int max_half =
        static_cast<int>(2.0f * static_cast<float>(longer) * (1.0f - std::max(at_least, kPairFloor)));
    const int half = weighted_distance(a, b, max_half);
    if (edits) *edits = (half + 1) / 2;
    if (half > max_half) return 0;
    return 1.0f - static_cast<float>(half) / (2.0f * static_cast<float>(longer));
}

bool is_wordlike(text::TokenKind k) { return k == text::TokenKind::word || k == text::TokenKind::generic; }

// Arabic script writes long vowels (alif, waw, ya): a Latin spelling of the same word has a vowel of the same
// kind for each, in order ("حسين" hsin: Hussein has an i; "هومن" humn: Khamenei has no u, so they differ).
// The first letter is left out: an initial alif only carries a short vowel (Ahmed, Ibrahim, Omar).
bool long_vowels_agree(std::string_view abjad, std::string_view latin) {
    std::size_t at = 0;
    for (std::size_t i = 1; i < abjad.size(); ++i) {
        const char v = abjad[i];
        if (v != 'a' && v != 'i' && v != 'u') continue;
        const std::string_view kin = v == 'a' ? "aeo" : v == 'i' ? "iey" : "uo";
        while (at < latin.size() && kin.find(latin[at]) == std::string_view::npos) ++at;
        if (at == latin.size()) return false;
        ++at;
    }
    return true;
}

// A word against a legal form or number word that was written as one word and then misspelt.
Sim misspelt_as_word(const Tok& a, const Tok& b, Why why) {
    const Tok& word = is_wordlike(a.kind) ? a : b;
    const Tok& other = is_wordlike(a.kind) ? b : a;
    if (!is_wordlike(word.kind) || other.source.find(' ') != std::string::npos) return {};
    if (std::max(word.text.size(), other.source.size()) < 5) return {};
    int edits = 0;
    const float s = relative_similarity(word.text, other.source, &edits);
    return s >= 0.8f ? Sim{s, why, static_cast<std::uint8_t>(edits)} : Sim{};
}

}  // namespace

Sim token_similarity(const Tok& a, const Tok& b) {
    using text::TokenKind;
    if (a.text == b.text) {
        if (a.kind == TokenKind::legal_form) return {1.0f, Why::legal_form, 0};
        if (a.kind == TokenKind::number) return {1.0f, Why::number, 0};
        return {1.0f, a.source == b.source ? Why::same : Why::variant, 0};
    }
    if (a.kind == TokenKind::legal_form || b.kind == TokenKind::legal_form) {
        // Different legal forms barely disagree: Ltd against JSC is still the same company, often.
        if (a.kind == b.kind) return {0.7f, Why::legal_form, 0};
        return misspelt_as_word(a, b, Why::legal_form);  // "Limitde" for "Limited"
    }
    if (a.kind == TokenKind::number || b.kind == TokenKind::number) {
        if (a.kind == b.kind) return {};
        return misspelt_as_word(a, b, Why::edits);  // "Fiost" for "First" (read as the number 1)
    }
    if (a.kind == TokenKind::initial || b.kind == TokenKind::initial) {
        const Tok& init = a.kind == TokenKind::initial ? a : b;
        const Tok& full = a.kind == TokenKind::initial ? b : a;
        if (full.kind == TokenKind::initial || full.text.empty()) return {};
        return full.text[0] == init.text[0] ? Sim{0.8f, Why::initial, 0} : Sim{};
    }
    if (!is_wordlike(a.kind) || !is_wordlike(b.kind)) return {};
    // Two words both written in Chinese characters are the same only when their readings are: one syllable
    // apart is another character, another name (习近平 / 习近朋). Against a Latin word, a reading of two
    // syllables or more may be near (a character has several readings: 勒 le, lei), one syllable (six letters
    // at most) must be exact: 成 cheng is not Chen, 颖 ying not Yang.
    if (a.han && b.han) return {};
    if ((a.han && a.text.size() <= 6) || (b.han && b.text.size() <= 6)) return {};

    Sim best;
    int edits = 0;
    const std::size_t longer = std::max(a.text.size(), b.text.size());
    // Short words differ by one letter from too many other short words to count as near spellings
    // ("Kim"/"Kil", "Su"/"Ssu"): they must agree exactly, as a known variant, or in sound.
    if (longer >= kMinFuzzyLength) {
        if (float s = relative_similarity(a.text, b.text, &edits); s > best.value)
            best = {s, Why::edits, static_cast<std::uint8_t>(edits)};
    }
    if (a.sound == b.sound) {
        const float s = longer >= kMinFuzzyLength ? 0.95f : 0.9f;
        if (s > best.value) best = {s, Why::sound, 0};
    } else if (longer >= kMinFuzzyLength) {
        if (float s = 0.95f * relative_similarity(a.sound, b.sound, nullptr, best.value / 0.95f); s > best.value)
            best = {s, Why::sound, 0};
    }
    if ((a.abjad || b.abjad) && a.skel.size() >= 3 && b.skel.size() >= 3 &&
        (a.abjad == b.abjad || long_vowels_agree(a.abjad ? a.text : b.text, a.abjad ? b.sound : a.sound))) {
        // Vowels are unknown on one side: compare consonants only. Two or three consonants agree by chance
        // often, so only equal skeletons count, and short ones less.
        if (a.skel == b.skel) {
            const float s = a.skel.size() >= 4 ? 0.9f : 0.85f;
            if (s > best.value) best = {s, Why::skeleton, 0};
        } else if (a.skel.size() >= 5 && b.skel.size() >= 5) {
            if (float s = 0.85f * relative_similarity(a.skel, b.skel, nullptr, best.value / 0.85f); s > best.value)
                best = {s, Why::skeleton, 0};
        }
    }
    // A typo of one of the known spellings of a name ("Mohbmad": one letter from "Mohamad").
    if (best.value < 0.9f && longer >= kMinFuzzyLength + 1) {
        for (const auto* one : {&a, &b}) {
            const Tok& other = one == &a ? b : a;
            if (!one->spellings) continue;
            for (const auto& spelling : *one->spellings) {
                int d = 0;
                if (float s = 0.97f * relative_similarity(spelling, other.text, &d, best.value / 0.97f);
                    s > best.value)
                    best = {s, Why::edits, static_cast<std::uint8_t>(d)};
            }
        }
    }
    // A nickname and its given name ("Nick" / "Nicholas", "Bob" / "Robert"): the same name, not quite as sure.
    if (best.value < kNicknameSimilarity && a.nicknames && b.nicknames &&
        std::find(a.nicknames->begin(), a.nicknames->end(), b.text) != a.nicknames->end())
        best = {kNicknameSimilarity, Why::nickname, 0};
    if (best.value < kPairFloor) return {};
    return best;
}

}  // namespace exportcheck::match
