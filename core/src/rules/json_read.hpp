// Reading the rules documents with errors that name the document and field (internal).
#pragma once

#include <exportcheck/error.hpp>
#include <exportcheck/rules.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exportcheck::rules_detail {

using json = nlohmann::ordered_json;

[[noreturn]] inline void invalid(const std::string& where, std::string_view what) {
    throw Error("rules_invalid", fmt::format("rules document {}: {}", where, what));
}

inline const json& need(const json& j, const char* key, const std::string& where) {
    if (!j.is_object()) invalid(where, "expected an object");
    const auto it = j.find(key);
    if (it == j.end()) invalid(where + "." + key, "missing");
    return *it;
}

inline std::string text(const json& j, const char* key, const std::string& where, std::string fallback = "") {
    if (!j.is_object()) invalid(where, "expected an object");
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    if (!it->is_string()) invalid(where + "." + key, "expected a string");
    return it->get<std::string>();
}

inline std::vector<std::string> strings(const json& j, const std::string& where) {
    if (!j.is_array()) invalid(where, "expected a list of strings");
    std::vector<std::string> v;
    for (std::size_t i = 0; i < j.size(); ++i) {
        if (!j[i].is_string()) invalid(fmt::format("{}[{}]", where, i), "expected a string");
        v.push_back(j[i].get<std::string>());
    }
    return v;
}

inline std::vector<std::string> strings(const json& j, const char* key, const std::string& where) {
    if (!j.is_object()) invalid(where, "expected an object");
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    return strings(*it, where + "." + key);
}

inline std::optional<double> number(const json& j, const char* key, const std::string& where) {
    if (!j.is_object()) invalid(where, "expected an object");
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_number()) invalid(where + "." + key, "expected a number");
    return it->get<double>();
}

inline std::optional<bool> boolean(const json& j, const char* key, const std::string& where) {
    if (!j.is_object()) invalid(where, "expected an object");
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_boolean()) invalid(where + "." + key, "expected true or false");
    return it->get<bool>();
}

inline Pedigree pedigree(const json& j, const std::string& where) {
    Pedigree p;
    p.sources = strings(j, "sources", where);
    p.confidence = text(j, "confidence", where);
    return p;
}

}  // namespace exportcheck::rules_detail
