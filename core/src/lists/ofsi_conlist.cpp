// OFSI Consolidated List of Financial Sanctions Targets, "2022 format" (ConList.xlsx / ConList.csv) ->
// entries. Each row is one name of a Group ID; the group's other facts (DOB, address, passport...) are
// repeated on its rows, one combination per row, so a group's rows are folded into one entry.
#include "list_text.hpp"
#include "sheet_text.hpp"

#include <exportcheck/countries.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/intl_lists.hpp>
#include <exportcheck/list_names.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>
#include <string>
#include <vector>

namespace exportcheck {
namespace {

constexpr std::string_view kOfsiUrl = "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.xlsx";
constexpr std::string_view kOfsiInformationUrl =
    "https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets";

enum Col : std::size_t {
    kName6, kName1, kName2, kName3, kName4, kName5, kTitle, kNonLatin, kNonLatinType, kNonLatinLanguage, kDob,
    kTownOfBirth, kCountryOfBirth, kNationality, kPassport, kPassportDetails, kNationalId, kNationalIdDetails,
    kPosition, kAddress1, kAddress2, kAddress3, kAddress4, kAddress5, kAddress6, kPostCode, kCountry, kOther,
    kGroupType, kAliasType, kAliasQuality, kRegime, kListedOn, kDesignated, kLastUpdated, kGroupId, kColumns
};
const std::vector<std::string_view> kHeaders = {
    "Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Title", "Name Non-Latin Script",
    "Non-Latin Script Type", "Non-Latin Script Language", "DOB", "Town of Birth", "Country of Birth", "Nationality",
    "Passport Number", "Passport Details", "National Identification Number", "National Identification Details",
    "Position", "Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6", "Post/Zip Code",
    "Country", "Other Information", "Group Type", "Alias Type", "Alias Quality", "Regime", "Listed On",
    "UK Sanctions List Date Designated", "Last Updated", "Group ID"};

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

using lists::add_unique;

// "(UK Sanctions List Ref):RUS0001. (UK Statement of Reasons):... (Gender):Male" -> labelled parts. A label
// is a short parenthesised text without parentheses, followed by a colon.
std::vector<std::pair<std::string, std::string>> labelled(std::string_view text) {
    struct Marker {
        std::size_t at, value_from;
        std::string_view label;
    };
    std::vector<Marker> markers;
    for (std::size_t i = text.find('('); i != std::string_view::npos; i = text.find('(', i + 1)) {
        const auto close = text.find_first_of("()", i + 1);
        if (close == std::string_view::npos || text[close] != ')' || close - i > 60) continue;
        if (close + 1 >= text.size() || text[close + 1] != ':') continue;
        markers.push_back({i, close + 2, text.substr(i + 1, close - i - 1)});
    }
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t k = 0; k < markers.size(); ++k) {
        const auto to = k + 1 < markers.size() ? markers[k + 1].at : text.size();
        std::string value = sheet::collapse(text.substr(markers[k].value_from, to - markers[k].value_from));
        while (!value.empty() && value.back() == '.') value.pop_back();
        out.emplace_back(std::string(markers[k].label), sheet::collapse(value));
    }
    return out;
}

struct Group {
    Entry entry;
    std::vector<std::string> other;  // Other Information parts kept for remarks
    std::vector<std::string> positions;
    bool has_primary = false;
    std::string provisional_type;  // the alias type of the name standing in until the primary row
};

std::string person_name(const CsvRow& r) {
    return join({sheet::cell(r, kName1), sheet::cell(r, kName2), sheet::cell(r, kName3), sheet::cell(r, kName4),
                 sheet::cell(r, kName5), sheet::cell(r, kName6)},
                " ");
}

void add_alias(Entry& e, std::string name, std::string type) {
    if (name.empty() || lists::iequals(name, e.name)) return;
    for (const auto& a : e.aliases)
        if (lists::iequals(a.name, name)) return;
    e.aliases.push_back({std::move(name), std::move(type)});
}

void add_name(Group& g, const CsvRow& r) {
    const std::string name = person_name(r);
    const std::string alias_type = sheet::cell(r, kAliasType);
    if (alias_type == "Primary name" && !g.has_primary) {
        // An earlier row's name stood in for the primary: it becomes an alias of its own kind.
        std::string provisional = std::exchange(g.entry.name, name);
        std::erase_if(g.entry.aliases, [&](const Alias& a) { return lists::iequals(a.name, name); });
        add_alias(g.entry, std::move(provisional), g.provisional_type);
        g.has_primary = true;
    } else {
        const std::string quality = sheet::cell(r, kAliasQuality);
        std::string type = alias_type.empty() ? "aka" : alias_type;
        std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
        if (!quality.empty()) type += " (" + quality + ")";
        if (g.entry.name.empty()) {  // a group whose primary row comes later, or that has none
            g.entry.name = name;
            g.provisional_type = type;
        } else {
            add_alias(g.entry, name, type);
        }
    }
    if (const auto script = sheet::cell(r, kNonLatin); !script.empty())
        add_alias(g.entry, script, join({"non-Latin script", sheet::cell(r, kNonLatinLanguage)}, ": "));
}

void add_facts(Group& g, const CsvRow& r) {
    Entry& e = g.entry;
    if (const auto dob = sheet::cell(r, kDob); !dob.empty()) add_unique(e.dates_of_birth, sheet::dmy_date(dob).empty() ? dob : sheet::dmy_date(dob));
    add_unique(e.places_of_birth, join({sheet::cell(r, kTownOfBirth), sheet::cell(r, kCountryOfBirth)}, ", "));
    for (const auto& n : sheet::enumerated(sheet::cell(r, kNationality))) add_unique(e.nationalities, country_code(n));
    const auto passports = sheet::cell(r, kPassport);
    if (!passports.empty()) add_unique(e.ids, "Passport: " + join({passports, sheet::cell(r, kPassportDetails)}, " - "));
    const auto national = sheet::cell(r, kNationalId);
    if (!national.empty())
        add_unique(e.ids, "National identification number: " + join({national, sheet::cell(r, kNationalIdDetails)}, " - "));
    add_unique(g.positions, sheet::cell(r, kPosition));
    if (e.title.empty()) e.title = sheet::cell(r, kTitle);

    Address a;
    a.street = join({sheet::cell(r, kAddress1), sheet::cell(r, kAddress2), sheet::cell(r, kAddress3),
                     sheet::cell(r, kAddress4)},
                    ", ");
    a.city = sheet::cell(r, kAddress5);
    a.state = sheet::cell(r, kAddress6);
    a.postal_code = sheet::cell(r, kPostCode);
    a.country_name = sheet::cell(r, kCountry);
    a.country = country_code(a.country_name);
    sheet::hong_kong_country(a);
    if (!(a.street.empty() && a.city.empty() && a.state.empty() && a.postal_code.empty() && a.country_name.empty()) &&
        std::find(e.addresses.begin(), e.addresses.end(), a) == e.addresses.end())
        e.addresses.push_back(std::move(a));

    for (auto& [label, value] : labelled(sheet::cell(r, kOther))) {
        if (label == "UK Sanctions List Ref") {
            // "SYR0278. Director/Management name is ...": the reference is the first word; free text may follow.
            const auto end = value.find_first_of(". ");
            add_unique(e.ids, "UK Sanctions List Ref: " + value.substr(0, end));
            if (end != std::string::npos) add_unique(g.other, sheet::collapse(value.substr(end + 1)));
        } else if (label != "UK Statement of Reasons" && !value.empty()) add_unique(g.other, label + ": " + value);
    }
}

Entry finish(Group g) {
    Entry& e = g.entry;
    std::vector<std::string> remarks;
    if (!g.positions.empty()) remarks.push_back("Position: " + join(g.positions, "; "));
    remarks.insert(remarks.end(), g.other.begin(), g.other.end());
    e.remarks = join(remarks, " | ");
    return std::move(e);
}

}  // namespace

ParsedList parse_ofsi_conlist(const Table& t) {
    // The first row is "Last Updated | dd/mm/yyyy" (a copy may lack it), then the header.
    ParsedList out;
    std::size_t header = 0;
    if (!t.rows.empty() && sheet::cell(t.rows[0], 0) == "Last Updated") {
        out.date = sheet::dmy_date(sheet::cell(t.rows[0], 1));
        out.date_basis = "the file's \"Last Updated\" line";
        header = 1;
    }
    sheet::expect_header(t, header, kHeaders, "ofsi_conlist_invalid");

    std::map<std::string, Group> groups;
    std::vector<std::string> order;
    std::string latest;  // the newest "Last Updated" of a row: the date when the first line is missing
    for (std::size_t i = header + 1; i < t.rows.size(); ++i) {
        const auto& r = t.rows[i];
        const auto id = sheet::cell(r, kGroupId);
        if (id.empty())
            throw Error("ofsi_conlist_invalid", fmt::format("{}: {} {}: field `Group ID` is empty", t.file_name, t.row_word, r.line));
        if (person_name(r).empty())
            throw Error("ofsi_conlist_invalid", fmt::format("{}: {} {}: no name (Name 1 to Name 6 are empty)", t.file_name, t.row_word, r.line));
        auto [it, added] = groups.try_emplace(id);
        Group& g = it->second;
        if (added) {
            order.push_back(id);
            Entry& e = g.entry;
            e.list = std::string(kUkListCode);
            e.list_name = std::string(official_list_name(e.list));
            e.source = "ofsi_conlist";
            e.source_id = id;
            e.type = entity_type_from(sheet::cell(r, kGroupType));
            if (sheet::cell(r, kGroupType) == "Ship") e.type = EntityType::vessel;
            e.start_date = sheet::dmy_date(sheet::cell(r, kListedOn));
            e.source_url = std::string(kOfsiUrl);
            e.source_information_url = std::string(kOfsiInformationUrl);
        }
        add_name(g, r);
        add_facts(g, r);
        if (const auto regime = sheet::cell(r, kRegime); !regime.empty()) add_unique(g.entry.programs, regime);
        latest = std::max(latest, sheet::dmy_date(sheet::cell(r, kLastUpdated)));
    }
    for (const auto& id : order) out.entries.push_back(finish(std::move(groups[id])));
    if (out.date.empty() && !latest.empty()) {
        out.date = latest;
        out.date_basis = "latest \"Last Updated\" in the file";
    }
    return out;
}

}  // namespace exportcheck
