// The UK and Australian lists for `bundle build`: OFSI's ConList (.xlsx or CSV), the UK Sanctions List
// (the uksl_derived CSV folder) and DFAT's consolidated list (.xlsx). The UK's two sources are joined
// here by their shared identifiers, the newer deciding who is listed.
#pragma once

#include <exportcheck/bundle.hpp>

#include <optional>
#include <string>
#include <vector>

namespace exportcheck::cli {

struct IntlInputs {
    std::optional<std::string> uk_sanctions_list;  // folder with subjects.csv, subject_names.csv, ...
    std::optional<std::string> ofsi_conlist;       // ConList.xlsx or ConList.csv (2022 format)
    std::optional<std::string> dfat;               // regulation8_consolidated.xlsx
};

struct IntlList {
    BundleSource source;
    std::vector<Entry> entries;
};

// Parses what is given; notes in plain words go to `notes` (the OFSI parties merged and dropped).
std::vector<IntlList> load_intl_lists(const IntlInputs& in, std::vector<std::string>& notes);

}  // namespace exportcheck::cli
