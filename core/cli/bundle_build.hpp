// Builds a bundle from official list files: parses each source, lets a dedicated newer source
// supersede the CSL's copy of the same list, makes the newest source of each list authoritative on who
// is on it (older sources add detail, their other parties are dropped as delisted), and records
// provenance (file hashes, dates, counts).
#pragma once

#include <exportcheck/bundle.hpp>

#include <optional>
#include <string>
#include <vector>

namespace exportcheck::cli {

struct BuildInputs {
    std::optional<std::string> csl;        // consolidated.csv
    // Folders with sdn.csv alt.csv add.csv [sdn_comments.csv]; a folder without sdn.csv (any of the
    // others) only adds detail, by entity number, to a newer source's SDN records.
    std::vector<std::string> ofac_sdn;
    std::optional<std::string> ofac_cons;  // folder with cons_prim.csv cons_alt.csv cons_add.csv [cons_comments.csv]
    std::optional<std::string> ofac_sdn_xml;   // OFAC's SDN.XML
    std::optional<std::string> ofac_cons_xml;  // OFAC's CONSOLIDATED.XML (non-SDN lists)
    std::optional<std::string> dpl;        // dpl.txt
    std::optional<std::string> un;         // consolidated.xml
    std::optional<std::string> rules;      // folder of rules JSON documents (data/rules)
    std::vector<std::string> lists;        // lists in the import format (JSON lines or CSV)
    std::string built_at;                  // UTC ISO 8601
    std::string id;                        // empty: named by the lists' data dates (see build_bundle)
};

struct BuildResult {
    BundleMeta meta;
    std::vector<Entry> entries;
};

BuildResult build_bundle(const BuildInputs& inputs);

}  // namespace exportcheck::cli
