// The Engine's text door: orders as one JSON document, JSON lines or CSV, each screened or reported with an
// error that names the file, the line and the field, in the language asked for. The limits (limits.hpp) are
// applied here, before anything is screened, so a file over them is refused whole, never screened in part;
// plan_orders_text applies the same ones when a file is cut into chunks for the batch workers. A text refused
// whole is the returned Error; an order refused is an outcome like a report (neither is thrown).
#include <exportcheck/engine.hpp>

#include <exportcheck/error.hpp>
#include <exportcheck/limits.hpp>
#include <exportcheck/order.hpp>
#include <exportcheck/screen.hpp>

#include <algorithm>

namespace exportcheck {
namespace {

using json = nlohmann::ordered_json;
using nlohmann::ordered_json;

// Numbers in input errors travel as text (a line number never reads "1,234"): see messages_input.inc.

// Wraps a bare order with the defaults; a full request {order, ...} keeps its own (and gets the language).
json request_for(json order, const ScreenDefaults& d) {
    if (order.is_object() && order.contains("order")) {
        if (!d.lang.empty() && !order.contains("lang")) order["lang"] = d.lang;
        return order;
    }
    json r = {{"order", std::move(order)}};
    if (!d.lang.empty()) r["lang"] = d.lang;
    if (!d.clearances.is_null()) r["clearances"] = d.clearances;
    if (!d.settings.is_null()) r["settings"] = d.settings;
    if (!d.screened_at.empty()) r["screened_at"] = d.screened_at;
    return r;
}

Lang default_lang(const ScreenDefaults& d) { return lang_from(d.lang).value_or(Lang::en); }

// The order's id as an error line names it: "id" or "order_id", a string or a number.
std::string order_id_of(const json& order) {
    const auto id = order.is_object() ? order.value("id", order.value("order_id", json())) : json();
    return id.is_string() ? id.get<std::string>() : id.is_number() ? id.dump() : "";
}

ordered_json nested(const Message& m) { return msg(m.id, m.params); }

Error too_many(std::string_view name, std::size_t orders) {
    return Error("bad_order", Message{"in.too_many_orders", {{"file", name}, {"n", std::to_string(orders)},
                                                            {"max", std::to_string(limits::kMaxOrdersPerBatch)}}});
}

std::size_t count_lines(std::string_view text) {
    std::size_t n = 0;
    for_each_line(text, [&](std::size_t, std::string_view) { ++n; });
    return n;
}

// One JSON document of orders: an array, or a lone order or request.
Result<json> json_document(const OrdersText& in) {
    if (in.text.size() > limits::kMaxOrderBytes * 16)
        return Error("bad_order", Message{"in.json_too_big", {{"file", in.name}, {"size", std::to_string(in.text.size())}}});
    EC_ASSIGN_OR_RETURN(auto j, parse_json_text(in.text, in.name, in.first_line));
    if (j.is_array() && j.size() > limits::kMaxOrdersPerBatch) return too_many(in.name, j.size());
    if (!j.is_array() && in.text.size() > limits::kMaxOrderBytes)
        EC_RETURN_IF_ERROR(request_from_text(in.text, in.name));  // refused as one order
    return j;
}

OrdersFormat format_of(const OrdersText& in) {
    return in.format == OrdersFormat::detect ? orders_format(in.name, in.text) : in.format;
}

// Reads a text of orders and screens each one, or with no engine only reads them (read_orders_text).
struct Run {
    const Engine* engine;  // null: read only
    const OrdersText& in;
    const ScreenDefaults& defaults;
    const std::function<void(const OrderOutcome&)>& each;

    // Screens one order; a refusal is told as `where` with the screener's message inside.
    template <class Where>
    void screen(json order, std::size_t line, std::string_view as_written, Where where) const {
        OrderOutcome o;
        o.line = line;
        o.order_id = order_id_of(order);
        o.read = order.is_object();
        if (in.keep_orders || !engine) o.order_text = as_written.empty() ? order.dump() : std::string(as_written);
        if (!engine) return read_only(std::move(o), where);
        const auto request = request_for(std::move(order), defaults);
        o.lang = request_lang(request);
        const auto report = engine->screen_json(request);
        if (report.ok()) {
            o.report = &*report;
        } else {
            o.code = report.error().code();
            o.message = where(nested(message_of(report.error())));
        }
        each(o);
    }
    // Read only: an order is a JSON object; the screener judges the rest.
    template <class Where>
    void read_only(OrderOutcome o, Where where) const {
        if (!o.read) return refuse(std::move(o), "bad_order", where(msg("in.field", {{"field", "order"}, {"what", msg("in.expected_json_object")}})));
        o.lang = default_lang(defaults);
        each(o);
    }
    void refuse(OrderOutcome o, std::string code, Message message) const {
        o.code = std::move(code);
        o.message = std::move(message);
        o.lang = default_lang(defaults);
        o.read = false;
        each(o);
    }

    Status json_text() const {
        EC_ASSIGN_OR_RETURN(auto j, json_document(in));
        if (j.is_array()) {
            for (std::size_t i = 0; i < j.size(); ++i)
                screen(std::move(j[i]), i + 1, {}, [&](ordered_json what) {
                    return Message{"in.array_order", {{"file", in.name}, {"n", std::to_string(i + 1)}, {"what", std::move(what)}}};
                });
            return {};
        }
        // A lone order: refused as a whole, with the screener's own message (as one order given as text).
        OrderOutcome o;
        o.order_id = order_id_of(j);
        if (in.keep_orders || !engine) o.order_text = std::string(in.text);
        if (!engine) {
            if (!j.is_object()) return Error("bad_order", Message{"in.field", {{"field", "order"}, {"what", msg("in.expected_json_object")}}});
            o.lang = default_lang(defaults);
            each(o);
            return {};
        }
        const auto request = request_for(std::move(j), defaults);
        o.lang = request_lang(request);
        EC_ASSIGN_OR_RETURN(const auto report, engine->screen_json(request));
        o.report = &report;
        each(o);
        return {};
    }

    Status json_lines() const {
        if (const auto n = count_lines(in.text); n > limits::kMaxOrdersPerBatch) return too_many(in.name, n);
        for_each_line(in.text, [&](std::size_t number, std::string_view line) {
            OrderOutcome o;
            o.line = number;
            const auto where = [&](ordered_json what) {
                return Message{"in.line", {{"file", in.name}, {"line", std::to_string(number)}, {"what", std::move(what)}}};
            };
            if (line.size() > limits::kMaxOrderBytes)
                return refuse(o, "bad_order", where(msg("in.order_too_big", {{"size", std::to_string(line.size())},
                                                                            {"max", std::to_string(limits::kMaxOrderBytes)}})));
            auto order = parse_json_text(line, in.name, number);
            if (!order.ok()) return refuse(o, order.error().code(), order.error().message());
            screen(std::move(*order), number, line, where);
        }, in.first_line);
        return {};
    }

    Status csv() const {
        EC_ASSIGN_OR_RETURN(const auto read, read_orders_csv(in.text, in.name, in.csv_header, in.csv_header.empty() ? 2 : in.first_line));
        std::size_t e = 0;
        const auto errors_before = [&](std::size_t line) {
            for (; e < read.errors.size() && read.errors[e].line < line; ++e) {
                OrderOutcome o;
                o.line = read.errors[e].line;
                o.column = read.errors[e].column;
                refuse(o, "bad_csv", read.errors[e].text);
            }
        };
        for (const auto& c : read.orders) {
            errors_before(c.line);
            const auto id = c.order.value("id", "");
            screen(c.order, c.line, {}, [&](ordered_json what) {
                return Message{"in.csv_order", {{"file", in.name}, {"id", id}, {"line", std::to_string(c.line)}, {"what", std::move(what)}}};
            });
        }
        errors_before(static_cast<std::size_t>(-1));
        return {};
    }
};

Status run_text(const Run& run) {
    switch (format_of(run.in)) {
        case OrdersFormat::csv: return run.csv();
        case OrdersFormat::json_lines: return run.json_lines();
        default: return run.json_text();
    }
}

}  // namespace

OrdersFormat orders_format(std::string_view name, std::string_view text) {
    if (name.ends_with(".csv")) return OrdersFormat::csv;
    if (name.ends_with(".jsonl") || name.ends_with(".ndjson")) return OrdersFormat::json_lines;
    if (name.ends_with(".json")) return OrdersFormat::json;
    // Another name (stdin): a CSV header starts with a letter; JSON with { or [; several lines of objects
    // that are not one document are JSON lines.
    const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first == std::string_view::npos) return OrdersFormat::json;
    if (text[first] != '{' && text[first] != '[') return OrdersFormat::csv;
    return json::accept(text) ? OrdersFormat::json : OrdersFormat::json_lines;
}

Result<OrdersFormat> orders_format_from(std::string_view word) {
    if (word.empty()) return OrdersFormat::detect;
    if (word == "csv") return OrdersFormat::csv;
    if (word == "jsonl") return OrdersFormat::json_lines;
    if (word == "json") return OrdersFormat::json;
    return Error("bad_argument", "format: expected csv, jsonl or json");
}

std::string_view to_string(OrdersFormat f) noexcept {
    switch (f) {
        case OrdersFormat::csv: return "csv";
        case OrdersFormat::json_lines: return "jsonl";
        case OrdersFormat::json: return "json";
        case OrdersFormat::detect: break;
    }
    return "";
}

Status Engine::screen_text(const OrdersText& in, const ScreenDefaults& defaults,
                           const std::function<void(const OrderOutcome&)>& each) const {
    return run_text(Run{this, in, defaults, each});
}

Status read_orders_text(const OrdersText& in, Lang lang, const std::function<void(const OrderOutcome&)>& each) {
    ScreenDefaults defaults;
    defaults.lang = std::string(to_string(lang));
    return run_text(Run{nullptr, in, defaults, each});
}

Result<OrdersPlan> plan_orders_text(const OrdersText& in, std::size_t per_chunk, std::size_t workers) {
    const auto chunk_for = [&](std::size_t total) {
        if (per_chunk) return per_chunk;
        const auto up = [](std::size_t a, std::size_t b) { return (a + b - 1) / b; };
        return std::max<std::size_t>(1, std::min({std::size_t{100}, up(total, 100), up(total, std::max<std::size_t>(workers, 1))}));
    };
    OrdersPlan plan;
    plan.format = format_of(in);
    const auto lines = static_cast<std::size_t>(std::count(in.text.begin(), in.text.end(), '\n')) + 1;
    const auto whole = [&](std::size_t orders) {
        plan.orders = orders;
        plan.chunks.push_back({in.first_line, lines, orders});
        return plan;
    };
    if (plan.format == OrdersFormat::json) {
        EC_ASSIGN_OR_RETURN(const auto j, json_document(in));
        return whole(j.is_array() ? j.size() : 1);
    }
    if (plan.format == OrdersFormat::json_lines) {
        plan.orders = count_lines(in.text);
        if (plan.orders > limits::kMaxOrdersPerBatch) return too_many(in.name, plan.orders);
        per_chunk = chunk_for(plan.orders);
        std::size_t start = in.first_line, count = 0;
        for_each_line(in.text, [&](std::size_t number, std::string_view) {
            if (count == per_chunk) {
                plan.chunks.push_back({start, number - start, count});
                start = number;
                count = 0;
            }
            ++count;
        }, in.first_line);
        if (count) plan.chunks.push_back({start, in.first_line + lines - start, count});
        return plan;
    }
    // CSV: read whole once (a file that is not a CSV of orders is refused here), then cut where an order starts.
    EC_ASSIGN_OR_RETURN(const auto read, read_orders_csv(in.text, in.name));
    per_chunk = chunk_for(read.orders.size());
    const auto header = in.text.substr(0, in.text.find('\n'));
    // Rows cut apart would hide an error the whole file shows (an order's rows apart), and a quoted header or
    // a lone CR line end counts lines otherwise than a cut by '\n': read such a file as one chunk.
    const bool cuttable = std::count(header.begin(), header.end(), '"') % 2 == 0 &&
                          std::none_of(read.errors.begin(), read.errors.end(), [](const CsvRowError& e) {
                              return e.text.params.contains("what") && e.text.params["what"].dump().find("in.csv_id_repeated") != std::string::npos;
                          });
    bool lone_cr = false;
    for (std::size_t i = 0; i < in.text.size() && !lone_cr; ++i)
        lone_cr = in.text[i] == '\r' && (i + 1 == in.text.size() || in.text[i + 1] != '\n');
    if (!cuttable || lone_cr || read.orders.size() <= per_chunk) return whole(read.orders.size());
    plan.orders = read.orders.size();
    plan.csv_header = std::string(header);
    std::size_t start = in.first_line + 1;
    for (std::size_t i = per_chunk; i < read.orders.size(); i += per_chunk) {
        plan.chunks.push_back({start, read.orders[i].line - start, per_chunk});
        start = read.orders[i].line;
    }
    plan.chunks.push_back({start, in.first_line + lines - start, plan.orders - (plan.chunks.size() * per_chunk)});
    return plan;
}

}  // namespace exportcheck
