// An order as screening reads it (ARCHITECTURE.md, docs/orders.md): the parties with their roles, the
// items, payment, shipping route, end use and instructions. Parsed from JSON (one order), JSON lines or
// the CSV layout of docs/orders.md. A malformed order gives exportcheck::Error("bad_order") naming the
// field ("parties[1].address.country"), or for CSV the line and column; what can be read but not fully
// evaluated (an unknown country code, an unknown role) is kept as an `InputIssue`, which the report
// shows as a data-quality finding that asks for review.
#pragma once

#include <exportcheck/message.hpp>
#include <exportcheck/result.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exportcheck {

enum class Role {
    buyer,
    ship_to,
    ultimate_consignee,
    end_user,
    forwarder,
    intermediate_consignee,
    payer,
    payer_bank,
    parent,
    owner,
    other,
};
std::string_view to_string(Role role) noexcept;
// "buyer", "ship-to", "Ship To", "consignee" (ultimate_consignee), "bank" (payer_bank), ...; nothing if unknown.
std::optional<Role> role_from(std::string_view text);

struct PartyAddress {
    std::vector<std::string> lines;
    std::string city;
    std::string state;
    std::string postal_code;
    std::string country;        // ISO 3166-1 alpha-2, "" when missing or not recognised
    std::string country_input;  // as the order wrote it
    std::string type;           // "residential", "business", ... when the order says
};

struct Owner {
    std::string name;
    std::optional<double> percent;
    std::string country;
};

struct Party {
    Role role = Role::other;
    std::string role_input;       // as written
    std::string path;             // "parties[2]": names the party in messages
    std::string name;
    std::string type;             // as written: person, organization, forwarder, trading, bank, ...
    PartyAddress address;
    std::string email, phone, website, business, established;
    std::string dormant_since, reactivated;  // a company dormant for years and active again (R26), YYYY[-MM[-DD]]
    std::string headquarters_country;   // ISO alpha-2
    std::string parent_name;
    std::string parent_headquarters_country;
    std::vector<Owner> ownership;
};

struct Item {
    std::string path;             // "items[0]"
    std::string description;
    std::string model;
    std::string declared_description;  // what the shipping papers will say, when given
    double quantity = 1;
    bool quantity_given = false;
    std::optional<double> unit_price;
    std::string currency;
    std::string eccn;             // the maker's ECCN, when given
    std::optional<double> tpp;    // the chip's own figures, when the order gives them
    std::optional<double> die_area_mm2;
    std::optional<double> memory_bandwidth_gbs;
    std::optional<bool> datacenter;
};

struct Payment {
    std::string method;
    std::string from_country;     // ISO alpha-2
    std::string payer;            // a name, when the payer is not also given as a party
    std::string bank;
    std::string bank_country;
};

// Something the parser could read but the engine cannot fully evaluate, or ignored.
struct InputIssue {
    std::string field;     // "parties[1].address.country"
    std::string message;   // plain language (English)
    bool needs_review = true;
    std::string message_id;  // the catalogue's id of the message (message.hpp), and its parameters
    nlohmann::ordered_json params = nlohmann::ordered_json::object();
};

struct Order {
    std::string id;
    std::string date;                     // the order's own date, when given (YYYY-MM-DD)
    std::vector<Party> parties;
    std::vector<Item> items;
    Payment payment;
    std::vector<std::string> route;       // shipping.route: ISO alpha-2 codes in order
    std::string destination_country;      // destination / shipping.destination: used when no party gives one
    std::string end_use;
    bool end_use_given = false;
    std::string instructions;
    std::string notes;                    // the buyer's or seller's free notes: read for red flags like instructions
    std::string malaysia_permit;          // shipping.malaysia_permit: Strategic Trade Permit no. or 30-day notice (R-MY)
    nlohmann::ordered_json settings = nlohmann::ordered_json::object();  // overrides of [L] facts (see rules.hpp)
    std::vector<InputIssue> issues;

    // Parties with this role, in order.
    std::vector<const Party*> with_role(Role role) const;
};

// One order from JSON, or Error("bad_order", "<field>: <what is wrong>").
Result<Order> order_from_json(const nlohmann::ordered_json& order);

// The CSV layout of docs/orders.md to JSON orders: one row per item, order-level and party columns
// repeated or left empty on the following rows of the same order_id. Errors name the file, line and
// column: Error("bad_csv", "orders.csv line 3, column 5 (items.quantity): expected a number, got \"ten\"").
struct CsvOrder {
    nlohmann::ordered_json order;
    std::size_t line = 0;   // first line of the order
};
Result<std::vector<CsvOrder>> orders_from_csv(std::string_view csv, std::string_view file_name = "orders.csv");

// A bad row, and the fix: "orders.csv line 4, column buyer.country: ...".
struct CsvRowError {
    std::size_t line = 0;
    std::string column;   // the header as written ("" when the row as a whole is wrong)
    std::string message;  // names the file, line and column, and says what to change (English)
    Message text;         // the same as a message id and parameters, for the user's language
};
struct CsvOrders {
    std::vector<CsvOrder> orders;      // every order whose rows are all good
    std::vector<CsvRowError> errors;   // every bad row (its order is left out), in line order
};
// As orders_from_csv, but a bad row leaves out only its own order: every good order is read and every bad
// row listed. A file that is not a CSV of orders (binary, an image, no known column, an unknown column, an
// unbalanced quote, too many orders) gives Error("bad_csv") instead; an unknown column names the nearest known one. A semicolon-separated file
// is read as such. A chunk of a file's rows is read with the file's `header` line, its first row being
// file line `first_line`.
Result<CsvOrders> read_orders_csv(std::string_view csv, std::string_view file_name = "orders.csv", std::string_view header = {},
                          std::size_t first_line = 2);

}  // namespace exportcheck
