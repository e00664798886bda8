// The rules documents of data/rules: country groups as the brief gives them (§2.1), the derived licence
// set, documents that are missing or malformed, and per-order overrides of [L] facts.
#include "screen_support.hpp"
#include <exportcheck/error.hpp>
#include <exportcheck/rules.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>


using exportcheck::Error;
using exportcheck::RulesData;
using json = nlohmann::ordered_json;

using exportcheck::test::rules;

namespace {

std::string error_of(const json& docs) {
    const auto r = RulesData::from_documents(docs);
    return r.ok() ? "" : r.error().code() + ": " + r.error().what();
}

}  // namespace

TEST_CASE("rules: every document has a version, an as-of date and sources") {
    const auto& r = rules();
    for (const char* name : {"country-groups", "products", "red-flags", "license-rules", "list-overlays", "cases",
                             "phrases-en", "phrases-fr", "phrases-de", "phrases-es", "phrases-zh"}) {
        CAPTURE(name);
        CHECK(!r.documents[name]["version"].get<std::string>().empty());
        CHECK(r.documents[name]["as_of"].get<std::string>().size() == 10);
        CHECK(r.documents[name]["sources"].size() > 0);
    }
    CHECK(r.versions()["products"]["as_of"].get<std::string>() == r.documents["products"]["as_of"].get<std::string>());
}

TEST_CASE("country groups: sizes and members as the brief lists them [CG-SNAP] [CG-STACKS] [M]") {
    const auto& g = rules().groups;
    CHECK(g.groups.at("D:1").members.size() == 24);
    CHECK(g.groups.at("D:4").members.size() == 21);  // AE left on 2026-07-10 [FR26-UAE]
    CHECK(g.groups.at("D:5").members.size() == 22);
    CHECK(g.groups.at("A:5").members.size() == 38);  // AE joined on 2026-07-10 [FR26-UAE] [ECFR-0723]
    CHECK(g.groups.at("A:6").members.size() == 8);
    // Cambodia left D:5 on 2026-02-03 and stays in D:1 [FR26-CAMB] [H].
    CHECK(g.in("D:1", "KH"));
    CHECK_FALSE(g.in("D:5", "KH"));
    CHECK(g.in("E:1", "IR"));
    CHECK(g.in("E:2", "CU"));
}

TEST_CASE("country groups: Hong Kong counts as China [HK-2020]; Macau sits with D:5 [AID]") {
    const auto& g = rules().groups;
    CHECK(g.effective("HK") == "CN");
    CHECK(g.groups_of("HK") == std::vector<std::string>{"D:1", "D:4", "D:5"});
    CHECK(g.in_license_set("HK"));
    CHECK(g.hq_concern_country("HK"));
    CHECK(g.hq_concern_country("MO"));
    CHECK_FALSE(g.hq_concern_country("SG"));
}

TEST_CASE("country groups: the 3A090/4A090 licence set is (D:1 + D:4 + D:5) minus A:5/A:6: 45 codes, IL and AE out [AID] [ECFR-0723]") {
    const auto& g = rules().groups;
    CHECK(g.license_set.size() == 45);
    CHECK_FALSE(g.in_license_set("IL"));  // D:4 but A:6
    for (const char* cc : {"CN", "MO", "RU", "SA", "VN", "KZ", "AM"}) CHECK_MESSAGE(g.in_license_set(cc), cc);
    for (const char* cc : {"JP", "DE", "SG", "MY", "TW", "US", "IN", "MX", "AE"}) CHECK_MESSAGE(!g.in_license_set(cc), cc);
}

TEST_CASE("country groups: embargoes CU IR KP SY and RU/BY are hard blocks (Part 746) [MC] [AKIN]") {
    const auto& g = rules().groups;
    for (const char* cc : {"CU", "IR", "KP", "SY", "RU", "BY"}) CHECK_MESSAGE(g.embargo(cc) != nullptr, cc);
    CHECK(g.embargo("CN") == nullptr);
    CHECK(g.embargo("RU")->id == "EMB-RU-BY");
}

TEST_CASE("rules: a missing or malformed document is refused, naming it") {
    auto docs = exportcheck::test::rules_documents();
    auto no_products = docs;
    no_products.erase("products");
    CHECK(error_of(no_products).starts_with("rules_missing"));
    CHECK(error_of(no_products).find("products") != std::string::npos);

    auto bad_set = docs;
    bad_set["country-groups"]["advanced_computing_license_set"]["members"].push_back("IL");
    CHECK(error_of(bad_set).find("advanced_computing_license_set.members") != std::string::npos);

    auto bad_tpp = docs;
    bad_tpp["products"]["chips"][0]["tpp"] = "lots";
    CHECK(error_of(bad_tpp).find("products.chips[0].tpp: expected a number") != std::string::npos);

    auto bad_country = docs;
    bad_country["red-flags"]["hubs"][0]["countries"].push_back("XX");
    CHECK(error_of(bad_country).find("red-flags.hubs[0].countries") != std::string::npos);
}

// Each of these once made the JSON library throw its own error (or read past a list) in the middle of
// loading; the browser build cannot catch that, so the loader names the field instead.
TEST_CASE("rules: documents of the wrong shape are refused with the field named, never half-read") {
    const auto docs = exportcheck::test::rules_documents();
    auto refused = [&](const char* doc, const json::json_pointer& at, const json& value) {
        auto d = docs;
        d[doc][at] = value;
        return error_of(d);
    };
    CHECK(refused("products", json::json_pointer("/chips"), json::object({{"a", 1}})) ==
          "rules_invalid: rules document products.chips: expected a list");
    CHECK(refused("country-groups", json::json_pointer("/embargoes"), "CU") ==
          "rules_invalid: rules document country-groups.embargoes: expected a list");
    CHECK(refused("red-flags", json::json_pointer("/price_bands_usd/bands/x"), json::array({1})) ==
          "rules_invalid: rules document red-flags.price_bands_usd.bands.x: expected [low, high]");
    CHECK(refused("red-flags", json::json_pointer("/email_country_domains/aliases/uk"), 44) ==
          "rules_invalid: rules document red-flags.email_country_domains.aliases.uk: expected a string");
    CHECK(refused("red-flags", json::json_pointer("/thresholds/price_premium/value"), "high") ==
          "rules_invalid: rules document red-flags.thresholds.price_premium.value: expected a number");
    CHECK(refused("license-rules", json::json_pointer("/uae_approved_recipients/recipients/0/valid_until"), nullptr) ==
          "rules_invalid: rules document license-rules.uae_approved_recipients.recipients[0].valid_until: expected a string");
    CHECK(refused("license-rules", json::json_pointer("/uae_approved_recipients/recipients/0/names"), json::array({1})) ==
          "rules_invalid: rules document license-rules.uae_approved_recipients.recipients[0].names[0]: expected a string");
    CHECK(refused("red-flags", json::json_pointer("/free_text/languages"), json::array({"xx"})) ==
          "rules_invalid: rules document red-flags.free_text.languages: the rules document \"phrases-xx\" is missing");
    CHECK(error_of(json::array()) == "rules_missing: the rules documents are not an object");
}

TEST_CASE("settings: an order overrides [L] facts and the overrides are listed") {
    auto r = rules();
    const auto applied = exportcheck::apply_settings(r, json::parse(R"({
        "products": {"nvidia-h100-pcie": {"tpp": 12000, "datacenter": true}},
        "thresholds": {"price_premium": 0.3},
        "extra_hubs": ["pk"]})")).value();
    REQUIRE(applied.size() == 4);
    const auto tpp = std::find_if(applied.begin(), applied.end(), [](const exportcheck::Override& o) {
        return o.path == "settings.products.nvidia-h100-pcie.tpp";
    });
    REQUIRE(tpp != applied.end());
    CHECK(tpp->replaced == 12104);
    CHECK(tpp->confidence == "L");
    CHECK(r.catalogue.chip("nvidia-h100-pcie")->tpp == 12000);
    CHECK(r.flags.number("price_premium") == doctest::Approx(0.3));
    CHECK(r.flags.hub("PK") != nullptr);
    CHECK(rules().flags.hub("PK") == nullptr);  // the shared rules are untouched
}

TEST_CASE("settings: unknown keys and wrong types name the setting") {
    auto r = rules();
    auto err = [&](const char* text) {
        const auto applied = exportcheck::apply_settings(r, json::parse(text));
        if (applied.ok()) return std::string();
        CHECK(applied.error().code() == "bad_settings");
        return std::string(applied.error().what());
    };
    CHECK(err(R"({"products": {"nvidia-h999": {"tpp": 1}}})").starts_with("settings.products.nvidia-h999"));
    CHECK(err(R"({"products": {"nvidia-a100": {"tpp": "high"}}})").starts_with("settings.products.nvidia-a100.tpp"));
    CHECK(err(R"({"thresholds": {"nope": 1}})").starts_with("settings.thresholds.nope"));
    CHECK(err(R"({"extra_hubs": ["Atlantis"]})").starts_with("settings.extra_hubs[0]"));
    CHECK(err(R"({"colour": "red"})").starts_with("settings.colour"));
}

TEST_CASE("settings: a refused setting has a catalogue message, told in English or French") {
    auto r = rules();
    const auto refusal = [&](const char* text) -> Error {
        const auto applied = exportcheck::apply_settings(r, json::parse(text));
        if (!applied.ok()) return applied.error();
        FAIL("accepted: " << text);
        return Error("", "");
    };
    const auto hub = refusal(R"({"extra_hubs": ["Atlantis"]})");
    CHECK(hub.message().id == "in.field");
    CHECK(std::string(hub.what()) == "settings.extra_hubs[0]: \"Atlantis\" is not a country");
    CHECK(hub.text(exportcheck::Lang::fr) == "« settings.extra_hubs[0] » : « Atlantis » n'est pas un pays");
    const auto colour = refusal(R"({"colour": "red"})");
    CHECK(colour.text(exportcheck::Lang::fr).starts_with("« settings.colour » : réglage inconnu (« products, "));
    CHECK(refusal(R"({"products": {"nvidia-h999": {"tpp": 1}}})").text(exportcheck::Lang::fr) ==
          "« settings.products.nvidia-h999 » : aucune puce du catalogue ne porte cet identifiant");
}
