// The Engine's parts: a bundle, its name index, its Screener (made when first needed) and the own list.
#include <exportcheck/engine.hpp>

#include <exportcheck/error.hpp>
#include <exportcheck/match.hpp>
#include <exportcheck/own_list.hpp>
#include <exportcheck/screen.hpp>

namespace exportcheck {

Engine::Engine(Bundle bundle, const nlohmann::ordered_json* rules)
    : bundle_(std::move(bundle)), matcher_(std::make_unique<Matcher>(bundle_.entries)),
      rules_(rules ? *rules : nlohmann::ordered_json()) {}

Engine::~Engine() = default;

Result<const Screener*> Engine::screener() const {
    if (!screener_) {
        EC_ASSIGN_OR_RETURN(auto loaded, Screener::load(bundle_, *matcher_, rules_.is_null() ? nullptr : &rules_));
        screener_ = std::make_unique<Screener>(std::move(loaded));
    }
    return screener_.get();
}

void Engine::set_own_list(std::vector<Entry> entries) {
    auto own = entries.empty() ? nullptr : std::make_unique<OwnList>(entries, *matcher_);
    own_entries_ = std::move(entries);
    own_list_ = std::move(own);
}

Result<nlohmann::ordered_json> Engine::screen_json(const nlohmann::ordered_json& request) const {
    EC_ASSIGN_OR_RETURN(const auto* screener, this->screener());
    return screener->screen_json(request, own_list_.get());
}

Result<nlohmann::ordered_json> Engine::screen_request(std::string_view text, std::string_view name) const {
    EC_ASSIGN_OR_RETURN(const auto request, request_from_text(text, name));
    return screen_json(request);
}

Message message_of(const Error& e) {
    return e.message().id.empty() ? Message{"in.as_written", {{"text", e.what()}}} : e.message();
}

std::string error_line_json(std::size_t line, std::string_view order_id, std::string_view code, const Message& message,
                            Lang lang, std::string_view column) {
    nlohmann::ordered_json j;  // keys in the order the CLI always wrote them (sorted)
    if (!column.empty()) j["column"] = column;
    j["error"] = {{"code", code}, {"message", render(message, lang)}, {"message_id", message.id}, {"params", message.params}};
    j["line"] = line;
    if (!order_id.empty()) j["order_id"] = order_id;
    return json_line(j);
}

std::string json_line(const nlohmann::ordered_json& j) { return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace); }

std::string OrderOutcome::line_json() const {
    return report ? json_line(*report) : error_line_json(line, order_id, code, message, lang, column);
}

}  // namespace exportcheck
