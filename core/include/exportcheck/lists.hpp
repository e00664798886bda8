// Parsers of the official list formats. Each takes the file's bytes (the core reads no files) and
// returns entries; a malformed file throws exportcheck::Error naming the file, line and field.
#pragma once

#include <exportcheck/entry.hpp>
#include <exportcheck/result.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace exportcheck {

// trade.gov Consolidated Screening List, `consolidated.csv` (29 columns, `;`-separated multi-values).
// The list code comes from the `source` column ("Entity List (EL) - ..." -> "EL").
std::vector<Entry> parse_csl_csv(std::string_view csv, std::string_view file_name = "consolidated.csv");

// OFAC legacy CSV set: the primary file (sdn.csv or cons_prim.csv) and its companions (add, alt,
// comments; empty views when absent). `source` is "ofac_sdn" (every entry on list SDN) or "ofac_cons"
// (list code from the programs: SSI, PLC, CMIC, CAP, FSE, MBS). Without a primary file (ofac_sdn only),
// every ent_num of the companions becomes a nameless SDN entry: detail for a newer record of the party.
struct OfacFiles {
    std::string_view primary, add, alt, comments;
    std::string primary_name = "sdn.csv", add_name = "add.csv", alt_name = "alt.csv", comments_name = "sdn_comments.csv";
};
std::vector<Entry> parse_ofac_csv(const OfacFiles& files, std::string_view source);
// The non-SDN list an OFAC consolidated entry is on, from its programs (as the CSL files them).
std::string ofac_cons_list(const std::vector<std::string>& programs);

// BIS Denied Persons List, tab-delimited `dpl.txt` with a header row. Rows repeated per address are
// one entry with several addresses.
std::vector<Entry> parse_dpl_txt(std::string_view text, std::string_view file_name = "dpl.txt");

// The documented import format for any list (docs/import-format.md): JSON lines or CSV with the same
// fields: list, list_name, source_id, type, name, aliases, addresses (CSV: street, city, state,
// postal_code, country columns, one address per row), programs, federal_register,
// license_requirement, license_policy, start_date, end_date, dates_of_birth, nationalities, ids,
// source_url, remarks, consequence (block | review, for lists of one's own). JSON lines when the
// first non-blank character is '{', CSV otherwise. Errors name the file, line and field (code import_invalid,
// or csv_unbalanced_quote).
Result<std::vector<Entry>> parse_import_list(std::string_view text, std::string_view file_name);

// A reseller's own list: list code OWN for every entry.
inline constexpr std::string_view kOwnListCode = "OWN";

struct ListFile {
    std::string_view text;
    std::string_view name;  // shown in errors
};
// Own-list files in the import format, read as one list: `list` may be left out (it is OWN; another code
// is an error), every entry needs its `consequence` (block or review), values may not contain `;` (so the
// CSV written by import_list_csv() reads back the same), and a source_id used in two files is an error.
// Entries get `source` "own". Errors name the file, line and field (code import_invalid, or
// csv_unbalanced_quote); returned, not thrown (the browser reads own lists).
Result<std::vector<Entry>> parse_own_list(const std::vector<ListFile>& files);

// An entry as one line of the import format (the fields it has; aliases as names, addresses as objects).
nlohmann::ordered_json import_list_json(const Entry& entry);
// Entries in the import format's CSV: a header, then a row per entry (and one more per further address).
std::string import_list_csv(const std::vector<Entry>& entries);

// Folds `older` entries into the `newer` entries of the same list that name the same party: the same
// OFAC entity number where both carry one (then the number alone decides), else the same name or alias
// once case, spacing and punctuation are ignored, or the older name is the newer one followed by
// ", place"; countries must not disagree. The newer record stays primary: it gains the older one's
// aliases, addresses (a full address replaces a bare country), dates and places of birth,
// nationalities, citizenships and ids, fills its empty type, title, start date and remarks, and gets a
// line in `corroboration` citing the older record. Returns the older entries that found no counterpart,
// unchanged.
std::vector<Entry> merge_into_newer(std::vector<Entry>& newer, std::vector<Entry> older);

#ifndef __EMSCRIPTEN__
// UN Security Council consolidated list XML (native only: uses expat).
std::vector<Entry> parse_un_xml(std::string_view xml, std::string_view file_name = "consolidated.xml");

// OFAC's XML publication (the `sdnList` schema of SDN.XML and CONSOLIDATED.XML from the Sanctions List
// Service). `source` is "ofac_sdn" (every entry on list SDN) or "ofac_cons" (list from the programs).
// `publish_date`, when given, receives publshInformation/Publish_Date as YYYY-MM-DD ("" when absent).
std::vector<Entry> parse_ofac_xml(std::string_view xml, std::string_view source, std::string_view file_name,
                                  std::string* publish_date = nullptr);
#endif

}  // namespace exportcheck
