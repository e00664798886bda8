// Name matching: a query name against every name and alias of the loaded lists, and one name against
// another. Names go through the text pipeline (exportcheck/text.hpp); the scorer aligns their tokens.
//
// The score (0..1) and what it means
//   A query token meets a listed token when their spellings agree closely enough (edit distance relative to
//   length, sound-alike spellings, consonant skeletons for Arabic and Hebrew script, initials, joined or split
//   words). Each token weighs by how rare it is across the lists (common words like "Muhammad", "Trading" or
//   "Ltd" weigh little; legal forms and generic company words almost nothing). The score rises with the share
//   of both names' weight that is met, so extra or missing informative words lower it; missing middle names
//   and patronymics lower it only a little. A match needs at least one informative word in common: a name
//   made only of generic words ("International Trading Co") never matches by itself.
//   Matching an entry (not a bare pair) adds corroboration: the query's type against the entry's type,
//   the query's country against the entry's countries, the query's date of birth against the entry's.
//
//   score >= kReportThreshold (0.82)            reported as a hit: a compliance officer should look
//   kReportThreshold <= score < kStrongMatch     the review band: a possible match, check the details
//   score >= kStrongMatch (0.92)                 a strong match: the names agree almost entirely
//
// The thresholds were calibrated on the evaluation in bench/eval_names.cpp (see docs/matching.md).
#pragma once

#include <exportcheck/entry.hpp>
#include <exportcheck/reason.hpp>

#include <exportcheck/result.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace exportcheck {

namespace match {
struct Prepared;
}

inline constexpr double kReportThreshold = 0.82;
inline constexpr double kStrongMatch = 0.92;
inline constexpr std::size_t kDefaultTop = 10;

struct MatchQuery {
    std::string name;
    EntityType type = EntityType::unknown;
    std::string country;        // ISO 3166-1 alpha-2 or a country name; "" when unknown
    std::string date_of_birth;  // YYYY, YYYY-MM or YYYY-MM-DD; "" when unknown
};

// Why two names scored what they did. Reasons are codes with parameters (exportcheck/reason.hpp), worded in
// the language asked for (reason_text, message.hpp).
struct TokenPair {
    std::string query;   // the query's token(s), canonical spelling ("muhammad", "al rashid")
    std::string listed;  // the listed name's token(s)
    double similarity = 0;
    Reason why;          // same, variant (muhammad), edits (1), initial, ...
};
struct Explanation {
    std::vector<TokenPair> pairs;
    std::vector<std::string> unmatched_query;
    std::vector<std::string> unmatched_listed;
    std::vector<Reason> notes;  // disguises undone in the query; order, type, country, date of birth, generic-only names
};

struct NameScore {
    double score = 0;
    Explanation explanation;
};

struct Hit {
    std::size_t entry = 0;       // index into the entries the Matcher was built from
    std::string matched_name;    // the primary name or alias that scored best
    double score = 0;
    Explanation explanation;
};

// Compares two names (no list statistics: word rarity comes from a built-in table of common name words).
NameScore compare_names(std::string_view a, std::string_view b, EntityType type = EntityType::unknown);

// An index over every name and alias of a list of entries. Build once per bundle; match() touches only the
// names that share a word, a spelling variant or a near spelling with the query (never a full scan).
// Not thread-safe: match() reuses scratch space; use one Matcher per thread.
class Matcher {
public:
    explicit Matcher(const std::vector<Entry>& entries);  // keeps a reference: entries must outlive it
    // A small index over extra entries (a reseller's own list) that weighs words by their rarity across
    // `base`'s names and these together: a name scores what it would if the entries were in base's lists,
    // without rebuilding base's index. `base` must outlive this Matcher.
    Matcher(const std::vector<Entry>& entries, const Matcher& base);
    ~Matcher();
    Matcher(const Matcher&) = delete;
    Matcher& operator=(const Matcher&) = delete;

    // Hits at or above `threshold`, best first; ties by list, then source_id. At most `top` hits.
    std::vector<Hit> match(const MatchQuery& query, std::size_t top = kDefaultTop,
                           double threshold = kReportThreshold) const;
    // match() scoring every indexed name (no candidate selection): slow, for measuring the index's recall.
    std::vector<Hit> match_exhaustive(const MatchQuery& query, std::size_t top = kDefaultTop,
                                      double threshold = kReportThreshold) const;
    // The same scoring as match() for a pair of names, with word rarity from this index's lists.
    NameScore compare(std::string_view a, std::string_view b, EntityType type = EntityType::unknown) const;

    const std::vector<Entry>& entries() const noexcept { return entries_; }
    std::size_t name_count() const noexcept;       // names and aliases indexed
    std::size_t vocabulary_size() const noexcept;  // distinct tokens
    // Words used by at least `min_names` names with their rarity (idf), most common first: the source of
    // the built-in table compare_names() uses (bench/eval_names --emit-common-words).
    std::vector<std::pair<std::string, double>> common_words(std::size_t min_names) const;

    struct Index;

private:
    std::vector<Hit> run(const MatchQuery& query, std::size_t top, double threshold, bool exhaustive) const;
    std::vector<Hit> run_readings(const MatchQuery& query, std::size_t top, double threshold, bool exhaustive) const;
    void sort_hits(std::vector<Hit>& hits) const;
    void score_candidates(match::Prepared& q, EntityType type, double floor, bool exhaustive,
                          std::vector<std::pair<std::uint32_t, double>>& out) const;

    const std::vector<Entry>& entries_;
    std::unique_ptr<Index> index_;
};

// Scores as printed: rounded to 4 decimals, so native and wasm builds print identical bytes.
double round_score(double score) noexcept;

// The JSON boundary (CLI and wasm share it). A query line is {"name", "type"?, "country"?, "dob"?, "top"?, ...}
// (any other fields are passed through); a result line is {"query": {...}, "hits": [{"list", "source_id",
// "name", "matched_name", "score", "explanation"}]}. A bad query is Error("bad_query"), returned.
Result<MatchQuery> match_query_from_json(const nlohmann::ordered_json& query);
Result<nlohmann::ordered_json> match_json(const Matcher& matcher, const nlohmann::ordered_json& query,
                                          std::size_t top = kDefaultTop);
// {"a", "b", "type"?} -> {"a", "b", "type"?, "score", "match", "explanation"}; Error("bad_pair") when malformed.
Result<nlohmann::ordered_json> compare_json(const nlohmann::ordered_json& pair);
nlohmann::ordered_json explanation_json(const Explanation& explanation);

}  // namespace exportcheck
