// Red flags read from what buyers write (internal). The phrase lexicons of data/rules/phrases-<lang>.json
// (English, French, German, Spanish, Chinese) are compiled once; an order's free-text fields are cut into
// clauses and each clause is searched in every language, since buyers mix them.
//
//   - a phrase matches whole folded words ("remove the stickers"); a trailing * matches any ending; a phrase
//     in Chinese (non-Latin letters) matches anywhere in the clause;
//   - a category with `then` words fires only when one of them follows the phrase closely ("declare as" ...
//     "computer parts"), so "declare as NVIDIA H100 GPUs" raises nothing;
//   - in a negatable category a negation shortly before the phrase in the same clause ("please do not split
//     the shipment", "请不要拆分"), or in German just after it ("teilen Sie die Sendung nicht auf"), cancels it,
//     unless a word like "forget" stands between ("don't forget to remove the labels").
//
// red-flags.json `free_text` says which fields each category reads and which rule it raises.
#pragma once

#include "words.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace exportcheck {
struct Order;
}

namespace exportcheck::rules_detail {

// One phrase that fired, with the buyer's own words.
struct TextHit {
    std::string category;  // "split", "tamper", "military", ...
    std::string language;  // "en", "fr", ...
    std::string phrase;    // as written in the lexicon
    std::string quote;     // the words of the order that matched, as the buyer wrote them
    std::string field;     // "instructions", "notes", "end_use", "payment.method", "parties[1].business"
};

class FreeTextLexicon {
public:
    FreeTextLexicon() = default;
    // `config` is red-flags.json `free_text`; `documents` holds the rules documents ("phrases-en", ...).
    FreeTextLexicon(const nlohmann::ordered_json& config, const nlohmann::ordered_json& documents);

    // Every category that fires in the order's free text (the first phrase per category and field), in the
    // order of the fields and of the text. Only the categories in `wanted` are looked for (all when empty).
    std::vector<TextHit> scan(const Order& order, const std::vector<std::string>& wanted = {}) const;
    // The same on one text, as `field` (tests, and fields outside an order).
    std::vector<TextHit> scan_text(std::string_view text, const std::string& field,
                                   const std::vector<std::string>& wanted = {}) const;

    std::vector<std::string> languages() const;
    bool empty() const noexcept { return categories_.empty(); }

private:
    struct Phrase {
        std::string raw, language, folded;
        std::vector<std::string> words;
        bool prefix = false, cjk = false;
    };
    struct Category {
        std::string name;
        std::vector<std::string> fields;  // empty: every free-text field
        bool negatable = true;
        std::vector<Phrase> then;          // words one of which must follow (all languages)
    };
    struct Ref {
        std::size_t category, phrase;
    };
    static Phrase compile(const std::string& raw, const std::string& language);
    static bool match_at(const Phrase& p, const std::vector<std::string>& words, std::size_t at);
    bool negated_latin(const std::vector<std::string>& words, std::size_t begin, std::size_t end) const;
    bool negated_cjk(const std::string& text, std::size_t at) const;
    bool then_follows(const Category& c, const std::vector<std::string>& words, std::size_t end) const;
    bool wants(const Category& c, const std::string& field, const std::vector<std::string>& wanted) const;
    void scan_clause(std::string_view clause, const std::string& field, const std::vector<std::string>& wanted,
                     std::vector<TextHit>& out) const;

    std::vector<Category> categories_;
    std::vector<Phrase> phrases_;                                   // every phrase of every category
    std::vector<std::size_t> phrase_category_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_first_word_;
    std::vector<std::size_t> prefix_first_, cjk_;                   // phrases not indexed by a whole first word
    std::vector<Phrase> negations_, negations_after_, cancels_;     // Latin, all languages together
    std::vector<std::string> cjk_negations_, cjk_cancels_;
    std::size_t window_ = 4, window_after_ = 2, then_window_ = 4;
    std::vector<std::string> fields_;
    std::vector<std::string> languages_;
};

}  // namespace exportcheck::rules_detail
