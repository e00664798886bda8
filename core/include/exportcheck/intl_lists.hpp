// Parsers of the UK and Australian lists. The official files are spreadsheets: OFSI's ConList and
// DFAT's consolidated list come as .xlsx (read natively by read_xlsx_sheet in xlsx.hpp) and OFSI's also
// as CSV of the same layout, so these parsers take a table of text rows and never touch a zip.
#pragma once

#include <exportcheck/csv.hpp>
#include <exportcheck/entry.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace exportcheck {

// Rows of a sheet or a CSV file, with the file name and the word errors use for a row's number.
struct Table {
    std::string file_name;
    std::string row_word = "line";  // "row" for a worksheet
    std::vector<CsvRow> rows;
};
// A CSV file's records as a table (errors name the line a record starts on).
Table csv_table(std::string_view csv, std::string_view file_name);

// A list's entries and the date the file itself states for its data.
struct ParsedList {
    std::vector<Entry> entries;
    std::string date;        // YYYY-MM-DD, "" when the file states none
    std::string date_basis;  // how the date was found
};

// UK: the list code of the UK Sanctions List (FCDO), and of OFSI's Consolidated List, its predecessor.
inline constexpr std::string_view kUkListCode = "UK";
// Australia: DFAT's Consolidated List (autonomous and UN sanctions).
inline constexpr std::string_view kAuListCode = "AU";

// OFSI Consolidated List, "2022 format" (ConList.xlsx / ConList.csv): a "Last Updated" line, a 36-column
// header, then one row per name of each Group ID. One entry per group (source "ofsi_conlist",
// source_id the Group ID); its UK Sanctions List reference is kept in `ids` ("UK Sanctions List Ref: RUS0001").
ParsedList parse_ofsi_conlist(const Table& table);

// The UK Sanctions List as the five relational CSVs of uksl_derived (subjects, subject_names,
// subject_dobs, subject_identifiers, subject_countries; see data/README.md). One entry per subject
// (source "uk_sanctions_list", source_id the FCDO unique id, e.g. RUS0001). Of subject_dobs.csv only
// id, unique_id and raw_value are read: its parsed columns are misaligned in the source.
struct UkslFiles {
    std::string_view subjects, names, dobs, identifiers, countries;
};
ParsedList parse_uksl_derived(const UkslFiles& files);

// The UK list from its two sources: the UK Sanctions List (newer) decides who is listed; an OFSI party
// with the same UK Sanctions List reference (or OFSI group ID) adds its detail (full addresses, names in
// other scripts, places of birth, regime, remarks) and a corroboration line. OFSI parties the newer list
// no longer has are dropped (delisted) and counted.
struct UkMerge {
    std::size_t enriched = 0;  // OFSI parties whose detail went into a UK Sanctions List entry
    std::size_t dropped = 0;   // OFSI parties not on the newer list
};
UkMerge merge_uk_sources(std::vector<Entry>& uk_sanctions_list, const std::vector<Entry>& ofsi,
                         std::string_view ofsi_date);

// DFAT Consolidated List (regulation8_consolidated.xlsx): a 12-column header, then one row per name,
// alias rows carrying suffixed references ("2a"). One entry per base reference (source "dfat").
ParsedList parse_dfat_consolidated(const Table& table);

}  // namespace exportcheck
