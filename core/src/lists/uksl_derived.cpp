// The FCDO UK Sanctions List as five relational CSVs (uksl_derived: subjects, subject_names, subject_dobs,
// subject_identifiers, subject_countries; a third party's mechanical restructuring of the FCDO CSV) ->
// one entry per subject. Per-subject facts are repeated once per name row in the source: de-duplicated here.
#include "list_text.hpp"
#include "sheet_text.hpp"

#include <exportcheck/countries.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/intl_lists.hpp>
#include <exportcheck/list_names.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace exportcheck {
namespace {

constexpr std::string_view kUkslUrl = "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv";
constexpr std::string_view kUkslInformationUrl = "https://www.gov.uk/government/publications/the-uk-sanctions-list";
constexpr std::string_view kCode = "uksl_invalid";

using lists::add_unique;

[[noreturn]] void bad(const Table& t, const CsvRow& r, const std::string& why) {
    throw Error(std::string(kCode), fmt::format("{}: {} {}: {}", t.file_name, t.row_word, r.line, why));
}

struct Subjects {
    std::map<std::string, Entry> by_id;
    std::vector<std::string> order;
    std::map<std::string, std::vector<std::string>> remarks;
};

Entry& subject(Subjects& s, const Table& t, const CsvRow& r) {
    const auto id = sheet::cell(r, 1);
    const auto it = s.by_id.find(id);
    if (it == s.by_id.end()) bad(t, r, fmt::format("field `unique_id`: \"{}\" is not in subjects.csv", id));
    return it->second;
}

void read_subjects(Subjects& s, const Table& t, std::string& latest) {
    sheet::expect_header(t, 0, {"unique_id", "subject_type", "un_reference_number", "ofsi_group_id", "date_designated",
                                "last_updated"}, kCode);
    for (std::size_t i = 1; i < t.rows.size(); ++i) {
        const auto& r = t.rows[i];
        const auto id = sheet::cell(r, 0);
        if (id.empty()) bad(t, r, "field `unique_id` is empty");
        Entry e;
        e.list = std::string(kUkListCode);
        e.list_name = std::string(official_list_name(e.list));
        e.source = "uk_sanctions_list";
        e.source_id = id;
        const auto type = sheet::cell(r, 1);
        e.type = type == "ship" ? EntityType::vessel : entity_type_from(type);
        e.start_date = sheet::dmy_date(sheet::cell(r, 4));
        e.source_url = std::string(kUkslUrl);
        e.source_information_url = std::string(kUkslInformationUrl);
        latest = std::max(latest, sheet::dmy_date(sheet::cell(r, 5)));
        auto& remarks = s.remarks[id];
        if (const auto un = sheet::cell(r, 2); !un.empty()) remarks.push_back("UN reference: " + un);
        if (const auto group = sheet::cell(r, 3); !group.empty()) remarks.push_back("OFSI group ID: " + group);
        if (!s.by_id.emplace(id, std::move(e)).second) bad(t, r, fmt::format("unique_id \"{}\" is listed twice", id));
        s.order.push_back(id);
    }
}

void read_names(Subjects& s, const Table& t) {
    sheet::expect_header(t, 0, {"name_id", "unique_id", "name_type", "alias_strength", "full_name"}, kCode);
    for (std::size_t i = 1; i < t.rows.size(); ++i) {
        const auto& r = t.rows[i];
        Entry& e = subject(s, t, r);
        const auto name = sheet::cell(r, 4);
        if (name.empty()) bad(t, r, "field `full_name` is empty");
        const auto kind = sheet::cell(r, 2);
        if (kind == "primary" && e.name.empty()) {
            e.name = name;
            std::erase_if(e.aliases, [&](const Alias& a) { return lists::iequals(a.name, name); });
            continue;
        }
        if (lists::iequals(name, e.name) ||
            std::any_of(e.aliases.begin(), e.aliases.end(), [&](const Alias& a) { return lists::iequals(a.name, name); }))
            continue;
        std::string type = kind == "primary_variation" ? "primary name variation" : kind == "primary" ? "primary name" : "aka";
        if (const auto strength = sheet::cell(r, 3); strength == "good_quality_aka") type = "aka (good quality)";
        else if (strength == "low_quality_aka") type = "aka (low quality)";
        e.aliases.push_back({name, type});
    }
}

// Of this file only id, unique_id and raw_value are right: the source's parsed columns belong to other rows.
void read_dobs(Subjects& s, const Table& t) {
    sheet::expect_header(t, 0, {"id", "unique_id", "raw_value"}, kCode);
    for (std::size_t i = 1; i < t.rows.size(); ++i) {
        const auto& r = t.rows[i];
        const auto raw = sheet::cell(r, 2);
        if (sheet::cell(r, 1).empty() && raw.empty()) continue;  // the source's orphan rows
        const auto date = sheet::dmy_date(raw);
        add_unique(subject(s, t, r).dates_of_birth, date.empty() ? raw : date);
    }
}

void read_identifiers(Subjects& s, const Table& t) {
    sheet::expect_header(t, 0, {"id", "unique_id", "ofsi_group_id", "raw_value", "identifier_type", "additional_info"}, kCode);
    for (std::size_t i = 1; i < t.rows.size(); ++i) {
        const auto& r = t.rows[i];
        const auto value = sheet::cell(r, 3);
        if (value.empty()) continue;
        const auto type = sheet::cell(r, 4);
        std::string label = type == "passport"   ? "Passport"
                            : type == "national" ? "National identification number"
                            : type == "imo"      ? "IMO number"
                            : type == "business_registration_numbers" ? "Business registration number"
                                                                      : type;
        std::string id = label + ": " + value;
        if (const auto info = sheet::cell(r, 5); !info.empty()) id += " - " + info;
        add_unique(subject(s, t, r).ids, std::move(id));
    }
}

void read_countries(Subjects& s, const Table& t) {
    sheet::expect_header(t, 0, {"id", "unique_id", "raw_value", "country_type", "iso"}, kCode);
    for (std::size_t i = 1; i < t.rows.size(); ++i) {
        const auto& r = t.rows[i];
        const auto raw = sheet::cell(r, 2);
        if (raw.empty()) continue;
        Entry& e = subject(s, t, r);
        std::string iso = sheet::cell(r, 4);
        if (!is_country_code(iso)) iso = country_code(raw);
        const auto type = sheet::cell(r, 3);
        if (type == "nationality") {
            add_unique(e.nationalities, iso);
        } else if (type == "birth") {
            add_unique(e.places_of_birth, raw);
        } else if (type == "address") {
            Address a;
            a.country = iso;
            a.country_name = raw;
            if (std::find(e.addresses.begin(), e.addresses.end(), a) == e.addresses.end()) e.addresses.push_back(std::move(a));
        } else {
            bad(t, r, fmt::format("field `country_type`: \"{}\" is not address, birth or nationality", type));
        }
    }
}

}  // namespace

ParsedList parse_uksl_derived(const UkslFiles& f) {
    Subjects s;
    ParsedList out;
    read_subjects(s, csv_table(f.subjects, "subjects.csv"), out.date);
    read_names(s, csv_table(f.names, "subject_names.csv"));
    read_dobs(s, csv_table(f.dobs, "subject_dobs.csv"));
    read_identifiers(s, csv_table(f.identifiers, "subject_identifiers.csv"));
    read_countries(s, csv_table(f.countries, "subject_countries.csv"));
    out.date_basis = "latest last_updated in subjects.csv";
    for (const auto& id : s.order) {
        Entry& e = s.by_id[id];
        if (e.name.empty()) {
            if (e.aliases.empty())
                throw Error(std::string(kCode), fmt::format("subject_names.csv: subject {} has no name", id));
            e.name = e.aliases.front().name;  // no primary row: the first name stands in
            e.aliases.erase(e.aliases.begin());
        }
        const auto& remarks = s.remarks[id];
        for (const auto& r : remarks) e.remarks += (e.remarks.empty() ? "" : " | ") + r;
        out.entries.push_back(std::move(e));
    }
    return out;
}

}  // namespace exportcheck
