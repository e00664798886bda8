// Destinations, licences, embargoes and catch-alls (brief §2), each with its citation.
#include "screen_support.hpp"
#include <exportcheck/checks.hpp>
#include <exportcheck/report.hpp>

#include <exportcheck/message.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>


using namespace exportcheck;
using exportcheck::test::check_order;
using exportcheck::test::find_rule;

namespace {

// An order with one party of `role` in `country` and one item.
std::string order(const std::string& item, const std::string& country, const std::string& extra_party = "",
                  const std::string& end_use = "AI research") {
    return R"({"id": "T", "parties": [{"role": "buyer", "name": "Test Buyer Ltd", "type": "organization",
              "address": {"lines": ["1 Main Street"], "city": "Town", "country": ")" + country + R"("}})" +
           (extra_party.empty() ? "" : ", " + extra_party) + R"(], "items": [{"description": ")" + item +
           R"(", "quantity": 2}], "end_use": ")" + end_use + R"("})";
}

Decision decision(const std::vector<Finding>& f) { return decide(f); }

}  // namespace

TEST_CASE("LIC-3A090-D5: an A100 to Hong Kong needs a licence; HK counts as China [HK-2020] [AID]") {
    const auto f = check_order(order("NVIDIA A100 80GB", "HK"), "2025-06-01");
    const auto* lic = find_rule(f, "LIC-3A090-D5", Severity::license_required);
    REQUIRE(lic);
    CHECK(lic->message.find("the NVIDIA A100 (ECCN 3A090.a) is going to Hong Kong (HK), which US rules treat as China") !=
          std::string::npos);
    CHECK(render_value(lic->evidence["citation"], Lang::en).find("742.6") != std::string::npos);
    CHECK(lic->evidence["confidence"] == "H");
    CHECK(render_value(lic->evidence["review_policy"], Lang::en) == "presumption of denial");
    CHECK(render_value(lic->evidence["review_policy"], Lang::fr) == "présomption de refus");  // before the 2026 policy
    CHECK(decision(f) == Decision::license_required);
}

TEST_CASE("LIC-H200-CASE: from 2026-01-15 H200-class chips to China are reviewed case by case, still licensed [FR26-H200]") {
    const auto f = check_order(order("NVIDIA H200 141GB", "CN"), "2026-03-01");
    const auto* lic = find_rule(f, "LIC-H200-CASE", Severity::license_required);
    REQUIRE(lic);
    CHECK_FALSE(find_rule(f, "LIC-3A090-D5", Severity::license_required));  // one rule, one policy
    CHECK(lic->message.find("a licence must be granted before anything ships") != std::string::npos);
    // B200: TPP ~36,000 >= 21,000 and Blackwell: no licence path at all (C-03).
    const auto b = check_order(order("NVIDIA B200", "CN"), "2026-03-01");
    CHECK_FALSE(find_rule(b, "LIC-H200-CASE", Severity::info));
    CHECK(find_rule(b, "LIC-BLACKWELL-NOPATH", Severity::blocked));
}

TEST_CASE("LIC-3A090-D1D4: a datacenter chip to Saudi Arabia (D:4) needs a licence (presumption of approval) [AID] [M]") {
    const auto f = check_order(order("NVIDIA H100 SXM5", "SA"), "2026-07-09");
    const auto* lic = find_rule(f, "LIC-3A090-D1D4", Severity::license_required);
    REQUIRE(lic);
    CHECK(render_value(lic->evidence["review_policy"], Lang::en) == "presumption of approval");
    CHECK_FALSE(lic->evidence.contains("exception"));  // datacenter 3A090.a: no NAC/ACA
}

TEST_CASE("EXC-ACA / EXC-NAC: consumer parts with TPP >= 4800 and .b parts may use the exceptions [BIS-NAC] [AID]") {
    const auto ae = check_order(order("GeForce RTX 4090", "SA"), "2026-07-09");
    const auto* aca = find_rule(ae, "LIC-3A090-D1D4", Severity::license_required);
    REQUIRE(aca);
    CHECK(aca->evidence["exception"]["rule"] == "EXC-ACA");
    const auto cn = check_order(order("NVIDIA L40 48GB", "CN"), "2026-07-09");
    const auto* nac = find_rule(cn, "LIC-3A090-D5", Severity::license_required);
    REQUIRE(nac);
    CHECK(nac->evidence["exception"]["rule"] == "EXC-NAC");
    CHECK(nac->message.find("25 days") != std::string::npos);
}

TEST_CASE("no licence to A:5/A:6 or other destinations outside the licence set") {
    for (const char* cc : {"JP", "DE", "GB", "IL", "US", "SG"}) {
        CAPTURE(cc);
        const auto f = check_order(order("NVIDIA H100 SXM5", cc), "2026-07-09");
        CHECK(find_rule(f, "LIC-3A090-D5", Severity::info) == nullptr);
        CHECK(find_rule(f, "LIC-3A090-D1D4", Severity::info) == nullptr);
    }
    // Items outside 3A090 need no licence even to China.
    const auto f = check_order(order("NVIDIA L20 48GB", "CN"), "2026-07-09");
    CHECK(find_rule(f, "LIC-3A090-D5", Severity::info) == nullptr);
}

TEST_CASE("LIC-H20-LETTER: the H20 and MI308 are licence-required to China and D:5 since April 2025 [H20-8K] [M]") {
    const auto f = check_order(order("NVIDIA H20 96GB", "CN"), "2026-07-09");
    REQUIRE(find_rule(f, "LIC-H20-LETTER", Severity::license_required));
    CHECK(find_rule(check_order(order("AMD Instinct MI308X", "HK"), "2026-07-09"), "LIC-H20-LETTER", Severity::license_required));
    CHECK(find_rule(check_order(order("NVIDIA H20 96GB", "VE"), "2026-07-09"), "LIC-H20-LETTER", Severity::license_required));
    CHECK_FALSE(find_rule(check_order(order("NVIDIA H20 96GB", "DE"), "2026-07-09"), "LIC-H20-LETTER", Severity::info));
}

TEST_CASE("LIC-HQ-D5: a party headquartered in D:5/Macau needs a licence wherever the goods go [BIS-HQ] [H]") {
    const std::string uc = R"({"role": "end_user", "name": "Kuala Cloud Sdn Bhd", "address": {"country": "MY"},
                               "parent": {"name": "Parent Co", "headquarters_country": "CN"}})";
    const auto f = check_order(order("NVIDIA H100 SXM5", "MY", uc), "2026-07-09");
    const auto* hq = find_rule(f, "LIC-HQ-D5", Severity::license_required);
    REQUIRE(hq);
    CHECK(hq->evidence["basis"] == "parent.headquarters_country");
    CHECK(hq->evidence["red_flag"] == "R11");
    // A Macau headquarters counts too; a Japanese one does not.
    const std::string mo = R"({"role": "end_user", "name": "X", "address": {"country": "DE"}, "headquarters_country": "MO"})";
    CHECK(find_rule(check_order(order("NVIDIA H100 SXM5", "DE", mo), "2026-07-09"), "LIC-HQ-D5", Severity::license_required));
    const std::string jp = R"({"role": "end_user", "name": "X", "address": {"country": "DE"}, "headquarters_country": "JP"})";
    CHECK_FALSE(find_rule(check_order(order("NVIDIA H100 SXM5", "DE", jp), "2026-07-09"), "LIC-HQ-D5", Severity::info));
    // A buyer organisation based in China buying for Malaysia: its seat is taken as its headquarters.
    const std::string ship = R"({"role": "ship_to", "name": "Y", "address": {"country": "MY"}})";
    CHECK(find_rule(check_order(order("NVIDIA H100 SXM5", "CN", ship), "2026-07-09"), "LIC-HQ-D5", Severity::license_required));
}

TEST_CASE("embargoes block every item, ordinary ones too (15 CFR Part 746) [MC] [AKIN]") {
    for (const char* cc : {"IR", "KP", "SY", "CU", "RU", "BY"}) {
        CAPTURE(cc);
        const auto f = check_order(order("Dell laptop", cc), "2026-07-09");
        CHECK(decision(f) == Decision::blocked);
    }
    // On the route, too.
    const auto routed = check_order(R"({"id": "T", "parties": [{"role": "buyer", "name": "B", "address": {"country": "AM"}}],
        "items": [{"description": "laptop"}], "shipping": {"route": ["RU"]}})", "2026-07-09");
    CHECK(find_rule(routed, "EMB-RU-BY", Severity::blocked));
}

TEST_CASE("R21 catch-alls: end uses that need a licence whatever the item (§744.21-.23) [AKIN] [FDA]") {
    // Military end use in China (§744.21 country): licence.
    auto f = check_order(order("Dell laptop", "CN", "", "for the army logistics command"), "2026-07-09");
    CHECK(find_rule(f, "R21", Severity::license_required));
    // Military end use in Germany: not a §744.21 country, still a question.
    f = check_order(order("Dell laptop", "DE", "", "for the army logistics command"), "2026-07-09");
    const auto* r = find_rule(f, "R21", Severity::review);
    REQUIRE(r);
    CHECK(r->severity == Severity::review);
    // Supercomputer end use to a licence-set destination; WMD end use anywhere.
    CHECK(find_rule(check_order(order("NVIDIA L20", "VN", "", "national supercomputing centre"), "2026-07-09"), "R21",
                    Severity::license_required));
    CHECK(find_rule(check_order(order("NVIDIA L20", "DE", "", "ballistic missile design"), "2026-07-09"), "R21",
                    Severity::license_required));
    // Ordinary words do not trigger it.
    CHECK_FALSE(find_rule(check_order(order("NVIDIA L20", "DE", "", "data enrichment and ad targeting"), "2026-07-09"),
                          "R21", Severity::info));
}

TEST_CASE("R16: cloud compute for China-headquartered customers [AKIN] [CTP]") {
    const auto f = check_order(order("NVIDIA H100 SXM5", "MY", "", "GPU cloud rental for Chinese AI companies"), "2026-07-09");
    CHECK(find_rule(f, "R16", Severity::license_required));
}

TEST_CASE("items that cannot be classified ask for review where a licence could be needed") {
    const auto f = check_order(order("8-GPU AI server", "AE"), "2026-07-09");
    CHECK(find_rule(f, "LIC-UNDETERMINED", Severity::review));
    CHECK(find_rule(f, "DQ-UNCLASSIFIED", Severity::review));
    CHECK(decision(f) != Decision::clear);
    // A plain unknown item to Germany is reported, not counted.
    const auto g = check_order(order("Widget 3000", "DE"), "2026-07-09");
    CHECK(find_rule(g, "DQ-UNCLASSIFIED", Severity::info));
    CHECK(decision(g) == Decision::clear);
}

TEST_CASE("an unknown country makes the order review, naming the field") {
    const auto f = check_order(order("NVIDIA H100 SXM5", "XX"), "2026-07-09");
    const auto* dq = find_rule(f, "DQ-COUNTRY", Severity::review);
    REQUIRE(dq);
    CHECK(dq->evidence["field"] == "parties[0].address.country");
    // Said in a reseller's words, not as a field path.
    CHECK(dq->message.starts_with("The country of the buyer \"Test Buyer Ltd\": \"XX\" is not a country"));
    CHECK(decision(f) == Decision::review);
}
