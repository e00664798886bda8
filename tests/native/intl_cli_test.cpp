// `bundle build` with the UK and Australian lists (excerpts of the real files), and what a screener then
// finds: a UK-only party by its listed name, nothing for a party the newer UK list dropped.
#include "test_support.hpp"

#include "cli_support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

using exportcheck::test::run_cli;
using exportcheck::test::fixture_path;
using exportcheck::test::TempDir;

namespace {

std::string build_intl_bundle(const TempDir& dir, const std::string& ofsi = "intl/ofsi_conlist_excerpt.xlsx") {
    const auto r = run_cli({"bundle", "build", "--uk-sanctions-list", fixture_path("intl/uksl"), "--ofsi-conlist",
                        fixture_path(ofsi), "--dfat", fixture_path("intl/dfat_excerpt.xlsx"), "--built-at",
                        "2026-12-07T00:00:00Z", "-o", dir / "intl.ecb.gz"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    return dir / "intl.ecb.gz";
}

// The best hit's list and source_id for `name`, or "" when nothing is reported.
std::string best_hit(const std::string& bundle, const std::string& name) {
    const auto r = run_cli({"match", "--bundle", bundle, "--name", name, "--top", "1"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto hits = nlohmann::ordered_json::parse(r.out)["hits"];
    return hits.empty() ? "" : hits[0]["list"].get<std::string>() + " " + hits[0]["source_id"].get<std::string>();
}

}  // namespace

TEST_CASE("cli: the UK and Australian lists in a bundle, with their dates and the UK join counted") {
    TempDir dir;
    const auto info = nlohmann::ordered_json::parse(run_cli({"bundle", "info", build_intl_bundle(dir)}).out);
    CHECK(info["lists"]["UK"] == 6);
    CHECK(info["lists"]["AU"] == 6);
    const auto& sources = info["sources"];
    REQUIRE(sources.size() == 3);
    CHECK(sources[0]["key"] == "uk_sanctions_list");
    CHECK(sources[0]["files"].size() == 5);
    CHECK(sources[1]["key"] == "ofsi_conlist");
    CHECK(sources[1]["date"] == "2025-04-14");
    CHECK(sources[1]["merged"] == 4);
    CHECK(info["dropped"]["UK"] == 1);  // the party the newer UK list no longer has
    CHECK(sources[1]["url"] == "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.xlsx");
    CHECK(sources[2]["key"] == "dfat");
    CHECK(sources[2]["url"] == "https://www.dfat.gov.au/sites/default/files/regulation8_consolidated.xlsx");
    CHECK(info["notes"][0].get<std::string>().find("4 of 5 parties of the OFSI Consolidated List (2025-04-14) are on the "
                                                   "UK Sanctions List") != std::string::npos);
    CHECK(info["notes"][0].get<std::string>().find("1 are no longer listed and were dropped") != std::string::npos);
    CHECK(info["notes"][1].get<std::string>().starts_with("EU: this bundle has no EU sanctions list"));
}

TEST_CASE("cli: UK-only parties are found by their listed names; a party the UK list dropped is not") {
    TempDir dir;
    const auto bundle = build_intl_bundle(dir);
    CHECK(best_hit(bundle, "ALLIANCE CAPITAL KS SP Z O O") == "UK RUS3179");  // designated 2026, on no US list
    CHECK(best_hit(bundle, "Mian Abdul Haq") == "UK GHR0086");                 // a UK human-rights designation
    CHECK(best_hit(bundle, "Mian Mithoo") == "UK GHR0086");                    // a name only OFSI's rows carry
    CHECK(best_hit(bundle, "Air Force Intelligence Agency") == "");            // OFSI 2025, gone by 2026-04
    CHECK(best_hit(bundle, "SMP Bank") == "AU 2882");
}

TEST_CASE("cli: OFSI's ConList as CSV builds the same UK list as the workbook") {
    TempDir a, b;
    const auto from_xlsx = nlohmann::ordered_json::parse(run_cli({"bundle", "info", build_intl_bundle(a)}).out);
    const auto from_csv = nlohmann::ordered_json::parse(run_cli({"bundle", "info", build_intl_bundle(b, "intl/ofsi_conlist_excerpt.csv")}).out);
    CHECK(from_csv["lists"] == from_xlsx["lists"]);
    CHECK(from_csv["sources"][1]["merged"] == from_xlsx["sources"][1]["merged"]);
}

TEST_CASE("cli: a workbook that is an HTML page is refused, naming the file") {
    TempDir dir;
    const auto page = dir.write("regulation8_consolidated.xlsx", "<!DOCTYPE html>\n<html><body>Not found</body></html>\n");
    const auto r = run_cli({"bundle", "build", "--dfat", page, "-o", dir / "x.ecb"});
    CHECK(r.code == 1);
    CHECK(r.err.find("regulation8_consolidated.xlsx: an HTML page, not an .xlsx workbook") != std::string::npos);
    CHECK(r.err.find("[xlsx_invalid]") != std::string::npos);
}
