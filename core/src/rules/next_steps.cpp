// What is left to do once an order is screened, in words a reseller acts on: keep the record until a date,
// why no licence is needed, and whether a NAC/ACA notification applies to a consumer 3A090 card.
#include "evidence.hpp"

#include <exportcheck/concat.hpp>
#include <exportcheck/checks.hpp>

#include <algorithm>

namespace exportcheck {

using namespace rules_detail;

namespace {

// "2026-12-07" + 10 years -> "2036-12-07" (29 February becomes 28 February).
std::string add_years(const std::string& iso, int years) {
    if (iso.size() < 10) return "";
    const int y = std::atoi(iso.substr(0, 4).c_str()) + years;
    std::string md = iso.substr(4, 6);
    if (md == "-02-29") md = "-02-28";
    const auto year = std::to_string(y);
    return std::string(year.size() < 4 ? 4 - year.size() : 0, '0') + year + md;
}

ojson step(std::string_view id, ojson params) {
    return ojson{{"message_id", id}, {"params", std::move(params)}};
}

}  // namespace

ojson next_steps(const CheckInput& in, const std::vector<Finding>& findings, Decision decision) {
    ojson steps = ojson::array();
    // EAR Part 762: 5 years; OFAC (31 CFR 501.601): 10 years. Both count from the screening at the latest.
    if (const auto until = add_years(in.reference_date, 10); !until.empty())
        steps.push_back(step("next.keep", {{"until", date(until)}}));
    const bool licence = std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
        return f.severity == Severity::license_required || f.severity == Severity::blocked;
    });
    if (licence || decision == Decision::blocked || decision == Decision::license_required) return steps;
    ojson countries = ojson::array();
    bool licence_set = false;
    for (const auto& d : in.destinations.countries) {
        countries.push_back(country(d.code));
        licence_set = licence_set || d.license_set;
    }
    ojson controlled = ojson::array(), consumer = ojson::array();
    for (std::size_t i = 0; i < in.items.size(); ++i) {
        const auto& c = in.items[i];
        if (c.cls == ItemClass::a || c.cls == ItemClass::b || c.cls == ItemClass::consumer_a)
            controlled.push_back(item_msg(in.order.items[i], c));
        if (c.cls == ItemClass::consumer_a) consumer.push_back(item_msg(in.order.items[i], c));
    }
    const bool unsure = std::any_of(in.items.begin(), in.items.end(), [](const ItemClassification& c) {
        return c.cls == ItemClass::undetermined || c.cls == ItemClass::unclassified;
    });
    if (unsure || countries.empty()) return steps;
    if (controlled.empty())
        steps.push_back(step("next.no_licence_items", {{"countries", countries}}));
    else if (!licence_set && in.destinations.headquarters.empty())
        steps.push_back(step("next.no_licence_destination", {{"items", controlled}, {"n", controlled.size()},
                                                             {"countries", countries}, {"nc", countries.size()}}));
    if (!consumer.empty() && !licence_set)
        steps.push_back(step("next.no_notification", {{"items", consumer}, {"n", consumer.size()}, {"countries", countries}}));
    return steps;
}

}  // namespace exportcheck
