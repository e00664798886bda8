// A screening request as text, read the same way by every entry point that gets text (the wasm export,
// the fuzz targets): refused beyond the order size limit; when it is not JSON, the error says where and
// why (an invalid UTF-8 byte, a missing quote) without echoing the bad bytes, so the message itself is
// always valid UTF-8 and can travel in a JSON reply.
#include <exportcheck/csv.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/limits.hpp>
#include <exportcheck/screen.hpp>

#include <fmt/format.h>

namespace exportcheck {

nlohmann::json request_from_text(std::string_view text, std::string_view what) {
    if (text.size() > limits::kMaxOrderBytes)
        throw Error("bad_order", Message{"in.field", {{"field", what},
                                                      {"what", msg("in.order_too_big", {{"size", std::to_string(text.size())},
                                                                                        {"max", std::to_string(limits::kMaxOrderBytes)}})}}});
    auto request = nlohmann::json::parse(text, nullptr, false);
    if (!request.is_discarded()) return request;
    // Only on the error path: parse again to learn where and why. Not only parse_error: a number too large
    // for a double is out_of_range.406 (fuzz: screener).
    std::string detail;
    try {
        (void)nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error while parsing value -
        // invalid string: ill-formed UTF-8 byte; last read: '...'": keep the middle, never the bytes read.
        std::string message = e.what();
        if (const auto at = message.find("] "); message.starts_with("[json.exception.") && at != std::string::npos)
            message.erase(0, at + 2);
        if (const auto last = message.find("; last read"); last != std::string::npos) message.erase(last);
        if (message.size() > 200) {  // "number overflow parsing '<the whole number>'": enough to find it
            std::size_t cut = 200;
            while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;
            message = message.substr(0, cut) + "...";
        }
        detail = to_utf8(message);
    }
    throw Error("bad_json", Message{"in.field", {{"field", what}, {"what", msg("in.not_json", {{"detail", detail}})}}});
}

Lang request_lang(const nlohmann::json& request) noexcept {
    if (!request.is_object()) return Lang::en;
    const auto it = request.find("lang");
    if (it == request.end() || !it->is_string()) return Lang::en;
    return lang_from(it->get_ref<const std::string&>()).value_or(Lang::en);
}

}  // namespace exportcheck
