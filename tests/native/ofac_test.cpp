#include "test_support.hpp"

#include <exportcheck/error.hpp>
#include <exportcheck/lists.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

using namespace exportcheck;

namespace {
std::vector<Entry> parse_fixture_set() {
    const auto sdn = test::fixture("ofac_sdn/sdn.csv"), alt = test::fixture("ofac_sdn/alt.csv"),
               add = test::fixture("ofac_sdn/add.csv"), com = test::fixture("ofac_sdn/sdn_comments.csv");
    return parse_ofac_csv({sdn, add, alt, com}, "ofac_sdn");
}
}  // namespace

TEST_CASE("ofac: real SDN rows with -0- empties, CRLF and Ctrl-Z") {
    const auto entries = parse_fixture_set();
    REQUIRE(entries.size() == 4);

    const auto& person = test::entry_by_id(entries, "2677");
    CHECK(person.list == "SDN");
    CHECK(person.type == EntityType::person);
    CHECK(person.name == "AL-ZOMOR, Abboud Abdul Latif Hassan");
    CHECK(person.programs == std::vector<std::string>{"SDGT"});
    CHECK(person.dates_of_birth == std::vector<std::string>{"1947-04-19"});
    CHECK(person.nationalities == std::vector<std::string>{"EG"});
    CHECK(person.places_of_birth == std::vector<std::string>{"Nahia, Giza, Egypt"});
    CHECK(person.title.empty());

    const auto& vessel = test::entry_by_id(entries, "4238");
    CHECK(vessel.type == EntityType::vessel);
    CHECK(std::find(vessel.ids.begin(), vessel.ids.end(), "Call Sign CL2192") != vessel.ids.end());

    const auto& bank = test::entry_by_id(entries, "4632");
    CHECK(bank.type == EntityType::organization);
    CHECK(bank.programs == std::vector<std::string>{"IRAN", "SDGT", "IRGC", "IFSR"});
    CHECK(bank.source_information_url == "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=4632");
}

TEST_CASE("ofac: aliases, addresses and the remarks continuation join their entry") {
    const auto entries = parse_fixture_set();
    const auto& sber = test::entry_by_id(entries, "17018");
    CHECK(sber.name == "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA");
    CHECK_FALSE(sber.aliases.empty());
    CHECK(std::all_of(sber.aliases.begin(), sber.aliases.end(), [](const Alias& a) { return !a.type.empty(); }));
    REQUIRE_FALSE(sber.addresses.empty());
    CHECK(sber.addresses[0].country == "RU");
    // sdn.csv cuts long remarks; sdn_comments.csv carries the rest, appended as is.
    CHECK(sber.remarks.size() > 1000);
    CHECK(std::find(sber.ids.begin(), sber.ids.end(), "SWIFT/BIC SABRRUMM") != sber.ids.end());
}

TEST_CASE("ofac: the full 2023-12-29 SDN set") {
    const auto sdn = test::project_file("ofac/sdn_2023-12-29/sdn.csv"),
               alt = test::project_file("ofac/sdn_2023-12-29/alt.csv"),
               add = test::project_file("ofac/sdn_2023-12-29/add.csv"),
               com = test::project_file("ofac/sdn_2023-12-29/sdn_comments.csv");
    const auto entries = parse_ofac_csv({sdn, add, alt, com}, "ofac_sdn");
    CHECK(entries.size() == 13821);
    std::map<EntityType, int> types;
    std::size_t aliases = 0;
    for (const auto& e : entries) {
        ++types[e.type];
        aliases += e.aliases.size();
    }
    CHECK(types[EntityType::person] == 6646);
    CHECK(types[EntityType::organization] == 6033);
    CHECK(types[EntityType::vessel] == 764);
    CHECK(types[EntityType::aircraft] == 378);
    CHECK(aliases == 17091);  // every alt.csv row belongs to an SDN entry
}

TEST_CASE("ofac: the non-SDN set maps programs to lists") {
    const auto prim = test::project_file("ofac/nonsdn_cons_2025-12/cons_prim.csv"),
               alt = test::project_file("ofac/nonsdn_cons_2025-12/cons_alt.csv"),
               add = test::project_file("ofac/nonsdn_cons_2025-12/cons_add.csv"),
               com = test::project_file("ofac/nonsdn_cons_2025-12/cons_comments.csv");
    const auto entries = parse_ofac_csv({prim, add, alt, com, "cons_prim.csv", "cons_add.csv", "cons_alt.csv",
                                         "cons_comments.csv"}, "ofac_cons");
    REQUIRE(entries.size() == 442);
    std::map<std::string, int> lists;
    for (const auto& e : entries) ++lists[e.list];
    CHECK(lists["SSI"] == 286);
    CHECK(lists["PLC"] == 78);
    CHECK(lists["CMIC"] == 68);
    CHECK(lists["CAP"] == 1);
    CHECK(lists["MBS"] == 9);
    CHECK(test::entry_by_id(entries, "15268").list == "CAP");  // Bank of Kunlun, 561-Related
}

TEST_CASE("ofac: bad rows name the file and the line") {
    CHECK_THROWS_WITH_AS(parse_ofac_csv({"12,\"X\",-0-\r\n"}, "ofac_sdn"),
                         doctest::Contains("sdn.csv: line 1: expected 12 fields, found 3"), Error);
    CHECK_THROWS_WITH_AS(parse_ofac_csv({"abc,\"X\",,,,,,,,,,\r\n"}, "ofac_sdn"),
                         doctest::Contains("line 1: field 1 (ent_num)"), Error);
    CHECK_THROWS_WITH_AS(parse_ofac_csv({"1,\"X\",,,,,,,,,,\r\n1,\"Y\",,,,,,,,,,\r\n"}, "ofac_sdn"),
                         doctest::Contains("ent_num 1 appears twice"), Error);
    CHECK_THROWS_WITH_AS(parse_ofac_csv({"1,\"X\",,,,,,,,,,\r\n", "1,2,\"street\r\n"}, "ofac_sdn"),
                         doctest::Contains("add.csv: line 1: a quoted field opened here is never closed"), Error);
}
