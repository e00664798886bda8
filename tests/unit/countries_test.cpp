// exportcheck::country_code / country_name / is_country_code, on the spellings the real lists use.
#include <doctest/doctest.h>

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exportcheck/countries.hpp"
#include "test_support.hpp"

using exportcheck::country_code;
using exportcheck::country_name;
using exportcheck::is_country_code;

namespace {

// The generated tables themselves, to check every entry round-trips through the public API.
struct NameCode {
    std::string_view name;
    std::string_view code;
};
struct CodeName {
    std::string_view code;
    std::string_view name;
};
#include "../../core/src/text/country_table.inc"

struct Case {
    std::string_view input;
    std::string_view code;
};

void check_cases(std::initializer_list<Case> cases) {
    for (const Case& c : cases) {
        INFO("input: \"" << c.input << "\"");
        CHECK(country_code(c.input) == c.code);
    }
}

// Minimal quote-aware CSV split of one line (OFAC legacy CSV: "" escapes a quote inside quotes).
std::vector<std::string> split_csv_line(std::string_view line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    return fields;
}

// Distinct values of one column of an OFAC add.csv style file (no header, CRLF, trailing 0x1A).
std::set<std::string> ofac_column(const std::string& text, std::size_t column) {
    std::set<std::string> values;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + start, end - start);
        start = end + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == '\x1a')) line.remove_suffix(1);
        if (line.empty()) continue;
        const auto fields = split_csv_line(line);
        if (fields.size() > column) values.insert(fields[column]);
    }
    return values;
}

std::string xml_unescape(std::string_view s) {
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"&apos;", '\''}, {"&quot;", '"'}, {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}};
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        bool replaced = false;
        for (const auto& [entity, ch] : kEntities) {
            if (s.substr(i, entity.size()) == entity) {
                out += ch;
                i += entity.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) out += s[i++];
    }
    return out;
}

// Text of every <open>...</close> element whose body holds no further markup.
std::set<std::string> xml_texts(const std::string& xml, std::string_view open, std::string_view close) {
    std::set<std::string> values;
    for (std::size_t at = xml.find(open); at != std::string::npos; at = xml.find(open, at + 1)) {
        const std::size_t body = at + open.size();
        const std::size_t end = xml.find(close, body);
        if (end == std::string::npos) break;
        const std::string_view text(xml.data() + body, end - body);
        if (text.find('<') == std::string_view::npos) values.insert(xml_unescape(text));
    }
    return values;
}

// OFAC "-0- " marks an empty field.
bool is_ofac_empty(std::string_view value) { return value.empty() || value == "-0-" || value == "-0- "; }

// Names in the real files that name no single country; see the header of data/countries/aliases.tsv.
const std::set<std::string, std::less<>> kDeliberatelyUnmapped = {
    "undetermined",
    "Region: Commonwealth of Independent States",
    "Region: Kafia Kingi",
    "Region: Jammu and Kashmir",
};

void check_every_name_maps(const std::set<std::string>& names) {
    std::size_t mapped = 0;
    for (const std::string& name : names) {
        if (kDeliberatelyUnmapped.contains(name)) {
            CHECK_MESSAGE(country_code(name).empty(), name);
            continue;
        }
        INFO("name: \"" << name << "\"");
        CHECK(country_code(name).size() == 2);
        ++mapped;
    }
    CHECK(mapped > 0);
}

}  // namespace

TEST_CASE("OFAC country column spellings") {
    check_cases({
        {"Korea, North", "KP"},
        {"Korea, South", "KR"},
        {"Burma", "MM"},
        {"Bahamas, The", "BS"},
        {"The Gambia", "GM"},
        {"Congo, Democratic Republic of the", "CD"},
        {"Congo, Republic of the", "CG"},
        {"Cote d Ivoire", "CI"},
        {"Man, Isle of", "IM"},
        {"Virgin Islands, British", "VG"},
        {"North Macedonia, The Republic of", "MK"},
        {"Netherlands Antilles", "CW"},
        {"Palestinian", "PS"},
        {"Kosovo", "XK"},
        {"Macau", "MO"},
        {"Hong Kong", "HK"},
        {"Laos", "LA"},
        {"Russia", "RU"},
        {"Iran", "IR"},
        {"Syria", "SY"},
        {"Vietnam", "VN"},
        {"Turkey", "TR"},
        {"Türkiye", "TR"},
        {"Brunei", "BN"},
        {"West Bank", "PS"},
    });
}

TEST_CASE("OFAC Region: entries") {
    check_cases({
        {"Region: Crimea", "UA"},
        {"Region: Gaza", "PS"},
        {"Region: Northern Gaza", "PS"},
        {"Region: West Bank", "PS"},
        {"Region: Northern Mali", "ML"},
        {"Region: Russia", "RU"},
        // Disputed or multi-country: deliberately unmapped.
        {"Region: Kafia Kingi", ""},
        {"Region: Commonwealth of Independent States", ""},
        {"Region: Jammu and Kashmir", ""},
        {"undetermined", ""},
    });
}

TEST_CASE("UN consolidated list spellings") {
    check_cases({
        {"Democratic People's Republic of Korea", "KP"},
        {"Democratic People’s Republic of Korea", "KP"},
        {"Iran (Islamic Republic of)", "IR"},
        {"Syrian Arab Republic", "SY"},
        {"United Republic of Tanzania", "TZ"},
        {"Viet Nam", "VN"},
        {"State of Palestine", "PS"},
        {"Democratic Republic of the Congo", "CD"},
        {"United Kingdom of Great Britain and Northern Ireland", "GB"},
        {"Russian Federation", "RU"},
        {"Lao People's Democratic Republic", "LA"},
        {"China, Hong Kong Special Administrative Region", "HK"},
        {"British Virgin Islands", "VG"},
        {"Bolivia (Plurinational State of)", "BO"},
        {"Venezuela (Bolivarian Republic of)", "VE"},
        {"Netherlands (Kingdom of the)", "NL"},
        {"Republic of Korea", "KR"},
    });
}

TEST_CASE("UK and CSL spellings, demonyms and common English variants") {
    check_cases({
        {"DPRK", "KP"},
        {"DRC", "CD"},
        {"Libyan Arab Jamahiriya", "LY"},
        {"Bosnia-Herzegovina", "BA"},
        {"Palestinian Territories", "PS"},
        {"Gaza Strip", "PS"},
        {"Crimea", "UA"},
        {"Crimea Region of Ukraine", "UA"},
        {"the Philippines", "PH"},
        {"The Netherlands", "NL"},
        {"St Kitts and Nevis", "KN"},
        {"St. Lucia", "LC"},
        {"Afghan", "AF"},
        {"Saudi Arabian", "SA"},
        {"North Korean", "KP"},
        {"British", "GB"},
        {"USA", "US"},
        {"U.S.A.", "US"},
        {"United States of America", "US"},
        {"UK", "GB"},
        {"Great Britain", "GB"},
        {"England", "GB"},
        {"South Korea", "KR"},
        {"North Korea", "KP"},
        {"Czechia", "CZ"},
        {"Czech Republic", "CZ"},
        {"Holland", "NL"},
        {"UAE", "AE"},
        {"Emirates", "AE"},
        {"PRC", "CN"},
        {"People's Republic of China", "CN"},
        {"Mainland China", "CN"},
        {"Taiwan", "TW"},
        {"Taiwan (Province of China)", "TW"},
        {"Republic of China", "TW"},
        {"Ivory Coast", "CI"},
        {"Côte d’Ivoire", "CI"},
        {"Swaziland", "SZ"},
        {"Eswatini", "SZ"},
        {"Myanmar", "MM"},
        {"Congo (Kinshasa)", "CD"},
        {"Congo (Brazzaville)", "CG"},
    });
}

TEST_CASE("case, accents, punctuation and spacing are ignored") {
    check_cases({
        {"  korea,   NORTH  ", "KP"},
        {"KOREA (NORTH)", "KP"},
        {"TÜRKIYE", "TR"},
        {"turkiye", "TR"},
        {"Curaçao", "CW"},
        {"CURACAO", "CW"},
        {"Réunion", "RE"},
        {"Åland Islands", "AX"},
        {"Saint Barthélemy", "BL"},
        {"São Tomé and Príncipe", "ST"},
        {"Guinea-Bissau", "GW"},
        {"Guinea Bissau", "GW"},
        {"Timor-Leste", "TL"},
        {"Bahamas,The", "BS"},
        {"Iran\u00a0(Islamic Republic of)", "IR"},
        {"Virgin Islands, U.S.", "VI"},
    });
}

TEST_CASE("alpha-2 and alpha-3 codes") {
    check_cases({
        {"CN", "CN"},
        {"cn", "CN"},
        {"Ru", "RU"},
        {" de ", "DE"},
        // Hong Kong and Macao stay themselves; treating them as China is the rules layer's call.
        {"HK", "HK"},
        {"hk", "HK"},
        {"MO", "MO"},
        {"XK", "XK"},
        {"PS", "PS"},
        // Not assigned codes.
        {"ZZ", ""},
        {"EU", ""},
        {"NM", ""},
        {"CHN", "CN"},
        {"chn", "CN"},
        {"RUS", "RU"},
        {"USA", "US"},
        {"PRK", "KP"},
        {"IRN", "IR"},
        {"HKG", "HK"},
        {"MAC", "MO"},
        {"GBR", "GB"},
    });
}

TEST_CASE("unknown and empty input gives an empty code") {
    check_cases({
        {"", ""},
        {"   ", ""},
        {"-0- ", ""},
        {"the", ""},
        {"Atlantis", ""},
        {"Korea", ""},
        {"Congolese", ""},
        {"Serbia and Montenegro", ""},
        {"USSR", ""},
        {"Pakistan (previous address)", ""},
        {"Россия", ""},
        {"\xff\xfe", ""},
        {"A", ""},
        {"ABCD", ""},
    });
}

TEST_CASE("country_name and is_country_code") {
    CHECK(country_name("DE") == "Germany");
    CHECK(country_name("de") == "Germany");
    CHECK(country_name("HK") == "Hong Kong");
    CHECK(country_name("KP") == "Korea, Democratic People's Republic of");
    CHECK(country_name("TR") == "Türkiye");
    CHECK(country_name("XK") == "Kosovo");
    CHECK(country_name("ZZ").empty());
    CHECK(country_name("UK").empty());
    CHECK(country_name("DEU").empty());
    CHECK(country_name("").empty());

    CHECK(is_country_code("US"));
    CHECK(is_country_code("us"));
    CHECK(is_country_code("HK"));
    CHECK(is_country_code("XK"));
    CHECK_FALSE(is_country_code("UK"));
    CHECK_FALSE(is_country_code("ZZ"));
    CHECK_FALSE(is_country_code("USA"));
    CHECK_FALSE(is_country_code("U"));
    CHECK_FALSE(is_country_code(""));
}

TEST_CASE("every generated table entry round-trips") {
    for (const NameCode& entry : kNameToCode) {
        INFO("key: \"" << entry.name << "\"");
        CHECK(country_code(entry.name) == entry.code);
        CHECK(is_country_code(entry.code));
    }
    for (const CodeName& entry : kCodeToName) {
        INFO("code: " << entry.code);
        CHECK(country_name(entry.code) == entry.name);
        CHECK(country_code(entry.name) == entry.code);
        CHECK(country_code(entry.code) == entry.code);
    }
    CHECK(std::size(kCodeToName) >= 249);
}

TEST_CASE("every country in the real OFAC address files maps") {
    // The 2025 file is an excerpt: its first row for each country it names (tests/fixtures/README.md).
    const std::pair<const char*, std::string> files[] = {
        {"ofac/sdn_2023-12-29/add.csv", exportcheck::test::project_file("ofac/sdn_2023-12-29/add.csv")},
        {"ofac_sdn_2025_add_excerpt.csv", exportcheck::test::fixture("ofac_sdn_2025_add_excerpt.csv")},
        {"ofac/nonsdn_cons_2025-12/cons_add.csv", exportcheck::test::project_file("ofac/nonsdn_cons_2025-12/cons_add.csv")}};
    for (const auto& entry : files) {
        const auto& [file, text] = entry;
        const char* const name = file;  // clang (wasm) cannot capture a structured binding in INFO
        INFO("file: " << name);
        std::set<std::string> names;
        for (const std::string& value : ofac_column(text, 4)) {
            if (!is_ofac_empty(value)) names.insert(value);
        }
        CHECK(names.size() > 10);
        check_every_name_maps(names);
    }
}

TEST_CASE("every country in the real UN consolidated list maps") {
    const std::string xml = exportcheck::test::project_file("un/UN_consolidated.xml");
    const std::set<std::string> countries = xml_texts(xml, "<COUNTRY>", "</COUNTRY>");
    CHECK(countries.size() > 50);
    check_every_name_maps(countries);

    // <NATIONALITY> wraps one <VALUE> per nationality.
    std::set<std::string> nationalities;
    for (std::size_t at = xml.find("<NATIONALITY>"); at != std::string::npos; at = xml.find("<NATIONALITY>", at + 1)) {
        const std::size_t end = xml.find("</NATIONALITY>", at);
        if (end == std::string::npos) break;
        const std::string block = xml.substr(at, end - at);
        for (const std::string& value : xml_texts(block, "<VALUE>", "</VALUE>")) nationalities.insert(value);
    }
    CHECK(nationalities.size() > 30);
    // "former Soviet Union" names several successor states.
    nationalities.erase("former Soviet Union");
    check_every_name_maps(nationalities);
}
