#include "words.hpp"

#include <exportcheck/error.hpp>
#include <exportcheck/rules.hpp>


#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace exportcheck::rules_detail {
namespace {

// Base letters of U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A); '\0' = keep as is,
// ' ' = separator. Two-letter folds (ß, æ, œ, þ) are handled in fold_cp().
constexpr std::string_view kLatin =
    "aaaaaaaceeeeiiii"  // C0-CF
    "dnooooo ouuuuyts"  // D0-DF (D7 × separator, DE þ, DF ß handled below)
    "aaaaaaaceeeeiiii"  // E0-EF
    "dnooooo ouuuuyty"  // F0-FF (F7 ÷ separator)
    "aaaaaaccccccccdd"  // 100-10F
    "ddeeeeeeeeeegggg"  // 110-11F
    "gggghhhhiiiiiiii"  // 120-12F
    "iiiijjkkklllllll"  // 130-13F
    "lllnnnnnnnnnoooo"  // 140-14F
    "oooorrrrrrssssss"  // 150-15F
    "ssttttttuuuuuuuu"  // 160-16F
    "uuuuwwyyyzzzzzzs"; // 170-17F

bool is_separator_cp(char32_t c) {
    if (c < 0x80) return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
    if (c >= 0x80 && c <= 0xBF) return true;                      // Latin-1 punctuation, nbsp
    if (c == 0xD7 || c == 0xF7) return true;                      // × ÷
    if (c >= 0x2000 && c <= 0x206F) return true;                  // general punctuation
    if (c >= 0x3000 && c <= 0x303F) return true;                  // CJK symbols and punctuation
    if (c >= 0xFF01 && c <= 0xFF0F) return true;                  // full-width punctuation
    if ((c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65)) return true;
    if (c == 0xFFFD || c == 0xFEFF) return true;
    return false;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// Appends the folded form of one letter or digit code point.
void fold_cp(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else if (c == 0xDF) {
        out += "ss";
    } else if (c == 0xC6 || c == 0xE6) {
        out += "ae";
    } else if (c == 0x152 || c == 0x153) {
        out += "oe";
    } else if (c == 0xDE || c == 0xFE) {
        out += "th";
    } else if (c >= 0xC0 && c <= 0x17F) {
        out += kLatin[c - 0xC0];
    } else if (c >= 0x410 && c <= 0x42F) {
        append_utf8(out, c + 0x20);  // Cyrillic capitals
    } else if (c >= 0x400 && c <= 0x40F) {
        append_utf8(out, c + 0x50);
    } else if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) {
        fold_cp(out, c - 0xFEE0);  // full-width ASCII
    } else {
        append_utf8(out, c);
    }
}

// Decodes one code point at `i` (advancing it); an invalid byte decodes as U+FFFD.
char32_t next_cp(std::string_view s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < len; ++k) {
        const auto cb = static_cast<unsigned char>(s[i + k]);
        if ((cb & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        c = (c << 6) | (cb & 0x3F);
    }
    i += len;
    return c;
}

bool has_non_ascii(std::string_view s) {
    for (char ch : s)
        if (static_cast<unsigned char>(ch) >= 0x80) return true;
    return false;
}

}  // namespace

FoldedSpans fold_with_spans(std::string_view utf8) {
    FoldedSpans out;
    Folded& f = out.folded;
    std::string word;
    std::size_t begin = 0, end = 0;
    auto flush = [&] {
        if (word.empty()) return;
        if (!f.text.empty()) f.text += ' ';
        f.text += word;
        f.words.push_back(std::move(word));
        out.spans.emplace_back(begin, end);
        word.clear();
    };
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t at = i;
        const char32_t c = next_cp(utf8, i);
        if (is_separator_cp(c)) {
            flush();
        } else {
            if (word.empty()) begin = at;
            end = i;
            fold_cp(word, c);
            if (!word.empty() && word.back() == ' ') {  // a Latin table separator
                word.pop_back();
                end = at;
                flush();
            }
        }
    }
    flush();
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
