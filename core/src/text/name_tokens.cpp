// Steps 3 to 6 of the name pipeline: person name order, phrases (legal forms, stop phrases, multi-word
// variants), canonical spellings, token kinds; and normalize_name(), which chains every step.
#include "word_tables.hpp"

#include <algorithm>
#include <cstdlib>

namespace exportcheck::text {

using detail::word_tables;

std::string_view to_string(TokenKind k) noexcept {
    switch (k) {
        case TokenKind::word: return "word";
        case TokenKind::number: return "number";
        case TokenKind::initial: return "initial";
        case TokenKind::legal_form: return "legal_form";
        case TokenKind::generic: return "generic";
        case TokenKind::stop: return "stop";
    }
    return "word";
}

namespace {

// The phrase of `kind` that starts at words[i], or nullptr. Short legal forms count only at the edges.
const detail::Phrase* phrase_at(const std::vector<Word>& words, std::size_t i) {
    const auto& tables = word_tables();
    const auto it = tables.phrases.find(words[i].text);
    if (it == tables.phrases.end()) return nullptr;
    for (const auto& p : it->second) {
        if (i + p.words.size() > words.size()) {
            // A legal form cut off by a field length at the end of a name ("JOINT STOCK COMPAN").
            const std::size_t have = words.size() - i;
            if (p.kind != TokenKind::legal_form || have < 2 || i == 0) continue;
            bool same = true;
            for (std::size_t k = 1; same && k + 1 < have; ++k) same = words[i + k].text == p.words[k];
            const auto& last = words.back().text;
            if (same && last.size() >= 3 && p.words[have - 1].starts_with(last)) return &p;
            continue;
        }
        bool same = true;
        for (std::size_t k = 1; same && k < p.words.size(); ++k) same = words[i + k].text == p.words[k];
        if (!same) continue;
        if (p.edge_only && i != 0 && i + p.words.size() != words.size()) continue;
        if (p.edge_only && words.size() == p.words.size()) continue;  // "AO" alone is a name, not a form
        return &p;
    }
    return nullptr;
}

bool only_legal_forms(const std::vector<Word>& words) {
    if (words.empty()) return false;
    for (std::size_t i = 0; i < words.size();) {
        const auto* p = phrase_at(words, i);
        if (!p || p->kind != TokenKind::legal_form) {
            // A lone short form after a comma ("SNGB, AO") is still a form.
            const auto& phrases = word_tables().phrases;
            const auto it = phrases.find(words[i].text);
            bool lone_form = false;
            if (it != phrases.end())
                for (const auto& q : it->second)
                    lone_form |= q.kind == TokenKind::legal_form && q.words.size() == words.size() - i &&
                                 std::equal(q.words.begin(), q.words.end(), words.begin() + i,
                                            [](const std::string& a, const Word& b) { return a == b.text; });
            return lone_form;
        }
        i += p->words.size();
    }
    return true;
}

std::string apply_affixes(std::string word) {
#include "variant_affixes_table.inc"
    for (const auto& r : kVariantPrefixes) {
        const std::string_view from = r.from;
        if (word.size() >= from.size() + 3 && word.starts_with(from)) {
            word = r.to + word.substr(from.size());
            break;
        }
    }
    for (const auto& r : kVariantSuffixes) {
        const std::string_view from = r.from;
        if (word.size() >= from.size() + 3 && word.ends_with(from)) {
            word = word.substr(0, word.size() - from.size()) + r.to;
            break;
        }
    }
    return word;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "206th" -> "206"; roman numerals of two or more letters -> digits ("ii" -> "2"); else "".
std::string number_value(std::string_view w) {
    std::size_t d = 0;
    while (d < w.size() && w[d] >= '0' && w[d] <= '9') ++d;
    if (d > 0) {
        const auto rest = w.substr(d);
        if (!(rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th")) return "";
        auto digits = std::string(w.substr(0, d));
        const auto nz = digits.find_first_not_of('0');
        return nz == std::string::npos ? "0" : digits.substr(nz);
    }
    struct NumberWord {
        std::string_view word;
        int value;
    };
    static constexpr NumberWord kNumberWords[] = {
#include "number_words_table.inc"
    };
    for (const auto& nw : kNumberWords)
        if (w == nw.word) return std::to_string(nw.value);
    static constexpr const char* kRoman[] = {"", "", "ii", "iii", "iv", "", "vi", "vii", "viii", "ix", "",
                                             "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"};
    for (int n = 2; n <= 20; ++n)
        if (w == kRoman[n]) return std::to_string(n);
    return "";
}

}  // namespace

std::string person_name_order(std::string_view name, EntityType type) {
    if (type == EntityType::organization || type == EntityType::vessel || type == EntityType::aircraft)
        return std::string(name);
    const auto comma = name.find(',');
    if (comma == std::string_view::npos || name.find(',', comma + 1) != std::string_view::npos)
        return std::string(name);
    const auto last = name.substr(0, comma), first = name.substr(comma + 1);
    const auto first_words = split_words(decode_utf8(first));
    if (first_words.empty() || split_words(decode_utf8(last)).empty() || only_legal_forms(first_words))
        return std::string(name);
    std::string out(first);
    out.push_back(' ');
    out += last;
    return out;
}

std::vector<Token> apply_phrases(const std::vector<Word>& words) {
    std::vector<Token> out;
    for (std::size_t i = 0; i < words.size();) {
        if (const auto* p = phrase_at(words, i)) {
            const std::size_t used = std::min(p->words.size(), words.size() - i);
            std::string source;
            for (std::size_t k = 0; k < used; ++k) {
                if (k) source.push_back(' ');
                source += words[i + k].text;
            }
            if (p->kind != TokenKind::stop) out.push_back({p->result, source, p->kind, false});
            i += used;
            continue;
        }
        out.push_back({words[i].text, words[i].text, TokenKind::word, is_abjad(words[i].script)});
        ++i;
    }
    return out;
}

std::string canonical_variant(std::string_view word) {
    const auto& variants = word_tables().variants;
    if (const auto it = variants.find(std::string(word)); it != variants.end()) return it->second;
    auto affixed = apply_affixes(std::string(word));
    if (const auto it = variants.find(affixed); it != variants.end()) return it->second;
    return affixed;
}

TokenKind classify(std::string_view word) {
    const auto& tables = word_tables();
    const std::string w(word);
    if (tables.stop.count(w)) return TokenKind::stop;
    if (!number_value(word).empty()) return TokenKind::number;
    if (word.size() == 1 && word[0] >= 'a' && word[0] <= 'z') return TokenKind::initial;
    if (tables.generic.count(w)) return TokenKind::generic;
    return TokenKind::word;
}

NormalizedName normalize_name(std::string_view name, EntityType type) {
    const auto ordered = person_name_order(name, type);
    const auto words = split_words(decode_utf8(ordered));
    auto tokens = apply_phrases(words);
    if (tokens.empty())  // a name made only of stop words or forms ("The Company") is still a name
        for (const auto& w : words) tokens.push_back({w.text, w.text, TokenKind::word, is_abjad(w.script)});
    const auto& abjad_variants = word_tables().abjad_variants;
    NormalizedName out;
    for (auto& t : tokens) {
        if (t.kind == TokenKind::word) {
            if (t.abjad) {
                if (const auto it = abjad_variants.find(t.text); it != abjad_variants.end()) {
                    t.text = it->second;
                    t.abjad = false;  // a known spelling: compare it like any Latin word
                }
            } else {
                t.text = canonical_variant(t.text);
            }
            t.kind = classify(t.text);
            if (t.kind == TokenKind::number) t.text = number_value(t.text);
        }
        if (t.kind == TokenKind::word && all_digits(t.text)) t.kind = TokenKind::number;
        out.tokens.push_back(std::move(t));
    }
    // "forty four" / "forty 4" -> 44.
    for (std::size_t i = 0; i + 1 < out.tokens.size(); ++i) {
        auto& a = out.tokens[i];
        const auto& b = out.tokens[i + 1];
        if (a.kind != TokenKind::number || b.kind != TokenKind::number) continue;
        const int tens = std::atoi(a.text.c_str()), unit = std::atoi(b.text.c_str());
        if (tens >= 20 && tens <= 90 && tens % 10 == 0 && unit >= 1 && unit <= 9 && a.text.size() == 2 &&
            b.text.size() == 1) {
            a.text = std::to_string(tens + unit);
            a.source += " " + b.source;
            out.tokens.erase(out.tokens.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        }
    }
    // Stop words go, unless nothing else is left ("The The" is still a name).
    const bool any_content = std::any_of(out.tokens.begin(), out.tokens.end(),
                                         [](const Token& t) { return t.kind != TokenKind::stop; });
    if (any_content)
        out.tokens.erase(std::remove_if(out.tokens.begin(), out.tokens.end(),
                                        [](const Token& t) { return t.kind == TokenKind::stop; }),
                         out.tokens.end());
    return out;
}

}  // namespace exportcheck::text
