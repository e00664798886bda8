// The rules data screening uses, read from the rules documents of data/rules/ (shipped inside the signed
// bundle, BundleMeta::rules, keyed by file stem):
//
//   country-groups   EAR country groups (D:1, D:4, D:5, E:1, E:2, A:5, A:6), HK as CN, Macau, the
//                    3A090/4A090 licence set, the headquarters test, embargoes
//   products         the chip catalogue (TPP, die area, datacenter, likely ECCN), systems, GPU servers,
//                    ordinary products, the words that make a description look like a datacenter part
//   red-flags        R01..R22: citations, hubs, thresholds, word lists, price bands, phone codes
//   license-rules    the 3A090 thresholds, licence and exception rules with citations, catch-all end
//                    uses, what a hit on each restricted-party list means, ownership rules
//
// Every document has `version`, `as_of` and `sources`; facts carry the brief's source keys and its
// confidence mark (H, M, L). An order may override [L] facts through `settings` (apply_settings).
#pragma once

#include <exportcheck/result.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exportcheck {

// Where a fact comes from: the brief's source keys and its confidence mark.
struct Pedigree {
    std::vector<std::string> sources;
    std::string confidence;  // "H", "M", "L"
};

struct CountryGroups {
    std::string version, as_of;
    struct Group {
        std::string title, as_of, note;
        std::vector<std::string> members;
        Pedigree pedigree;
    };
    std::map<std::string, Group> groups;            // "D:1" -> members
    std::map<std::string, std::string> treated_as;  // "HK" -> "CN"
    std::vector<std::string> license_set;           // 3A090/4A090 licence destinations, derived from the groups
    std::vector<std::string> hq_concern;            // D:5 and Macau: the headquarters test
    struct Embargo {
        std::string id, citation, why, why_fr;  // why_fr: the same in French (rules data carry both languages)
        std::vector<std::string> countries;
        Pedigree pedigree;
    };
    std::vector<Embargo> embargoes;

    // The country a code counts as under the EAR ("HK" -> "CN"); the code itself otherwise.
    std::string effective(std::string_view cc) const;
    bool in(std::string_view group, std::string_view cc) const;  // through effective()
    std::vector<std::string> groups_of(std::string_view cc) const;
    bool in_license_set(std::string_view cc) const;
    bool hq_concern_country(std::string_view cc) const;
    bool d5_or_macau(std::string_view cc) const;
    const Embargo* embargo(std::string_view cc) const;
};

struct Chip {
    std::string id, vendor, name;
    std::string name_fr;                    // the name in French where it has words (empty: as in English)
    std::vector<std::string> aliases;       // model names as written ("h100 sxm", "rtx 4090")
    std::vector<std::string> alias_keys;    // the same folded and written together ("h100sxm"), made at load
    std::vector<std::string> requires_any;  // words one of which must appear ("@nvidia_dc" names a context list)
    std::optional<double> tpp;              // total processing performance
    std::optional<double> tpp_below;        // when only an upper bound is known (RTX 4090D: below 4800)
    std::optional<double> die_area_mm2;     // logic dies on a non-planar process
    std::optional<double> memory_bandwidth_gbs;
    std::optional<bool> datacenter;         // designed or marketed for datacenters
    std::string likely_eccn;                // the catalogue's view when figures are missing ("" = none)
    std::string letter;                     // "H20" / "MI308": the April 2025 'is informed' letters
    std::string family;                     // "blackwell": LIC-BLACKWELL-NOPATH and R28
    bool prc_made = false;
    std::string figures, notes, notes_fr;  // notes_fr: the notes in French ("" = as in English)
    Pedigree pedigree;
};

struct SystemModel {  // DGX H100, HGX B200, GB200 NVL72...
    std::string id, name;
    std::string name_fr;    // the name in French where it has words (empty: as in English)
    std::vector<std::string> aliases;
    std::vector<std::string> alias_keys;
    std::string contains;   // chip id
    double count = 1;
    std::vector<std::pair<std::string, double>> count_if_any;  // "4 gpu" -> 4
    Pedigree pedigree;
};

struct NamedProduct {  // GPU server models without a stated GPU; ordinary products
    std::string id, name;
    std::string name_fr;  // the name in French where it has words (empty: as in English)
    std::vector<std::string> aliases;
    std::vector<std::string> alias_keys;
    std::string likely_eccn, notes, notes_fr;
    Pedigree pedigree;
};

struct Catalogue {
    std::string version, as_of;
    std::vector<Chip> chips;
    std::vector<SystemModel> systems;
    std::vector<NamedProduct> gpu_servers;
    std::vector<NamedProduct> generic;
    std::map<std::string, std::vector<std::string>> contexts;  // "nvidia_dc" -> words
    std::vector<std::string> system_words, count_skip_words, datacenter_words, gpu_words;
    std::vector<std::string> maker_z_bases;                    // "5A992", "4A003", ...

    const Chip* chip(std::string_view id) const;
};

// ECCN 3A090.a/.b thresholds (license-rules.json `eccn_3a090`).
struct Thresholds3A090 {
    double a_tpp = 4800, a_tpp_with_pd = 1600, a_pd = 5.92;
    double b_tpp_low = 2400, b_pd_low = 1.6, b2_tpp = 1600, b2_pd_low = 3.2;
    double non_datacenter_tpp = 4800;
    std::string citation;
    Pedigree pedigree;
};

struct ListAction {
    std::string action;   // "blocked" or "review" for a strong hit
    std::string rule;     // "R22" for the UVL; "R01" otherwise
    std::string name, effect, confidence;
    std::string name_fr, effect_fr;  // the same in French (empty: as in English)
};

struct LicenseRules {
    std::string version, as_of;
    Thresholds3A090 eccn_3a090;
    nlohmann::ordered_json rules;                          // "LIC-3A090-D5" -> {title, citation, sources, confidence, ...}
    std::vector<std::string> military_countries;   // §744.21
    nlohmann::ordered_json catch_all;                      // [{id, words, citation, license_when, ...}]
    std::map<std::string, ListAction> list_actions;
    Pedigree list_pedigree;
    nlohmann::ordered_json ownership;
    nlohmann::ordered_json uae_recipients;                 // uae_approved_recipients (FR 2026-14132)
    nlohmann::ordered_json fallback_at;                    // 3A991.p / 4A994.l below 3A090
    nlohmann::ordered_json notes;                          // N-01, ...
    nlohmann::ordered_json rs_country_chart;               // the RS text cited by the UAE rule

    // The rule's entry; an empty object when unknown.
    const nlohmann::ordered_json& rule(std::string_view id) const;
    // The action for a strong hit on a list code; lists not named ask for review.
    ListAction action_for(std::string_view list) const;
};

struct RedFlagConfig {
    std::string version, as_of;
    nlohmann::ordered_json flags;                          // "R03" -> {title, sources, confidence}
    struct Hub {
        std::string id, why, why_fr;
        std::vector<std::string> countries;
        Pedigree pedigree;
    };
    std::vector<Hub> hubs;
    std::vector<std::string> extra_hubs;           // added by settings.extra_hubs
    std::vector<std::string> concern_countries;    // CN, HK, MO and D:5
    struct Threshold {
        nlohmann::ordered_json value;
        std::string unit;
        Pedigree pedigree;
    };
    std::map<std::string, Threshold> thresholds;
    std::vector<std::string> holistic_flags;
    nlohmann::ordered_json pass_through, small_cloud, malaysia_leg, dormant_years;  // R24, R27, R-MY, R26
    nlohmann::ordered_json free_text;                      // which fields each phrase category reads, and its rule
    std::map<std::string, std::pair<double, double>> price_bands;  // product id -> [low, high] USD
    std::map<std::string, std::vector<std::string>> phone_codes;   // "86" -> ["CN"]
    std::vector<std::string> generic_tlds;
    std::map<std::string, std::string> tld_aliases;                // "uk" -> "GB"

    double number(std::string_view threshold) const;  // 0 when missing (from_documents checks those the checks read)
    std::string text(std::string_view threshold) const;
    // The hub entry holding a country (settings' extra hubs included), or nullptr.
    const Hub* hub(std::string_view cc) const;
};

struct CompiledWords;  // the word lists, compiled for matching (internal)

struct RulesData {
    CountryGroups groups;
    Catalogue catalogue;
    RedFlagConfig flags;
    LicenseRules license;
    nlohmann::ordered_json overlays;                               // list-overlays: names the list files miss (L-01..L-03)
    nlohmann::ordered_json cases;                                  // cases: the enforcement cases as red-flag patterns
    nlohmann::ordered_json documents = nlohmann::ordered_json::object();  // as loaded
    std::shared_ptr<const CompiledWords> words;

    // Reads the documents (keys "country-groups", "products", "red-flags", "license-rules", "list-overlays",
    // "cases", and the phrase lexicons "phrases-<lang>" that red-flags.json `free_text.languages` names).
    // Error("rules_missing") when one is absent and Error("rules_invalid", "<doc>.<field>: ...") when one is
    // malformed (the first problem found). What the checks read while screening is checked here.
    static Result<RulesData> from_documents(const nlohmann::ordered_json& documents);

    // {"country-groups": {"version", "as_of"}, ...}: shown in every report.
    nlohmann::ordered_json versions() const;
    // Whether a party's type as the order gives it ("individual", "personne physique") names a person
    // (red-flags.json person_types).
    bool names_person(std::string_view party_type) const;
};

// An override an order applied to a [L] fact (or any threshold), listed in the report.
struct Override {
    std::string path;           // "settings.products.nvidia-h100-pcie.tpp"
    nlohmann::ordered_json value;
    nlohmann::ordered_json replaced;    // the value it replaced (null if none)
    std::string confidence;     // the replaced fact's confidence mark
};

// Applies `settings` to a copy of the rules:
//   products.<id>.{tpp, die_area_mm2, datacenter, memory_bandwidth_gbs}   a catalogue chip's figures
//   thresholds.<name>                                                   a red-flag threshold
//   extra_hubs: ["PK", ...]                                             more transshipment hubs
//   price_bands.<id>: [low, high]                                       a product's price band
//   affiliates_rule_state: "stayed"|"active"|"unknown"                  the BIS Affiliates Rule after 2026-11-09 [L]
//   affiliates_rule_in_force: true|false                                the same, as "active" or "stayed"
//   uae_approved_recipients.<id>: {valid_until, approved}               the UAE approved-recipient list
// Unknown keys or wrong types give Error("bad_settings", "settings.<path>: ..."); the rules are then half
// changed, so the caller drops its copy.
Result<std::vector<Override>> apply_settings(RulesData& rules, const nlohmann::ordered_json& settings);

// The BIS Affiliates Rule on a date: "stayed" (before it, or while stayed), "active" or "unknown", with whether
// that state is confirmed (the state after 2026-11-09 is not) and the sentence that says so.
struct AffiliatesState {
    std::string state;      // "stayed", "active", "unknown"
    bool confirmed = true;
    std::string note;       // "status after 2026-11-09 unconfirmed [L]" when not confirmed
    bool set_by_order = false;
    nlohmann::ordered_json note_msg;  // the note as a message (message.hpp), for reports in any language
};
AffiliatesState affiliates_rule_state(const RulesData& rules, const std::string& reference_date);

// The date the rules read from a time: "2026-12-07" for "2026-12-07T10:00:00Z", "2026-12" or "2026" (the first
// of the month or year), nullopt when the text is no date (the rules' own reading, rules/words.hpp).
std::optional<std::string> iso_date(std::string_view time);

}  // namespace exportcheck
