// What a bundle records of its inputs: each file's name, sha256 and size, and a list's official URL.
// Shared by `bundle build`'s US/UN readers and its UK/Australian ones.
#pragma once

#include <exportcheck/bundle.hpp>

#include <string>
#include <string_view>

namespace exportcheck::cli {

SourceFile describe_source_file(const std::string& path, const std::string& bytes);

// The main file's URL of an official source (official_sources.hpp), or "" for an unknown key.
std::string official_url(std::string_view key);

}  // namespace exportcheck::cli
