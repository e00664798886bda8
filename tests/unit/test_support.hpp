// Helpers shared by the doctest files: reading fixtures (natively, and under node through NODERAWFS).
#pragma once

#include <exportcheck/text.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

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

}  // namespace exportcheck::test
