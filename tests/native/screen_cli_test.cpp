// `exportcheck screen` end to end: one order, JSON lines and CSV files, the errors that name the line and
// column, options (rules beside the bundle, clearances, settings, screened_at).
#include "test_support.hpp"

#include "cli_support.hpp"
#include "commands.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

namespace fs = std::filesystem;
using exportcheck::cli::run;
using json = nlohmann::ordered_json;

using exportcheck::test::run_cli;
using exportcheck::test::fixture_path;
using exportcheck::test::TempDir;
using exportcheck::test::json_lines;

namespace {

std::string rules_dir() { return std::string(EXPORTCHECK_PROJECT_DATA) + "/rules"; }

// A small bundle of the fixture list excerpts, with (or without) the rules documents.
std::string build_bundle(const TempDir& dir, bool with_rules) {
    std::vector<std::string> args = {"bundle", "build", "--csl", fixture_path("csl_excerpt.csv"), "--ofac-sdn",
                                     fixture_path("ofac_sdn"), "--dpl", fixture_path("dpl_excerpt.txt"), "--built-at",
                                     "2026-07-09T00:00:00Z", "-o", dir / (with_rules ? "r.ecb.gz" : "n.ecb.gz")};
    if (with_rules) {
        args.push_back("--rules");
        args.push_back(rules_dir());
    }
    const auto r = run_cli(args);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    return dir / (with_rules ? "r.ecb.gz" : "n.ecb.gz");
}

}  // namespace

TEST_CASE("cli screen: one order gives one indented report; --compact gives one line") {
    TempDir dir;
    const auto bundle = build_bundle(dir, true);
    auto r = run_cli({"screen", "--bundle", bundle, fixture_path("orders/rule-a100-hong-kong.json")});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto report = json::parse(r.out);
    CHECK(report["order_id"] == "RULE-A100-HK");
    CHECK(report["decision"] == "license_required");
    CHECK(report["bundle"]["built_at"] == "2026-07-09T00:00:00Z");
    CHECK(r.out.find("\n  \"decision\"") != std::string::npos);
    r = run_cli({"screen", "--bundle", bundle, "--compact", fixture_path("orders/rule-a100-hong-kong.json")});
    REQUIRE(r.code == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
    CHECK(json::parse(r.out) == report);
}

TEST_CASE("cli screen: JSON lines and CSV give one report line per order") {
    TempDir dir;
    const auto bundle = build_bundle(dir, true);
    auto r = run_cli({"screen", "--bundle", bundle, fixture_path("orders/sample-orders.jsonl")});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    auto reports = json_lines(r.out);
    REQUIRE(reports.size() == 3);
    CHECK(reports[1]["decision"] == "clear");
    CHECK(reports[2]["decision"] == "blocked");  // Iran
    r = run_cli({"screen", "--bundle", bundle, fixture_path("orders/sample-orders.csv")});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    reports = json_lines(r.out);
    REQUIRE(reports.size() == 4);
    CHECK(reports[0]["order_id"] == "CSV-1001");
    CHECK(reports[0]["decision"] == "clear");
    CHECK(reports[1]["decision"] == "clear");
    CHECK(reports[2]["decision"] == "license_required");
    CHECK(reports[3]["decision"] == "blocked");
}

TEST_CASE("cli screen: a bad line is answered with an error naming it; the others are still screened") {
    TempDir dir;
    const auto bundle = build_bundle(dir, true);
    const auto file = dir.write("mixed.jsonl",
                                "{\"id\": \"ok-1\", \"parties\": [{\"role\": \"buyer\", \"name\": \"Meridian Components GmbH\", \"address\": {\"country\": \"DE\"}}], "
                                "\"items\": [{\"description\": \"laptop\"}]}\n"
                                "{not json}\n"
                                "{\"id\": \"bad-3\", \"items\": [{\"description\": \"A100\", \"quantity\": \"ten\"}]}\n");
    const auto r = run_cli({"screen", "--bundle", bundle, file});
    CHECK(r.code == 1);
    const auto out = json_lines(r.out);
    REQUIRE(out.size() == 3);
    CHECK(out[0]["decision"] == "clear");
    CHECK(out[1]["line"] == 2);
    CHECK(out[1]["error"]["code"] == "bad_json");
    CHECK(out[2]["line"] == 3);
    CHECK(out[2]["order_id"] == "bad-3");
    CHECK(out[2]["error"]["message"].get<std::string>().find("line 3: items[0].quantity: expected a number") != std::string::npos);
    CHECK(r.err.find("mixed.jsonl line 3") != std::string::npos);
}

TEST_CASE("cli screen: a file of more than 100,000 orders is refused whole, before any is screened") {
    TempDir dir;
    const auto bundle = build_bundle(dir, true);
    std::string many;
    for (int i = 0; i < 100'001; ++i) many += "{\"id\": \"L\", \"items\": [\"laptop\"]}\n";
    const auto r = run_cli({"screen", "--bundle", bundle, dir.write("many.jsonl", many)});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("100001 orders; one file is limited to 100000 orders [bad_order]") != std::string::npos);
}

TEST_CASE("cli screen: CSV errors name the line and column") {
    TempDir dir;
    const auto bundle = build_bundle(dir, true);
    const auto file = dir.write("bad.csv", "order_id,buyer.name,buyer.country,item.description,item.quantity\n"
                                           "A,Acme,DE,A100,1\nB,Beta,DE,H100,lots\n");
    const auto r = run_cli({"screen", "--bundle", bundle, file});
    CHECK(r.code == 1);
    CHECK(r.err.find("line 3, column 5 (item.quantity): expected a number, got \"lots\"") != std::string::npos);
}

TEST_CASE("cli screen: rules come from the bundle, or from --rules beside it") {
    TempDir dir;
    const auto bare = build_bundle(dir, false);
    auto r = run_cli({"screen", "--bundle", bare, fixture_path("orders/rule-h20-china.json")});
    CHECK(r.code == 1);
    CHECK(r.err.find("rules_missing") != std::string::npos);
    r = run_cli({"screen", "--bundle", bare, "--rules", rules_dir(), fixture_path("orders/rule-h20-china.json")});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(json::parse(r.out)["decision"] == "license_required");
}

TEST_CASE("cli screen: --settings, --screened-at and --clearances reach the report") {
    TempDir dir;
    const auto bundle = build_bundle(dir, true);
    const auto settings = dir.write("settings.json", R"({"extra_hubs": ["JP"]})");
    const auto r = run_cli({"screen", "--bundle", bundle, "--settings", settings, "--screened-at", "2026-08-01T12:00:00Z",
                        "--clearances", dir.write("c.json", "[]"), fixture_path("orders/clean-h100-cluster-japan.json")});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto report = json::parse(r.out);
    CHECK(report["screened_at"] == "2026-08-01T12:00:00Z");
    CHECK(report["overrides"][0]["path"] == "settings.extra_hubs");
    CHECK(report["decision"] == "review");  // Japan made a hub by the settings: R10
    const auto bad = run_cli({"screen", "--bundle", bundle, "--settings", dir.write("s2.json", R"({"colour": 1})"),
                          fixture_path("orders/clean-h100-cluster-japan.json")});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("settings.colour") != std::string::npos);
    // In French, a settings file that is not JSON and a setting refused inside an order are French.
    const auto order = fixture_path("orders/clean-h100-cluster-japan.json");
    const auto not_json = run_cli({"screen", "--bundle", bundle, "--lang", "fr", "--clearances", dir.write("c2.json", "{bad"), order});
    CHECK(not_json.code == 1);
    CHECK(not_json.err.find("c2.json », ligne 1, colonne 2 : JSON non valide : erreur de syntaxe [bad_json]") != std::string::npos);
    const auto fr = run_cli({"screen", "--bundle", bundle, "--lang", "fr", "--settings", dir.write("s3.json", R"({"colour": 1})"), order});
    CHECK(fr.code == 1);
    CHECK_MESSAGE(fr.err.find("« settings.colour » : réglage inconnu (« products,") != std::string::npos, fr.err);
}

TEST_CASE("cli screen: usage errors") {
    CHECK(run_cli({"screen"}).code == 2);
    CHECK(run_cli({"screen", "--bundle", "x.ecb"}).code == 2);
    CHECK(run_cli({"screen", "--bundle", "x.ecb", "--colour", "red", "o.json"}).code == 2);
}

TEST_CASE("cli screen: --list screens the reseller's own lists beside the bundle; a bad list is refused") {
    TempDir dir;
    const auto bundle = build_bundle(dir, true);
    const auto order = dir.write("order.json", R"({"id": "OWN-1", "parties": [
        {"role": "buyer", "name": "Sunrise Compute Trading Pte Ltd", "type": "organization", "address": {"city": "Singapore", "country": "SG"}},
        {"role": "forwarder", "name": "GB Logistics", "type": "organization", "address": {"city": "Dubai", "country": "AE"}}],
        "items": [{"description": "laptop", "quantity": 1}]})");
    const auto plain = run_cli({"screen", "--bundle", bundle, "--compact", order});
    REQUIRE_MESSAGE(plain.code == 0, plain.err);
    CHECK(json::parse(plain.out)["decision"] == "clear");
    CHECK(!json::parse(plain.out).contains("own_list"));

    // Two files, read as one own list: the example list, and one more entry as JSON lines.
    const auto more = dir.write("more.jsonl", R"({"source_id": "X-1", "name": "Kestrel Data Systems", "consequence": "review"})");
    const auto example = std::string(EXPORTCHECK_PROJECT_DATA) + "/lists/example-own-list.csv";
    const auto r = run_cli({"screen", "--bundle", bundle, "--list", example, "--list", more, "--compact", order});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto report = json::parse(r.out);
    CHECK(report["decision"] == "blocked");
    CHECK(report["own_list"]["entries"] == 4);
    std::map<std::string, json> by_id;
    for (const auto& f : report["findings"])
        if (f["rule"] == "OWN") by_id[f["evidence"]["source_id"].get<std::string>()] = f;
    REQUIRE(by_id.count("R-0001"));
    CHECK(by_id["R-0001"]["severity"] == "blocked");
    CHECK(by_id["R-0001"]["evidence"]["list"] == "OWN");
    REQUIRE(by_id.count("B-0001"));  // the forwarder, by its alias "GB Logistics"
    CHECK(by_id["B-0001"]["severity"] == "review");
    CHECK(by_id["B-0001"]["evidence"]["matched_name"] == "GB Logistics");

    // A malformed own list stops the command before any order is screened, naming the file, line and field.
    const auto bad = dir.write("bad.csv", "source_id,name,consequence\nC-1,Acme,block\nC-2,Beta,maybe\n");
    const auto refused = run_cli({"screen", "--bundle", bundle, "--list", bad, order});
    CHECK(refused.code == 1);
    CHECK(refused.out.empty());
    CHECK(refused.err.find("bad.csv: line 3: field `consequence`: \"maybe\" must be block or review") != std::string::npos);
}
