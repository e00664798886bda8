// File and compression helpers of the CLI (the core itself never touches files).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

namespace exportcheck::cli {

std::string read_file(const std::string& path);       // throws exportcheck::Error("file_unreadable")
void write_file(const std::string& path, std::string_view data);
bool file_exists(const std::string& path);
// The file's text, or standard input's for "-".
std::string read_input(const std::string& path);
// The rules documents of a folder (bundle build --rules, screen --rules): every *.json keyed by file stem, in
// name order; each must hold a JSON object. Throws Error("rules_missing") for no folder, Error("rules_invalid")
// naming the file.
nlohmann::ordered_json read_rules_dir(const std::string& dir);

bool is_gzip(std::string_view bytes);
std::string gunzip(std::string_view bytes);           // throws exportcheck::Error("bundle_truncated"/"gzip_invalid")
std::string gzip(std::string_view bytes);             // deterministic: no name, no timestamp

// Reads a bundle file, decompressing it when it is gzip-compressed.
std::string read_bundle_bytes(const std::string& path);

}  // namespace exportcheck::cli
