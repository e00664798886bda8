// Reading the rules documents with errors that name the document and field (internal).
//
// A problem does not throw (the browser build has no exceptions): invalid() records the first one in the
// Problems of the load under way (RulesData::from_documents opens it) and the readers go on with an empty
// value of the type asked for, so no later JSON call meets a type it cannot read. The load then returns
// that first problem, the one the rules were refused for before.
#pragma once

#include <exportcheck/concat.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/rules.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exportcheck::rules_detail {

using json = nlohmann::ordered_json;

// The first problem of one load; while it lives, invalid() reports to it.
class Problems {
public:
    Problems() : outer_(current()) { current() = this; }
    ~Problems() { current() = outer_; }
    Problems(const Problems&) = delete;
    Problems& operator=(const Problems&) = delete;

    void add(Error e) {
        if (!first_) first_ = std::move(e);
    }
    bool any() const noexcept { return first_.has_value(); }
    const std::optional<Error>& first() const noexcept { return first_; }
    static Problems*& current() {
        static thread_local Problems* p = nullptr;
        return p;
    }

private:
    Problems* outer_;
    std::optional<Error> first_;
};

// Records a problem with the documents (outside a load there is nobody to tell: loads are the only readers).
inline void invalid(const std::string& where, std::string_view what) {
    if (auto* p = Problems::current()) p->add(Error("rules_invalid", concat("rules document ", where, ": ", what)));
}

inline const json& null_json() {
    static const json n;
    return n;
}

inline const json& need(const json& j, const char* key, const std::string& where) {
    if (!j.is_object()) {
        invalid(where, "expected an object");
        return null_json();
    }
    const auto it = j.find(key);
    if (it == j.end()) {
        invalid(where + "." + key, "missing");
        return null_json();
    }
    return *it;
}

// need() for a list: an empty list (and a problem) when it is something else.
inline const json& need_list(const json& j, const char* key, const std::string& where) {
    static const json empty = json::array();
    const auto& v = need(j, key, where);
    if (v.is_array()) return v;
    invalid(where + "." + key, "expected a list");  // only the first problem counts: a missing one stays "missing"
    return empty;
}

// The field `key` of `j`, or nullptr when it is absent or null (and a problem when `j` is not an object).
inline const json* optional_field(const json& j, const char* key, const std::string& where) {
    if (!j.is_object()) {
        invalid(where, "expected an object");
        return nullptr;
    }
    const auto it = j.find(key);
    return it == j.end() || it->is_null() ? nullptr : &*it;
}

inline std::string text(const json& j, const char* key, const std::string& where, std::string fallback = "") {
    const auto* v = optional_field(j, key, where);
    if (!v) return fallback;
    if (!v->is_string()) {
        invalid(where + "." + key, "expected a string");
        return fallback;
    }
    return v->get<std::string>();
}

inline std::vector<std::string> strings(const json& j, const std::string& where) {
    std::vector<std::string> v;
    if (!j.is_array()) {
        invalid(where, "expected a list of strings");
        return v;
    }
    for (std::size_t i = 0; i < j.size(); ++i) {
        if (!j[i].is_string()) {
            invalid(concat(where, "[", i, "]"), "expected a string");
            continue;
        }
        v.push_back(j[i].get<std::string>());
    }
    return v;
}

inline std::vector<std::string> strings(const json& j, const char* key, const std::string& where) {
    const auto* v = optional_field(j, key, where);
    return v ? strings(*v, where + "." + key) : std::vector<std::string>{};
}

inline std::optional<double> number(const json& j, const char* key, const std::string& where) {
    const auto* v = optional_field(j, key, where);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
        invalid(where + "." + key, "expected a number");
        return std::nullopt;
    }
    return v->get<double>();
}

inline std::optional<bool> boolean(const json& j, const char* key, const std::string& where) {
    const auto* v = optional_field(j, key, where);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        invalid(where + "." + key, "expected true or false");
        return std::nullopt;
    }
    return v->get<bool>();
}

inline Pedigree pedigree(const json& j, const std::string& where) {
    Pedigree p;
    p.sources = strings(j, "sources", where);
    p.confidence = text(j, "confidence", where);
    return p;
}

}  // namespace exportcheck::rules_detail
