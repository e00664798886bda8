// OFAC's XML publication (sdnList schema of SDN.XML / CONSOLIDATED.XML; native only: expat). Fixture:
// four whole records cut from the real CONSOLIDATED.XML of 2026-01-08, its Record_Count set to 4.
#include <doctest/doctest.h>

#include "test_support.hpp"  // tests/native/ is not on the include path

#include <exportcheck/error.hpp>
#include <exportcheck/lists.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace exportcheck;

namespace {

std::string error_of(const std::string& xml) {
    try {
        parse_ofac_xml(xml, "ofac_cons", "CONSOLIDATED.XML");
    } catch (const Error& e) {
        return e.what();
    }
    FAIL("no exportcheck::Error thrown");
    return "";
}

}  // namespace

TEST_CASE("OFAC XML: people, an entity with addresses and ids, the publish date") {
    std::string published;
    const auto entries = parse_ofac_xml(test::fixture("ofac_cons_xml/CONSOLIDATED.XML"), "ofac_cons",
                                        "CONSOLIDATED.XML", &published);
    CHECK(published == "2026-01-08");
    REQUIRE(entries.size() == 4);

    const Entry& p = test::entry_by_id(entries, "9639");
    CHECK(p.list == "PLC");  // program NS-PLC, as the CSL files it
    CHECK(p.type == EntityType::person);
    CHECK(p.name == "HANIYA, Ismail Abdul Salah");  // the legacy files' "LAST, First"
    CHECK(p.aliases.front() == Alias{"HANIYA, Ismail", "a.k.a."});
    CHECK(p.dates_of_birth == std::vector<std::string>{"1962"});
    CHECK(p.places_of_birth == std::vector<std::string>{"Shati"});

    const Entry& bank = test::entry_by_id(entries, "15268");
    CHECK(bank.list == "CAP");  // program 561-Related
    CHECK(bank.type == EntityType::organization);
    CHECK(bank.name == "BANK OF KUNLUN CO LTD");
    CHECK(std::find(bank.ids.begin(), bank.ids.end(), "SWIFT/BIC CKLBCNBJ") != bank.ids.end());
    CHECK(std::find(bank.aliases.begin(), bank.aliases.end(), Alias{"KARAMAY URBAN CREDIT COOPERATIVES", "f.k.a."}) !=
          bank.aliases.end());
    REQUIRE(bank.addresses.size() == 4);
    CHECK(bank.addresses[0].street == "172 Xibin Rd, Ranghulu District, (Daqing, Heilongjiang Branch)");
    CHECK(bank.addresses[0].city == "Daqing");
    CHECK(bank.addresses[0].postal_code == "163453");
    CHECK(bank.addresses[0].country == "CN");
    CHECK(bank.addresses[2].state == "Karamay");
}

TEST_CASE("OFAC XML: the same file read as SDN.XML puts every entry on the SDN list") {
    const auto entries = parse_ofac_xml(test::fixture("ofac_cons_xml/CONSOLIDATED.XML"), "ofac_sdn", "SDN.XML");
    REQUIRE(entries.size() == 4);
    CHECK(std::all_of(entries.begin(), entries.end(), [](const Entry& e) { return e.list == "SDN"; }));
}

TEST_CASE("OFAC XML: a cut, malformed or foreign file is refused, naming the file and line") {
    const auto xml = test::fixture("ofac_cons_xml/CONSOLIDATED.XML");
    // Cut after the third record: well-formed once closed, but fewer entries than Record_Count says.
    const auto cut = xml.substr(0, xml.find("  <sdnEntry>\n    <uid>15268")) + "</sdnList>\n";
    CHECK(error_of(cut) == "CONSOLIDATED.XML: publshInformation/Record_Count says 4 entries, the file has 3");
    CHECK(error_of(xml.substr(0, xml.size() / 2)).starts_with("CONSOLIDATED.XML: line "));
    CHECK(error_of("<CONSOLIDATED_LIST/>") ==
          "CONSOLIDATED.XML: the root element is <CONSOLIDATED_LIST>, not <sdnList> (OFAC's SDN.XML / CONSOLIDATED.XML)");
    CHECK(error_of("<sdnList><sdnEntry><uid>x1</uid><lastName>A</lastName></sdnEntry></sdnList>") ==
          "CONSOLIDATED.XML: line 1: sdnEntry/uid \"x1\" is not a number");
    CHECK(error_of("<sdnList><sdnEntry><uid>1</uid></sdnEntry></sdnList>") ==
          "CONSOLIDATED.XML: line 1: sdnEntry 1 has no lastName");
    CHECK(error_of("<sdnList><sdnEntry><uid>1</uid><lastName>A</lastName></sdnEntry>"
                   "<sdnEntry><uid>1</uid><lastName>B</lastName></sdnEntry></sdnList>") ==
          "CONSOLIDATED.XML: line 1: uid 1 appears twice");
}
