// Small text helpers shared by the list parsers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace exportcheck::lists {

std::string_view trim(std::string_view s);
// Trims and collapses runs of ASCII white space to one space (files wrap long values, pad names, double spaces).
// Only ASCII bytes are touched, so UTF-8 text passes through unchanged.
std::string collapse_spaces(std::string_view s);
// Drops the eCFR's footnote marks that list files glue to a licence requirement: "...744.11 of the EAR) 4",
// "...734.9(e) 1 and 744.11 of the EAR 2", "...734.9(g),3 746.8(a)(3)". A lone digit 1-5 after ")", "),"
// or "EAR" is a footnote mark there, not part of the sentence.
std::string drop_footnote_marks(std::string_view s);
// Split on `separator`, trim each part, drop empty parts.
std::vector<std::string> split(std::string_view s, std::string_view separator);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);
bool iends_with(std::string_view s, std::string_view suffix);
// Append `value` to `list` unless already there.
void add_unique(std::vector<std::string>& list, std::string value);
// "12 Feb 1961" / "1961" / "Feb 1961" / "12/31/1961" -> ISO-like "1961-02-12", "1961", "1961-02"; as-is otherwise.
std::string iso_date(std::string_view text);

}  // namespace exportcheck::lists
