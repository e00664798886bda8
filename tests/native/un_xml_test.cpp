// UN Security Council consolidated list XML parser (native only: expat). Fixture: whole records cut from
// the real file, in the real root element.
#include <doctest/doctest.h>

#include "test_support.hpp"  // tests/native/ is not on the include path

#include <exportcheck/error.hpp>
#include <exportcheck/lists.hpp>
#include <exportcheck/un_xml.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace exportcheck;

namespace {

bool has_alias(const Entry& e, const std::string& name, const std::string& type) {
    return std::find(e.aliases.begin(), e.aliases.end(), Alias{name, type}) != e.aliases.end();
}

// The Error thrown by parsing `xml`, or a failed check when none is thrown.
Error parse_error(const std::string& xml) {
    try {
        parse_un_xml(xml, "un.xml");
    } catch (const Error& e) {
        return e;
    }
    FAIL("no exportcheck::Error thrown");
    return Error("", "");
}

}  // namespace

TEST_CASE("UN XML: a person with a Cyrillic original-script name") {
    const auto entries = parse_un_xml(test::fixture("un_excerpt.xml"), "un_excerpt.xml");
    REQUIRE(entries.size() == 8);
    const Entry& e = test::entry_by_id(entries, "QDi.290");
    CHECK(e.list == "UN");
    CHECK(e.source == "un");
    CHECK(e.type == EntityType::person);
    CHECK(e.name == "DOKU KHAMATOVICH UMAROV");
    CHECK(e.programs == std::vector<std::string>{"Al-Qaida"});
    CHECK(e.start_date == "2011-03-10");
    // Original script first; the repeated "Dokka Umarov" (listed twice with different birth dates) once.
    REQUIRE(e.aliases.size() == 3);
    CHECK(e.aliases[0] == Alias{"Умаров Доку Хаматович", "original script"});
    CHECK(has_alias(e, "Lom-ali Butayev (Butaev)", "Good"));
    CHECK(has_alias(e, "Dokka Umarov", "Good"));
    CHECK(e.dates_of_birth == std::vector<std::string>{"1964-04-13", "1965-04-13", "1964-05-12", "1955"});
    CHECK(e.places_of_birth ==
          std::vector<std::string>{
              "Kharsenoy Village, Shatoyskiy (Sovetskiy) District, Chechenskaya Respublika, Russian Federation"});
    // "former Soviet Union" is no country code and stays out.
    CHECK(e.nationalities == std::vector<std::string>{"RU"});
    CHECK(e.ids == std::vector<std::string>{"Passport: 96 03 464086 (Russian Federation)"});
    CHECK(e.addresses.empty());  // only an empty <COUNTRY/>
    CHECK(e.remarks.rfind("Physical description: 180 cm tall, dark hair, 7-9 cm. long scar on the face,", 0) == 0);
    CHECK(e.source_url == "https://scsanctions.un.org/resources/xml/en/consolidated.xml");
}

TEST_CASE("UN XML: titles, designation, Arabic script, documents") {
    const auto entries = parse_un_xml(test::fixture("un_excerpt.xml"), "un_excerpt.xml");
    const Entry& e = test::entry_by_id(entries, "TAi.034");
    CHECK(e.name == "ABDUL JALIL HAQQANI WALI MOHAMMAD");
    CHECK(e.title == "Maulavi; Mullah");
    CHECK(e.programs == std::vector<std::string>{"Taliban"});
    CHECK(e.start_date == "2001-01-25");
    REQUIRE(e.aliases.size() == 6);
    CHECK(e.aliases[0] == Alias{"عبد الجليل حقانی ولی محمد", "original script"});
    CHECK(has_alias(e, "Haji Gulab Gul (حاجی گلاب گل ولد حاجی حضرت گل )", "Good"));
    CHECK(has_alias(e, "Nazar Jan", "Low"));
    CHECK(e.remarks.rfind("designation: Deputy Minister of Foreign Affairs under the Taliban regime | Believed to be "
                          "in Afghanistan/Pakistan border area.",
                          0) == 0);
    CHECK(e.nationalities == std::vector<std::string>{"AF"});
    CHECK(e.dates_of_birth == std::vector<std::string>{"1963"});
    CHECK(e.places_of_birth == std::vector<std::string>{
                                   "Khwaja Malik village, Arghandab District, Kandahar Province, Afghanistan",
                                   "Kandahar City, Kandahar Province, Afghanistan"});
    CHECK(e.ids == std::vector<std::string>{"Passport: OR1961825 (Afghanistan)", "Passport: TR024417 (Afghanistan)"});
}

TEST_CASE("UN XML: first record, year ranges and zoned listing dates") {
    const auto entries = parse_un_xml(test::fixture("un_excerpt.xml"), "un_excerpt.xml");
    const Entry& badege = test::entry_by_id(entries, "CDi.001");
    CHECK(badege.name == "ERIC BADEGE");
    CHECK(badege.aliases.empty());  // an empty <ALIAS_NAME/> is no alias
    CHECK(badege.nationalities == std::vector<std::string>{"CD"});
    CHECK(badege.dates_of_birth == std::vector<std::string>{"1971"});
    CHECK(badege.places_of_birth.empty());
    REQUIRE(badege.addresses.size() == 1);
    CHECK(badege.addresses[0] == Address{"", "", "", "", "RW", "Rwanda"});

    const Entry& gadet = test::entry_by_id(entries, "SSi.006");
    CHECK(gadet.name == "PETER GADET");
    CHECK(gadet.start_date == "2015-07-01");  // written "2015-07-01-04:00"
    CHECK(gadet.dates_of_birth == std::vector<std::string>{"1957-1959"});
    CHECK(gadet.title == "General; Major General");
    CHECK(gadet.aliases.size() == 6);

    const Entry& amar = test::entry_by_id(entries, "QDi.314");
    CHECK(amar.dates_of_birth == std::vector<std::string>{"1977-1982"});
    CHECK(amar.places_of_birth == std::vector<std::string>{"Tabankort, Mali"});
    REQUIRE(amar.addresses.size() == 4);
    CHECK(amar.addresses[1] == Address{"", "Tabankort", "", "", "ML", "Mali"});
}

TEST_CASE("UN XML: entities") {
    const auto entries = parse_un_xml(test::fixture("un_excerpt.xml"), "un_excerpt.xml");
    CHECK(std::count_if(entries.begin(), entries.end(),
                        [](const Entry& e) { return e.type == EntityType::organization; }) == 3);

    const Entry& aqim = test::entry_by_id(entries, "QDe.014");
    CHECK(aqim.type == EntityType::organization);
    CHECK(aqim.name == "THE ORGANIZATION OF AL-QAIDA IN THE ISLAMIC MAGHREB");
    CHECK(aqim.start_date == "2001-10-06");
    REQUIRE(aqim.aliases.size() == 5);
    CHECK(aqim.aliases[0] == Alias{"تنظيم القا عدة ببلاد المغرب الاسلامي", "original script"});
    CHECK(has_alias(aqim, "AQIM", "a.k.a."));
    CHECK(has_alias(aqim, "Le Groupe Salafiste pour La Prédication et le Combat (GSPC)", "f.k.a."));
    std::vector<std::string> countries;
    for (const Address& a : aqim.addresses) countries.push_back(a.country);
    CHECK(countries == std::vector<std::string>{"DZ", "ML", "MR", "MA", "NE", "TN"});

    const Entry& ryonbong = test::entry_by_id(entries, "KPe.002");
    CHECK(ryonbong.programs == std::vector<std::string>{"DPRK"});
    CHECK(ryonbong.aliases == std::vector<Alias>{{"KOREA YONBONG GENERAL CORPORATION", "a.k.a."},
                                                 {"LYONGAKSAN GENERAL TRADING CORPORATION", "f.k.a."}});
    REQUIRE(ryonbong.addresses.size() == 2);
    CHECK(ryonbong.addresses[0] ==
          Address{"Pot’onggang District", "Pyongyang", "", "", "KP", "Democratic People's Republic of Korea"});

    const Entry& hawala = test::entry_by_id(entries, "TAe.014");
    CHECK(hawala.start_date == "2015-03-27");
    CHECK(hawala.aliases.size() == 8);
    REQUIRE(hawala.addresses.size() == 11);
    CHECK(hawala.addresses[0].postal_code == "Chaman, Baluchistan Province");  // the UN's own field shift
    CHECK(hawala.addresses[10] == Address{"", "", "", "", "IR", "Iran (Islamic Republic of)"});
}

TEST_CASE("UN XML: dateGenerated") {
    CHECK(un_xml_date_generated(test::fixture("un_excerpt.xml")) == "2026-02-27T00:00:09.554Z");
    CHECK(un_xml_date_generated("<CONSOLIDATED_LIST dateGenerated = '2025-01-02'/>") == "2025-01-02");
    CHECK(un_xml_date_generated("<CONSOLIDATED_LISTS dateGenerated=\"x\"/>").empty());
    CHECK(un_xml_date_generated("<CONSOLIDATED_LIST/>").empty());
}

TEST_CASE("UN XML: malformed and foreign documents") {
    const std::string xml = test::fixture("un_excerpt.xml");

    // Cut inside the third record: expat reports where the input ended.
    const std::string truncated = xml.substr(0, xml.find("<REFERENCE_NUMBER>QDi.314") + 10);
    const Error cut = parse_error(truncated);
    CHECK(cut.code() == "un_xml_malformed");
    const std::string cut_line = std::to_string(std::count(truncated.begin(), truncated.end(), '\n') + 1);
    CHECK(std::string(cut.what()).rfind("un.xml: line " + cut_line + ", column ", 0) == 0);

    const Error mismatched = parse_error("<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n</ENTITIES>\n</CONSOLIDATED_LIST>");
    CHECK(mismatched.code() == "un_xml_malformed");
    CHECK(std::string(mismatched.what()) == "un.xml: line 3, column 3: mismatched tag");

    CHECK(parse_error("").code() == "un_xml_malformed");

    const Error other = parse_error("<?xml version=\"1.0\"?><sdnList><sdnEntry/></sdnList>");
    CHECK(other.code() == "un_xml_not_consolidated_list");
    CHECK(std::string(other.what()).find("sdnList") != std::string::npos);

    CHECK(parse_un_xml("<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>").empty());
}

TEST_CASE("UN XML: the full real file") {
    const std::string xml = test::project_file("un/UN_consolidated.xml");
    const auto entries = parse_un_xml(xml, "UN_consolidated.xml");
    const auto persons = std::count_if(entries.begin(), entries.end(),
                                       [](const Entry& e) { return e.type == EntityType::person; });
    const auto organizations = std::count_if(entries.begin(), entries.end(),
                                             [](const Entry& e) { return e.type == EntityType::organization; });
    CHECK(persons == 730);
    CHECK(organizations == 273);
    CHECK(entries.size() == 1003);
    CHECK(un_xml_date_generated(xml) == "2026-02-27T00:00:09.554Z");

    // Counted independently with Python's xml.etree: 2,139 + 613 non-empty aliases, 10 of them repeated
    // within their record; 336 + 42 original-script names; 460 + 283 addresses with any of street, city,
    // state, zip or country, 3 of them repeated within their record.
    std::size_t aliases = 0, original = 0, addresses = 0, unnamed = 0, with_start = 0;
    for (const Entry& e : entries) {
        aliases += e.aliases.size();
        original += std::count_if(e.aliases.begin(), e.aliases.end(),
                                  [](const Alias& a) { return a.type == "original script"; });
        addresses += e.addresses.size();
        unnamed += e.name.empty();
        with_start += e.start_date.size() == 10;
    }
    CHECK(original == 378);
    CHECK(aliases == 2139 + 613 - 10 + 378);
    CHECK(addresses == 743 - 3);
    CHECK(unnamed == 0);
    CHECK(with_start == entries.size());
}
