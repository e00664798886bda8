// The CLI's bundle commands end to end on real fixture rows: build, info, keygen, sign, verify,
// and the ways a bundle file goes bad on disk.
#include "test_support.hpp"

#include "cli_support.hpp"
#include "commands.hpp"
#include "files.hpp"

#include <exportcheck/bundle.hpp>
#include <exportcheck/sha256.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <random>
#include <sstream>

namespace fs = std::filesystem;
using exportcheck::cli::run;

using exportcheck::test::run_cli;
using exportcheck::test::fixture_path;
using exportcheck::test::TempDir;

namespace {

std::string build_fixture_bundle(const TempDir& dir, const std::string& name = "b.ecb.gz") {
    const auto r = run_cli({"bundle", "build", "--csl", fixture_path("csl_excerpt.csv"), "--ofac-sdn",
                        fixture_path("ofac_sdn"), "--ofac-cons", fixture_path("ofac_cons"), "--dpl",
                        fixture_path("dpl_excerpt.txt"), "--un", fixture_path("un_excerpt.xml"), "--built-at",
                        "2026-11-28T00:00:00Z", "-o", dir / name});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    return dir / name;
}

}  // namespace

TEST_CASE("cli: bundle build and info list every list code with counts and provenance") {
    TempDir dir;
    const auto bundle = build_fixture_bundle(dir);
    CHECK(exportcheck::cli::is_gzip(exportcheck::cli::read_file(bundle)));
    const auto r = run_cli({"bundle", "info", bundle});
    REQUIRE(r.code == 0);
    const auto info = nlohmann::ordered_json::parse(r.out);
    // Named by its data (oldest and newest dated list), not by its build day.
    CHECK(info["id"] == "exportcheck-lists-2022-03-14-to-2026-02-27");
    CHECK(info["list_dates"]["UN"] == "2026-02-27");
    CHECK(info["list_dates"]["SDN"] == "");  // the fixture folder ofac_sdn/ states no date
    CHECK(info["built_at"] == "2026-11-28T00:00:00Z");
    // The CSL excerpt's SDN, CAP, MBS rows give way to the OFAC files; its EL, MEU, UVL, ISN rows stay.
    CHECK(info["lists"]["SDN"] == 4);
    CHECK(info["lists"]["UN"] == 8);
    CHECK(info["lists"]["EL"] == 1);
    CHECK(info["lists"]["MEU"] == 2);
    CHECK(info["lists"]["UVL"] == 1);
    CHECK(info["lists"]["CAP"] == 1);
    CHECK(info["lists"].contains("DPL"));
    const auto& sources = info["sources"];
    REQUIRE(sources.size() == 5);
    CHECK(sources[0]["key"] == "csl");
    CHECK(sources[0]["superseded"] == 3);
    CHECK(sources[4]["key"] == "un");
    CHECK(sources[4]["date"] == "2026-02-27");
    CHECK(sources[1]["files"].size() == 4);
    CHECK(sources[1]["files"][0]["sha256"] ==
          exportcheck::sha256_hex(exportcheck::cli::read_file(fixture_path("ofac_sdn/sdn.csv"))));
}

TEST_CASE("cli: keygen, sign and verify; tampering and a wrong key are caught") {
    TempDir dir;
    const auto bundle = build_fixture_bundle(dir);
    REQUIRE(run_cli({"bundle", "keygen", "--private", dir / "k.pem", "--public", dir / "k.pub.pem"}).code == 0);
    CHECK(run_cli({"bundle", "keygen", "--private", dir / "k.pem", "--public", dir / "x.pem"}).code == 2);  // no overwrite
    REQUIRE(run_cli({"bundle", "sign", bundle, "--key", dir / "k.pem", "-o", dir / "b.sig"}).code == 0);
    CHECK(exportcheck::cli::read_file(dir / "b.sig").size() == 64);

    auto ok = run_cli({"bundle", "verify", bundle, "--sig", dir / "b.sig", "--pub", dir / "k.pub.pem"});
    CHECK(ok.code == 0);
    CHECK(ok.out.find("signature valid") != std::string::npos);

    auto bytes = exportcheck::cli::read_file(bundle);
    bytes[bytes.size() / 2] ^= 0x01;
    exportcheck::cli::write_file(dir / "tampered.ecb.gz", bytes);
    auto bad = run_cli({"bundle", "verify", dir / "tampered.ecb.gz", "--sig", dir / "b.sig", "--pub", dir / "k.pub.pem"});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("does not match") != std::string::npos);

    REQUIRE(run_cli({"bundle", "keygen", "--private", dir / "o.pem", "--public", dir / "o.pub.pem"}).code == 0);
    CHECK(run_cli({"bundle", "verify", bundle, "--sig", dir / "b.sig", "--pub", dir / "o.pub.pem"}).code == 1);

    const auto pub = run_cli({"bundle", "pubkey", dir / "k.pub.pem"});
    CHECK(pub.code == 0);
    CHECK(pub.out.size() == 45);  // 44 base64 characters of a 32-byte key, and a newline
}

TEST_CASE("cli: a damaged bundle file gets a clear error") {
    TempDir dir;
    const auto bundle = build_fixture_bundle(dir);
    const auto bytes = exportcheck::cli::read_file(bundle);
    exportcheck::cli::write_file(dir / "cut.ecb.gz", bytes.substr(0, bytes.size() / 2));
    auto cut = run_cli({"bundle", "info", dir / "cut.ecb.gz"});
    CHECK(cut.code == 1);
    CHECK(cut.err.find("truncated") != std::string::npos);

    exportcheck::cli::write_file(dir / "junk.ecb", "not a bundle");
    auto junk = run_cli({"bundle", "info", dir / "junk.ecb"});
    CHECK(junk.code == 1);
    CHECK(junk.err.find("not an ExportCheck bundle") != std::string::npos);

    auto missing = run_cli({"bundle", "info", dir / "nope.ecb.gz"});
    CHECK(missing.code == 1);
    CHECK(missing.err.find("cannot read") != std::string::npos);

    // Signing refuses something that is not a valid bundle.
    REQUIRE(run_cli({"bundle", "keygen", "--private", dir / "k.pem", "--public", dir / "k.pub.pem"}).code == 0);
    CHECK(run_cli({"bundle", "sign", dir / "junk.ecb", "--key", dir / "k.pem", "-o", dir / "j.sig"}).code == 1);
}

TEST_CASE("cli: usage errors exit 2 and say what is wrong") {
    CHECK(run_cli({}).code == 2);
    auto r = run_cli({"bundle", "build", "--bogus", "x"});
    CHECK(r.code == 2);
    CHECK(r.err.find("unknown option --bogus") != std::string::npos);
    CHECK(run_cli({"bundle", "nope"}).code == 2);
    CHECK(run_cli({"bundle", "build", "-o", "/dev/null"}).code == 1);  // no sources
    CHECK(run_cli({"version"}).out.starts_with("exportcheck "));
}

TEST_CASE("cli: rules documents travel inside the signed bundle") {
    TempDir dir;
    fs::create_directories(dir.path / "rules");
    exportcheck::cli::write_file(dir / "rules/country-groups.json", R"({"version": "3", "as_of": "2026-07-08", "groups": {"E:1": ["IR"]}})");
    exportcheck::cli::write_file(dir / "rules/notes.txt", "ignored: not JSON");
    auto r = run_cli({"bundle", "build", "--csl", fixture_path("csl_excerpt.csv"), "--rules", dir / "rules", "-o", dir / "r.ecb"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto bundle = exportcheck::read_bundle(exportcheck::cli::read_file(dir / "r.ecb")).value();
    CHECK(bundle.meta.rules["country-groups"]["groups"]["E:1"][0] == "IR");
    const auto info = nlohmann::ordered_json::parse(run_cli({"bundle", "info", dir / "r.ecb"}).out);
    CHECK(info["rules"]["country-groups"] == nlohmann::ordered_json{{"version", "3"}, {"as_of", "2026-07-08"}});

    exportcheck::cli::write_file(dir / "rules/bad.json", "{ not json");
    auto bad = run_cli({"bundle", "build", "--csl", fixture_path("csl_excerpt.csv"), "--rules", dir / "rules", "-o", dir / "x.ecb"});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("bad.json") != std::string::npos);
}

TEST_CASE("cli: --list takes import-format lists and merges the same party across sources") {
    TempDir dir;
    exportcheck::cli::write_file(dir / "el.jsonl",
        R"({"list":"EL","source_id":"E1","name":"AO Kronshtadt","aliases":["Kronshtadt JSC"],"country":"RU","federal_register":"90 FR 1, 1/2/25","start_date":"2025-01-02"})"
        "\n");
    auto r = run_cli({"bundle", "build", "--csl", fixture_path("csl_excerpt.csv"), "--list", dir / "el.jsonl", "--list",
                  std::string(EXPORTCHECK_PROJECT_DATA) + "/lists/example-own-list.csv", "-o", dir / "l.ecb"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto info = nlohmann::ordered_json::parse(r.out);
    CHECK(info["lists"]["EL"] == 1);  // the CSL's AO Kronshtadt merged into the imported record
    CHECK(info["lists"]["OWN"] == 3);
    const auto bundle = exportcheck::read_bundle(exportcheck::cli::read_file(dir / "l.ecb")).value();
    const auto el = std::find_if(bundle.entries.begin(), bundle.entries.end(), [](const auto& e) { return e.list == "EL"; });
    REQUIRE(el != bundle.entries.end());
    CHECK(el->source_id == "E1");
    CHECK(el->source == "list:el");
    REQUIRE(el->corroboration.size() == 1);
    CHECK(el->corroboration[0].starts_with("csl EL 36b9bed40af2770218ba60d7bad49c0e925f38ee: AO Kronshtadt"));
    CHECK(info["sources"][0]["merged"] == 1);

    exportcheck::cli::write_file(dir / "bad.csv", "list,source_id,name\nOWN,1,\n");
    auto bad = run_cli({"bundle", "build", "--list", dir / "bad.csv", "-o", dir / "x.ecb"});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("bad.csv: line 2: field `name`: is required") != std::string::npos);
}
