// Loads the data tables (legal forms, stop words, generic words, variants, number words) into the lexicon.
// Every phrase is folded through split_words, so tables may be written in any script and spelling.
#include "word_tables.hpp"

#include <algorithm>

namespace exportcheck::text::detail {
namespace {

struct LegalForm {
    const char* phrase;
    const char* form;
};
constexpr LegalForm kLegalForms[] = {
#include "legal_forms_table.inc"
};
constexpr const char* kStopWords[] = {
#include "stop_words_table.inc"
};
constexpr const char* kGenericWords[] = {
#include "generic_words_table.inc"
};
struct VariantGroup {
    const char* canonical;
    const char* variants;
};
constexpr VariantGroup kVariants[] = {
#include "variants_table.inc"
};
struct Abbreviation {
    const char* abbreviation;
    const char* word;
    bool org_only;
};
constexpr Abbreviation kAbbreviations[] = {
#include "abbreviations_table.inc"
};
struct Nicknames {
    const char* name;
    const char* nicknames;
};
constexpr Nicknames kNicknames[] = {
#include "nicknames_table.inc"
};
struct NumberWord {
    const char* word;
    int value;
};
constexpr NumberWord kNumberWords[] = {
#include "number_words_table.inc"
};
// Roman numerals of two letters or more (one letter is an initial).
constexpr const char* kRoman[] = {"", "", "ii", "iii", "iv", "", "vi", "vii", "viii", "ix", "",
                                  "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"};

std::vector<std::string> fold_words(std::string_view text, bool* abjad = nullptr) {
    std::vector<std::string> out;
    for (auto& w : split_words(text)) {
        if (abjad && is_abjad(w.script)) *abjad = true;
        out.push_back(std::move(w.text));
    }
    return out;
}

void add_phrase(WordTables& t, std::vector<std::string> words, std::string result, TokenKind kind) {
    if (words.empty()) return;
    std::size_t letters = 0;
    for (const auto& w : words) letters += w.size();
    const bool edge_only = kind == TokenKind::legal_form && letters <= 2;
    auto& list = t.lexicon[words.front()].phrases;
    const auto same = [&](const Phrase& p) { return p.words == words; };
    if (std::find_if(list.begin(), list.end(), same) != list.end()) return;  // first definition wins
    list.push_back({std::move(words), std::move(result), kind, edge_only});
}

// Given names and their nicknames, both ways, in canonical spellings ("nick" <-> "nicholas").
void add_nicknames(WordTables& t) {
    const auto canonical = [&](const std::string& w) {
        const auto it = t.lexicon.find(w);
        return it != t.lexicon.end() && !it->second.variant.empty() ? it->second.variant : w;
    };
    const auto link = [&](const std::string& a, const std::string& b) {
        auto& list = t.lexicon[a].nicknames;
        if (a != b && std::find(list.begin(), list.end(), b) == list.end()) list.push_back(b);
    };
    for (const auto& group : kNicknames) {
        const auto name = canonical(group.name);
        std::string_view list = group.nicknames;
        while (!list.empty()) {
            const auto end = std::min(list.find(' '), list.size());
            const auto nick = canonical(std::string(list.substr(0, end)));
            list.remove_prefix(std::min(end + 1, list.size()));
            link(name, nick);
            link(nick, name);
        }
    }
}

WordTables load() {
    WordTables t;
    for (const auto& lf : kLegalForms) add_phrase(t, fold_words(lf.phrase), lf.form, TokenKind::legal_form);
    for (const char* s : kStopWords) {
        auto words = fold_words(s);
        if (words.size() == 1) t.lexicon[words.front()].stop = true;
        add_phrase(t, std::move(words), "", TokenKind::stop);
    }
    for (const char* g : kGenericWords) {
        auto words = fold_words(g);
        if (words.size() == 1) t.lexicon[words.front()].generic = true;
    }
    for (const auto& a : kAbbreviations) {
        auto& info = t.lexicon[a.abbreviation];
        info.expansion = a.word;
        info.expansion_org_only = a.org_only;
    }
    for (const auto& nw : kNumberWords) t.lexicon[nw.word].number = nw.value;
    for (int n = 2; n < static_cast<int>(std::size(kRoman)); ++n)
        if (kRoman[n][0]) t.lexicon[kRoman[n]].number = n;
    for (const auto& group : kVariants) {
        std::string_view list = group.variants;
        while (!list.empty()) {
            const auto end = std::min(list.find(' '), list.size());
            std::string variant(list.substr(0, end));
            list.remove_prefix(std::min(end + 1, list.size()));
            if (variant.empty()) continue;
            std::replace(variant.begin(), variant.end(), '_', ' ');
            bool abjad = false;
            auto words = fold_words(variant, &abjad);
            if (words.size() != 1) {
                add_phrase(t, std::move(words), group.canonical, TokenKind::word);
            } else if (abjad) {
                t.abjad_variants.emplace(words.front(), group.canonical);
            } else if (words.front() != group.canonical) {
                auto& info = t.lexicon[words.front()];
                if (info.variant.empty()) info.variant = group.canonical;
                t.lexicon[group.canonical].spellings.push_back(words.front());
            }
        }
    }
    add_nicknames(t);
    for (auto& [word, info] : t.lexicon)
        std::stable_sort(info.phrases.begin(), info.phrases.end(),
                         [](const Phrase& a, const Phrase& b) { return a.words.size() > b.words.size(); });
    // Multi-word legal forms by their second word (to find a typo in the first). Pointers into the
    // phrase vectors stay valid: nothing is added to the lexicon after this.
    std::vector<const Phrase*> multi;
    for (const auto& [word, info] : t.lexicon)
        for (const auto& p : info.phrases)
            if (p.kind == TokenKind::legal_form && p.words.size() >= 2) multi.push_back(&p);
    std::sort(multi.begin(), multi.end(), [](const Phrase* a, const Phrase* b) {
        return a->words.size() != b->words.size() ? a->words.size() > b->words.size() : a->words < b->words;
    });
    for (const auto* p : multi) t.lexicon[p->words[1]].legal_second.push_back(p);
    for (const auto& [word, info] : t.lexicon)
        for (const auto& p : info.phrases)
            if (p.kind == TokenKind::legal_form && p.words.size() == 1 && p.words[0].size() >= 6) t.long_forms.push_back(&p);
    std::sort(t.long_forms.begin(), t.long_forms.end(),
              [](const Phrase* a, const Phrase* b) { return a->words[0] < b->words[0]; });
    for (const auto* p : t.long_forms) {
        t.long_forms_by_first[static_cast<unsigned char>(p->words[0][0])].push_back(p);
        t.long_forms_by_second[static_cast<unsigned char>(p->words[0][1])].push_back(p);
    }
    return t;
}

}  // namespace

const WordTables& word_tables() {
    static const WordTables tables = load();
    return tables;
}

}  // namespace exportcheck::text::detail
