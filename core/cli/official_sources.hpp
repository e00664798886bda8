// Where each official list is published, and the files that make it up. Used by `bundle fetch` to
// download and by `bundle build` to record provenance. Base URLs can be overridden on the command line.
#pragma once

#include <array>
#include <string_view>

namespace exportcheck::cli {

struct OfficialSource {
    std::string_view key;        // source key in bundles
    std::string_view option;     // `bundle build` option that reads it
    std::string_view base_url;   // folder URL; files are base_url + file
    std::array<std::string_view, 4> files;  // first is the main file; unused slots are empty
    std::string_view folder;     // sub-folder of the fetch output (empty: the output folder itself)
    std::string_view description;
};

inline constexpr std::array<OfficialSource, 8> kOfficialSources = {{
    {"csl", "csl", "https://data.trade.gov/downloadable_consolidated_screening_list/v1/",
     {"consolidated.csv"}, "", "US Consolidated Screening List (trade.gov, 13 lists of Commerce, State, Treasury)"},
    {"ofac_sdn", "ofac-sdn", "https://www.treasury.gov/ofac/downloads/",
     {"sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"}, "ofac_sdn", "OFAC Specially Designated Nationals list"},
    {"ofac_cons", "ofac-cons", "https://www.treasury.gov/ofac/downloads/consolidated/",
     {"cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"}, "ofac_cons",
     "OFAC Consolidated (non-SDN) lists: SSI, PLC, CMIC, CAP, MBS, FSE"},
    // OFAC's current XML publication of the non-SDN lists (its SDN.XML has the same schema: --ofac-sdn-xml).
    {"ofac_cons_xml", "ofac-cons-xml", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/",
     {"CONSOLIDATED.XML"}, "ofac_cons_xml", "OFAC Consolidated (non-SDN) lists, XML (sdnList schema)"},
    {"dpl", "dpl", "https://www.bis.doc.gov/dpl/", {"dpl.txt"}, "", "BIS Denied Persons List"},
    {"un", "un", "https://scsanctions.un.org/resources/xml/en/", {"consolidated.xml"}, "",
     "UN Security Council Consolidated List"},
    {"ofsi_conlist", "ofsi-conlist", "https://ofsistorage.blob.core.windows.net/publishlive/2022format/",
     {"ConList.xlsx"}, "", "UK OFSI Consolidated List, 2022 format (the UK list; FCDO's UK Sanctions List succeeds it)"},
    {"dfat", "dfat", "https://www.dfat.gov.au/sites/default/files/", {"regulation8_consolidated.xlsx"}, "",
     "Australian DFAT Consolidated List"},
}};

inline const OfficialSource* find_official_source(std::string_view key) {
    for (const auto& s : kOfficialSources)
        if (s.key == key) return &s;
    return nullptr;
}

}  // namespace exportcheck::cli
