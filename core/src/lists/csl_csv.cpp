// trade.gov Consolidated Screening List, CSV export. Columns are found by header name, so a reordered
// or extended export still reads; a missing required column is an error that names it.
#include "list_text.hpp"

#include <exportcheck/countries.hpp>
#include <exportcheck/csv.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/lists.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <utility>

namespace exportcheck {
namespace {

using lists::split;
using lists::trim;

// The CSL `source` string ends in "(CODE) - Agency"; a few codes are spelled differently in the file.
std::string list_code_from_source(std::string_view source) {
    const auto close = source.rfind(')');
    const auto open = close == std::string_view::npos ? close : source.rfind('(', close);
    if (open == std::string_view::npos) return {};
    std::string code(trim(source.substr(open + 1, close - open - 1)));
    if (code == "NS-MBS List") return "MBS";
    return code;
}

// EL and SDN names may carry "and any successor, sub-unit, or subsidiary thereof": a scope note,
// not part of the name.
constexpr std::string_view kSuccessorClause = "and any successor, sub-unit, or subsidiary thereof";

std::string clean_name(std::string_view name, std::string& remarks) {
    auto n = trim(name);
    if (lists::iends_with(n, kSuccessorClause)) {
        n = trim(n.substr(0, n.size() - kSuccessorClause.size()));
        if (!n.empty() && (n.back() == ',' || n.back() == ';')) n = trim(n.substr(0, n.size() - 1));
        remarks = remarks.empty() ? std::string("Includes any successor, sub-unit, or subsidiary.")
                                  : remarks + " Includes any successor, sub-unit, or subsidiary.";
    }
    return std::string(n);
}

// "street, city, postal, CC": the export joins the address parts with ", " and drops empty ones, so
// only the trailing ISO code can be split off reliably; the rest stays together as the street text.
Address parse_address(std::string_view text) {
    Address a;
    const auto comma = text.rfind(',');
    const auto last = trim(comma == std::string_view::npos ? text : text.substr(comma + 1));
    if (last.size() == 2 && is_country_code(last)) {
        a.country = std::string(last);
        a.street = std::string(trim(comma == std::string_view::npos ? std::string_view{} : text.substr(0, comma)));
    } else {
        a.street = std::string(trim(text));
        a.country = country_code(last);
        if (a.country.empty()) a.country_name = std::string(last);
    }
    return a;
}

std::vector<std::string> country_list(std::string_view cell) {
    std::vector<std::string> out;
    for (const auto& c : split(cell, ";")) lists::add_unique(out, country_code(c).empty() ? c : country_code(c));
    return out;
}

struct Columns {
    // Required columns first; the rest are optional.
    enum Id { source, name, id, entity_number, type, programs, title, addresses, federal_register_notice,
              start_date, end_date, standard_order, license_requirement, license_policy, call_sign,
              vessel_type, vessel_flag, remarks, source_list_url, alt_names, citizenships, dates_of_birth,
              nationalities, places_of_birth, source_information_url, ids, count };
    static constexpr std::array<std::string_view, count> names = {
        "source", "name", "_id", "entity_number", "type", "programs", "title", "addresses",
        "federal_register_notice", "start_date", "end_date", "standard_order", "license_requirement",
        "license_policy", "call_sign", "vessel_type", "vessel_flag", "remarks", "source_list_url",
        "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth",
        "source_information_url", "ids"};
    std::array<std::optional<std::size_t>, count> index;

    std::string_view get(const CsvRow& row, Id col) const {
        const auto i = index[col];
        return i && *i < row.fields.size() ? std::string_view(row.fields[*i]) : std::string_view{};
    }
};

Columns read_header(const CsvRow& header, std::string_view file_name) {
    Columns c;
    for (std::size_t i = 0; i < header.fields.size(); ++i)
        for (std::size_t k = 0; k < Columns::count; ++k)
            if (header.fields[i] == Columns::names[k] && !c.index[k]) c.index[k] = i;
    for (auto required : {Columns::source, Columns::name, Columns::id})
        if (!c.index[required])
            throw Error("csl_missing_column",
                        fmt::format("{}: line {}: the header has no `{}` column", file_name, header.line,
                                    Columns::names[required]));
    return c;
}

void merge_into(Entry& into, Entry&& more) {
    for (auto& a : more.aliases)
        if (std::find(into.aliases.begin(), into.aliases.end(), a) == into.aliases.end()) into.aliases.push_back(a);
    for (auto& a : more.addresses)
        if (std::find(into.addresses.begin(), into.addresses.end(), a) == into.addresses.end())
            into.addresses.push_back(a);
    for (auto& p : more.programs) lists::add_unique(into.programs, p);
    for (auto& d : more.dates_of_birth) lists::add_unique(into.dates_of_birth, d);
    for (auto& i : more.ids) lists::add_unique(into.ids, i);
}

}  // namespace

std::vector<Entry> parse_csl_csv(std::string_view csv, std::string_view file_name) {
    CsvReader reader(csv, file_name);
    CsvRow row;
    if (!next_or_throw(reader, row)) throw Error("csl_empty", fmt::format("{}: the file is empty", file_name));
    const auto cols = read_header(row, file_name);
    const auto header_width = row.fields.size();

    std::vector<Entry> entries;
    std::map<std::pair<std::string, std::string>, std::size_t> seen;  // (list, id) -> index: rows repeat per address
    while (next_or_throw(reader, row)) {
        if (cols.get(row, Columns::source) == "source") continue;  // a repeated header line
        if (row.fields.size() != header_width)
            throw Error("csl_bad_row", fmt::format("{}: line {}: expected {} fields as in the header, found {}",
                                                   file_name, row.line, header_width, row.fields.size()));
        Entry e;
        e.source = "csl";
        e.list_name = std::string(trim(cols.get(row, Columns::source)));
        e.list = list_code_from_source(e.list_name);
        if (e.list.empty())
            throw Error("csl_unknown_source", fmt::format("{}: line {}: field `source`: no list code in \"{}\"",
                                                          file_name, row.line, cols.get(row, Columns::source)));
        e.source_id = std::string(trim(cols.get(row, Columns::id)));
        if (e.source_id.empty()) e.source_id = std::string(trim(cols.get(row, Columns::entity_number)));
        e.remarks = std::string(trim(cols.get(row, Columns::remarks)));
        e.name = clean_name(cols.get(row, Columns::name), e.remarks);
        if (e.name.empty())
            throw Error("csl_missing_name", fmt::format("{}: line {}: field `name` is empty", file_name, row.line));
        e.type = entity_type_from(trim(cols.get(row, Columns::type)));
        for (auto& alt : split(cols.get(row, Columns::alt_names), ";")) {
            std::string_view a = alt;
            if (lists::istarts_with(a, "and ")) a.remove_prefix(4);  // "X; and Y" in EL rows
            std::string ignored;
            auto name = clean_name(a, ignored);
            if (!name.empty() && name != e.name) e.aliases.push_back({std::move(name), "aka"});
        }
        for (auto& addr : split(cols.get(row, Columns::addresses), ";")) e.addresses.push_back(parse_address(addr));
        e.programs = split(cols.get(row, Columns::programs), ";");
        e.title = std::string(trim(cols.get(row, Columns::title)));
        e.federal_register = std::string(trim(cols.get(row, Columns::federal_register_notice)));
        e.license_requirement = lists::drop_footnote_marks(trim(cols.get(row, Columns::license_requirement)));
        e.license_policy = std::string(trim(cols.get(row, Columns::license_policy)));
        e.standard_order = std::string(trim(cols.get(row, Columns::standard_order)));
        e.start_date = std::string(trim(cols.get(row, Columns::start_date)));
        e.end_date = std::string(trim(cols.get(row, Columns::end_date)));
        e.dates_of_birth = split(cols.get(row, Columns::dates_of_birth), ";");
        e.places_of_birth = split(cols.get(row, Columns::places_of_birth), ";");
        e.nationalities = country_list(cols.get(row, Columns::nationalities));
        e.citizenships = country_list(cols.get(row, Columns::citizenships));
        e.ids = split(cols.get(row, Columns::ids), ";");
        if (auto cs = trim(cols.get(row, Columns::call_sign)); !cs.empty()) e.ids.push_back(fmt::format("Call Sign, {}", cs));
        if (auto vt = trim(cols.get(row, Columns::vessel_type)); !vt.empty()) e.ids.push_back(fmt::format("Vessel Type, {}", vt));
        if (auto vf = trim(cols.get(row, Columns::vessel_flag)); !vf.empty()) e.ids.push_back(fmt::format("Vessel Flag, {}", vf));
        e.source_url = std::string(trim(cols.get(row, Columns::source_list_url)));
        e.source_information_url = std::string(trim(cols.get(row, Columns::source_information_url)));

        auto key = std::make_pair(e.list, e.source_id);
        if (auto it = seen.find(key); it != seen.end() && !e.source_id.empty()) {
            merge_into(entries[it->second], std::move(e));
        } else {
            seen.emplace(std::move(key), entries.size());
            entries.push_back(std::move(e));
        }
    }
    return entries;
}

}  // namespace exportcheck
