#include "test_support.hpp"

#include <exportcheck/error.hpp>
#include <exportcheck/lists.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

using namespace exportcheck;

namespace {
const Entry& find_entry(const std::vector<Entry>& entries, std::string_view list, std::string_view id) {
    const auto it = std::find_if(entries.begin(), entries.end(),
                                 [&](const Entry& e) { return e.list == list && e.source_id == id; });
    REQUIRE(it != entries.end());
    return *it;
}
}  // namespace

TEST_CASE("csl: real rows, list codes and fields") {
    const auto entries = parse_csl_csv(test::fixture("csl_excerpt.csv"));
    CHECK(entries.size() == 8);  // 9 rows: CAP 15268 appears twice and is merged

    const auto& meu = find_entry(entries, "MEU", "a115de6b0d2f889dc57c7b1bf35ca970436819f8");
    CHECK(meu.name == "AECC Aero Science & Technology Co. Ltd.");
    CHECK(meu.federal_register == "85 FR 83799");
    CHECK(meu.start_date == "2020-12-23");
    CHECK(meu.license_requirement == "For any item subject to the EAR listed in supplement no. 2 to part 744.");
    REQUIRE(meu.addresses.size() == 1);
    CHECK(meu.addresses[0].country == "CN");
    CHECK(meu.addresses[0].street == "Cheng-fa Industrial Park, ShuLong Road, SanHe Block, Chengdu, Sichuan");

    const auto& mbs = find_entry(entries, "MBS", "31695");  // "(NS-MBS List)" in the source column
    CHECK(mbs.type == EntityType::organization);
    CHECK(mbs.addresses.size() == 2);
    CHECK(std::find_if(mbs.aliases.begin(), mbs.aliases.end(),
                       [](const Alias& a) { return a.name == "BANK OF RUSSIA"; }) != mbs.aliases.end());
    CHECK(std::find(mbs.ids.begin(), mbs.ids.end(), "CBRFRUMM, SWIFT/BIC") != mbs.ids.end());
}

TEST_CASE("csl: a multi-address EL row whose alt names start with 'and'") {
    const auto entries = parse_csl_csv(test::fixture("csl_excerpt.csv"));
    const auto& el = find_entry(entries, "EL", "36b9bed40af2770218ba60d7bad49c0e925f38ee");
    CHECK(el.name == "AO Kronshtadt");
    CHECK(el.addresses.size() >= 2);
    for (const auto& a : el.aliases) CHECK_FALSE(a.name.starts_with("and "));
    CHECK(el.license_policy.find("denial") != std::string::npos);
}

TEST_CASE("csl: the successor clause is not part of the name") {
    const auto entries = parse_csl_csv(test::fixture("csl_excerpt.csv"));
    const auto& isn = find_entry(entries, "ISN", "fbc5ba4566898b8aa7908b7ec6fa2fd32846bb2e");
    CHECK(isn.name == "Ardis Group of Companies LLC");
    CHECK(isn.remarks.find("successor") != std::string::npos);
}

TEST_CASE("csl: embedded quotes and newlines inside fields") {
    const auto entries = parse_csl_csv(test::fixture("csl_excerpt.csv"));
    const auto& sdn = find_entry(entries, "SDN", "21577");
    CHECK(sdn.name == "AGRICOLA RUELAS, S.P.R. DE R.I.");
    const auto& meu = find_entry(entries, "MEU", "026dba5afe5742c3d9b83179846272ca67cdb5c0");
    REQUIRE_FALSE(meu.addresses.empty());
    CHECK(meu.addresses[0].street.find('\n') != std::string::npos);
    CHECK(meu.addresses[0].country == "CN");
}

TEST_CASE("csl: rows repeated for one entry are merged") {
    const auto entries = parse_csl_csv(test::fixture("csl_excerpt.csv"));
    const auto& cap = find_entry(entries, "CAP", "15268");
    CHECK(cap.name == "BANK OF KUNLUN CO LTD");
    CHECK(std::count_if(entries.begin(), entries.end(), [](const Entry& e) { return e.source_id == "15268"; }) == 1);
}

TEST_CASE("csl: the full 2022 file: every row read, counts per list") {
    const auto entries = parse_csl_csv(test::project_file("csl/consolidated.csv"));
    std::map<std::string, int> counts;
    for (const auto& e : entries) ++counts[e.list];
    // Rows per source in the file (SOURCES.md), less rows of one entry repeated under the same _id.
    CHECK(counts["SDN"] == 10026);
    CHECK(counts["EL"] == 2001);
    CHECK(counts["DPL"] == 462);
    CHECK(counts["UVL"] == 201);
    CHECK(counts["MEU"] == 71);
    CHECK(counts["MBS"] == 17);
    CHECK(counts["FSE"] == 3);
    CHECK(counts["CAP"] == 52);
    for (const auto& e : entries) CHECK_FALSE(e.name.empty());
}

TEST_CASE("csl: bad input names the file, line and field") {
    const std::string header = "_id,source,name\n";
    CHECK_THROWS_WITH_AS(parse_csl_csv("_id,name\n1,x\n", "x.csv"), doctest::Contains("no `source` column"), Error);
    CHECK_THROWS_WITH_AS(parse_csl_csv(header + "1,Entity List (EL) - BIS\n", "x.csv"),
                         doctest::Contains("x.csv: line 2: expected 3 fields"), Error);
    CHECK_THROWS_WITH_AS(parse_csl_csv(header + "1,Some list,Name\n", "x.csv"),
                         doctest::Contains("line 2: field `source`"), Error);
    CHECK_THROWS_WITH_AS(parse_csl_csv(header + "1,Entity List (EL) - BIS, \n", "x.csv"),
                         doctest::Contains("line 2: field `name` is empty"), Error);
    CHECK_THROWS_AS(parse_csl_csv("", "x.csv"), Error);
}

TEST_CASE("csl: the truncated 2023 fragment is refused at its cut-off row, not silently shortened") {
    // Its last row is cut inside a quoted field: the reader reports where that field opened.
    CHECK_THROWS_WITH_AS(parse_csl_csv(test::fixture("csl_2023_truncated_excerpt.csv"), "csl.csv"),
                         doctest::Contains("csl.csv: line 7: a quoted field opened here is never closed"), Error);
}
