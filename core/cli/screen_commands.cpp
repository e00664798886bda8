#include "screen_commands.hpp"

#include "files.hpp"

#include <exportcheck/bundle.hpp>
#include <exportcheck/engine.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/lists.hpp>

#include <nlohmann/json.hpp>

#include <iostream>

namespace exportcheck::cli {
namespace {

using json = nlohmann::ordered_json;

// --clearances and --settings: a syntax error names the file, line and column from the catalogue, in --lang.
json read_json_file(const std::string& path) { return parse_json_text(read_file(path), path).value(); }

// The reseller's own lists (--list, any number of times), read as one list; any error stops here.
std::vector<Entry> own_list_entries(const std::vector<std::string>& paths) {
    std::vector<std::string> texts;
    for (const auto& p : paths) texts.push_back(read_file(p));
    std::vector<ListFile> files;
    for (std::size_t i = 0; i < paths.size(); ++i) files.push_back({texts[i], paths[i]});
    return parse_own_list(files).value();
}

}  // namespace

// Reads the orders file and hands it whole to the Engine, which reads, limits, screens and words every error;
// this prints each outcome as a line (a lone order's report, unless --compact, as indented JSON).
int screen_command(const Args& a, std::ostream& out, std::ostream& err) {
    a.only({"bundle", "rules", "clearances", "settings", "screened-at", "compact", "list", "lang"});
    if (a.positional().size() != 1) throw UsageError("screen needs one ORDER file (.json, .jsonl, .csv, or - for stdin)");
    const auto path = a.positional()[0];
    ScreenDefaults defaults;
    defaults.lang = a.get("lang").value_or("");
    if (!defaults.lang.empty() && !lang_from(defaults.lang)) throw UsageError("--lang: expected en or fr");
    const auto lang = lang_from(defaults.lang).value_or(Lang::en);
    int status = 0;
    try {  // every refusal from here on is told in the language asked for
        json rules;
        if (const auto dir = a.get("rules")) rules = read_rules_dir(*dir);
        if (const auto c = a.get("clearances")) defaults.clearances = read_json_file(*c);
        if (const auto s = a.get("settings")) defaults.settings = read_json_file(*s);
        defaults.screened_at = a.get("screened-at").value_or("");
        Engine engine(read_bundle(read_bundle_bytes(a.require("bundle"))).value(), rules.is_null() ? nullptr : &rules);
        if (const auto paths = a.all("list"); !paths.empty()) engine.set_own_list(own_list_entries(paths));

        const auto text = read_input(path);
        const OrdersText in{text, path == "-" ? std::string_view("stdin") : std::string_view(path)};
        engine.screen_text(in, defaults, [&](const OrderOutcome& o) {
            if (o.ok()) {
                out << (o.line == 0 && !a.flag("compact") ? o.report->dump(2) : o.report->dump()) << '\n';
                return;
            }
            out << o.line_json() << '\n';
            err << "exportcheck: " << o.text() << " [" << o.code << "]\n";
            status = 1;
        }).value();
    } catch (const Error& e) {
        err << "exportcheck: " << e.text(lang) << " [" << e.code() << "]\n";
        return 1;
    }
    return status;
}

}  // namespace exportcheck::cli
