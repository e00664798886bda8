// Classification of an order's items against ECCN 3A090/4A090 (brief §1):
//   1. the chip: recognised from free text through the catalogue ("Supermicro server with 8x NVIDIA A100",
//      "H100 80GB HBM3 SXM5"), or from the order's own figures (tpp, die_area_mm2, datacenter);
//   2. the 3A090 tests on its TPP and performance density (PD = TPP / die area);
//   3. systems (servers, boards, PCs, racks) holding such chips are 4A090 (or base.z when the maker's ECCN
//      is one of the ".z" bases, e.g. 5A992.z); the chips are counted;
//   4. an item the catalogue does not know is "unclassified", never silently EAR99; one that reads like a
//      datacenter part asks for review.
#pragma once

#include <nlohmann/json.hpp>

#include <exportcheck/order.hpp>
#include <exportcheck/rules.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exportcheck {

enum class ChipClass : std::uint8_t {
    outside,       // outside 3A090
    a,             // 3A090.a, designed or marketed for datacenters (or not known to be otherwise)
    b,             // 3A090.b
    consumer_a,    // 3A090.a but not designed for datacenters (TPP >= 4800): NAC/ACA eligible
    undetermined,  // the figures given do not settle it (die area missing)
};
std::string_view to_string(ChipClass c) noexcept;

struct Verdict3A090 {
    ChipClass cls = ChipClass::outside;
    std::string paragraph;  // "3A090.a", "3A090.b", "" (outside or undetermined)
    std::string basis;      // "TPP 4,992 >= 4800", "TPP 1,936 >= 1600 and PD 6.57 >= 5.92", ... (in English)
    nlohmann::ordered_json basis_msg;  // the same as a message (message.hpp), for reports in any language
};

// The 3A090 tests. `pd` unknown: decided on TPP alone where possible; `datacenter` unknown counts as a
// datacenter part (the stricter reading).
Verdict3A090 test_3a090(double tpp, std::optional<double> pd, std::optional<bool> datacenter,
                        const Thresholds3A090& t);

enum class ItemClass : std::uint8_t {
    a,             // 3A090.a / 4A090.a / .z(.a) for datacenters: no licence exceptions
    b,             // 3A090.b / 4A090.b / .z(.b): NAC/ACA available
    consumer_a,    // 3A090.a / 4A090.a not designed for datacenters: NAC/ACA available
    letter,        // outside 3A090 but licence-required to CN/HK/MO/D:5 by the April 2025 letters (H20, MI308)
    outside,       // a known chip (or a system of them) outside 3A090
    generic,       // an ordinary product (laptop, monitor, CPU...) with no 3A090 chip named
    undetermined,  // a chip or system the figures do not settle
    unclassified,  // not recognised
};
std::string_view to_string(ItemClass c) noexcept;

struct ItemClassification {
    ItemClass cls = ItemClass::unclassified;
    std::string eccn;           // the tool's: "3A090.a", "4A090.b", "5A992.z", "outside 3A090", "unclassified"
    std::string basis;          // why, in plain words (in English)
    nlohmann::ordered_json basis_msg;  // the same as a message (message.hpp), for reports in any language
    bool system = false;        // a computer, server, board or rack holding the chips
    std::string catalogue_id, catalogue_name, confidence;
    std::vector<std::string> sources;
    std::string system_id, system_name;
    std::string catalogue_name_fr, system_name_fr;  // those names in French (empty: as in English)
    double chips_per_unit = 0;  // a server with 8 GPUs: 8
    double chips_total = 0;     // chips_per_unit x quantity
    std::optional<double> tpp, die_area_mm2, pd, memory_bandwidth_gbs;
    std::optional<bool> datacenter;
    std::string figures_from;   // "catalogue", "order", "catalogue and order", "maker's ECCN", ""
    std::string maker_eccn;
    std::string letter;         // "H20" or "MI308"
    std::string fallback_eccn;  // below 3A090 but >= 8 TOPS: "3A991.p" (chips) or "4A994.l" (systems), AT-only; not EAR99
    bool prc_made = false;
    bool looks_datacenter = false;  // unrecognised, but the description reads like a datacenter part
    bool names_gpu = false;         // unrecognised, but the description says "GPU" (or the like) without a model
    std::vector<nlohmann::ordered_json> notes;  // messages (message.hpp), rendered in the report's language

    // An advanced-computing item the destination and red-flag rules care about.
    bool advanced() const noexcept;
    // Meets 3A090 / 4A090 (a, b or consumer_a).
    bool controlled() const noexcept;
};

ItemClassification classify_item(const Item& item, const RulesData& rules);

// The catalogue as a list for people and pages: [{id, vendor, name, likely_eccn, tpp, datacenter, confidence,
// kind: "chip"|"system"}], chips first, in catalogue order.
nlohmann::ordered_json product_list(const RulesData& rules);

}  // namespace exportcheck
