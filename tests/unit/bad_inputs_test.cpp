// The bad-input catalogue (tests/bad-inputs/catalogue.json): each file is refused with the named error
// or handled the documented safe way, natively and in wasm alike.
#include "test_support.hpp"

#include "../fuzz/targets.hpp"

#include <exportcheck/error.hpp>
#include <exportcheck/limits.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

namespace {

std::string bad_input(const std::string& name) {
    return exportcheck::test::read_file(std::string(EXPORTCHECK_FIXTURES) + "/../bad-inputs/" + name);
}

}  // namespace

TEST_CASE("bad inputs: every catalogue case gets its error or its documented handling") {
    const auto catalogue = nlohmann::json::parse(bad_input("catalogue.json"));
    for (const auto& c : catalogue["cases"]) {
        const auto file = c["file"].get<std::string>();
        CAPTURE(file);
        const auto* target = exportcheck::fuzz::find_target(c["parser"].get<std::string>());
        REQUIRE(target);
        const auto input = bad_input(file);
        if (c.contains("error")) {
            try {
                target->run(input);
                FAIL("accepted, but should be refused with " << c["error"]);
            } catch (const exportcheck::Error& e) {
                CHECK(e.code() == c["error"].get<std::string>());
                CHECK(std::string(e.what()).find(c["message"].get<std::string>()) != std::string::npos);
            }
        } else {
            CHECK_NOTHROW(target->run(input));
        }
    }
}

TEST_CASE("bad inputs: the documented safe handlings hold") {
    const auto csl = exportcheck::parse_csl_csv(bad_input("csl-bom-mixed-line-endings.csv"));
    REQUIRE(csl.size() == 2);
    CHECK(csl[0].name == "First Co");
    CHECK(csl[0].addresses[0].country == "CN");
    CHECK(csl[1].name == "Second Co");
    const auto latin1 = exportcheck::parse_import_list(bad_input("import-latin1-bytes.csv"), "import-latin1-bytes.csv");
    REQUIRE(latin1.size() == 1);
    CHECK(latin1[0].name == "Soci\u00e9t\u00e9 G\u00e9n\u00e9rale d\u2019Import");
}

TEST_CASE("bad inputs: 100,000 rows, a 10 MB name") {
    std::string csv = "list,source_id,name,country\n";
    for (int i = 0; i < 100'000; ++i) csv += "OWN," + std::to_string(i) + ",Customer Number " + std::to_string(i) + ",SG\n";
    CHECK(exportcheck::parse_import_list(csv, "big.csv").size() == 100'000);

    const std::string huge(10 * 1024 * 1024, 'x');
    CHECK_THROWS_WITH_AS(exportcheck::parse_import_list("list,source_id,name\nOWN,1," + huge + "\n", "huge.csv"),
                         doctest::Contains("huge.csv: line 2: field `name`: is 10485760 bytes long; names are limited to 1024 bytes"),
                         exportcheck::Error);
}
