// Free text as the rules read it: the words of text::free_text_words (lower case, Latin accents removed,
// Cyrillic lower-cased, full-width forms to ASCII, cut at anything that is not a letter or a digit). Word
// lists of the rules documents are matched against it:
//   "freight forwarder"  the words in a row, whole words only
//   "logist*"            a trailing * matches any ending of the last word
//   "物流", "торговый"    a phrase with non-Latin letters matches anywhere (Chinese is not cut into words)
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exportcheck::rules_detail {

struct Folded {
    std::vector<std::string> words;
    std::string text;  // the words joined by single spaces
};

Folded fold(std::string_view utf8);

// fold() that also says where each word came from: bytes [begin, end) of the input, so a finding can
// quote the buyer's own words.
struct FoldedSpans {
    Folded folded;
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // one per folded word
};
FoldedSpans fold_with_spans(std::string_view utf8);

class WordList {
public:
    WordList() = default;
    explicit WordList(const std::vector<std::string>& phrases);
    // The strings of a JSON array (anything else is skipped: the rules loader checked these lists).
    static WordList from_json(const nlohmann::ordered_json& j);

    // The first phrase found anywhere in the text (as written in the list), or nothing.
    std::optional<std::string> find(const Folded& text) const;
    // Every phrase found, in list order.
    std::vector<std::string> find_all(const Folded& text) const;
    // True when the whole text is one of the phrases (for answers like "n/a" or "various").
    std::optional<std::string> whole(const Folded& text) const;
    bool empty() const noexcept { return phrases_.empty(); }

private:
    struct Phrase {
        std::string raw;
        std::vector<std::string> words;
        bool prefix = false;     // last word ends in *
        bool substring = false;  // non-Latin: matched inside the folded text
        std::string folded;      // for substring phrases
    };
    static bool matches(const Phrase& p, const Folded& text);
    std::vector<Phrase> phrases_;
};

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a longer ISO time is cut to its date); false otherwise.
struct Date {
    int year = 0, month = 1, day = 1;
    std::string iso() const;  // YYYY-MM-DD
    double years_until(const Date& later) const;
    bool operator<(const Date& o) const;
};
std::optional<Date> parse_date(std::string_view text);

}  // namespace exportcheck::rules_detail
