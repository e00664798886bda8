// File and compression helpers of the CLI (the core itself never touches files).
#pragma once

#include <string>
#include <string_view>

namespace exportcheck::cli {

std::string read_file(const std::string& path);       // throws exportcheck::Error("file_unreadable")
void write_file(const std::string& path, std::string_view data);
bool file_exists(const std::string& path);

bool is_gzip(std::string_view bytes);
std::string gunzip(std::string_view bytes);           // throws exportcheck::Error("bundle_truncated"/"gzip_invalid")
std::string gzip(std::string_view bytes);             // deterministic: no name, no timestamp

// Reads a bundle file, decompressing it when it is gzip-compressed.
std::string read_bundle_bytes(const std::string& path);

}  // namespace exportcheck::cli
