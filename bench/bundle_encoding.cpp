// Measures the bundle encoding against the alternative it was chosen over: the same entries as gzipped
// JSON. Prints sizes (raw, gzipped) and time to "ready" (decompress + parse into entries), medians of
// several runs. Usage: bench_bundle_encoding BUNDLE.ecb.gz
#include "files.hpp"

#include <exportcheck/bundle.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

using namespace exportcheck;

namespace {

double median_ms(int runs, const std::function<void()>& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        f();
        t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        fmt::print(stderr, "usage: {} BUNDLE.ecb.gz\n", argv[0]);
        return 2;
    }
    const auto gz = cli::read_file(argv[1]);
    const auto raw = cli::gunzip(gz);
    const auto bundle = read_bundle(raw).value();

    auto all = nlohmann::ordered_json::array();
    for (const auto& e : bundle.entries) all.push_back(entry_to_json(e));
    const auto json_text = nlohmann::ordered_json{{"meta", bundle_info(bundle)}, {"entries", all}}.dump();
    const auto json_gz = cli::gzip(json_text);

    constexpr int kRuns = 9;
    std::size_t sink = 0;
    const auto binary_gunzip = median_ms(kRuns, [&] { sink += cli::gunzip(gz).size(); });
    const auto binary_parse = median_ms(kRuns, [&] { sink += read_bundle(raw).value().entries.size(); });
    const auto json_gunzip = median_ms(kRuns, [&] { sink += cli::gunzip(json_gz).size(); });
    const auto json_parse = median_ms(kRuns, [&] {
        const auto j = nlohmann::ordered_json::parse(json_text);
        std::vector<Entry> entries;
        entries.reserve(j["entries"].size());
        for (const auto& e : j["entries"]) entries.push_back(entry_from_json(e).value());
        sink += entries.size();
    });

    fmt::print("entries: {}\n", bundle.entries.size());
    fmt::print("{:<14} {:>12} {:>12} {:>12} {:>12} {:>12}\n", "encoding", "raw bytes", "gz bytes", "gunzip ms",
               "parse ms", "ready ms");
    fmt::print("{:<14} {:>12} {:>12} {:>12.1f} {:>12.1f} {:>12.1f}\n", "binary v1", raw.size(), gz.size(),
               binary_gunzip, binary_parse, binary_gunzip + binary_parse);
    fmt::print("{:<14} {:>12} {:>12} {:>12.1f} {:>12.1f} {:>12.1f}\n", "json", json_text.size(), json_gz.size(),
               json_gunzip, json_parse, json_gunzip + json_parse);
    return sink == 0;
}
