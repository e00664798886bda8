#include "intl_sources.hpp"

#include "files.hpp"
#include "official_sources.hpp"
#include "source_files.hpp"

#include <exportcheck/intl_lists.hpp>
#include <exportcheck/sha256.hpp>
#include <exportcheck/xlsx.hpp>

#include <fmt/format.h>

#include <filesystem>

namespace exportcheck::cli {
namespace {

namespace fs = std::filesystem;

bool is_csv(const std::string& path) {
    auto ext = fs::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".csv";
}

// A spreadsheet list as a table: an .xlsx worksheet, or a CSV of the same layout.
Table read_table(const std::string& path, const std::string& bytes) {
    const auto name = fs::path(path).filename().string();
    if (is_csv(path)) return csv_table(bytes, name);
    return Table{name, "row", read_xlsx_sheet(bytes, name)};
}

IntlList from_parsed(ParsedList parsed, std::string key, std::vector<SourceFile> files) {
    IntlList l;
    l.source.key = key;
    l.source.date = parsed.date;
    l.source.date_basis = parsed.date.empty() ? "not stated in the source" : parsed.date_basis;
    l.source.files = std::move(files);
    l.source.url = official_url(key);
    l.entries = std::move(parsed.entries);
    return l;
}

IntlList load_uksl(const std::string& dir) {
    static constexpr std::string_view kFiles[] = {"subjects.csv", "subject_names.csv", "subject_dobs.csv",
                                                  "subject_identifiers.csv", "subject_countries.csv"};
    std::string contents[5];
    std::vector<SourceFile> files;
    for (int i = 0; i < 5; ++i) {
        const auto path = (fs::path(dir) / std::string(kFiles[i])).string();
        contents[i] = read_file(path);
        files.push_back(describe_source_file(path, contents[i]));
    }
    return from_parsed(parse_uksl_derived({contents[0], contents[1], contents[2], contents[3], contents[4]}),
                       "uk_sanctions_list", std::move(files));
}

IntlList load_table_list(const std::string& path, std::string key, ParsedList (*parse)(const Table&)) {
    const auto bytes = read_file(path);
    return from_parsed(parse(read_table(path, bytes)), std::move(key), {describe_source_file(path, bytes)});
}

}  // namespace

std::vector<IntlList> load_intl_lists(const IntlInputs& in, std::vector<std::string>& notes) {
    std::vector<IntlList> out;
    std::optional<IntlList> uksl, ofsi;
    if (in.uk_sanctions_list) uksl = load_uksl(*in.uk_sanctions_list);
    if (in.ofsi_conlist) ofsi = load_table_list(*in.ofsi_conlist, "ofsi_conlist", parse_ofsi_conlist);
    if (uksl && ofsi) {
        // One UK list: the UK Sanctions List says who is on it; OFSI's older rows add their detail.
        const auto m = merge_uk_sources(uksl->entries, ofsi->entries, ofsi->source.date);
        ofsi->source.merged = m.enriched;
        ofsi->source.dropped[std::string(kUkListCode)] = m.dropped;  // delisted: `bundle info` counts them per list
        notes.push_back(fmt::format(
            "UK: {} of {} parties of the OFSI Consolidated List ({}) are on the UK Sanctions List ({}) and add their "
            "detail to it (joined by UK Sanctions List reference or OFSI group ID); {} are no longer listed and were "
            "dropped.", m.enriched, ofsi->entries.size(), ofsi->source.date, uksl->source.date, m.dropped));
        ofsi->entries.clear();
    }
    if (uksl) out.push_back(std::move(*uksl));
    if (ofsi) out.push_back(std::move(*ofsi));
    if (in.dfat) out.push_back(load_table_list(*in.dfat, "dfat", parse_dfat_consolidated));
    // The page shows the notes: say plainly what is missing, not only what is there.
    notes.push_back(std::string(kNoEuListNote));
    return out;
}

}  // namespace exportcheck::cli
