// Helpers shared by the spreadsheet lists (OFSI, UK Sanctions List, DFAT): header checks, cells, the
// date forms these publishers write, and their enumerated values ("(1) X (2) Y", "a) X b) Y").
#pragma once

#include <exportcheck/intl_lists.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace exportcheck::sheet {

// The row's cell `i`, trimmed; "" past its end.
std::string cell(const CsvRow& row, std::size_t i);

// Refuses a table whose row `row` does not start with these headers (case and spaces ignored), naming
// the file, the row and the first column that differs. Error code `code`.
void expect_header(const Table& t, std::size_t row, const std::vector<std::string_view>& headers, std::string_view code);

// "14/04/2025" -> "2025-04-14"; "00/00/1960" or "dd/mm/1960" -> "1960"; "00/05/1960" or "dd/05/1960" ->
// "1960-05"; "05/1960" -> "1960-05"; "1960" -> "1960"; anything else "".
std::string dmy_date(std::string_view text);

// An Excel day serial (1900 date system) as "YYYY-MM-DD"; "" when `text` is not a plausible serial.
std::string excel_serial_date(std::string_view text);

// "(1) Germany. (2) Morocco" or "a) X b) Y" -> {"Germany", "Morocco"}; a text without markers -> {text}.
// Trailing '.', ';' and ',' are trimmed from each part.
std::vector<std::string> enumerated(std::string_view text);

// An address in Hong Kong that the publisher files under China ("..., Hong Kong, China") gets country HK,
// as the other lists give it.
void hong_kong_country(Address& a);

// Trims and collapses runs of white space.
std::string collapse(std::string_view text);

}  // namespace exportcheck::sheet
