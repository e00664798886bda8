// BIS Denied Persons List, the official tab-delimited `dpl.txt` (https://www.bis.doc.gov/dpl/dpl.txt) ->
// entries. The file has one row per (party, address) and no identifiers, so rows are grouped by name.
#include "list_text.hpp"

#include <exportcheck/countries.hpp>
#include <exportcheck/csv.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/fnv.hpp>
#include <exportcheck/list_names.hpp>
#include <exportcheck/lists.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace exportcheck {
namespace {

constexpr std::string_view kDplUrl = "https://www.bis.doc.gov/dpl/dpl.txt";
constexpr std::string_view kDplInformationUrl =
    "https://www.bis.gov/licensing/guidance-on-end-user-and-end-use-controls-including-denied-persons-list";

enum DplColumn : std::size_t {
    kDplName, kDplStreet, kDplCity, kDplState, kDplCountry, kDplPostalCode, kDplEffective, kDplExpiration, kDplStandardOrder, kDplLastUpdate,
    kDplAction, kDplCitation, kDplColumnCount
};
constexpr std::array<std::string_view, kDplColumnCount> kDplHeaders = {
    "Name",           "Street_Address",  "City",           "State",       "Country", "Postal_Code",
    "Effective_Date", "Expiration_Date", "Standard_Order", "Last_Update", "Action",  "FR_Citation"};

// Trims and collapses inner runs of spaces (quoted fields keep theirs: " I. ASH", "AL-NASER  AIRLINES").
std::string collapse(std::string_view s) { return lists::collapse_spaces(s); }

std::string trimmed(std::string_view s) { return std::string(lists::trim(s)); }

std::string ascii_upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && ascii_upper(std::string(a)) == ascii_upper(std::string(b));
}

// The grouping key and the input of the id: the same party written "AL-NASER  AIRLINES" or with a stray
// leading space (" I. ASH") is one party.
std::string name_key(std::string_view name) { return ascii_upper(collapse(name)); }

// 64-bit FNV-1a. The file carries no identifiers, yet reviewers' adjudications are keyed by source_id
// and must survive list refreshes, so the id is derived from the name alone: stable across downloads,
// row order and address changes, and the same on every platform (no std::hash).
std::string stable_id(std::string_view key) {
    const std::uint64_t h = text::fnv1a64(key);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return "DPL-" + std::string(hex, 16);
}

// MM/DD/YYYY -> YYYY-MM-DD; anything else is kept as written (the data has typos such as 3033-09-30).
std::string iso_date(std::string_view text) {
    std::string s = trimmed(text);
    unsigned month = 0, day = 0, year = 0;
    char tail = 0;
    if (std::sscanf(s.c_str(), "%2u/%2u/%4u%c", &month, &day, &year, &tail) != 3 || month < 1 || month > 12 ||
        day < 1 || day > 31 || year < 1000 || s.size() < 8)
        return s;
    char iso[32];
    std::snprintf(iso, sizeof iso, "%04u-%02u-%02u", year, month, day);
    return iso;
}

struct DplColumns {
    std::array<std::size_t, kDplColumnCount> at{};
    std::size_t count = 0;  // fields per row
};

DplColumns locate_columns(const CsvRow& header, std::string_view file_name) {
    DplColumns c;
    c.count = header.fields.size();
    for (std::size_t k = 0; k < kDplColumnCount; ++k) {
        auto it = std::find_if(header.fields.begin(), header.fields.end(),
                               [&](const std::string& f) { return iequals(trimmed(f), kDplHeaders[k]); });
        if (it == header.fields.end())
            throw Error("dpl_missing_column", std::string(file_name) + ": line " + std::to_string(header.line) +
                                                  ": the header has no \"" + std::string(kDplHeaders[k]) + "\" column");
        c.at[k] = static_cast<std::size_t>(it - header.fields.begin());
    }
    return c;
}

// The rows of one party, folded as they are read.
struct Group {
    Entry entry;
    std::string latest_update;   // Last_Update of the row the remarks come from
    bool open_ended = false;     // some row has no expiration date
};

using lists::add_unique;

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const std::string& p : parts) {
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

Group new_group(const std::string& name, const std::string& key) {
    Group g;
    Entry& e = g.entry;
    e.list = "DPL";
    e.list_name = std::string(official_list_name(e.list));
    e.source = "dpl";
    e.source_id = stable_id(key);
    e.type = EntityType::unknown;  // the file does not say whether a party is a person or a company
    e.name = name;
    e.source_url = kDplUrl;
    e.source_information_url = kDplInformationUrl;
    return g;
}

// A party listed again (another address, a renewed or second order) stays one entry. Where the rows
// disagree the conservative reading wins: the earliest effective date, the latest expiration (none if
// any row has none), a standard order if any row says so; remarks come from the most recently updated row.
void fold_row(Group& g, const std::vector<std::string>& f, const DplColumns& c, std::vector<std::string>& citations) {
    Entry& e = g.entry;
    const auto field = [&](DplColumn k) { return trimmed(f[c.at[k]]); };

    Address a{field(kDplStreet), field(kDplCity), field(kDplState), field(kDplPostalCode), {}, field(kDplCountry)};
    a.country = country_code(a.country_name);
    const bool empty = a.street.empty() && a.city.empty() && a.state.empty() && a.postal_code.empty() &&
                       a.country_name.empty();
    if (!empty && std::find(e.addresses.begin(), e.addresses.end(), a) == e.addresses.end())
        e.addresses.push_back(std::move(a));

    add_unique(citations, collapse(f[c.at[kDplCitation]]));

    const std::string effective = iso_date(field(kDplEffective));
    if (!effective.empty() && (e.start_date.empty() || effective < e.start_date)) e.start_date = effective;
    const std::string expiration = iso_date(field(kDplExpiration));
    if (expiration.empty()) g.open_ended = true;
    if (expiration > e.end_date) e.end_date = expiration;

    const std::string order = ascii_upper(field(kDplStandardOrder));  // one row says "y"
    if (e.standard_order != "Y" && !order.empty()) e.standard_order = order;

    const std::string updated = field(kDplLastUpdate);
    if (e.remarks.empty() || updated > g.latest_update) {
        g.latest_update = updated;
        const std::string action = collapse(f[c.at[kDplAction]]);
        e.remarks = action.empty() ? "last update " + updated : action + "; last update " + updated;
    }
}

}  // namespace

std::vector<Entry> parse_dpl_txt(std::string_view text, std::string_view file_name) {
    CsvReader reader(text, file_name, CsvOptions{'\t', false, true});
    CsvRow row;
    if (!next_or_throw(reader, row))
        throw Error("dpl_missing_column", std::string(file_name) + ": empty file, no header row with a \"" +
                                              std::string(kDplHeaders[kDplName]) + "\" column");
    const DplColumns columns = locate_columns(row, file_name);

    std::vector<Group> groups;
    std::vector<std::vector<std::string>> citations;  // per group, in order of appearance
    std::unordered_map<std::string, std::size_t> index;  // name key -> group
    while (next_or_throw(reader, row)) {
        if (row.fields.size() != columns.count)
            throw Error("dpl_bad_row", std::string(file_name) + ": line " + std::to_string(row.line) + ": expected " +
                                           std::to_string(columns.count) + " fields, found " +
                                           std::to_string(row.fields.size()));
        const std::string name = trimmed(row.fields[columns.at[kDplName]]);
        if (name.empty())
            throw Error("dpl_bad_row", std::string(file_name) + ": line " + std::to_string(row.line) + ": empty Name");
        const std::string key = name_key(name);
        auto [it, added] = index.try_emplace(key, groups.size());
        if (added) {
            groups.push_back(new_group(name, key));
            citations.emplace_back();
        }
        fold_row(groups[it->second], row.fields, columns, citations[it->second]);
    }

    std::vector<Entry> entries;
    entries.reserve(groups.size());
    for (std::size_t i = 0; i < groups.size(); ++i) {
        Entry& e = groups[i].entry;
        if (groups[i].open_ended) e.end_date.clear();
        e.federal_register = join(citations[i], " | ");
        entries.push_back(std::move(e));
    }
    return entries;
}

}  // namespace exportcheck
