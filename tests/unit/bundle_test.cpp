#include "test_support.hpp"

#include <exportcheck/bundle.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/lists.hpp>
#include <exportcheck/sha256.hpp>

#include <doctest/doctest.h>

#include <functional>

using namespace exportcheck;

namespace {

BundleMeta sample_meta() {
    BundleMeta m;
    m.id = "test-bundle";
    m.built_at = "2026-11-28T12:00:00Z";
    m.engine = "test";
    m.sources.push_back({"csl", "2022-04-21", "latest start_date in the file", {{"consolidated.csv", "ab", 10}}, 8, 0, 0,
                         "https://example.invalid/consolidated.csv"});
    m.notes = {"a note"};
    return m;
}

std::string sample_bundle() { return write_bundle(sample_meta(), parse_csl_csv(test::fixture("csl_excerpt.csv"))); }

std::string code_of(std::string_view bytes) {
    const auto b = read_bundle(bytes);
    return b.ok() ? "accepted" : b.error().code();
}

}  // namespace

TEST_CASE("sha256: FIPS 180-4 test vectors") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000, 'a')) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

TEST_CASE("bundle: round trip keeps every entry and the metadata") {
    const auto entries = parse_csl_csv(test::fixture("csl_excerpt.csv"));
    const auto bytes = write_bundle(sample_meta(), entries);
    const auto b = read_bundle(bytes).value();
    CHECK(b.meta == sample_meta());
    REQUIRE(b.entries.size() == entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) CHECK(b.entries[i] == entries[i]);
    CHECK(b.sha256 == sha256_hex(std::string_view(bytes).substr(64)));
    CHECK(b.list_counts().at("MEU") == 2);
}

TEST_CASE("bundle: writing is deterministic") { CHECK(sample_bundle() == sample_bundle()); }

TEST_CASE("bundle: info JSON") {
    const auto info = bundle_info(read_bundle(sample_bundle()).value());
    CHECK(info["format"] == "exportcheck-bundle");
    CHECK(info["format_version"] == 1);
    CHECK(info["entries"] == 8);
    CHECK(info["lists"]["EL"] == 1);
    CHECK(info["sources"][0]["files"][0]["name"] == "consolidated.csv");
    CHECK(info["sha256"].get<std::string>().size() == 64);
}

TEST_CASE("bundle: the bad-bundle catalogue gets clear errors, never a crash") {
    const auto good = sample_bundle();
    CHECK(code_of(good) == "accepted");
    CHECK(code_of("") == "bundle_not_a_bundle");
    CHECK(code_of("hello world, not a bundle at all") == "bundle_not_a_bundle");
    CHECK(code_of("\x1f\x8b\x08\x00") == "bundle_compressed");
    CHECK(code_of(good.substr(0, 40)) == "bundle_truncated");
    CHECK(code_of(good.substr(0, good.size() / 2)) == "bundle_truncated");
    CHECK(code_of(good.substr(0, good.size() - 1)) == "bundle_truncated");
    CHECK(code_of(good + "x") == "bundle_trailing_data");

    auto wrong_version = good;
    wrong_version[8] = 2;
    CHECK(code_of(wrong_version) == "bundle_version");
    CHECK(std::string(read_bundle(wrong_version).error().what()).find("format version 2") != std::string::npos);

    // One flipped byte anywhere in the body is caught by the sha256.
    for (std::size_t at : {std::size_t(64), std::size_t(100), good.size() / 2, good.size() - 1}) {
        auto tampered = good;
        tampered[at] = static_cast<char>(tampered[at] ^ 0x01);
        CHECK(code_of(tampered) == "bundle_corrupted");
    }
    auto bad_hash = good;
    bad_hash[30] ^= 0x01;
    CHECK(code_of(bad_hash) == "bundle_corrupted");
}

TEST_CASE("bundle: a body with a valid hash but nonsense content is still refused") {
    // Forge the hash over a garbage body: the reader must bound every count and index.
    auto good = sample_bundle();
    std::string body(good.substr(64));
    for (std::size_t i = body.size() / 3; i < body.size(); i += 7) body[i] = static_cast<char>(0xFF);
    const auto digest = sha256(body);
    std::string forged = good.substr(0, 64) + body;
    std::copy(digest.begin(), digest.end(), forged.begin() + 24);
    CHECK(code_of(forged) == "bundle_corrupted");
}

TEST_CASE("entry JSON round trip") {
    for (const auto& e : parse_csl_csv(test::fixture("csl_excerpt.csv"))) CHECK(entry_from_json(entry_to_json(e)).value() == e);
    // Fields of another type are named, not thrown by the JSON library.
    CHECK(std::string(entry_from_json({{"name", 1}}).error().what()) == "field `name`: expected a string");
    CHECK(std::string(entry_from_json({{"name", "x"}, {"aliases", {{{"type", "aka"}}}}}).error().what()) ==
          "field `aliases`: an alias needs its name as a string");
    CHECK(std::string(entry_from_json({{"addresses", {"Main St"}}}).error().what()) ==
          "field `addresses`: each address must be an object");
    CHECK(entry_from_json(nlohmann::ordered_json::array()).error().code() == "bad_entry");
}

namespace {

// A signed-over (re-hashed) copy of `bundle` whose metadata JSON is `edit`ed: what a forged or badly built
// bundle carries. The metadata is the body's first string, after its varint length (short here: 2 bytes).
std::string with_meta(const std::string& bundle, const std::function<void(nlohmann::ordered_json&)>& edit) {
    std::string body = bundle.substr(64);
    std::size_t len = 0, at = 0;
    for (int shift = 0;; shift += 7) {
        const auto b = static_cast<unsigned char>(body[at++]);
        len |= static_cast<std::size_t>(b & 0x7F) << shift;
        if (!(b & 0x80)) break;
    }
    auto meta = nlohmann::ordered_json::parse(body.substr(at, len));
    edit(meta);
    std::string text = meta.dump(), prefix;
    for (auto n = text.size(); ; n >>= 7) {
        prefix += static_cast<char>((n & 0x7F) | (n >= 0x80 ? 0x80 : 0));
        if (n < 0x80) break;
    }
    body = prefix + text + body.substr(at + len);
    std::string out = bundle.substr(0, 64) + body;
    for (int i = 0; i < 8; ++i) out[16 + i] = static_cast<char>((static_cast<std::uint64_t>(body.size()) >> (8 * i)) & 0xFF);
    const auto digest = sha256(body);
    std::copy(digest.begin(), digest.end(), out.begin() + 24);
    return out;
}

}  // namespace

// The metadata comes from the file: a field of the wrong type is a corrupted bundle named by its field,
// never a JSON library error escaping (which the browser build cannot catch).
TEST_CASE("bundle: metadata fields of the wrong type or missing are refused as corrupted, naming the field") {
    const auto good = sample_bundle();
    CHECK(code_of(with_meta(good, [](auto&) {})) == "accepted");
    auto refused = [&](const std::function<void(nlohmann::ordered_json&)>& edit) {
        const auto b = read_bundle(with_meta(good, edit));
        return b.ok() ? std::string("accepted") : b.error().code() + ": " + b.error().what();
    };
    CHECK(refused([](auto& m) { m["id"] = 7; }) == "bundle_corrupted: the bundle is corrupted: metadata: id is not a string");
    CHECK(refused([](auto& m) { m.erase("built_at"); }) == "bundle_corrupted: the bundle is corrupted: metadata: built_at is missing");
    CHECK(refused([](auto& m) { m["sources"] = "csl"; }) == "bundle_corrupted: the bundle is corrupted: metadata: sources is not a list");
    CHECK(refused([](auto& m) { m["sources"][0]["entries"] = "12"; }) ==
          "bundle_corrupted: the bundle is corrupted: metadata: sources[0].entries is not a number");
    CHECK(refused([](auto& m) { m["sources"][0]["files"][0]["sha256"] = nullptr; }) ==
          "bundle_corrupted: the bundle is corrupted: metadata: sources[0].files[0].sha256 is not a string");
    CHECK(refused([](auto& m) { m["sources"][0]["dropped"] = {{"SDN", "x"}}; }) ==
          "bundle_corrupted: the bundle is corrupted: metadata: sources[0].dropped.SDN is not a number");
    CHECK(refused([](auto& m) { m["notes"] = {1}; }) ==
          "bundle_corrupted: the bundle is corrupted: metadata: notes holds something other than text");
    CHECK(refused([](auto& m) { m["list_names"] = {{"SDN", {{"title", 1}}}}; }) ==
          "bundle_corrupted: the bundle is corrupted: metadata: list_names.SDN.title is not a string");
    CHECK(refused([](auto& m) { m["rules"] = 1; }) == "bundle_corrupted: the bundle is corrupted: metadata: `rules` is not an object");
}
