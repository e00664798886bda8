// Helpers shared by the doctest files: reading fixtures (natively, and under node through NODERAWFS).
#pragma once

#include <exportcheck/entry.hpp>
#include <exportcheck/text.hpp>

#include <doctest/doctest.h>

#include <algorithm>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace exportcheck::test {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("test cannot open " + path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline std::string fixture(const std::string& name) { return read_file(std::string(EXPORTCHECK_FIXTURES) + "/" + name); }
// The official list files the default bundle is built from (data/, carried by the project).
inline std::string project_file(const std::string& name) { return read_file(std::string(EXPORTCHECK_PROJECT_DATA) + "/" + name); }

// The canonical token texts of a name after the whole name pipeline, space-separated ("acme tech").
inline std::string name_tokens(std::string_view name, EntityType type = EntityType::unknown) {
    std::string out;
    for (const auto& t : text::normalize_name(name, type).tokens) {
        if (!out.empty()) out.push_back(' ');
        out += t.text;
    }
    return out;
}

// The entry with this source id; fails the test when there is none.
inline const Entry& entry_by_id(const std::vector<Entry>& entries, std::string_view id) {
    const auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.source_id == id; });
    REQUIRE_MESSAGE(it != entries.end(), "no entry " << id);
    return *it;
}

}  // namespace exportcheck::test
