// The reseller's own list: read strictly (errors name the file, line and field), written back as CSV
// unchanged, and screened beside a bundle's lists with the reseller's consequence, scoring what the same
// entry would score inside the bundle. Also: the real lists find the Chinese AI-chip makers by the names
// resellers type.
#include "screen_support.hpp"
#include "test_support.hpp"

#include <exportcheck/error.hpp>
#include <exportcheck/lists.hpp>
#include <exportcheck/match.hpp>
#include <exportcheck/own_list.hpp>
#include <exportcheck/screen.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>


using namespace exportcheck;
using json = nlohmann::ordered_json;

namespace {

std::string example_csv() { return test::read_file(std::string(EXPORTCHECK_PROJECT_DATA) + "/lists/example-own-list.csv"); }

std::string own_error(std::string_view text, std::string_view name = "mine.csv") {
    const auto r = parse_own_list({{text, name}});
    if (r.ok()) return "accepted";
    CHECK(r.error().code() == "import_invalid");
    return r.error().what();
}

// Official entries the own list is screened beside.
std::vector<Entry> official_entries() {
    Entry a;
    a.list = "SDN";
    a.source = "ofac_sdn";
    a.source_id = "1001";
    a.type = EntityType::organization;
    a.name = "Northwind Precision Instruments";
    a.addresses.push_back({"", "Lyon", "", "", "FR", "France"});
    Entry b = a;
    b.list = "EL";
    b.source = "csl";
    b.source_id = "EL-7";
    b.name = "Sunrise Semiconductor Trading Company";
    b.addresses = {{"", "Shenzhen", "", "", "CN", "China"}};
    return {a, b};
}

json order_with(const std::string& name, const std::string& country) {
    const json order = {{"id", "OWN-TEST"},
                        {"parties", {{{"role", "buyer"}, {"name", name}, {"type", "organization"}, {"address", {{"country", country}}}}}},
                        {"items", {{{"description", "laptop"}, {"quantity", 1}}}}};
    return json{{"order", order}, {"screened_at", "2026-07-10T09:00:00Z"}};
}

const nlohmann::ordered_json* own_finding(const nlohmann::ordered_json& report) {
    for (const auto& f : report["findings"])
        if (f["kind"] == "party_match" && f["evidence"].value("list", "") == "OWN") return &f;
    return nullptr;
}

}  // namespace

TEST_CASE("own list: the example list reads as OWN entries with their consequence") {
    const auto entries = parse_own_list({{example_csv(), "example-own-list.csv"}}).value();
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].source == "own");
    CHECK(entries[0].consequence == "block");
    CHECK(entries[1].consequence == "review");
    // The list column may be left out: an own list is OWN.
    const auto bare = parse_own_list({{"source_id,name,consequence\nC-1,Acme Trading,review\n", "mine.csv"}}).value();
    REQUIRE(bare.size() == 1);
    CHECK(bare[0].list == "OWN");
}

TEST_CASE("own list: malformed lists are refused naming the file, line and field") {
    CHECK(own_error("source_id,name,consequence\nC-1,Acme,review\nC-2,Beta,\n") ==
          "mine.csv: line 3: field `consequence`: is required in an own list: block or review");
    CHECK(own_error("source_id,name,consequence\nC-1,Acme,deny\n") ==
          "mine.csv: line 2: field `consequence`: \"deny\" must be block or review");
    CHECK(own_error("list,source_id,name,consequence\nEL,C-1,Acme,block\n").starts_with("mine.csv: line 2: field `list`: \"EL\""));
    CHECK(own_error("source_id,name,consequence,country\nC-1,Acme,block,Atlantis\n").starts_with("mine.csv: line 2: field `country`"));
    CHECK(own_error("source_id,name,consequence\n,Acme,block\n") == "mine.csv: line 2: field `source_id`: is required (the entry's own id in that list)");
    CHECK(own_error(R"({"source_id":"1","name":"Acme","consequence":"block","aliases":["A; B"]})", "mine.jsonl")
              .starts_with("mine.jsonl: line 1: field `aliases`"));
    CHECK(own_error("source_id,name,consequence,colour\nC-1,Acme,block,red\n").find("unknown column `colour`") != std::string::npos);
    // The same id in two files of one own list.
    const auto twice = parse_own_list({{"source_id,name,consequence\nC-1,Acme,block\n", "a.csv"},
                                       {"source_id,name,consequence\nC-9,Beta,review\nC-1,Gamma,review\n", "b.csv"}});
    REQUIRE_FALSE(twice.ok());
    CHECK(std::string(twice.error().what()) == "b.csv: line 3: field `source_id`: \"C-1\" is already used in list OWN by a.csv (\"Acme\")");
}

// Shapes that once escaped as a JSON library error or a thrown CSV error: the browser build cannot catch
// those, so each is a returned error naming the line.
TEST_CASE("own list: wrong JSON shapes and an unclosed quote are returned errors") {
    CHECK(own_error(R"({"source_id":"1","name":"Acme","consequence":"block","addresses":["Main St"]})", "mine.jsonl") ==
          "mine.jsonl: line 1: field `addresses`: each address must be an object");
    CHECK(own_error(R"({"source_id":"1","name":"Acme","consequence":"block","addresses":{"city":"X"}})", "mine.jsonl") ==
          "mine.jsonl: line 1: field `addresses`: expected a list of {street, city, state, postal_code, country}");
    CHECK(own_error(R"({"source_id":"1","name":["Acme"],"consequence":"block"})", "mine.jsonl") ==
          "mine.jsonl: line 1: field `name`: expected a string, found array");
    CHECK(own_error("{\"source_id\":\"1\",\"name\":\"A\",\"consequence\":\"block\"}\n[1]\n", "mine.jsonl") ==
          "mine.jsonl: line 2: field `(line)`: each line must be a JSON object");
    const auto quote = parse_own_list({{"source_id,name,consequence\nC-1,\"Acme,block\n", "mine.csv"}});
    REQUIRE_FALSE(quote.ok());
    CHECK(quote.error().code() == "csv_unbalanced_quote");
}

TEST_CASE("own list: written as CSV it reads back the same, JSON lines too") {
    auto entries = parse_own_list({{example_csv(), "example-own-list.csv"}}).value();
    entries[1].remarks = "said \"urgent\", paid in cash,\nthen called again";  // quotes, commas, a line break
    const auto csv = import_list_csv(entries);
    CHECK(csv.starts_with("list,list_name,source_id,type,name,aliases,street,"));
    CHECK(parse_own_list({{csv, "exported.csv"}}).value() == entries);
    std::string lines;
    for (const auto& e : entries) lines += import_list_json(e).dump() + "\n";
    CHECK(parse_own_list({{lines, "exported.jsonl"}}).value() == entries);
}

TEST_CASE("own list: hits screened beside the bundle carry the reseller's consequence") {
    const auto bundle = test::small_bundle(official_entries());
    const Screener screener = Screener::load(*bundle).value();
    const auto entries = parse_own_list({{
        "source_id,type,name,aliases,city,country,remarks,consequence,list_name\n"
        "R-1,organization,Bluepeak Compute Trading Pte. Ltd.,BPC Trading,Singapore,SG,Asked us to relabel the boards.,block,Refused customers\n"
        "R-2,organization,Golden Harbour Logistics FZE,,Dubai,AE,Our bank flagged its payments.,review,\n",
        "mine.csv"}}).value();
    const OwnList own(entries, screener.matcher());

    SUBCASE("block") {
        const auto order = order_with("Bluepeak Compute Trading Pte Ltd", "SG");
        CHECK(screener.screen_json(order).value()["decision"] == "clear");  // no official list names it
        const auto r = screener.screen_json(order, &own).value();
        CHECK(r["decision"] == "blocked");
        const auto* f = own_finding(r);
        REQUIRE(f);
        CHECK((*f)["rule"] == "OWN");
        CHECK((*f)["severity"] == "blocked");
        CHECK((*f)["evidence"]["own_list"] == true);
        CHECK((*f)["evidence"]["consequence"] == "block");
        CHECK((*f)["evidence"]["source_id"] == "R-1");
        CHECK((*f)["evidence"]["list_name"] == "Refused customers");
        CHECK((*f)["evidence"]["remarks"] == "Asked us to relabel the boards.");
        CHECK((*f)["message"].get<std::string>().find("of your own list") != std::string::npos);
        CHECK((*f)["message"].get<std::string>().find("not an official restricted-party list") != std::string::npos);
        CHECK(r["own_list"]["entries"] == 2);
        CHECK(r["own_list"]["sha256"] == own.sha256());
        CHECK(r["summary"].get<std::string>().starts_with("Do not ship"));
        // Deterministic: the same order and lists give the same bytes.
        CHECK(screener.screen_json(order, &own).value().dump() == r.dump());
    }
    SUBCASE("review") {
        const auto r = screener.screen_json(order_with("Golden Harbour Logistics FZE", "AE"), &own).value();
        CHECK(r["decision"] == "review");
        const auto* f = own_finding(r);
        REQUIRE(f);
        CHECK((*f)["severity"] == "review");
        CHECK((*f)["evidence"]["consequence"] == "review");
        CHECK((*f)["evidence"]["list_name"] == "your own list");
    }
    SUBCASE("an alias") {
        const auto r = screener.screen_json(order_with("BPC Trading", "SG"), &own).value();
        const auto* f = own_finding(r);
        REQUIRE(f);
        CHECK((*f)["evidence"]["matched_name"] == "BPC Trading");
        CHECK((*f)["evidence"]["listed_name"] == "Bluepeak Compute Trading Pte. Ltd.");
        CHECK(r["decision"] == "blocked");
    }
    SUBCASE("official hits are still reported, as before") {
        const auto r = screener.screen_json(order_with("Northwind Precision Instruments", "FR"), &own).value();
        CHECK(r["decision"] == "blocked");
        CHECK(r["findings"][0]["evidence"]["list"] == "SDN");
        CHECK(own_finding(r) == nullptr);
    }
}

TEST_CASE("own list: a name scores on top of the bundle what it would score inside it") {
    // Word rarity comes from the bundle's names and the own list's together, as if built into one bundle.
    const auto own_entries = parse_own_list({{
        "source_id,type,name,consequence\nR-1,organization,Sunrise Compute Trading Pte. Ltd.,block\n", "mine.csv"}}).value();
    const auto apart = test::small_bundle(official_entries());
    const Screener beside = Screener::load(*apart).value();
    const OwnList own(own_entries, beside.matcher());
    auto together_entries = official_entries();
    together_entries.push_back(own_entries[0]);
    const auto together = test::small_bundle(together_entries);
    const Screener inside = Screener::load(*together).value();

    MatchQuery q;
    q.name = "Sunrise Computing Trading";  // a partial match: the words' weights decide the score
    const auto on_top = own.matcher().match(q, 5, 0.0);
    std::vector<Hit> in_bundle;
    for (auto& h : inside.matcher().match(q, 5, 0.0))
        if (inside.matcher().entries()[h.entry].list == "OWN") in_bundle.push_back(std::move(h));
    REQUIRE(on_top.size() == 1);
    REQUIRE(in_bundle.size() == 1);
    CHECK(on_top[0].score == in_bundle[0].score);
    CHECK(explanation_json(on_top[0].explanation) == explanation_json(in_bundle[0].explanation));
    // A small index of its own words alone would weigh them differently.
    const auto alone = test::small_bundle(own_entries);
    const Matcher alone_matcher(alone->entries);
    const auto solo = alone_matcher.match(q, 5, 0.0);
    REQUIRE(solo.size() == 1);
    CHECK(solo[0].score != on_top[0].score);
}

TEST_CASE("real lists: the names resellers type find the Chinese AI-chip makers on the Entity List") {
    // The default bundle's Entity List: the 2026 eCFR parse merged with the CSL's.
    const auto& matcher = test::real_screener().matcher();
    auto ids_for = [&](const char* name) {
        MatchQuery q;
        q.name = name;
        std::vector<std::string> ids;
        for (const auto& h : matcher.match(q, 10)) {
            const auto& e = matcher.entries()[h.entry];
            if (e.list == "EL") ids.push_back(e.source_id);
        }
        return ids;
    };
    auto has = [](const std::vector<std::string>& ids, const char* id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); };
    // "Moore Threads": listed as Moore Thread Intelligent Technology (Beijing), alias "Moore Threads".
    const auto moore = ids_for("Moore Threads");
    CHECK(has(moore, "ECFR-EL-250257748669"));
    const auto inspur = ids_for("Inspur (HK)");
    CHECK(has(inspur, "ECFR-EL-1953d4fa43a7"));  // Inspur (HK) Electronics Co., Ltd.
    const auto sophgo = ids_for("Sophgo Technologies");
    CHECK(has(sophgo, "ECFR-EL-2ad454241c15"));  // Sophgo Technologies Ltd.
    CHECK(has(sophgo, "ECFR-EL-c2a46113a489"));  // Sophgo Technologies Pte. Ltd.
    const auto biren = ids_for("Biren Technology");
    CHECK(has(biren, "ECFR-EL-d0e00e273cec"));  // Shanghai Biren Intelligent Technology, alias "Biren Technology"
}

TEST_CASE("own list: a party at an address on the own list; an own list built for another bundle is refused") {
    const auto bundle = test::small_bundle(official_entries());
    const Screener screener = Screener::load(*bundle).value();
    const auto entries = parse_own_list({{
        R"({"source_id":"R-7","type":"organization","name":"Lanternfish Hardware Limited","addresses":[{"street":"Unit 1203, 88 Kwai Fung Crescent","city":"Kwai Chung","country":"HK"}],"consequence":"block"})",
        "mine.jsonl"}}).value();
    const OwnList own(entries, screener.matcher());
    json order = order_with("Tidewater Components Co", "HK");
    order["order"]["parties"][0]["address"]["lines"] = {"Unit 1203, 88 Kwai Fung Crescent"};
    const auto r = screener.screen_json(order, &own).value();
    const nlohmann::ordered_json* f = nullptr;
    for (const auto& x : r["findings"])
        if (x["rule"] == "R02") f = &x;
    REQUIRE(f);
    CHECK((*f)["evidence"]["list"] == "OWN");
    CHECK((*f)["evidence"]["own_list"] == true);
    CHECK((*f)["message"].get<std::string>().find("on your own list") != std::string::npos);
    CHECK(r["decision"] == "review");

    const auto other_bundle = test::small_bundle(official_entries());
    const Screener other = Screener::load(*other_bundle).value();
    const auto mismatch = other.screen_json(order, &own);
    REQUIRE_FALSE(mismatch.ok());
    CHECK(mismatch.error().code() == "own_list_mismatch");
    CHECK(std::string(mismatch.error().what()).find("another bundle's name index") != std::string::npos);
}
