// The UK and Australian lists for `bundle build`: OFSI's ConList (.xlsx or CSV), the UK Sanctions List
// (the uksl_derived CSV folder) and DFAT's consolidated list (.xlsx). The UK's two sources are joined
// here by their shared identifiers, the newer deciding who is listed.
#pragma once

#include <exportcheck/bundle.hpp>

#include <optional>
#include <string_view>
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

// No EU file could be obtained (data/README.md): every bundle says so in its notes.
inline constexpr std::string_view kNoEuListNote =
    "EU: this bundle has no EU sanctions list (no official EU file was obtainable for it); screen against the "
    "EU consolidated list elsewhere, or import it with --list.";

// Parses what is given; notes in plain words go to `notes` (the OFSI parties merged and dropped).
std::vector<IntlList> load_intl_lists(const IntlInputs& in, std::vector<std::string>& notes);

}  // namespace exportcheck::cli
