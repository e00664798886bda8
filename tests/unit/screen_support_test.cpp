// Shared by the screening tests: the rules documents of data/rules, and a bundle of the real list entries
// the default bundle is built from (data/: CSL, OFAC SDN and non-SDN, DPL, the 2026 eCFR Entity List and
// MEU List), loaded once per test run. Declared in screen_support.hpp.
#include "screen_support.hpp"
#include "test_support.hpp"

#include <exportcheck/bundle.hpp>
#include <exportcheck/checks.hpp>
#include <exportcheck/lists.hpp>
#include <exportcheck/screen.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <set>

namespace exportcheck::test {

std::string project_data(const std::string& name) { return read_file(std::string(EXPORTCHECK_PROJECT_DATA) + "/" + name); }

nlohmann::ordered_json rules_documents() {
    nlohmann::ordered_json docs = nlohmann::ordered_json::object();
    for (const char* name : {"country-groups", "products", "red-flags", "license-rules", "list-overlays", "cases",
                             "phrases-en", "phrases-fr", "phrases-de", "phrases-es", "phrases-zh"})
        docs[name] = nlohmann::ordered_json::parse(project_data(std::string("rules/") + name + ".json"));
    return docs;
}

const RulesData& rules() {
    static const RulesData r = RulesData::from_documents(rules_documents()).value();
    return r;
}

// The default bundle's sources, combined the way `bundle build` does: the OFAC files supersede the CSL's
// SDN and non-SDN rows, dpl.txt its DPL rows, the 2026 eCFR Entity List and MEU List its EL and MEU rows.
const Bundle& real_bundle() {
    static const std::unique_ptr<Bundle> bundle = [] {
        auto b = std::make_unique<Bundle>();
        const std::set<std::string> superseded = {"SDN", "SSI", "PLC", "CMIC", "CAP", "MBS", "DPL"};
        std::vector<Entry> csl_el;
        for (auto& e : parse_csl_csv(project_data("csl/consolidated.csv"))) {
            if (superseded.count(e.list)) continue;
            if (e.list == "EL" || e.list == "MEU") csl_el.push_back(std::move(e));
            else b->entries.push_back(std::move(e));
        }
        const auto sdn_dir = std::string("ofac/sdn_2023-12-29/");
        const auto sdn = project_data(sdn_dir + "sdn.csv"), add = project_data(sdn_dir + "add.csv"),
                   alt = project_data(sdn_dir + "alt.csv"), com = project_data(sdn_dir + "sdn_comments.csv");
        for (auto& e : parse_ofac_csv({sdn, add, alt, com}, "ofac_sdn")) b->entries.push_back(std::move(e));
        const auto cons_dir = std::string("ofac/nonsdn_cons_2025-12/");
        const auto cp = project_data(cons_dir + "cons_prim.csv"), ca = project_data(cons_dir + "cons_add.csv"),
                   cl = project_data(cons_dir + "cons_alt.csv"), cc = project_data(cons_dir + "cons_comments.csv");
        OfacFiles cons{cp, ca, cl, cc, "cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"};
        for (auto& e : parse_ofac_csv(cons, "ofac_cons")) b->entries.push_back(std::move(e));
        for (auto& e : parse_dpl_txt(project_data("dpl/dpl.txt"))) b->entries.push_back(std::move(e));
        std::vector<Entry> ecfr;
        for (const char* f : {"bis/ecfr_2026-07-09/entity_list.jsonl", "bis/ecfr_2026-07-09/meu.jsonl"})
            for (auto& e : parse_import_list(project_data(f), f).value()) ecfr.push_back(std::move(e));
        auto leftover = merge_into_newer(ecfr, std::move(csl_el));
        for (auto& e : ecfr) b->entries.push_back(std::move(e));
        for (auto& e : leftover) b->entries.push_back(std::move(e));
        b->meta.id = "test-real-lists";
        b->meta.built_at = "2026-07-09T00:00:00Z";
        b->meta.rules = rules_documents();
        b->sha256 = "0000000000000000000000000000000000000000000000000000000000000000";
        return b;
    }();
    return *bundle;
}

const Screener& real_screener() {
    static const std::unique_ptr<Screener> screener = std::make_unique<Screener>(Screener::load(real_bundle()).value());
    return *screener;
}

// A bundle of a few hand-made entries, for tests of one mechanism.
std::unique_ptr<Bundle> small_bundle(std::vector<Entry> entries) {
    auto b = std::make_unique<Bundle>();
    b->entries = std::move(entries);
    b->meta.id = "test-small";
    b->meta.built_at = "2026-07-09T00:00:00Z";
    b->meta.rules = rules_documents();
    b->sha256 = "1111111111111111111111111111111111111111111111111111111111111111";
    return b;
}

nlohmann::ordered_json fixture_order(const std::string& name) { return nlohmann::ordered_json::parse(fixture("orders/" + name)); }

// The order-level checks without party screening: classification, destinations, embargo, licences,
// catch-alls, red flags, data quality and the holistic rule, dated `reference_date`.
std::vector<Finding> check_order(const std::string& order_json, const std::string& reference_date) {
    RulesData rules = test::rules();
    const auto order = order_from_json(nlohmann::ordered_json::parse(order_json)).value();
    apply_settings(rules, order.settings).value();
    std::vector<ItemClassification> items;
    for (const auto& item : order.items) items.push_back(classify_item(item, rules));
    const auto destinations = destinations_of(order, rules);
    const CheckInput in{order, rules, items, destinations, reference_date, alike_payer_names(order)};
    std::vector<Finding> out;
    for (auto* check : {check_list_overlays, check_embargo, check_licences, check_catch_all, check_red_flags, check_data_quality})
        for (auto& f : check(in)) out.push_back(std::move(f));
    for (auto& f : check_holistic(in, out)) out.push_back(std::move(f));
    name_cases(in, out);
    return out;
}

// The finding with this rule (and at least this severity), or nullptr.
const Finding* find_rule(const std::vector<Finding>& findings, const std::string& rule, Severity at_least) {
    for (const auto& f : findings)
        if (f.rule == rule && f.severity >= at_least) return &f;
    return nullptr;
}

}  // namespace exportcheck::test

TEST_CASE("screen support: the real lists load with every list the default bundle has") {
    const auto& b = exportcheck::test::real_bundle();
    std::set<std::string> lists;
    for (const auto& e : b.entries) lists.insert(e.list);
    for (const char* l : {"EL", "SDN", "DPL", "UVL", "MEU", "SSI", "CMIC"}) CHECK_MESSAGE(lists.count(l), l);
    CHECK(b.entries.size() > 15000);
}
