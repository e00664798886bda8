// Ownership (R17) beyond one owner at a time: the BIS Affiliates Rule's state on a date, and owners whose
// shares add up. Screen matches the owner names against the lists; the rules here judge what the hits mean.
#include "evidence.hpp"

#include <exportcheck/concat.hpp>
#include <exportcheck/checks.hpp>

#include <algorithm>

#include <map>

namespace exportcheck {

using namespace rules_detail;

AffiliatesState affiliates_rule_state(const RulesData& rules, const std::string& reference_date) {
    const auto& a = rules.license.ownership.value("affiliates_rule", nlohmann::ordered_json::object());
    const auto ref = reference_date.substr(0, std::min<std::size_t>(10, reference_date.size()));
    const auto until = a.value("suspended_until", "");
    AffiliatesState s;
    s.set_by_order = a.value("set_by_order", false);
    if (!s.set_by_order && !ref.empty()) {
        if (ref < a.value("effective", "")) return {"stayed", true, "not yet in force", false, msg("aff.not_yet")};
        if (ref >= a.value("suspended_from", "9999") && ref <= a.value("suspended_until", "0000"))
            return {"stayed", true, concat("stayed until ", until, " (", a.value("suspension", ""), ")"), false,
                    msg("aff.stayed_until", {{"until", date(until)}, {"suspension", a.value("suspension", "")}})};
    }
    s.state = a.value("state", "unknown");
    s.confirmed = false;
    s.note = s.set_by_order ? concat("set by the order's settings; ", a.value("unconfirmed", ""), " [L]")
                            : concat(a.value("unconfirmed", ""), " [L]");
    s.note_msg = msg("aff.unconfirmed", {{"after", date(until)}, {"by_order", s.set_by_order ? "yes" : "no"}});
    return s;
}

std::vector<Finding> check_ownership(const CheckInput& in, const std::vector<Finding>& party_findings) {
    const auto& own = in.rules.license.ownership;
    const double control = own.value("control_percent", 50.0);
    const auto ofac = own.value("ofac_lists", nlohmann::ordered_json::array());
    const auto bis = own.value("bis_lists", nlohmann::ordered_json::array());
    auto listed_in = [](const nlohmann::ordered_json& lists, const std::string& l) { return std::find(lists.begin(), lists.end(), l) != lists.end(); };
    struct Sum {
        double ofac = 0, bis = 0, any = 0;
        std::map<std::string, double> owners;  // owner name -> percent, each counted once
        ojson hits = ojson::array();
    };
    std::map<std::string, Sum> by_party;
    for (const auto& f : party_findings) {
        const auto& e = f.evidence;
        if (f.rule != "R17" || e.value("relation", "") != "owner" || !e.contains("percent") || e.value("strength", "") != "strong" ||
            f.severity == Severity::info || f.severity == Severity::cleared)
            continue;
        auto& s = by_party[e.value("party", "")];
        const auto name = e.value("name", "");
        if (s.owners.count(name)) continue;
        const double pct = e["percent"].get<double>();
        s.owners[name] = pct;
        const auto list = e.value("list", "");
        if (listed_in(ofac, list)) s.ofac += pct;
        if (listed_in(bis, list)) s.bis += pct;
        s.any += pct;
        s.hits.push_back({{"owner", name}, {"percent", json_number(pct)}, {"list", list}, {"listed_name", e.value("listed_name", "")}});
    }
    std::vector<Finding> out;
    const auto state = affiliates_rule_state(in.rules, in.reference_date);
    for (const auto& [path, s] : by_party) {
        if (s.owners.size() < 2 || s.any < control) continue;
        if (std::any_of(s.owners.begin(), s.owners.end(), [&](const auto& o) { return o.second >= control; })) continue;
        const Party* party = nullptr;
        for (const auto& p : in.order.parties)
            if (p.path == path) party = &p;
        const bool us = party && party->address.country == "US" && own.value("affiliates_rule", nlohmann::ordered_json::object()).value("us_subsidiaries_excluded", false);
        Finding f;
        f.kind = "party_match";
        f.rule = "R17";
        const auto who = party ? who_msg(party->role, party->name) : ojson(path);
        if (s.ofac >= control) {
            f.severity = Severity::blocked;
            f.say("owner.sum_ofac", {{"pct", json_number(s.ofac)}, {"who", who}});
        } else if (s.bis >= control && state.state == "active" && !us) {
            f.severity = Severity::blocked;
            f.say("owner.sum_affiliates", {{"pct", json_number(s.bis)}, {"who", who}, {"note", state.note_msg}});
        } else {
            f.severity = Severity::review;
            f.say("owner.sum_review", {{"pct", json_number(s.any)}, {"who", who}, {"us", us ? "yes" : "no"},
                                       {"state", state.state}, {"note", state.note_msg}});
        }
        f.evidence = {{"party", path}, {"aggregate_percent", json_number(s.any)}, {"owners", s.hits},
                      {"affiliates_rule_state", state.state}, {"affiliates_rule_confirmed", state.confirmed},
                      {"citation", data_text(own, "citation")}, {"sources", own.value("sources", nlohmann::ordered_json::array())},
                      {"confidence", own.value("confidence", "")}};
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace exportcheck
