// Scenarios against the real lists: the brief's enforcement cases (§5) must be caught with the right
// findings, real list entries must hit with their list's consequence, and clean orders must stay clear.
// Also: determinism, clearances, and a report's required fields.
#include "screen_support.hpp"
#include "test_support.hpp"

#include <exportcheck/error.hpp>
#include <exportcheck/match.hpp>
#include <exportcheck/report.hpp>
#include <exportcheck/screen.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <set>


using namespace exportcheck;
using json = nlohmann::ordered_json;

namespace {

nlohmann::ordered_json screen_fixture(const std::string& fixture) {
    return test::real_screener().screen_json(test::fixture_order(fixture)).value();
}

std::set<std::string> rules_of(const nlohmann::ordered_json& report, const std::string& at_least = "review") {
    static const std::vector<std::string> order = {"info", "cleared", "review", "license_required", "blocked"};
    const auto min = std::find(order.begin(), order.end(), at_least) - order.begin();
    std::set<std::string> out;
    for (const auto& f : report["findings"]) {
        const auto sev = std::find(order.begin(), order.end(), f["severity"].get<std::string>()) - order.begin();
        if (sev >= min) out.insert(f["rule"].get<std::string>());
    }
    return out;
}

void expect_rules(const nlohmann::ordered_json& report, std::initializer_list<const char*> rules) {
    const auto found = rules_of(report);
    for (const char* r : rules) CHECK_MESSAGE(found.count(r), "missing ", r, " in ", report["order_id"].get<std::string>());
}

}  // namespace

TEST_CASE("scenario: ALX Solutions (C.D. Cal. 2025) is blocked with the flags the brief lists (R03 R04 R08 R09 R10 R14) [ALX]") {
    const auto r = screen_fixture("case-alx-solutions.json");
    CHECK(r["decision"] == "blocked");
    expect_rules(r, {"R03", "R04", "R08", "R09", "R10", "R14", "R15", "R12"});
    CHECK(r["summary"].get<std::string>().starts_with("Do not ship"));
}

TEST_CASE("scenario: the Singapore server fraud (2025) is held: servers to a hub, routed on to Malaysia [SG25]") {
    const auto r = screen_fixture("case-singapore-server-fraud.json");
    CHECK(r["decision"] != "clear");
    expect_rules(r, {"R10", "R15"});
    CHECK(r["items"][0]["classification"]["eccn"] == "5A992.z (tracks 4A090.a)");
    CHECK(r["items"][0]["classification"]["maker_eccn"] == "5A992.c");
    CHECK(r["items"][1]["classification"]["chips_total"] == 80);
}

TEST_CASE("scenario: A100s via Malaysia (2025 indictment) are stopped: a realty firm, money from China, a hub [DOJ-NOV25]") {
    const auto r = screen_fixture("case-a100-via-malaysia.json");
    CHECK(r["decision"] == "blocked");
    expect_rules(r, {"R03", "R04", "R07", "R08", "R10", "R-HOLISTIC"});
}

TEST_CASE("scenario: Operation Gatekeeper (S.D. Tex. 2025) is blocked and needs a licence for Hong Kong [GATEKEEPER]") {
    const auto r = screen_fixture("case-operation-gatekeeper.json");
    CHECK(r["decision"] == "blocked");
    expect_rules(r, {"R14", "R03", "R04", "R10", "LIC-3A090-D5"});
}

TEST_CASE("scenario: real list entries hit with their list's consequence (brief §3.1)") {
    auto r = screen_fixture("list-el-corad-singapore.json");
    CHECK(r["decision"] == "blocked");
    const auto& hit = r["findings"][0];
    CHECK(hit["rule"] == "R01");
    CHECK(hit["evidence"]["list"] == "EL");
    CHECK(hit["evidence"]["listed_name"] == "Corad Technology Pte Ltd.");
    CHECK(hit["evidence"]["score"].get<double>() >= kStrongMatch);
    for (const char* field : {"list_name", "source_id", "matched_name", "fr_notice", "entry_date", "source_url",
                              "party_fingerprint", "entry_fingerprint", "explanation"})
        CHECK_MESSAGE(hit["evidence"].contains(field), field);

    r = screen_fixture("list-sdn-dubai.json");
    CHECK(r["decision"] == "blocked");
    CHECK(r["findings"][0]["evidence"]["list"] == "SDN");

    r = screen_fixture("list-uvl-hong-kong.json");
    CHECK(r["decision"] == "review");
    CHECK(r["findings"][0]["rule"] == "R22");

    r = screen_fixture("list-el-address-hong-kong.json");
    CHECK(r["decision"] == "blocked");
    CHECK(r["findings"][0]["rule"] == "R02");
    CHECK(r["findings"][0]["evidence"]["address_entry"] == true);
}

TEST_CASE("scenario: the licence rules on their own") {
    auto r = screen_fixture("rule-a100-hong-kong.json");
    CHECK(r["decision"] == "license_required");
    CHECK(r["summary"].get<std::string>().find("which US rules treat as China") != std::string::npos);
    CHECK(screen_fixture("rule-h20-china.json")["decision"] == "license_required");
    CHECK(screen_fixture("rule-hq-malaysia-cloud.json")["decision"] == "license_required");
    CHECK(screen_fixture("rule-iran-embargo.json")["decision"] == "blocked");
    r = screen_fixture("rule-rtx4090-uae.json");
    CHECK(r["decision"] == "license_required");
    expect_rules(r, {"LIC-3A090-AE", "R10"});  // the UAE's own rule since 2026-07-10 (FR 2026-14132)
}

TEST_CASE("scenario: clean orders stay clear") {
    for (const char* f : {"clean-gaming-pc-germany.json", "clean-h100-cluster-japan.json", "clean-laptop-singapore.json",
                          "clean-common-name-us.json"}) {
        CAPTURE(f);
        const auto r = screen_fixture(f);
        CHECK(r["decision"] == "clear");
        CHECK(rules_of(r).empty());
    }
    // The common name is not silently ignored: the set-aside hit stays in the report.
    const auto r = screen_fixture("clean-common-name-us.json");
    CHECK(rules_of(r, "info").count("R01"));
    CHECK(r["items"][0]["classification"]["eccn"] == "outside 3A090");
    CHECK(screen_fixture("clean-gaming-pc-germany.json")["items"][0]["classification"]["eccn"] == "4A090.a");
}

TEST_CASE("report: required fields, and byte-identical on a second run") {
    const auto a = screen_fixture("case-alx-solutions.json");
    for (const char* field : {"order_id", "decision", "summary", "findings", "items", "parties", "destination", "overrides",
                              "bundle", "engine", "rules"})
        CHECK_MESSAGE(a.contains(field), field);
    CHECK(a["bundle"].contains("sha256"));
    CHECK(a["destination"]["country_groups"]["as_of"] == "2026-12-07");
    CHECK(a["rules"]["products"].contains("version"));
    for (const auto& f : a["findings"])
        for (const char* field : {"kind", "rule", "severity", "message", "evidence"}) CHECK(f.contains(field));
    CHECK(a.dump() == screen_fixture("case-alx-solutions.json").dump());
}

TEST_CASE("report: screened_at is shown and dates the checks; overrides are listed") {
    auto request = json{{"order", test::fixture_order("case-alx-solutions.json")},
                        {"screened_at", "2030-01-01T10:00:00Z"},
                        {"settings", {{"thresholds", {{"new_company_years", 10}}}}}};
    const auto r = test::real_screener().screen_json(request).value();
    CHECK(r["screened_at"] == "2030-01-01T10:00:00Z");
    CHECK(r["reference_date"] == "2030-01-01");
    REQUIRE(r["overrides"].size() == 1);
    CHECK(r["overrides"][0]["path"] == "settings.thresholds.new_company_years");
    CHECK(r["overrides"][0]["replaced"] == 2);
}

TEST_CASE("clearances: a cleared false positive shows as cleared, stays logged, and comes back when the entry changes") {
    Entry e;
    e.list = "SDN";
    e.source = "ofac_sdn";
    e.source_id = "99999";
    e.type = EntityType::organization;
    e.name = "Northwind Precision Instruments";
    e.addresses.push_back({"", "Lyon", "", "", "FR", "France"});
    auto bundle = test::small_bundle({e});
    Screener screener = Screener::load(*bundle).value();
    const json order = json::parse(R"({"id": "CL", "parties": [{"role": "buyer", "name": "Northwind Precision Instruments",
        "type": "organization", "address": {"city": "Lyon", "country": "FR"}}], "items": [{"description": "laptop"}]})");
    const auto before = screener.screen_json(order).value();
    REQUIRE(before["decision"] == "blocked");
    const auto& ev = before["findings"][0]["evidence"];
    const json clearance = {{"party_fingerprint", ev["party_fingerprint"]}, {"list", ev["list"]}, {"source_id", ev["source_id"]},
                            {"entry_fingerprint", ev["entry_fingerprint"]}, {"reason", "different company: other SIREN"},
                            {"by", "j.doe"}, {"at", "2026-07-10T09:00:00Z"}};
    const auto cleared = screener.screen_json(json{{"order", order}, {"clearances", {clearance}}}).value();
    CHECK(cleared["decision"] == "clear");
    CHECK(cleared["findings"][0]["severity"] == "cleared");
    CHECK(cleared["findings"][0]["evidence"]["cleared"]["by"] == "j.doe");
    CHECK(cleared["findings"][0]["evidence"]["severity_before_clearance"] == "blocked");

    // The entry changes (a new address): the clearance no longer applies.
    bundle->entries[0].addresses.push_back({"12 Rue X", "Paris", "", "", "FR", "France"});
    Screener changed = Screener::load(*bundle).value();
    const auto again = changed.screen_json(json{{"order", order}, {"clearances", {clearance}}}).value();
    CHECK(again["decision"] == "blocked");
    CHECK(again["findings"][0]["evidence"].contains("stale_clearance"));

    // Malformed clearances name the field.
    json bad = clearance;
    bad.erase("reason");
    const auto refused = screener.screen_json(json{{"order", order}, {"clearances", {bad}}});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code() == "bad_clearances");
    CHECK(std::string(refused.error().what()) == "clearances[0].reason: missing");
}

TEST_CASE("nothing silently passes: malformed requests are errors, unknown countries are review") {
    const auto& s = test::real_screener();
    CHECK_FALSE(s.screen_json(json::parse(R"({"order": {"id": "x", "items": "A100"}})")).ok());
    const auto colour = s.screen_json(json::parse(R"({"order": {"id": "x"}, "colour": 1})"));
    REQUIRE_FALSE(colour.ok());
    CHECK(std::string(colour.error().what()).find("colour") != std::string::npos);
    const auto r = s.screen_json(json::parse(R"({"id": "x", "parties": [{"role": "buyer", "name": "Acme",
        "address": {"country": "Narnia"}}], "items": [{"description": "NVIDIA H100"}], "end_use": "research"})")).value();
    CHECK(r["decision"] == "review");
    const auto e = s.screen_json(json::parse(R"({"id": "y", "items": [{"description": "laptop"}]})")).value();
    CHECK(e["decision"] == "review");  // nobody to screen, destination unknown
}

TEST_CASE("R17: listed owners and parents: OFAC's 50% rule, and BIS's Affiliates Rule while it is in force [OFAC-398] [AFF]") {
    const auto& s = test::real_screener();
    auto order = [](const std::string& owner, int percent) {
        return json::parse(R"({"id": "OWN", "parties": [{"role": "buyer", "name": "Meridian Components GmbH", "type": "organization",
            "address": {"lines": ["Industriestrasse 7"], "city": "Stuttgart", "country": "DE"},
            "ownership": [{"name": ")" + owner + R"(", "percent": )" + std::to_string(percent) + R"(}]}],
            "items": [{"description": "Lenovo ThinkPad laptop", "quantity": 2}], "end_use": "office"})");
    };
    // An SDN owner with 60%: blocked under the OFAC 50% rule; with 10%: a question.
    auto r = s.screen_json(order("FMF General Trading LLC", 60)).value();
    CHECK(r["decision"] == "blocked");
    CHECK(r["findings"][0]["rule"] == "R17");
    CHECK(r["findings"][0]["evidence"]["percent"] == 60);
    CHECK(s.screen_json(order("FMF General Trading LLC", 10)).value()["decision"] == "review");
    // An Entity List owner with 60%: the Affiliates Rule is suspended until 2026-11-09 [L] ...
    r = s.screen_json(order("Corad Technology Pte Ltd.", 60)).value();
    CHECK(r["decision"] == "review");
    // ... and back in force after it (unless extended), or when the order says so.
    r = s.screen_json(json{{"order", order("Corad Technology Pte Ltd.", 60)}, {"screened_at", "2027-01-15"}}).value();
    CHECK(r["decision"] == "blocked");
    r = s.screen_json(json{{"order", order("Corad Technology Pte Ltd.", 60)}, {"settings", {{"affiliates_rule_in_force", true}}}}).value();
    CHECK(r["decision"] == "blocked");
    CHECK(r["overrides"][0]["path"] == "settings.affiliates_rule_in_force");
    // A parent given as a party is screened the same way.
    const auto parent = s.screen_json(json::parse(R"({"id": "PAR", "parties": [
        {"role": "buyer", "name": "Meridian Components GmbH", "address": {"country": "DE"}},
        {"role": "parent", "name": "FMF General Trading LLC", "address": {"country": "AE"}}],
        "items": [{"description": "laptop"}], "end_use": "office"})")).value();
    CHECK(parent["decision"] == "blocked");
    CHECK(parent["findings"][0]["rule"] == "R17");
}
