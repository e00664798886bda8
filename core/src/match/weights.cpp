// Token weights: how much a token says about identity. Rare words weigh most; generic company words, legal
// forms and initials weigh little whatever their rarity.
#include "scorer.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace exportcheck::match {
namespace {

struct CommonWord {
    const char* word;
    float idf;
};
constexpr CommonWord kCommonWords[] = {
#include "common_words_table.inc"
};

class BuiltinRarity final : public WordRarity {
public:
    BuiltinRarity() {
        for (const auto& w : kCommonWords) idf_.emplace(w.word, w.idf);
    }
    double idf(std::string_view canonical) const override {
        const auto it = idf_.find(std::string(canonical));
        return it == idf_.end() ? kBuiltinUnknownIdf : it->second;
    }
    bool knows(std::string_view canonical) const override { return idf_.count(std::string(canonical)) > 0; }

private:
    std::unordered_map<std::string, float> idf_;
};

}  // namespace

const WordRarity& builtin_rarity() {
    static const BuiltinRarity rarity;
    return rarity;
}

float token_weight(text::TokenKind kind, double idf) {
    using text::TokenKind;
    switch (kind) {
        case TokenKind::word: return static_cast<float>(idf);
        case TokenKind::generic: return static_cast<float>(std::min(idf * 0.35, 2.0));
        case TokenKind::legal_form: return 0.3f;
        case TokenKind::initial: return 1.0f;
        case TokenKind::number: return 1.0f;  // series and fund numbers: lists and name_bench treat them as weak
        case TokenKind::stop: return 0.0f;
    }
    return 0.0f;
}

Tok make_tok(const text::Token& t, double idf) {
    Tok tok;
    tok.text = t.text;
    tok.source = t.source;
    tok.kind = t.kind;
    tok.abjad = t.abjad;
    tok.hangul = t.hangul;
    tok.han = t.han;
    tok.sound = text::sound_form(t.text);
    tok.skel = text::skeleton_of_sound(tok.sound);
    tok.weight = token_weight(t.kind, idf);
    tok.spellings = text::known_spellings(t.text);
    tok.nicknames = text::given_name_variants(t.text);
    return tok;
}

Prepared prepare(std::string_view name, EntityType type, const WordRarity& rarity) {
    Prepared p;
    auto normalized = text::normalize_name(name, type);
    p.notes = std::move(normalized.notes);
    for (const auto& t : normalized.tokens) {
        if (t.surname && p.owned.size() < 64) p.surnames |= std::uint64_t{1} << p.owned.size();
        p.owned.push_back(make_tok(t, rarity.idf(t.text)));
        p.owned.back().known = rarity.knows(t.text);
        if (t.kind == text::TokenKind::legal_form || t.kind == text::TokenKind::generic) p.orgish = true;
    }
    for (const auto& t : p.owned) p.toks.push_back(&t);
    return p;
}

}  // namespace exportcheck::match
