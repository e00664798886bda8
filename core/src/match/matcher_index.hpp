// The Matcher's index: the vocabulary of listed tokens with their rarity, every listed name as token ids,
// postings from token to names, and keys for near spellings. Built once from the entries.
#pragma once

#include "scorer.hpp"

#include <exportcheck/fnv.hpp>

#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

namespace exportcheck {

// The index keys hash with text::fnv1a64 (exportcheck/fnv.hpp): the same on every platform, so native and
// wasm builds index identically.
using text::fnv1a64;

struct Matcher::Index final : match::WordRarity {
    static constexpr std::uint32_t kNoSlot = 0xFFFFFFFFu;
    static constexpr std::size_t kMemoTokens = 16;  // query tokens whose similarities are cached

    struct Name {
        std::uint32_t entry;
        std::uint32_t first;   // into name_toks
        std::uint16_t count;
        bool orgish;
        float weight;          // sum of its tokens' weights
        std::uint64_t surnames;  // bit k: token k was written as a surname
        std::string_view text; // the name as listed (or derived from it: parentheses removed)
    };

    // `base`: another index whose names count too for word rarity (see Matcher(entries, base)).
    explicit Index(const std::vector<Entry>& entries, const Index* base = nullptr);

    // WordRarity: inverse document frequency over all listed names (with the base index's).
    double idf(std::string_view canonical) const override;
    bool knows(std::string_view canonical) const override;
    // The idf of a text used by `df` names of this index.
    double idf_of(std::string_view canonical, std::uint32_t df) const;
    // Names of this index (not the base's) using the text.
    std::uint32_t df_of(std::string_view canonical) const;

    // Vocabulary id of a token, or kNoVocab.
    std::uint32_t find(std::string_view text, text::TokenKind kind, bool abjad) const;

    // What each query token retrieves: near spellings in the vocabulary, names writing it apart, tokens of
    // names it writes together. Fills `hits`.
    void neighbours(const match::Prepared& q);
    // Names that may reach the retrieval coverage (from `hits`), in ascending id order.
    std::vector<std::uint32_t> candidates(const match::Prepared& q);
    // Points `p` at a listed name's tokens (in the vocabulary).
    void prepare_name(std::uint32_t name, match::Prepared& p) const;

    // Similarities of the query's tokens with vocabulary tokens, computed once per query.
    void begin_query(const match::Prepared& q);
    match::Sim sim(const match::Prepared& q, std::size_t i, const match::Tok* t);
    std::uint32_t& entry_slot(std::uint32_t entry) { return entry_slots[entry]; }

    // Vocabulary: tokens by canonical text; tokens of one text (other kind or script) are chained.
    match::WordMapU32 first_of_text;
    std::vector<match::Tok> vocab;
    std::vector<std::uint32_t> next_same_text, text_df;  // text_df: on the first token of each text
    // Names.
    std::vector<Name> names;
    std::vector<std::uint32_t> name_toks;
    // A vocabulary token is shared by every name using its text, with the spelling of the first name that
    // did ("muhammad" as written "mohamed"; legal form "ltd" as "co ltd"). Where a name wrote it otherwise
    // ("el" for "al", "oy" for "ltd"), its own copy keeps that spelling: joined and split words are compared
    // as written ("Russian CargoOy", "Mohamed ELZEIN"). Parallel to name_toks; kNoVocab = the shared token.
    std::vector<std::uint32_t> name_respelled;
    std::deque<match::Tok> respelled;
    const match::Tok& name_tok(std::size_t at) const {
        return name_respelled[at] == match::kNoVocab ? vocab[name_toks[at]] : respelled[name_respelled[at]];
    }
    std::deque<std::string> derived_texts;
    // Postings: token -> names (CSR).
    std::vector<std::uint32_t> post_offsets, postings;
    // Near-spelling keys, (hash << 32 | token) sorted: deletion neighbourhood, sound form, skeleton.
    std::vector<std::uint64_t> deletion_keys, sound_keys, skeleton_keys;
    // Words written apart in a listed name, joined: (hash << 32 | name).
    std::vector<std::uint64_t> joined_keys;
    double name_total = 0;  // number of names, for the idf
    const Index* base = nullptr;

    // Per-query scratch (the Matcher is not thread-safe).
    struct TokenHits {
        bool known = false;                                     // the token itself is listed
        std::vector<std::pair<std::uint32_t, match::Sim>> near;  // vocabulary tokens, best first
        std::vector<std::uint32_t> joined_names;                // names writing it apart
        std::vector<std::uint32_t> extra_tokens;                // tokens whose names may meet it
        float split_weight = 0;                                 // weight of the listed words it joins
        bool any() const { return !near.empty() || !joined_names.empty() || !extra_tokens.empty(); }
    };
    std::vector<TokenHits> hits;
    std::vector<float> acc;
    std::vector<std::uint32_t> stamp, seen_token;
    std::uint32_t query_no = 0, pass_no = 0;
    std::vector<std::uint32_t> entry_slots;
    std::vector<match::Sim> memo;          // [token * kMemoTokens + i]
    std::vector<std::uint32_t> memo_stamp;

    // Recent queries: a name's scores before corroboration depend only on the name, its type and the
    // threshold, so a batch naming the same customer or forwarder in many orders retrieves and scores it
    // once. Kept per Matcher (per bundle); dropped whole when full.
    struct Recent {
        std::vector<std::pair<float, text::TokenKind>> adjusted;  // query token weights and kinds, as run() set them
        std::vector<std::pair<std::uint32_t, double>> scored;     // (name, score) that corroboration could lift
    };
    static constexpr std::size_t kRecentMax = 8192;
    std::unordered_map<std::string, Recent> recent;

private:
    // The constructor's steps, in order.
    struct Building;
    void forms_of(const Entry& entry, std::vector<std::string_view>& forms);
    void add_name(std::uint32_t entry, std::string_view form, EntityType type, std::size_t entry_begin, Building& b);
    std::uint32_t add_token(const text::Token& token, Building& b);
    void weigh_tokens(Building& b);
    void add_postings(const Building& b);
    void add_spelling_keys();
    void add_joined_keys();
};

}  // namespace exportcheck
