// The list bundle: every entry of every source in one versioned binary file the core loads fast,
// with metadata saying what it was built from. The file is usually distributed gzip-compressed and
// Ed25519-signed; the core reads the decompressed bytes and checks their sha256 itself.
//
// Layout of format version 1 (little-endian):
//   0  magic "EXCKBNDL"           8  u32 format version       12 u32 header size (64)
//   16 u64 body size              24 sha256 of the body (32)   56 u32 entry count   60 u32 zero
//   64 body: varint-length strings table, then the metadata JSON and each entry as string-table indices.
#pragma once

#include <exportcheck/entry.hpp>
#include <exportcheck/result.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace exportcheck {

inline constexpr std::uint32_t kBundleFormatVersion = 1;
inline constexpr std::string_view kBundleMagic = "EXCKBNDL";

struct SourceFile {
    std::string name;       // file name as read (no folder)
    std::string sha256;     // of the file as read
    std::uint64_t bytes = 0;

    bool operator==(const SourceFile&) const = default;
};

// One source the bundle was built from: a file, or a set of files (OFAC's sdn/alt/add/comments).
struct BundleSource {
    std::string key;        // "csl", "ofac_sdn", "ofac_cons", "dpl", "un", ...
    std::string date;       // the data's own date (stated in the file or derived; see `date_basis`)
    std::string date_basis; // how `date` was found: "dateGenerated attribute", "latest start_date", ...
    std::vector<SourceFile> files;
    std::uint64_t entries = 0;      // entries taken into the bundle
    std::uint64_t superseded = 0;   // entries dropped because a newer source supplies that list
    std::uint64_t merged = 0;       // entries folded into a newer source's record of the same party
    std::string url;        // where it is officially published
    // Per list code: parties only this (older) source carries, dropped because a newer source of the
    // same list no longer lists them (delisted).
    std::map<std::string, std::uint64_t> dropped;
    std::string title;                // what it is, for people: "OFAC Specially Designated Nationals list"
    std::vector<std::string> lists;   // the list codes it supplies or adds detail to

    bool operator==(const BundleSource&) const = default;
};

// A list's full official title and its publisher, for people (the page's Lists view).
struct ListTitleText {
    std::string title;
    std::string publisher;

    bool operator==(const ListTitleText&) const = default;
};

struct BundleMeta {
    std::string id;         // human-readable id, e.g. "exportcheck-2026-11-28"
    std::string built_at;   // UTC, ISO 8601
    std::string engine;     // engine version that built it
    std::vector<BundleSource> sources;
    std::vector<std::string> notes;  // plain-language caveats shown to users (data age, gaps)
    std::map<std::string, ListTitleText> list_names;  // per list code (exportcheck/list_names.hpp)
    // The rules data screening uses (country groups, product catalogue, red-flag thresholds...), one
    // JSON document per file of data/rules/, keyed by file stem. Shipped inside the signed bundle so
    // it updates without a new engine and a report's bundle sha256 covers it too. May be empty.
    nlohmann::ordered_json rules = nlohmann::ordered_json::object();

    bool operator==(const BundleMeta&) const = default;
};

struct Bundle {
    BundleMeta meta;
    std::vector<Entry> entries;
    std::string sha256;     // of the body; the bundle's identity in reports

    // Entry count per list code.
    std::map<std::string, std::size_t> list_counts() const;
};

// Each list's data date: the date of the newest source its entries come from ("" when unknown).
// Reports carry it so an audit record proves what the order was screened against.
std::map<std::string, std::string> list_dates(const Bundle& bundle);

// Serialises entries and metadata into format-version-1 bytes (uncompressed).
std::string write_bundle(const BundleMeta& meta, const std::vector<Entry>& entries);

// Parses and checks bundle bytes. An Error with code bundle_truncated, bundle_compressed,
// bundle_not_a_bundle, bundle_version, bundle_corrupted or bundle_trailing_data when they are not one.
Result<Bundle> read_bundle(std::string_view bytes);

// The JSON printed by `exportcheck bundle info` and returned by the wasm `info()`: format, version,
// id, built_at, sha256, entry count, per-list counts, per-list data dates (`list_dates`), parties dropped
// as delisted per list (`dropped`), sources, notes, and for each rules document its
// `version` and `as_of` (not the whole document).
nlohmann::ordered_json bundle_info(const Bundle& bundle);

// An entry as JSON (all fields, empty ones left out), for reports, exports and debugging.
nlohmann::ordered_json entry_to_json(const Entry& entry);
// entry_to_json as compact text with every object's keys sorted: what an entry's fingerprint and an own
// list's sha256 are computed over. Pinned: a stored clearance names its entry by that fingerprint.
std::string entry_canonical_text(const Entry& entry);
// Its reverse; Error("bad_entry", "field `aliases`: ...") for a field of another type.
Result<Entry> entry_from_json(const nlohmann::ordered_json& j);

}  // namespace exportcheck
