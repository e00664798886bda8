// Delisting and enrichment in `bundle build`: the newest source of a list decides who is on it, older
// sources add detail to the parties it still lists, and a party only older sources carry is dropped and
// counted. Fixtures (tests/fixtures/delisting/, real rows): the 2026-07-31 CSL's SDN records of OFAC
// numbers 4632, 17018 and 47230 (converted by data/csl/convert-csl-json.mjs); the 2023-12-29 SDN files'
// rows of 4632, 17018 and 6531 (6531 is no longer listed in 2026); the 2025-12 add.csv rows of 47230
// (designated after 2023) and the 2026-05 alt.csv rows of 47230 and 17018.
#include "test_support.hpp"

#include "cli_support.hpp"
#include "files.hpp"

#include <exportcheck/bundle.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

using exportcheck::test::run_cli;
using exportcheck::test::fixture_path;
using exportcheck::test::TempDir;

namespace {

std::string delisting(const std::string& name) { return fixture_path("delisting/" + name); }

exportcheck::Bundle read_back(const std::string& path) {
    const auto bytes = exportcheck::cli::read_file(path);
    return exportcheck::read_bundle(exportcheck::cli::gunzip(bytes)).value();
}

const exportcheck::Entry* find(const exportcheck::Bundle& b, const std::string& id) {
    const auto it = std::find_if(b.entries.begin(), b.entries.end(), [&](const auto& e) { return e.source_id == id; });
    return it == b.entries.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("delisting: the 2026 CSL decides who is on the SDN list; older OFAC files add detail by number") {
    TempDir dir;
    const auto r = run_cli({"bundle", "build", "--list", delisting("csl_2026-07-31/csl.jsonl"), "--ofac-sdn",
                        delisting("sdn_2023-12-29"), "--ofac-sdn", delisting("sdn_2025-12_partial"), "--ofac-sdn",
                        delisting("sdn_alt_2026-05"), "--built-at", "2026-12-07T00:00:00Z", "-o", dir / "b.ecb.gz"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto info = nlohmann::ordered_json::parse(r.out);
    CHECK(info["lists"]["SDN"] == 3);
    CHECK(info["dropped"]["SDN"] == 1);  // 6531, delisted since 2023-12
    CHECK(info["list_dates"]["SDN"] == "2026-07-31");
    CHECK(info["id"] == "exportcheck-lists-2026-07-31");  // named by its data, not by its build day

    const auto b = read_back(dir / "b.ecb.gz");
    CHECK(find(b, "6531") == nullptr);
    const auto* bank = find(b, "4632");
    REQUIRE(bank != nullptr);
    CHECK(bank->source == "list:csl");
    // The CSL's bare country gives way to the 2023 file's street addresses.
    REQUIRE(bank->addresses.size() == 3);
    CHECK(bank->addresses[0].street == "PO Box 15875/7177, 144 Mirdamad Blvd");
    CHECK(bank->remarks.starts_with("Additional Sanctions Information"));

    const auto* sber = find(b, "17018");
    REQUIRE(sber != nullptr);
    CHECK(std::find(sber->ids.begin(), sber->ids.end(), "SWIFT/BIC SABRRUMM") != sber->ids.end());

    // Designated after 2023-12: its address from the 2025-12 add.csv, its alias from the 2026-05 alt.csv.
    const auto* fze = find(b, "47230");
    REQUIRE(fze != nullptr);
    REQUIRE(fze->addresses.size() == 2);
    CHECK(fze->addresses[1].city == "Ras al-Khaimah");
    CHECK(fze->corroboration.size() == 2);
}

TEST_CASE("delisting: without a newer source the 2023 SDN file keeps every party") {
    TempDir dir;
    const auto r = run_cli({"bundle", "build", "--ofac-sdn", delisting("sdn_2023-12-29"), "--built-at",
                        "2026-12-07T00:00:00Z", "-o", dir / "b.ecb"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto info = nlohmann::ordered_json::parse(r.out);
    CHECK(info["lists"]["SDN"] == 3);
    CHECK(info["dropped"].empty());
    CHECK(info["id"] == "exportcheck-lists-2023-12-29");
}

TEST_CASE("delisting: a detail-only OFAC folder needs a source that names the parties") {
    TempDir dir;
    const auto r = run_cli({"bundle", "build", "--ofac-sdn", delisting("sdn_alt_2026-05"), "-o", dir / "b.ecb"});
    CHECK(r.code == 1);
    CHECK(r.err.find("alt.csv: a folder without sdn.csv only adds detail") != std::string::npos);
}

TEST_CASE("bundle build: each list's official title and publisher, and which lists each source supplies or details") {
    TempDir dir;
    const auto r = run_cli({"bundle", "build", "--list", delisting("csl_2026-07-31/csl.jsonl"), "--ofac-sdn",
                        delisting("sdn_2023-12-29"), "--ofac-sdn", delisting("sdn_2025-12_partial"), "--built-at",
                        "2026-12-07T00:00:00Z", "-o", dir / "b.ecb.gz"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto info = nlohmann::ordered_json::parse(r.out);
    CHECK(info["list_names"]["SDN"]["title"] == "Specially Designated Nationals and Blocked Persons List");
    CHECK(info["list_names"]["SDN"]["publisher"] ==
          "U.S. Department of the Treasury, Office of Foreign Assets Control (OFAC)");
    std::map<std::string, nlohmann::ordered_json> source;
    for (const auto& s : info["sources"]) source[s["key"].get<std::string>()] = s;
    CHECK(source["list:csl"]["lists"] == nlohmann::ordered_json::array({"SDN"}));
    CHECK(source["list:csl"]["entries"] == 3);
    // The 2023 file and the partial files only add detail to the CSL's SDN records: they say to which list.
    CHECK(source["ofac_sdn"]["entries"] == 0);
    CHECK(source["ofac_sdn"]["lists"] == nlohmann::ordered_json::array({"SDN"}));
    CHECK(source["ofac_sdn_detail"]["lists"] == nlohmann::ordered_json::array({"SDN"}));
    CHECK(source["ofac_sdn"]["title"] == "OFAC Specially Designated Nationals list");

    // The titles travel in the bundle itself, so the page reads them from it.
    const auto b = read_back(dir / "b.ecb.gz");
    CHECK(b.meta.list_names.at("SDN").title == "Specially Designated Nationals and Blocked Persons List");
}
