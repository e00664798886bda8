// What the wasm module's doors share (bindings.cpp, and hot_doors.cpp for the per-order and per-name ones):
// the replies (written into one buffer, valid until the next call), the loaded Engine, and the reading of
// arguments and options.
#pragma once

#include <exportcheck/engine.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/result.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace doors {

using json = nlohmann::ordered_json;
using exportcheck::Error;
using exportcheck::Lang;
using exportcheck::Result;

// Replies are written as json_line writes them (invalid UTF-8 replaced, never refused): a reply always reaches JavaScript.
const char* reply(const json& j);
// {"error": {code, message, message_id?, params?}}, the message in `lang` when it has a catalogue id.
const char* error_reply(const Error& e, Lang lang);
// A reply the door wrote as JSON text itself ({"ok": ...}), or its Error in `lang`.
const char* text_reply(Result<std::string> text, Lang lang);

// One copy of the reply writing for every entry point (a template here cost ~4 KB of wasm per call site): the
// call arrives as a plain function pointer and the caller's lambda as its context. The core returns its
// errors (exportcheck/result.hpp): the wasm is built without exception handling. An error with a message id
// comes in the language at *lang (set by the call once it has read it; English when null).
const char* guarded_call(Result<json> (*call)(void*), void* context, const Lang* lang);
template <class F>
const char* guarded(F&& f, const Lang* lang = nullptr) {
    return guarded_call([](void* context) -> Result<json> { return (*static_cast<std::remove_reference_t<F>*>(context))(); },
                        const_cast<void*>(static_cast<const void*>(&f)), lang);
}

// The loaded Engine, or no_bundle.
Result<exportcheck::Engine*> engine();
// The argument's length: NUL-terminated when no size is given (a caller passing only the pointer).
std::size_t length(const char* data, std::size_t size);
Result<json> parse_argument(const char* data, std::size_t size, const char* what);
std::string string_option(const json& o, const char* key, std::string fallback = {});
bool bool_option(const json& o, const char* key);
// The options argument of a text door (ec_screen_text, ec_plan_text, ec_read_orders_text): JSON, or none; *lang
// becomes the language it names, so that a refusal after this is told in it.
Result<json> text_options(const char* options, Lang* lang);
// The options of a text of orders: {name?, format?, first_line?, csv_header?}.
Result<exportcheck::OrdersText> orders_text(std::string_view text, const json& o, const std::string& name, const std::string& header);

}  // namespace doors
