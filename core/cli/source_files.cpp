#include "source_files.hpp"

#include "official_sources.hpp"

#include <exportcheck/sha256.hpp>

#include <fmt/format.h>

#include <filesystem>

namespace exportcheck::cli {

SourceFile describe_source_file(const std::string& path, const std::string& bytes) {
    return {std::filesystem::path(path).filename().string(), sha256_hex(bytes), bytes.size()};
}

std::string official_url(std::string_view key) {
    const auto* s = find_official_source(key);
    return s ? fmt::format("{}{}", s->base_url, s->files[0]) : std::string();
}

}  // namespace exportcheck::cli
