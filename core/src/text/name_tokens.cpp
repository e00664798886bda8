// Steps 3 to 6 of the name pipeline: person name order, phrases (legal forms, stop phrases, multi-word
// variants), canonical spellings, token kinds; and normalize_name(), which chains every step.
#include "word_tables.hpp"

#include <algorithm>
#include <array>
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

using detail::Phrase;
using detail::WordInfo;

// The words of a name with their lexicon entries (one lookup per word).
struct Words {
    const std::vector<Word>& words;
    std::vector<const WordInfo*> info;
    explicit Words(const std::vector<Word>& w) : words(w), info(w.size()) {
        const auto& tables = word_tables();
        for (std::size_t i = 0; i < w.size(); ++i) info[i] = tables.find(w[i].text);
    }
    std::size_t size() const { return words.size(); }
    const std::string& text(std::size_t i) const { return words[i].text; }
};

// Words of a multi-word legal form agree when equal, or (once per phrase, in a word of 5 letters or more)
// one letter apart: "LIMITED LIAILITY COMPANY" is still a limited liability company.
bool phrase_words_agree(const Phrase& p, const Words& w, std::size_t i, std::size_t from, std::size_t count,
                        bool& typo_used) {
    for (std::size_t k = from; k < count; ++k) {
        const auto& t = w.text(i + k);
        if (t == p.words[k]) continue;
        if (typo_used || p.kind != TokenKind::legal_form || p.words.size() < 2 || p.words[k].size() < 5 ||
            !within_one_edit(t, p.words[k]))
            return false;
        typo_used = true;
    }
    return true;
}

bool phrase_fits(const Phrase& p, const Words& w, std::size_t i, bool first_typo) {
    if (i + p.words.size() > w.size()) {
        // A legal form cut off by a field length at the end of a name ("JOINT STOCK COMPAN").
        const std::size_t have = w.size() - i;
        if (p.kind != TokenKind::legal_form || have < 2 || i == 0) return false;
        bool typo = first_typo;
        if (!phrase_words_agree(p, w, i, 1, have - 1, typo)) return false;
        const auto& last = w.text(w.size() - 1);
        return last.size() >= 3 && p.words[have - 1].starts_with(last);
    }
    bool typo = first_typo;
    if (!phrase_words_agree(p, w, i, 1, p.words.size(), typo)) return false;
    if (p.edge_only && i != 0 && i + p.words.size() != w.size()) return false;
    if (p.edge_only && w.size() == p.words.size()) return false;  // "AO" alone is a name, not a form
    return true;
}

// The phrase that starts at word i, or nullptr. Short legal forms count only at the edges.
const Phrase* phrase_at(const Words& w, std::size_t i) {
    if (const auto* info = w.info[i])
        for (const auto& p : info->phrases)
            if (phrase_fits(p, w, i, false)) return &p;
    // A typo in the first word of a multi-word legal form ("LMITED LIABILITY COMPANY"): found by its second.
    if (i + 1 < w.size() && w.text(i).size() >= 4 && w.info[i + 1])
        for (const auto* p : w.info[i + 1]->legal_second)
            if (p->words[0].size() >= 5 && within_one_edit(w.text(i), p->words[0]) && phrase_fits(*p, w, i, true))
                return p;
    // A misspelt one-word legal form of six letters or more ("Limitde", "Compay", "kORPORATION"): one edit
    // leaves the first or the second letter in place, or swaps them.
    if (w.text(i).size() >= 6 && (!w.info[i] || w.info[i]->phrases.empty())) {
        const auto& t = w.text(i);
        const auto& tables = word_tables();
        for (const auto* list : {&tables.long_forms_by_first[static_cast<unsigned char>(t[0])],
                                 &tables.long_forms_by_second[static_cast<unsigned char>(t[1])],
                                 &tables.long_forms_by_first[static_cast<unsigned char>(t[1])]})
            for (const auto* p : *list)
                if (within_one_edit(t, p->words[0]) && phrase_fits(*p, w, i, true)) return p;
    }
    return nullptr;
}

// Whether words from `from` to the end are only legal forms ("SNGB, AO": the part after the comma).
bool only_legal_forms(const std::vector<Word>& words) {
    if (words.empty()) return false;
    const Words w(words);
    for (std::size_t i = 0; i < w.size();) {
        const Phrase* p = phrase_at(w, i);
        if (!p && w.info[i]) {
            // A lone short form ("AO") is not matched as a phrase on its own, but is one here.
            for (const auto& q : w.info[i]->phrases)
                if (q.kind == TokenKind::legal_form && q.words.size() == w.size() - i &&
                    std::equal(q.words.begin(), q.words.end(), words.begin() + static_cast<std::ptrdiff_t>(i),
                               [](const std::string& a, const Word& b) { return a == b.text; }))
                    return true;
        }
        if (!p || p->kind != TokenKind::legal_form) return false;
        i += p->words.size();
    }
    return true;
}

std::string apply_affixes(std::string_view word) {
#include "variant_affixes_table.inc"
    // Most words end in a letter no suffix rule ends in, and do not start with "abd": nothing to do.
    static constexpr auto kSuffixEnds = [] {
        std::array<bool, 256> ends{};
        for (const auto& r : kVariantSuffixes) ends[static_cast<unsigned char>(std::string_view(r.from).back())] = true;
        return ends;
    }();
    const bool prefix_possible = word.size() >= 7 && word[0] == 'a' && word[1] == 'b' && word[2] == 'd';
    const bool suffix_possible = word.size() >= 6 && kSuffixEnds[static_cast<unsigned char>(word.back())];
    if (!prefix_possible && !suffix_possible) return std::string(word);
    std::string out(word);
    if (prefix_possible)
        for (const auto& r : kVariantPrefixes) {
            const std::string_view from = r.from;
            if (out.size() >= from.size() + 3 && out.starts_with(from)) {
                out = r.to + out.substr(from.size());
                break;
            }
        }
    if (suffix_possible)
        for (const auto& r : kVariantSuffixes) {
            const std::string_view from = r.from;
            if (out.size() >= from.size() + 3 && out.ends_with(from)) {
                out = out.substr(0, out.size() - from.size()) + r.to;
                break;
            }
        }
    return out;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "206th" -> "206"; number words and roman numerals of two or more letters -> digits; else "".
std::string number_value(std::string_view w, const WordInfo* info) {
    std::size_t d = 0;
    while (d < w.size() && w[d] >= '0' && w[d] <= '9') ++d;
    if (d > 0) {
        const auto rest = w.substr(d);
        if (!(rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th")) return "";
        const auto nz = w.substr(0, d).find_first_not_of('0');
        return nz == std::string_view::npos ? "0" : std::string(w.substr(nz, d - nz));
    }
    if (info && info->number >= 0) return std::to_string(info->number);
    return "";
}

TokenKind classify(std::string_view word, const WordInfo* info) {
    if (info && info->stop) return TokenKind::stop;
    if (!number_value(word, info).empty()) return TokenKind::number;
    if (word.size() == 1 && word[0] >= 'a' && word[0] <= 'z') return TokenKind::initial;
    if (info && info->generic) return TokenKind::generic;
    return TokenKind::word;
}

// The canonical spelling of a word and its lexicon entry.
std::string canonical(std::string_view word, const WordInfo* info, const WordInfo** canonical_info = nullptr) {
    const auto& tables = word_tables();
    auto found = [&](std::string s) {
        if (canonical_info) *canonical_info = tables.find(s);
        return s;
    };
    if (info && !info->variant.empty()) return found(info->variant);
    auto affixed = apply_affixes(word);
    if (affixed.size() != word.size() || affixed != word) {
        const auto* again = tables.find(affixed);
        if (again && !again->variant.empty()) return found(again->variant);
        if (canonical_info) *canonical_info = again;
        return affixed;
    }
    if (canonical_info) *canonical_info = info;
    return affixed;
}

bool glue_prefix_candidate(std::string_view t) {
    return t.size() >= 7 && ((t[0] == 'o' && t[1] == 'o') || (t[0] == 'l' && t[1] == 'l') || t[1] == 'j' ||
                             (t[1] == 'a' && t[2] == 'o') || (t[0] == 'j' && t[1] == 's'));
}

bool any_long_word(const std::vector<Word>& in) {
    return std::any_of(in.begin(), in.end(), [](const Word& w) { return w.text.size() >= 7; });
}

// "OOOPlanar" -> "ooo" "planar"; "STARSLLC" -> "stars" "llc".
std::vector<Word> split_glued_forms(const std::vector<Word>& in) {
#include "glued_legal_forms_table.inc"
    std::vector<Word> out;
    out.reserve(in.size() + 2);
    for (const auto& w : in) {
        const std::string& t = w.text;
        bool split = false;
        if (t.size() >= 7) {
            const bool known = word_tables().find(t) != nullptr;
            if (!known && glue_prefix_candidate(t))
                for (const auto f : kGluedPrefixes)
                    if (!split && t.size() >= f.size() + 4 && t.starts_with(f)) {
                        out.push_back({std::string(f), w.script});
                        out.push_back({t.substr(f.size()), w.script});
                        split = true;
                    }
            if (!known)
                for (const auto f : kGluedSuffixes)
                    if (!split && t.size() >= f.size() + 4 && t.ends_with(f)) {
                        out.push_back({t.substr(0, t.size() - f.size()), w.script});
                        out.push_back({std::string(f), w.script});
                        split = true;
                    }
        }
        if (!split) out.push_back(w);
    }
    return out;
}

bool single_letter(const Word& w) {
    return w.text.size() == 1 && w.text[0] >= 'a' && w.text[0] <= 'z' && w.script == Script::latin;
}

// Whether a legal form written in single letters starts at word i or at the word before it ("S.A.R.L.",
// "Sp. z o.o."): those letters are a form, not a spaced-out word.
bool letter_form_at(const std::vector<Word>& words, std::size_t i) {
    const auto& tables = word_tables();
    for (std::size_t start = i > 0 ? i - 1 : i; start <= i; ++start)
        if (const auto* info = tables.find(words[start].text))
            for (const auto& p : info->phrases) {
                if (p.kind != TokenKind::legal_form || p.words.size() < 2 || start + p.words.size() > words.size() ||
                    start + p.words.size() <= i + 1)
                    continue;
                // Short forms count only at the edges of a name ("P E T R O S A N" has no S.A. in it).
                if (p.edge_only && start != 0 && start + p.words.size() != words.size()) continue;
                bool fits = true;
                for (std::size_t k = 1; fits && k < p.words.size(); ++k) fits = p.words[k] == words[start + k].text;
                if (fits) return true;
            }
    return false;
}

// A run of three or more single letters is one word spaced or dotted out ("S h e n z h e n",
// "S.H.E.N.Z.H.E.N"): the letters are joined. Two letters stay initials ("J. R. Smith").
std::size_t join_spaced_letters(const std::vector<Word>& in, std::size_t i, std::vector<Word>& out,
                                std::vector<Reason>* notes) {
    if (letter_form_at(in, i)) return 0;
    std::size_t end = i;
    // The run stops where a legal form in letters starts ("Fund X L.P." is the fund X, a partnership).
    while (end < in.size() && single_letter(in[end]) && (end == i || !letter_form_at(in, end))) ++end;
    if (end - i < 3) return 0;
    std::string joined, spaced;
    for (std::size_t k = i; k < end; ++k) {
        joined += in[k].text;
        if (!spaced.empty()) spaced.push_back(' ');
        spaced += in[k].text;
    }
    if (notes) notes->push_back({ReasonCode::spaced, std::move(spaced), joined});
    out.push_back({std::move(joined), Script::latin});
    return end - i;
}

// Undoes typing tricks at the word level: spaced-out letters joined, abbreviated company words written out
// ("grp" -> "group", "liab" -> "liability"). Returns false (out untouched) when there is nothing to do.
bool rewrite_words(const std::vector<Word>& in, std::vector<Word>& out, std::vector<Reason>* notes) {
    const auto& tables = word_tables();
    std::vector<const detail::WordInfo*> info(in.size());
    bool any = false, orgish = false;
    int abbreviations = 0;
    for (std::size_t i = 0; i < in.size(); ++i) {
        info[i] = tables.find(in[i].text);
        if (info[i] && !info[i]->expansion.empty()) ++abbreviations, any = true;
        if (const auto* w = info[i]) {
            const auto* canonical_info = w->variant.empty() ? w : tables.find(w->variant);
            orgish = orgish || (canonical_info && canonical_info->generic) ||
                     (!w->phrases.empty() && w->phrases.front().kind == TokenKind::legal_form);
        }
        if (i + 2 < in.size() && single_letter(in[i]) && single_letter(in[i + 1]) && single_letter(in[i + 2]))
            any = true;
    }
    if (!any) return false;
    out.clear();
    for (std::size_t i = 0; i < in.size();) {
        if (const std::size_t used = join_spaced_letters(in, i, out, notes)) {
            i += used;
            continue;
        }
        const auto* w = info[i];
        if (w && !w->expansion.empty() && (!w->expansion_org_only || orgish || abbreviations > 1)) {
            if (notes) notes->push_back({ReasonCode::abbreviation, in[i].text, w->expansion});
            for (auto& word : split_words(w->expansion)) out.push_back({std::move(word.text), in[i].script});
        } else {
            out.push_back(in[i]);
        }
        ++i;
    }
    return true;
}

}  // namespace

std::string person_name_order(std::string_view name, EntityType type) {
    if (type == EntityType::organization || type == EntityType::vessel || type == EntityType::aircraft)
        return std::string(name);
    const auto comma = name.find(',');
    if (comma == std::string_view::npos || name.find(',', comma + 1) != std::string_view::npos)
        return std::string(name);
    const auto last = name.substr(0, comma), first = name.substr(comma + 1);
    if (last.find_first_not_of(" \t") == std::string_view::npos) return std::string(name);
    const auto first_words = split_words(first);
    if (first_words.empty() || only_legal_forms(first_words)) return std::string(name);
    std::string out(first);
    out.push_back(' ');
    out += last;
    return out;
}

namespace {

// Phrases, canonical spellings and kinds in one pass over the words (one lexicon lookup per word).
std::vector<Token> tokens_of(const std::vector<Word>& original, bool canonicalise,
                             std::vector<Reason>* notes = nullptr) {
    std::vector<Word> rewritten, glued_split;
    const std::vector<Word>& input = rewrite_words(original, rewritten, notes) ? rewritten : original;
    const bool split = any_long_word(input);
    if (split) glued_split = split_glued_forms(input);
    const std::vector<Word>& words = split ? glued_split : input;
    const Words w(words);
    const auto& tables = word_tables();
    std::vector<Token> out;
    out.reserve(words.size());
    for (std::size_t i = 0; i < w.size();) {
        if (const Phrase* p = phrase_at(w, i)) {
            const std::size_t used = std::min(p->words.size(), w.size() - i);
            std::string source = w.text(i);
            for (std::size_t k = 1; k < used; ++k) {
                source.push_back(' ');
                source += w.text(i + k);
            }
            if (p->kind == TokenKind::legal_form) {
                out.push_back({p->result, std::move(source), p->kind, false});
            } else if (p->kind == TokenKind::word) {  // a multi-word variant ("abd allah" -> abdullah)
                const auto* info = tables.find(p->result);
                out.push_back({p->result, std::move(source), canonicalise ? classify(p->result, info) : p->kind,
                               false});
            }
            i += used;
            continue;
        }
        const Word& word = words[i];
        Token t{word.text, word.text, TokenKind::word, is_abjad(word.script)};
        t.hangul = word.script == Script::hangul;
        t.han = word.script == Script::han;
        if (canonicalise) {
            const WordInfo* info = w.info[i];
            if (t.abjad) {
                if (const auto it = tables.abjad_variants.find(t.text); it != tables.abjad_variants.end()) {
                    t.text = it->second;
                    t.abjad = false;  // a known spelling: compare it like any Latin word
                    info = tables.find(t.text);
                }
            } else {
                t.text = canonical(t.text, info, &info);
            }
            t.kind = classify(t.text, info);
            if (t.kind == TokenKind::number) t.text = number_value(t.text, info);
            if (t.kind == TokenKind::word && all_digits(t.text)) t.kind = TokenKind::number;
        }
        out.push_back(std::move(t));
        ++i;
    }
    return out;
}

}  // namespace

std::vector<Token> apply_phrases(const std::vector<Word>& input) { return tokens_of(input, false); }

bool within_one_edit(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (i == a.size()) return true;
    if (a.size() == b.size())
        return a.substr(i + 1) == b.substr(i + 1) ||
               (i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2));
    return a.substr(i) == b.substr(i + 1);
}

std::string canonical_variant(std::string_view word) { return canonical(word, word_tables().find(word)); }

const std::vector<std::string>* known_spellings(std::string_view canonical_word) {
    const auto* info = word_tables().find(canonical_word);
    return info && !info->spellings.empty() ? &info->spellings : nullptr;
}

const std::vector<std::string>* given_name_variants(std::string_view canonical_word) {
    const auto* info = word_tables().find(canonical_word);
    return info && !info->nicknames.empty() ? &info->nicknames : nullptr;
}

TokenKind classify(std::string_view word) { return classify(word, word_tables().find(word)); }

NormalizedName normalize_name(std::string_view typed, EntityType type) {
    NormalizedName out;
    std::string undisguised;
    const std::string_view name = undisguise(typed, undisguised, &out.notes) ? std::string_view(undisguised) : typed;
    std::vector<Word> words;
    const auto comma = name.find(',');
    bool reorder = false;
    std::vector<Word> given, family;
    if (comma != std::string_view::npos && name.find(',', comma + 1) == std::string_view::npos &&
        type != EntityType::organization && type != EntityType::vessel && type != EntityType::aircraft) {
        // "LAST, First" (the same test as person_name_order, without splitting twice).
        given = split_words(name.substr(comma + 1));
        family = split_words(name.substr(0, comma));
        reorder = !given.empty() && !family.empty() && !only_legal_forms(given);
    }
    if (reorder) {
        // The given names, then the surnames, marked as such.
        out.tokens = tokens_of(given, true, &out.notes);
        auto surnames = tokens_of(family, true, &out.notes);
        for (auto& t : surnames) {
            t.surname = true;
            out.tokens.push_back(std::move(t));
        }
        words = std::move(given);
        words.insert(words.end(), family.begin(), family.end());
    } else {
        words = split_words(name);
        out.tokens = tokens_of(words, true, &out.notes);
    }
    if (out.tokens.empty())  // a name made only of stop words or forms ("The Company") is still a name
        for (const auto& w : words) out.tokens.push_back({w.text, w.text, TokenKind::word, is_abjad(w.script)});
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
