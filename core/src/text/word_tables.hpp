// The linguistic tables of the name pipeline, loaded once from the *_table.inc data into one lexicon: a
// single hash lookup per word tells every step what it needs (phrases it starts, variant, kind, number).
#pragma once

#include <exportcheck/fnv.hpp>
#include <exportcheck/text.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace exportcheck::text::detail {

struct Phrase {
    std::vector<std::string> words;  // folded words to match
    std::string result;              // canonical text ("" for stop phrases)
    TokenKind kind;                  // legal_form, stop or word (a multi-word variant)
    bool edge_only;                  // short legal forms: only at the start or end of a name
};

template <class V>
using WordMap = std::unordered_map<std::string, V, WordHash, std::equal_to<>>;

struct WordInfo {
    std::vector<Phrase> phrases;                // phrases that start with this word, longest first
    std::vector<const Phrase*> legal_second;    // multi-word legal forms whose second word this is
    std::string variant;                        // canonical spelling, "" when this is one
    std::vector<std::string> spellings;         // when canonical: its known Latin variant spellings
    int number = -1;                            // value of a number word or roman numeral
    bool stop = false;                          // a single stop word
    bool generic = false;                       // a generic company word (canonical spelling)
    std::vector<std::string> nicknames;         // given names this one is a nickname of, or nicknames of it
    std::string expansion;                      // the company word this abbreviates ("grp" -> "group")
    bool expansion_org_only = false;            // only in a name with other company words ("eng", "dev")
};

struct WordTables {
    WordMap<WordInfo> lexicon;
    WordMap<std::string> abjad_variants;  // Arabic-script spellings, transliterated -> canonical
    std::vector<const Phrase*> long_forms;  // one-word legal forms of six letters or more (for typos)
    // The same by first and by second letter: a word one edit away keeps one of them in place.
    std::vector<const Phrase*> long_forms_by_first[256], long_forms_by_second[256];

    const WordInfo* find(std::string_view word) const {
        const auto it = lexicon.find(word);
        return it == lexicon.end() ? nullptr : &it->second;
    }
};

const WordTables& word_tables();

}  // namespace exportcheck::text::detail
