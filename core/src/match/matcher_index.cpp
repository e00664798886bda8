// Building the Matcher's index and finding candidate names for a query.
#include "matcher_index.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace exportcheck {

using match::Prepared;
using match::Sim;
using match::Tok;
using text::TokenKind;

namespace {

// The weight an unknown query word counts with when choosing entry points (about a word used by 20 names).
constexpr float kUnknownRetrievalWeight = 8.0f;
constexpr float kUnknownEntryDiscount = 0.9f;  // entry points: an unknown word ranks as if this much lighter

bool retrievable(TokenKind k) { return k == TokenKind::word || k == TokenKind::generic || k == TokenKind::number; }
bool fuzzy_kind(TokenKind k) { return k == TokenKind::word || k == TokenKind::generic; }

std::uint64_t key32(std::uint64_t h) { return (h ^ (h >> 32)) & 0xFFFFFFFFull; }
std::uint64_t pack(std::uint64_t h, std::uint32_t value) { return key32(h) << 32 | value; }

// The word and every spelling of it with one letter left out ("putin": utin, ptin, puin, putn, puti).
template <class F>
void for_each_deletion(std::string_view w, F&& f) {
    f(fnv1a64(w));
    if (w.size() < 3) return;
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (i > 0 && w[i] == w[i - 1]) continue;  // deleting either letter of a double gives the same word
        f(fnv1a64(w.substr(i + 1), fnv1a64(w.substr(0, i))));
    }
}

// Sorts by the upper 32 bits (the hash), stably, in two radix passes; then drops duplicates.
void sort_keys(std::vector<std::uint64_t>& v) {
    std::vector<std::uint64_t> tmp(v.size());
    for (int shift : {32, 48}) {
        std::vector<std::size_t> count(65537, 0);
        for (auto x : v) ++count[((x >> shift) & 0xFFFF) + 1];
        for (std::size_t i = 1; i < count.size(); ++i) count[i] += count[i - 1];
        for (auto x : v) tmp[count[(x >> shift) & 0xFFFF]++] = x;
        v.swap(tmp);
    }
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

template <class F>
void for_each_key(const std::vector<std::uint64_t>& v, std::uint64_t h, F&& f) {
    const std::uint64_t k = key32(h);
    auto it = std::lower_bound(v.begin(), v.end(), k << 32);
    for (; it != v.end() && (*it >> 32) == k; ++it) f(static_cast<std::uint32_t>(*it));
}

}  // namespace

// What the constructor's steps share while the index is built.
struct Matcher::Index::Building {
    std::vector<std::uint32_t> head_of;           // each token's first token of the same text (its df is there)
    std::vector<std::string> respelled_sources;   // by name_respelled, until the vocabulary is complete
    std::vector<std::uint32_t> df;                // names using each token, each name counted once
};

Matcher::Index::Index(const std::vector<Entry>& entries, const Index* base_index) : base(base_index) {
    Building b;
    names.reserve(entries.size() * 3);
    name_toks.reserve(entries.size() * 10);
    name_respelled.reserve(entries.size() * 10);
    std::vector<std::string_view> forms;
    for (std::uint32_t e = 0; e < entries.size(); ++e) {
        forms_of(entries[e], forms);
        const std::size_t entry_begin = names.size();
        for (const auto form : forms) add_name(e, form, entries[e].type, entry_begin, b);
    }
    weigh_tokens(b);
    add_postings(b);
    add_spelling_keys();
    add_joined_keys();
    acc.assign(names.size(), 0.0f);
    stamp.assign(names.size(), 0);
    seen_token.assign(names.size(), 0);
    entry_slots.assign(entries.size(), kNoSlot);
    memo.resize(vocab.size() * kMemoTokens);
    memo_stamp.assign(vocab.size() * kMemoTokens, 0);
}

// The primary name, the aliases, and each without its parentheses.
void Matcher::Index::forms_of(const Entry& entry, std::vector<std::string_view>& forms) {
    forms.clear();
    forms.push_back(entry.name);
    for (const auto& a : entry.aliases) forms.push_back(a.name);
    const std::size_t listed = forms.size();
    for (std::size_t f = 0; f < listed; ++f)
        if (forms[f].find_first_of("([") != std::string_view::npos)
            forms.push_back(derived_texts.emplace_back(match::without_parentheses(forms[f])));
}

// One listed form as token ids; skipped when another form of the entry has the same tokens (an alias
// differing in punctuation).
void Matcher::Index::add_name(std::uint32_t e, std::string_view form, EntityType type, std::size_t entry_begin, Building& b) {
    const auto norm = text::normalize_name(form, type);
    if (norm.tokens.empty()) return;
    const auto first = static_cast<std::uint32_t>(name_toks.size());
    bool orgish = false;
    std::uint64_t surnames = 0;
    for (const auto& t : norm.tokens) {
        if (name_toks.size() - first >= 250) break;
        if (t.surname && name_toks.size() - first < 64) surnames |= std::uint64_t{1} << (name_toks.size() - first);
        const auto id = add_token(t, b);
        name_toks.push_back(id);
        if (vocab[id].source != t.source) {
            name_respelled.push_back(static_cast<std::uint32_t>(b.respelled_sources.size()));
            b.respelled_sources.push_back(t.source);
        } else {
            name_respelled.push_back(match::kNoVocab);
        }
        orgish |= t.kind == TokenKind::legal_form || t.kind == TokenKind::generic;
    }
    const auto count = static_cast<std::uint16_t>(name_toks.size() - first);
    bool repeated = false;
    for (std::size_t n = entry_begin; n < names.size() && !repeated; ++n)
        repeated = names[n].count == count && names[n].surnames == surnames &&
                   std::equal(name_toks.begin() + first, name_toks.end(), name_toks.begin() + names[n].first);
    if (repeated) {
        name_toks.resize(first);
        name_respelled.resize(first);
        return;
    }
    names.push_back({e, first, count, orgish, 0.0f, surnames, form});
}

// A token's vocabulary id, added when new; tokens of one text (another kind or script) are chained.
std::uint32_t Matcher::Index::add_token(const text::Token& t, Building& b) {
    if (const auto id = find(t.text, t.kind, t.abjad); id != match::kNoVocab) return id;
    const auto id = static_cast<std::uint32_t>(vocab.size());
    Tok tok;
    tok.text = t.text;
    tok.source = t.source;
    tok.kind = t.kind;
    tok.abjad = t.abjad;
    tok.vocab = id;
    tok.known = true;
    vocab.push_back(std::move(tok));
    next_same_text.push_back(match::kNoVocab);
    const auto [it, added] = first_of_text.emplace(t.text, id);
    b.head_of.push_back(it->second);
    if (!added) {  // chain it after the tokens of the same text
        std::uint32_t last = it->second;
        while (next_same_text[last] != match::kNoVocab) last = next_same_text[last];
        next_same_text[last] = id;
    }
    return id;
}

// Document frequency (summed per text), each token's sound, skeleton, spellings and weight, each name's
// weight; then the respelled copies, now that the vocabulary is complete.
void Matcher::Index::weigh_tokens(Building& b) {
    b.df.assign(vocab.size(), 0);
    std::vector<std::uint32_t> last(vocab.size(), 0xFFFFFFFFu);
    for (std::uint32_t n = 0; n < names.size(); ++n)
        for (std::uint32_t k = 0; k < names[n].count; ++k) {
            const auto t = name_toks[names[n].first + k];
            if (last[t] != n) last[t] = n, ++b.df[t];
        }
    text_df.assign(vocab.size(), 0);
    for (const auto& [text, head] : first_of_text)
        for (auto t = head; t != match::kNoVocab; t = next_same_text[t]) text_df[head] += b.df[t];
    name_total = static_cast<double>(names.size());
    for (std::uint32_t t = 0; t < vocab.size(); ++t) {
        auto& tok = vocab[t];
        if (fuzzy_kind(tok.kind)) {
            tok.sound = text::sound_form(tok.text);
            tok.skel = text::skeleton_of_sound(tok.sound);
            tok.spellings = text::known_spellings(tok.text);
            tok.nicknames = text::given_name_variants(tok.text);
        }
        tok.weight = match::token_weight(tok.kind, idf_of(tok.text, text_df[b.head_of[t]]));
    }
    for (auto& nm : names)
        for (std::uint32_t k = 0; k < nm.count; ++k) nm.weight += vocab[name_toks[nm.first + k]].weight;
    for (std::size_t at = 0; at < name_toks.size(); ++at) {
        auto& r = name_respelled[at];
        if (r == match::kNoVocab) continue;
        match::Tok copy = vocab[name_toks[at]];
        copy.source = std::move(b.respelled_sources[r]);
        r = static_cast<std::uint32_t>(respelled.size());
        respelled.push_back(std::move(copy));
    }
}

// Postings: token -> names (CSR), each name once.
void Matcher::Index::add_postings(const Building& b) {
    post_offsets.assign(vocab.size() + 1, 0);
    for (std::uint32_t t = 0; t < vocab.size(); ++t) post_offsets[t + 1] = post_offsets[t] + b.df[t];
    postings.resize(post_offsets.back());
    std::vector<std::uint32_t> fill(post_offsets.begin(), post_offsets.end() - 1);
    std::vector<std::uint32_t> last(vocab.size(), 0xFFFFFFFFu);
    for (std::uint32_t n = 0; n < names.size(); ++n)
        for (std::uint32_t k = 0; k < names[n].count; ++k) {
            const auto t = name_toks[names[n].first + k];
            if (last[t] != n) last[t] = n, postings[fill[t]++] = n;
        }
}

// Near-spelling keys: deletion neighbourhoods, sound forms, skeletons.
void Matcher::Index::add_spelling_keys() {
    for (std::uint32_t t = 0; t < vocab.size(); ++t) {
        const Tok& tok = vocab[t];
        if (!fuzzy_kind(tok.kind)) continue;
        if (tok.text.size() >= match::kMinFuzzyLength)
            for_each_deletion(tok.text, [&](std::uint64_t h) { deletion_keys.push_back(pack(h, t)); });
        sound_keys.push_back(pack(fnv1a64(tok.sound), t));
        // Near spellings of the name's other spellings find it too ("Hossien" -> hossein -> hussein).
        if (tok.spellings)
            for (const auto& spelling : *tok.spellings)
                if (spelling.size() >= match::kMinFuzzyLength)
                    for_each_deletion(spelling, [&](std::uint64_t h) { deletion_keys.push_back(pack(h, t)); });
        if (tok.skel.size() >= 3) skeleton_keys.push_back(pack(fnv1a64(tok.skel), t));
    }
    sort_keys(deletion_keys);
    sort_keys(sound_keys);
    sort_keys(skeleton_keys);
}

// Words written apart in a listed name, joined ("al rashid" -> alrashid, "bashir ud din" -> bashiruddin);
// legal forms as written ("OOO Planar" -> oooplanar).
void Matcher::Index::add_joined_keys() {
    for (std::uint32_t n = 0; n < names.size(); ++n) {
        const auto& nm = names[n];
        for (std::uint32_t k = 0; k + 1 < nm.count; ++k) {
            const Tok& head = name_tok(nm.first + k);
            if (head.kind == TokenKind::number) continue;
            // Canonical spellings joined, and the words as written when they differ ("el zein" -> elzein).
            std::uint64_t h = fnv1a64(head.kind == TokenKind::legal_form ? head.source : head.text);
            std::uint64_t written = fnv1a64(head.source);
            for (std::uint32_t l = k + 1; l < nm.count && l < k + 3; ++l) {
                const Tok& part = name_tok(nm.first + l);
                if (part.kind == TokenKind::number) break;
                h = fnv1a64(part.kind == TokenKind::legal_form ? part.source : part.text, h);
                written = fnv1a64(part.source, written);
                joined_keys.push_back(pack(h, n));
                if (written != h) joined_keys.push_back(pack(written, n));
            }
        }
    }
    sort_keys(joined_keys);
}

std::uint32_t Matcher::Index::find(std::string_view text, TokenKind kind, bool abjad) const {
    const auto it = first_of_text.find(text);
    if (it == first_of_text.end()) return match::kNoVocab;
    for (auto t = it->second; t != match::kNoVocab; t = next_same_text[t])
        if (vocab[t].kind == kind && vocab[t].abjad == abjad) return t;
    return match::kNoVocab;
}

bool Matcher::Index::knows(std::string_view canonical) const {
    return df_of(canonical) > 0 || (base && base->df_of(canonical) > 0);
}

double Matcher::Index::idf(std::string_view canonical) const { return idf_of(canonical, df_of(canonical)); }

std::uint32_t Matcher::Index::df_of(std::string_view canonical) const {
    const auto it = first_of_text.find(canonical);
    return it == first_of_text.end() ? 0 : text_df[it->second];
}

double Matcher::Index::idf_of(std::string_view canonical, std::uint32_t df) const {
    double names_in_all = name_total, df_in_all = df;
    if (base) {
        names_in_all += base->name_total;
        df_in_all += base->df_of(canonical);
    }
    const double v = std::log((names_in_all + 1.0) / (df_in_all + 1.0)) + 1.0;
    return std::round(v * 256.0) / 256.0;  // quantised: the same weights whatever the platform's log()
}

void Matcher::Index::prepare_name(std::uint32_t name, Prepared& p) const {
    const auto& nm = names[name];
    p.toks.clear();
    for (std::uint32_t k = 0; k < nm.count; ++k) p.toks.push_back(&name_tok(nm.first + k));
    p.orgish = nm.orgish;
    p.surnames = nm.surnames;
}

void Matcher::Index::begin_query(const Prepared&) {
    if (++query_no == 0) {  // the stamps wrapped around: start afresh
        std::fill(stamp.begin(), stamp.end(), 0);
        std::fill(seen_token.begin(), seen_token.end(), 0);
        std::fill(memo_stamp.begin(), memo_stamp.end(), 0);
        query_no = 1;
        pass_no = 0;
    }
}

Sim Matcher::Index::sim(const Prepared& q, std::size_t i, const Tok* t) {
    if (t->vocab == match::kNoVocab || i >= kMemoTokens) return match::token_similarity(*q.toks[i], *t);
    const std::size_t slot = static_cast<std::size_t>(t->vocab) * kMemoTokens + i;
    if (memo_stamp[slot] != query_no) {
        memo[slot] = match::token_similarity(*q.toks[i], *t);
        memo_stamp[slot] = query_no;
    }
    return memo[slot];
}

void Matcher::Index::neighbours(const Prepared& q) {
    const std::size_t m = q.toks.size();
    hits.assign(m, {});
    std::vector<std::uint32_t> ids;
    for (std::size_t i = 0; i < m; ++i) {
        const Tok& qt = *q.toks[i];
        if (!retrievable(qt.kind)) continue;
        auto& h = hits[i];
        ids.clear();
        for (const bool abjad : {false, true})
            if (const auto t = find(qt.text, qt.kind, abjad); t != match::kNoVocab) ids.push_back(t);
        h.known = !ids.empty();
        // The same given name as a nickname or in full ("Sandy" retrieves names with "Alexander").
        if (qt.nicknames)
            for (const auto& name : *qt.nicknames)
                if (const auto t = find(name, TokenKind::word, false); t != match::kNoVocab) ids.push_back(t);
        if (fuzzy_kind(qt.kind)) {
            if (qt.text.size() >= match::kMinFuzzyLength)
                for_each_deletion(qt.text, [&](std::uint64_t k) {
                    for_each_key(deletion_keys, k, [&](std::uint32_t t) { ids.push_back(t); });
                });
            for_each_key(sound_keys, fnv1a64(qt.sound), [&](std::uint32_t t) { ids.push_back(t); });
            if (qt.skel.size() >= 3)
                for_each_key(skeleton_keys, fnv1a64(qt.skel), [&](std::uint32_t t) {
                    if (qt.abjad || vocab[t].abjad) ids.push_back(t);
                });
        }
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        for (const auto t : ids) {
            const Sim s = sim(q, i, &vocab[t]);
            if (s.value >= match::kPairFloor) h.near.emplace_back(t, s);
        }
        std::stable_sort(h.near.begin(), h.near.end(),
                         [](const auto& a, const auto& b) { return a.second.value > b.second.value; });
        if (!fuzzy_kind(qt.kind)) continue;
        // Listed names that write this word apart ("alrashid" / "al rashid").
        if (qt.text.size() >= 5)
            for_each_key(joined_keys, fnv1a64(qt.text), [&](std::uint32_t n) { h.joined_names.push_back(n); });
        // The query writes together what a listed name writes apart, unknown to the lists as a whole
        // ("DmitriyKOMNOV"): split it where both parts are listed words; the rarer part retrieves.
        if (qt.kind == TokenKind::word && qt.text.size() >= 7 && !h.known) {
            auto any_kind = [&](const std::string& piece) {
                const auto it = first_of_text.find(text::canonical_variant(piece));
                return it == first_of_text.end() ? match::kNoVocab : it->second;
            };
            for (std::size_t p = 3; p + 2 <= qt.text.size(); ++p) {
                const auto a = any_kind(qt.text.substr(0, p));
                if (a == match::kNoVocab) continue;
                const auto b = any_kind(qt.text.substr(p));
                if (b == match::kNoVocab) continue;
                h.extra_tokens.push_back(
                    post_offsets[a + 1] - post_offsets[a] <= post_offsets[b + 1] - post_offsets[b] ? a : b);
                h.split_weight = std::max(h.split_weight, vocab[a].weight + vocab[b].weight);
            }
        }
        // The query writes apart what a listed name writes together.
        for (const std::size_t j : {i - 1, i + 1}) {
            if (j >= m || !fuzzy_kind(q.toks[j]->kind)) continue;
            const auto joined = j < i ? q.toks[j]->text + qt.text : qt.text + q.toks[j]->text;
            if (const auto t = find(joined, TokenKind::word, false); t != match::kNoVocab) h.extra_tokens.push_back(t);
        }
    }
}

std::vector<std::uint32_t> Matcher::Index::candidates(const Prepared& q) {
    const std::size_t m = q.toks.size();
    // Entry points: the heaviest tokens that retrieve anything, until the rest could not reach the coverage
    // alone. A token that retrieves nothing cannot be an entry point; its weight stays with the rest, as if
    // some candidate might still meet it. A word the lists do not know counts for retrieval with at most
    // the weight of a typical listed word: it can only meet listed words (as a misspelling, or joined), and
    // a pair weighs what its lighter side weighs.
    std::vector<float> weight(m);
    float total = 0;
    for (std::size_t i = 0; i < m; ++i) {
        weight[i] = q.toks[i]->weight;
        if (!hits[i].known && hits[i].near.empty()) weight[i] = std::min(weight[i], kUnknownRetrievalWeight);
        total += weight[i];
    }
    const float need = match::kRetrievalCoverage * total;
    std::vector<std::size_t> order(m);
    std::iota(order.begin(), order.end(), 0);
    // Heaviest first (fewest postings), a word the lists know before an unknown one of about the same weight:
    // an unknown word retrieves only through its near spellings, which a bigger slip can miss
    // ("Mdhailovich" before "Sholokhov" missed SHOLOKHOV, Alexander Mikhailovich).
    auto rank = [&](std::size_t i) { return hits[i].known ? weight[i] : weight[i] * kUnknownEntryDiscount; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rank(a) > rank(b); });
    std::vector<char> entry_point(m, 0);
    float rest = total;
    for (const auto i : order) {
        if (rest < need) break;
        if (!hits[i].any()) continue;
        entry_point[i] = 1;
        rest -= weight[i];
    }

    std::vector<std::uint32_t> touched;
    auto credit = [&](std::uint32_t name, std::uint32_t pass, float amount) {
        if (stamp[name] != query_no) {
            stamp[name] = query_no;
            acc[name] = 0;
            touched.push_back(name);
        }
        if (seen_token[name] == pass) return;
        seen_token[name] = pass;
        acc[name] += amount;
    };
    auto credit_postings = [&](std::uint32_t t, std::uint32_t pass, float amount) {
        for (std::uint32_t p = post_offsets[t]; p < post_offsets[t + 1]; ++p) credit(postings[p], pass, amount);
    };
    for (std::size_t i = 0; i < m; ++i) {
        if (!entry_point[i]) continue;
        const float w = weight[i];
        if (++pass_no == 0) {
            std::fill(seen_token.begin(), seen_token.end(), 0);
            pass_no = 1;
        }
        const std::uint32_t pass = pass_no;
        const auto& h = hits[i];
        // A nickname met as its given name weighs what the lighter of the two weighs, as when scored: a rare
        // "Allison" does not make every common "Ali" a candidate.
        for (const auto& [t, s] : h.near)
            credit_postings(t, pass, s.value * (s.why == match::Why::nickname ? std::min(w, vocab[t].weight) : w));
        for (const auto n : h.joined_names) credit(n, pass, w);
        for (const auto t : h.extra_tokens) credit_postings(t, pass, w);
    }
    std::vector<std::uint32_t> out;
    for (const auto n : touched)
        if (acc[n] + rest >= need) out.push_back(n);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace exportcheck
