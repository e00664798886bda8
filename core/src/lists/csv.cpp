#include <exportcheck/csv.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/text.hpp>

#include <fmt/format.h>

namespace exportcheck {
namespace {

// cp1252's 0x80-0x9F block (the rest of Latin-1 maps to the same code points).
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

}  // namespace

std::string to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size();) {
        if (const auto len = text::utf8_sequence_length(bytes, i)) {
            out.append(bytes.substr(i, len));
            i += len;
            continue;
        }
        const auto b = static_cast<unsigned char>(bytes[i++]);
        text::append_utf8(out, b >= 0x80 && b < 0xA0 ? kCp1252High[b - 0x80] : static_cast<char32_t>(b));
    }
    return out;
}

CsvReader::CsvReader(std::string_view text, std::string_view file_name, CsvOptions options)
    : text_(text), file_name_(file_name), options_(options), line_(options.first_line) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);  // UTF-8 BOM
}

bool CsvReader::next(CsvRow& row) {
    row.fields.clear();
    // Skip blank lines and the OFAC end-of-file Ctrl-Z.
    while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\x1A')) {
        if (text_[pos_] == '\n') ++line_;
        ++pos_;
    }
    if (pos_ >= text_.size()) return false;
    row.line = line_;

    std::string field;
    bool quoted = false;     // inside a quoted section
    bool was_quoted = false; // this field had quotes (do not treat as OFAC empty, keep inner spaces)
    std::size_t quote_line = line_;
    auto finish_field = [&] {
        std::string_view v = field;
        if (options_.trim && !was_quoted) v = trim_blanks(v);
        if (options_.ofac_empty && !was_quoted && trim_blanks(v) == "-0-") v = {};
        row.fields.push_back(to_utf8(v));
        field.clear();
        was_quoted = false;
    };

    while (pos_ < text_.size()) {
        const char c = text_[pos_];
        if (quoted) {
            if (c == '"') {
                if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                    field += '"';
                    pos_ += 2;
                    continue;
                }
                quoted = false;
                ++pos_;
                continue;
            }
            if (c == '\n') ++line_;
            field += c;
            ++pos_;
            continue;
        }
        if (c == '"' && trim_blanks(field).empty()) {
            // Opening quote (spaces before it are dropped).
            field.clear();
            quoted = was_quoted = true;
            quote_line = line_;
            ++pos_;
            continue;
        }
        if (c == options_.delimiter) {
            finish_field();
            ++pos_;
            continue;
        }
        if (c == '\r' || c == '\n') {
            if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
            ++pos_;
            ++line_;
            finish_field();
            return true;
        }
        if (c == '\x1A' && pos_ + 1 >= text_.size()) {  // Ctrl-Z at the very end
            ++pos_;
            break;
        }
        if (was_quoted) {
            // Text after a closing quote: keep it (OFAC writes `"x" ` with a trailing space) unless it
            // is only spaces.
            if (!is_space(c)) field += c;
            ++pos_;
            continue;
        }
        field += c;
        ++pos_;
    }
    if (quoted) {
        error_ = Error("csv_unbalanced_quote", Message{"in.csv_unbalanced_quote",
                                                       {{"file", file_name_}, {"line", std::to_string(quote_line)}}});
        pos_ = text_.size();
        return false;
    }
    finish_field();
    return true;
}

}  // namespace exportcheck
