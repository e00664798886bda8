// The order-level rules, one function per job, each returning findings with their citations:
//
//   destinations_of        which countries the goods go to (ship-to, consignees, end user), their country
//                          groups, and which parties fall under the headquarters test (D:5 / Macau)
//   check_embargo          CU IR KP SY, RU/BY: blocked for every item (15 CFR Part 746)
//   check_licences         3A090/4A090 to the licence set, the headquarters rule, NAC/ACA, the H20/MI308
//                          letters, the 2026 H200 case-by-case policy, items that cannot be classified
//   check_catch_all        supercomputer, fab, military, military-intelligence and WMD end uses (§744.21-.23)
//   check_red_flags        R03..R21 of the brief that an order shows, each with its inputs
//   check_holistic         several diversion flags on an order of advanced chips stop it
//
// Party screening against the lists (R01, R02, R17, R22) needs the Matcher and lives in screen.hpp.
#pragma once

#include <exportcheck/classify.hpp>
#include <exportcheck/order.hpp>
#include <exportcheck/report.hpp>
#include <exportcheck/rules.hpp>

#include <string>
#include <utility>
#include <vector>

namespace exportcheck {

struct DestinationCountry {
    std::string code;                 // ISO alpha-2 as given
    std::string counts_as;            // "CN" for HK; the code otherwise
    std::vector<std::string> roles;   // ship_to, ultimate_consignee, ...
    std::vector<std::string> groups;  // D:1, D:5, A:6, ...
    bool license_set = false;         // in the 3A090/4A090 licence set
    bool d5_or_macau = false;
};

struct HeadquartersConcern {
    std::string party;     // "parties[2]"
    std::string role, name;
    std::string country;   // the D:5 / Macau country
    std::string basis;     // "headquarters_country", "parent.headquarters_country", "parent party", "address"
};

struct Destinations {
    std::vector<DestinationCountry> countries;
    std::vector<HeadquartersConcern> headquarters;
    std::string basis;     // which roles gave the destinations
};

Destinations destinations_of(const Order& order, const RulesData& rules);

// What the checks read. `reference_date` (YYYY-MM-DD) dates company ages and dated policies: the caller's
// screened_at, else the order's date, else the bundle's build date.
// Pairs of the order's names that the name matcher takes for one company, each pair with a payer on one side
// (R04: does the buyer pay, or a third party?). Screen fills it, so Rules needs no matcher.
struct AlikeNames {
    std::vector<std::pair<std::string, std::string>> pairs;
    bool alike(const std::string& a, const std::string& b) const {
        for (const auto& [x, y] : pairs)
            if ((x == a && y == b) || (x == b && y == a)) return true;
        return false;
    }
};

struct CheckInput {
    const Order& order;
    const RulesData& rules;
    const std::vector<ItemClassification>& items;
    const Destinations& destinations;
    std::string reference_date;
    AlikeNames payer_names;
};

std::vector<Finding> check_embargo(const CheckInput& in);
std::vector<Finding> check_licences(const CheckInput& in);
std::vector<Finding> check_catch_all(const CheckInput& in);
std::vector<Finding> check_red_flags(const CheckInput& in);
// Adds R-HOLISTIC when enough distinct diversion flags meet on an order of advanced chips.
std::vector<Finding> check_holistic(const CheckInput& in, const std::vector<Finding>& findings);

// R17 in the aggregate: owners on the lists whose shares add up to control (Screen matched their names; the
// party findings carry the hits). OFAC's 50% rule always; the BIS Affiliates Rule by its state on the date.
std::vector<Finding> check_ownership(const CheckInput& in, const std::vector<Finding>& party_findings);

// L-01/L-02: names the lists miss (an Entity List party's new trade name, a suspected affiliate), from
// list-overlays.json; exact names compared after folding, never the fuzzy matcher.
std::vector<Finding> check_list_overlays(const CheckInput& in);

// K-01..K-03: when enough of a known case's red flags meet on the order, the findings name the case.
void name_cases(const CheckInput& in, std::vector<Finding>& findings);

// Data-quality findings for what the order parser could not evaluate, and for items it could not classify.
std::vector<Finding> check_data_quality(const CheckInput& in);

// What is left to do after screening: [{message_id, params}] (keep the record until a date; why no licence is
// needed; no NAC/ACA notification for a consumer 3A090 card outside the licence set). The report renders them.
nlohmann::ordered_json next_steps(const CheckInput& in, const std::vector<Finding>& findings, Decision decision);

}  // namespace exportcheck
