// Token similarity: how alike two spellings are, and why. Edit distance relative to length for typos;
// the sound form for transliteration variants (kh/h, sch/sh, ou/u, w/v); the consonant skeleton when a word
// came from a script that does not write short vowels; initials against full words.
#include "scorer.hpp"

#include <algorithm>
#include <array>

namespace exportcheck::match {

int osa_distance(std::string_view a, std::string_view b, int max_d) {
    const int la = static_cast<int>(a.size()), lb = static_cast<int>(b.size());
    if (std::abs(la - lb) > max_d) return max_d + 1;
    if (la == 0 || lb == 0) return std::max(la, lb);
    // Three rolling rows (the transposition needs the row before the previous one).
    constexpr int kMax = 64;
    if (la >= kMax || lb >= kMax) return a == b ? 0 : max_d + 1;
    std::array<int, kMax> prev2{}, prev{}, cur{};
    for (int j = 0; j <= lb; ++j) prev[j] = j;
    for (int i = 1; i <= la; ++i) {
        cur[0] = i;
        int row_min = cur[0];
        for (int j = 1; j <= lb; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[j - 2] + 1);
            cur[j] = v;
            row_min = std::min(row_min, v);
        }
        if (row_min > max_d) return max_d + 1;
        prev2 = prev;
        prev = cur;
    }
    return prev[lb];
}

namespace {

// 1 - distance / longer length, or 0 below the floor.
float relative_similarity(std::string_view a, std::string_view b, int* edits) {
    const int longer = static_cast<int>(std::max(a.size(), b.size()));
    if (longer == 0) return 0;
    const int max_d = static_cast<int>(longer * (1.0f - kPairFloor));
    const int d = osa_distance(a, b, max_d);
    if (edits) *edits = d;
    if (d > max_d) return 0;
    return 1.0f - static_cast<float>(d) / static_cast<float>(longer);
}

bool is_wordlike(text::TokenKind k) { return k == text::TokenKind::word || k == text::TokenKind::generic; }

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
        return a.kind == b.kind ? Sim{0.7f, Why::legal_form, 0} : Sim{};
    }
    if (a.kind == TokenKind::number || b.kind == TokenKind::number) return {};
    if (a.kind == TokenKind::initial || b.kind == TokenKind::initial) {
        const Tok& init = a.kind == TokenKind::initial ? a : b;
        const Tok& full = a.kind == TokenKind::initial ? b : a;
        if (full.kind == TokenKind::initial || full.text.empty()) return {};
        return full.text[0] == init.text[0] ? Sim{0.8f, Why::initial, 0} : Sim{};
    }
    if (!is_wordlike(a.kind) || !is_wordlike(b.kind)) return {};

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
        if (float s = 0.95f * relative_similarity(a.sound, b.sound, nullptr); s > best.value) best = {s, Why::sound, 0};
    }
    if ((a.abjad || b.abjad) && a.skel.size() >= 3 && b.skel.size() >= 3) {
        // Vowels are unknown on one side: compare consonants only. Two or three consonants agree by chance
        // often, so only equal skeletons count, and short ones less.
        if (a.skel == b.skel) {
            const float s = a.skel.size() >= 4 ? 0.9f : 0.85f;
            if (s > best.value) best = {s, Why::skeleton, 0};
        } else if (a.skel.size() >= 5 && b.skel.size() >= 5) {
            if (float s = 0.85f * relative_similarity(a.skel, b.skel, nullptr); s > best.value)
                best = {s, Why::skeleton, 0};
        }
    }
    if (best.value < kPairFloor) return {};
    return best;
}

}  // namespace exportcheck::match
