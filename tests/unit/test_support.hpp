// Helpers shared by the doctest files: reading fixtures (natively, and under node through NODERAWFS).
#pragma once

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

}  // namespace exportcheck::test
