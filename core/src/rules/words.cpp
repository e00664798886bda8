#include "words.hpp"

#include <exportcheck/error.hpp>
#include <exportcheck/rules.hpp>
#include <exportcheck/text.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace exportcheck::rules_detail {
namespace {

bool has_non_ascii(std::string_view s) {
    for (char ch : s)
        if (static_cast<unsigned char>(ch) >= 0x80) return true;
    return false;
}

}  // namespace

FoldedSpans fold_with_spans(std::string_view utf8) {
    FoldedSpans out;
    Folded& f = out.folded;
    for (auto& w : text::free_text_words(utf8)) {
        if (!f.text.empty()) f.text += ' ';
        f.text += w.text;
        f.words.push_back(std::move(w.text));
        out.spans.emplace_back(w.begin, w.end);
    }
    return out;
}

Folded fold(std::string_view utf8) { return fold_with_spans(utf8).folded; }

WordList::WordList(const std::vector<std::string>& phrases) {
    for (const auto& raw : phrases) {
        Phrase p;
        p.raw = raw;
        std::string_view body = raw;
        if (!body.empty() && body.back() == '*') {
            p.prefix = true;
            body.remove_suffix(1);
        }
        const auto folded = fold(body);
        if (folded.words.empty()) continue;
        p.substring = has_non_ascii(folded.text);
        p.folded = folded.text;
        p.words = folded.words;
        phrases_.push_back(std::move(p));
    }
}

WordList WordList::from_json(const nlohmann::ordered_json& j) {
    std::vector<std::string> v;
    if (j.is_array())
        for (const auto& w : j)
            if (w.is_string()) v.push_back(w.get<std::string>());
    return WordList(v);
}

bool WordList::matches(const Phrase& p, const Folded& text) {
    if (p.substring) return text.text.find(p.folded) != std::string::npos;
    const auto n = p.words.size();
    if (text.words.size() < n) return false;
    for (std::size_t i = 0; i + n <= text.words.size(); ++i) {
        bool ok = true;
        for (std::size_t k = 0; k < n && ok; ++k) {
            const auto& w = text.words[i + k];
            if (p.prefix && k + 1 == n)
                ok = w.compare(0, p.words[k].size(), p.words[k]) == 0;
            else
                ok = w == p.words[k];
        }
        if (ok) return true;
    }
    return false;
}

std::optional<std::string> WordList::find(const Folded& text) const {
    for (const auto& p : phrases_)
        if (matches(p, text)) return p.raw;
    return std::nullopt;
}

std::vector<std::string> WordList::find_all(const Folded& text) const {
    std::vector<std::string> out;
    for (const auto& p : phrases_)
        if (matches(p, text)) out.push_back(p.raw);
    return out;
}

std::optional<std::string> WordList::whole(const Folded& text) const {
    for (const auto& p : phrases_) {
        if (p.substring ? text.text == p.folded : text.words == p.words) return p.raw;
    }
    return std::nullopt;
}

std::optional<Date> parse_date(std::string_view s) {
    auto digits = [&](std::size_t pos, std::size_t n) -> std::optional<int> {
        if (pos + n > s.size()) return std::nullopt;
        int v = 0;
        for (std::size_t i = pos; i < pos + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return std::nullopt;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    Date d;
    const auto y = digits(0, 4);
    if (!y || *y < 1800 || *y > 2200) return std::nullopt;
    d.year = *y;
    if (s.size() == 4) return d;
    if (s.size() < 7 || s[4] != '-') return std::nullopt;
    const auto m = digits(5, 2);
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    d.month = *m;
    if (s.size() == 7) return d;
    if (s.size() < 10 || s[7] != '-') return std::nullopt;
    const auto dd = digits(8, 2);
    if (!dd || *dd < 1 || *dd > 31) return std::nullopt;
    d.day = *dd;
    if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
    return d;
}

std::string Date::iso() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

double Date::years_until(const Date& later) const {
    const int days_a = year * 372 + (month - 1) * 31 + (day - 1);
    const int days_b = later.year * 372 + (later.month - 1) * 31 + (later.day - 1);
    return static_cast<double>(days_b - days_a) / 372.0;
}

bool Date::operator<(const Date& o) const {
    if (year != o.year) return year < o.year;
    if (month != o.month) return month < o.month;
    return day < o.day;
}

}  // namespace exportcheck::rules_detail

namespace exportcheck {

std::optional<std::string> iso_date(std::string_view time) {
    if (const auto d = rules_detail::parse_date(time.substr(0, std::min<std::size_t>(10, time.size())))) return d->iso();
    return std::nullopt;
}

}  // namespace exportcheck
