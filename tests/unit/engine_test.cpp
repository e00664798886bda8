// The Engine's text door: one file screened whole and in the chunks plan_orders_text cuts it into gives the same
// lines; limits refuse a file whole; errors name the file, line and column in the language asked for.
#include "screen_support.hpp"
#include "test_support.hpp"

#include <exportcheck/engine.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/limits.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace exportcheck;

namespace {

Engine& engine() {
    static Engine e(*test::small_bundle({}));
    return e;
}

std::vector<std::string> screen_lines(const OrdersText& in, const std::string& lang = "") {
    ScreenDefaults d;
    d.lang = lang;
    d.screened_at = "2026-07-10T09:00:00Z";
    std::vector<std::string> out;
    const auto status = engine().screen_text(in, d, [&](const OrderOutcome& o) { out.push_back(o.line_json()); });
    REQUIRE(status.ok());
    return out;
}

// The file's lines [first, first + count), joined as the page's Worker receives them.
std::string lines_of(const std::string& text, std::size_t first, std::size_t count) {
    std::vector<std::string> lines;
    for (std::size_t at = 0;;) {
        const auto end = text.find('\n', at);
        lines.push_back(text.substr(at, end == std::string::npos ? std::string::npos : end - at));
        if (end == std::string::npos) break;
        at = end + 1;
    }
    std::string out;
    for (std::size_t i = first - 1; i < first - 1 + count && i < lines.size(); ++i) out += (i > first - 1 ? "\n" : "") + lines[i];
    return out;
}

void check_chunks_match_whole(const std::string& text, const std::string& name) {
    const auto whole = screen_lines({text, name});
    const auto planned = plan_orders_text({text, name}, 1);
    REQUIRE(planned.ok());
    const auto& plan = *planned;
    std::vector<std::string> chunked;
    for (const auto& c : plan.chunks) {
        OrdersText in{};
        const auto part = lines_of(text, c.first_line, c.lines);
        in.text = part;
        in.name = name;
        in.format = plan.format;
        in.first_line = c.first_line;
        in.csv_header = plan.csv_header;
        for (auto& l : screen_lines(in)) chunked.push_back(std::move(l));
    }
    CHECK(plan.chunks.size() > 1);
    CHECK(chunked == whole);
}

}  // namespace

TEST_CASE("engine: a file in chunks as planned gives the lines of the whole file, errors included") {
    check_chunks_match_whole(test::fixture("bad-orders/malformed.jsonl"), "malformed.jsonl");
    check_chunks_match_whole(test::fixture("bad-orders/bad-cell.csv"), "bad-cell.csv");
    check_chunks_match_whole(test::fixture("bad-orders/semicolon.csv"), "semicolon.csv");
    check_chunks_match_whole(test::fixture("orders/sample-orders.csv"), "sample-orders.csv");
}

TEST_CASE("engine: errors name the file, line and column, in the language asked for") {
    const auto en = screen_lines({test::fixture("bad-orders/malformed.jsonl"), "orders.jsonl"});
    CHECK(en[1].find("\"message\":\"orders.jsonl line 2, column 61: not valid JSON: the text ends too soon\"") != std::string::npos);
    const auto fr = screen_lines({test::fixture("bad-orders/bad-cell.csv"), "commandes.csv"}, "fr");
    REQUIRE(fr.size() == 3);
    CHECK(fr[1].starts_with("{\"column\":\"item.quantity\",\"error\":{\"code\":\"bad_csv\",\"message\":\"« commandes.csv », ligne 3, colonne 5"));
}

TEST_CASE("engine: a file over the limits is refused whole, before anything is screened") {
    std::string many;
    for (std::size_t i = 0; i <= limits::kMaxOrdersPerBatch; ++i) many += "{}\n";
    std::size_t screened = 0;
    const auto status = engine().screen_text({many, "many.jsonl"}, {}, [&](const OrderOutcome&) { ++screened; });
    REQUIRE_FALSE(status.ok());
    CHECK(std::string(status.error().what()) == "many.jsonl: 100001 orders; one file is limited to 100000 orders");
    CHECK(screened == 0);
    const auto plan = plan_orders_text({many, "many.jsonl"}, 0);
    REQUIRE_FALSE(plan.ok());
    CHECK(std::string(plan.error().what()) == "many.jsonl: 100001 orders; one file is limited to 100000 orders");
    const auto photo = plan_orders_text({"\x89PNG\r\n", "photo.csv"}, 0);
    REQUIRE_FALSE(photo.ok());
    CHECK(photo.error().code() == "bad_csv");
}

TEST_CASE("engine: a text refused whole is returned, and an order refused is its outcome") {
    // A lone document the screener refuses refuses the text; in an array, only its own place.
    const auto lone = engine().screen_text({R"({"id": "x", "items": "A100"})", "one.json"}, {}, [](const OrderOutcome&) {});
    REQUIRE_FALSE(lone.ok());
    CHECK(lone.error().code() == "bad_order");
    CHECK(std::string(lone.error().what()) == "items: expected a list of items");
    const auto lines = screen_lines({R"([{"id": "x", "items": "A100"}])", "some.json"});
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("\"code\":\"bad_order\"") != std::string::npos);
    // Read only: a lone document that is not an object is refused whole.
    const auto read = read_orders_text({"[1]", "n.json"}, Lang::en, [](const OrderOutcome&) {});
    CHECK(read.ok());
    const auto scalar = read_orders_text({"7", "n.json"}, Lang::en, [](const OrderOutcome&) {});
    REQUIRE_FALSE(scalar.ok());
    CHECK(scalar.error().code() == "bad_order");
    const auto format = orders_format_from("xml");
    REQUIRE_FALSE(format.ok());
    CHECK(format.error().code() == "bad_argument");
    CHECK(*orders_format_from("jsonl") == OrdersFormat::json_lines);
}
