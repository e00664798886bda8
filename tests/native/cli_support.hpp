// Helpers shared by the CLI tests: running a command in-process, a scratch directory, fixture paths,
// and JSON-lines output read back.
#pragma once

#include "commands.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace exportcheck::test {

struct CliResult {
    int code;
    std::string out, err;
};

// `exportcheck ARGS...` in-process: exit code, standard output and standard error.
inline CliResult run_cli(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const int code = exportcheck::cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

// A directory of its own under the system's temporary directory, removed with everything in it.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() / ("exportcheck-test-" + std::to_string(std::random_device{}()));
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string operator/(const std::string& name) const { return (path / name).string(); }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name, std::ios::binary) << text;
        return (path / name).string();
    }
};

inline std::string fixture_path(const std::string& name) { return std::string(EXPORTCHECK_FIXTURES) + "/" + name; }

// Each non-empty line of `text` as JSON.
inline std::vector<nlohmann::ordered_json> json_lines(const std::string& text) {
    std::vector<nlohmann::ordered_json> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) out.push_back(nlohmann::ordered_json::parse(line));
    return out;
}

}  // namespace exportcheck::test
