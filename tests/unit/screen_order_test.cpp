// Reading orders: JSON with errors that name the field, the CSV layout with errors that name line and
// column, and what can be read but not evaluated (kept as review issues).
#include "test_support.hpp"

#include <exportcheck/error.hpp>
#include <exportcheck/order.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace exportcheck;
using json = nlohmann::ordered_json;

namespace {

std::string order_error(const json& order) {
    const auto read = order_from_json(order);
    if (read.ok()) return "";
    CHECK(read.error().code() == "bad_order");
    return read.error().what();
}
std::string order_error(const char* text) { return order_error(json::parse(text)); }

std::string csv_error(const std::string& text) {
    const auto read = orders_from_csv(text, "orders.csv");
    if (read.ok()) return "";
    CHECK(read.error().code() == "bad_csv");
    return read.error().what();
}

}  // namespace

TEST_CASE("order JSON: parties, items, payment, route, end use") {
    const auto o = order_from_json(json::parse(test::fixture("orders/case-alx-solutions.json"))).value();
    CHECK(o.id == "CASE-ALX-2023-09");
    REQUIRE(o.parties.size() == 3);
    CHECK(o.parties[1].role == Role::ultimate_consignee);
    CHECK(o.parties[1].address.country == "SG");
    CHECK(o.parties[1].address.type == "residential");
    CHECK(o.items[0].quantity == 40);
    CHECK(o.items[0].unit_price == 42000);
    CHECK(o.payment.from_country == "HK");
    CHECK(o.route == std::vector<std::string>{"SG", "MY"});
    CHECK(o.end_use == "resale");
    CHECK(o.with_role(Role::payer).size() == 1);
}

TEST_CASE("order JSON: lenient where it costs nothing") {
    const auto o = order_from_json(json::parse(R"({
        "id": 42,
        "buyer": {"name": "A", "address": "1 Road, Town", "country": "Germany"},
        "parties": [{"role": "Ship-To", "name": "B", "address": {"line1": "2 Street", "zip": "1000", "country": "be"}}],
        "items": [{"description": "NVIDIA A100", "quantity": "8", "datacenter": "yes"}, "RTX 4090"],
        "instructions": ["handle with care", "call before delivery"]})")).value();
    CHECK(o.id == "42");
    REQUIRE(o.parties.size() == 2);
    // JSON objects are read in key order: "buyer" comes before "parties".
    CHECK(o.parties[0].role == Role::buyer);
    CHECK(o.parties[0].address.country == "DE");
    CHECK(o.parties[1].role == Role::ship_to);
    CHECK(o.parties[1].address.country == "BE");
    CHECK(o.items[0].quantity == 8);
    CHECK(o.items[0].datacenter == true);
    CHECK(o.items[1].description == "RTX 4090");
    CHECK(o.instructions == "handle with care; call before delivery");
}

TEST_CASE("order JSON: malformed input names the field") {
    CHECK(order_error(R"([1, 2])").starts_with("order:"));
    CHECK(order_error(R"({"id": "x", "parties": {}})").starts_with("parties:"));
    CHECK(order_error(R"({"id": "x", "parties": [{"name": "A"}]})").starts_with("parties[0].role: missing"));
    CHECK(order_error(R"({"id": "x", "parties": [{"role": "buyer"}]})").starts_with("parties[0].name: missing"));
    CHECK(order_error(R"({"id": "x", "items": [{"description": "A100", "quantity": "ten"}]})")
              .starts_with("items[0].quantity: expected a number, got \"ten\""));
    CHECK(order_error(R"({"id": "x", "items": [{"description": "A100", "quantity": 0}]})").starts_with("items[0].quantity"));
    CHECK(order_error(R"({"id": "x", "items": [{"quantity": 1}]})").starts_with("items[0].description: missing"));
    CHECK(order_error(R"({"id": "x", "items": [{"description": "A100", "datacenter": "maybe"}]})")
              .starts_with("items[0].datacenter"));
    CHECK(order_error(R"({"id": "x", "parties": [{"role": "buyer", "name": "A", "ownership": [{"name": "O", "percent": 150}]}]})")
              .starts_with("parties[0].ownership[0].percent"));
}

TEST_CASE("order JSON: what cannot be evaluated is kept as a review issue naming the field") {
    const auto o = order_from_json(json::parse(R"({"id": "x",
        "parties": [{"role": "buyer", "name": "A", "address": {"country": "Atlantis"}},
                    {"role": "broker", "name": "B", "address": {"country": "DE"}},
                    {"role": "end_user", "name": "C"}],
        "items": [{"description": "laptop", "colour": "blue"}]})")).value();
    auto issue = [&](const std::string& field) -> const InputIssue* {
        for (const auto& i : o.issues)
            if (i.field == field) return &i;
        return nullptr;
    };
    REQUIRE(issue("parties[0].address.country"));
    CHECK(issue("parties[0].address.country")->needs_review);
    REQUIRE(issue("parties[1].role"));
    CHECK(o.parties[1].role == Role::other);
    REQUIRE(issue("parties[2].address.country"));
    CHECK(issue("parties[2].address.country")->needs_review);
    REQUIRE(issue("items[0].colour"));
    CHECK_FALSE(issue("items[0].colour")->needs_review);
}

TEST_CASE("CSV layout: one row per item, the rows of an order grouped by order_id") {
    const auto orders = orders_from_csv(test::fixture("orders/sample-orders.csv"), "sample-orders.csv").value();
    REQUIRE(orders.size() == 4);
    const auto& first = orders[0].order;
    CHECK(first["id"] == "CSV-1001");
    CHECK(orders[0].line == 2);
    CHECK(first["items"].size() == 2);
    CHECK(first["items"][1]["quantity"] == 2);
    CHECK(first["parties"][0]["role"] == "buyer");
    CHECK(first["parties"][0]["address"]["lines"][0] == "Grand Front Osaka Tower A 35F, 4-20 Ofukacho");
    CHECK(first["parties"][1]["role"] == "end_user");
    CHECK(orders[3].order["shipping"]["route"] == json({"SG", "MY"}));
    // Every CSV order reads as an order.
    for (const auto& o : orders) CHECK(order_from_json(o.order).ok());
}

TEST_CASE("CSV layout: errors name the line and the column") {
    const std::string header = "order_id,buyer.name,buyer.country,item.description,item.quantity\n";
    CHECK(csv_error(header + "A,Acme,DE,A100,ten\n") ==
          "orders.csv line 2, column 5 (item.quantity): expected a number, got \"ten\"");
    CHECK(csv_error("order_id,buyer.nmae\nA,x\n").starts_with("orders.csv line 1, column 2: unknown column \"buyer.nmae\""));
    CHECK(csv_error(header + "A,Acme,DE,A100,1\nA,Other,DE,H100,1\n") ==
          "orders.csv line 3, column 2 (buyer.name): \"Other\" differs from \"Acme\" on line 2 of the same order");
    CHECK(csv_error(header + "A,Acme,DE,A100,1\nB,Beta,DE,A100,1\nA,Acme,DE,A100,1\n")
              .starts_with("orders.csv line 4, column 1 (order_id): order \"A\" appeared on earlier lines"));
    CHECK(csv_error(header + ",Acme,DE,A100,1\n").starts_with("orders.csv line 2, column 1 (order_id): missing"));
    CHECK(csv_error(header + "A,Acme,DE,,1\n").starts_with("orders.csv line 2, column 4 (item.description): missing"));
    CHECK(csv_error(header + "A,Acme,DE,A100,1,extra\n").starts_with("orders.csv line 2: 6 fields"));
    CHECK(csv_error("buyer.name\nAcme\n").starts_with("orders.csv line 1: no order_id column"));
}

TEST_CASE("bad orders: limits, negative numbers, invalid bytes (see exportcheck/limits.hpp)") {
    CHECK(order_error(R"({"id": "x", "items": [{"description": "A100", "quantity": -2}]})").starts_with("items[0].quantity"));
    CHECK(order_error(R"({"id": "x", "items": [{"description": "A100", "unit_price": -1}]})").starts_with("items[0].unit_price"));
    // A 10 MB name is refused, naming the field and the limit, not screened slowly or truncated.
    json big = {{"id", "x"}, {"parties", {{{"role", "buyer"}, {"name", std::string(10 * 1024 * 1024, 'a')}}}}};
    CHECK(order_error(big).starts_with("parties[0].name: is 10485760 bytes long; names are limited to 1024 bytes"));
    json many = {{"id", "x"}, {"parties", json::array()}};
    for (int i = 0; i < 65; ++i) many["parties"].push_back({{"role", "buyer"}, {"name", "P"}});
    CHECK(order_error(many).find("an order is limited to 64") != std::string::npos);
    // Invalid UTF-8 in a CSV file is read as Latin-1 and screened; in JSON the parser refuses it.
    const auto orders = orders_from_csv(std::string("order_id,buyer.name,buyer.country,item.description\nA,M\xFCller GmbH,DE,laptop\n")).value();
    REQUIRE(orders.size() == 1);
    CHECK(orders[0].order["parties"][0]["name"] == "M\xC3\xBCller GmbH");
    CHECK(csv_error("order_id,buyer.name,item.description\nA," + std::string(2000, 'x') + ",laptop\n")
              .starts_with("orders.csv line 2, column 2 (buyer.name): is 2000 bytes long; names are limited to 1024 bytes"));
}

TEST_CASE("order CSV: a bad row leaves out only its order; every bad row is listed with its line and column") {
    const std::string header = "order_id,buyer.name,buyer.country,item.description,item.quantity\n";
    const auto read = read_orders_csv(header + "A,Acme,DE,A100,1\nB,Beta,FR,H100,ten\nC,Gamma,JP,L4,2\nD,Delta,US,,1\n",
                                      "commandes.csv").value();
    REQUIRE(read.orders.size() == 2);
    CHECK(read.orders[0].order["id"] == "A");
    CHECK(read.orders[1].order["id"] == "C");
    REQUIRE(read.errors.size() == 2);
    CHECK(read.errors[0].line == 3);
    CHECK(read.errors[0].column == "item.quantity");
    CHECK(read.errors[0].message == "commandes.csv line 3, column 5 (item.quantity): expected a number, got \"ten\"");
    CHECK(read.errors[1].line == 5);
    CHECK(read.errors[1].column == "item.description");
    // The strict reader still refuses the file at its first bad row.
    CHECK(csv_error(header + "A,Acme,DE,A100,1\nB,Beta,FR,H100,ten\n").starts_with("orders.csv line 3"));
}

TEST_CASE("order CSV: the nearest column, a semicolon file, and files that are not CSVs of orders") {
    const auto near = csv_error("order_id,buyer.nam\nA,x\n");
    CHECK(near.find("did you mean \"buyer.name\"?") != std::string::npos);
    CHECK(near.find("docs/") == std::string::npos);
    const auto semi = read_orders_csv("order_id;buyer.name;buyer.country;item.description;item.quantity\nA;Acme;DE;A100;1\n").value();
    REQUIRE(semi.orders.size() == 1);
    CHECK(semi.orders[0].order["parties"][0]["name"] == "Acme");
    CHECK(csv_error(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)).find("not a CSV of orders") != std::string::npos);
    CHECK(csv_error("Dear supplier,\nplease find our order attached.\n").find("not a CSV of orders") != std::string::npos);
}

TEST_CASE("order JSON: a value of an unexpected type is a refusal naming the field, never an exception") {
    // Each of these once reached a nlohmann call that throws on the wrong type; the browser build has no
    // exceptions, so each must come back as the Error.
    CHECK(order_error(R"({"id": "x", "shipping": {"route": [{"country": {"code": "SG"}}]}})")
              .starts_with("shipping.route[0].country: expected text"));
    CHECK(order_error(R"({"id": "x", "parties": [{"role": "buyer", "name": "A", "address": {"lines": [["1 Road"]]}}]})")
              .starts_with("parties[0].address.lines[0]: expected text"));
    CHECK(order_error(R"({"id": "x", "buyer": [{"name": "A"}, 7]})").starts_with("buyer[1]: expected an object"));
    CHECK(order_error(R"({"id": "x", "instructions": [{}]})").starts_with("instructions[0]: expected text"));
    CHECK(order_error(R"({"id": ["x"]})").starts_with("id: expected text"));
    // The first field refused is the one named, as when reading stopped there.
    CHECK(order_error(R"({"id": "x", "items": [{"quantity": "ten"}], "parties": {}})").starts_with("items[0].quantity"));
}

TEST_CASE("order JSON: a number where text is expected is written as its shortest digits") {
    const auto o = order_from_json(json::parse(R"({"id": 1.5, "parties": [{"role": "buyer", "name": 1e20,
        "address": {"postal_code": 75001, "city": 0.0001}}], "items": [{"model": 100.0}]})")).value();
    CHECK(o.id == "1.5");
    CHECK(o.parties[0].name == "1e+20");
    CHECK(o.parties[0].address.postal_code == "75001");
    CHECK(o.parties[0].address.city == "0.0001");
    CHECK(o.items[0].model == "100");
}
