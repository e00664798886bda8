// Latency of name matching over the full default bundle: per-query p50/p90/p99 natively, index build time
// and peak memory. The same queries can be written out for the wasm benchmark (match-latency-wasm.mjs).
// Usage: bench_match_latency [--bundle BUNDLE.ecb.gz] [--shared DIR] [--queries N] [--emit-queries FILE] [--index-only]
// Queries: half yente synthetic people (not listed), half listed names with spelling changes (bench/name_sets.hpp).
#include "files.hpp"
#include "name_sets.hpp"

#include <exportcheck/bundle.hpp>
#include <exportcheck/match.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>
#include <numeric>
#include <vector>

using namespace exportcheck;

namespace {

double ms_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

// Peak resident memory (VmHWM) in MiB, from /proc/self/status; 0 where there is none.
double peak_mib() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
}

double mean(const std::vector<double>& v) {
    return v.empty() ? 0 : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

}  // namespace

int main(int argc, char** argv) {
    std::string bundle_path = std::string(EXPORTCHECK_REPO_ROOT) + "/public/bundle/default.ecb.gz";
    std::string shared = EXPORTCHECK_SHARED_DATA, emit;
    std::size_t count = 4000;
    bool index_only = false;
    for (int i = 1; i < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--index-only") {  // bundle load and index build only (bench/ready-scaling.mjs); no shared data
            index_only = true;
            --i;
            continue;
        }
        const std::string v = i + 1 < argc ? argv[i + 1] : "";
        if (a == "--bundle") bundle_path = v;
        else if (a == "--shared") shared = v;
        else if (a == "--queries") count = std::stoul(v);
        else if (a == "--emit-queries") emit = v;
        else {
            fmt::print(stderr, "usage: {} [--bundle B] [--shared DIR] [--queries N] [--emit-queries FILE] [--index-only]\n", argv[0]);
            return 2;
        }
    }
    const double mib_start = peak_mib();
    auto t = std::chrono::steady_clock::now();
    const auto bundle = read_bundle(cli::read_bundle_bytes(bundle_path)).value();
    const double load_ms = ms_since(t);
    const double mib_bundle = peak_mib();

    // Index build: median of 5 builds (the first one is kept and used).
    std::vector<double> builds;
    t = std::chrono::steady_clock::now();
    const Matcher matcher(bundle.entries);
    builds.push_back(ms_since(t));
    const double mib_index = peak_mib();
    for (int k = 0; k < 4; ++k) {
        t = std::chrono::steady_clock::now();
        const Matcher again(bundle.entries);
        builds.push_back(ms_since(t));
    }
    if (index_only) {
        fmt::print("bundle {}: {} entries, {} names and aliases, {} distinct tokens\n", bundle.meta.id,
                   bundle.entries.size(), matcher.name_count(), matcher.vocabulary_size());
        fmt::print("index build: {:.1f} ms median of {} (first {:.1f} ms)\n", percentile(builds, 0.5), builds.size(),
                   builds[0]);
        return 0;
    }

    std::vector<MatchQuery> queries;
    const auto negatives = name_sets::read_negatives(shared + "/peer-bench/yente_negatives_global.csv");
    const auto negatives_us = name_sets::read_negatives(shared + "/peer-bench/yente_negatives_us.csv");
    const auto listed = name_sets::build_recall_set(bundle.entries, count / 2, 99);
    for (std::size_t i = 0; queries.size() < count; ++i) {
        if (i % 2 == 0 && i / 2 < listed.size()) queries.push_back({listed[i / 2].query, EntityType::unknown, "", ""});
        else if (i % 4 == 1) queries.push_back({negatives[(i / 4) % negatives.size()].name, EntityType::unknown, "", ""});
        else queries.push_back({negatives_us[(i / 4) % negatives_us.size()].name, EntityType::unknown, "", ""});
    }
    if (!emit.empty()) {
        std::ofstream out(emit);
        for (const auto& q : queries) out << nlohmann::ordered_json{{"name", q.name}}.dump() << '\n';
        fmt::print("wrote {} queries to {}\n", queries.size(), emit);
    }

    // Warm up on other names (a name asked twice is answered from the Matcher's recent queries, which would
    // flatter the figures), then time every query once.
    const auto warmup = name_sets::build_recall_set(bundle.entries, 200, 7);
    for (const auto& w : warmup) (void)matcher.match({w.query, EntityType::unknown, "", ""});
    std::vector<double> us;
    us.reserve(queries.size());
    std::size_t hits = 0;
    for (const auto& q : queries) {
        const auto start = std::chrono::steady_clock::now();
        const auto h = matcher.match(q);
        us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
        hits += !h.empty();
    }
    // The same through the JSON boundary (what the CLI and wasm ec_match do per query), on a fresh Matcher.
    const Matcher fresh(bundle.entries);
    for (const auto& w : warmup) (void)fresh.match({w.query, EntityType::unknown, "", ""});
    std::vector<double> us_json;
    us_json.reserve(queries.size());
    for (const auto& q : queries) {
        const nlohmann::ordered_json j = {{"name", q.name}};
        const auto start = std::chrono::steady_clock::now();
        const auto line = match_json(fresh, j).value().dump();
        us_json.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
    }
    if (std::getenv("EXPORTCHECK_SLOWEST")) {
        std::vector<std::size_t> idx(us.size());
        for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
        std::sort(idx.begin(), idx.end(), [&](auto a, auto b) { return us[a] > us[b]; });
        for (std::size_t i = 0; i < 15 && i < idx.size(); ++i)
            fmt::print("  slow {:.0f} us: {}\n", us[idx[i]], queries[idx[i]].name);
    }
    fmt::print("bundle {}: {} entries, {} names and aliases, {} distinct tokens\n", bundle.meta.id,
               bundle.entries.size(), matcher.name_count(), matcher.vocabulary_size());
    fmt::print("bundle load (gunzip + parse): {:.1f} ms\n", load_ms);
    fmt::print("index build: {:.1f} ms median of {} (first {:.1f} ms)\n", percentile(builds, 0.5), builds.size(),
               builds[0]);
    fmt::print("peak memory (VmHWM): {:.1f} MiB at start, {:.1f} MiB with the bundle, {:.1f} MiB with the index "
               "(index about {:.1f} MiB)\n", mib_start, mib_bundle, mib_index, mib_index - mib_bundle);
    fmt::print("queries: {} ({} with hits); per query p50 {:.1f} us, p90 {:.1f} us, p99 {:.1f} us, mean {:.1f} us\n",
               queries.size(), hits, percentile(us, 0.5), percentile(us, 0.9), percentile(us, 0.99),
               mean(us));
    fmt::print("with JSON (match_json + dump, as ec_match): p50 {:.1f} us, p90 {:.1f} us, p99 {:.1f} us, mean {:.1f} us\n",
               percentile(us_json, 0.5), percentile(us_json, 0.9), percentile(us_json, 0.99),
               mean(us_json));
    return 0;
}
