// The import format: one schema, two spellings (JSON lines and CSV), strict about what it accepts so a
// typo in a reseller's spreadsheet is reported instead of silently dropping a party.
#include "list_text.hpp"

#include <exportcheck/countries.hpp>
#include <exportcheck/csv.hpp>
#include <exportcheck/concat.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/limits.hpp>
#include <exportcheck/lists.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <array>
#include <map>
#include <optional>
#include <string_view>

namespace exportcheck {
namespace {

// [A-Z0-9_-]{1,16} (no <regex>: it would add tens of kilobytes to the browser's download).
bool is_list_code(std::string_view s) {
    if (s.empty() || s.size() > 16) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

// YYYY, YYYY-MM or YYYY-MM-DD (digits only: the calendar is not checked here).
bool is_partial_date(std::string_view s) {
    if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 4 || i == 7;
        if (dash ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9')) return false;
    }
    return true;
}

using json = nlohmann::ordered_json;

constexpr std::array<std::string_view, 19> kScalarFields = {
    "list", "list_name", "source_id", "type", "name", "federal_register", "license_requirement", "license_policy",
    "start_date", "end_date", "source_url", "remarks", "consequence",
    // CSV address columns (one address per row)
    "street", "city", "state", "postal_code", "country", "title"};
constexpr std::array<std::string_view, 6> kListFields = {"aliases", "addresses", "programs", "dates_of_birth",
                                                         "nationalities", "ids"};

bool known_field(std::string_view f) {
    return std::find(kScalarFields.begin(), kScalarFields.end(), f) != kScalarFields.end() ||
           std::find(kListFields.begin(), kListFields.end(), f) != kListFields.end();
}

std::string known_fields_text() {
    std::string s;
    for (auto f : kScalarFields) s += concat(s.empty() ? "" : ", ", f);
    for (auto f : kListFields) s += concat(", ", f);
    return s;
}

// Where an entry is read, and where its first problem goes (nothing throws: the browser reads own lists).
// Readers go on after a problem with empty values; Reader::read stops at the end of that line or row.
struct Where {
    std::string_view file;
    std::size_t line;
    std::optional<Error>* problem;
    void fail(std::string_view field, const std::string& what) const {
        if (!*problem) *problem = Error("import_invalid", concat(file, ": line ", line, ": field `", field, "`: ", what));
    }
};

std::string country_or_fail(const Where& at, std::string_view field, std::string_view text) {
    if (lists::trim(text).empty()) return {};
    auto code = country_code(text);
    if (code.empty()) at.fail(field, concat("unknown country \"", text, "\" (use an ISO 3166 code such as CN, HK, SG)"));
    return code;
}

// An own list's extra rules: list OWN (the default), a consequence on every entry, and multi-valued fields
// that survive the CSV (`;` separates values there), so an exported list imports back unchanged.
void validate_own(Entry& e, const Where& at) {
    if (e.list.empty()) e.list = std::string(kOwnListCode);
    if (e.list != kOwnListCode)
        at.fail("list", concat("\"", e.list, "\": an own list uses the list code ", kOwnListCode,
                               " (official lists go into a bundle: exportcheck bundle build --list)"));
    if (e.consequence.empty()) at.fail("consequence", "is required in an own list: block or review");
    for (auto& a : e.aliases) {
        if (a.name.find(';') != std::string::npos)
            at.fail("aliases", concat("\"", a.name, "\" contains `;`, which separates aliases"));
        a.type = "aka";
    }
    for (const auto& [field, values] : {std::pair{"programs", &e.programs}, std::pair{"dates_of_birth", &e.dates_of_birth},
                                        std::pair{"ids", &e.ids}})
        for (const auto& v : *values)
            if (v.find(';') != std::string::npos) at.fail(field, concat("\"", v, "\" contains `;`, which separates values"));
    e.source = "own";
}

// Checks and normalises the fields every entry must have, whatever the spelling it came in.
void validate(Entry& e, const Where& at, bool own) {
    for (auto& c : e.list) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (own) validate_own(e, at);
    if (e.list.empty()) at.fail("list", "is required (a list code such as OWN)");
    if (!is_list_code(e.list)) at.fail("list", concat("\"", e.list, "\" is not a list code (A-Z, 0-9, _ or -, at most 16)"));
    if (e.source_id.empty()) at.fail("source_id", "is required (the entry's own id in that list)");
    if (e.name.empty()) at.fail("name", "is required");
    if (e.name.size() > limits::kMaxNameBytes)
        at.fail("name", concat("is ", e.name.size(), " bytes long; names are limited to ", limits::kMaxNameBytes, " bytes"));
    for (const auto& a : e.aliases)
        if (a.name.size() > limits::kMaxNameBytes)
            at.fail("aliases", concat("an alias is ", a.name.size(), " bytes long; names are limited to ", limits::kMaxNameBytes, " bytes"));
    if (!e.start_date.empty() && !is_partial_date(e.start_date)) at.fail("start_date", concat("\"", e.start_date, "\" is not YYYY-MM-DD"));
    if (!e.end_date.empty() && !is_partial_date(e.end_date)) at.fail("end_date", concat("\"", e.end_date, "\" is not YYYY-MM-DD"));
    if (!e.consequence.empty() && e.consequence != "block" && e.consequence != "review")
        at.fail("consequence", concat("\"", e.consequence, "\" must be block or review"));
}

void set_type(Entry& e, const Where& at, std::string_view text) {
    const auto t = lists::trim(text);
    e.type = entity_type_from(t);
    if (e.type == EntityType::unknown && !t.empty() && !lists::iequals(t, "unknown"))
        at.fail("type", concat("\"", t, "\" must be person, organization, vessel, aircraft or unknown"));
}

// ---- JSON lines ----------------------------------------------------------------------------------

std::string json_string(const json& j, std::string_view field, const Where& at) {
    if (j.is_null()) return {};
    if (!j.is_string()) {
        at.fail(field, concat("expected a string, found ", j.type_name()));
        return {};
    }
    return std::string(lists::trim(j.get<std::string>()));
}

std::vector<std::string> json_strings(const json& j, std::string_view field, const Where& at) {
    if (j.is_null()) return {};
    if (j.is_string()) return lists::split(j.get<std::string>(), ";");
    if (!j.is_array()) {
        at.fail(field, concat("expected a list of strings, found ", j.type_name()));
        return {};
    }
    std::vector<std::string> out;
    for (const auto& v : j) lists::add_unique(out, json_string(v, field, at));
    return out;
}

Entry entry_from_json_line(const json& j, const Where& at) {
    if (!j.is_object()) {
        at.fail("(line)", "each line must be a JSON object");
        return {};
    }
    for (const auto& [key, value] : j.items())
        if (!known_field(key)) at.fail(key, "unknown field; the fields are: " + known_fields_text());
    auto str = [&](const char* f) { return j.contains(f) ? json_string(j[f], f, at) : std::string(); };
    auto strs = [&](const char* f) { return j.contains(f) ? json_strings(j[f], f, at) : std::vector<std::string>(); };

    Entry e;
    e.list = str("list");
    e.list_name = str("list_name");
    e.source_id = j.contains("source_id") && j["source_id"].is_number() ? nlohmann::ordered_json(j["source_id"]).dump() : str("source_id");
    set_type(e, at, str("type"));
    e.name = str("name");
    e.title = str("title");
    if (j.contains("aliases")) {
        const auto& a = j["aliases"];
        if (a.is_array()) {
            for (const auto& x : a) {
                if (x.is_object()) e.aliases.push_back({json_string(x.value("name", json()), "aliases", at),
                                                        json_string(x.value("type", json("aka")), "aliases", at)});
                else e.aliases.push_back({json_string(x, "aliases", at), "aka"});
            }
        } else {
            for (auto& n : json_strings(a, "aliases", at)) e.aliases.push_back({n, "aka"});
        }
    }
    if (j.contains("addresses")) {
        const auto& a = j["addresses"];
        if (!a.is_array()) at.fail("addresses", "expected a list of {street, city, state, postal_code, country}");
        static const json none = json::array();
        for (const auto& x : a.is_array() ? a : none) {
            if (!x.is_object()) {
                at.fail("addresses", "each address must be an object");
                break;
            }
            Address addr;
            addr.street = json_string(x.value("street", json()), "addresses.street", at);
            addr.city = json_string(x.value("city", json()), "addresses.city", at);
            addr.state = json_string(x.value("state", json()), "addresses.state", at);
            addr.postal_code = json_string(x.value("postal_code", json()), "addresses.postal_code", at);
            addr.country = country_or_fail(at, "addresses.country", json_string(x.value("country", json()), "addresses.country", at));
            e.addresses.push_back(std::move(addr));
        }
    }
    if (const auto c = str("country"); !c.empty()) e.addresses.push_back({"", "", "", "", country_or_fail(at, "country", c), ""});
    e.programs = strs("programs");
    e.federal_register = str("federal_register");
    e.license_requirement = lists::drop_footnote_marks(str("license_requirement"));
    e.license_policy = str("license_policy");
    e.start_date = str("start_date");
    e.end_date = str("end_date");
    e.dates_of_birth = strs("dates_of_birth");
    for (const auto& n : strs("nationalities")) e.nationalities.push_back(country_or_fail(at, "nationalities", n));
    e.ids = strs("ids");
    e.source_url = str("source_url");
    e.remarks = str("remarks");
    e.consequence = str("consequence");
    return e;
}

// ---- CSV -----------------------------------------------------------------------------------------

Entry entry_from_csv_row(const std::vector<std::string>& header, const CsvRow& row, const Where& at) {
    if (row.fields.size() != header.size()) {
        if (!*at.problem)
            *at.problem = Error("import_invalid", concat(at.file, ": line ", row.line, ": expected ", header.size(),
                                                         " fields as in the header, found ", row.fields.size()));
        return {};
    }
    std::map<std::string_view, std::string_view> f;
    for (std::size_t i = 0; i < header.size(); ++i) f[header[i]] = row.fields[i];
    auto get = [&](std::string_view k) { return std::string(lists::trim(f.count(k) ? f[k] : std::string_view())); };

    Entry e;
    e.list = get("list");
    e.list_name = get("list_name");
    e.source_id = get("source_id");
    set_type(e, at, get("type"));
    e.name = get("name");
    e.title = get("title");
    for (auto& a : lists::split(get("aliases"), ";")) e.aliases.push_back({a, "aka"});
    Address addr{get("street"), get("city"), get("state"), get("postal_code"), country_or_fail(at, "country", get("country")), ""};
    if (!(addr.street.empty() && addr.city.empty() && addr.state.empty() && addr.postal_code.empty() && addr.country.empty()))
        e.addresses.push_back(std::move(addr));
    e.programs = lists::split(get("programs"), ";");
    e.federal_register = get("federal_register");
    e.license_requirement = lists::drop_footnote_marks(get("license_requirement"));
    e.license_policy = get("license_policy");
    e.start_date = get("start_date");
    e.end_date = get("end_date");
    e.dates_of_birth = lists::split(get("dates_of_birth"), ";");
    for (const auto& n : lists::split(get("nationalities"), ";")) e.nationalities.push_back(country_or_fail(at, "nationalities", n));
    e.ids = lists::split(get("ids"), ";");
    e.source_url = get("source_url");
    e.remarks = get("remarks");
    e.consequence = get("consequence");
    return e;
}

// Where the entries of one or more files go: a later row (or line) of the same file for the same list and
// source_id adds addresses and aliases (one address per row is how a spreadsheet holds several); the same
// source_id in another file is an error.
struct Reader {
    bool own = false;
    std::vector<Entry> out;
    std::optional<Error> problem;                                                     // the first; reading stops
    std::vector<std::string> files;                                                   // names read so far
    std::map<std::pair<std::string, std::string>, std::pair<std::size_t, std::size_t>> index;  // -> (entry, file)

    void add(Entry e, const Where& at) {
        auto key = std::make_pair(e.list, e.source_id);
        const auto it = index.find(key);
        if (it == index.end() && out.size() >= limits::kMaxListEntries)
            return at.fail("(file)", concat("more than ", limits::kMaxListEntries, " entries in one list file"));
        if (it == index.end()) {
            index.emplace(std::move(key), std::make_pair(out.size(), files.size() - 1));
            out.push_back(std::move(e));
            return;
        }
        auto& into = out[it->second.first];
        if (it->second.second != files.size() - 1)
            return at.fail("source_id", concat("\"", e.source_id, "\" is already used in list ", e.list, " by ",
                                               files[it->second.second], " (\"", into.name, "\")"));
        if (into.name != e.name)
            return at.fail("source_id", concat("\"", e.source_id, "\" is already used in list ", e.list, " for \"", into.name, "\""));
        for (auto& a : e.aliases)
            if (std::find(into.aliases.begin(), into.aliases.end(), a) == into.aliases.end()) into.aliases.push_back(a);
        for (auto& a : e.addresses)
            if (std::find(into.addresses.begin(), into.addresses.end(), a) == into.addresses.end()) into.addresses.push_back(a);
    }

    void read(std::string_view text, std::string_view file_name);
};

void Reader::read(std::string_view text, std::string_view file_name) {
    files.emplace_back(file_name);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return;

    if (text[first] == '{') {
        std::size_t line = 0, pos = 0;
        while (pos < text.size()) {
            const auto end = std::min(text.find('\n', pos), text.size());
            const auto raw = lists::trim(text.substr(pos, end - pos));
            ++line;
            pos = end + 1;
            if (raw.empty()) continue;
            const Where at{file_name, line, &problem};
            const auto j = json::parse(raw, nullptr, false);
            if (j.is_discarded()) {
                problem = Error("import_invalid", concat(file_name, ": line ", line, ": not a JSON object (each line holds one entry)"));
                return;
            }
            auto e = entry_from_json_line(j, at);
            validate(e, at, own);
            if (problem) return;
            add(std::move(e), at);
            if (problem) return;
        }
        return;
    }

    CsvReader reader(text, file_name);
    CsvRow row;
    if (!reader.next(row)) {
        problem = reader.error();
        return;
    }
    const auto header = row.fields;
    for (const auto& h : header)
        if (!known_field(h)) {
            problem = Error("import_invalid", concat(file_name, ": line ", row.line, ": unknown column `", h,
                                                     "`; the columns are: ", known_fields_text()));
            return;
        }
    for (auto required : {"list", "source_id", "name"})
        if (std::find(header.begin(), header.end(), required) == header.end() && !(own && required == std::string_view("list"))) {
            problem = Error("import_invalid", concat(file_name, ": line ", row.line, ": the header has no `", required, "` column"));
            return;
        }
    while (reader.next(row)) {
        const Where at{file_name, row.line, &problem};
        auto e = entry_from_csv_row(header, row, at);
        if (!problem) validate(e, at, own);
        if (problem) return;
        add(std::move(e), at);
        if (problem) return;
    }
    problem = reader.error();  // a quote that never closes; none at the end
}

}  // namespace

Result<std::vector<Entry>> parse_import_list(std::string_view text, std::string_view file_name) {
    Reader reader;
    reader.read(text, file_name);
    if (reader.problem) return std::move(*reader.problem);
    return std::move(reader.out);
}

Result<std::vector<Entry>> parse_own_list(const std::vector<ListFile>& files) {
    Reader reader;
    reader.own = true;
    for (const auto& f : files) {
        reader.read(f.text, f.name);
        if (reader.problem) return std::move(*reader.problem);
    }
    return std::move(reader.out);
}

}  // namespace exportcheck
