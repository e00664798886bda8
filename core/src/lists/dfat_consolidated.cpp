// Australia's DFAT Consolidated List (regulation8_consolidated.xlsx) -> entries. One row per name; a
// listing's alias rows carry its reference with a letter ("2a", "2b") and repeat its other cells.
#include "list_text.hpp"
#include "sheet_text.hpp"

#include <exportcheck/countries.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/intl_lists.hpp>
#include <exportcheck/list_names.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <vector>

namespace exportcheck {
namespace {

using lists::add_unique;

constexpr std::string_view kDfatUrl = "https://www.dfat.gov.au/sites/default/files/regulation8_consolidated.xlsx";
constexpr std::string_view kDfatInformationUrl =
    "https://www.dfat.gov.au/international-relations/security/sanctions/consolidated-list";
constexpr std::string_view kCode = "dfat_invalid";

enum Col : std::size_t {
    kReference, kName, kType, kNameType, kDob, kPlaceOfBirth, kCitizenship, kAddress, kAdditional, kListing,
    kCommittees, kControlDate
};
const std::vector<std::string_view> kHeaders = {
    "Reference", "Name of Individual or Entity", "Type", "Name Type", "Date of Birth", "Place of Birth",
    "Citizenship", "Address", "Additional Information", "Listing Information", "Committees", "Control Date"};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool not_applicable(const std::string& s) {
    const auto l = lower(s);
    return l.empty() || l == "na" || l == "n/a" || l == "unknown";
}

// One date of birth as DFAT writes it: an Excel serial, "1963", "Approximately 1963", "12 Dec. 1961",
// "12/03/1961" (day first), "Between 1957 and 1962" (-> "1957-1962"). Others are kept as written.
std::string dob(const std::string& text) {
    if (auto d = sheet::excel_serial_date(text); !d.empty()) return d;
    std::string s = text;
    for (std::string_view prefix : {"Approximately ", "approximately ", "Approx. ", "circa "})
        if (s.starts_with(prefix)) s.erase(0, prefix.size());
    if (s.starts_with("Between ")) {  // "Between 1957 and 1962", "Between 1963 to 1968"
        for (std::string_view joiner : {" and ", " to "})
            if (const auto at = s.find(joiner); at != std::string::npos) {
                const auto from = sheet::dmy_date(s.substr(8, at - 8)), to = sheet::dmy_date(s.substr(at + joiner.size()));
                if (from.size() == 4 && to.size() == 4) return from + "-" + to;
            }
    }
    if (auto d = sheet::dmy_date(s); !d.empty()) return d;
    // "1955- 1958", "1955 - 1958": a range of years, written the way the UN list writes one.
    if (const auto dash = s.find('-'); dash != std::string::npos) {
        const auto from = sheet::dmy_date(s.substr(0, dash)), to = sheet::dmy_date(s.substr(dash + 1));
        if (from.size() == 4 && to.size() == 4) return from + "-" + to;
    }
    // "12 Dec. 1961", "Dec. 1961": drop the abbreviation's dot for the common reader.
    std::string plain;
    for (char c : s)
        if (c != '.') plain += c;
    static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                   "jul", "aug", "sep", "oct", "nov", "dec"};
    std::vector<std::string> words;
    for (std::size_t i = 0, j; i < plain.size(); i = j + 1) {
        j = plain.find(' ', i);
        if (j == std::string::npos) j = plain.size();
        if (j > i) words.push_back(plain.substr(i, j - i));
    }
    auto month = [&](const std::string& w) -> int {
        for (int m = 0; m < 12; ++m)
            if (w.size() >= 3 && lower(w.substr(0, 3)) == kMonths[m]) return m + 1;
        return 0;
    };
    auto digits = [](const std::string& w) {
        return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    auto year = [&](const std::string& w) { return w.size() == 4 && digits(w); };
    if (words.size() == 3 && month(words[1]) && year(words[2]) && digits(words[0]) && words[0].size() <= 2)
        return fmt::format("{}-{:02}-{:02}", words[2], month(words[1]), std::stoi(words[0]));
    if (words.size() == 2 && month(words[0]) && year(words[1])) return fmt::format("{}-{:02}", words[1], month(words[0]));
    return s;
}

// "a) Street, Town, Country b) ..." -> addresses; the last comma-separated part names the country when
// it is one.
void add_addresses(Entry& e, const std::string& text) {
    if (not_applicable(text)) return;
    for (const auto& part : sheet::enumerated(text)) {
        if (not_applicable(part)) continue;
        Address a;
        const auto comma = part.rfind(',');
        const std::string last = sheet::collapse(comma == std::string::npos ? part : part.substr(comma + 1));
        if (const auto cc = country_code(last); !cc.empty()) {
            a.country = cc;
            a.country_name = last;
            a.street = comma == std::string::npos ? "" : sheet::collapse(part.substr(0, comma));
            sheet::hong_kong_country(a);
        } else {
            a.street = part;
        }
        if (std::find(e.addresses.begin(), e.addresses.end(), a) == e.addresses.end()) e.addresses.push_back(std::move(a));
    }
}

struct Listing {
    Entry entry;
    std::vector<std::string> remarks;
};

void add_row(Listing& l, const CsvRow& r) {
    Entry& e = l.entry;
    const auto name = sheet::cell(r, kName);
    const auto name_type = lower(sheet::cell(r, kNameType));
    if (name_type == "primary name" && (e.name.empty() || e.name != name)) {
        if (!e.name.empty()) e.aliases.push_back({e.name, "aka"});  // a provisional name from an earlier row
        e.name = name;
        std::erase_if(e.aliases, [&](const Alias& a) { return lists::iequals(a.name, name); });
    } else if (e.name.empty() && name_type != "original script") {
        e.name = name;
    } else if (!lists::iequals(name, e.name) &&
               std::none_of(e.aliases.begin(), e.aliases.end(), [&](const Alias& a) { return lists::iequals(a.name, name); })) {
        std::string type = name_type.empty() ? "aka" : name_type;
        if (type == "formerly known as" || type == "previously listed as") type = "fka";
        e.aliases.push_back({name, type});
    }
    for (const auto& d : sheet::enumerated(sheet::cell(r, kDob)))
        if (!not_applicable(d)) add_unique(e.dates_of_birth, dob(d));
    for (const auto& p : sheet::enumerated(sheet::cell(r, kPlaceOfBirth)))
        if (!not_applicable(p)) add_unique(e.places_of_birth, p);
    for (const auto& c : sheet::enumerated(sheet::cell(r, kCitizenship))) add_unique(e.citizenships, country_code(c));
    add_addresses(e, sheet::cell(r, kAddress));
    if (const auto committee = sheet::cell(r, kCommittees); !committee.empty()) add_unique(e.programs, committee);
    add_unique(l.remarks, sheet::cell(r, kAdditional));
    add_unique(l.remarks, sheet::cell(r, kListing));
}

// "2a" -> "2"; "" when the reference does not start with digits.
std::string base_reference(const std::string& ref) {
    std::size_t n = 0;
    while (n < ref.size() && ref[n] >= '0' && ref[n] <= '9') ++n;
    return ref.substr(0, n);
}

}  // namespace

ParsedList parse_dfat_consolidated(const Table& t) {
    sheet::expect_header(t, 0, kHeaders, kCode);
    std::map<std::string, Listing> listings;
    std::vector<std::string> order;
    ParsedList out;
    for (std::size_t i = 1; i < t.rows.size(); ++i) {
        const auto& r = t.rows[i];
        const auto ref = sheet::cell(r, kReference);
        const auto name = sheet::cell(r, kName);
        if (ref.empty() && name.empty()) continue;  // a blank formatted row
        const auto base = base_reference(ref);
        if (base.empty())
            throw Error(std::string(kCode), fmt::format("{}: {} {}: field `Reference`: \"{}\" does not start with a number",
                                                        t.file_name, t.row_word, r.line, ref));
        if (name.empty())
            throw Error(std::string(kCode), fmt::format("{}: {} {}: field `Name of Individual or Entity` is empty",
                                                        t.file_name, t.row_word, r.line));
        auto [it, added] = listings.try_emplace(base);
        if (added) {
            order.push_back(base);
            Entry& e = it->second.entry;
            e.list = std::string(kAuListCode);
            e.list_name = std::string(official_list_name(e.list));
            e.source = "dfat";
            e.source_id = base;
            e.source_url = std::string(kDfatUrl);
            e.source_information_url = std::string(kDfatInformationUrl);
        }
        if (Entry& e = it->second.entry; e.type == EntityType::unknown) e.type = entity_type_from(sheet::cell(r, kType));
        add_row(it->second, r);
        out.date = std::max(out.date, sheet::excel_serial_date(sheet::cell(r, kControlDate)));
    }
    for (const auto& base : order) {
        Listing& l = listings[base];
        for (const auto& r : l.remarks) l.entry.remarks += (l.entry.remarks.empty() ? "" : " | ") + r;
        out.entries.push_back(std::move(l.entry));
    }
    out.date_basis = "latest Control Date in the file";
    return out;
}

}  // namespace exportcheck
