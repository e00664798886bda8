// The fuzz targets of the order side: order JSON, the order CSV layout, and the whole Screener (a JSON
// request in, a report out) with the real rules documents of data/rules over a small bundle of the
// fixture list files. Besides never crashing, a report must hold the invariants every caller relies on:
// it serialises to valid JSON, its decision is one of the four, it is the strictest finding's severity,
// and an order with anything the engine could not evaluate is never `clear`.
#pragma once

#include <exportcheck/bundle.hpp>
#include <exportcheck/engine.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/lists.hpp>
#include <exportcheck/order.hpp>
#include <exportcheck/result.hpp>
#include <exportcheck/screen.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace exportcheck::fuzz {

// A broken invariant: deliberately not an exportcheck::Error, so the fuzzer and the regression test fail.
struct InvariantBroken : std::logic_error {
    using std::logic_error::logic_error;
};

inline std::string read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("fuzz: cannot open " + path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The fixture lists (CSL excerpt, DPL excerpt, OFAC SDN excerpt) with the real rules: small enough to
// build in a moment, real enough that party matches, licences and red flags all fire.
inline const Screener& fixture_screener() {
    static const std::unique_ptr<Bundle> bundle = [] {
        const std::string fixtures = EXPORTCHECK_FIXTURES, data = EXPORTCHECK_PROJECT_DATA;
        auto b = std::make_unique<Bundle>();
        for (auto& e : parse_csl_csv(read_whole_file(fixtures + "/csl_excerpt.csv"))) b->entries.push_back(std::move(e));
        for (auto& e : parse_dpl_txt(read_whole_file(fixtures + "/dpl_excerpt.txt"))) b->entries.push_back(std::move(e));
        const auto sdn = read_whole_file(fixtures + "/ofac_sdn/sdn.csv"), add = read_whole_file(fixtures + "/ofac_sdn/add.csv"),
                   alt = read_whole_file(fixtures + "/ofac_sdn/alt.csv"),
                   com = read_whole_file(fixtures + "/ofac_sdn/sdn_comments.csv");
        for (auto& e : parse_ofac_csv({sdn, add, alt, com}, "ofac_sdn")) b->entries.push_back(std::move(e));
        for (const char* doc : {"country-groups", "products", "red-flags", "license-rules", "list-overlays", "cases",
                                "phrases-en", "phrases-fr", "phrases-de", "phrases-es", "phrases-zh"})
            b->meta.rules[doc] = nlohmann::ordered_json::parse(read_whole_file(data + "/rules/" + doc + ".json"));
        b->meta.id = "fuzz-fixtures";
        b->meta.built_at = "2026-07-09T00:00:00Z";
        b->sha256 = std::string(64, '0');
        return b;
    }();
    static const Screener screener = Screener::load(*bundle).value();
    return screener;
}

inline void check(bool ok, const std::string& what) {
    if (!ok) throw InvariantBroken("invariant broken: " + what);
}

// 0 clear (and the severities info, cleared), 1 review, 2 license_required, 3 blocked; -1 for anything else.
inline int strictness(const std::string& s) {
    if (s == "clear" || s == "info" || s == "cleared") return 0;
    return s == "review" ? 1 : s == "license_required" ? 2 : s == "blocked" ? 3 : -1;
}

// Every string of `j` is valid UTF-8: written with bad bytes dropped or replaced, the texts agree.
inline bool is_utf8(const nlohmann::ordered_json& j) {
    using handler = nlohmann::ordered_json::error_handler_t;
    return j.dump(-1, ' ', false, handler::ignore) == j.dump(-1, ' ', false, handler::replace);
}

// The invariants of a report (see the top of this file).
inline void check_report(const nlohmann::ordered_json& report) {
    check(is_utf8(report), "the report holds text that is not UTF-8");
    check(nlohmann::ordered_json::accept(json_line(report)), "the report is not valid JSON");
    check(report.contains("decision") && report["decision"].is_string(), "the report has no decision");
    const auto decision = report["decision"].get<std::string>();
    check(strictness(decision) >= 0 && decision != "info" && decision != "cleared",
          "decision \"" + decision + "\" is not one of clear, review, license_required, blocked");
    int strictest = 0;
    bool unevaluated = false;
    for (const auto& f : report["findings"]) {
        const auto severity = f["severity"].get<std::string>();
        check(strictness(severity) >= 0, "a finding has severity \"" + severity + "\"");
        strictest = std::max(strictest, strictness(severity));
        if (f["kind"] == "data_quality" && severity == "review") unevaluated = true;
    }
    check(strictness(decision) == strictest, "decision \"" + decision + "\" is not the strictest finding's severity");
    check(!(unevaluated && decision == "clear"), "an order the engine could not fully evaluate is clear");
}

// A request as the wasm export gets it: text, which may be too long or not JSON at all.
inline Status screen_text(std::string_view text) {
    EC_ASSIGN_OR_RETURN(const auto request, request_from_text(text));
    EC_ASSIGN_OR_RETURN(const auto report, fixture_screener().screen_json(request));
    check_report(report);
    return {};
}

inline Status parse_order_json(std::string_view text) {
    const auto order = nlohmann::ordered_json::parse(text, nullptr, false);
    if (order.is_discarded()) return {};
    auto read = order_from_json(order);
    return read ? Status() : std::move(read).error();
}

// The CSV layout as the batch page uses it: every order it yields is screened on its own, a refused
// order (say, a party without a name) refused with its error while the others go on. Only the first
// two are screened: each screening is independent (the `screener` target fuzzes it), and screening
// every order would cut the executions per second tenfold.
inline Status screen_orders_csv(std::string_view csv) {
    EC_ASSIGN_OR_RETURN(const auto orders, orders_from_csv(csv, "fuzz.csv"));
    for (std::size_t i = 0; i < orders.size() && i < 2; ++i)
        if (const auto report = fixture_screener().screen_json(orders[i].order); report.ok()) check_report(*report);
    return {};
}

}  // namespace exportcheck::fuzz
