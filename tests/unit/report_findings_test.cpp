// How a report presents its findings: one finding per listed party whatever the number of roles it plays,
// and the strongest reason first (a legal bar, then a licence, then a red flag that holds the order).
#include "screen_support.hpp"
#include "test_support.hpp"

#include <exportcheck/screen.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>


using namespace exportcheck;

namespace {

nlohmann::ordered_json screen_in(const nlohmann::ordered_json& order, const char* lang = "en") {
    return test::real_screener().screen_json({{"order", order}, {"lang", lang}, {"screened_at", "2026-12-07"}}).value();
}

std::size_t count_rule(const nlohmann::ordered_json& report, const std::string& rule) {
    std::size_t n = 0;
    for (const auto& f : report["findings"]) n += f["rule"] == rule;
    return n;
}

}  // namespace

TEST_CASE("a listed party that is buyer, ship-to and ultimate consignee gives one finding naming every role") {
    auto order = test::fixture_order("list-sdn-dubai.json");
    nlohmann::ordered_json listed;
    for (const auto& p : order["parties"])
        if (p["role"] == "ship_to") listed = p;
    REQUIRE(listed.is_object());
    nlohmann::ordered_json parties = nlohmann::ordered_json::array({listed});
    for (const char* role : {"buyer", "ultimate_consignee"}) {
        auto copy = listed;
        copy["role"] = role;
        parties.push_back(copy);
    }
    order["parties"] = parties;
    const auto report = screen_in(order);
    REQUIRE(count_rule(report, "R01") == 1);
    for (const auto& f : report["findings"]) {
        if (f["rule"] != "R01") continue;
        CHECK(f["evidence"]["parties"].size() == 3);
        const auto text = f["message"].get<std::string>();
        CHECK(text.find("ship-to party") != std::string::npos);
        CHECK(text.find("buyer") != std::string::npos);
        CHECK(text.find("ultimate consignee") != std::string::npos);
    }
    const auto fr = screen_in(order, "fr");
    for (const auto& f : fr["findings"])
        if (f["rule"] == "R01") CHECK(f["message"].get<std::string>().find("l'acheteur") != std::string::npos);
}

TEST_CASE("the main reason is the strongest: a licence for a 3A090 chip to Hong Kong before a missing end use") {
    auto order = test::fixture_order("rule-a100-hong-kong.json");
    order.erase("end_use");
    const auto report = screen_in(order);
    CHECK(report["decision"] == "blocked");  // the hold on the missing end-use statement still stops the order
    REQUIRE(!report["findings"].empty());
    const auto first = report["findings"][0];
    CHECK(first["kind"] == "license");
    CHECK(report["summary"].get<std::string>().starts_with("This order needs a US export licence"));
    bool r06_after = false;
    for (std::size_t i = 1; i < report["findings"].size(); ++i) r06_after |= report["findings"][i]["rule"] == "R06";
    CHECK(r06_after);
}
