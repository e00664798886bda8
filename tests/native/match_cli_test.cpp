// `exportcheck match` and `exportcheck compare` end to end: single queries and JSON-lines batches, result
// lines as ARCHITECTURE.md defines them, and bad input (a bad line names its line number; the others are
// still answered).
#include "test_support.hpp"

#include "cli_support.hpp"
#include "commands.hpp"
#include "files.hpp"

#include <exportcheck/bundle.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <random>
#include <sstream>

namespace fs = std::filesystem;
using exportcheck::cli::run;
using json = nlohmann::ordered_json;

using exportcheck::test::run_cli;
using exportcheck::test::json_lines;

namespace {

struct Fixture {
    fs::path dir;
    std::string bundle;
    Fixture() {
        dir = fs::temp_directory_path() / ("exportcheck-match-test-" + std::to_string(std::random_device{}()));
        fs::create_directories(dir);
        bundle = (dir / "b.ecb.gz").string();
        const std::string fx = EXPORTCHECK_FIXTURES;
        const auto r = run_cli({"bundle", "build", "--csl", fx + "/csl_excerpt.csv", "--ofac-sdn", fx + "/ofac_sdn",
                            "--ofac-cons", fx + "/ofac_cons", "--dpl", fx + "/dpl_excerpt.txt", "--built-at",
                            "2026-11-28T00:00:00Z", "-o", bundle});
        REQUIRE_MESSAGE(r.code == 0, r.err);
    }
    ~Fixture() { fs::remove_all(dir); }
    std::string file(const std::string& name, const std::string& content) const {
        const auto path = (dir / name).string();
        exportcheck::cli::write_file(path, content);
        return path;
    }
};

// A listed name of the fixture bundle, read back through the bundle itself.
std::string some_listed_name(const std::string& bundle_path) {
    const auto bundle = exportcheck::read_bundle(exportcheck::cli::read_bundle_bytes(bundle_path)).value();
    for (const auto& e : bundle.entries)
        if (e.type == exportcheck::EntityType::person && e.name.find(',') != std::string::npos) return e.name;
    return bundle.entries.front().name;
}

}  // namespace

TEST_CASE("cli match: one name gives one result line with the query and its hits") {
    Fixture f;
    const auto name = some_listed_name(f.bundle);
    const auto r = run_cli({"match", "--bundle", f.bundle, "--name", name, "--type", "person", "--top", "3"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto out = json_lines(r.out);
    REQUIRE(out.size() == 1);
    CHECK(out[0]["query"]["name"] == name);
    CHECK(out[0]["query"]["type"] == "person");
    REQUIRE(!out[0]["hits"].empty());
    CHECK(out[0]["hits"].size() <= 3);
    const auto& hit = out[0]["hits"][0];
    for (const char* field : {"list", "source_id", "name", "matched_name", "score", "explanation"})
        CHECK_MESSAGE(hit.contains(field), field);
    CHECK(hit["score"].get<double>() == doctest::Approx(1.0));
    // A name nobody has: no hits, still a result line.
    const auto none = run_cli({"match", "--bundle", f.bundle, "--name", "Zqxwv Plokmijn"});
    REQUIRE(none.code == 0);
    CHECK(json_lines(none.out)[0]["hits"].empty());
}

TEST_CASE("cli match --batch: one line per query line; a bad line names its number") {
    Fixture f;
    const auto name = some_listed_name(f.bundle);
    const auto queries = f.file("q.jsonl", json{{"name", name}, {"ref", 1}}.dump() + "\n\n" +
                                               "{\"name\": \"Zqxwv Plokmijn\"}\r\n" + "{not json\n" +
                                               "{\"type\": \"person\"}\n" + json{{"name", name}, {"top", 1}}.dump() + "\n");
    const auto r = run_cli({"match", "--bundle", f.bundle, "--batch", queries});
    CHECK(r.code == 1);
    const auto out = json_lines(r.out);
    REQUIRE(out.size() == 5);
    CHECK(out[0]["query"]["ref"] == 1);  // other fields are passed through
    CHECK(!out[0]["hits"].empty());
    CHECK(out[1]["hits"].empty());
    CHECK(out[2]["line"] == 4);
    CHECK(out[2]["error"]["code"] == "bad_json");
    CHECK(out[3]["line"] == 5);
    CHECK(out[3]["error"]["code"] == "bad_query");
    CHECK(out[3]["error"]["message"].get<std::string>().find("line 5") != std::string::npos);
    CHECK(out[4]["hits"].size() == 1);
    CHECK(r.err.find("line 4") != std::string::npos);
}

TEST_CASE("cli match: the same query gives the same bytes, single or batch") {
    Fixture f;
    const auto name = some_listed_name(f.bundle);
    const auto single = run_cli({"match", "--bundle", f.bundle, "--name", name});
    const auto batch = run_cli({"match", "--bundle", f.bundle, "--batch", f.file("one.jsonl", json{{"name", name}}.dump())});
    CHECK(single.out == batch.out);
}

TEST_CASE("cli compare: two names, or a batch of pairs") {
    const auto r = run_cli({"compare", "PUTIN, Vladimir", "Vladimir Putin", "--type", "person"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto j = json::parse(r.out);
    CHECK(j["match"] == true);
    CHECK(j["score"].get<double>() == doctest::Approx(1.0));
    CHECK(j["type"] == "person");

    Fixture f;
    const auto pairs = f.file("p.jsonl", "{\"a\": \"George Bush\", \"b\": \"George Habbash\"}\n"
                                         "{\"a\": \"x\"}\n"
                                         "{\"a\": \"Huawei Technologies Co., Ltd.\", \"b\": \"HUAWEI TECHNOLOGIES COMPANY LIMITED\", \"type\": \"organization\"}\n");
    const auto b = run_cli({"compare", "--batch", pairs});
    CHECK(b.code == 1);
    const auto out = json_lines(b.out);
    REQUIRE(out.size() == 3);
    CHECK(out[0]["match"] == false);
    CHECK(out[1]["error"]["code"] == "bad_pair");
    CHECK(out[2]["match"] == true);
}

TEST_CASE("cli match/compare: usage errors") {
    Fixture f;
    CHECK(run_cli({"match", "--name", "x"}).code == 2);                                        // no --bundle
    CHECK(run_cli({"match", "--bundle", f.bundle}).code == 2);                                 // neither --name nor --batch
    CHECK(run_cli({"match", "--bundle", f.bundle, "--name", "x", "--batch", "q.jsonl"}).code == 2);
    CHECK(run_cli({"match", "--bundle", f.bundle, "--name", "x", "--top", "many"}).code == 2);
    CHECK(run_cli({"match", "--bundle", f.bundle, "--name", "x", "--colour", "red"}).code == 2);
    CHECK(run_cli({"match", "--bundle", (f.dir / "missing.ecb").string(), "--name", "x"}).code == 1);
    const auto bad_type = run_cli({"match", "--bundle", f.bundle, "--name", "x", "--type", "ship"});
    CHECK(bad_type.code == 1);
    CHECK(bad_type.err.find("bad_query") != std::string::npos);
    CHECK(run_cli({"compare", "only one"}).code == 2);
}
