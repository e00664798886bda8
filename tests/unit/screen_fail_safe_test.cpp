// Fail safe: an order the engine cannot fully evaluate asks for review and is never `clear`. Each case
// starts from a control order that screens clear against the real lists and changes one thing, so a
// test cannot pass for some unrelated reason: the finding that asks for review is named too.
#include "screen_support.hpp"
#include "test_support.hpp"

#include <exportcheck/error.hpp>
#include <exportcheck/screen.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>


using namespace exportcheck;
using json = nlohmann::ordered_json;

namespace {

// A German buyer of two laptops for its office: nothing to find.
json control_order() {
    return json::parse(R"({"id": "FAIL-SAFE", "date": "2026-07-01",
        "parties": [{"role": "buyer", "name": "Meridian Components GmbH", "type": "organization",
                     "address": {"lines": ["Industriestrasse 7"], "city": "Stuttgart", "postal_code": "70565", "country": "DE"}}],
        "items": [{"description": "Lenovo ThinkPad laptop", "quantity": 2, "unit_price": 1400, "currency": "USD"}],
        "end_use": "office computers for our engineers"})");
}

nlohmann::ordered_json screen_order(const json& order) { return test::real_screener().screen_json(order).value(); }

// The review-or-stricter finding with this rule, or null.
const nlohmann::ordered_json* finding(const nlohmann::ordered_json& report, const std::string& rule) {
    for (const auto& f : report["findings"])
        if (f["rule"] == rule && f["severity"] != "info" && f["severity"] != "cleared") return &f;
    return nullptr;
}

// Screens the order, checks it asks for review with a review finding of this rule, and returns that finding.
nlohmann::ordered_json expect_review(const json& order, const std::string& rule) {
    const auto r = screen_order(order);
    CHECK(r["decision"] == "review");
    const auto* f = finding(r, rule);
    REQUIRE_MESSAGE(f, "no ", rule, " finding in ", r["findings"].dump());
    CHECK((*f)["severity"] == "review");
    return *f;
}

}  // namespace

TEST_CASE("fail safe: the control order is clear") {
    const auto r = screen_order(control_order());
    CHECK(r["decision"] == "clear");
}

TEST_CASE("fail safe: an unknown destination country asks for review, never clear") {
    for (const std::string country : {"XZ", "Narnia", "U.S.S.R."}) {
        CAPTURE(country);
        auto order = control_order();
        order["parties"].push_back({{"role", "ship_to"}, {"name", "Meridian Components GmbH"}, {"address", {{"country", country}}}});
        expect_review(order, "DQ-COUNTRY");
    }
    // The same for chips that need a licence in much of the world: where they go is exactly what is unknown.
    auto order = control_order();
    order["items"] = json::parse(R"([{"description": "NVIDIA H100 SXM5 80GB", "quantity": 8}])");
    order["parties"][0]["address"]["country"] = "Atlantis";
    const auto r = screen_order(order);
    CHECK(r["decision"] != "clear");
    CHECK(finding(r, "DQ-COUNTRY"));
}

TEST_CASE("fail safe: an unclassified item that looks like a datacenter part asks for review, never clear") {
    for (const std::string item : {"NVIDIA SXM5 module 80GB", "HGX baseboard", "AI accelerator card", "OAM accelerator module",
                             "8-GPU server, HBM3"}) {
        CAPTURE(item);
        auto order = control_order();
        order["items"] = json::array({{{"description", item}, {"quantity", 4}}});
        const auto r = screen_order(order);
        CHECK(r["decision"] != "clear");
        CHECK_MESSAGE(finding(r, "DQ-UNCLASSIFIED"), "no DQ-UNCLASSIFIED finding in ", r["findings"].dump());
    }
}

TEST_CASE("fail safe: a party without a name, or not readable as a party, is refused naming the field") {
    auto refused = [](const json& parties) {
        auto order = control_order();
        order["parties"] = parties;
        const auto report = test::real_screener().screen_json(order);
        if (report.ok()) return std::string("screened");
        CHECK(report.error().code() == "bad_order");
        return std::string(report.error().what());
    };
    CHECK(refused(json::parse(R"([{"role": "buyer", "name": ""}])")).starts_with("parties[0].name: missing"));
    CHECK(refused(json::parse(R"([{"role": "buyer", "name": " \t "}])")).starts_with("parties[0].name: missing"));
    CHECK(refused(json::parse(R"([{"role": "buyer", "name": {"first": "A"}}])")).starts_with("parties[0].name: expected text"));
    CHECK(refused(json::parse(R"([{"role": "buyer", "name": "Meridian Components GmbH", "country": "DE"}, 42])"))
              .starts_with("parties[1]: expected an object"));
}

TEST_CASE("fail safe: a party name the lists cannot be searched for (punctuation, symbols, a bare legal form) asks for review") {
    for (const std::string name : {"...", "-/-", "???", "\xE2\x80\x94", "\xF0\x9F\x99\x82\xF0\x9F\x99\x82", "Ltd.", "X"}) {
        CAPTURE(name);
        auto order = control_order();
        order["parties"][0]["name"] = name;
        const auto f = expect_review(order, "DQ-NAME");
        CHECK(f["evidence"]["field"] == "parties[0].name");
        CHECK(f["evidence"]["citation"].get<std::string>().find("Supp. No. 3") != std::string::npos);
    }
    // The same for a parent, an owner and a payer named only by punctuation.
    auto order = control_order();
    order["parties"][0]["parent"] = {{"name", "***"}, {"headquarters_country", "DE"}};
    CHECK(expect_review(order, "DQ-NAME")["evidence"]["field"] == "parties[0].parent.name");
    order = control_order();
    order["parties"][0]["ownership"] = json::parse(R"([{"name": "--", "percent": 60}])");
    CHECK(expect_review(order, "DQ-NAME")["evidence"]["field"] == "parties[0].ownership[0].name");
    order = control_order();
    order["payment"] = {{"method", "wire transfer"}, {"payer", "."}, {"from_country", "DE"}};
    CHECK(expect_review(order, "DQ-NAME")["evidence"]["field"] == "payment.payer");
}
