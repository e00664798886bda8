#include "match_commands.hpp"

#include "files.hpp"

#include <exportcheck/bundle.hpp>
#include <exportcheck/engine.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/match.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace exportcheck::cli {
namespace {

using json = nlohmann::ordered_json;

std::size_t top_option(const Args& a) {
    const auto v = a.get("top");
    if (!v) return kDefaultTop;
    std::size_t used = 0;
    long long n = -1;
    try {
        n = std::stoll(*v, &used);
    } catch (const std::exception&) {
    }
    if (n < 0 || used != v->size()) throw UsageError("--top needs a whole number, 0 or more");
    return static_cast<std::size_t>(n);
}

// Runs `one` on every non-blank line of a JSON-lines file (the Engine's reader, so lines and errors read as
// in `screen`). A bad line gives an error line naming it (and the exit code 1); the other lines are still
// answered, so results stay aligned with the input.
template <class F>
int each_line(const std::string& path, std::ostream& out, std::ostream& err, F&& one) {
    const auto text = read_input(path);
    const std::string name = path == "-" ? "stdin" : path;
    int status = 0;
    for_each_line(text, [&](std::size_t number, std::string_view line) {
        const auto answer = [&]() -> Result<json> {
            EC_ASSIGN_OR_RETURN(const auto j, parse_json_text(line, name, number));
            return one(j);
        }();
        if (answer.ok()) {
            out << json_line(*answer) << '\n';
            return;
        }
        // A syntax error names the file and line already; any other is told as on that line.
        const auto& code = answer.error().code();
        const auto inner = message_of(answer.error());
        const auto message = code == "bad_json" ? inner
            : Message{"in.line", {{"file", name}, {"line", std::to_string(number)}, {"what", msg(inner.id, inner.params)}}};
        out << error_line_json(number, "", code, message, Lang::en) << '\n';
        err << "exportcheck: " << render(message, Lang::en) << " [" << code << "]\n";
        status = 1;
    });
    return status;
}

}  // namespace

int match_command(const Args& a, std::ostream& out, std::ostream& err) {
    a.only({"bundle", "name", "type", "country", "dob", "top", "batch"});
    if (!a.positional().empty()) throw UsageError("match takes no positional arguments (use --name or --batch)");
    const auto top = top_option(a);
    const auto batch = a.get("batch");
    if (batch.has_value() == a.get("name").has_value()) throw UsageError("match needs either --name or --batch");
    const auto bundle = read_bundle(read_bundle_bytes(a.require("bundle"))).value();
    const Matcher matcher(bundle.entries);
    if (batch) return each_line(*batch, out, err, [&](const json& q) { return match_json(matcher, q, top); });
    if (a.get("country") && a.get("country")->empty()) throw UsageError("--country needs a value");
    json query = {{"name", *a.get("name")}};
    for (const char* f : {"type", "country", "dob"})
        if (const auto v = a.get(f)) query[f] = *v;
    out << match_json(matcher, query, top).value().dump() << '\n';
    return 0;
}

int compare_command(const Args& a, std::ostream& out, std::ostream& err) {
    a.only({"type", "batch"});
    if (const auto batch = a.get("batch")) {
        if (!a.positional().empty()) throw UsageError("compare --batch takes no names");
        return each_line(*batch, out, err, [](const json& pair) { return compare_json(pair); });
    }
    if (a.positional().size() != 2) throw UsageError("compare needs two names (or --batch PAIRS.jsonl)");
    json pair = {{"a", a.positional()[0]}, {"b", a.positional()[1]}};
    if (const auto t = a.get("type")) pair["type"] = *t;
    out << compare_json(pair).value().dump() << '\n';
    return 0;
}

}  // namespace exportcheck::cli
