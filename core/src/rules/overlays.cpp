// L-01..L-03: names the list files miss, from list-overlays.json. A party's (or its parent's, or owner's) name
// is folded, a trailing legal form dropped, and compared whole: "Z.AI Co., Ltd." is the listed Zhipu.
#include "evidence.hpp"

#include <exportcheck/concat.hpp>
#include <exportcheck/checks.hpp>

#include <algorithm>

namespace exportcheck {

using namespace rules_detail;

namespace {

std::string bare_name(const std::string& name, const CompiledWords& w) {
    auto f = fold(name).text;
    for (const auto& form : w.overlay_legal_forms) {
        if (f.size() > form.size() + 1 && f.ends_with(form) && (f[f.size() - form.size() - 1] == ' ' || static_cast<unsigned char>(form[0]) >= 0x80)) {
            f.resize(f.size() - form.size());
            while (!f.empty() && f.back() == ' ') f.pop_back();
            break;
        }
    }
    return f;
}

}  // namespace

std::vector<Finding> check_list_overlays(const CheckInput& in) {
    std::vector<Finding> out;
    const auto& w = *in.rules.words;
    const auto& entries = in.rules.overlays["entries"];
    const auto state = affiliates_rule_state(in.rules, in.reference_date);
    auto check = [&](const Party& p, const std::string& name, const std::string& relation, const std::string& path) {
        if (name.empty()) return;
        auto it = w.overlay_names.find(fold(name).text);
        if (it == w.overlay_names.end()) it = w.overlay_names.find(bare_name(name, w));
        if (it == w.overlay_names.end()) return;
        const auto& e = entries[it->second];
        const bool affiliate = e.value("relation", "") == "suspected_affiliate" || !relation.empty();
        const auto who = relation.empty()
            ? who_msg(p.role, name)
            : msg("who.related", {{"relation", relation}, {"name", shorten(name)}, {"of", who_msg(p.role, p.name)}});
        Finding f;
        f.kind = "party_match";
        f.rule = affiliate ? "R17" : "R01";
        const auto listed = quote(e.value("listed_name", ""));
        const ojson base = {{"who", who}, {"listed", listed}, {"list", data_text(e, "list_name")}};
        auto with = [&](ojson extra) {
            ojson o = base;
            for (auto x = extra.begin(); x != extra.end(); ++x) o[x.key()] = x.value();
            return o;
        };
        if (!affiliate) {
            f.severity = Severity::blocked;
            f.say("overlay.renamed", with({{"notice", e.value("fr_notice", "")}, {"requirement", data_text(e, "license_requirement")},
                                           {"policy", data_text(e, "license_policy")}}));
        } else if (state.state == "active") {
            f.severity = Severity::blocked;
            f.say("overlay.affiliate_block", with({{"note", state.note_msg}}));
        } else {
            f.severity = Severity::review;
            f.say("overlay.affiliate_review", with({{"state", state.state}, {"note", state.note_msg}}));
        }
        f.evidence = {{"party", path}, {"role", role_msg(p.role)}, {"name", name}, {"overlay", e.value("id", "")},
                      {"list", e.value("list", "")}, {"list_name", data_text(e, "list_name")},
                      {"listed_name", e.value("listed_name", "")}, {"relation", e.value("relation", "")},
                      {"why", data_text(e, "why")}, {"license_requirement", data_text(e, "license_requirement")},
                      {"license_policy", data_text(e, "license_policy")},
                      {"citation", e.contains("fr_notice") ? ojson(e["fr_notice"]) : msg("cite.overlay", {{"id", e.value("id", "")}})},
                      {"sources", e.value("sources", nlohmann::ordered_json::array())}, {"confidence", e.value("confidence", "")},
                      {"affiliates_rule_state", state.state}};
        out.push_back(std::move(f));
    };
    for (const auto& p : in.order.parties) {
        check(p, p.name, p.role == Role::parent ? "parent" : p.role == Role::owner ? "owner" : "", p.path);
        check(p, p.parent_name, "parent", p.path + ".parent");
        for (std::size_t i = 0; i < p.ownership.size(); ++i)
            check(p, p.ownership[i].name, "owner", concat(p.path, ".ownership[", i, "]"));
    }
    return out;
}

}  // namespace exportcheck
