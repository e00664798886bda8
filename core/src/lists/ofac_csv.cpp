// OFAC legacy CSV set (sdn.csv / cons_prim.csv and their add, alt and comments companions): headerless,
// positional, `-0-` for empty, CRLF and a trailing Ctrl-Z. Dates of birth, nationalities and ids live
// inside the free-text Remarks and are lifted out here so matching can corroborate with them.
#include "list_text.hpp"

#include <exportcheck/countries.hpp>
#include <exportcheck/csv.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/list_names.hpp>
#include <exportcheck/lists.hpp>

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <unordered_map>

namespace exportcheck {
namespace {

using lists::istarts_with;
using lists::split;
using lists::trim;

constexpr CsvOptions kOfacCsv{',', /*ofac_empty=*/true, /*trim=*/true};

// Non-SDN programs -> the list they put an entry on (as the CSL files them). First match wins;
// anything else non-SDN is a menu-based sanction (NS-MBS), as the CSL files CAATSA, EO 14024 and
// similar directive entries.
struct ProgramList {
    std::string_view program_prefix;
    std::string_view list;
};
constexpr std::array<ProgramList, 5> kConsPrograms = {{
    {"FSE-", "FSE"},
    {"UKRAINE-EO13662", "SSI"},
    {"NS-PLC", "PLC"},
    {"CMIC-", "CMIC"},
    {"561-", "CAP"},
}};
constexpr std::string_view kConsDefaultList = "MBS";

}  // namespace

std::string ofac_cons_list(const std::vector<std::string>& programs) {
    for (const auto& rule : kConsPrograms)
        for (const auto& p : programs)
            if (istarts_with(p, rule.program_prefix)) return std::string(rule.list);
    return std::string(kConsDefaultList);
}

namespace {

// "SDGT] [IFSR" -> {"SDGT", "IFSR"}
std::vector<std::string> split_programs(std::string_view cell) {
    std::vector<std::string> out;
    for (auto& p : split(cell, "] [")) {
        std::string_view v = p;
        while (!v.empty() && (v.front() == '[' || v.front() == ' ')) v.remove_prefix(1);
        while (!v.empty() && (v.back() == ']' || v.back() == ' ')) v.remove_suffix(1);
        if (!v.empty()) out.emplace_back(v);
    }
    return out;
}

EntityType ofac_type(std::string_view t) {
    if (t.empty()) return EntityType::organization;  // `-0-`: OFAC leaves the type empty for entities
    return entity_type_from(t);
}

// Remarks items that are identifiers worth keeping (and showing) as such.
constexpr std::array<std::string_view, 16> kIdPrefixes = {
    "Passport", "National ID No.", "Tax ID No.", "Registration Number", "Website", "Email Address",
    "SWIFT/BIC", "Phone Number", "Identification Number", "Cedula No.", "D-U-N-S Number", "IMO",
    "Unified Social Credit Code", "Digital Currency Address", "Company Number", "Business Registration"};

void lift_remarks(Entry& e) {
    for (const auto& raw : split(e.remarks, ";")) {
        std::string_view item = trim(raw);
        if (!item.empty() && item.back() == '.') item.remove_suffix(1);
        if (istarts_with(item, "DOB ")) {
            lists::add_unique(e.dates_of_birth, lists::iso_date(item.substr(4)));
        } else if (istarts_with(item, "alt. DOB ")) {
            lists::add_unique(e.dates_of_birth, lists::iso_date(item.substr(9)));
        } else if (istarts_with(item, "POB ")) {
            lists::add_unique(e.places_of_birth, std::string(trim(item.substr(4))));
        } else if (istarts_with(item, "nationality ") || istarts_with(item, "alt. nationality ")) {
            const auto c = country_code(item.substr(item.find("nationality ") + 12));
            lists::add_unique(e.nationalities, c);
        } else if (istarts_with(item, "citizen ") || istarts_with(item, "alt. citizen ")) {
            lists::add_unique(e.citizenships, country_code(item.substr(item.find("citizen ") + 8)));
        } else {
            for (auto prefix : kIdPrefixes)
                if (istarts_with(item, prefix) || istarts_with(item, std::string("alt. ") + std::string(prefix))) {
                    lists::add_unique(e.ids, std::string(item));
                    break;
                }
        }
    }
}

std::string require_ent_num(const CsvRow& row, std::string_view file) {
    const auto& f = row.fields.empty() ? std::string() : row.fields[0];
    long value = 0;
    const auto [ptr, ec] = std::from_chars(f.data(), f.data() + f.size(), value);
    if (f.empty() || ec != std::errc() || ptr != f.data() + f.size())
        throw Error("ofac_bad_ent_num",
                    fmt::format("{}: line {}: field 1 (ent_num): \"{}\" is not a number", file, row.line, f));
    return f;
}

void require_fields(const CsvRow& row, std::size_t n, std::string_view file) {
    if (row.fields.size() < n)
        throw Error("ofac_bad_row", fmt::format("{}: line {}: expected {} fields, found {}", file, row.line, n,
                                                row.fields.size()));
}

}  // namespace

std::vector<Entry> parse_ofac_csv(const OfacFiles& files, std::string_view source) {
    const bool sdn = source == "ofac_sdn";
    if (!sdn && source != "ofac_cons")
        throw Error("ofac_bad_source", fmt::format("unknown OFAC source \"{}\" (ofac_sdn or ofac_cons)", source));

    std::vector<Entry> entries;
    std::unordered_map<std::string, std::size_t> by_id;
    CsvRow row;

    CsvReader prim(files.primary, files.primary_name, kOfacCsv);
    while (next_or_throw(prim, row)) {
        require_fields(row, 12, files.primary_name);
        Entry e;
        e.source = std::string(source);
        e.source_id = require_ent_num(row, files.primary_name);
        e.name = std::string(trim(row.fields[1]));
        if (e.name.empty())
            throw Error("ofac_missing_name",
                        fmt::format("{}: line {}: field 2 (name) is empty", files.primary_name, row.line));
        e.type = ofac_type(row.fields[2]);
        e.programs = split_programs(row.fields[3]);
        e.list = sdn ? "SDN" : ofac_cons_list(e.programs);
        e.list_name = std::string(official_list_name(e.list));
        e.title = row.fields[4];
        if (!row.fields[5].empty()) e.ids.push_back("Call Sign " + row.fields[5]);
        if (!row.fields[6].empty()) e.ids.push_back("Vessel Type " + row.fields[6]);
        if (!row.fields[9].empty()) e.ids.push_back("Vessel Flag " + row.fields[9]);
        if (!row.fields[10].empty()) e.ids.push_back("Vessel Owner " + row.fields[10]);
        e.remarks = row.fields[11];
        e.source_url = sdn ? "https://www.treasury.gov/ofac/downloads/sdn.csv"
                           : "https://www.treasury.gov/ofac/downloads/consolidated/cons_prim.csv";
        e.source_information_url = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=" + e.source_id;
        if (!by_id.emplace(e.source_id, entries.size()).second)
            throw Error("ofac_duplicate_ent_num", fmt::format("{}: line {}: ent_num {} appears twice",
                                                              files.primary_name, row.line, e.source_id));
        entries.push_back(std::move(e));
    }

    // Companion rows for an ent_num absent from the primary file are skipped: OFAC's own comments file
    // carries a few orphans (see data/README.md). Without a primary file (a detail-only set) each ent_num
    // becomes a nameless entry that can only add detail to a newer record of the same party.
    const bool detail_only = files.primary.empty();
    if (detail_only && !sdn)
        throw Error("ofac_missing_primary", fmt::format("{}: missing; a detail-only set is read for the SDN list only",
                                                        files.primary_name));
    auto owner = [&](const CsvRow& r, std::string_view file) -> Entry* {
        const auto id = require_ent_num(r, file);
        if (const auto it = by_id.find(id); it != by_id.end()) return &entries[it->second];
        if (!detail_only) return nullptr;
        Entry e;
        e.source = std::string(source);
        e.source_id = id;
        e.list = "SDN";
        e.list_name = std::string(official_list_name(e.list));
        e.source_url = "https://www.treasury.gov/ofac/downloads/sdn.csv";
        e.source_information_url = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=" + id;
        by_id.emplace(id, entries.size());
        entries.push_back(std::move(e));
        return &entries.back();
    };

    CsvReader alt(files.alt, files.alt_name, kOfacCsv);
    while (next_or_throw(alt, row)) {
        require_fields(row, 4, files.alt_name);
        if (auto* e = owner(row, files.alt_name); e && !row.fields[3].empty())
            e->aliases.push_back({row.fields[3], row.fields[2].empty() ? "aka" : row.fields[2]});
    }

    CsvReader add(files.add, files.add_name, kOfacCsv);
    while (next_or_throw(add, row)) {
        require_fields(row, 5, files.add_name);
        auto* e = owner(row, files.add_name);
        if (!e) continue;
        Address a;
        a.street = row.fields[2];
        a.city = row.fields[3];  // "City/State/Province/Postal" in one field
        a.country = country_code(row.fields[4]);
        if (a.country.empty()) a.country_name = row.fields[4];
        if (!(a.street.empty() && a.city.empty() && a.country.empty() && a.country_name.empty()))
            e->addresses.push_back(std::move(a));
    }

    CsvReader comments(files.comments, files.comments_name, kOfacCsv);
    while (next_or_throw(comments, row)) {
        require_fields(row, 2, files.comments_name);
        if (auto* e = owner(row, files.comments_name)) e->remarks += row.fields[1];
    }

    for (auto& e : entries) lift_remarks(e);
    return entries;
}

}  // namespace exportcheck
