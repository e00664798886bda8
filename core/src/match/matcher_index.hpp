// The Matcher's index: the vocabulary of listed tokens with their rarity, every listed name as token ids,
// postings from token to names, and keys for near spellings. Built once from the entries.
#pragma once

#include "scorer.hpp"

#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

namespace exportcheck {

struct Matcher::Index final : match::WordRarity {
    static constexpr std::uint32_t kNoSlot = 0xFFFFFFFFu;

    struct Name {
        std::uint32_t entry;
        std::uint32_t first;   // into name_toks
        std::uint16_t count;
        bool orgish;
        std::string_view text; // the name as listed (or derived from it: parentheses removed)
    };

    explicit Index(const std::vector<Entry>& entries);

    // WordRarity: inverse document frequency over all listed names.
    double idf(std::string_view canonical) const override;

    // Names that may reach the retrieval coverage, in ascending id order.
    std::vector<std::uint32_t> candidates(const match::Prepared& q);
    match::Prepared prepared_name(std::uint32_t name) const;
    std::string name_text(std::uint32_t name) const { return std::string(names[name].text); }

    // Similarities of the query's tokens with vocabulary tokens, computed once per query.
    void begin_query_memo(const match::Prepared& q);
    match::Sim memo_sim(const match::Prepared& q, std::size_t i, const match::Tok* t);
    std::uint32_t& entry_slot(std::uint32_t entry) { return entry_slots[entry]; }

    // Vocabulary.
    std::unordered_map<std::string, std::uint32_t> vocab_ids;  // key: text, kind, abjad
    std::unordered_map<std::string, std::uint32_t> text_df;    // names using each canonical text
    std::vector<match::Tok> vocab;
    std::vector<std::uint32_t> df;
    // Names.
    std::vector<Name> names;
    std::vector<std::uint32_t> name_toks;
    std::deque<std::string> derived_texts;
    // Postings: token -> names (CSR).
    std::vector<std::uint32_t> post_offsets, postings;
    // Near-spelling keys (hash, token) sorted by hash: deletion neighbourhood, sound form, skeleton.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> deletion_keys, sound_keys, skeleton_keys;
    // Words written apart in a listed name, joined: (hash of the joined text, name).
    std::vector<std::pair<std::uint64_t, std::uint32_t>> joined_keys;
    double name_total = 0;  // number of names, for the idf

    // Per-query scratch (the Matcher is not thread-safe).
    std::vector<float> acc;
    std::vector<std::uint32_t> stamp, seen_token;
    std::uint32_t query_no = 0, pass_no = 0;
    std::vector<std::uint32_t> entry_slots;
    std::unordered_map<std::uint64_t, match::Sim> memo;
};

std::uint64_t key_hash(std::string_view s) noexcept;

}  // namespace exportcheck
