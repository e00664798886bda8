#include "sheet_text.hpp"

#include "list_text.hpp"

#include <exportcheck/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace exportcheck::sheet {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

std::string header_key(std::string_view s) {
    std::string out;
    for (char c : s)
        if (!is_space(c)) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// A marker that opens an item: "(1)", "(12)", "a)" (a letter alone, after a space or at the start).
std::size_t marker_length(std::string_view s, std::size_t i) {
    if (s[i] == '(') {
        std::size_t j = i + 1;
        while (j < s.size() && is_digit(s[j])) ++j;
        return j > i + 1 && j < s.size() && s[j] == ')' ? j - i + 1 : 0;
    }
    const bool starts_word = i == 0 || is_space(s[i - 1]);
    if (starts_word && i + 1 < s.size() && s[i] >= 'a' && s[i] <= 'z' && s[i + 1] == ')' &&
        (i + 2 == s.size() || is_space(s[i + 2])))
        return 2;
    return 0;
}

}  // namespace

void hong_kong_country(Address& a) {
    if (a.country != "CN") return;
    auto names_hong_kong = [](const std::string& part) {
        const auto at = part.rfind("Hong Kong");
        return at != std::string::npos && at + 9 == part.size();  // "..., Hong Kong" or "Hong Kong"
    };
    if (names_hong_kong(a.street) || names_hong_kong(a.city) || names_hong_kong(a.state)) a.country = "HK";
}

std::string collapse(std::string_view text) {
    // Sheets pad with no-break spaces (U+00A0) as often as with spaces: read them as spaces, then collapse.
    std::string spaced;
    spaced.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool nbsp = text[i] == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';  // U+00A0 in UTF-8
        spaced += nbsp ? ' ' : text[i];
        i += nbsp;
    }
    return lists::collapse_spaces(spaced);
}

std::string cell(const CsvRow& row, std::size_t i) { return i < row.fields.size() ? collapse(row.fields[i]) : std::string(); }

void expect_header(const Table& t, std::size_t row, const std::vector<std::string_view>& headers, std::string_view code) {
    if (row >= t.rows.size())
        throw Error(std::string(code), fmt::format("{}: the file ends before its header row (the header \"{}\" ...)",
                                                   t.file_name, headers.front()));
    const auto& r = t.rows[row];
    for (std::size_t i = 0; i < headers.size(); ++i)
        if (header_key(cell(r, i)) != header_key(headers[i]))
            throw Error(std::string(code), fmt::format("{}: {} {}: column {} is \"{}\", expected \"{}\" (not this list's "
                                                       "format)", t.file_name, t.row_word, r.line, i + 1, cell(r, i), headers[i]));
}

std::string dmy_date(std::string_view text) {
    std::string s = collapse(text);
    if (!s.empty() && s.front() == '\'') s.erase(0, 1);
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == '/') {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    auto unknown = [](const std::string& p) { return p == "00" || p == "0" || p == "dd" || p == "mm" || p == "DD" || p == "MM"; };
    const std::string& year = parts.back();
    if (year.size() != 4 || !all_digits(year)) return {};
    if (parts.size() == 1) return year;
    if (parts.size() == 2) {
        if (unknown(parts[0])) return year;
        return all_digits(parts[0]) && std::stoi(parts[0]) >= 1 && std::stoi(parts[0]) <= 12
                   ? fmt::format("{}-{:02}", year, std::stoi(parts[0]))
                   : std::string();
    }
    if (parts.size() != 3) return {};
    const auto& day = parts[0];
    const auto& month = parts[1];
    if (unknown(month)) return year;
    if (!all_digits(month) || month.size() > 2 || std::stoi(month) < 1 || std::stoi(month) > 12) return {};
    if (unknown(day)) return fmt::format("{}-{:02}", year, std::stoi(month));
    if (!all_digits(day) || day.size() > 2 || std::stoi(day) < 1 || std::stoi(day) > 31) return {};
    return fmt::format("{}-{:02}-{:02}", year, std::stoi(month), std::stoi(day));
}

std::string excel_serial_date(std::string_view text) {
    const std::string s = collapse(text);
    if (s.size() < 3 || s.size() > 5 || !all_digits(s)) return {};
    // Days since 1899-12-30 (Excel's epoch once its 1900 leap-year bug is allowed for), by the civil-from-days
    // algorithm of H. Hinnant.
    const long z = std::stol(s) - 25569 + 719468;  // 25569: 1899-12-30 to 1970-01-01
    const long era = z / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    const long y = yoe + era * 400 + (m <= 2);
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

std::vector<std::string> enumerated(std::string_view text) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (const auto n = marker_length(text, i)) {
            starts.push_back(i);
            i += n - 1;
        }
    auto clean = [](std::string_view part) {
        std::string p = collapse(part);
        while (!p.empty() && (p.back() == '.' || p.back() == ';' || p.back() == ',')) p.pop_back();
        return collapse(p);
    };
    std::vector<std::string> out;
    if (starts.empty() || (starts.size() == 1 && clean(text.substr(0, starts[0])).size() > 0)) {
        if (auto p = clean(text); !p.empty()) out.push_back(std::move(p));
        return out;
    }
    for (std::size_t k = 0; k < starts.size(); ++k) {
        const auto from = starts[k] + marker_length(text, starts[k]);
        const auto to = k + 1 < starts.size() ? starts[k + 1] : text.size();
        if (auto p = clean(text.substr(from, to - from)); !p.empty()) out.push_back(std::move(p));
    }
    return out;
}

}  // namespace exportcheck::sheet

namespace exportcheck {

Table csv_table(std::string_view csv, std::string_view file_name) {
    Table t;
    t.file_name = std::string(file_name);
    CsvReader reader(csv, file_name, CsvOptions{',', false, true});
    CsvRow row;
    while (next_or_throw(reader, row)) t.rows.push_back(row);
    return t;
}

}  // namespace exportcheck
