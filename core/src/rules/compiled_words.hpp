// The word lists of the rules documents, compiled once when the rules load (internal).
#pragma once

#include "free_text.hpp"
#include "words.hpp"

#include <exportcheck/rules.hpp>

#include <map>
#include <set>
#include <string>

namespace exportcheck {

struct CompiledWords {
    // red-flags.json words
    std::map<std::string, rules_detail::WordList> party_kinds;  // forwarder, logistics, trading, bank
    rules_detail::WordList person_types, residential, declared_generic, vague_end_use, business_fits, business_misfits,
        iaas, d5_mentions;
    rules_detail::FreeTextLexicon free_text;                    // phrases-<lang>.json: what buyers write
    std::map<std::string, std::size_t> overlay_names;           // list-overlays.json: folded name -> entry
    std::vector<std::string> overlay_legal_forms;               // folded, longest first
    std::set<std::string> free_mail_domains;
    // products.json words
    rules_detail::WordList system_words, datacenter_words, gpu_words, count_skip_words;
    std::map<std::string, rules_detail::WordList> contexts;
};

// Compiles the word lists of the documents; errors name the document and field.
// `documents` holds every rules document (the phrase lexicons phrases-<lang> among them).
std::shared_ptr<const CompiledWords> compile_words(const nlohmann::ordered_json& documents);

}  // namespace exportcheck
