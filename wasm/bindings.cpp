// The core's API for JavaScript: plain C functions taking and returning UTF-8 JSON, so the boundary is
// one tiny, typed-by-contract surface (see web/core.js). Every call returns {"ok": ...} or
// {"error": {"code", "message"}}; no C++ exception ever reaches JavaScript.
#include <exportcheck/bundle.hpp>
#include <exportcheck/error.hpp>

#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace {

using nlohmann::json;

std::unique_ptr<exportcheck::Bundle> g_bundle;
std::string g_result;  // the last result; valid until the next call

const char* reply(const json& j) {
    g_result = j.dump();
    return g_result.c_str();
}

template <class F>
const char* guarded(F&& f) {
    try {
        return reply({{"ok", f()}});
    } catch (const exportcheck::Error& e) {
        return reply({{"error", {{"code", e.code()}, {"message", e.what()}}}});
    } catch (const std::bad_alloc&) {
        return reply({{"error", {{"code", "out_of_memory"}, {"message", "out of memory"}}}});
    } catch (const std::exception& e) {
        return reply({{"error", {{"code", "internal"}, {"message", e.what()}}}});
    }
}

const exportcheck::Bundle& loaded() {
    if (!g_bundle) throw exportcheck::Error("no_bundle", "no bundle is loaded");
    return *g_bundle;
}

}  // namespace

extern "C" {

// Loads (decompressed) bundle bytes; the previous bundle stays if these are rejected.
EMSCRIPTEN_KEEPALIVE const char* ec_load_bundle(const char* data, std::size_t size) {
    return guarded([&] {
        auto bundle = std::make_unique<exportcheck::Bundle>(exportcheck::read_bundle(std::string_view(data, size)));
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

}  // extern "C"
