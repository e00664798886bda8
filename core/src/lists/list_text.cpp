#include "list_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

namespace exportcheck::lists {

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
}  // namespace

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (char c : s) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

std::vector<std::string> split(std::string_view s, std::string_view separator) {
    std::vector<std::string> parts;
    while (true) {
        const auto at = s.find(separator);
        const auto part = trim(s.substr(0, at));
        if (!part.empty()) parts.emplace_back(part);
        if (at == std::string_view::npos) break;
        s.remove_prefix(at + separator.size());
    }
    return parts;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool iends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

void add_unique(std::vector<std::string>& list, std::string value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

std::string iso_date(std::string_view text) {
    static constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                                  "jul", "aug", "sep", "oct", "nov", "dec"};
    const auto t = trim(text);
    auto all_digits = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    auto month_of = [&](std::string_view m) -> int {
        if (m.size() < 3) return 0;
        for (std::size_t i = 0; i < kMonths.size(); ++i)
            if (iequals(m.substr(0, 3), kMonths[i])) return static_cast<int>(i) + 1;
        return 0;
    };
    const auto words = split(t, " ");
    if (words.size() == 1 && all_digits(words[0]) && words[0].size() == 4) return words[0];
    if (words.size() == 2 && month_of(words[0]) && all_digits(words[1]) && words[1].size() == 4)
        return fmt::format("{}-{:02}", words[1], month_of(words[0]));
    if (words.size() == 3 && all_digits(words[0]) && month_of(words[1]) && all_digits(words[2]) && words[2].size() == 4)
        return fmt::format("{}-{:02}-{:02}", words[2], month_of(words[1]), std::stoi(words[0]));
    // MM/DD/YYYY
    const auto slash = split(t, "/");
    if (slash.size() == 3 && all_digits(slash[0]) && all_digits(slash[1]) && all_digits(slash[2]) &&
        slash[2].size() == 4 && slash[0].size() <= 2 && slash[1].size() <= 2)
        return fmt::format("{}-{:02}-{:02}", slash[2], std::stoi(slash[0]), std::stoi(slash[1]));
    return std::string(t);
}

namespace {

// Whether the text before position `i` (a lone digit) ends as a reference does: ")", ")," or "EAR".
bool after_reference(std::string_view s, std::size_t i) {
    std::size_t j = i;
    if (j > 0 && s[j - 1] == ' ') --j;
    if (j > 0 && s[j - 1] == ',' && j == i) --j;  // "),3" but not "), 3"
    if (j > 0 && s[j - 1] == ')') return true;
    return j >= 3 && s.substr(j - 3, 3) == "EAR";
}

}  // namespace

std::string drop_footnote_marks(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool lone = c >= '1' && c <= '5' && (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == ',' || s[i + 1] == ';') &&
                          i > 0 && (s[i - 1] == ' ' || s[i - 1] == ')' || s[i - 1] == ',');
        if (lone && after_reference(s, i)) {
            if (!out.empty() && out.back() == ' ') out.pop_back();
            continue;
        }
        out += c;
    }
    return out;
}

}  // namespace exportcheck::lists
