// The diversion red flags of the brief (§4) an order can show, one test per flag with its citation. Each
// fires with its inputs in the evidence.
#include "screen_support.hpp"
#include <exportcheck/checks.hpp>
#include <exportcheck/report.hpp>
#include <exportcheck/screen.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>


using namespace exportcheck;
using exportcheck::test::find_rule;
using json = nlohmann::ordered_json;

namespace {

// A plain, clean order of H100s from a Japanese datacenter; each test changes one thing.
json base() {
    return json::parse(R"({
      "id": "RF",
      "parties": [
        {"role": "buyer", "name": "Kansai Compute KK", "type": "organization", "business": "cloud and data center services",
         "email": "buy@kansai-compute.co.jp", "phone": "+81 6 1234 5678", "established": "2010-04-01",
         "address": {"lines": ["1-2-3 Umeda, Kita-ku"], "city": "Osaka", "country": "JP"}},
        {"role": "end_user", "name": "Kansai Compute KK", "address": {"lines": ["1-2-3 Umeda, Kita-ku"], "city": "Osaka", "country": "JP"}}
      ],
      "items": [{"description": "NVIDIA H100 SXM5 80GB", "quantity": 8, "unit_price": 30000}],
      "payment": {"method": "wire transfer", "from_country": "JP"},
      "end_use": "training language models for our cloud customers in Japan"
    })");
}

std::vector<Finding> run(const json& order) { return exportcheck::test::check_order(order.dump(), "2026-07-09"); }

}  // namespace

TEST_CASE("the base order is clean") {
    const auto f = run(base());
    CHECK(decide(f) == Decision::clear);
}

TEST_CASE("R03: a forwarder, logistics or trading firm as consignee or end user [BIS-RF] [ALX] [IMM]") {
    auto o = base();
    o["parties"][1]["name"] = "Osaka Freight Forwarding KK";
    const auto found1 = run(o);
    const auto* f = find_rule(found1, "R03", Severity::review);
    REQUIRE(f);
    CHECK(f->evidence["inputs"]["kind"] == "forwarder");
    CHECK(f->evidence["sources"].dump().find("ALX") != std::string::npos);
    o = base();
    o["parties"][1]["type"] = "trading company";
    CHECK(find_rule(run(o), "R03", Severity::review));
    o = base();
    o["parties"][1]["name"] = "深圳市华强物流有限公司";  // "logistics" in Chinese
    CHECK(find_rule(run(o), "R03", Severity::review));
}

TEST_CASE("R04: a third-party payer, or money from China, Hong Kong, Macau or D:5 [ALX] [ICC23]") {
    auto o = base();
    o["parties"].push_back(json::parse(R"({"role": "payer", "name": "Lucky Star Holdings", "address": {"country": "JP"}})"));
    const auto found2 = run(o);
    const auto* f = find_rule(found2, "R04", Severity::review);
    REQUIRE(f);
    CHECK(f->level == "medium");
    o = base();
    o["payment"]["from_country"] = "HK";
    const auto found3 = run(o);
    f = find_rule(found3, "R04", Severity::review);
    REQUIRE(f);
    CHECK(f->level == "high");
    CHECK(f->evidence["inputs"]["payment_country"] == "HK");
    // The buyer paying for itself from its own country is no flag.
    CHECK_FALSE(find_rule(run(base()), "R04", Severity::info));
}

TEST_CASE("R04: the buyer paying under another spelling of its name is no third party; Screen's matcher says so") {
    auto o = base();
    o["payment"]["payer"] = "KANSAI COMPUTE K.K.";
    const auto alike = alike_payer_names(order_from_json(o).value());
    CHECK(alike.alike("Kansai Compute KK", "KANSAI COMPUTE K.K."));
    CHECK_FALSE(find_rule(run(o), "R04", Severity::info));
    // Rules read only what Screen decided: with no pair the same spelling is a third party.
    auto order = order_from_json(o).value();
    const auto& rules = exportcheck::test::rules();
    std::vector<ItemClassification> items;
    for (const auto& item : order.items) items.push_back(classify_item(item, rules));
    const auto destinations = destinations_of(order, rules);
    const CheckInput in{order, rules, items, destinations, "2026-07-09", AlikeNames{}};
    bool third_party = false;
    for (const auto& f : check_red_flags(in)) third_party = third_party || f.message_id == "flag.r04_third_party";
    CHECK(third_party);
    o["payment"]["payer"] = "Lucky Star Holdings";
    CHECK(alike_payer_names(order_from_json(o).value()).pairs.empty());
}

TEST_CASE("R05: cash or crypto for a costly order; a price far from the market [BIS-RF] [ICC23]") {
    auto o = base();
    o["payment"]["method"] = "USDT (Tether)";
    CHECK(find_rule(run(o), "R05", Severity::review));
    o["payment"]["method"] = "cash in advance (wire)";
    CHECK_FALSE(find_rule(run(o), "R05", Severity::info));
    o = base();
    o["items"][0]["unit_price"] = 95000;  // band 20,000-45,000, +50%: 67,500
    const auto found4 = run(o);
    const auto* f = find_rule(found4, "R05", Severity::review);
    REQUIRE(f);
    CHECK(f->evidence["band_confidence"] == "L");
    o["items"][0]["unit_price"] = 4000;   // far below: under-declared?
    CHECK(find_rule(run(o), "R05", Severity::review));
    // A threshold is data: an order may widen it.
    o["settings"] = {{"thresholds", {{"price_discount", 0.9}}}};
    CHECK_FALSE(find_rule(run(o), "R05", Severity::info));
}

TEST_CASE("R06: missing or evasive end use; blocked with advanced chips going to a hub [BIS-RF] [ICC23]") {
    auto o = base();
    o.erase("end_use");
    // Missing, to Japan (no licence requirement, no hub): noted, not held.
    CHECK(find_rule(run(o), "R06", Severity::info)->severity == Severity::info);
    o["parties"][1]["address"]["country"] = "AE";  // a licence-set destination: held for review
    CHECK(find_rule(run(o), "R06", Severity::review));
    o = base();
    o["end_use"] = "confidential";
    CHECK(find_rule(run(o), "R06", Severity::review));
    o["end_use"] = "N/A";
    CHECK(find_rule(run(o), "R06", Severity::review));
    o["parties"][1]["address"]["country"] = "SG";
    o["end_use"] = "We cannot disclose the end user";
    CHECK(find_rule(run(o), "R06", Severity::blocked));
    // "other" inside a real statement is not vague.
    o = base();
    o["end_use"] = "training models for research and other internal projects";
    CHECK_FALSE(find_rule(run(o), "R06", Severity::info));
}

TEST_CASE("R07: the item or quantity does not fit the buyer [BIS-RF] [CTP]") {
    auto o = base();
    o["parties"][0]["business"] = "seafood restaurant";
    o["parties"].erase(1);
    CHECK(find_rule(run(o), "R07", Severity::review));
    // A business that says nothing either way is asked only for large orders.
    o["parties"][0]["business"] = "general contractor";
    CHECK_FALSE(find_rule(run(o), "R07", Severity::info));
    o["items"][0]["quantity"] = 128;
    CHECK(find_rule(run(o), "R07", Severity::review));
    o = base();
    o = base();
    o["parties"][0]["type"] = "person";
    o["parties"].erase(1);
    CHECK(find_rule(run(o), "R07", Severity::review));
}

TEST_CASE("R08: newly formed, formed after the October 2022 rule, or free mail [WECR] [ICC23] [ALX]") {
    auto o = base();
    o["parties"][0]["established"] = "2025-11-01";
    const auto found5 = run(o);
    const auto* f = find_rule(found5, "R08", Severity::review);
    REQUIRE(f);
    CHECK(f->evidence["inputs"]["reference_date"] == "2026-07-09");
    o = base();
    o["parties"][0]["established"] = "2022-11-15";  // 3.6 years old, but formed right after the rule
    CHECK(find_rule(run(o), "R08", Severity::review));
    o = base();
    o["parties"][0]["email"] = "kansai.compute@gmail.com";
    CHECK(find_rule(run(o), "R08", Severity::review));
}

TEST_CASE("R09: residential, vague or unverifiable address for commercial quantities [WECR] [CTP] [ALX]") {
    auto o = base();
    o["parties"][1]["address"]["lines"] = {"Apt 1203, Sunshine Mansion"};
    CHECK(find_rule(run(o), "R09", Severity::review));
    o = base();
    o["parties"][1]["address"]["lines"] = {"P.O. Box 1234"};
    CHECK(find_rule(run(o), "R09", Severity::review));
    // An address given only as a country is not flagged by itself.
    o = base();
    o["parties"][1]["address"] = {{"country", "JP"}};
    CHECK_FALSE(find_rule(run(o), "R09", Severity::info));
}

TEST_CASE("R10 and R15: hubs as destinations, two or more hubs on the route [ALX] [DOJ-NOV25] [SG25] [FINCEN22]") {
    auto o = base();
    o["parties"][1]["address"]["country"] = "MY";
    const auto found6 = run(o);
    const auto* f = find_rule(found6, "R10", Severity::review);
    REQUIRE(f);
    CHECK(f->evidence["inputs"]["hub_list"] == "ai-cases");
    o["shipping"] = {{"route", {"SG", "MY"}}};
    CHECK(find_rule(run(o), "R15", Severity::review));
    // Hubs are data: an order may add one.
    o = base();
    o["parties"][1]["address"]["country"] = "PK";
    CHECK_FALSE(find_rule(run(o), "R10", Severity::info));
    o["settings"] = {{"extra_hubs", {"PK"}}};
    CHECK(find_rule(run(o), "R10", Severity::review));
    // No hub flag for ordinary goods.
    o = base();
    o["parties"][1]["address"]["country"] = "SG";
    o["items"][0]["description"] = "Lenovo ThinkPad laptop";
    CHECK_FALSE(find_rule(run(o), "R10", Severity::info));
}

TEST_CASE("R11: a payer or forwarder headquartered in D:5/Macau [BIS-HQ] [AID]") {
    auto o = base();
    o["parties"].push_back(json::parse(R"({"role": "forwarder", "name": "Speedy Cargo", "address": {"country": "JP"},
                                           "headquarters_country": "CN"})"));
    CHECK(find_rule(run(o), "R11", Severity::review));
}

TEST_CASE("R12: a phone code or e-mail domain from another country [ICC23]") {
    auto o = base();
    o["parties"][0]["phone"] = "+86 21 5555 1234";
    const auto found7 = run(o);
    const auto* f = find_rule(found7, "R12", Severity::review);
    REQUIRE(f);
    CHECK(f->level == "high");
    o = base();
    o["parties"][0]["email"] = "buy@kansai-compute.ru";
    CHECK(find_rule(run(o), "R12", Severity::review));
    o = base();
    o["parties"][0]["email"] = "buy@kansai.io";  // a generic two-letter domain says nothing
    CHECK_FALSE(find_rule(run(o), "R12", Severity::info));
}

TEST_CASE("R13 and R14: declined support; mislabel, remove branding, under-declare, split [BIS-RF] [ALX] [GATEKEEPER]") {
    auto o = base();
    o["instructions"] = "No installation or warranty needed.";
    CHECK(find_rule(run(o), "R13", Severity::review));
    o["instructions"] = "Remove the NVIDIA logos and relabel as SANDKYAN";
    CHECK(find_rule(run(o), "R14", Severity::blocked));
    o["instructions"] = "请报关为电脑配件";  // "declare as computer accessories" in Chinese
    CHECK(find_rule(run(o), "R14", Severity::blocked));
    o["instructions"] = "Please split the shipment into several small shipments";
    CHECK(find_rule(run(o), "R14", Severity::review)->severity == Severity::review);
    o["instructions"] = "Mark as fragile and ship as soon as possible";
    CHECK_FALSE(find_rule(run(o), "R14", Severity::info));
    o = base();
    o["items"][0]["declared_description"] = "computer parts";
    CHECK(find_rule(run(o), "R14", Severity::blocked));
    o["items"][0]["declared_description"] = "NVIDIA H100 GPU accelerators";
    CHECK_FALSE(find_rule(run(o), "R14", Severity::info));
}

TEST_CASE("R19: a chain of intermediaries [CTP]") {
    auto o = base();
    o["parties"].push_back(json::parse(R"({"role": "forwarder", "name": "Speedy Cargo", "address": {"country": "JP"}})"));
    // A forwarder hired to ship is normal.
    CHECK_FALSE(find_rule(run(o), "R19", Severity::info));
    o["parties"].push_back(json::parse(R"({"role": "intermediate_consignee", "name": "Kobe Warehouse KK", "address": {"country": "JP"}})"));
    o["parties"].push_back(json::parse(R"({"role": "ship_to", "name": "Naniwa Trading Co", "address": {"country": "JP"}})"));
    CHECK(find_rule(run(o), "R19", Severity::review));
}

TEST_CASE("R20: PRC-made advanced chips (GP10) [ALSTON]") {
    auto o = base();
    o["items"][0]["description"] = "Huawei Ascend 910B";
    CHECK(find_rule(run(o), "R20", Severity::review));
}

TEST_CASE("R-HOLISTIC: three diversion flags together on advanced chips stop the order [KYC]") {
    auto o = base();
    o["parties"][1]["address"]["country"] = "MY";                  // R10
    o["payment"]["from_country"] = "HK";                           // R04
    o["parties"][0]["email"] = "kansai.compute@gmail.com";         // R08
    const auto f = run(o);
    const auto* h = find_rule(f, "R-HOLISTIC", Severity::blocked);
    REQUIRE(h);
    CHECK(h->evidence["inputs"]["flags"].size() == 3);
    CHECK(decide(f) == Decision::blocked);
}
