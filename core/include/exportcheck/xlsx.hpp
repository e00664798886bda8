// Reading the cells of an .xlsx workbook (Office Open XML spreadsheet), the format OFSI and DFAT publish
// their lists in. Native only: it unzips with Debian's minizip and reads the XML parts with expat.
#pragma once

#include <exportcheck/csv.hpp>

#include <string_view>
#include <vector>

namespace exportcheck {

#ifndef __EMSCRIPTEN__
// The rows of the workbook's first worksheet as text, one CsvRow per row that has a cell: `line` is the
// sheet's row number, `fields` the cells from column A (a cell the sheet skips is ""). Shared and inline
// strings are resolved; numbers and dates come as the file writes them (a date is a day serial number).
// A file that is not a complete .xlsx (not a zip, truncated, an HTML page, no worksheet, a damaged part)
// throws Error "xlsx_invalid" naming the file and what is wrong.
std::vector<CsvRow> read_xlsx_sheet(std::string_view bytes, std::string_view file_name);
#endif

}  // namespace exportcheck
