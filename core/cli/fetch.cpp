#include "fetch.hpp"

#include "fetch_checks.hpp"
#include "files.hpp"
#include "official_sources.hpp"

#include <exportcheck/error.hpp>
#include <exportcheck/sha256.hpp>

#include <curl/curl.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <ostream>
#include <vector>

namespace exportcheck::cli {
namespace {

namespace fs = std::filesystem;

std::size_t append_body(char* data, std::size_t size, std::size_t n, void* out) {
    static_cast<std::string*>(out)->append(data, size * n);
    return size * n;
}

std::string download(const std::string& url, long timeout_seconds) {
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) throw Error("fetch_failed", "cannot start the HTTP client");
    std::string body;
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, timeout_seconds);
    curl_easy_setopt(curl.get(), CURLOPT_USERAGENT, "exportcheck/" EXPORTCHECK_VERSION);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, append_body);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl.get(), CURLOPT_ACCEPT_ENCODING, "");  // accept gzip transfer encoding
    const auto rc = curl_easy_perform(curl.get());
    if (rc != CURLE_OK) throw Error("fetch_failed", fmt::format("{}: {}", url, curl_easy_strerror(rc)));
    long status = 0;
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
    if (status != 200) throw Error("fetch_failed", fmt::format("{}: HTTP status {}", url, status));
    if (body.empty()) throw Error("fetch_failed", fmt::format("{}: the server sent an empty file", url));
    return body;
}

}  // namespace

void fetch_official_lists(const FetchOptions& options, const std::string& fetched_at, std::ostream& log) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    // Download everything first: a failed run leaves the previous set of files untouched.
    struct Fetched {
        const OfficialSource* source;
        fs::path target;
        std::string url, body;
    };
    std::vector<Fetched> fetched;
    for (const auto& source : kOfficialSources) {
        for (const auto file : source.files) {
            if (file.empty()) continue;
            std::string base = std::string(source.base_url);
            if (!options.base_url.empty()) base = options.base_url;
            if (auto it = options.base_urls.find(std::string(source.key)); it != options.base_urls.end()) base = it->second;
            if (!base.empty() && base.back() != '/') base += '/';
            const auto url = base + std::string(file);
            log << "fetching " << url << '\n';
            auto body = download(url, options.timeout_seconds);
            check_fetched_file(url, file, body);  // an error page or a cut file is never written
            fetched.push_back({&source, fs::path(options.out_dir) / source.folder / std::string(file), url, std::move(body)});
        }
    }

    nlohmann::ordered_json manifest = {{"fetched_at", fetched_at}, {"files", nlohmann::ordered_json::array()}};
    for (const auto& f : fetched) {
        fs::create_directories(f.target.parent_path());
        // Write to a temporary name first so an interrupted run never leaves a half file in place.
        const auto partial = fs::path(f.target.string() + ".partial");
        write_file(partial.string(), f.body);
        fs::rename(partial, f.target);
        manifest["files"].push_back({{"source", f.source->key}, {"url", f.url},
                                     {"path", fs::relative(f.target, options.out_dir).generic_string()},
                                     {"bytes", f.body.size()}, {"sha256", sha256_hex(f.body)}});
    }
    // Sub-folders (the OFAC sets) get their own small manifest so `bundle build` can date them.
    for (const auto& source : kOfficialSources)
        if (!source.folder.empty())
            write_file((fs::path(options.out_dir) / source.folder / "fetch-manifest.json").string(),
                       nlohmann::ordered_json{{"fetched_at", fetched_at}}.dump(2) + "\n");
    write_file((fs::path(options.out_dir) / "fetch-manifest.json").string(), manifest.dump(2) + "\n");
}

}  // namespace exportcheck::cli
