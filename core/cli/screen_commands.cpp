#include "screen_commands.hpp"

#include "files.hpp"

#include <exportcheck/bundle.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/limits.hpp>
#include <exportcheck/lists.hpp>
#include <exportcheck/order.hpp>
#include <exportcheck/own_list.hpp>
#include <exportcheck/screen.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

namespace exportcheck::cli {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string read_input(const std::string& path) {
    if (path != "-") return read_file(path);
    std::ostringstream in;
    in << std::cin.rdbuf();
    return in.str();
}

// The rules documents of a folder: every *.json keyed by file stem.
json read_rules_dir(const std::string& dir) {
    if (!fs::is_directory(dir)) throw Error("rules_missing", fmt::format("{}: not a folder of rules documents", dir));
    std::vector<fs::path> files;
    for (const auto& f : fs::directory_iterator(dir))
        if (f.path().extension() == ".json") files.push_back(f.path());
    std::sort(files.begin(), files.end());
    json docs = json::object();
    for (const auto& f : files) {
        try {
            docs[f.stem().string()] = json::parse(read_file(f.string()));
        } catch (const json::exception& e) {
            throw Error("rules_invalid", fmt::format("{}: {}", f.string(), e.what()));
        }
    }
    return docs;
}

json read_json_file(const std::string& path, const char* what) {
    try {
        return json::parse(read_file(path));
    } catch (const json::exception& e) {
        throw Error("bad_json", fmt::format("{} ({}): not valid JSON: {}", path, what, e.what()));
    }
}

enum class Format { json_one, jsonl, csv };

Format format_of(const std::string& path, std::string_view text) {
    if (path.ends_with(".csv")) return Format::csv;
    if (path.ends_with(".jsonl") || path.ends_with(".ndjson")) return Format::jsonl;
    if (path.ends_with(".json")) return Format::json_one;
    // stdin or another name: a CSV header starts with a letter; JSON with { or [; several lines of objects are JSON lines.
    const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first == std::string_view::npos) return Format::json_one;
    if (text[first] != '{' && text[first] != '[') return Format::csv;
    return json::accept(text) ? Format::json_one : Format::jsonl;
}

// Wraps an order with the command's options unless the file already is a full request.
json request_for(json order, const json& clearances, const json& settings, const std::string& screened_at,
                 const std::string& lang) {
    if (order.is_object() && order.contains("order")) {
        if (!lang.empty() && !order.contains("lang")) order["lang"] = lang;
        return order;
    }
    json r = {{"order", std::move(order)}};
    if (!lang.empty()) r["lang"] = lang;
    if (!clearances.is_null()) r["clearances"] = clearances;
    if (!settings.is_null()) r["settings"] = settings;
    if (!screened_at.empty()) r["screened_at"] = screened_at;
    return r;
}

json error_line(std::size_t line, const std::string& order_id, const std::string& code, const std::string& message) {
    json j = {{"line", line}};
    if (!order_id.empty()) j["order_id"] = order_id;
    j["error"] = {{"code", code}, {"message", message}};
    return j;
}

}  // namespace

int screen_command(const Args& a, std::ostream& out, std::ostream& err) {
    a.only({"bundle", "rules", "clearances", "settings", "screened-at", "compact", "list", "lang"});
    if (a.positional().size() != 1) throw UsageError("screen needs one ORDER file (.json, .jsonl, .csv, or - for stdin)");
    const auto path = a.positional()[0];
    const auto bundle = read_bundle(read_bundle_bytes(a.require("bundle")));
    json rules;
    if (const auto dir = a.get("rules")) rules = read_rules_dir(*dir);
    const json clearances = a.get("clearances") ? read_json_file(*a.get("clearances"), "clearances") : json();
    const json settings = a.get("settings") ? read_json_file(*a.get("settings"), "settings") : json();
    const std::string screened_at = a.get("screened-at").value_or("");
    const std::string lang = a.get("lang").value_or("");
    if (!lang.empty() && !lang_from(lang)) throw UsageError("--lang: expected en or fr");
    const Screener screener(bundle, rules.is_null() ? nullptr : &rules);
    // The reseller's own lists (--list, any number of times), read as one list; any error stops here. No
    // entries at all is no own list (as in the page).
    std::unique_ptr<OwnList> own_list;
    if (const auto paths = a.all("list"); !paths.empty()) {
        std::vector<std::string> texts;
        for (const auto& p : paths) texts.push_back(read_file(p));
        std::vector<ListFile> files;
        for (std::size_t i = 0; i < paths.size(); ++i) files.push_back({texts[i], paths[i]});
        auto entries = parse_own_list(files);
        if (!entries.empty()) own_list = std::make_unique<OwnList>(std::move(entries), screener.matcher());
    }

    const auto text = read_input(path);
    const auto shown = path == "-" ? std::string("stdin") : path;
    int status = 0;
    auto screen_one = [&](const json& order, std::size_t line, std::string_view where) {
        const auto id = order.is_object() ? order.value("id", order.value("order_id", json())) : json();
        const std::string order_id = id.is_string() ? id.get<std::string>() : id.is_number() ? id.dump() : "";
        try {
            out << screener.screen_json(request_for(order, clearances, settings, screened_at, lang), own_list.get()).dump() << '\n';
        } catch (const Error& e) {
            const auto message = fmt::format("{}: {}", where, e.what());
            out << error_line(line, order_id, e.code(), message).dump() << '\n';
            err << "exportcheck: " << message << " [" << e.code() << "]\n";
            status = 1;
        }
    };

    switch (format_of(path, text)) {
        case Format::json_one: {
            if (text.size() > limits::kMaxOrderBytes * 16)
                throw Error("bad_order", fmt::format("{}: {} bytes is too large for one JSON document of orders; use JSON "
                                                     "lines", shown, text.size()));
            json j;
            try {
                j = json::parse(text);
            } catch (const json::exception& e) {
                throw Error("bad_json", fmt::format("{}: not valid JSON: {}", shown, e.what()));
            }
            if (j.is_array()) {
                if (j.size() > limits::kMaxOrdersPerBatch)
                    throw Error("bad_order", fmt::format("{}: {} orders; one file is limited to {} orders", shown, j.size(),
                                                         limits::kMaxOrdersPerBatch));
                for (std::size_t i = 0; i < j.size(); ++i) screen_one(j[i], i + 1, fmt::format("{} order {}", shown, i + 1));
                return status;
            }
            const auto report = screener.screen_json(request_for(std::move(j), clearances, settings, screened_at, lang), own_list.get());
            out << (a.flag("compact") ? report.dump() : report.dump(2)) << '\n';
            return 0;
        }
        case Format::jsonl: {
            // Counted before any is screened: a file over the limit is refused whole, never screened in part.
            std::size_t orders = 0;
            const std::string_view all = text;
            for (std::size_t at = 0; at < all.size();) {
                const auto end = std::min(all.find('\n', at), all.size());
                if (all.substr(at, end - at).find_first_not_of(" \t\r") != std::string_view::npos) ++orders;
                at = end + 1;
            }
            if (orders > limits::kMaxOrdersPerBatch)
                throw Error("bad_order", fmt::format("{}: {} orders; one file is limited to {} orders", shown, orders,
                                                     limits::kMaxOrdersPerBatch));
            std::istringstream lines(text);
            std::string line;
            for (std::size_t number = 1; std::getline(lines, line); ++number) {
                if (!line.empty() && line.back() == '\r') line.pop_back();
                if (line.find_first_not_of(" \t") == std::string::npos) continue;
                if (line.size() > limits::kMaxOrderBytes) {
                    const auto message = fmt::format("{} line {}: {} bytes; one order is limited to {} bytes", shown, number,
                                                     line.size(), limits::kMaxOrderBytes);
                    out << error_line(number, "", "bad_order", message).dump() << '\n';
                    err << "exportcheck: " << message << " [bad_order]\n";
                    status = 1;
                    continue;
                }
                json j;
                try {
                    j = json::parse(line);
                } catch (const json::exception&) {
                    const auto message = fmt::format("{} line {}: not valid JSON", shown, number);
                    out << error_line(number, "", "bad_json", message).dump() << '\n';
                    err << "exportcheck: " << message << " [bad_json]\n";
                    status = 1;
                    continue;
                }
                screen_one(j, number, fmt::format("{} line {}", shown, number));
            }
            return status;
        }
        case Format::csv: {
            // Every good order is screened; every bad row is an error line (its order is left out), in line order.
            const auto read = read_orders_csv(text, shown);
            std::size_t e = 0;
            auto errors_before = [&](std::size_t line) {
                for (; e < read.errors.size() && read.errors[e].line < line; ++e) {
                    out << error_line(read.errors[e].line, "", "bad_csv", read.errors[e].message).dump() << '\n';
                    err << "exportcheck: " << read.errors[e].message << " [bad_csv]\n";
                    status = 1;
                }
            };
            for (const auto& o : read.orders) {
                errors_before(o.line);
                screen_one(o.order, o.line, fmt::format("{} order {} (line {})", shown, o.order.value("id", ""), o.line));
            }
            errors_before(static_cast<std::size_t>(-1));
            return status;
        }
    }
    return status;
}

}  // namespace exportcheck::cli
