#include "entry_fields.hpp"

#include <exportcheck/bundle.hpp>

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

struct FromJson {
    const nlohmann::ordered_json& j;
    const nlohmann::ordered_json* find(const char* name) const {
        const auto it = j.find(name);
        return it == j.end() ? nullptr : &*it;
    }
    void operator()(const char* name, std::string& s) {
        if (auto* v = find(name)) s = v->get<std::string>();
    }
    void operator()(const char* name, EntityType& t) {
        if (auto* v = find(name)) t = entity_type_from(v->get<std::string>());
    }
    void operator()(const char* name, std::vector<std::string>& out) {
        if (auto* v = find(name)) out = v->get<std::vector<std::string>>();
    }
    void operator()(const char* name, std::vector<Alias>& out) {
        if (auto* v = find(name))
            for (const auto& a : *v) out.push_back({a.at("name").get<std::string>(), a.value("type", "aka")});
    }
    void operator()(const char* name, std::vector<Address>& out) {
        if (auto* v = find(name))
            for (const auto& a : *v) {
                Address addr;
                lists::visit_address(addr, FromJson{a});
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

Entry entry_from_json(const nlohmann::ordered_json& j) {
    Entry e;
    lists::visit_fields(e, FromJson{j});
    return e;
}

std::string entry_canonical_text(const Entry& entry) {
    return sorted_keys(entry_to_json(entry)).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace exportcheck
