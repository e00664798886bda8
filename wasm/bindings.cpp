// The core's API for JavaScript: plain C functions taking and returning UTF-8 JSON, so the boundary is
// one tiny, typed-by-contract surface (see web/core.js). Every call returns {"ok": ...} or
// {"error": {"code", "message"}}: the core returns its errors as values (exportcheck/result.hpp), and the
// module is built without exception handling (cmake/dependencies.cmake).
#include <exportcheck/bundle.hpp>
#include <exportcheck/classify.hpp>
#include <exportcheck/countries.hpp>
#include <exportcheck/engine.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/limits.hpp>
#include <exportcheck/lists.hpp>
#include <exportcheck/match.hpp>
#include <exportcheck/order.hpp>
#include <exportcheck/own_list.hpp>
#include <exportcheck/result.hpp>
#include <exportcheck/screen.hpp>

#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>

namespace {

using json = nlohmann::ordered_json;

std::unique_ptr<exportcheck::Engine> g_engine;  // the loaded bundle, its name index, Screener and own list
std::string g_result;  // the last result; valid until the next call

using exportcheck::Error;
using exportcheck::Lang;
using exportcheck::Result;

// Replies are written with invalid UTF-8 replaced (U+FFFD), never refused: a reply always reaches JavaScript.
const char* reply(const json& j) {
    g_result = j.dump(-1, ' ', false, json::error_handler_t::replace);
    return g_result.c_str();
}

// {"error": {code, message, message_id?, params?}}, the message in `lang` when it has a catalogue id.
const char* error_reply(const Error& e, Lang lang) {
    if (e.message().id.empty()) return reply({{"error", {{"code", e.code()}, {"message", e.what()}}}});
    return reply({{"error", {{"code", e.code()}, {"message", e.text(lang)}, {"message_id", e.message().id},
                             {"params", e.message().params}}}});
}

// One copy of the reply writing for every entry point (a template here cost ~4 KB of wasm per call site): the
// call arrives as a plain function pointer and the caller's lambda as its context. The core returns its
// errors (exportcheck/result.hpp): the wasm is built without exception handling. An error with a message id
// comes in the language at *lang (set by the call once it has read it; English when null).
const char* guarded_call(Result<json> (*call)(void*), void* context, const Lang* lang) {
    auto r = call(context);
    if (!r) return error_reply(r.error(), lang ? *lang : Lang::en);
    return reply({{"ok", std::move(*r)}});
}

template <class F>
const char* guarded(F&& f, const Lang* lang = nullptr) {
    return guarded_call([](void* context) -> Result<json> { return (*static_cast<std::remove_reference_t<F>*>(context))(); },
                        const_cast<void*>(static_cast<const void*>(&f)), lang);
}

Result<exportcheck::Engine*> engine() {
    if (!g_engine) return Error("no_bundle", "no bundle is loaded");
    return g_engine.get();
}

// The argument's length: NUL-terminated when no size is given (a caller passing only the pointer).
std::size_t length(const char* data, std::size_t size) { return size ? size : std::strlen(data); }

Result<json> parse_argument(const char* data, std::size_t size, const char* what) {
    json j = json::parse(std::string_view(data, size), nullptr, false);
    if (j.is_discarded()) return Error("bad_json", std::string(what) + ": not valid JSON");
    return j;
}

std::string string_option(const json& o, const char* key, std::string fallback = {}) {
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : fallback;
}

bool bool_option(const json& o, const char* key) {
    const auto it = o.find(key);
    return it != o.end() && it->is_boolean() && it->get<bool>();
}

// An own list argument {"text": CSV or JSON lines, "name"?: file name for errors} -> its entries.
Result<std::vector<exportcheck::Entry>> own_list_argument(const char* data, std::size_t size) {
    EC_ASSIGN_OR_RETURN(const auto j, parse_argument(data, length(data, size), "own list"));
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string())
        return Error("bad_argument", "own list: expected {\"text\": CSV or JSON lines, \"name\"?: file name}");
    const auto& text = j["text"].get_ref<const std::string&>();
    const auto name = string_option(j, "name", "own list");
    return exportcheck::parse_own_list({{text, name}});
}

json own_list_summary() {
    const auto* own = g_engine ? g_engine->own_list() : nullptr;
    return own ? json(own->summary()) : json(nullptr);
}

// The options argument of a text door (ec_screen_text, ec_plan_text, ec_read_orders_text): JSON, or none; *lang
// becomes the language it names, so that a refusal after this is told in it.
Result<json> text_options(const char* options, Lang* lang) {
    EC_ASSIGN_OR_RETURN(auto o, parse_argument(options ? options : "{}", options ? std::strlen(options) : 2, "options"));
    if (!o.is_object()) return Error("bad_argument", "options: expected a JSON object");
    *lang = exportcheck::lang_from(string_option(o, "lang")).value_or(Lang::en);
    return o;
}

// The options of a text of orders: {name?, format?, first_line?, csv_header?}.
Result<exportcheck::OrdersText> orders_text(std::string_view text, const json& o, const std::string& name, const std::string& header) {
    exportcheck::OrdersText in{text, name};
    EC_ASSIGN_OR_RETURN(in.format, exportcheck::orders_format_from(string_option(o, "format")));
    if (const auto it = o.find("first_line"); it != o.end() && it->is_number_unsigned()) in.first_line = it->get<std::size_t>();
    in.csv_header = header;
    return in;
}

// What a results table needs of a report, the fields of web/lib/batch.js digestReport (order_id, decision,
// summary, findings: their count, rules: each finding's rule, else its kind, once each, main: the first
// finding's rule and message): a Worker reads this short line instead of parsing the whole report again.
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

// ec_read_orders_text's reply: {"ok": {"orders": [...], "errors": [...]}} (see there).
Result<std::string> read_orders_reply(std::string_view text, const char* options, Lang* lang) {
    EC_ASSIGN_OR_RETURN(const auto o, text_options(options, lang));
    const auto name = string_option(o, "name", "orders");
    EC_ASSIGN_OR_RETURN(const auto in, orders_text(text, o, name, ""));
    std::string orders, errors;
    EC_RETURN_IF_ERROR(exportcheck::read_orders_text(in, *lang, [&](const exportcheck::OrderOutcome& r) {
        auto& out = r.read ? orders : errors;
        if (!out.empty()) out += ',';
        out += r.read ? r.order_text : r.line_json();
    }));
    return "{\"ok\":{\"orders\":[" + orders + "],\"errors\":[" + errors + "]}}";
}

}  // namespace

extern "C" {

// Loads (decompressed) bundle bytes; the previous bundle stays if these are rejected. Takes `data` (from
// malloc) and frees it as soon as it is read, whatever the outcome: the raw bytes (13 MiB for the default
// bundle) are gone before the name index is built, so the heap never holds both (issue 14: <= 100 MiB).
EMSCRIPTEN_KEEPALIVE const char* ec_load_bundle(char* data, std::size_t size) {
    std::unique_ptr<char, decltype(&std::free)> owned(data, &std::free);
    return guarded([&]() -> Result<json> {
        EC_ASSIGN_OR_RETURN(auto bundle, exportcheck::read_bundle(std::string_view(data, size)));
        owned.reset();
        // The own list stays, weighed by the new bundle's word rarity.
        auto own = g_engine ? g_engine->own_entries() : std::vector<exportcheck::Entry>{};
        g_engine.reset();  // the old index goes before the new one is built (a smaller peak heap)
        auto next = std::make_unique<exportcheck::Engine>(std::move(bundle));
        next->set_own_list(std::move(own));
        g_engine = std::move(next);
        return exportcheck::bundle_info(g_engine->bundle());
    });
}

EMSCRIPTEN_KEEPALIVE const char* ec_info() {
    return guarded([]() -> Result<json> {
        EC_ASSIGN_OR_RETURN(const auto* e, engine());
        return exportcheck::bundle_info(e->bundle());
    });
}

EMSCRIPTEN_KEEPALIVE const char* ec_version() {
    return guarded([]() -> Result<json> { return json(EXPORTCHECK_VERSION); });
}

// Screens one order, or {order, clearances?, settings?, screened_at?, lang?}; the report's bytes are those of
// `exportcheck screen --compact` (its keys stay in report order, so it is written here, not through reply()).
EMSCRIPTEN_KEEPALIVE const char* ec_screen(const char* data, std::size_t size) {
    auto request = exportcheck::request_from_text(std::string_view(data, length(data, size)));
    if (!request) return error_reply(request.error(), Lang::en);
    const auto lang = exportcheck::request_lang(*request);  // a refused order is told in the language it asked for
    const auto e = engine();
    if (!e) return error_reply(e.error(), lang);
    const auto report = (*e)->screen_json(*request);
    if (!report) return error_reply(report.error(), lang);
    g_result = "{\"ok\":" + exportcheck::json_line(*report) + "}";
    return g_result.c_str();
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
    if (!text) return error_reply(text.error(), lang);
    g_result = std::move(*text);
    return g_result.c_str();
}

// How ec_screen_text is to be given a file in chunks {name?, format?, chunk?, workers?, lang?} (chunk: orders per
// chunk; by default about a hundred chunks, at least one per worker) ->
// {format, orders, csv_header, chunks: [[first_line, lines, orders], ...]}. The file's limits are applied
// here: a file over them is refused before anything is screened.
EMSCRIPTEN_KEEPALIVE const char* ec_plan_text(const char* data, std::size_t size, const char* options) {
    auto lang = Lang::en;
    return guarded([&]() -> Result<json> {
        EC_ASSIGN_OR_RETURN(const auto o, text_options(options, &lang));
        const auto name = string_option(o, "name", "orders");
        const auto number = [&](const char* key) { return o.contains(key) && o[key].is_number_unsigned() ? o[key].get<std::size_t>() : 0; };
        EC_ASSIGN_OR_RETURN(const auto in, orders_text(std::string_view(data, size), o, name, ""));
        EC_ASSIGN_OR_RETURN(const auto plan, exportcheck::plan_orders_text(in, number("chunk"), number("workers")));
        json chunks = json::array();
        for (const auto& c : plan.chunks) chunks.push_back({c.first_line, c.lines, c.orders});
        return json{{"format", exportcheck::to_string(plan.format)}, {"orders", plan.orders}, {"csv_header", plan.csv_header},
                    {"chunks", chunks}};
    }, &lang);
}

// Reads a text of orders without screening it (the JS API's parseOrders): `text` and `options` {name?, format?,
// lang?} as ec_screen_text takes them -> {"ok": {"orders": [every order read, as written], "errors": [every line
// or row that holds none, as ec_screen_text's error lines]}}; a text refused whole gives {"error"}.
EMSCRIPTEN_KEEPALIVE const char* ec_read_orders_text(const char* data, std::size_t size, const char* options) {
    auto lang = Lang::en;
    auto text = read_orders_reply(std::string_view(data, size), options, &lang);
    if (!text) return error_reply(text.error(), lang);
    g_result = std::move(*text);
    return g_result.c_str();
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

// Two names {"a", "b", "type"?}: the same line as `exportcheck compare --batch` prints (no bundle needed).
EMSCRIPTEN_KEEPALIVE const char* ec_compare(const char* data, std::size_t size) {
    return guarded([&]() -> Result<json> {
        EC_ASSIGN_OR_RETURN(const auto pair, parse_argument(data, length(data, size), "pair"));
        return exportcheck::compare_json(pair);
    });
}

// The reseller's own list {"text", "name"?} (import format, docs/import-format.md), screened with every later
// order until replaced; empty text clears it. A list with an error changes nothing. -> {"entries", "sha256"} or null.
EMSCRIPTEN_KEEPALIVE const char* ec_set_own_list(const char* data, std::size_t size) {
    return guarded([&]() -> Result<json> {
        EC_ASSIGN_OR_RETURN(auto entries, own_list_argument(data, size));
        EC_ASSIGN_OR_RETURN(auto* e, engine());  // no_bundle before anything changes
        e->set_own_list(std::move(entries));
        return own_list_summary();
    });
}

// The own list in use: {"entries", "sha256"}, or null.
EMSCRIPTEN_KEEPALIVE const char* ec_own_list(const char*, std::size_t) {
    return guarded([]() -> Result<json> { return own_list_summary(); });
}

// Reads an own list {"text", "name"?} without using it: {"entries": [import-format objects]}; errors name
// the line and field.
EMSCRIPTEN_KEEPALIVE const char* ec_parse_own_list(const char* data, std::size_t size) {
    return guarded([&]() -> Result<json> {
        EC_ASSIGN_OR_RETURN(const auto list, own_list_argument(data, size));
        json entries = json::array();
        for (const auto& e : list) entries.push_back(exportcheck::import_list_json(e));
        return json{{"entries", entries}};
    });
}

// An own list {"text", "name"?} written as the import format's CSV (what the page exports).
EMSCRIPTEN_KEEPALIVE const char* ec_own_list_csv(const char* data, std::size_t size) {
    return guarded([&]() -> Result<json> {
        EC_ASSIGN_OR_RETURN(const auto list, own_list_argument(data, size));
        return json(exportcheck::import_list_csv(list));
    });
}

// The product catalogue of the loaded bundle's rules: [{id, kind, vendor, name, likely_eccn, ...}].
EMSCRIPTEN_KEEPALIVE const char* ec_products(const char*, std::size_t) {
    return guarded([]() -> Result<json> {
        EC_ASSIGN_OR_RETURN(const auto* e, engine());
        EC_ASSIGN_OR_RETURN(const auto* screener, e->screener());
        return exportcheck::product_list(screener->rules());
    });
}

// The countries the core knows: [{code, name}] (English names; the page and the widget show the user's
// language through Intl.DisplayNames), so no JavaScript keeps a second list.
EMSCRIPTEN_KEEPALIVE const char* ec_countries(const char*, std::size_t) {
    return guarded([]() -> Result<json> {
        json out = json::array();
        for (const auto& [code, name] : exportcheck::countries()) out.push_back({{"code", code}, {"name", name}});
        return out;
    });
}

// The documented maxima (exportcheck/limits.hpp), so that the page refuses a batch over the limit with the
// same numbers as the core and the CLI, without keeping its own copy.
EMSCRIPTEN_KEEPALIVE const char* ec_limits(const char*, std::size_t) {
    namespace limits = exportcheck::limits;
    return guarded([]() -> Result<json> {
        return json{{"name_bytes", limits::kMaxNameBytes},           {"text_field_bytes", limits::kMaxTextFieldBytes},
                    {"parties_per_order", limits::kMaxPartiesPerOrder}, {"items_per_order", limits::kMaxItemsPerOrder},
                    {"order_bytes", limits::kMaxOrderBytes},          {"orders_per_batch", limits::kMaxOrdersPerBatch}};
    });
}

// The heap, for the benchmarks (bench/wasm-heap.mjs): `peak` is the highest address the allocator has used
// (its break: it never returns memory, so this is the high-water mark, static data and stack included);
// `in_use` the bytes allocated now. The wasm memory itself grows in steps of 20%, so it can be larger.
EMSCRIPTEN_KEEPALIVE const char* ec_memory(const char*, std::size_t) {
    return guarded([]() -> Result<json> {
        const auto info = mallinfo();
        return json{{"peak", reinterpret_cast<std::uintptr_t>(sbrk(0))}, {"in_use", info.uordblks}};
    });
}

}  // extern "C"
