// JSON text as every entry point reads it: one order, or one line of JSON lines. A syntax error says where
// (file, line, column) and why in the catalogue's words, never the parser's English nor the bytes it read,
// so the message is valid UTF-8 and reads the same in the CLI and in the page.
#include <exportcheck/engine.hpp>

#include <exportcheck/error.hpp>
#include <exportcheck/result.hpp>

#include <algorithm>
#include <string>

namespace exportcheck {
namespace {

// Accepts any JSON and records where and how the parser stopped (a second pass, on the error path only).
struct ErrorSax {
    std::size_t position = 0;
    int id = 0;              // nlohmann's exception id: 101.. parse errors, 406 a number out of range
    bool utf8 = false;

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(std::int64_t) { return true; }
    bool number_unsigned(std::uint64_t) { return true; }
    bool number_float(double, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(std::vector<std::uint8_t>&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(std::string&) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t at, const std::string&, const nlohmann::detail::exception& e) {
        position = at;
        id = e.id;
        utf8 = std::string_view(e.what()).find("UTF-8") != std::string_view::npos;  // to classify, never shown
        return false;
    }
};


}  // namespace

Result<nlohmann::ordered_json> parse_json_text(std::string_view text, std::string_view name, std::size_t first_line) {
    auto value = nlohmann::ordered_json::parse(text, nullptr, false);
    if (!value.is_discarded()) return value;
    ErrorSax sax;
    (void)nlohmann::ordered_json::sax_parse(text, &sax);
    const bool at_end = sax.position >= text.size() && sax.id != 406;
    const std::string_view kind = sax.id == 406 ? "number" : sax.utf8 ? "utf8" : at_end ? "end" : "syntax";
    // The byte at fault (the parser counts from 1); at the end, just past the last one.
    const std::size_t at = at_end ? text.size() : std::min(sax.position > 0 ? sax.position - 1 : 0, text.size());
    const auto before = text.substr(0, at);
    const auto line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
    std::size_t column = 1;  // in characters: UTF-8 continuation bytes do not count
    for (const char c : before.substr(line_start))
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
    const auto line = first_line + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    return Error("bad_json", Message{"in.json_syntax", {{"file", name}, {"line", std::to_string(line)}, {"col", std::to_string(column)},
                                                        {"why", msg("in.json_why", {{"kind", kind}})}}});
}

void for_each_line(std::string_view text, const std::function<void(std::size_t, std::string_view)>& f,
                   std::size_t first_line) {
    std::size_t number = first_line;
    for (std::size_t at = 0; at < text.size(); ++number) {
        const auto end = std::min(text.find('\n', at), text.size());
        auto line = text.substr(at, end - at);
        at = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") != std::string_view::npos) f(number, line);
    }
}

}  // namespace exportcheck
