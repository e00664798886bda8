// The UK and Australian list parsers on rows cut from the real files (tests/fixtures/intl/, made by
// make_excerpts.py): OFSI's ConList as CSV, the UK Sanctions List's derived CSVs, and the UK merge.
// The .xlsx reading is native-only: tests/native/xlsx_test.cpp.
#include "test_support.hpp"

#include <exportcheck/error.hpp>
#include <exportcheck/intl_lists.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace exportcheck;

namespace {

std::string intl(const std::string& name) { return test::fixture("intl/" + name); }

bool has_alias(const Entry& e, const std::string& name) {
    return std::any_of(e.aliases.begin(), e.aliases.end(), [&](const Alias& a) { return a.name == name; });
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

struct UkslFixture {
    std::string subjects = intl("uksl/subjects.csv"), names = intl("uksl/subject_names.csv"),
                dobs = intl("uksl/subject_dobs.csv"), identifiers = intl("uksl/subject_identifiers.csv"),
                countries = intl("uksl/subject_countries.csv");
    ParsedList parse() const { return parse_uksl_derived({subjects, names, dobs, identifiers, countries}); }
};

ParsedList ofsi_csv() { return parse_ofsi_conlist(csv_table(intl("ofsi_conlist_excerpt.csv"), "ConList.csv")); }

}  // namespace

TEST_CASE("OFSI ConList (2022 format, CSV): one entry per Group ID, its rows folded together") {
    const auto list = ofsi_csv();
    CHECK(list.date == "2025-04-14");
    CHECK(list.date_basis == "the file's \"Last Updated\" line");
    REQUIRE(list.entries.size() == 5);

    const auto& haq = test::entry_by_id(list.entries, "15672");
    CHECK(haq.list == "UK");
    CHECK(haq.source == "ofsi_conlist");
    CHECK(haq.name == "Mian Abdul HAQ");  // the "Primary name" row, whatever row comes first
    CHECK(haq.type == EntityType::person);
    CHECK(has_alias(haq, "Mian MITHOO"));
    CHECK(haq.title == "Mr");
    CHECK(haq.programs == std::vector<std::string>{"Global Human Rights"});
    CHECK(haq.start_date == "2022-12-09");
    CHECK(contains(haq.ids, "UK Sanctions List Ref: GHR0086"));
    CHECK(haq.remarks.find("Statement of Reasons") == std::string::npos);  // long prose left to the source

    const auto& kiselyov = test::entry_by_id(list.entries, "12944");
    CHECK(kiselyov.dates_of_birth == std::vector<std::string>{"1954-04-26"});
    CHECK(contains(kiselyov.places_of_birth, "Moscow, Russia"));
    CHECK(kiselyov.nationalities == std::vector<std::string>{"RU"});

    const auto& trader = test::entry_by_id(list.entries, "16526");
    CHECK(trader.type == EntityType::organization);
    CHECK(has_alias(trader, "\u9999\u6e2f\u6052\u90a6\u5fae\u96fb\u5b50\u6709\u9650\u516c\u53f8"));  // its Chinese name
    REQUIRE(!trader.addresses.empty());
    CHECK(trader.addresses[0].country == "HK");  // "Hong Kong" filed under China by OFSI

    const auto& ship = test::entry_by_id(list.entries, "13651");
    CHECK(ship.type == EntityType::vessel);
    CHECK(ship.aliases.size() >= 8);

    // "(UK Sanctions List Ref):SYR0278. Director/Management name is ...": the reference is the first word.
    CHECK(contains(test::entry_by_id(list.entries, "12057").ids, "UK Sanctions List Ref: SYR0278"));
}

TEST_CASE("OFSI ConList: a file of another layout is refused, naming the file, line and column") {
    CHECK_THROWS_WITH_AS(parse_ofsi_conlist(csv_table("Last Updated,14/04/2025\nName,Alias\nX,Y\n", "ConList.csv")),
                         doctest::Contains("ConList.csv: line 2: column 1 is \"Name\", expected \"Name 6\""), Error);
    auto rows = intl("ofsi_conlist_excerpt.csv");
    rows += "NOBODY" + std::string(35, ',') + "\r\n";  // a row without its Group ID
    CHECK_THROWS_WITH_AS(parse_ofsi_conlist(csv_table(rows, "ConList.csv")),
                         doctest::Contains("ConList.csv: line 23: field `Group ID` is empty"), Error);
}

TEST_CASE("UK Sanctions List (derived CSVs): one entry per subject with its names, DOBs, IDs and countries") {
    const auto list = UkslFixture{}.parse();
    CHECK(list.date == "2026-04-14");  // the excerpt's latest last_updated
    REQUIRE(list.entries.size() == 6);
    const auto& alliance = test::entry_by_id(list.entries, "RUS3179");  // designated 2026-02-24: not in OFSI's 2025 file
    CHECK(alliance.name == "ALLIANCE CAPITAL KS SP Z O O");
    CHECK(alliance.type == EntityType::organization);
    CHECK(alliance.start_date == "2026-02-24");
    REQUIRE(alliance.addresses.size() == 1);
    CHECK(alliance.addresses[0].country == "PL");
    CHECK(test::entry_by_id(list.entries, "DPR0100").type == EntityType::vessel);
    CHECK(contains(test::entry_by_id(list.entries, "DPR0100").ids, "IMO number: 7408873"));
}

TEST_CASE("UK Sanctions List: dates of birth come from raw_value only (the parsed columns belong to other rows)") {
    auto akhund = test::entry_by_id(UkslFixture{}.parse().entries, "AFG0006");
    // raw_value says dd/mm/1945 ... dd/mm/1958; the misaligned `year` column says 1963, 1968, 1969...
    std::sort(akhund.dates_of_birth.begin(), akhund.dates_of_birth.end());
    CHECK(akhund.dates_of_birth == std::vector<std::string>{"1945", "1946", "1947", "1948", "1949", "1950", "1955",
                                                            "1956", "1957", "1958"});
    CHECK(akhund.name == "MOHAMMAD HASSAN AKHUND");
}

TEST_CASE("UK Sanctions List: a row naming a subject the file does not have is refused") {
    UkslFixture f;
    f.names += "99999,XXX0001,primary,,NOBODY,NOBODY,,,,,\n";
    CHECK_THROWS_WITH_AS(f.parse(), doctest::Contains("subject_names.csv: line 24: field `unique_id`: \"XXX0001\" is not in subjects.csv"),
                         Error);
}

TEST_CASE("UK merge: the newer list decides who is listed; OFSI adds its detail by shared identifiers") {
    auto uk = UkslFixture{}.parse().entries;
    const auto ofsi = ofsi_csv().entries;
    const auto m = merge_uk_sources(uk, ofsi, "2025-04-14");
    CHECK(m.enriched == 4);
    CHECK(m.dropped == 1);  // the Syrian agency SYR0278, no longer on the UK Sanctions List
    CHECK(uk.size() == 6);
    CHECK(std::none_of(uk.begin(), uk.end(), [](const Entry& e) { return e.source_id == "SYR0278" || e.source_id == "12057"; }));

    const auto& haq = test::entry_by_id(uk, "GHR0086");
    CHECK(haq.name == "Mian Abdul Haq");  // the newer list's spelling leads
    CHECK(!has_alias(haq, "Mian Abdul HAQ"));  // the same name but for case is not a second alias
    CHECK(haq.programs == std::vector<std::string>{"Global Human Rights"});  // the regime, only OFSI names it
    REQUIRE(haq.addresses.size() == 1);  // OFSI's full address replaces the bare country
    CHECK(haq.addresses[0].street == "Hafizabad Taluka Daharki, District Ghotki");
    CHECK(haq.addresses[0].country == "PK");
    CHECK(haq.corroboration == std::vector<std::string>{"OFSI Consolidated List of 2025-04-14, group ID 15672"});

    const auto& kiselyov = test::entry_by_id(uk, "RUS0001");
    CHECK(contains(kiselyov.places_of_birth, "Moscow, Russia"));
    CHECK(!contains(kiselyov.places_of_birth, "Russia"));  // the bare country gave way to the town
    CHECK(std::none_of(kiselyov.ids.begin(), kiselyov.ids.end(), [](const std::string& id) { return id.starts_with("UK Sanctions List Ref"); }));
    CHECK(test::entry_by_id(uk, "RUS3179").corroboration.empty());  // only on the newer list
}

TEST_CASE("UK merge: joined by OFSI group ID when the reference is missing") {
    auto uk = UkslFixture{}.parse().entries;
    auto ofsi = ofsi_csv().entries;
    for (auto& e : ofsi) std::erase_if(e.ids, [](const std::string& id) { return id.starts_with("UK Sanctions List Ref"); });
    CHECK(merge_uk_sources(uk, ofsi, "2025-04-14").enriched == 4);
}
