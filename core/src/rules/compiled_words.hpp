// The word lists of the rules documents, compiled once when the rules load (internal).
#pragma once

#include "words.hpp"

#include <exportcheck/rules.hpp>

#include <map>
#include <set>
#include <string>

namespace exportcheck {

struct CompiledWords {
    // red-flags.json words
    std::map<std::string, rules_detail::WordList> party_kinds;  // forwarder, logistics, trading, bank
    rules_detail::WordList person_types, residential, cash_crypto, cash_crypto_not, mislabel, split_order,
        declared_generic, support_declined, evasive_end_use, vague_end_use, business_fits, business_misfits, iaas,
        d5_mentions;
    std::map<std::string, rules_detail::WordList> catch_all;    // supercomputer, military, ...
    std::set<std::string> free_mail_domains;
    // products.json words
    rules_detail::WordList system_words, datacenter_words, gpu_words, count_skip_words;
    std::map<std::string, rules_detail::WordList> contexts;
};

// Compiles the word lists of the documents; errors name the document and field.
std::shared_ptr<const CompiledWords> compile_words(const nlohmann::json& red_flags, const nlohmann::json& products);

}  // namespace exportcheck
