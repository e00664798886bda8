// BIS Denied Persons List parser (dpl.txt). Fixture: real rows of the official file, header included.
#include <doctest/doctest.h>

#include "test_support.hpp"

#include <exportcheck/error.hpp>
#include <exportcheck/lists.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace exportcheck;

namespace {

const Entry& by_name(const std::vector<Entry>& entries, const std::string& name) {
    auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.name == name; });
    REQUIRE_MESSAGE(it != entries.end(), "no entry " << name);
    return *it;
}

Error parse_error(const std::string& text) {
    try {
        parse_dpl_txt(text, "dpl.txt");
    } catch (const Error& e) {
        return e;
    }
    FAIL("no exportcheck::Error thrown");
    return Error("", "");
}

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("DPL: rows of one party become one entry") {
    const auto entries = parse_dpl_txt(test::fixture("dpl_excerpt.txt"), "dpl_excerpt.txt");
    // 15 rows: " I. ASH" and "I. ASH" (x2), AL NASER AIRLINES (x4), JESUS ADRIAN RAMIREZ (x2), 6 others.
    REQUIRE(entries.size() == 9);
    CHECK(entries[0].name == "I. ASH");  // first written " I. ASH"
    CHECK(entries[1].name == "AARON ABRAHAM VILLA");

    // Two orders with different citations and effective dates: still one party.
    const Entry& ash = by_name(entries, "I. ASH");
    CHECK(ash.list == "DPL");
    CHECK(ash.source == "dpl");
    CHECK(ash.source_id == "DPL-1b01c974c7fecb9a");  // FNV-1a 64 of "I. ASH"
    CHECK(ash.type == EntityType::unknown);
    REQUIRE(ash.addresses.size() == 3);
    CHECK(ash.addresses[0] == Address{"UPON THE DATE OF THE ORDER INCARCERATED AT USM NO: 26265-177, FCI SEAGOVILLE, "
                                      "2113 NORTH HIGHWAY 175",
                                      "SEAGOVILLE", "TX", "75159", "US", "US"});
    CHECK(ash.addresses[2] == Address{"908 AUDELIA ROAD, SUITE 200 #245", "RICHARDSON", "TX", "75081", "US", "US"});
    CHECK(ash.federal_register ==
          "68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06 72 F.R. 4236 1/30/07 | "
          "67 F.R. 56530 9/4/02 67 F.R. 10890 3/11/02 71 F.R. 38843 7/10/06 | "
          "67 F.R. 56530 9/4/02 67 F.R. 10890 3/11/02, 71 F.R. 38843 7/10/06");
    CHECK(ash.start_date == "2002-03-04");  // the earliest order
    CHECK(ash.end_date == "2056-06-29");
    CHECK(ash.standard_order == "Y");
    CHECK(ash.remarks == "FEDERAL REGISTER NOTICE UPDATED; last update 2007-01-31");  // the latest row
    CHECK(ash.source_url == "https://www.bis.doc.gov/dpl/dpl.txt");
    CHECK(ash.source_information_url ==
          "https://www.bis.gov/licensing/guidance-on-end-user-and-end-use-controls-including-denied-persons-list");

    const Entry& airline = by_name(entries, "AL NASER AIRLINES");
    REQUIRE(airline.addresses.size() == 4);
    std::vector<std::string> countries;
    for (const Address& a : airline.addresses) countries.push_back(a.country);
    CHECK(countries == std::vector<std::string>{"IQ", "IQ", "AE", "JO"});
    CHECK(airline.addresses[3] == Address{"P.O. BOX 911399", "AMMAN", "", "11191", "JO", "JO"});
    CHECK(airline.start_date == "2023-10-31");
    CHECK(airline.end_date == "2024-10-30");
    // Four rows, three spellings of the same citation.
    CHECK(std::count(airline.federal_register.begin(), airline.federal_register.end(), '|') == 2);

    // Two rows disagree on the expiration: the later one is kept.
    const Entry& ramirez = by_name(entries, "JESUS ADRIAN RAMIREZ");
    CHECK(ramirez.addresses.size() == 2);
    CHECK(ramirez.end_date == "2030-12-16");
    CHECK(ramirez.federal_register == "88 F.R. 17793 3/24/2023");
}

TEST_CASE("DPL: dates, typos and odd cells of the real file") {
    const auto entries = parse_dpl_txt(test::fixture("dpl_excerpt.txt"), "dpl_excerpt.txt");

    const Entry& villa = by_name(entries, "AARON ABRAHAM VILLA");
    CHECK(villa.start_date == "2022-08-24");
    CHECK(villa.end_date == "2026-01-14");
    CHECK(villa.federal_register == "87 F.R. 52741 8/29/2022");
    CHECK(villa.remarks == "F.R. NOTICE ADDED; last update 2022-08-29");
    REQUIRE(villa.addresses.size() == 1);
    CHECK(villa.addresses[0] == Address{"3415 RIVERA AVENUE", "EL PASO", "TX", "79905", "", ""});

    // Last_Update typed 3033-09-30 by BIS: kept as written.
    const Entry& garcia = by_name(entries, "JOSE ERNESTO GARCIA");
    CHECK(garcia.remarks == "F.R. NOTICE ADDED; last update 3033-09-30");
    CHECK(garcia.start_date == "2022-09-26");
    CHECK(garcia.end_date == "2030-02-03");

    // Trailing space in the name; a 1987 order with no expiration date.
    const Entry& enderlein = by_name(entries, "DIETER ENDERLEIN");
    CHECK(enderlein.start_date == "1987-12-17");
    CHECK(enderlein.end_date.empty());
    CHECK(enderlein.remarks == "last update 2000-04-04");  // no Action
    CHECK(enderlein.addresses[0] == Address{"HAUPSTRASSE 23", "KREUZLINGEN", "", "CH-8280", "CH", "CH"});

    CHECK(by_name(entries, "MARJAN CABY").standard_order == "Y");  // written "y"

    const Entry& hu = by_name(entries, "JOHNSON HU");
    CHECK(hu.addresses[0].country_name == "PRC");
    CHECK(hu.addresses[0].country == "CN");

    // "NM" (New Mexico) sits in the Country column: no such country code.
    const Entry& smith = by_name(entries, "STEPHEN EDWARD SMITH");
    CHECK(smith.addresses[0].country_name == "NM");
    CHECK(smith.addresses[0].country.empty());
}

TEST_CASE("DPL: columns are found by header name") {
    const std::string text = test::fixture("dpl_excerpt.txt");

    const Error missing = parse_error(replace_once(text, "\"FR_Citation\"", "\"Citation\""));
    CHECK(missing.code() == "dpl_missing_column");
    CHECK(std::string(missing.what()).find("FR_Citation") != std::string::npos);
    CHECK(parse_error("").code() == "dpl_missing_column");

    // Swap the Name and City columns in every line: same entries.
    std::string swapped;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        std::vector<std::string> cells;
        std::size_t cell = start;
        for (std::size_t tab; (tab = text.find('\t', cell)) < end; cell = tab + 1) cells.push_back(text.substr(cell, tab - cell));
        cells.push_back(text.substr(cell, end - cell));
        std::swap(cells[0], cells[2]);
        for (std::size_t i = 0; i < cells.size(); ++i) swapped += (i ? "\t" : "") + cells[i];
        swapped += '\n';
        start = end + 1;
    }
    CHECK(parse_dpl_txt(swapped) == parse_dpl_txt(text));
}

TEST_CASE("DPL: a row with a missing field") {
    const std::string text = test::fixture("dpl_excerpt.txt");
    const Error bad = parse_error(replace_once(text, "\"EL PASO\"\t", ""));
    CHECK(bad.code() == "dpl_bad_row");
    CHECK(std::string(bad.what()) == "dpl.txt: line 3: expected 12 fields, found 11");
}

TEST_CASE("DPL: the full real file") {
    const auto entries = parse_dpl_txt(test::project_file("dpl/dpl.txt"), "dpl.txt");
    // 665 rows with 546 distinct Name cells; " I. ASH" and "I. ASH" are one party once trimmed: 545.
    CHECK(entries.size() == 545);
    // Distinct (street, city, state, country, postal) per party, counted independently with Python's csv.
    std::size_t addresses = 0;
    std::set<std::string> ids;
    for (const Entry& e : entries) {
        addresses += e.addresses.size();
        ids.insert(e.source_id);
        CHECK(e.source_id.size() == 20);
        CHECK(!e.start_date.empty());
    }
    CHECK(addresses == 663);
    CHECK(ids.size() == entries.size());

    const Entry& garcia = by_name(entries, "JOSE ERNESTO GARCIA");
    CHECK(garcia.remarks == "F.R. NOTICE ADDED; last update 3033-09-30");
    // The same name refreshed: the same id.
    CHECK(by_name(entries, "I. ASH").source_id == "DPL-1b01c974c7fecb9a");
}
