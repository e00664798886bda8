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

#include "doors.hpp"
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
std::unique_ptr<exportcheck::Engine> g_engine;  // the loaded bundle, its name index, Screener and own list
std::string g_result;                           // the last reply; valid until the next call
}  // namespace

namespace doors {

const char* reply(const json& j) {
    g_result = exportcheck::json_line(j);
    return g_result.c_str();
}

const char* text_reply(Result<std::string> text, Lang lang) {
    if (!text) return error_reply(text.error(), lang);
    g_result = std::move(*text);
    return g_result.c_str();
}

const char* error_reply(const Error& e, Lang lang) {
    if (e.message().id.empty()) return reply({{"error", {{"code", e.code()}, {"message", e.what()}}}});
    return reply({{"error", {{"code", e.code()}, {"message", e.text(lang)}, {"message_id", e.message().id},
                             {"params", e.message().params}}}});
}

const char* guarded_call(Result<json> (*call)(void*), void* context, const Lang* lang) {
    auto r = call(context);
    if (!r) return error_reply(r.error(), lang ? *lang : Lang::en);
    return reply({{"ok", std::move(*r)}});
}


Result<exportcheck::Engine*> engine() {
    if (!g_engine) return Error("no_bundle", "no bundle is loaded");
    return g_engine.get();
}

std::size_t length(const char* data, std::size_t size) { return size ? size : std::strlen(data); }

Result<json> parse_argument(const char* data, std::size_t size, const char* what) {
    json j = json::parse(std::string_view(data, size), nullptr, false);
    if (j.is_discarded()) return Error("bad_json", std::string(what) + ": not valid JSON");
    return j;
}

std::string string_option(const json& o, const char* key, std::string fallback) {
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

Result<json> text_options(const char* options, Lang* lang) {
    EC_ASSIGN_OR_RETURN(auto o, parse_argument(options ? options : "{}", options ? std::strlen(options) : 2, "options"));
    if (!o.is_object()) return Error("bad_argument", "options: expected a JSON object");
    *lang = exportcheck::lang_from(string_option(o, "lang")).value_or(Lang::en);
    return o;
}

Result<exportcheck::OrdersText> orders_text(std::string_view text, const json& o, const std::string& name, const std::string& header) {
    exportcheck::OrdersText in{text, name};
    EC_ASSIGN_OR_RETURN(in.format, exportcheck::orders_format_from(string_option(o, "format")));
    if (const auto it = o.find("first_line"); it != o.end() && it->is_number_unsigned()) in.first_line = it->get<std::size_t>();
    in.csv_header = header;
    return in;
}

}  // namespace doors

namespace {

using namespace doors;

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
    return text_reply(std::move(text), lang);
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
