#include "entry_fields.hpp"

#include <exportcheck/bundle.hpp>
#include <exportcheck/concat.hpp>

#include <algorithm>
#include <string_view>
#include <vector>

namespace exportcheck {
namespace {

struct ToJson {
    nlohmann::ordered_json& j;
    void operator()(const char* name, const std::string& s) {
        if (!s.empty()) j[name] = s;
    }
    void operator()(const char* name, const EntityType& t) { j[name] = to_string(t); }
    void operator()(const char* name, const std::vector<std::string>& v) {
        if (!v.empty()) j[name] = v;
    }
    void operator()(const char* name, const std::vector<Alias>& v) {
        if (v.empty()) return;
        auto& arr = j[name] = nlohmann::ordered_json::array();
        for (const auto& a : v) arr.push_back({{"name", a.name}, {"type", a.type}});
    }
    void operator()(const char* name, const std::vector<Address>& v) {
        if (v.empty()) return;
        auto& arr = j[name] = nlohmann::ordered_json::array();
        for (const auto& a : v) {
            nlohmann::ordered_json o = nlohmann::ordered_json::object();
            lists::visit_address(a, ToJson{o});
            arr.push_back(std::move(o));
        }
    }
};

// Reads the fields it finds, checking each type first (nlohmann would throw); the first field of another
// type goes into `problem` and is left empty.
struct FromJson {
    const nlohmann::ordered_json& j;
    std::string& problem;
    const nlohmann::ordered_json* find(const char* name) const {
        const auto it = j.is_object() ? j.find(name) : j.end();
        return it == j.end() ? nullptr : &*it;
    }
    bool bad(const char* name, const char* what) {
        if (problem.empty()) problem = concat("field `", name, "`: ", what);
        return false;
    }
    bool is_text(const nlohmann::ordered_json& v, const char* name) { return v.is_string() || bad(name, "expected a string"); }
    void operator()(const char* name, std::string& s) {
        if (auto* v = find(name); v && is_text(*v, name)) s = v->get<std::string>();
    }
    void operator()(const char* name, EntityType& t) {
        if (auto* v = find(name); v && is_text(*v, name)) t = entity_type_from(v->get<std::string>());
    }
    void operator()(const char* name, std::vector<std::string>& out) {
        if (auto* v = find(name); v && (v->is_array() || bad(name, "expected a list of strings")))
            for (const auto& s : *v)
                if (is_text(s, name)) out.push_back(s.get<std::string>());
    }
    void operator()(const char* name, std::vector<Alias>& out) {
        if (auto* v = find(name); v && (v->is_array() || bad(name, "expected a list of {name, type}")))
            for (const auto& a : *v) {
                const auto n = a.is_object() ? a.find("name") : a.end();
                if (n == a.end() || !is_text(*n, name)) {
                    bad(name, "an alias needs its name as a string");
                    continue;
                }
                const auto type = a.find("type");
                out.push_back({n->get<std::string>(), type != a.end() && is_text(*type, name) ? type->get<std::string>() : "aka"});
            }
    }
    void operator()(const char* name, std::vector<Address>& out) {
        if (auto* v = find(name); v && (v->is_array() || bad(name, "expected a list of addresses")))
            for (const auto& a : *v) {
                if (!a.is_object() && !bad(name, "each address must be an object")) continue;
                Address addr;
                lists::visit_address(addr, FromJson{a, problem});
                out.push_back(std::move(addr));
            }
    }
};

// The same value with every object's keys in sorted order (as a std::map-backed JSON writes them).
nlohmann::ordered_json sorted_keys(const nlohmann::ordered_json& j) {
    if (j.is_array()) {
        auto out = nlohmann::ordered_json::array();
        for (const auto& v : j) out.push_back(sorted_keys(v));
        return out;
    }
    if (!j.is_object()) return j;
    std::vector<std::pair<std::string_view, const nlohmann::ordered_json*>> items;
    for (auto it = j.begin(); it != j.end(); ++it) items.emplace_back(it.key(), &it.value());
    std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    auto out = nlohmann::ordered_json::object();
    for (const auto& [key, value] : items) out[std::string(key)] = sorted_keys(*value);
    return out;
}

}  // namespace

nlohmann::ordered_json entry_to_json(const Entry& entry) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    lists::visit_fields(entry, ToJson{j});
    return j;
}

Result<Entry> entry_from_json(const nlohmann::ordered_json& j) {
    if (!j.is_object()) return Error("bad_entry", "an entry must be a JSON object");
    Entry e;
    std::string problem;
    lists::visit_fields(e, FromJson{j, problem});
    if (!problem.empty()) return Error("bad_entry", problem);
    return e;
}

std::string entry_canonical_text(const Entry& entry) {
    return sorted_keys(entry_to_json(entry)).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace exportcheck
