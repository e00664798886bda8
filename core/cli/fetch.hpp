// Downloads the official list files into a folder laid out the way `bundle build` reads it.
#pragma once

#include <iosfwd>
#include <map>
#include <string>

namespace exportcheck::cli {

struct FetchOptions {
    std::string out_dir;
    std::map<std::string, std::string> base_urls;  // source key -> base URL overriding the official one
    std::string base_url;                          // when set: every file is fetched from base_url + file name
    long timeout_seconds = 300;
};

// Fetches every official source; writes fetch-manifest.json (URLs, time, sha256, sizes) beside them.
// Throws exportcheck::Error naming the URL on any failure; partial files are removed.
void fetch_official_lists(const FetchOptions& options, const std::string& fetched_at, std::ostream& log);

}  // namespace exportcheck::cli
