// Writing the import format back out (a reseller exporting their own list): parse_import_list() and
// parse_own_list() read what is written here into the same entries.
#include <exportcheck/lists.hpp>

#include <array>
#include <string>

namespace exportcheck {
namespace {

using json = nlohmann::ordered_json;

// The CSV's columns, in the order of docs/import-format.md.
constexpr std::array<std::string_view, 24> kColumns = {
    "list", "list_name", "source_id", "type", "name", "aliases", "street", "city", "state", "postal_code", "country",
    "programs", "federal_register", "license_requirement", "license_policy", "start_date", "end_date",
    "dates_of_birth", "nationalities", "ids", "title", "source_url", "remarks", "consequence"};

std::string csv_field(std::string_view v) {
    if (v.find_first_of(",\"\r\n") == std::string_view::npos && (v.empty() || (v.front() != ' ' && v.back() != ' ')))
        return std::string(v);
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : "; ") + v;
    return out;
}

std::string alias_names(const Entry& e) {
    std::vector<std::string> names;
    for (const auto& a : e.aliases) names.push_back(a.name);
    return joined(names);
}

void put(json& j, const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
}

void put(json& j, const char* key, const std::vector<std::string>& values) {
    if (!values.empty()) j[key] = values;
}

}  // namespace

json import_list_json(const Entry& e) {
    json j = json::object();
    put(j, "list", e.list);
    put(j, "list_name", e.list_name);
    put(j, "source_id", e.source_id);
    if (e.type != EntityType::unknown) j["type"] = std::string(to_string(e.type));
    put(j, "name", e.name);
    if (!e.aliases.empty()) {
        json aliases = json::array();
        for (const auto& a : e.aliases) aliases.push_back(a.type.empty() || a.type == "aka" ? json(a.name) : json{{"name", a.name}, {"type", a.type}});
        j["aliases"] = aliases;
    }
    if (!e.addresses.empty()) {
        json addresses = json::array();
        for (const auto& a : e.addresses) {
            json x = json::object();
            put(x, "street", a.street);
            put(x, "city", a.city);
            put(x, "state", a.state);
            put(x, "postal_code", a.postal_code);
            put(x, "country", a.country.empty() ? a.country_name : a.country);
            addresses.push_back(std::move(x));
        }
        j["addresses"] = addresses;
    }
    put(j, "programs", e.programs);
    put(j, "federal_register", e.federal_register);
    put(j, "license_requirement", e.license_requirement);
    put(j, "license_policy", e.license_policy);
    put(j, "start_date", e.start_date);
    put(j, "end_date", e.end_date);
    put(j, "dates_of_birth", e.dates_of_birth);
    put(j, "nationalities", e.nationalities);
    put(j, "ids", e.ids);
    put(j, "title", e.title);
    put(j, "source_url", e.source_url);
    put(j, "remarks", e.remarks);
    put(j, "consequence", e.consequence);
    return j;
}

std::string import_list_csv(const std::vector<Entry>& entries) {
    std::string out;
    for (std::size_t i = 0; i < kColumns.size(); ++i) out += (i ? "," : "") + std::string(kColumns[i]);
    out += '\n';
    for (const auto& e : entries) {
        // One row per address (at least one row); the first carries every field, later rows only what
        // identifies the entry and the address.
        const std::size_t rows = std::max<std::size_t>(1, e.addresses.size());
        for (std::size_t r = 0; r < rows; ++r) {
            const Address* a = r < e.addresses.size() ? &e.addresses[r] : nullptr;
            const bool first = r == 0;
            auto value = [&](std::string_view column) -> std::string {
                if (column == "list") return e.list;
                if (column == "list_name") return e.list_name;
                if (column == "source_id") return e.source_id;
                if (column == "name") return e.name;
                if (column == "consequence") return e.consequence;
                if (column == "street") return a ? a->street : "";
                if (column == "city") return a ? a->city : "";
                if (column == "state") return a ? a->state : "";
                if (column == "postal_code") return a ? a->postal_code : "";
                if (column == "country") return a ? (a->country.empty() ? a->country_name : a->country) : "";
                if (!first) return "";
                if (column == "type") return e.type == EntityType::unknown ? "" : std::string(to_string(e.type));
                if (column == "aliases") return alias_names(e);
                if (column == "programs") return joined(e.programs);
                if (column == "federal_register") return e.federal_register;
                if (column == "license_requirement") return e.license_requirement;
                if (column == "license_policy") return e.license_policy;
                if (column == "start_date") return e.start_date;
                if (column == "end_date") return e.end_date;
                if (column == "dates_of_birth") return joined(e.dates_of_birth);
                if (column == "nationalities") return joined(e.nationalities);
                if (column == "ids") return joined(e.ids);
                if (column == "title") return e.title;
                if (column == "source_url") return e.source_url;
                if (column == "remarks") return e.remarks;
                return "";
            };
            for (std::size_t i = 0; i < kColumns.size(); ++i) out += (i ? "," : "") + csv_field(value(kColumns[i]));
            out += '\n';
        }
    }
    return out;
}

}  // namespace exportcheck
