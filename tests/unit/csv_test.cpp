#include "test_support.hpp"

#include <exportcheck/csv.hpp>
#include <exportcheck/error.hpp>

#include <doctest/doctest.h>

using exportcheck::CsvOptions;
using exportcheck::CsvReader;
using exportcheck::CsvRow;

namespace {
std::vector<std::vector<std::string>> read_all(std::string_view text, CsvOptions o = {}) {
    CsvReader r(text, "t.csv", o);
    CsvRow row;
    std::vector<std::vector<std::string>> rows;
    while (r.next(row)) rows.push_back(row.fields);
    return rows;
}
}  // namespace

TEST_CASE("csv: quoted fields keep embedded delimiters, doubled quotes and newlines") {
    const auto rows = read_all("a,\"b, c\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",3\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == std::vector<std::string>{"a", "b, c", "say \"hi\""});
    CHECK(rows[1] == std::vector<std::string>{"1", "two\nlines", "3"});
}

TEST_CASE("csv: OFAC empties, trailing spaces after quotes, CRLF and the final Ctrl-Z") {
    CsvOptions o;
    o.ofac_empty = true;
    const auto rows = read_all("36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- \r\n173,\"X\" ,-0-,\"-0-\"\r\n\x1A", o);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == std::vector<std::string>{"36", "AEROCARIBBEAN AIRLINES", "", "CUBA", ""});
    CHECK(rows[1] == std::vector<std::string>{"173", "X", "", "-0-"});  // a quoted "-0-" is text
}

TEST_CASE("csv: BOM, blank lines, mixed line endings and line numbers") {
    CsvReader r("\xEF\xBB\xBFh1,h2\r\n\r\nx,y\ny,\"multi\nline\"\nz,w\n", "t.csv");
    CsvRow row;
    REQUIRE(r.next(row));
    CHECK(row.fields[0] == "h1");
    CHECK(row.line == 1);
    REQUIRE(r.next(row));
    CHECK(row.line == 3);
    REQUIRE(r.next(row));
    CHECK(row.line == 4);
    REQUIRE(r.next(row));
    CHECK(row.line == 6);
    CHECK(row.fields == std::vector<std::string>{"z", "w"});
    CHECK_FALSE(r.next(row));
}

TEST_CASE("csv: an unbalanced quote is an error naming the file and the line") {
    CsvReader r("a,b\nc,\"never closed\nd,e\n", "orders.csv");
    CsvRow row;
    REQUIRE(r.next(row));
    CHECK_FALSE(r.error());
    CHECK_FALSE(r.next(row));
    REQUIRE(r.error());
    CHECK(r.error()->code() == "csv_unbalanced_quote");
    CHECK(std::string(r.error()->what()).find("orders.csv: line 2") != std::string::npos);
    CHECK_FALSE(r.next(row));  // and it stays stopped
}

TEST_CASE("csv: tab-delimited with quotes") {
    CsvOptions o;
    o.delimiter = '\t';
    const auto rows = read_all("\"Name\"\t\"City\"\n\" I. ASH\"\t\"SEAGOVILLE\"\n", o);
    REQUIRE(rows.size() == 2);
    CHECK(rows[1] == std::vector<std::string>{" I. ASH", "SEAGOVILLE"});
}

TEST_CASE("to_utf8: valid UTF-8 passes, Latin-1 and cp1252 bytes are converted") {
    CHECK(exportcheck::to_utf8("Türkiye Şirketi") == "Türkiye Şirketi");
    CHECK(exportcheck::to_utf8("Caf\xE9 \x80 \x96") == "Café € –");
    CHECK(exportcheck::to_utf8("\xC3") == "Ã");  // a lone lead byte is Latin-1
    // Shaped like UTF-8 but not UTF-8 (found by the order_csv fuzzer): beyond U+10FFFF, overlong, a surrogate.
    CHECK(exportcheck::to_utf8("\xF5\xBC\xBC\xBC") == "\u00F5\u00BC\u00BC\u00BC");
    CHECK(exportcheck::to_utf8("\xF4\x90\x80\x80") == "\u00F4\uFFFD\u20AC\u20AC");  // 0x90: no cp1252 character
    CHECK(exportcheck::to_utf8("\xE0\x80\xAF") == "\u00E0\u20AC\u00AF");
    CHECK(exportcheck::to_utf8("\xED\xA0\x80") == "\u00ED\u00A0\u20AC");
    CHECK(exportcheck::to_utf8("\xF4\x8F\xBF\xBF \xF0\x9F\x99\x82") == "\xF4\x8F\xBF\xBF \xF0\x9F\x99\x82");  // U+10FFFF, an emoji
}

TEST_CASE("csv: a real cp1252 file (HM Treasury list) reads as UTF-8, quotes and all") {
    const auto text = exportcheck::test::fixture("hmt_conlist_excerpt.csv");
    CsvReader r(text, "sanctionsconlist.csv");
    CsvRow row;
    std::size_t rows = 0;
    bool found = false;
    while (r.next(row)) {
        ++rows;
        if (row.line == 3) {
            CHECK(row.fields[0] == "ABDOULAYE");
            for (const auto& f : row.fields) found = found || f.find("in particular in the \u2018PK5\u2019") != std::string::npos;
        }
    }
    CHECK(found);          // cp1252 0x91/0x92 became U+2018/U+2019
    CHECK(rows == 14);     // "Last Updated" line, the header, 12 name rows
}
