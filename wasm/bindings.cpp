// The core's API for JavaScript: plain C functions taking and returning UTF-8 JSON, so the boundary is
// one tiny, typed-by-contract surface (see web/core.js). Every call returns {"ok": ...} or
// {"error": {"code", "message"}}; no C++ exception ever reaches JavaScript.
#include <exportcheck/bundle.hpp>
#include <exportcheck/classify.hpp>
#include <exportcheck/countries.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/limits.hpp>
#include <exportcheck/lists.hpp>
#include <exportcheck/match.hpp>
#include <exportcheck/order.hpp>
#include <exportcheck/own_list.hpp>
#include <exportcheck/screen.hpp>

#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>

#include <malloc.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>

namespace {

using nlohmann::json;

std::unique_ptr<exportcheck::Bundle> g_bundle;
std::unique_ptr<exportcheck::Screener> g_screener;  // built on first use for the loaded bundle
std::unique_ptr<exportcheck::Matcher> g_matcher;    // the name index of the loaded bundle, built when it loads
std::vector<exportcheck::Entry> g_own_entries;        // the reseller's own list as last set
std::unique_ptr<exportcheck::OwnList> g_own_list;    // its index over the loaded bundle's word rarity; null when empty
std::string g_result;  // the last result; valid until the next call

// Replies are dumped as ordered_json, the reports' type: converted from json its keys stay sorted, so the text
// is the same, and the wasm carries one JSON serializer instead of two.
const char* reply(const nlohmann::ordered_json& j) {
    g_result = j.dump();
    return g_result.c_str();
}

// One copy of the error handling for every entry point (a template here cost ~4 KB of wasm per call site):
// the call arrives as a plain function pointer and the caller's lambda as its context. An error with a
// message id comes in the language at *lang (set by the call once it has read it; English when null).
const char* guarded_call(json (*call)(void*), void* context, const exportcheck::Lang* lang) {
    try {
        return reply({{"ok", nlohmann::ordered_json(call(context))}});
    } catch (const exportcheck::Error& e) {
        if (e.message().id.empty()) return reply({{"error", {{"code", e.code()}, {"message", e.what()}}}});
        return reply({{"error", {{"code", e.code()}, {"message", e.text(lang ? *lang : exportcheck::Lang::en)},
                                 {"message_id", e.message().id}, {"params", e.message().params}}}});
    } catch (const std::bad_alloc&) {
        return reply({{"error", {{"code", "out_of_memory"}, {"message", "out of memory"}}}});
    } catch (const std::exception& e) {
        return reply({{"error", {{"code", "internal"}, {"message", e.what()}}}});
    }
}

template <class F>
const char* guarded(F&& f, const exportcheck::Lang* lang = nullptr) {
    return guarded_call([](void* context) -> json { return (*static_cast<std::remove_reference_t<F>*>(context))(); },
                        const_cast<void*>(static_cast<const void*>(&f)), lang);
}

const exportcheck::Bundle& loaded() {
    if (!g_bundle) throw exportcheck::Error("no_bundle", "no bundle is loaded");
    return *g_bundle;
}

// The Screener of the loaded bundle: its rules loaded once per bundle, sharing the bundle's name index.
const exportcheck::Screener& screener() {
    if (!g_screener) {
        const auto& bundle = loaded();  // throws no_bundle before the matcher is touched
        g_screener = std::make_unique<exportcheck::Screener>(bundle, *g_matcher);
    }
    return *g_screener;
}

const exportcheck::Matcher& matcher() {
    loaded();
    return *g_matcher;
}

// The argument's length: NUL-terminated when no size is given (a caller passing only the pointer).
std::size_t length(const char* data, std::size_t size) { return size ? size : std::strlen(data); }

json parse_argument(const char* data, std::size_t size, const char* what) {
    json j = json::parse(std::string_view(data, size), nullptr, false);
    if (j.is_discarded()) throw exportcheck::Error("bad_json", std::string(what) + ": not valid JSON");
    return j;
}

// An own list argument {"text": CSV or JSON lines, "name"?: file name for errors} -> its entries.
std::vector<exportcheck::Entry> own_list_argument(const char* data, std::size_t size) {
    const auto j = parse_argument(data, length(data, size), "own list");
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string())
        throw exportcheck::Error("bad_argument", "own list: expected {\"text\": CSV or JSON lines, \"name\"?: file name}");
    const auto name = j.contains("name") && j["name"].is_string() ? j["name"].get<std::string>() : std::string("own list");
    const auto& text = j["text"].get_ref<const std::string&>();
    return exportcheck::parse_own_list({{text, name}});
}

json own_list_summary() { return g_own_list ? json(g_own_list->summary()) : json(nullptr); }

}  // namespace

extern "C" {

// Loads (decompressed) bundle bytes; the previous bundle stays if these are rejected. Takes `data` (from
// malloc) and frees it as soon as it is read, whatever the outcome: the raw bytes (13 MiB for the default
// bundle) are gone before the name index is built, so the heap never holds both (issue 14: <= 100 MiB).
EMSCRIPTEN_KEEPALIVE const char* ec_load_bundle(char* data, std::size_t size) {
    std::unique_ptr<char, decltype(&std::free)> owned(data, &std::free);
    return guarded([&] {
        auto bundle = std::make_unique<exportcheck::Bundle>(exportcheck::read_bundle(std::string_view(data, size)));
        owned.reset();
        auto matcher = std::make_unique<exportcheck::Matcher>(bundle->entries);  // refers to the new entries
        // The own list stays, weighed by the new bundle's word rarity.
        auto own = g_own_entries.empty() ? nullptr : std::make_unique<exportcheck::OwnList>(g_own_entries, *matcher);
        g_screener.reset();
        g_own_list = std::move(own);
        g_matcher = std::move(matcher);
        g_bundle = std::move(bundle);
        return exportcheck::bundle_info(*g_bundle);
    });
}

EMSCRIPTEN_KEEPALIVE const char* ec_info() {
    return guarded([] { return exportcheck::bundle_info(loaded()); });
}

EMSCRIPTEN_KEEPALIVE const char* ec_version() {
    return guarded([] { return json(EXPORTCHECK_VERSION); });
}

// Screens one order, or {order, clearances?, settings?, screened_at?}; the report's bytes are those of
// `exportcheck screen --compact` (its keys stay in report order, so it is written here, not through reply()).
EMSCRIPTEN_KEEPALIVE const char* ec_screen(const char* data, std::size_t size) {
    auto lang = exportcheck::Lang::en;  // a refused order is told in the language it asked for
    try {
        const auto request = exportcheck::request_from_text(std::string_view(data, length(data, size)));
        lang = exportcheck::request_lang(request);
        const auto report = screener().screen_json(request, g_own_list.get());
        g_result = "{\"ok\":" + report.dump() + "}";
        return g_result.c_str();
    } catch (...) {
        return guarded([]() -> json { throw; }, &lang);
    }
}

// {"text": CSV, "name"?: the uploaded file's name, "lang"?: "en" | "fr"} -> {"orders": [...], "errors": [{line,
// column, message, message_id, params}]}: every good order read, every bad row listed with its line, column
// and fix (a bad row leaves out its order), the messages in `lang`, as is a file refused as a whole.
EMSCRIPTEN_KEEPALIVE const char* ec_read_orders_csv(const char* data, std::size_t size) {
    auto lang = exportcheck::Lang::en;
    return guarded([&] {
        const auto j = parse_argument(data, length(data, size), "orders");
        if (!j.is_object() || !j.contains("text") || !j["text"].is_string())
            throw exportcheck::Error("bad_argument", "orders: expected {\"text\": CSV, \"name\"?: file name, \"lang\"?}");
        lang = exportcheck::request_lang(j);
        const auto name = j.contains("name") && j["name"].is_string() ? j["name"].get<std::string>() : std::string("orders.csv");
        auto read = exportcheck::read_orders_csv(j["text"].get<std::string>(), name);
        json orders = json::array(), errors = json::array();
        for (auto& o : read.orders) orders.push_back(std::move(o.order));
        for (const auto& e : read.errors)
            errors.push_back({{"line", e.line}, {"column", e.column}, {"message", exportcheck::render(e.text, lang)},
                              {"message_id", e.text.id}, {"params", e.text.params}});
        return json{{"orders", orders}, {"errors", errors}};
    }, &lang);
}

// One name query {"name", "type"?, "country"?, "dob"?, "top"?, ...} against the loaded bundle: the same result
// line as `exportcheck match --batch` prints for it ({"query", "hits"}).
EMSCRIPTEN_KEEPALIVE const char* ec_match(const char* data, std::size_t size) {
    return guarded([&] {
        return exportcheck::match_json(matcher(), parse_argument(data, length(data, size), "query"));
    });
}

// Two names {"a", "b", "type"?}: the same line as `exportcheck compare --batch` prints (no bundle needed).
EMSCRIPTEN_KEEPALIVE const char* ec_compare(const char* data, std::size_t size) {
    return guarded([&] {
        return exportcheck::compare_json(parse_argument(data, length(data, size), "pair"));
    });
}

// The reseller's own list {"text", "name"?} (import format, docs/import-format.md), screened with every later
// order until replaced; empty text clears it. A list with an error changes nothing. -> {"entries", "sha256"} or null.
EMSCRIPTEN_KEEPALIVE const char* ec_set_own_list(const char* data, std::size_t size) {
    return guarded([&] {
        auto entries = own_list_argument(data, size);
        const auto& base = matcher();  // throws no_bundle before anything changes
        auto own = entries.empty() ? nullptr : std::make_unique<exportcheck::OwnList>(entries, base);
        g_own_entries = std::move(entries);
        g_own_list = std::move(own);
        return own_list_summary();
    });
}

// The own list in use: {"entries", "sha256"}, or null.
EMSCRIPTEN_KEEPALIVE const char* ec_own_list(const char*, std::size_t) {
    return guarded([] { return own_list_summary(); });
}

// Reads an own list {"text", "name"?} without using it: {"entries": [import-format objects]}; errors name
// the line and field.
EMSCRIPTEN_KEEPALIVE const char* ec_parse_own_list(const char* data, std::size_t size) {
    return guarded([&] {
        json entries = json::array();
        for (const auto& e : own_list_argument(data, size)) entries.push_back(exportcheck::import_list_json(e));
        return json{{"entries", entries}};
    });
}

// An own list {"text", "name"?} written as the import format's CSV (what the page exports).
EMSCRIPTEN_KEEPALIVE const char* ec_own_list_csv(const char* data, std::size_t size) {
    return guarded([&] { return json(exportcheck::import_list_csv(own_list_argument(data, size))); });
}

// The product catalogue of the loaded bundle's rules: [{id, kind, vendor, name, likely_eccn, ...}].
EMSCRIPTEN_KEEPALIVE const char* ec_products(const char*, std::size_t) {
    return guarded([] { return exportcheck::product_list(screener().rules()); });
}

// The countries the core knows: [{code, name}] (English names; the page and the widget show the user's
// language through Intl.DisplayNames), so no JavaScript keeps a second list.
EMSCRIPTEN_KEEPALIVE const char* ec_countries(const char*, std::size_t) {
    return guarded([] {
        json out = json::array();
        for (const auto& [code, name] : exportcheck::countries()) out.push_back({{"code", code}, {"name", name}});
        return out;
    });
}

// The documented maxima (exportcheck/limits.hpp), so that the page refuses a batch over the limit with the
// same numbers as the core and the CLI, without keeping its own copy.
EMSCRIPTEN_KEEPALIVE const char* ec_limits(const char*, std::size_t) {
    namespace limits = exportcheck::limits;
    return guarded([] {
        return json{{"name_bytes", limits::kMaxNameBytes},           {"text_field_bytes", limits::kMaxTextFieldBytes},
                    {"parties_per_order", limits::kMaxPartiesPerOrder}, {"items_per_order", limits::kMaxItemsPerOrder},
                    {"order_bytes", limits::kMaxOrderBytes},          {"orders_per_batch", limits::kMaxOrdersPerBatch}};
    });
}

// The heap, for the benchmarks (bench/wasm-heap.mjs): `peak` is the highest address the allocator has used
// (its break: it never returns memory, so this is the high-water mark, static data and stack included);
// `in_use` the bytes allocated now. The wasm memory itself grows in steps of 20%, so it can be larger.
EMSCRIPTEN_KEEPALIVE const char* ec_memory(const char*, std::size_t) {
    return guarded([] {
        const auto info = mallinfo();
        return json{{"peak", reinterpret_cast<std::uintptr_t>(sbrk(0))}, {"in_use", info.uordblks}};
    });
}

}  // extern "C"
