// The doors called per order and per name (ec_screen, ec_screen_text, ec_match), optimised for speed; the
// others (bindings.cpp) are called once per page or per file and optimised for size (wasm/CMakeLists.txt).
#include <exportcheck/engine.hpp>
#include <exportcheck/match.hpp>
#include <exportcheck/screen.hpp>

#include <emscripten/emscripten.h>

#include <algorithm>

#include "doors.hpp"

namespace {

using namespace doors;

// What a results table needs of a report (order_id, decision, summary, findings: their count, rules: each
// finding's rule, else its kind, once each, main: the first finding's rule and message), the batch digest of
// every page and widget batch (web/lib/engine.js): a Worker reads this short line, not the whole report.
std::string report_digest(const nlohmann::ordered_json& report) {
    const auto text = [](const nlohmann::ordered_json& j, const char* key) {
        return j.contains(key) && !j[key].is_null() ? j[key] : nlohmann::ordered_json("");
    };
    nlohmann::ordered_json d = nlohmann::ordered_json::object();
    for (const char* key : {"order_id", "decision"})
        if (report.contains(key)) d[key] = report[key];
    d["summary"] = text(report, "summary");
    static const auto none = nlohmann::ordered_json::array();
    const auto& findings = report.contains("findings") && report["findings"].is_array() ? report["findings"] : none;
    d["findings"] = findings.size();
    auto rules = nlohmann::ordered_json::array();
    for (const auto& f : findings) {
        const auto rule = f.contains("rule") && !f["rule"].is_null() ? f["rule"] : f.value("kind", nlohmann::ordered_json());
        const bool truthy = rule.is_string() ? !rule.get_ref<const std::string&>().empty() : !rule.is_null();
        if (truthy && std::find(rules.begin(), rules.end(), rule) == rules.end()) rules.push_back(rule);
    }
    d["rules"] = rules;
    d["main"] = findings.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json{{"rule", text(findings[0], "rule")}, {"message", text(findings[0], "message")}};
    return exportcheck::json_line(d);
}

// ec_screen's reply: {"ok": the report}; a refused order is told in the language it asked for.
Result<std::string> screen_reply(std::string_view text, Lang* lang) {
    EC_ASSIGN_OR_RETURN(const auto request, exportcheck::request_from_text(text));
    *lang = exportcheck::request_lang(request);
    EC_ASSIGN_OR_RETURN(const auto* e, engine());
    EC_ASSIGN_OR_RETURN(const auto report, e->screen_json(request));
    return "{\"ok\":" + exportcheck::json_line(report) + "}";
}

// ec_screen_text's reply: {"ok":[ each output line on a line of its own ]} (see there).
Result<std::string> screen_text_reply(std::string_view text, const char* options, Lang* lang) {
    EC_ASSIGN_OR_RETURN(const auto o, text_options(options, lang));
    exportcheck::ScreenDefaults d;
    d.lang = string_option(o, "lang");
    if (o.contains("clearances")) d.clearances = o["clearances"];
    if (o.contains("settings")) d.settings = o["settings"];
    d.screened_at = string_option(o, "screened_at");
    const auto name = string_option(o, "name", "orders"), header = string_option(o, "csv_header");
    EC_ASSIGN_OR_RETURN(auto in, orders_text(text, o, name, header));
    EC_ASSIGN_OR_RETURN(const auto* e, engine());
    in.keep_orders = bool_option(o, "keep_orders");
    const bool digest = bool_option(o, "digest");
    std::string out = "{\"ok\":[";
    const char* sep = "\n";
    const auto add = [&](std::string_view line) {
        out += sep;
        out += line;
        sep = ",\n";
    };
    EC_RETURN_IF_ERROR(e->screen_text(in, d, [&](const exportcheck::OrderOutcome& r) {
        if (in.keep_orders) add(r.read && !r.order_text.empty() ? std::string_view(r.order_text) : "null");
        add(r.line_json());
        if (digest) add(r.ok() ? report_digest(*r.report) : std::string("null"));
    }));
    return out + "\n]}";
}

}  // namespace

extern "C" {

// Screens one order, or {order, clearances?, settings?, screened_at?, lang?}; the report's bytes are those of
// `exportcheck screen --compact` (its keys stay in report order, so it is written here, not through reply()).
EMSCRIPTEN_KEEPALIVE const char* ec_screen(const char* data, std::size_t size) {
    auto lang = Lang::en;
    auto text = screen_reply(std::string_view(data, length(data, size)), &lang);
    return text_reply(std::move(text), lang);
}

// A text of orders (a whole file, or a chunk of one as ec_plan_text cut it) screened as `exportcheck screen`
// screens a file: `text` as it is (JSON, JSON lines or CSV), `options` {name?, format?, first_line?, csv_header?,
// keep_orders?, digest?, clearances?, settings?, screened_at?, lang?}. -> {"ok":[ one line per order: the CLI's
// output line, byte for byte (a report, or {"error", "line", ...}) ]}, each on a line of its own so the caller
// can cut the reply by lines without parsing it; with keep_orders, each preceded by its order as JSON (null
// where the text held none); with digest, each followed by the report's digest (null for an error line). A
// text refused whole gives {"error"} in the language asked for.
EMSCRIPTEN_KEEPALIVE const char* ec_screen_text(const char* data, std::size_t size, const char* options) {
    auto lang = Lang::en;
    auto text = screen_text_reply(std::string_view(data, size), options, &lang);
    return text_reply(std::move(text), lang);
}

// One name query {"name", "type"?, "country"?, "dob"?, "top"?, ...} against the loaded bundle: the same result
// line as `exportcheck match --batch` prints for it ({"query", "hits"}).
EMSCRIPTEN_KEEPALIVE const char* ec_match(const char* data, std::size_t size) {
    return guarded([&]() -> Result<json> {
        EC_ASSIGN_OR_RETURN(const auto* e, engine());
        EC_ASSIGN_OR_RETURN(const auto query, parse_argument(data, length(data, size), "query"));
        return exportcheck::match_json(e->matcher(), query);
    });
}

}  // extern "C"
