// The name scorer: aligns the tokens of two names one to one (or one to two or three when a word is written
// together in one name and apart in the other), then scores the share of each name's weight that is met.
#include "scorer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace exportcheck {
double round_score(double score) noexcept { return std::round(score * 10000.0) / 10000.0; }
}  // namespace exportcheck

namespace exportcheck::match {
namespace {

using text::TokenKind;

// Tuning constants (calibrated with bench/eval_names.cpp; see docs/matching.md).
constexpr float kJoinedFloor = 0.8f;      // similarity a joined/split spelling needs
constexpr float kMiddleFactor = 0.45f;    // weight an unmatched middle name keeps in the denominator
constexpr float kPatronymicFactor = 0.3f; // weight an unmatched patronymic keeps
constexpr float kInitialFactor = 0.5f;    // weight an unmatched initial keeps
constexpr float kMinInformative = 4.0f;   // matched informative weight below which scores shrink
// How much each kind of doubt weighs against the evidence met (see score_names):
constexpr float kConflictWeight = 3.0f;   // words each name has and the other lacks, in the same name
constexpr float kDistinctNames = 0.85f;   // a near spelling between two known names (person names)
constexpr float kMissingWeight = 0.3f;    // words only one name has (scaled by their missing factor)
// A syllable of a Chinese or Korean given name (read from Han or Hangul) that the other name lacks is another
// given name, not a dropped middle name: it counts in full (1 / kMissingWeight).
constexpr float kSyllableFactor = 1.0f / kMissingWeight;
constexpr float kLostWeight = 0.6f;       // what imperfect spellings lose
constexpr float kOrderWeight = 0.08f;     // per inversion of the word order (person names)
constexpr float kGenericOnlyCap = 0.5f;   // names that agree only on generic words never match
constexpr float kCloseSpelling = 0.9f;    // a pair at least this similar is one word spelt two ways

constexpr std::uint8_t kNone = 0xFF;

struct Option {
    std::uint8_t q0, q1, n0, n1;  // token ranges, inclusive
    Sim sim;
    float value;
    std::uint8_t q_extra = kNone, n_extra = kNone;  // a second, non-adjacent token (a word split in two)
};

template <class F>
void each_q(const Option& o, F&& f) {
    for (int i = o.q0; i <= o.q1; ++i) f(i);
    if (o.q_extra != kNone) f(o.q_extra);
}
template <class F>
void each_n(const Option& o, F&& f) {
    for (int j = o.n0; j <= o.n1; ++j) f(j);
    if (o.n_extra != kNone) f(o.n_extra);
}

bool is_patronymic(std::string_view t) {
    for (std::string_view end : {"ovich", "evich", "ovna", "evna", "ogly", "oglu", "kyzy", "qizi", "ichna", "avich"})
        if (t.size() > end.size() + 2 && t.ends_with(end)) return true;
    return false;
}

// Whether a name was read from Chinese characters or Hangul: a Chinese or Korean name, which has no middle names.
bool read_from_syllables(const Prepared& p) {
    return std::any_of(p.toks.begin(), p.toks.end(), [](const Tok* t) { return t->han || t->hangul; });
}

// A word of its own, not a misspelling of another: a word names use, or (in a Chinese or Korean person's
// name) a syllable read from its script, which has no misspellings.
bool own_word(const Tok& t, bool syllables) { return t.known || (syllables && (t.han || t.hangul)); }

// Two words of which one was read from Chinese characters, the other a listed word, differing letter by letter
// (beijing, beihang): other characters, another name, whatever their closeness in Latin letters. (Two
// romanisations of the same characters sound alike instead: chengdou, chengdu.)
bool other_characters(const Tok& a, const Tok& b, Why why) {
    return why == Why::edits && (a.han != b.han) && a.kind == TokenKind::word && b.kind == TokenKind::word;
}

// The share of its weight an unmatched token still demands to be met. `syllables`: one of the two names is a
// Chinese or Korean name read from its script, so no word of either is a dropped middle name.
float missing_factor(const Prepared& p, std::size_t i, Mode mode, bool syllables) {
    const Tok& t = *p.toks[i];
    if (t.kind == TokenKind::initial) return kInitialFactor;
    if (mode != Mode::person) return 1.0f;
    if (syllables && t.kind == TokenKind::word) return kSyllableFactor;
    if (is_patronymic(t.text)) return kPatronymicFactor;
    if (i < 64 && (p.surnames >> i & 1)) return 1.0f;  // a listed surname is never a middle name
    if (t.hangul) return 1.0f;                          // nor is any part of a Korean name
    if (i > 0 && i + 1 < p.toks.size()) return kMiddleFactor;
    return 1.0f;
}

bool joinable(TokenKind k) { return k == TokenKind::word || k == TokenKind::generic; }

// The spelling a token contributes to a word written together: legal forms as written ("SiemensAG"; the first
// word of a longer form: "TechnologyCo. Ltd.").
std::string_view join_text(const Tok& t) {
    if (t.kind != TokenKind::legal_form) return t.text;
    const std::string_view s = t.source;
    return s.substr(0, s.find(' '));
}

// A word of one name against two to four consecutive words of the other, concatenated. Words that already
// meet a word exactly are left alone, and lengths and first letters are checked before any string is built.
// The vowels Korean romanisations write differently folded into one (ŏ, ŭ, u: "o", "eo", "eu", "u"): 성 is "song",
// "sung" or "seong".
std::string korean_key(std::string_view word) {
    const std::string sound = text::sound_form(word);
    std::string out;
    for (std::size_t i = 0; i < sound.size(); ++i) {
        const char c = sound[i];
        if (c == 'e' && i + 1 < sound.size() && (sound[i + 1] == 'o' || sound[i + 1] == 'u')) continue;
        out.push_back(c == 'u' ? 'o' : c);
    }
    return out;
}

// Whether a word and the words j..k of another name written together are one reading in two romanisations:
// the same sound, or for Korean the same once those vowels are folded and a part may take a known spelling of
// its own (박 "pak" or "Park"). Pinyin has one spelling of each syllable.
bool romanised_alike(const Tok& t, const Prepared& many, std::size_t j, std::size_t k, const std::string& joined) {
    if (text::sound_form(joined) == t.sound) return true;
    bool korean = t.hangul;
    for (std::size_t p = j; p <= k; ++p) korean = korean || many.toks[p]->hangul;
    if (!korean) return false;
    const std::string key = korean_key(t.text);
    if (korean_key(joined) == key) return true;
    for (std::size_t p = j; p <= k; ++p) {
        if (!many.toks[p]->spellings) continue;
        for (const auto& other : *many.toks[p]->spellings) {
            std::string alt;
            for (std::size_t r = j; r <= k; ++r) alt += r == p ? std::string_view(other) : join_text(*many.toks[r]);
            if (korean_key(alt) == key) return true;
        }
    }
    return false;
}

// `syllables`: as in missing_factor; a reading of Chinese characters or Hangul that is a letter or two off
// the listed words is another syllable, not a misspelling ("sangchol" is no "Song Chol"), unless the two are
// romanised alike.
void add_joined(const Prepared& one, const Prepared& many, bool one_is_query, const std::vector<char>& one_exact,
                const std::vector<char>& many_exact, bool syllables, std::vector<Option>& out) {
    // A part's spelling as written: its source, legal forms as join_text gives them.
    auto written_text = [](const Tok& t) {
        return t.kind == TokenKind::legal_form ? join_text(t) : std::string_view(t.source);
    };
    for (std::size_t i = 0; i < one.toks.size(); ++i) {
        const Tok& t = *one.toks[i];
        if (one_exact[i] || !joinable(t.kind) || t.text.size() < 2) continue;
        const std::size_t target = t.text.size();
        for (std::size_t j = 0; j + 1 < many.toks.size(); ++j) {
            const auto first = join_text(*many.toks[j]), first_written = written_text(*many.toks[j]);
            if ((first.empty() || first[0] != t.text[0]) && (first_written.empty() || first_written[0] != t.source[0]))
                continue;
            std::size_t length = 0, length_written = 0;
            bool all_initials = true, all_exact = true;
            for (std::size_t k = j; k < many.toks.size() && k < j + 4; ++k) {
                const Tok& part = *many.toks[k];
                if (!joinable(part.kind) && part.kind != TokenKind::initial && part.kind != TokenKind::legal_form) break;
                all_initials &= part.kind == TokenKind::initial;
                all_exact &= many_exact[k] != 0;
                length += join_text(part).size();
                length_written += written_text(part).size();
                if (k == j) continue;
                const std::size_t shortest = std::min(length, length_written);
                const std::size_t longest = std::max(length, length_written);
                if (shortest > target + 2) break;
                // Letters written apart ("A.B.C.") may join into a short word; other joins need 4 letters.
                if (longest + 2 < target || (target < 4 && !all_initials) || all_exact) continue;
                std::string joined, written;  // canonical spellings, and as written ("info tech" / "infotech")
                float weight = 0;
                for (std::size_t p = j; p <= k; ++p) {
                    joined += join_text(*many.toks[p]);
                    written += written_text(*many.toks[p]);
                    weight += many.toks[p]->weight;
                }
                int d = osa_distance(joined, t.text, 2);
                if (d > 0 && written != joined) d = std::min(d, osa_distance(written, t.source, 2));
                if (d > 2) continue;
                float s = 1.0f - static_cast<float>(d) / static_cast<float>(std::max(length, target));
                if (d > 0 && syllables && !romanised_alike(t, many, j, k, joined)) s *= kDistinctNames;
                if (s < kJoinedFloor) continue;
                Option o{};
                const auto a = static_cast<std::uint8_t>(i), b0 = static_cast<std::uint8_t>(j),
                           b1 = static_cast<std::uint8_t>(k);
                if (one_is_query) {
                    o.q0 = o.q1 = a, o.n0 = b0, o.n1 = b1;
                } else {
                    o.n0 = o.n1 = a, o.q0 = b0, o.q1 = b1;
                }
                o.sim = {s, Why::joined, static_cast<std::uint8_t>(d)};
                o.value = s * (t.weight + weight);
                out.push_back(o);
            }
        }
    }
}

// Whether a piece of a word is a token's spelling: its text, its written form (legal forms), one of its known
// variant spellings; or (one letter off) for pieces of five letters or more.
float piece_similarity(std::string_view piece, const Tok& t) {
    if (piece == t.text || piece == join_text(t)) return 1.0f;
    if (t.spellings)
        for (const auto& s : *t.spellings)
            if (piece == s) return 1.0f;
    if (piece.size() >= 5 && t.text.size() >= 5 && t.text.size() + 1 >= piece.size() &&
        piece.size() + 1 >= t.text.size() && text::within_one_edit(piece, t.text))
        return 0.9f;
    return 0.0f;
}

// A word of one name that is two words of the other written together in another order or apart from each
// other ("SHABANAdib" for "Adib SHABAN"). Adjacent words in order are add_joined's.
void add_split(const Prepared& one, const Prepared& many, bool one_is_query, const std::vector<char>& one_exact,
               std::vector<Option>& out) {
    const std::size_t k = many.toks.size();
    if (k < 2) return;
    for (std::size_t i = 0; i < one.toks.size(); ++i) {
        const Tok& t = *one.toks[i];
        if (one_exact[i] || t.kind != TokenKind::word || t.text.size() < 6) continue;
        for (std::size_t p = 2; p + 2 <= t.text.size(); ++p) {
            const std::string_view left = std::string_view(t.text).substr(0, p), right = std::string_view(t.text).substr(p);
            for (std::size_t a = 0; a < k; ++a) {
                const Tok& ta = *many.toks[a];
                if (ta.kind == TokenKind::number || ta.kind == TokenKind::initial) continue;
                const float sa = piece_similarity(left, ta);
                if (sa <= 0) continue;
                for (std::size_t b = 0; b < k; ++b) {
                    if (b == a || b == a + 1) continue;  // the same word, or in order and adjacent: add_joined
                    const Tok& tb = *many.toks[b];
                    if (tb.kind == TokenKind::number || tb.kind == TokenKind::initial) continue;
                    const float sb = piece_similarity(right, tb);
                    if (sb <= 0) continue;
                    const float s = std::min(sa, sb) * 0.97f;
                    Option o{};
                    const auto x = static_cast<std::uint8_t>(i);
                    if (one_is_query) {
                        o.q0 = o.q1 = x, o.n0 = o.n1 = static_cast<std::uint8_t>(a), o.n_extra = static_cast<std::uint8_t>(b);
                    } else {
                        o.n0 = o.n1 = x, o.q0 = o.q1 = static_cast<std::uint8_t>(a), o.q_extra = static_cast<std::uint8_t>(b);
                    }
                    o.sim = {s, Why::joined, 0};
                    o.value = s * (t.weight + ta.weight + tb.weight);
                    out.push_back(o);
                }
            }
        }
    }
}

std::string range_text(const Prepared& p, std::size_t a, std::size_t b) {
    std::string s;
    for (std::size_t k = a; k <= b; ++k) {
        if (k > a) s.push_back(' ');
        s += p.toks[k]->source;
    }
    return s;
}

Reason why_of(const Option& o, const Prepared& q, const Prepared& n) {
    const Tok& a = *q.toks[o.q0];
    const Tok& b = *n.toks[o.n0];
    switch (o.sim.why) {
        case Why::same: return {ReasonCode::same};
        case Why::variant: return {ReasonCode::variant, a.text};
        case Why::edits: return {ReasonCode::edits, {}, {}, o.sim.edits};
        case Why::sound: return {ReasonCode::sound};
        case Why::skeleton: return {ReasonCode::skeleton};
        case Why::initial: return {ReasonCode::initial};
        case Why::joined: return {o.q0 == o.q1 && o.q_extra == kNone ? ReasonCode::apart : ReasonCode::together};
        case Why::legal_form: return a.text == b.text ? Reason{ReasonCode::legal_form, a.text} : Reason{ReasonCode::forms_differ};
        case Why::number: return {ReasonCode::number};
        case Why::nickname: return {ReasonCode::nickname, a.text, b.text};
        case Why::none: break;
    }
    return {};
}

// How far the matched words are out of order: the fewest pairwise inversions over every rotation of the
// listed order (a rotation is a name written surname first: "Kim Jong Un" / "Jong Un Kim" is in order).
int order_inversions(std::vector<std::pair<int, int>> pairs) {
    if (pairs.size() < 2) return 0;
    std::sort(pairs.begin(), pairs.end());
    const int k = static_cast<int>(pairs.size());
    std::vector<int> pos(k);
    for (int i = 0; i < k; ++i) pos[i] = pairs[i].second;
    std::vector<int> rank(pos);
    std::sort(rank.begin(), rank.end());
    for (auto& p : pos) p = static_cast<int>(std::lower_bound(rank.begin(), rank.end(), p) - rank.begin());
    int best = k * k;
    for (int r = 0; r < k; ++r) {
        int inv = 0;
        for (int a = 0; a < k; ++a)
            for (int b = a + 1; b < k; ++b)
                inv += (pos[a] + k - r) % k > (pos[b] + k - r) % k;
        best = std::min(best, inv);
    }
    return best;
}

// A name of one word (legal forms and stop words aside).
bool single_word(const Prepared& p) {
    int words = 0;
    for (const Tok* t : p.toks) words += t->kind != TokenKind::legal_form && t->kind != TokenKind::stop;
    return words == 1;
}

// What one scoring works in, reused between calls (scoring runs for every candidate of every query).
struct Scratch {
    std::vector<Option> options;       // every way a token (or two or three) of q can meet one of n, best first
    std::vector<const Option*> chosen; // the options taken, each token at most once
    std::vector<float> q_sim, n_sim;   // each token's credit from its chosen option
    std::vector<float> q_w, n_w;       // each token's weight, capped by the lighter side of its pair
    std::vector<char> q_used, n_used, q_exact, n_exact;
};

// Every pair of tokens similar enough to count, then the words written together in one name and apart in
// the other; sorted best first.
void collect_options(const Prepared& q, const Prepared& n, Mode mode, const Sim* sims, bool syllables, Scratch& s) {
    const std::size_t m = q.toks.size(), k = n.toks.size();
    s.options.clear();
    s.q_exact.assign(m, 0);
    s.n_exact.assign(k, 0);
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            Sim sim = sims[i * k + j];
            // Two people's given names or surnames that are each a name of their own ("Manuel" / "Miguel",
            // "Mary" / "Mark") are two names, not one misspelt: a near spelling counts for less.
            // So are two words of company names ("Travel" / "Trade", "Future" / "Factory").
            // A reading of Chinese characters or Hangul has no misspellings either: its syllables are words.
            if (sim.value < 1.0f && own_word(*q.toks[i], syllables) && own_word(*n.toks[j], syllables) &&
                (sim.why == Why::edits || sim.why == Why::sound || sim.why == Why::skeleton))
                sim.value *= other_characters(*q.toks[i], *n.toks[j], sim.why) ? 0.0f : kDistinctNames;
            if (sim.value < kPairFloor) continue;
            if (mode == Mode::label && sim.why == Why::initial) continue;  // "EMILY S" is no "Emily Snyder"
            if (sim.value >= 1.0f) s.q_exact[i] = s.n_exact[j] = 1;
            s.options.push_back({static_cast<std::uint8_t>(i), static_cast<std::uint8_t>(i), static_cast<std::uint8_t>(j),
                                 static_cast<std::uint8_t>(j), sim, sim.value * (q.toks[i]->weight + n.toks[j]->weight)});
        }
    if (m > 1 || k > 1) {
        add_joined(q, n, true, s.q_exact, s.n_exact, syllables, s.options);
        add_joined(n, q, false, s.n_exact, s.q_exact, syllables, s.options);
        add_split(q, n, true, s.q_exact, s.options);
        add_split(n, q, false, s.n_exact, s.options);
    }
    std::sort(s.options.begin(), s.options.end(), [](const Option& a, const Option& b) {
        if (a.value != b.value) return a.value > b.value;
        if (a.q0 != b.q0) return a.q0 < b.q0;
        return a.n0 < b.n0;
    });
}

// Takes the options best first, each token at most once, and credits their tokens.
void choose_options(std::size_t m, std::size_t k, Scratch& s) {
    s.q_sim.assign(m, 0.0f);
    s.n_sim.assign(k, 0.0f);
    s.q_used.assign(m, 0);
    s.n_used.assign(k, 0);
    s.chosen.clear();
    for (const auto& o : s.options) {
        bool free = true;
        each_q(o, [&](int i) { free = free && !s.q_used[i]; });
        each_n(o, [&](int j) { free = free && !s.n_used[j]; });
        if (!free) continue;
        // Exact spellings and known variants count in full; approximate ones count less than their
        // similarity says, so two or three wrong letters in a short word are little evidence.
        const float credit = o.sim.value >= 1.0f || o.sim.why == Why::variant || o.sim.why == Why::nickname
                                 ? o.sim.value
                                 : o.sim.value * o.sim.value;
        each_q(o, [&](int i) { s.q_used[i] = 1, s.q_sim[i] = credit; });
        each_n(o, [&](int j) { s.n_used[j] = 1, s.n_sim[j] = credit; });
        s.chosen.push_back(&o);
    }
}

// The weight met on both sides (met), the weight lost to imperfect spellings (lost), the weight unmatched on
// both sides, which contradicts (conflict: "Ali Hussein Al-Rawi" against "Ali Hussein Al-Tikriti"), and the
// weight only one side has, which is merely missing (extra: a dropped middle name or surname).
struct Evidence {
    float met = 0, lost = 0, conflict = 0, extra = 0;
    float unmatched_q = 0, unmatched_n = 0;
    float informative = 0;  // matched weight of words and numbers (not generic words or legal forms)
    bool any_word = false;  // a word (not only generic words and legal forms) was matched
};

// Caps each pair's weight at its lighter side: a misspelt generic word ("Techologies", unknown to the lists
// and so rare-looking) is worth what "technologies" is worth. When a word meets an initial or a legal form,
// the weight the heavier side loses stays as information only that side has (returned as [unmatched,
// missing-factored] per side): "Evensen" meeting the initial "E", or the surname "Sá" read as "S.A.", is not
// the agreement of two rare words.
std::array<float, 4> cap_pairs(const Prepared& q, const Prepared& n, Mode mode, bool syllables, Scratch& s) {
    std::array<float, 4> excess{};  // unmatched q, unmatched n, factored q, factored n
    for (std::size_t i = 0; i < q.toks.size(); ++i) s.q_w[i] = q.toks[i]->weight;
    for (std::size_t j = 0; j < n.toks.size(); ++j) s.n_w[j] = n.toks[j]->weight;
    for (const Option* o : s.chosen) {
        float wq = 0, wn = 0;
        each_q(*o, [&](int i) { wq += s.q_w[i]; });
        each_n(*o, [&](int j) { wn += s.n_w[j]; });
        const float cap = std::min(wq, wn);
        const bool lighter_is_form = (wq < wn ? q.toks[o->q0] : n.toks[o->n0])->kind == TokenKind::legal_form &&
                                     q.toks[o->q0]->kind != n.toks[o->n0]->kind;
        if (o->sim.value < kCloseSpelling && (o->sim.why == Why::initial || lighter_is_form)) {
            const bool q_heavier = wq > wn;
            // A name met by its initial is half known (its first letter agrees): its excess weighs what an
            // unmatched initial weighs, at most.
            float factor = missing_factor(q_heavier ? q : n, q_heavier ? o->q0 : o->n0, mode, syllables);
            if (o->sim.why == Why::initial) factor = std::min(factor, kInitialFactor);
            excess[q_heavier ? 0 : 1] += std::abs(wq - wn);
            excess[q_heavier ? 2 : 3] += std::abs(wq - wn) * factor;
        }
        if (wq > 0) each_q(*o, [&](int i) { s.q_w[i] *= cap / wq; });
        if (wn > 0) each_n(*o, [&](int j) { s.n_w[j] *= cap / wn; });
    }
    return excess;
}

// One side's sums: met, lost, unmatched, and unmatched scaled by each token's missing factor.
std::array<float, 4> side_sums(const Prepared& p, const std::vector<char>& used, const std::vector<float>& sim,
                               const std::vector<float>& capped, Mode mode, bool syllables) {
    std::array<float, 4> sums{};
    for (std::size_t i = 0; i < p.toks.size(); ++i) {
        if (used[i]) {
            sums[0] += capped[i] * sim[i];
            sums[1] += capped[i] * (1 - sim[i]);
        } else {
            sums[2] += p.toks[i]->weight;
            sums[3] += p.toks[i]->weight * missing_factor(p, i, mode, syllables);
        }
    }
    return sums;
}

Evidence weigh(const Prepared& q, const Prepared& n, Mode mode, bool syllables, Scratch& s) {
    s.q_w.resize(q.toks.size());
    s.n_w.resize(n.toks.size());
    const auto excess = cap_pairs(q, n, mode, syllables, s);
    const auto sq = side_sums(q, s.q_used, s.q_sim, s.q_w, mode, syllables);
    const auto sn = side_sums(n, s.n_used, s.n_sim, s.n_w, mode, syllables);
    Evidence e;
    const float u_q = excess[0] + sq[2], u_n = excess[1] + sn[2], f_q = excess[2] + sq[3], f_n = excess[3] + sn[3];
    for (const Option* o : s.chosen)
        each_q(*o, [&](int i) {
            const Tok& t = *q.toks[i];
            if (t.kind == TokenKind::word) e.any_word = true;
            if (t.kind == TokenKind::word || t.kind == TokenKind::number)
                e.informative += o->sim.value * std::min(t.weight, n.toks[o->n0]->weight);
        });
    e.met = (sq[0] + sn[0]) / 2;
    e.lost = (sq[1] + sn[1]) / 2;
    e.conflict = std::min(u_q, u_n);
    e.extra = u_q > u_n ? (u_q - u_n) * (f_q / u_q) : u_n > u_q ? (u_n - u_q) * (f_n / u_n) : 0.0f;
    e.unmatched_q = u_q;
    e.unmatched_n = u_n;
    return e;
}

float score_of(const Evidence& e, const Prepared& n, Mode mode) {
    // Words the query adds to a label, or to a listed person's name of one word, count in full: a vessel's
    // name is all of its words, and a person listed by one word ("Roberta") is no one in particular. (Words
    // the query lacks are missing as usual: "Hellenic Spirit" for "MV Hellenic Spirit", "Putin" alone.)
    const bool label_like = mode == Mode::label || (mode == Mode::person && single_word(n));
    const float missing_weight = label_like && e.unmatched_q > e.unmatched_n ? 1.0f : kMissingWeight;
    const float denom = e.met + kConflictWeight * e.conflict + missing_weight * e.extra + kLostWeight * e.lost;
    return denom > 0 ? e.met / denom : 0;
}

// A name of generic words only meets another only when the two are the same name word for word and have
// three such words or more ("Equipment Development Department" is listed as such): "International Trading
// Co" never matches anything. A name whose matched words are few and common scores a little less.
float weigh_content(float score, const Evidence& e, const Prepared& q, const Scratch& s, std::vector<Reason>* notes) {
    bool whole_name = true;
    std::size_t content = 0;
    for (std::size_t i = 0; i < q.toks.size(); ++i) {
        whole_name = whole_name && s.q_used[i] && s.q_sim[i] >= 0.8f;
        content += q.toks[i]->kind != TokenKind::legal_form;
    }
    for (std::size_t j = 0; j < s.n_used.size(); ++j) whole_name = whole_name && s.n_used[j] && s.n_sim[j] >= 0.8f;
    if (!e.any_word && score > kGenericOnlyCap && !(whole_name && content >= 3)) {
        if (notes) notes->push_back({ReasonCode::only_generic});
        return kGenericOnlyCap;
    }
    if (e.informative < kMinInformative && e.any_word) {
        if (notes) notes->push_back({ReasonCode::common});
        return score * (0.8f + 0.2f * e.informative / kMinInformative);
    }
    return score;
}

// A person's names met in another order score less, per inversion.
float weigh_order(float score, const Prepared& q, const Scratch& s, std::vector<Reason>* notes) {
    std::vector<std::pair<int, int>> pairs;
    for (const Option* o : s.chosen)
        if (q.toks[o->q0]->kind != TokenKind::legal_form) pairs.emplace_back(o->q0, o->n0);
    const int inversions = order_inversions(pairs);
    if (inversions == 0) return score;
    if (notes) notes->push_back({ReasonCode::order});
    return score * std::max(0.6f, 1.0f - kOrderWeight * static_cast<float>(inversions));
}

// The chosen pairs in query order, the words left over on each side, and the notes, for the person who asks why.
Explanation explanation_of(const Prepared& q, const Prepared& n, const Scratch& s, std::vector<Reason> notes) {
    Explanation e;
    std::vector<const Option*> by_query = s.chosen;
    std::sort(by_query.begin(), by_query.end(), [](const Option* a, const Option* b) { return a->q0 < b->q0; });
    for (const Option* o : by_query) {
        auto listed = range_text(n, o->n0, o->n1);
        if (o->n_extra != kNone) listed += " " + n.toks[o->n_extra]->source;
        auto asked = range_text(q, o->q0, o->q1);
        if (o->q_extra != kNone) asked += " " + q.toks[o->q_extra]->source;
        e.pairs.push_back({std::move(asked), std::move(listed), round_score(o->sim.value), why_of(*o, q, n)});
    }
    for (std::size_t i = 0; i < q.toks.size(); ++i)
        if (!s.q_used[i]) e.unmatched_query.push_back(q.toks[i]->source);
    for (std::size_t j = 0; j < n.toks.size(); ++j)
        if (!s.n_used[j]) e.unmatched_listed.push_back(n.toks[j]->source);
    e.notes = q.notes;  // the disguises undone in the query come first
    e.notes.insert(e.notes.end(), notes.begin(), notes.end());
    return e;
}

}  // namespace

Mode mode_for(EntityType type, const Prepared& a, const Prepared& b) {
    if (type == EntityType::person) return Mode::person;
    if (type == EntityType::vessel || type == EntityType::aircraft) return Mode::label;
    if (type != EntityType::unknown) return Mode::organization;
    return a.orgish || b.orgish ? Mode::organization : Mode::person;
}

NameScore score_names(const Prepared& q, const Prepared& n, Mode mode, const Sim* sims, bool explain) {
    NameScore out;
    const std::size_t m = q.toks.size(), k = n.toks.size();
    if (m == 0 || k == 0 || m > 250 || k > 250) return out;
    thread_local Scratch s;
    const bool syllables = mode == Mode::person && (read_from_syllables(q) || read_from_syllables(n));
    collect_options(q, n, mode, sims, syllables, s);
    choose_options(m, k, s);
    const auto evidence = weigh(q, n, mode, syllables, s);
    std::vector<Reason> notes;  // why the score is lower, when explaining
    float score = weigh_content(score_of(evidence, n, mode), evidence, q, s, explain ? &notes : nullptr);
    if (mode == Mode::person) score = weigh_order(score, q, s, explain ? &notes : nullptr);
    out.score = std::clamp(score, 0.0f, 1.0f);
    if (explain) out.explanation = explanation_of(q, n, s, std::move(notes));
    return out;
}

NameScore score_names(const Prepared& q, const Prepared& n, Mode mode, bool explain) {
    std::vector<Sim> sims(q.toks.size() * n.toks.size());
    for (std::size_t i = 0; i < q.toks.size(); ++i)
        for (std::size_t j = 0; j < n.toks.size(); ++j) sims[i * n.toks.size() + j] = token_similarity(*q.toks[i], *n.toks[j]);
    return score_names(q, n, mode, sims.data(), explain);
}

}  // namespace exportcheck::match
