// A CSV / delimited-text reader for the list files as they really are: RFC 4180 quoting with embedded
// quotes and newlines, CRLF or LF, a UTF-8 BOM, OFAC's `-0- ` empties and trailing Ctrl-Z, Latin-1
// bytes (converted to UTF-8). Errors name the file and the line.
#pragma once

#include <exportcheck/error.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exportcheck {

struct CsvRow {
    std::size_t line = 0;             // 1-based line where the row starts
    std::vector<std::string> fields;  // UTF-8, quotes removed
};

struct CsvOptions {
    char delimiter = ',';
    bool ofac_empty = false;  // treat `-0-` (with or without trailing space) as empty
    bool trim = true;         // trim spaces around fields
    std::size_t first_line = 1;  // the line the text starts at (a chunk of a bigger file)
};

class CsvReader {
public:
    CsvReader(std::string_view text, std::string_view file_name, CsvOptions options = {});
    // Next row, false at the end or at an error. Blank lines and a final Ctrl-Z are skipped.
    bool next(CsvRow& row);
    // Why next() stopped early: a quote that never closes (Error "csv_unbalanced_quote"); none at the end.
    const std::optional<Error>& error() const noexcept { return error_; }

private:
    std::string_view text_;
    std::string file_name_;
    CsvOptions options_;
    std::size_t pos_ = 0;
    std::size_t line_;
    std::optional<Error> error_;
};

// next() for the native list parsers, which throw their errors (the browser never reads those files).
inline bool next_or_throw(CsvReader& reader, CsvRow& row) {
    if (reader.next(row)) return true;
    if (reader.error()) throw *reader.error();
    return false;
}

// Bytes that are not valid UTF-8 are taken as Latin-1 (cp1252 for 0x80-0x9F) and converted.
std::string to_utf8(std::string_view bytes);

}  // namespace exportcheck
