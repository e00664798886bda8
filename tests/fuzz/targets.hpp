// One function per parser the outside world can reach, and the whole Screener, shared by the libFuzzer
// targets and by the regression test that replays every input a fuzzer ever crashed on. Each gives back
// nothing or its refusal (an exportcheck::Error with a clear message); any exception, a crash or a sanitizer
// report is a bug. The browser's doors return their refusals (the wasm is built without exception
// handling); the native list parsers throw theirs, which refusal_of() catches.
#pragma once

#include <exportcheck/bundle.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/intl_lists.hpp>
#include <exportcheck/lists.hpp>
#include <exportcheck/xlsx.hpp>
#include <exportcheck/text.hpp>

#include "screening_targets.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace exportcheck::fuzz {

// Splits one fuzz input into `n` files at a separator line, so multi-file formats get fuzzed too.
inline std::vector<std::string_view> split_files(std::string_view data, std::size_t n) {
    static constexpr std::string_view kSeparator = "\n--8<--\n";
    std::vector<std::string_view> parts;
    while (parts.size() + 1 < n) {
        const auto at = data.find(kSeparator);
        if (at == std::string_view::npos) break;
        parts.push_back(data.substr(0, at));
        data.remove_prefix(at + kSeparator.size());
    }
    parts.push_back(data);
    parts.resize(n);
    return parts;
}

struct Target {
    const char* name;
    Status (*run)(std::string_view);
};

// A native list parser's refusal, thrown, as the Status the browser's doors return.
template <class F>
Status refusal_of(F&& parse) {
    try {
        parse();
        return {};
    } catch (const Error& e) {
        return e;
    }
}

inline Status read_import_list(std::string_view d) {
    auto read = parse_import_list(d, "fuzz.list");
    return read ? Status() : std::move(read).error();
}

inline const std::vector<Target>& targets() {
    static const std::vector<Target> all = {
        {"bundle", [](std::string_view d) -> Status {
             auto bundle = read_bundle(d);
             if (!bundle) return std::move(bundle).error();
             (void)bundle_info(*bundle);
             return {};
         }},
        {"import_list", read_import_list},
        {"name_normaliser",
         [](std::string_view d) -> Status {
             for (auto type : {EntityType::person, EntityType::organization})
                 (void)text::normalize_name(d, type);
             // The other readings of a name in Chinese characters, and each read again as a name.
             for (const auto& other : {text::korean_reading(d), text::other_han_reading(d).name,
                                       text::han_without_place(d).name})
                 (void)text::normalize_name(other, EntityType::unknown);
             return {};
         }},
#ifndef __EMSCRIPTEN__  // the list parsers: native only (the browser reads bundles), and they throw
        {"csl_csv", [](std::string_view d) { return refusal_of([&] { (void)parse_csl_csv(d, "fuzz.csv"); }); }},
        {"ofac_csv",
         [](std::string_view d) {
             const auto f = split_files(d, 4);
             return refusal_of([&] { (void)parse_ofac_csv({f[0], f[1], f[2], f[3]}, "ofac_sdn"); });
         }},
        {"dpl_txt", [](std::string_view d) { return refusal_of([&] { (void)parse_dpl_txt(d, "fuzz.txt"); }); }},
        {"un_xml", [](std::string_view d) { return refusal_of([&] { (void)parse_un_xml(d, "fuzz.xml"); }); }},
        {"xlsx",
         [](std::string_view d) {  // a workbook, read as each spreadsheet list
             return refusal_of([&] {
                 const Table t{"fuzz.xlsx", "row", read_xlsx_sheet(d, "fuzz.xlsx")};
                 for (auto parse : {parse_ofsi_conlist, parse_dfat_consolidated})
                     (void)refusal_of([&] { (void)parse(t); });  // a refusal of one layout; the other may still read it
             });
         }},
        {"ofsi_csv", [](std::string_view d) { return refusal_of([&] { (void)parse_ofsi_conlist(csv_table(d, "fuzz.csv")); }); }},
        {"uksl_csv",
         [](std::string_view d) {
             return refusal_of([&] {
                 const auto f = split_files(d, 5);
                 auto uk = parse_uksl_derived({f[0], f[1], f[2], f[3], f[4]}).entries;
                 const auto older = uk;  // the join by reference and group ID, and the detail merge
                 (void)merge_uk_sources(uk, older, "2025-04-14");
             });
         }},
        {"merge",
         [](std::string_view d) {
             return refusal_of([&] {
                 const auto f = split_files(d, 2);
                 auto newer = parse_import_list(f[0], "a.jsonl").value();
                 (void)merge_into_newer(newer, parse_import_list(f[1], "b.jsonl").value());
             });
         }},
#endif
        {"order_json", parse_order_json},
        {"order_csv", screen_orders_csv},
        {"screener", screen_text},
    };
    return all;
}

// A refusal's message goes into JSON replies (the wasm boundary, the CLI's error lines): it must be valid
// UTF-8 even when the input was not.
inline bool message_is_utf8(const Error& e) { return is_utf8(nlohmann::ordered_json(e.what())); }

inline const Target* find_target(std::string_view name) {
    for (const auto& t : targets())
        if (name == t.name) return &t;
    return nullptr;
}

}  // namespace exportcheck::fuzz
