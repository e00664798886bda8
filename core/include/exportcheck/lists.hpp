// Parsers of the official list formats. Each takes the file's bytes (the core reads no files) and
// returns entries; a malformed file throws exportcheck::Error naming the file, line and field.
#pragma once

#include <exportcheck/entry.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace exportcheck {

// trade.gov Consolidated Screening List, `consolidated.csv` (29 columns, `;`-separated multi-values).
// The list code comes from the `source` column ("Entity List (EL) - ..." -> "EL").
std::vector<Entry> parse_csl_csv(std::string_view csv, std::string_view file_name = "consolidated.csv");

// OFAC legacy CSV set: the primary file (sdn.csv or cons_prim.csv) and its companions (add, alt,
// comments; empty views when absent). `source` is "ofac_sdn" (every entry on list SDN) or "ofac_cons"
// (list code from the programs: SSI, PLC, CMIC, CAP, FSE, MBS).
struct OfacFiles {
    std::string_view primary, add, alt, comments;
    std::string primary_name = "sdn.csv", add_name = "add.csv", alt_name = "alt.csv", comments_name = "sdn_comments.csv";
};
std::vector<Entry> parse_ofac_csv(const OfacFiles& files, std::string_view source);

// BIS Denied Persons List, tab-delimited `dpl.txt` with a header row. Rows repeated per address are
// one entry with several addresses.
std::vector<Entry> parse_dpl_txt(std::string_view text, std::string_view file_name = "dpl.txt");

#ifndef __EMSCRIPTEN__
// UN Security Council consolidated list XML (native only: uses expat).
std::vector<Entry> parse_un_xml(std::string_view xml, std::string_view file_name = "consolidated.xml");
#endif

}  // namespace exportcheck
