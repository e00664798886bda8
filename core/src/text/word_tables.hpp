// The linguistic tables of the name pipeline, loaded once from the *_table.inc data into lookup structures.
#pragma once

#include <exportcheck/text.hpp>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace exportcheck::text::detail {

struct Phrase {
    std::vector<std::string> words;  // folded words to match
    std::string result;              // canonical text ("" for stop phrases)
    TokenKind kind;                  // legal_form, stop or word (a multi-word variant)
    bool edge_only;                  // short legal forms: only at the start or end of a name
};

struct WordTables {
    // Phrases by their first word, longest first.
    std::unordered_map<std::string, std::vector<Phrase>> phrases;
    std::unordered_map<std::string, std::string> variants;        // single word -> canonical
    std::unordered_map<std::string, std::string> abjad_variants;  // Arabic-script spellings, transliterated
    std::unordered_set<std::string> generic;
    std::unordered_set<std::string> stop;  // single stop words (also in `phrases`)
};

const WordTables& word_tables();

}  // namespace exportcheck::text::detail
