// Classification (brief §1): the 3A090.a/.b tests and the datacenter note [AID] [FR25b] [H], the chips of the
// §1.4 table recognised from free text, systems counted and classified 4A090 or .z, figures given by the
// order, the maker's ECCN beside the tool's, and unknown items that stay "unclassified".
#include "screen_support.hpp"
#include <exportcheck/classify.hpp>
#include <exportcheck/rules.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>


using namespace exportcheck;

using exportcheck::test::rules;

namespace {

ItemClassification classify(const std::string& description, double quantity = 1, const std::string& eccn = "") {
    Item item;
    item.description = description;
    item.quantity = quantity;
    item.eccn = eccn;
    return classify_item(item, rules());
}

const Thresholds3A090& t() { return rules().license.eccn_3a090; }

}  // namespace

TEST_CASE("3A090.a: TPP >= 4800, or TPP >= 1600 and PD >= 5.92 [AID] [H]") {
    CHECK(test_3a090(4800, std::nullopt, true, t()).cls == ChipClass::a);
    CHECK(test_3a090(4799, 1.0, true, t()).cls != ChipClass::a);
    CHECK(test_3a090(1600, 5.92, true, t()).cls == ChipClass::a);
    CHECK(test_3a090(1599, 9.0, true, t()).cls == ChipClass::outside);
    CHECK(test_3a090(4992, 6.04, true, t()).paragraph == "3A090.a");
}

TEST_CASE("3A090.b: 2400 <= TPP < 4800 and 1.6 <= PD < 5.92, or TPP >= 1600 and 3.2 <= PD < 5.92 [AID] [H]") {
    CHECK(test_3a090(2400, 1.6, true, t()).cls == ChipClass::b);
    CHECK(test_3a090(2399, 1.6, true, t()).cls == ChipClass::outside);
    CHECK(test_3a090(2400, 1.59, true, t()).cls == ChipClass::outside);
    CHECK(test_3a090(1600, 3.2, true, t()).cls == ChipClass::b);
    CHECK(test_3a090(1600, 3.19, true, t()).cls == ChipClass::outside);
    CHECK(test_3a090(4799, 5.91, true, t()).paragraph == "3A090.b");
}

TEST_CASE("datacenter note: not for datacenters and TPP < 4800 is outside; >= 4800 stays 3A090.a with NAC/ACA [AID] [H]") {
    CHECK(test_3a090(4799, 8.0, false, t()).cls == ChipClass::outside);
    CHECK(test_3a090(3000, 4.0, false, t()).cls == ChipClass::outside);
    CHECK(test_3a090(5286, 8.7, false, t()).cls == ChipClass::consumer_a);
    // Unknown marketing counts as a datacenter part (the stricter reading).
    CHECK(test_3a090(3000, 4.0, std::nullopt, t()).cls == ChipClass::b);
}

TEST_CASE("3A090: without the die area, TPP between 1600 and 4800 is undetermined") {
    CHECK(test_3a090(2000, std::nullopt, true, t()).cls == ChipClass::undetermined);
    CHECK(test_3a090(2000, std::nullopt, false, t()).cls == ChipClass::outside);
    CHECK(test_3a090(1000, std::nullopt, true, t()).cls == ChipClass::outside);
}

TEST_CASE("catalogue: the chips of the brief's §1.4 table get their status") {
    struct Case {
        const char* text;
        const char* id;
        ItemClass cls;
    };
    const Case cases[] = {
        {"H100 80GB HBM3 SXM5", "nvidia-h100-sxm", ItemClass::a},                // [KLOCK-H100] TPP 15,832
        {"NVIDIA H100 PCIe 80GB", "nvidia-h100-pcie", ItemClass::a},             // [L]
        {"NVIDIA H100 NVL 94GB", "nvidia-h100-nvl", ItemClass::a},
        {"NVIDIA H100", "nvidia-h100", ItemClass::a},                            // variant not stated
        {"NVIDIA H200 141GB", "nvidia-h200", ItemClass::a},                      // [TH-H200]
        {"H800 SXM", "nvidia-h800", ItemClass::a},                               // [CHIPREPO]
        {"NVIDIA H20 96GB", "nvidia-h20", ItemClass::letter},                    // TPP 2,368, PD 2.9; April 2025 letter
        {"A100-SXM4-80GB", "nvidia-a100", ItemClass::a},                         // TPP 4,992
        {"NVIDIA A800 40GB PCIe", "nvidia-a800", ItemClass::a},
        {"NVIDIA A30 24GB", "nvidia-a30", ItemClass::b},
        {"NVIDIA L40S 48GB", "nvidia-l40s", ItemClass::a},                       // [L40S-SPEC] TPP ~5,864
        {"NVIDIA L40 48GB", "nvidia-l40", ItemClass::b},
        {"NVIDIA L20 48GB", "nvidia-l20", ItemClass::outside},                   // [TH-H20] [L]: PD ~3.1
        {"NVIDIA L4 24GB Tensor Core GPU", "nvidia-l4", ItemClass::a},           // small die: PD ~6.6
        {"GeForce RTX 4090 24GB", "nvidia-rtx-4090", ItemClass::consumer_a},     // [4090D] TPP 5,286, not datacenter
        {"RTX 4090D", "nvidia-rtx-4090d", ItemClass::outside},                   // [4090D] below 4800, consumer
        {"RTX 4090 D 24GB", "nvidia-rtx-4090d", ItemClass::outside},
        {"ASUS ROG gaming laptop with RTX 4090", "nvidia-rtx-4090-laptop", ItemClass::outside},
        {"GeForce RTX 5090 32GB", "nvidia-rtx-5090", ItemClass::consumer_a},
        {"NVIDIA RTX 6000 Ada Generation", "nvidia-rtx-6000-ada", ItemClass::consumer_a},
        {"NVIDIA RTX A6000 48GB", "nvidia-rtx-a6000", ItemClass::outside},
        {"NVIDIA B200 192GB", "nvidia-b200", ItemClass::a},                      // [KLOCK-B200]
        {"NVIDIA GB200 superchip", "nvidia-gb200", ItemClass::a},
        {"AMD Instinct MI210", "amd-mi210", ItemClass::b},
        {"AMD Instinct MI250X", "amd-mi250x", ItemClass::a},                     // [MI250]
        {"AMD Instinct MI300X 192GB", "amd-mi300x", ItemClass::a},               // [TH-H200]
        {"AMD Instinct MI308X", "amd-mi308", ItemClass::letter},                 // [NBC] [SPG]
        {"AMD Instinct MI325X", "amd-mi325x", ItemClass::a},
        {"Intel Gaudi 3 accelerator", "intel-gaudi3", ItemClass::a},             // [GAUDI3]
        {"Intel Gaudi 2", "intel-gaudi2", ItemClass::a},                         // figures not found: likely .a [L]
        {"Huawei Ascend 910B", "huawei-ascend-910", ItemClass::a},               // [ALSTON] PRC-made
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const auto r = classify(c.text);
        CHECK(r.catalogue_id == c.id);
        CHECK(to_string(r.cls) == to_string(c.cls));
        if (std::string(c.text).find("laptop") == std::string::npos) CHECK_FALSE(r.system);
    }
    CHECK(classify("Huawei Ascend 910B").prc_made);
    CHECK(classify("NVIDIA H20 96GB").letter == "H20");
}

TEST_CASE("catalogue: figures and their confidence are shown") {
    const auto a100 = classify("NVIDIA A100 80GB");
    CHECK(a100.tpp == 4992);
    CHECK(a100.die_area_mm2 == 826);
    REQUIRE(a100.pd);
    CHECK(*a100.pd == doctest::Approx(6.04).epsilon(0.01));
    CHECK(a100.datacenter == true);
    CHECK(a100.confidence == "M");
    CHECK(a100.eccn == "3A090.a");
    CHECK(a100.basis.find("TPP 4,992 >= 4,800") != std::string::npos);
    CHECK(classify("NVIDIA H100 PCIe").confidence == "L");
}

TEST_CASE("catalogue: names that only look like chip names are not chips") {
    CHECK(classify("Samsung Galaxy A30 phone").catalogue_id != "nvidia-a30");
    CHECK(classify("A 100W power supply").catalogue_id != "nvidia-a100");
    CHECK(classify("GH1000 gearbox").cls == ItemClass::unclassified);
}

TEST_CASE("systems: chips inside servers are counted and the system is 4A090 [AID] [H]") {
    const auto s = classify("Supermicro server with 8x NVIDIA A100", 2);
    CHECK(s.catalogue_id == "nvidia-a100");
    CHECK(s.system);
    CHECK(s.eccn == "4A090.a");
    CHECK(s.chips_per_unit == 8);
    CHECK(s.chips_total == 16);

    CHECK(classify("4U GPU server, 8 x NVIDIA H100 SXM5").chips_per_unit == 8);
    CHECK(classify("HGX H100 8-GPU").chips_per_unit == 8);
    CHECK(classify("NVIDIA HGX H100 4-GPU board").chips_per_unit == 4);
    CHECK(classify("NVIDIA DGX H100").chips_per_unit == 8);
    CHECK(classify("NVIDIA DGX H100").system_id == "nvidia-dgx-h100");
    CHECK(classify("GB200 NVL72 rack").chips_per_unit == 72);
    CHECK(classify("Dell PowerEdge XE9680 with 8x H100 SXM").system);
    CHECK(classify("Workstation with 2 x RTX 6000 Ada").chips_per_unit == 2);
    const auto pc = classify("Gaming PC: Intel Core i9, NVIDIA GeForce RTX 4090 24GB");
    CHECK(pc.system);
    CHECK(pc.cls == ItemClass::consumer_a);
    CHECK(pc.eccn == "4A090.a");
    const auto b = classify("Server with 4x NVIDIA L40");
    CHECK(b.eccn == "4A090.b");
}

TEST_CASE("systems: with a '.z' base from the maker the tool reports base.z [AID] [LENZO-4A003] [M]") {
    const auto s = classify("Dell PowerEdge XE9680 with 8x NVIDIA H100", 1, "5A992.c");
    CHECK(s.eccn == "5A992.z (tracks 4A090.a)");
    CHECK(s.maker_eccn == "5A992.c");
    CHECK(s.cls == ItemClass::a);
}

TEST_CASE("figures given by the order are tested with the 3A090 formulas") {
    Item item;
    item.description = "Custom inference accelerator card";
    item.tpp = 3000;
    item.die_area_mm2 = 700;       // PD 4.29: 2400 <= TPP < 4800 and 1.6 <= PD < 5.92
    item.datacenter = true;
    auto r = classify_item(item, rules());
    CHECK(r.cls == ItemClass::b);
    CHECK(r.figures_from == "order");
    item.die_area_mm2 = 400;       // PD 7.5 >= 5.92 with TPP >= 1600: .a
    r = classify_item(item, rules());
    CHECK(r.cls == ItemClass::a);
    item.datacenter = false;       // not for datacenters and TPP < 4800: outside
    CHECK(classify_item(item, rules()).cls == ItemClass::outside);
    // The order's figures win over the catalogue's.
    Item h;
    h.description = "NVIDIA H20";
    h.tpp = 5000;
    CHECK(classify_item(h, rules()).cls == ItemClass::a);
    CHECK(classify_item(h, rules()).figures_from == "catalogue and order");
}

TEST_CASE("unknown items are unclassified, never EAR99; datacenter-looking ones are flagged") {
    const auto w = classify("Widget 3000");
    CHECK(w.cls == ItemClass::unclassified);
    CHECK(w.eccn == "unclassified");
    CHECK_FALSE(w.looks_datacenter);
    const auto g = classify("8-GPU AI server, HBM3 accelerators");
    CHECK(g.cls == ItemClass::unclassified);
    CHECK(g.looks_datacenter);
    CHECK(classify("Dell PowerEdge XE9680").looks_datacenter);
    CHECK(classify("Lenovo ThinkPad X1 Carbon laptop").cls == ItemClass::generic);
    CHECK(classify("27 inch monitor").cls == ItemClass::generic);
    // The maker's ECCN settles an item the catalogue does not know.
    CHECK(classify("Widget 3000", 1, "3A090.a").cls == ItemClass::a);
    CHECK(classify("Widget 3000", 1, "EAR99").cls == ItemClass::outside);
}
