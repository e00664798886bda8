// The one door into the core that every entry point drives (the CLI, the wasm bindings, and through them the
// JS API and the batch workers): a bundle, its name index, its Screener and the reseller's own list, taking
// orders as text and giving JSON. The same text gives the same bytes, errors included, wherever it comes from;
// every error is a catalogue message (message.hpp) rendered in the language asked for.
//
//   Engine engine(read_bundle(bytes).value());             // rules from the bundle, or Engine(bundle, &rules)
//   engine.set_own_list(parse_own_list({{csv, "own.csv"}}).value());
//   engine.screen_text({text, "orders.jsonl"}, {}, [](const OrderOutcome& o) { std::puts(o.line_json().c_str()); });
#pragma once

#include <exportcheck/bundle.hpp>
#include <exportcheck/entry.hpp>
#include <exportcheck/message.hpp>
#include <exportcheck/result.hpp>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace exportcheck {

class Matcher;
class OwnList;
class Screener;

// How a text of orders is written: one JSON document (an order, a request, or an array of them), JSON lines
// (one order or request per line), or the CSV order layout (docs/orders.md).
enum class OrdersFormat { detect, json, json_lines, csv };
// From the file name's extension (.csv, .jsonl/.ndjson, .json), else from the text: a CSV header starts with
// a letter; lines of objects that are not one JSON document are JSON lines.
OrdersFormat orders_format(std::string_view name, std::string_view text);
// "csv", "jsonl", "json" or "" (detect); Error("bad_argument") for another word.
Result<OrdersFormat> orders_format_from(std::string_view word);
std::string_view to_string(OrdersFormat f) noexcept;

// A text of orders: a whole file, or a chunk of one (whole lines; for CSV whole orders, with the header).
struct OrdersText {
    std::string_view text;
    std::string_view name = "orders";  // the file's name, in every error
    OrdersFormat format = OrdersFormat::detect;
    std::size_t first_line = 1;         // the file line `text` starts at
    std::string_view csv_header;        // a chunk of CSV rows: the file's header line ("": `text` starts with it)
    bool keep_orders = false;           // fill OrderOutcome::order_text (what the page stores with a report)
};

// What a bare order is screened with (a full request {order, ...} keeps its own).
struct ScreenDefaults {
    nlohmann::ordered_json clearances;  // null: none
    nlohmann::ordered_json settings;    // null: none
    std::string screened_at;    // "": none
    std::string lang;           // "": English, and none named in the request
};

// One order of a text: its report, or why it was not screened.
struct OrderOutcome {
    std::size_t line = 0;          // the file line (JSON lines, CSV), the place in an array (from 1); 0: a lone document
    std::string order_id;          // when it could be read
    std::string order_text;        // the order as JSON when one was read and OrdersText::keep_orders ("" otherwise)
    bool read = true;              // false: the text holds no order here (not JSON, a bad CSV row)
    const nlohmann::ordered_json* report = nullptr;  // when screened (valid during the callback only)
    std::string code;              // when refused: "bad_json", "bad_order", "bad_csv" ...
    std::string column;            // a bad CSV cell's column, as its header names it
    Message message;               // when refused: names the file, the line and the field
    Lang lang = Lang::en;          // the language the message is shown in

    bool ok() const noexcept { return report != nullptr; }
    std::string text() const { return render(message, lang); }
    // The output line: the compact report, or {"column"?, "error": {code, message, message_id, params}, "line", "order_id"?}.
    std::string line_json() const;
};

// How a text of orders is cut into chunks of whole orders for the batch workers (each chunk is screened by
// Engine::screen_text with first_line and csv_header set). Counting happens here: a file over the limits
// (limits.hpp) is refused whole (the Error) before anything is screened.
struct OrdersPlan {
    OrdersFormat format = OrdersFormat::json;
    std::size_t orders = 0;       // orders to screen (JSON lines: non-blank lines)
    std::string csv_header;       // the CSV header line
    struct Chunk {
        std::size_t first_line = 1, lines = 0, orders = 0;  // file lines [first_line, first_line + lines)
    };
    std::vector<Chunk> chunks;
};
// orders_per_chunk 0: about a hundred chunks of at most 100 orders, and at least one chunk per worker.
Result<OrdersPlan> plan_orders_text(const OrdersText& in, std::size_t orders_per_chunk, std::size_t workers = 1);

class Engine {
public:
    // The rules documents come from `rules` when given, else from the bundle (checked when first screening).
    explicit Engine(Bundle bundle, const nlohmann::ordered_json* rules = nullptr);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    const Bundle& bundle() const noexcept { return bundle_; }
    const Matcher& matcher() const noexcept { return *matcher_; }
    // Built on first use (a bundle without rules can still be matched against); Error("rules_missing") or
    // Error("rules_invalid") when the rules cannot be loaded (asked again on the next call).
    Result<const Screener*> screener() const;

    // The reseller's own list, screened with every order from now on; no entries: none.
    void set_own_list(std::vector<Entry> entries);
    const OwnList* own_list() const noexcept { return own_list_.get(); }
    const std::vector<Entry>& own_entries() const noexcept { return own_entries_; }

    // One request (an order, or {order, clearances?, settings?, screened_at?, lang?}) as text -> its report,
    // or Error("bad_json" / "bad_order" / ...) naming `name` when the text cannot be read or screened.
    Result<nlohmann::ordered_json> screen_request(std::string_view text, std::string_view name = "order") const;
    Result<nlohmann::ordered_json> screen_json(const nlohmann::ordered_json& request) const;

    // Every order of a text, in input order: `each` gets its report or its error. The Error when the text is
    // refused whole (over the limits, not a CSV of orders, a lone document that cannot be screened): nothing
    // is then screened in part.
    Status screen_text(const OrdersText& in, const ScreenDefaults& defaults,
                     const std::function<void(const OrderOutcome&)>& each) const;

private:
    Bundle bundle_;
    std::unique_ptr<Matcher> matcher_;
    nlohmann::ordered_json rules_;
    mutable std::unique_ptr<Screener> screener_;
    std::vector<Entry> own_entries_;
    std::unique_ptr<OwnList> own_list_;
};

// Every order of a text read, none screened (the JS API's parseOrders), with the limits and errors of
// Engine::screen_text: `each` gets an order as written (OrderOutcome::order_text), or why a line or row holds
// none (read false). The Error when the text is refused whole.
Status read_orders_text(const OrdersText& in, Lang lang, const std::function<void(const OrderOutcome&)>& each);

// JSON text -> value. A syntax error gives Error("bad_json") worded from the catalogue: where (the file, its line
// and column, counted from first_line) and why (an ill-formed UTF-8 byte, an early end, a number too large,
// a syntax error), never the parser's own English nor the bytes read.
Result<nlohmann::ordered_json> parse_json_text(std::string_view text, std::string_view name, std::size_t first_line = 1);

// Every line of JSON-lines text that is not blank ('\r' line ends dropped), numbered from first_line.
void for_each_line(std::string_view text, const std::function<void(std::size_t number, std::string_view line)>& f,
                   std::size_t first_line = 1);

// A report or an output line as compact JSON text, as the CLI prints it and the wasm returns it; bytes that are
// not UTF-8 (none should reach a report) are written as U+FFFD rather than refused.
std::string json_line(const nlohmann::ordered_json& j);

// The error line of JSON-lines output, as OrderOutcome::line_json writes it (match --batch, compare --batch).
std::string error_line_json(std::size_t line, std::string_view order_id, std::string_view code, const Message& message,
                            Lang lang, std::string_view column = {});
// An Error as a message, whether or not it has a catalogue id (then its English text stands as is).
Message message_of(const Error& e);

}  // namespace exportcheck
