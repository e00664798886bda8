#include "bundle_build.hpp"

#include "files.hpp"
#include "official_sources.hpp"
#include "source_files.hpp"

#include <exportcheck/error.hpp>
#include <exportcheck/list_names.hpp>
#include <exportcheck/lists.hpp>
#include <exportcheck/sha256.hpp>
#include <exportcheck/un_xml.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>

namespace exportcheck::cli {
namespace {

namespace fs = std::filesystem;

struct Loaded {
    BundleSource source;
    std::vector<Entry> entries;
};

// A date the publisher put in the path ("sdn_2023-12-29/"), or the fetch time `bundle fetch` recorded.
std::pair<std::string, std::string> date_from_path(const std::string& path) {
    auto dir = fs::is_directory(path) ? fs::path(path) : fs::path(path).parent_path();
    dir = fs::absolute(dir.empty() ? fs::path(".") : dir).lexically_normal();  // "list.csv": the current folder
    if (dir.filename().empty()) dir = dir.parent_path();
    const auto manifest = dir / "fetch-manifest.json";
    if (fs::exists(manifest)) {
        const auto j = nlohmann::ordered_json::parse(read_file(manifest.string()), nullptr, false);
        if (j.is_object() && j.contains("fetched_at") && j["fetched_at"].is_string())
            return {j["fetched_at"].get<std::string>().substr(0, 10), "downloaded on (fetch-manifest.json)"};
    }
    // Only the folder's own name counts: a date elsewhere in the path says nothing about the data.
    const auto name = dir.filename().string();
    static const std::regex kDate(R"((\d{4}-\d{2}(-\d{2})?))");
    std::smatch m;
    if (std::regex_search(name, m, kDate)) return {m[1], "date in the folder name"};
    return {"", "not stated in the source"};
}

std::string latest_start_date(const std::vector<Entry>& entries) {
    std::string latest;
    static const std::regex kIso(R"(\d{4}-\d{2}-\d{2})");
    for (const auto& e : entries)
        if (std::regex_match(e.start_date, kIso) && e.start_date > latest && e.start_date < "2100") latest = e.start_date;
    return latest;
}

Loaded load_csl(const std::string& path) {
    const auto bytes = read_file(path);
    Loaded l;
    l.entries = parse_csl_csv(bytes, fs::path(path).filename().string());
    l.source = {"csl", latest_start_date(l.entries), "latest start_date in the file", {describe_source_file(path, bytes)}, 0, 0, 0,
                official_url("csl")};
    return l;
}

// An OFAC CSV set. A folder without the primary file (sdn.csv) is a detail-only set: whichever
// companions it has add detail to a newer source's records (see parse_ofac_csv).
Loaded load_ofac(const std::string& dir, std::string_view key) {
    const auto* official = find_official_source(key);
    std::string contents[4];
    OfacFiles files;
    std::string* names[4] = {&files.primary_name, &files.alt_name, &files.add_name, &files.comments_name};
    Loaded l;
    const bool detail_only = key == "ofac_sdn" && !file_exists((fs::path(dir) / std::string(official->files[0])).string());
    for (int i = 0; i < 4; ++i) {
        const auto name = std::string(official->files[i]);
        const auto path = (fs::path(dir) / name).string();
        *names[i] = name;
        if ((i == 3 || detail_only) && !file_exists(path)) continue;  // the comments file is optional
        contents[i] = read_file(path);
        l.source.files.push_back(describe_source_file(path, contents[i]));
    }
    if (detail_only && l.source.files.empty())
        throw Error("bundle_source_missing", fmt::format("{}: has none of sdn.csv, alt.csv, add.csv, sdn_comments.csv", dir));
    files.primary = contents[0];
    files.alt = contents[1];
    files.add = contents[2];
    files.comments = contents[3];
    l.entries = parse_ofac_csv(files, key);
    const auto [date, basis] = date_from_path(dir);
    l.source.key = detail_only ? "ofac_sdn_detail" : std::string(key);
    for (auto& e : l.entries) e.source = l.source.key;
    l.source.date = date;
    l.source.date_basis = basis;
    l.source.url = official_url(key);
    return l;
}

// OFAC's XML publication (SDN.XML or CONSOLIDATED.XML), dated by its own Publish_Date.
Loaded load_ofac_xml(const std::string& path, std::string_view list_key, std::string_view key) {
    const auto bytes = read_file(path);
    Loaded l;
    std::string published;
    l.entries = parse_ofac_xml(bytes, list_key, fs::path(path).filename().string(), &published);
    for (auto& e : l.entries) e.source = std::string(key);
    l.source = {std::string(key), published, published.empty() ? "not stated in the source" : "Publish_Date in the file",
                {describe_source_file(path, bytes)}, 0, 0, 0, l.entries.empty() ? official_url(key) : l.entries[0].source_url};
    return l;
}

Loaded load_dpl(const std::string& path) {
    const auto bytes = read_file(path);
    Loaded l;
    l.entries = parse_dpl_txt(bytes, fs::path(path).filename().string());
    l.source = {"dpl", latest_start_date(l.entries), "latest effective date in the file", {describe_source_file(path, bytes)},
                0, 0, 0, official_url("dpl")};
    return l;
}

Loaded load_un(const std::string& path) {
    const auto bytes = read_file(path);
    Loaded l;
    l.entries = parse_un_xml(bytes, fs::path(path).filename().string());
    const auto generated = un_xml_date_generated(bytes);
    l.source = {"un", generated.substr(0, 10), "dateGenerated attribute", {describe_source_file(path, bytes)}, 0, 0, 0,
                official_url("un")};
    return l;
}

// A list in the import format (docs/import-format.md): dated by its folder (a copy's as-of date) or
// else by its latest start_date.
Loaded load_import_list(const std::string& path) {
    const auto bytes = read_file(path);
    Loaded l;
    const auto file = fs::path(path).filename().string();
    l.entries = parse_import_list(bytes, file).value();
    auto [date, basis] = date_from_path(path);
    if (date.empty()) {
        date = latest_start_date(l.entries);
        basis = date.empty() ? "not stated in the source" : "latest start_date in the file";
    }
    l.source = {"list:" + fs::path(path).stem().string(), date, basis, {describe_source_file(path, bytes)}, 0, 0, 0,
                l.entries.empty() ? std::string() : l.entries.front().source_url};
    for (auto& e : l.entries) e.source = l.source.key;
    return l;
}

}  // namespace

namespace {

// A list supplied by its own publisher's file (OFAC, BIS DPL) supersedes the CSL's copy of it when it
// is at least as new: keeping both would double every hit. An older dedicated file instead adds detail
// to the CSL's newer records (merge_shared_lists).
void supersede_csl_copies(std::vector<Loaded>& loaded, BundleMeta& meta) {
    const auto csl = std::find_if(loaded.begin(), loaded.end(), [](const Loaded& l) { return l.source.key == "csl"; });
    if (csl == loaded.end()) return;
    std::set<std::string> dedicated;
    for (const auto& l : loaded)
        if (l.source.key != "csl" && !l.source.key.starts_with("list:") &&
            (l.source.date.empty() || csl->source.date.empty() || l.source.date >= csl->source.date))
            for (const auto& e : l.entries) dedicated.insert(e.list);
    std::map<std::string, std::size_t> dropped;
    std::erase_if(csl->entries, [&](const Entry& e) { return dedicated.count(e.list) && ++dropped[e.list]; });
    for (const auto& [list, n] : dropped) {
        csl->source.superseded += n;
        meta.notes.push_back(fmt::format(
            "{} {} entries of the Consolidated Screening List were replaced by the list's own newer file.", n, list));
    }
}

std::vector<Entry> take_list(std::vector<Entry>& from, const std::string& code) {
    std::vector<Entry> out;
    std::erase_if(from, [&](Entry& e) {
        if (e.list != code) return false;
        out.push_back(std::move(e));
        return true;
    });
    return out;
}

bool detail_only(const Loaded& l) { return l.source.key == "ofac_sdn_detail"; }

// The same list from several sources: the newest source (that names its parties) is authoritative on
// who is on the list. An older record of a party it lists folds into its record (one party, one hit,
// more detail); a party only older sources carry has been delisted and is dropped, counted per list.
void merge_shared_lists(std::vector<Loaded>& loaded, BundleMeta& meta) {
    std::map<std::string, std::vector<std::size_t>> sources_of;  // list code -> sources carrying it
    for (std::size_t i = 0; i < loaded.size(); ++i) {
        std::set<std::string> codes;
        for (const auto& e : loaded[i].entries) codes.insert(e.list);
        for (const auto& c : codes) sources_of[c].push_back(i);
    }
    for (auto& [code, idx] : sources_of) {
        std::stable_sort(idx.begin(), idx.end(), [&](auto a, auto b) {
            if (detail_only(loaded[a]) != detail_only(loaded[b])) return detail_only(loaded[b]);
            return loaded[a].source.date > loaded[b].source.date;
        });
        auto& lead = loaded[idx[0]];
        if (detail_only(lead))
            throw Error("bundle_detail_without_list",
                        fmt::format("{}: a folder without sdn.csv only adds detail to a newer source of the {} list; "
                                    "give that source too (the CSL, sdn.csv or SDN.XML)", lead.source.files[0].name, code));
        if (idx.size() < 2) continue;
        auto primary = take_list(lead.entries, code);
        for (std::size_t k = 1; k < idx.size(); ++k) {
            auto& older = loaded[idx[k]];
            auto mine = take_list(older.entries, code);
            const auto before = mine.size();
            auto rest = merge_into_newer(primary, std::move(mine));
            const auto unmatched = rest.size();
            older.source.merged += before - unmatched;
            if (detail_only(older)) {
                meta.notes.push_back(fmt::format(
                    "{}: {} ({}) added detail to {} of its {} parties by OFAC entity number; {} numbers are no longer "
                    "listed.", code, older.source.key, older.source.date, before - unmatched, before, unmatched));
                continue;
            }
            // Only a source known to be newer can say a party was delisted; otherwise both are kept.
            if (lead.source.date.empty() || older.source.date.empty() || older.source.date >= lead.source.date) {
                for (auto& e : rest) older.entries.push_back(std::move(e));
                meta.notes.push_back(fmt::format(
                    "{}: {} of {} {} entries from {} are the same parties as in {} and were merged into them; {} "
                    "were kept as they are (neither source is known to be newer).", code, before - unmatched, before,
                    code, older.source.key, lead.source.key, unmatched));
                continue;
            }
            older.source.dropped[code] += unmatched;
            meta.notes.push_back(fmt::format(
                "{}: {} ({}) is older than {} ({}), which is authoritative on who is listed: {} of its {} parties are "
                "the same parties and add their detail; {} are no longer listed and were dropped.",
                code, older.source.key, older.source.date, lead.source.key, lead.source.date, before - unmatched,
                before, unmatched));
        }
        for (auto& e : primary) lead.entries.push_back(std::move(e));
    }
}

// "exportcheck-lists-2026-02-27-to-2026-07-31": named by the data's dates (oldest and newest list),
// not by the build day, so an old bundle never looks current.
std::string id_from_data(const std::vector<Loaded>& loaded, const std::string& built_at) {
    std::map<std::string, std::string> newest;  // list -> date of its lead source
    for (const auto& l : loaded)
        for (const auto& e : l.entries) newest[e.list] = std::max(newest[e.list], l.source.date);
    std::string oldest, latest;
    for (const auto& [list, date] : newest) {
        if (date.empty()) continue;
        if (oldest.empty() || date < oldest) oldest = date;
        latest = std::max(latest, date);
    }
    if (oldest.empty()) return "exportcheck-undated-built-" + built_at.substr(0, 10);
    return oldest == latest ? "exportcheck-lists-" + latest : "exportcheck-lists-" + oldest + "-to-" + latest;
}

// What a source is, for people: the official source's description; a file in the import format by its name.
std::string source_title(const BundleSource& s) {
    if (const auto* official = find_official_source(s.key)) return std::string(official->description);
    if (s.key == "ofac_sdn_detail") return "OFAC Specially Designated Nationals list, partial files (detail only)";
    if (s.key == "ofac_sdn_xml") return "OFAC Specially Designated Nationals list, XML";
    if (s.key == "uk_sanctions_list") return "UK Sanctions List (FCDO), CSV";
    // The import-format files the project's converters write (data/README.md).
    if (s.key == "list:csl") return "US Consolidated Screening List (trade.gov JSON export, converted)";
    if (s.key == "list:entity_list") return "BIS Entity List from the eCFR (15 CFR 744 Supp. No. 4, converted)";
    if (s.key == "list:meu") return "BIS Military End-User List from the eCFR (15 CFR 744 Supp. No. 7, converted)";
    return s.files.empty() ? s.key : s.files.front().name + " (import format)";
}

// The lists each source supplies or adds detail to (after the CSL's superseded copies are gone).
void record_lists(std::vector<Loaded>& loaded) {
    for (auto& l : loaded) {
        std::set<std::string> codes;
        for (const auto& e : l.entries) codes.insert(e.list);
        for (const auto& [code, n] : l.source.dropped) codes.insert(code);  // merged already (the UK sources)
        l.source.lists.assign(codes.begin(), codes.end());
        l.source.title = source_title(l.source);
    }
}

// Each list's official title and publisher; a list of an imported file that is not an official one is
// named as its entries name it.
std::map<std::string, ListTitleText> list_titles(const std::vector<Entry>& entries) {
    std::map<std::string, ListTitleText> names;
    for (const auto& e : entries) {
        if (names.count(e.list)) continue;
        const auto official = official_list_title(e.list);
        names[e.list] = official.title.empty() ? ListTitleText{e.list_name.empty() ? e.list : e.list_name, ""}
                                               : ListTitleText{std::string(official.title), std::string(official.publisher)};
    }
    return names;
}

}  // namespace

BuildResult build_bundle(const BuildInputs& in) {
    std::vector<Loaded> loaded;
    if (in.csl) loaded.push_back(load_csl(*in.csl));
    for (const auto& dir : in.ofac_sdn) loaded.push_back(load_ofac(dir, "ofac_sdn"));
    if (in.ofac_cons) loaded.push_back(load_ofac(*in.ofac_cons, "ofac_cons"));
    if (in.ofac_sdn_xml) loaded.push_back(load_ofac_xml(*in.ofac_sdn_xml, "ofac_sdn", "ofac_sdn_xml"));
    if (in.ofac_cons_xml) loaded.push_back(load_ofac_xml(*in.ofac_cons_xml, "ofac_cons", "ofac_cons_xml"));
    if (in.dpl) loaded.push_back(load_dpl(*in.dpl));
    if (in.un) loaded.push_back(load_un(*in.un));
    for (const auto& list : in.lists) loaded.push_back(load_import_list(list));
    std::vector<std::string> intl_notes;
    for (auto& l : load_intl_lists(in.intl, intl_notes)) loaded.push_back({std::move(l.source), std::move(l.entries)});
    if (loaded.empty())
        throw Error("bundle_no_sources", "no list files given: use --csl, --ofac-sdn, --ofac-cons, --ofac-sdn-xml, "
                                         "--ofac-cons-xml, --dpl, --un, --list, --uk-sanctions-list, --ofsi-conlist or --dfat");

    BuildResult r;
    r.meta.built_at = in.built_at;
    r.meta.engine = EXPORTCHECK_VERSION;
    if (in.rules) r.meta.rules = read_rules_dir(*in.rules);

    r.meta.notes.insert(r.meta.notes.end(), intl_notes.begin(), intl_notes.end());
    supersede_csl_copies(loaded, r.meta);
    record_lists(loaded);
    merge_shared_lists(loaded, r.meta);
    r.meta.id = in.id.empty() ? id_from_data(loaded, in.built_at) : in.id;
    for (auto& l : loaded) {
        l.source.entries = l.entries.size();
        for (auto& e : l.entries) r.entries.push_back(std::move(e));
        r.meta.notes.push_back(fmt::format("{}: data as of {} ({}).", l.source.key,
                                           l.source.date.empty() ? "an unknown date" : l.source.date, l.source.date_basis));
        r.meta.sources.push_back(std::move(l.source));
    }
    r.meta.list_names = list_titles(r.entries);
    return r;
}

}  // namespace exportcheck::cli
