// The bad-input catalogue (tests/bad-inputs/catalogue.json): each file is refused with the named error
// or handled the documented safe way, natively and in wasm alike.
#include "test_support.hpp"

#include "../fuzz/targets.hpp"

#include <exportcheck/error.hpp>
#include <exportcheck/limits.hpp>
#include <exportcheck/order.hpp>
#include <exportcheck/screen.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace {

std::string bad_input(const std::string& name) {
    return exportcheck::test::read_file(std::string(EXPORTCHECK_FIXTURES) + "/../bad-inputs/" + name);
}

}  // namespace

TEST_CASE("bad inputs: every catalogue case gets its error or its documented handling") {
    const auto catalogue = nlohmann::ordered_json::parse(bad_input("catalogue.json"));
    for (const auto& c : catalogue["cases"]) {
        const auto file = c["file"].get<std::string>();
        CAPTURE(file);
#ifdef __EMSCRIPTEN__
        if (c.value("native_only", false)) continue;  // the .xlsx lists: read by the native CLI only
#endif
        const auto* target = exportcheck::fuzz::find_target(c["parser"].get<std::string>());
#ifdef __EMSCRIPTEN__
        if (!target) continue;  // a list parser: native only (the browser reads bundles)
#endif
        REQUIRE(target);
        const auto input = bad_input(file);
        const auto status = target->run(input);
        if (c.contains("error")) {
            REQUIRE_MESSAGE(!status.ok(), "accepted, but should be refused with ", c["error"]);
            const auto& e = status.error();
            CHECK(exportcheck::fuzz::message_is_utf8(e));
            CHECK(e.code() == c["error"].get<std::string>());
            CHECK(std::string(e.what()).find(c["message"].get<std::string>()) != std::string::npos);
        } else {
            CHECK_MESSAGE(status.ok(), "refused: ", status.ok() ? "" : status.error().what());
            if (c.contains("decision")) {  // an order: screened with the real rules, and asking for review
                const auto report = exportcheck::fuzz::fixture_screener().screen_json(exportcheck::request_from_text(input).value()).value();
                CHECK(report["decision"] == c["decision"].get<std::string>());
                const auto rule = c["finding"].get<std::string>();
                CHECK_MESSAGE(std::any_of(report["findings"].begin(), report["findings"].end(),
                                          [&](const auto& f) { return f["rule"] == rule && f["severity"] == "review"; }),
                              "no ", rule, " review finding in ", report["findings"].dump());
            }
            if (c.contains("orders")) CHECK(exportcheck::orders_from_csv(input).value().size() == c["orders"].get<std::size_t>());
        }
    }
}

TEST_CASE("bad inputs: the documented safe handlings hold") {
    const auto csl = exportcheck::parse_csl_csv(bad_input("csl-bom-mixed-line-endings.csv"));
    REQUIRE(csl.size() == 2);
    CHECK(csl[0].name == "First Co");
    CHECK(csl[0].addresses[0].country == "CN");
    CHECK(csl[1].name == "Second Co");
    const auto latin1 = exportcheck::parse_import_list(bad_input("import-latin1-bytes.csv"), "import-latin1-bytes.csv").value();
    REQUIRE(latin1.size() == 1);
    CHECK(latin1[0].name == "Soci\u00e9t\u00e9 G\u00e9n\u00e9rale d\u2019Import");
    const auto orders = exportcheck::orders_from_csv(bad_input("orders-bom-mixed-line-endings.csv")).value();
    REQUIRE(orders.size() == 2);
    CHECK(orders[0].order["id"] == "A-1");
    CHECK(orders[1].order["items"].size() == 2);
    CHECK(orders[1].order["items"][1]["description"] == "USB keyboard");
    CHECK(exportcheck::orders_from_csv(bad_input("orders-latin1-bytes.csv")).value()[0].order["parties"][0]["name"] ==
          "M\u00fcller Ger\u00e4tebau GmbH");
}

TEST_CASE("bad inputs: 100,000 rows, a 10 MB name") {
    std::string csv = "list,source_id,name,country\n";
    for (int i = 0; i < 100'000; ++i) csv += "OWN," + std::to_string(i) + ",Customer Number " + std::to_string(i) + ",SG\n";
    CHECK(exportcheck::parse_import_list(csv, "big.csv").value().size() == 100'000);

    const std::string huge(10 * 1024 * 1024, 'x');
    const auto refused = exportcheck::parse_import_list("list,source_id,name\nOWN,1," + huge + "\n", "huge.csv");
    REQUIRE_FALSE(refused.ok());
    CHECK(std::string(refused.error().what()).find("huge.csv: line 2: field `name`: is 10485760 bytes long; names are limited to 1024 bytes") !=
          std::string::npos);
}

TEST_CASE("bad inputs: an order CSV of 100,000 orders is read; one more is refused") {
    std::string csv = "order_id,buyer.name,buyer.country,item.description\n";
    for (int i = 0; i < 100'000; ++i) csv += "SO-" + std::to_string(i) + ",Customer " + std::to_string(i) + ",SG,laptop\n";
    CHECK(exportcheck::orders_from_csv(csv, "big.csv").value().size() == exportcheck::limits::kMaxOrdersPerBatch);
    csv += "SO-one-more,Customer,SG,laptop\n";
    const auto more = exportcheck::orders_from_csv(csv, "big.csv");
    REQUIRE_FALSE(more.ok());
    CHECK(std::string(more.error().what()).find("big.csv line 100002: more than 100000 orders in one file") != std::string::npos);
}

TEST_CASE("bad inputs: an order with a 10 MB name is refused, as text and as parsed JSON") {
    const std::string huge(10 * 1024 * 1024, 'x');
    const std::string text = R"({"id": "HUGE", "parties": [{"role": "buyer", "name": ")" + huge + R"(", "country": "DE"}],
        "items": [{"description": "laptop"}]})";
    const auto as_text = exportcheck::request_from_text(text);
    REQUIRE_FALSE(as_text.ok());
    CHECK(std::string(as_text.error().what()).find("one order is limited to 1048576 bytes") != std::string::npos);
    const auto as_json = exportcheck::fuzz::fixture_screener().screen_json(nlohmann::ordered_json::parse(text));
    REQUIRE_FALSE(as_json.ok());
    CHECK(std::string(as_json.error().what()).find("parties[0].name: is 10485760 bytes long; names are limited to 1024 bytes") !=
          std::string::npos);
}

TEST_CASE("bad inputs: text that is not JSON is refused saying where and why, in a message that is valid UTF-8") {
    auto refusal = [](const std::string& text) {
        const auto request = exportcheck::request_from_text(text);
        if (request.ok()) return std::string("accepted");
        CHECK(request.error().code() == "bad_json");
        CHECK(exportcheck::fuzz::message_is_utf8(request.error()));
        return std::string(request.error().what());
    };
    // Where (line and column, in characters) and why in the catalogue's words: never the parser's English
    // nor the bytes it read.
    CHECK(refusal("{\"id\": \"M\xFCller\"}") == "order line 1, column 10: not valid JSON: ill-formed UTF-8 byte");
    CHECK(refusal("{\"id\": \"\xC3\xA9t\xC3\xA9\",, }") == "order line 1, column 14: not valid JSON: syntax error");
    CHECK(refusal("{\n  \"id\": \"A\",\n  \"items\": [") == "order line 3, column 13: not valid JSON: the text ends too soon");
    // A number too large for a double (found by the screener fuzzer: it escaped as a JSON library exception).
    CHECK(refusal("{\"quantity\": 1e99999}") == "order line 1, column 20: not valid JSON: number too large");
    CHECK(refusal("{\"quantity\": 1" + std::string(5000, '0') + "e99999}").size() < 300);
}
