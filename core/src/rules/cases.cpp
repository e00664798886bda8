// K-01..K-03 and the brief's cases: when an order shows enough of a known case's red flags, the findings of
// those rules name the case (cases.json), so a person sees which scheme the order resembles.
#include "evidence.hpp"

#include <exportcheck/checks.hpp>

#include <algorithm>

#include <set>

namespace exportcheck {

using namespace rules_detail;

void name_cases(const CheckInput& in, std::vector<Finding>& findings) {
    std::set<std::string> fired;
    for (const auto& f : findings)
        if (f.severity >= Severity::review) fired.insert(f.rule);
    const auto default_min = in.rules.cases.value("min_flags", 3);
    for (const auto& k : in.rules.cases["cases"]) {
        const auto flags = k.value("flags", std::vector<std::string>{});
        const auto signature = k.value("signature", std::vector<std::string>{});
        std::vector<std::string> shared;
        for (const auto& r : flags)
            if (fired.count(r)) shared.push_back(r);
        const bool sig = signature.empty() || std::any_of(signature.begin(), signature.end(), [&](const std::string& r) { return fired.count(r) > 0; });
        if (!sig || static_cast<int>(shared.size()) < k.value("min_flags", default_min)) continue;
        const ojson named = {{"id", k.value("id", "")}, {"name", k.value("name", "")}, {"status", data_text(k, "status")},
                             {"flags_shared", shared}, {"sources", k.value("sources", nlohmann::ordered_json::array())},
                             {"confidence", k.value("confidence", "")}};
        for (auto& f : findings) {
            if (f.severity < Severity::review || !contains(shared, f.rule)) continue;
            if (!f.evidence.contains("cases")) {
                f.evidence["cases"] = ojson::array();
                f.then("case.known", {{"name", data_text(k, "name")}});
            }
            f.evidence["cases"].push_back(named);
        }
    }
}

}  // namespace exportcheck
