#include "fetch_checks.hpp"

#include <exportcheck/error.hpp>
#include <exportcheck/xlsx.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

namespace exportcheck::cli {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string_view trim(std::string_view s) {
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

bool is_html(std::string_view body) {
    const auto head = lower(trim(body).substr(0, 1024));
    return head.starts_with("<!doctype html") || head.starts_with("<html") ||
           (head.starts_with("<") && head.find("<html") != std::string::npos && head.find("<body") != std::string::npos);
}

// The name of the document's root element, after the XML declaration, comments and a doctype.
std::string xml_root(std::string_view xml) {
    std::size_t i = 0;
    while ((i = xml.find('<', i)) != std::string_view::npos) {
        if (xml.substr(i, 2) == "<?" || xml.substr(i, 2) == "<!") {
            i = xml.find('>', i);
            if (i == std::string_view::npos) return {};
            continue;
        }
        std::size_t end = i + 1;
        while (end < xml.size() && !is_space(xml[end]) && xml[end] != '>' && xml[end] != '/') ++end;
        return std::string(xml.substr(i + 1, end - i - 1));
    }
    return {};
}

std::string extension(std::string_view file_name) { return lower(std::filesystem::path(file_name).extension().string()); }

}  // namespace

void check_fetched_file(std::string_view url, std::string_view file_name, std::string_view body) {
    auto refuse = [&](const std::string& why) {
        throw Error("fetch_refused", fmt::format("{}: {}; nothing was written", url, why));
    };
    if (is_html(body)) refuse("the server sent an HTML page, not the list file (an error or login page?)");
    const auto ext = extension(file_name);
    if (ext == ".xlsx") {
        try {
            (void)read_xlsx_sheet(body, file_name);
        } catch (const Error& e) {
            refuse(e.what());
        }
    } else if (ext == ".xml") {
        const auto root = xml_root(body);
        if (root.empty()) refuse("not an XML document");
        if (!trim(body).ends_with("</" + root + ">")) refuse(fmt::format("cut short: the root element <{}> never closes", root));
    } else if (ext == ".csv" || ext == ".txt") {
        if (!body.ends_with('\n') && !body.ends_with('\x1A')) refuse("cut short: the last line is incomplete");
    }
}

void check_no_shrink(const Bundle& previous, std::string_view previous_name, const BundleMeta& meta,
                     const std::vector<Entry>& entries, std::string_view allowed) {
    std::map<std::string, std::size_t> counts;
    std::map<std::string, std::set<std::string>> sources;  // list code -> source keys
    for (const auto& e : entries) {
        ++counts[e.list];
        sources[e.list].insert(e.source);
    }
    auto allowed_list = [&](const std::string& code) {
        if (allowed == "all") return true;
        for (std::size_t from = 0; from <= allowed.size();) {
            const auto to = std::min(allowed.find(',', from), allowed.size());
            if (allowed.substr(from, to - from) == code) return true;
            from = to + 1;
        }
        return false;
    };
    for (const auto& [code, before] : previous.list_counts()) {
        const auto now = counts[code];
        if (now * 5 >= before * 4 || allowed_list(code)) continue;  // at most 20% fewer
        if (now == 0)
            throw Error("bundle_shrunk", fmt::format("list {}: no entries in the new bundle (the previous bundle {} had {}): "
                                                     "is its source missing? Nothing was written. If the list is gone, "
                                                     "build again with --allow-shrink {}",
                                                     code, previous_name, before, code));
        std::vector<std::string> files;
        for (const auto& s : meta.sources)
            if (sources[code].count(s.key))
                for (const auto& f : s.files) files.push_back(f.name);
        throw Error("bundle_shrunk",
                    fmt::format("list {}: {} entries from {}, {}% fewer than the {} of the previous bundle {}: a file cut "
                                "short or a changed format? Nothing was written. If the list really shrank, build again "
                                "with --allow-shrink {}",
                                code, now, fmt::format("{}", fmt::join(files, ", ")),
                                (before - now) * 100 / before, before, previous_name, code));
    }
}

}  // namespace exportcheck::cli
