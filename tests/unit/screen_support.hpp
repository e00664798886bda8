// The screening tests' shared set-up, defined in screen_support_test.cpp: the rules documents of
// data/rules, a bundle of the real list entries of data/, and helpers over orders and findings.
#pragma once

#include <exportcheck/bundle.hpp>
#include <exportcheck/checks.hpp>
#include <exportcheck/screen.hpp>

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace exportcheck::test {

nlohmann::ordered_json rules_documents();
const RulesData& rules();  // rules_documents() read once
const Bundle& real_bundle();
const Screener& real_screener();
std::unique_ptr<Bundle> small_bundle(std::vector<Entry> entries);  // a few hand-made entries
nlohmann::ordered_json fixture_order(const std::string& name);            // tests/fixtures/orders/NAME
// The order-level checks without party screening, dated `reference_date`.
std::vector<Finding> check_order(const std::string& order_json, const std::string& reference_date);
// The finding with this rule (and at least this severity), or nullptr.
const Finding* find_rule(const std::vector<Finding>& findings, const std::string& rule, Severity at_least);

}  // namespace exportcheck::test
