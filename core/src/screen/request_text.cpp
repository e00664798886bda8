// A screening request as text, read the same way by every entry point that gets text (the Engine, the fuzz
// targets): refused beyond the order size limit; when it is not JSON, the error says where and why
// (parse_json_text) without echoing the bad bytes.
#include <exportcheck/engine.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/limits.hpp>
#include <exportcheck/screen.hpp>

namespace exportcheck {

Result<nlohmann::ordered_json> request_from_text(std::string_view text, std::string_view what) {
    if (text.size() > limits::kMaxOrderBytes)
        return Error("bad_order", Message{"in.field", {{"field", what},
                                                      {"what", msg("in.order_too_big", {{"size", std::to_string(text.size())},
                                                                                        {"max", std::to_string(limits::kMaxOrderBytes)}})}}});
    return parse_json_text(text, what);
}

Lang request_lang(const nlohmann::ordered_json& request) noexcept {
    if (!request.is_object()) return Lang::en;
    const auto it = request.find("lang");
    if (it == request.end() || !it->is_string()) return Lang::en;
    return lang_from(it->get_ref<const std::string&>()).value_or(Lang::en);
}

}  // namespace exportcheck
