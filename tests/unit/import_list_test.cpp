#include "test_support.hpp"

#include <exportcheck/error.hpp>
#include <exportcheck/lists.hpp>

#include <doctest/doctest.h>

#include <algorithm>

using namespace exportcheck;

namespace {
std::string error_of(std::string_view text, std::string_view file = "own.csv") {
    const auto read = parse_import_list(text, file);
    return read.ok() ? "accepted" : read.error().what();
}
const std::string kHeader = "list,source_id,name,country\n";
}  // namespace

TEST_CASE("import: the example CSV own list") {
    const auto entries = parse_import_list(test::read_file(std::string(EXPORTCHECK_PROJECT_DATA) + "/lists/example-own-list.csv"),
                                           "example-own-list.csv")
                             .value();
    REQUIRE(entries.size() == 3);
    const auto& sunrise = entries[0];
    CHECK(sunrise.list == "OWN");
    CHECK(sunrise.list_name == "Refused customers");
    CHECK(sunrise.source_id == "R-0001");
    CHECK(sunrise.type == EntityType::organization);
    CHECK(sunrise.consequence == "block");
    REQUIRE(sunrise.addresses.size() == 2);  // two rows, one entry
    CHECK(sunrise.addresses[0].country == "SG");
    CHECK(sunrise.addresses[1].country == "MY");
    CHECK(sunrise.aliases.size() == 2);
    CHECK(entries[1].type == EntityType::person);
    CHECK(entries[1].consequence == "review");
    CHECK(entries[2].list_name == "Bank warnings");
}

TEST_CASE("import: JSON lines with the same fields") {
    const auto entries = parse_import_list(
        R"({"list":"own","source_id":7,"name":"Golden Bridge Logistics","aliases":["GB Logistics",{"name":"GBL","type":"fka"}],"country":"United Arab Emirates","programs":"a; b","consequence":"review"})"
        "\n\n"
        R"({"list":"OWN","source_id":"8","name":"X Y","type":"individual","addresses":[{"street":"1 Main St","city":"Kowloon","country":"Hong Kong"}],"start_date":"2025-01"})"
        "\n",
        "own.jsonl").value();
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].list == "OWN");
    CHECK(entries[0].source_id == "7");
    CHECK(entries[0].aliases[1].type == "fka");
    CHECK(entries[0].addresses[0].country == "AE");
    CHECK(entries[0].programs == std::vector<std::string>{"a", "b"});
    CHECK(entries[1].type == EntityType::person);
    CHECK(entries[1].addresses[0].country == "HK");
}

TEST_CASE("import: the eCFR Entity List conversion in the default bundle") {
    const auto entries = parse_import_list(
        test::read_file(std::string(EXPORTCHECK_PROJECT_DATA) + "/bis/ecfr_2026-07-09/entity_list.jsonl"), "entity_list.jsonl")
                             .value();
    CHECK(entries.size() == 3409);
    const auto moore = std::find_if(entries.begin(), entries.end(), [](const Entry& e) {
        return e.name == "Moore Thread Intelligent Technology (Beijing) Co., Ltd.";
    });
    REQUIRE(moore != entries.end());
    CHECK(moore->federal_register == "88 FR 71992, 10/19/23");
    CHECK(moore->start_date == "2023-10-19");
    CHECK(moore->license_policy.starts_with("Not stated in this source"));
    CHECK(moore->addresses.size() == 8);
    const auto inspur_hk = std::find_if(entries.begin(), entries.end(), [](const Entry& e) {
        return e.name == "Inspur Electronic Information (Hong Kong) Co., Ltd.";
    });
    REQUIRE(inspur_hk != entries.end());
    CHECK(inspur_hk->addresses[0].country == "HK");
    CHECK(inspur_hk->start_date == "2025-03-28");
}

TEST_CASE("import: bad input names the file, line and field") {
    CHECK(error_of("list,name\nOWN,X\n") == "own.csv: line 1: the header has no `source_id` column");
    CHECK(error_of("list,source_id,name,adress\n") .find("unknown column `adress`") != std::string::npos);
    CHECK(error_of(kHeader + "OWN,1,X,Atlantis\n") ==
          "own.csv: line 2: field `country`: unknown country \"Atlantis\" (use an ISO 3166 code such as CN, HK, SG)");
    CHECK(error_of(kHeader + "OWN,1,,SG\n") == "own.csv: line 2: field `name`: is required");
    CHECK(error_of(kHeader + "OWN,,X,SG\n").find("line 2: field `source_id`: is required") != std::string::npos);
    CHECK(error_of(kHeader + "O W N,1,X,SG\n").find("line 2: field `list`") != std::string::npos);
    CHECK(error_of(kHeader + "OWN,1,X,SG\nOWN,1,Y,SG\n").find("line 3: field `source_id`: \"1\" is already used") != std::string::npos);
    CHECK(error_of(kHeader + "OWN,1,X\n").find("line 2: expected 4 fields") != std::string::npos);
    CHECK(error_of("list,source_id,name,consequence\nOWN,1,X,deny\n").find("field `consequence`") != std::string::npos);
    CHECK(error_of("list,source_id,name,type\nOWN,1,X,robot\n").find("field `type`") != std::string::npos);
    CHECK(error_of("list,source_id,name,start_date\nOWN,1,X,14/03/2025\n").find("field `start_date`") != std::string::npos);
    for (const char* date : {"2025", "2025-03", "2025-03-14"})
        CHECK(error_of(std::string("list,source_id,name,start_date\nOWN,1,X,") + date + "\n") == "accepted");
    for (const char* date : {"2025-3-14", "25-03-14", "2025-03-14T00:00", "2025/03/14"})
        CHECK(error_of(std::string("list,source_id,name,end_date\nOWN,1,X,") + date + "\n").find("field `end_date`") != std::string::npos);
    CHECK(error_of(kHeader + "BANK_WARNINGS-26,1,X,SG\n") == "accepted");
    CHECK(error_of(kHeader + "BANK_WARNINGS_2026,1,X,SG\n").find("field `list`") != std::string::npos);  // 17 characters
    CHECK(error_of("{\"list\":\"OWN\",\"source_id\":\"1\",\"name\":\"X\"}\n{oops\n", "own.jsonl") ==
          "own.jsonl: line 2: not a JSON object (each line holds one entry)");
    CHECK(error_of("{\"list\":\"OWN\",\"source_id\":\"1\",\"name\":[\"X\"]}\n", "own.jsonl") ==
          "own.jsonl: line 1: field `name`: expected a string, found array");
    CHECK(error_of("{\"list\":\"OWN\",\"source_id\":\"1\",\"name\":\"X\",\"nmae\":\"Y\"}\n", "own.jsonl")
              .find("field `nmae`: unknown field") != std::string::npos);
    CHECK(error_of(kHeader + "OWN,1,\"X\n").find("never closed") != std::string::npos);
    CHECK(parse_import_list("", "empty.csv").value().empty());
}

TEST_CASE("merge: the same party from an older source folds into the newer record") {
    Entry newer;
    newer.list = "EL";
    newer.source = "list:entity_list";
    newer.source_id = "ECFR-1";
    newer.name = "Chengdu Huawei Technologies Co., Ltd.";
    newer.addresses.push_back({"", "Chengdu", "", "", "CN", ""});
    Entry other = newer;
    other.source_id = "ECFR-2";
    other.name = "Tianjin Phytium Information Technology";

    Entry old;
    old.list = "EL";
    old.source = "csl";
    old.source_id = "abc";
    old.name = "Chengdu Huawei Technologies Co., Ltd., Chengdu, Sichuan";
    old.aliases.push_back({"Chengdu Huawei", "aka"});
    old.federal_register = "84 FR 43495";
    old.license_policy = "Presumption of denial.";
    old.addresses.push_back({"Chengdu, Sichuan", "", "", "", "CN", ""});
    Entry unrelated = old;
    unrelated.source_id = "def";
    unrelated.name = "Some Other Company Ltd";
    unrelated.aliases.clear();
    Entry wrong_country = old;
    wrong_country.source_id = "ghi";
    wrong_country.name = "Tianjin Phytium Information Technology";
    wrong_country.addresses = {{"", "", "", "", "RU", ""}};

    std::vector<Entry> lead{newer, other};
    const auto left = merge_into_newer(lead, {old, unrelated, wrong_country});
    REQUIRE(left.size() == 2);
    CHECK(left[0].source_id == "def");
    CHECK(left[1].source_id == "ghi");  // same name, but listed in another country
    CHECK(lead[0].name == "Chengdu Huawei Technologies Co., Ltd.");
    REQUIRE(lead[0].corroboration.size() == 1);
    CHECK(lead[0].corroboration[0].find("csl EL abc") != std::string::npos);
    CHECK(lead[0].corroboration[0].find("Presumption of denial.") != std::string::npos);
    CHECK(lead[0].aliases.size() == 2);  // the old primary name and its alias
    CHECK(lead[0].addresses.size() == 2);
    CHECK(lead[0].license_policy.empty());  // never filled in from the older source
}

TEST_CASE("import: the eCFR's footnote marks glued to a licence requirement are dropped") {
    // Real requirement texts of the 2026 CSL and eCFR Entity List, as the files carry them.
    const std::pair<const char*, const char*> cases[] = {
        {"For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR) 4",
         "For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR)"},
        {"For all items subject to the EAR, see §§ 734.9(e) 1 and 744.11 of the EAR 2",
         "For all items subject to the EAR, see §§ 734.9(e) and 744.11 of the EAR"},
        {"For all items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR)",
         "For all items subject to the EAR. (See §§ 734.9(g), 746.8(a)(3), and 744.21(b) of the EAR)"},
        {"For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR)4",
         "For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR)"},
        // Numbers that are not footnote marks stay.
        {"See Supplement No. 4 to part 744, and § 746.8(a)(4) of the EAR", "See Supplement No. 4 to part 744, and § 746.8(a)(4) of the EAR"},
    };
    for (const auto& [raw, clean] : cases) {
        const std::string line = std::string(R"({"list":"EL","source_id":"X1","name":"Example Co","license_requirement":")") + raw + "\"}\n";
        const auto entries = parse_import_list(line, "el.jsonl").value();
        REQUIRE(entries.size() == 1);
        CHECK(entries[0].license_requirement == clean);
    }
}
