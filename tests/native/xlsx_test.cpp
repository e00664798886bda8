// The .xlsx reader (minizip + expat, native only) on excerpts of the real OFSI and DFAT workbooks
// (tests/fixtures/intl/make_excerpts.py), and what it says about files that are not whole workbooks.
#include <doctest/doctest.h>

#include "test_support.hpp"  // tests/native/ is not on the include path

#include <exportcheck/error.hpp>
#include <exportcheck/intl_lists.hpp>
#include <exportcheck/xlsx.hpp>

#include <algorithm>
#include <string>

using namespace exportcheck;

namespace {

std::string intl(const std::string& name) { return test::fixture("intl/" + name); }

Table sheet(const std::string& name) { return Table{name, "row", read_xlsx_sheet(intl(name), name)}; }

std::string refusal(const std::string& bytes) {
    try {
        read_xlsx_sheet(bytes, "list.xlsx");
    } catch (const Error& e) {
        CHECK(e.code() == "xlsx_invalid");
        return e.what();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("xlsx: the first worksheet's cells, shared strings resolved, numbers as written") {
    const auto rows = read_xlsx_sheet(intl("dfat_excerpt.xlsx"), "dfat_excerpt.xlsx");
    REQUIRE(rows.size() > 10);
    CHECK(rows[0].line == 1);
    CHECK(rows[0].fields[0] == "Reference");
    CHECK(rows[0].fields[11] == "Control Date");
    CHECK(rows[1].fields[1] == "MOHAMMAD HASSAN AKHUND");
    CHECK(rows[1].fields[11] == "41988");  // a date, stored as a day serial number
}

TEST_CASE("OFSI ConList: the .xlsx and the CSV of the same rows give the same entries") {
    const auto from_xlsx = parse_ofsi_conlist(sheet("ofsi_conlist_excerpt.xlsx"));
    const auto from_csv = parse_ofsi_conlist(csv_table(intl("ofsi_conlist_excerpt.csv"), "ConList.csv"));
    CHECK(from_xlsx.date == "2025-04-14");
    REQUIRE(from_xlsx.entries.size() == 5);
    CHECK(from_xlsx.entries == from_csv.entries);
}

TEST_CASE("DFAT consolidated list: one entry per base reference, aliases from the lettered rows") {
    const auto list = parse_dfat_consolidated(sheet("dfat_excerpt.xlsx"));
    CHECK(list.date == "2023-06-10");  // the latest Control Date of these rows
    REQUIRE(list.entries.size() == 6);
    const auto& akhund = test::entry_by_id(list.entries, "2");
    CHECK(akhund.list == "AU");
    CHECK(akhund.source == "dfat");
    CHECK(akhund.type == EntityType::person);
    CHECK(akhund.aliases == std::vector<Alias>{{"\u0645\u062d\u0645\u062f \u062d\u0633\u0646 \u0623\u062e\u0648\u0646\u062f", "original script"}});
    CHECK(akhund.dates_of_birth == std::vector<std::string>{"1955-1958", "1945-1950"});  // "Approximately 1955- 1958"
    CHECK(akhund.citizenships == std::vector<std::string>{"AF"});
    CHECK(akhund.programs == std::vector<std::string>{"1988 (Taliban)"});
    CHECK(test::entry_by_id(list.entries, "23").dates_of_birth == std::vector<std::string>{"1963-1968"});  // "Between 1963 to 1968"
    CHECK(test::entry_by_id(list.entries, "2680").dates_of_birth == std::vector<std::string>{"1961-01-01"});  // serial 22282

    const auto& bank = test::entry_by_id(list.entries, "2882");
    CHECK(bank.type == EntityType::organization);
    REQUIRE(bank.addresses.size() == 1);
    CHECK(bank.addresses[0].street == "71/11 Sadovnicheskaya Street, Moscow 115035");
    CHECK(bank.addresses[0].country == "RU");
    CHECK(test::entry_by_id(list.entries, "2570").addresses.at(0).country == "HK");  // "..., Hong Kong, China"
}

TEST_CASE("xlsx: a file that is not a whole workbook is refused, saying why") {
    const auto whole = intl("dfat_excerpt.xlsx");
    CHECK(refusal(whole.substr(0, whole.size() / 2)) ==
          "list.xlsx: not a complete .xlsx workbook: the zip archive has no central directory (truncated?)");
    CHECK(refusal("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head></html>\n") ==
          "list.xlsx: an HTML page, not an .xlsx workbook (an error page saved in its place?)");
    CHECK(refusal("") == "list.xlsx: empty file, not an .xlsx workbook");
    CHECK(refusal("Reference,Name\n1,X\n") == "list.xlsx: not an .xlsx workbook (not a zip archive)");
    // A zip that is not a workbook: the project's own test bundle is a gzip, so use an OFSI excerpt's
    // bytes with the workbook part renamed.
    auto renamed = intl("ofsi_conlist_excerpt.xlsx");
    for (std::size_t at = renamed.find("xl/workbook.xml"); at != std::string::npos; at = renamed.find("xl/workbook.xml", at + 1))
        renamed.replace(at, 15, "xl/workbook.xmz");
    CHECK(refusal(renamed) == "list.xlsx: a zip archive but not an .xlsx workbook: it has no xl/workbook.xml");
}

TEST_CASE("DFAT: a workbook of another layout is refused, naming the row and column") {
    CHECK_THROWS_WITH_AS(parse_dfat_consolidated(sheet("ofsi_conlist_excerpt.xlsx")),
                         doctest::Contains("ofsi_conlist_excerpt.xlsx: row 1: column 1 is \"Last Updated\", expected \"Reference\""),
                         Error);
}
