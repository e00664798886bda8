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

std::uint64_t key_hash(std::string_view s) noexcept {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a: the same on every platform
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

namespace {

bool retrievable(TokenKind k) { return k == TokenKind::word || k == TokenKind::generic || k == TokenKind::number; }
bool fuzzy_kind(TokenKind k) { return k == TokenKind::word || k == TokenKind::generic; }

std::string vocab_key(const std::string& text, TokenKind kind, bool abjad) {
    std::string k = text;
    k.push_back('\0');
    k.push_back(static_cast<char>('0' + static_cast<int>(kind)));
    k.push_back(abjad ? 'a' : 'l');
    return k;
}

// The word and every spelling of it with one letter left out ("putin": utin, ptin, puin, putn, puti).
template <class F>
void for_each_deletion(std::string_view w, F&& f) {
    f(key_hash(w));
    if (w.size() < 3) return;
    std::string d;
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (i > 0 && w[i] == w[i - 1]) continue;  // deleting either letter of a double gives the same word
        d.assign(w.substr(0, i));
        d.append(w.substr(i + 1));
        f(key_hash(d));
    }
}

template <class V>
void sort_keys(V& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

template <class V, class F>
void for_each_key(const V& v, std::uint64_t h, F&& f) {
    auto it = std::lower_bound(v.begin(), v.end(), std::make_pair(h, std::uint32_t{0}));
    for (; it != v.end() && it->first == h; ++it) f(it->second);
}

}  // namespace

Matcher::Index::Index(const std::vector<Entry>& entries) {
    std::unordered_map<std::string, std::uint32_t> text_df_build;
    struct Pending {
        std::uint32_t entry;
        std::string_view text;
        std::vector<std::uint32_t> toks;
        bool orgish;
    };
    std::vector<Pending> pending;
    pending.reserve(entries.size() * 3);
    std::vector<std::vector<std::uint32_t>> seen_forms;
    for (std::uint32_t e = 0; e < entries.size(); ++e) {
        const Entry& entry = entries[e];
        // The primary name, the aliases, and each without its parentheses.
        std::vector<std::string_view> forms{entry.name};
        for (const auto& a : entry.aliases) forms.push_back(a.name);
        const std::size_t listed = forms.size();
        for (std::size_t f = 0; f < listed; ++f)
            if (forms[f].find('(') != std::string_view::npos || forms[f].find('[') != std::string_view::npos)
                forms.push_back(derived_texts.emplace_back(match::without_parentheses(forms[f])));
        seen_forms.clear();
        for (const auto form : forms) {
            const auto norm = text::normalize_name(form, entry.type);
            if (norm.tokens.empty()) continue;
            Pending p{e, form, {}, false};
            for (const auto& t : norm.tokens) {
                const auto key = vocab_key(t.text, t.kind, t.abjad);
                auto [it, added] = vocab_ids.emplace(key, static_cast<std::uint32_t>(vocab.size()));
                if (added) {
                    Tok tok;
                    tok.text = t.text;
                    tok.source = t.source;
                    tok.kind = t.kind;
                    tok.abjad = t.abjad;
                    tok.vocab = it->second;
                    vocab.push_back(std::move(tok));
                }
                p.toks.push_back(it->second);
                p.orgish |= t.kind == TokenKind::legal_form || t.kind == TokenKind::generic;
            }
            if (std::find(seen_forms.begin(), seen_forms.end(), p.toks) != seen_forms.end()) continue;
            seen_forms.push_back(p.toks);
            pending.push_back(std::move(p));
        }
    }

    // Document frequency of each canonical text (over names, each name counted once).
    df.assign(vocab.size(), 0);
    std::vector<std::uint32_t> last(vocab.size(), 0xFFFFFFFFu);
    for (std::uint32_t n = 0; n < pending.size(); ++n)
        for (const auto t : pending[n].toks)
            if (last[t] != n) last[t] = n, ++df[t];
    for (std::uint32_t t = 0; t < vocab.size(); ++t) text_df_build[vocab[t].text] += df[t];
    name_total = static_cast<double>(pending.size());
    text_df = std::move(text_df_build);
    for (auto& tok : vocab) {
        tok.sound = text::sound_form(tok.text);
        tok.skel = text::skeleton(tok.text);
        tok.weight = match::token_weight(tok.kind, idf(tok.text));
    }

    // Names and postings.
    names.reserve(pending.size());
    std::vector<std::uint32_t> counts(vocab.size() + 1, 0);
    for (std::uint32_t n = 0; n < pending.size(); ++n) {
        auto& p = pending[n];
        names.push_back({p.entry, static_cast<std::uint32_t>(name_toks.size()),
                         static_cast<std::uint16_t>(std::min<std::size_t>(p.toks.size(), 250)), p.orgish, p.text});
        name_toks.insert(name_toks.end(), p.toks.begin(), p.toks.begin() + names.back().count);
    }
    std::fill(last.begin(), last.end(), 0xFFFFFFFFu);
    for (std::uint32_t n = 0; n < names.size(); ++n)
        for (std::uint32_t k = 0; k < names[n].count; ++k) {
            const auto t = name_toks[names[n].first + k];
            if (last[t] != n) last[t] = n, ++counts[t + 1];
        }
    post_offsets.assign(vocab.size() + 1, 0);
    std::partial_sum(counts.begin(), counts.end(), post_offsets.begin());
    postings.resize(post_offsets.back());
    std::vector<std::uint32_t> fill(post_offsets.begin(), post_offsets.end() - 1);
    std::fill(last.begin(), last.end(), 0xFFFFFFFFu);
    for (std::uint32_t n = 0; n < names.size(); ++n)
        for (std::uint32_t k = 0; k < names[n].count; ++k) {
            const auto t = name_toks[names[n].first + k];
            if (last[t] != n) last[t] = n, postings[fill[t]++] = n;
        }

    // Near-spelling keys.
    for (std::uint32_t t = 0; t < vocab.size(); ++t) {
        const Tok& tok = vocab[t];
        if (!fuzzy_kind(tok.kind)) continue;
        for_each_deletion(tok.text, [&](std::uint64_t h) { deletion_keys.emplace_back(h, t); });
        sound_keys.emplace_back(key_hash(tok.sound), t);
        if (tok.skel.size() >= 2) skeleton_keys.emplace_back(key_hash(tok.skel), t);
    }
    sort_keys(deletion_keys);
    sort_keys(sound_keys);
    sort_keys(skeleton_keys);

    // Words written apart in a listed name, joined ("al rashid" -> alrashid, "bashir ud din" -> bashiruddin).
    for (std::uint32_t n = 0; n < names.size(); ++n) {
        const auto& nm = names[n];
        for (std::uint32_t k = 0; k + 1 < nm.count; ++k) {
            std::string joined = vocab[name_toks[nm.first + k]].text;
            for (std::uint32_t l = k + 1; l < nm.count && l < k + 3; ++l) {
                const Tok& part = vocab[name_toks[nm.first + l]];
                if (!fuzzy_kind(part.kind) && part.kind != TokenKind::initial) break;
                joined += part.text;
                joined_keys.emplace_back(key_hash(joined), n);
            }
        }
    }
    sort_keys(joined_keys);

    acc.assign(names.size(), 0.0f);
    stamp.assign(names.size(), 0);
    seen_token.assign(names.size(), 0);
    entry_slots.assign(entries.size(), kNoSlot);
}

double Matcher::Index::idf(std::string_view canonical) const {
    const auto it = text_df.find(std::string(canonical));
    const double df_value = it == text_df.end() ? 0.0 : it->second;
    const double v = std::log((name_total + 1.0) / (df_value + 1.0)) + 1.0;
    return std::round(v * 256.0) / 256.0;  // quantised: the same weights whatever the platform's log()
}

Prepared Matcher::Index::prepared_name(std::uint32_t name) const {
    Prepared p;
    const auto& nm = names[name];
    p.toks.reserve(nm.count);
    for (std::uint32_t k = 0; k < nm.count; ++k) p.toks.push_back(&vocab[name_toks[nm.first + k]]);
    p.orgish = nm.orgish;
    return p;
}

void Matcher::Index::begin_query_memo(const Prepared&) { memo.clear(); }

Sim Matcher::Index::memo_sim(const Prepared& q, std::size_t i, const Tok* t) {
    if (t->vocab == match::kNoVocab) return match::token_similarity(*q.toks[i], *t);
    const std::uint64_t key = (static_cast<std::uint64_t>(i) << 32) | t->vocab;
    const auto it = memo.find(key);
    if (it != memo.end()) return it->second;
    const Sim s = match::token_similarity(*q.toks[i], *t);
    memo.emplace(key, s);
    return s;
}

std::vector<std::uint32_t> Matcher::Index::candidates(const Prepared& q) {
    const std::size_t m = q.toks.size();
    if (++query_no == 0) {  // the stamps wrapped around: start afresh
        std::fill(stamp.begin(), stamp.end(), 0);
        std::fill(seen_token.begin(), seen_token.end(), 0);
        query_no = 1;
    }
    memo.clear();

    // Near-spelling neighbours of each query token in the vocabulary, with their similarity.
    std::vector<std::vector<std::pair<std::uint32_t, Sim>>> near(m);
    std::vector<std::uint32_t> ids;
    for (std::size_t i = 0; i < m; ++i) {
        const Tok& qt = *q.toks[i];
        if (!retrievable(qt.kind)) continue;
        ids.clear();
        for (const bool abjad : {false, true}) {
            const auto it = vocab_ids.find(vocab_key(qt.text, qt.kind, abjad));
            if (it != vocab_ids.end()) ids.push_back(it->second);
        }
        if (fuzzy_kind(qt.kind)) {
            for_each_deletion(qt.text, [&](std::uint64_t h) {
                for_each_key(deletion_keys, h, [&](std::uint32_t t) { ids.push_back(t); });
            });
            for_each_key(sound_keys, key_hash(qt.sound), [&](std::uint32_t t) { ids.push_back(t); });
            if (qt.skel.size() >= 2)
                for_each_key(skeleton_keys, key_hash(qt.skel), [&](std::uint32_t t) {
                    if (qt.abjad || vocab[t].abjad) ids.push_back(t);
                });
        }
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        for (const auto t : ids) {
            const Sim s = memo_sim(q, i, &vocab[t]);
            if (s.value >= match::kPairFloor) near[i].emplace_back(t, s);
        }
    }

    // Entry points: the heaviest retrievable tokens until the rest could not reach the coverage alone.
    float total = 0;
    for (const auto* t : q.toks) total += t->weight;
    const float need = match::kRetrievalCoverage * total;
    std::vector<std::size_t> order(m);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return q.toks[a]->weight > q.toks[b]->weight; });
    std::vector<char> entry_point(m, 0);
    float rest = total;
    for (const auto i : order) {
        if (rest < need) break;
        if (!retrievable(q.toks[i]->kind)) continue;
        entry_point[i] = 1;
        rest -= q.toks[i]->weight;
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
    for (std::size_t i = 0; i < m; ++i) {
        if (!entry_point[i]) continue;
        const Tok& qt = *q.toks[i];
        const std::uint32_t pass = ++pass_no;
        auto& list = near[i];
        std::stable_sort(list.begin(), list.end(),
                         [](const auto& a, const auto& b) { return a.second.value > b.second.value; });
        for (const auto& [t, s] : list)
            for (std::uint32_t p = post_offsets[t]; p < post_offsets[t + 1]; ++p)
                credit(postings[p], pass, s.value * qt.weight);
        if (fuzzy_kind(qt.kind) && qt.text.size() >= 5)
            for_each_key(joined_keys, key_hash(qt.text), [&](std::uint32_t n) { credit(n, pass, qt.weight); });
        // The query writes apart what a listed name writes together.
        for (const std::size_t j : {i - 1, i + 1}) {
            if (j >= m || !fuzzy_kind(q.toks[j]->kind)) continue;
            const auto joined = j < i ? q.toks[j]->text + qt.text : qt.text + q.toks[j]->text;
            const auto it = vocab_ids.find(vocab_key(joined, TokenKind::word, false));
            if (it == vocab_ids.end()) continue;
            for (std::uint32_t p = post_offsets[it->second]; p < post_offsets[it->second + 1]; ++p)
                credit(postings[p], pass, qt.weight);
        }
    }
    std::vector<std::uint32_t> out;
    for (const auto n : touched)
        if (acc[n] + rest >= need) out.push_back(n);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace exportcheck
