// Embargoes, licence requirements for 3A090/4A090 and the letters, and catch-all end uses (brief §2).
#include "evidence.hpp"

#include <exportcheck/checks.hpp>

#include <algorithm>
#include <map>

namespace exportcheck {

using namespace rules_detail;

namespace {

// "Hong Kong (HK), which US rules treat as China".
ojson where_msg(const DestinationCountry& c) {
    return msg("dest.where", {{"country", country(c.code)}, {"as_china", c.code != c.counts_as && c.counts_as == "CN" ? 1 : 0}});
}

struct ItemRef {
    std::size_t index;
    std::string label;
    ojson label_msg;
};

ojson items_json(const std::vector<ItemRef>& refs, const CheckInput& in) {
    ojson a = ojson::array();
    for (const auto& r : refs) {
        const auto& c = in.items[r.index];
        ojson item = {{"item", in.order.items[r.index].path}, {"label", r.label}, {"eccn", c.eccn}};
        if (!c.catalogue_id.empty()) item["catalogue"] = c.catalogue_id;
        if (!c.confidence.empty()) item["confidence"] = c.confidence;
        item["figures_from"] = c.figures_from;
        a.push_back(std::move(item));
    }
    return a;
}

ojson labels(const std::vector<ItemRef>& refs) {
    ojson v = ojson::array();
    for (const auto& r : refs) v.push_back(r.label_msg);
    return v;
}

bool reference_on_or_after(const std::string& reference, const std::string& date) {
    if (reference.empty() || date.empty()) return true;  // no date known: the rule as in force now
    return reference.substr(0, 10) >= date;
}

// The 2026 case-by-case policy (FR 2026-00789) for an item going to CN/MO.
bool h200_case(const ItemClassification& c, const DestinationCountry& d, const CheckInput& in) {
    const auto& r = in.rules.license.rule("LIC-H200-CASE");
    if (c.cls != ItemClass::a || !c.tpp) return false;
    const auto countries = r.value("countries", nlohmann::json::array());
    if (std::find(countries.begin(), countries.end(), d.counts_as) == countries.end()) return false;
    if (!reference_on_or_after(in.reference_date, r.value("effective", ""))) return false;
    if (*c.tpp >= r.value("tpp_below", 0.0)) return false;
    return !c.memory_bandwidth_gbs || *c.memory_bandwidth_gbs < r.value("memory_bandwidth_below_gbs", 0.0);
}

}  // namespace

std::vector<Finding> check_embargo(const CheckInput& in) {
    std::vector<Finding> out;
    std::vector<std::string> seen;
    auto embargo_for = [&](const std::string& cc, const ojson& where) {
        const auto* e = in.rules.groups.embargo(cc);
        if (!e || contains(seen, e->id + cc)) return;
        seen.push_back(e->id + cc);
        Finding f;
        f.kind = "embargo";
        f.rule = e->id;
        f.severity = Severity::blocked;
        f.say("emb.do_not_ship", {{"where", where}, {"citation", e->citation},
                                  {"why", ojson{{"$t", {{"en", e->why}, {"fr", e->why_fr.empty() ? e->why : e->why_fr}}}}}});
        f.evidence = {{"country", cc}, {"where", f.params["where"]}, {"citation", e->citation}, {"sources", e->pedigree.sources},
                      {"confidence", e->pedigree.confidence}};
        out.push_back(std::move(f));
    };
    for (const auto& d : in.destinations.countries)
        embargo_for(d.code, msg("emb.goods_go", {{"country", country(d.code)}, {"roles", comma_list(roles_msg(d.roles))}}));
    for (const auto& cc : in.order.route) embargo_for(cc, msg("emb.route", {{"country", country(cc)}}));
    for (const auto& p : in.order.parties)
        if (p.role == Role::buyer || p.role == Role::payer || p.role == Role::payer_bank || p.role == Role::parent)
            embargo_for(p.address.country, msg("emb.party_in", {{"who", who_msg(p.role, p.name)},
                                                                {"country", country(p.address.country)}}));
    if (!in.order.payment.from_country.empty())
        embargo_for(in.order.payment.from_country, msg("emb.payment_from", {{"country", country(in.order.payment.from_country)}}));
    return out;
}

std::vector<Finding> check_licences(const CheckInput& in) {
    std::vector<Finding> out;
    const auto& L = in.rules.license;
    const auto& nac = L.rule("EXC-NAC");
    const auto& aca = L.rule("EXC-ACA");

    // Items by what they need.
    std::vector<ItemRef> strict, excepted, letter, unsure;
    for (std::size_t i = 0; i < in.items.size(); ++i) {
        const auto& c = in.items[i];
        const ItemRef ref{i, item_label(in.order.items[i], c), item_msg(in.order.items[i], c)};
        if (c.cls == ItemClass::a) strict.push_back(ref);
        else if (c.cls == ItemClass::b || c.cls == ItemClass::consumer_a) excepted.push_back(ref);
        else if (c.cls == ItemClass::letter) letter.push_back(ref);
        else if (c.cls == ItemClass::undetermined || c.cls == ItemClass::unclassified) unsure.push_back(ref);
    }

    for (const auto& d : in.destinations.countries) {
        if (in.rules.groups.embargo(d.code)) continue;  // the embargo finding says it all
        const auto where = where_msg(d);
        if (d.license_set && (!strict.empty() || !excepted.empty())) {
            const auto id = d.d5_or_macau ? "LIC-3A090-D5" : "LIC-3A090-D1D4";
            const auto& rule = L.rule(id);
            for (const auto* group : {&strict, &excepted}) {
                if (group->empty()) continue;
                const bool exception = group == &excepted;
                Finding f;
                f.kind = "license";
                f.rule = id;
                f.severity = Severity::license_required;
                f.say("lic.needs", {{"items", labels(*group)}, {"n", group->size()}, {"where", where}});
                f.evidence = {{"destination", d.code}, {"counts_as", d.counts_as}, {"roles", d.roles}, {"groups", d.groups},
                              {"items", items_json(*group, in)}};
                merge_into(f.evidence, cite(rule));
                std::string policy = rule.value("policy", "");
                if (!exception) {
                    std::vector<ItemRef> cases;
                    for (const auto& r : *group)
                        if (h200_case(in.items[r.index], d, in)) cases.push_back(r);
                    if (!cases.empty()) {
                        const auto& h = L.rule("LIC-H200-CASE");
                        f.then("lic.h200_case", {{"since", date(h.value("effective", ""))},
                                                 {"all", cases.size() == group->size() ? 1 : 0}, {"items", labels(cases)},
                                                 {"country", country_plain(d.counts_as)}});
                        f.evidence["case_by_case"] = {{"rule", "LIC-H200-CASE"}, {"items", items_json(cases, in)},
                                                      {"conditions", h.value("conditions", "")}};
                        merge_into(f.evidence["case_by_case"], cite(h));
                        if (cases.size() == group->size()) policy = "case-by-case (FR 2026-00789) for exports from the US; "
                                                                    "reexports and transfers: presumption of denial";
                    }
                    f.then("lic.no_exceptions");
                } else {
                    const auto& ex = d.d5_or_macau ? nac : aca;
                    if (d.d5_or_macau) f.then("lic.nac", {{"days", nac.value("notice_days", 25)}});
                    else f.then("lic.aca");
                    f.evidence["exception"] = {{"rule", d.d5_or_macau ? "EXC-NAC" : "EXC-ACA"}, {"title", ex.value("title", "")},
                                               {"conditions", ex.value("conditions", "")}};
                    merge_into(f.evidence["exception"], cite(ex));
                }
                if (!policy.empty()) f.evidence["review_policy"] = policy;
                out.push_back(std::move(f));
            }
        }
        if (!letter.empty() && (d.counts_as == "CN" || d.d5_or_macau)) {
            const auto& rule = L.rule("LIC-H20-LETTER");
            Finding f;
            f.kind = "license";
            f.rule = "LIC-H20-LETTER";
            f.severity = Severity::license_required;
            f.say("lic.letter", {{"items", labels(letter)}, {"n", letter.size()}, {"where", where}});
            f.evidence = {{"destination", d.code}, {"counts_as", d.counts_as}, {"items", items_json(letter, in)},
                          {"note", rule.value("note", "")}};
            merge_into(f.evidence, cite(rule));
            out.push_back(std::move(f));
        }
        if (!unsure.empty() && d.license_set) {
            std::vector<ItemRef> relevant;
            for (const auto& r : unsure) relevant.push_back(r);
            Finding f;
            f.kind = "license";
            f.rule = "LIC-UNDETERMINED";
            f.severity = Severity::review;
            f.say("lic.undetermined", {{"items", labels(relevant)}, {"n", relevant.size()}, {"where", where}});
            f.evidence = {{"destination", d.code}, {"counts_as", d.counts_as}, {"items", items_json(relevant, in)}};
            merge_into(f.evidence, cite(L.rule("LIC-3A090-D1D4")));
            out.push_back(std::move(f));
        }
    }

    // The headquarters rule: wherever the goods go.
    for (const auto& h : in.destinations.headquarters) {
        const auto& rule = L.rule("LIC-HQ-D5");
        const auto who = who_msg(h.role, h.name);
        const auto how = msg("hq.how", {{"basis", h.basis == "parent.headquarters_country" ? "parent"
                                                  : h.basis == "parent party" || h.basis == "headquarters_country" ? "hq"
                                                                                                                   : "based"},
                                        {"country", country(h.country)}});
        for (const auto* group : {&strict, &excepted}) {
            if (group->empty()) continue;
            Finding f;
            f.kind = "license";
            f.rule = "LIC-HQ-D5";
            f.severity = Severity::license_required;
            f.say("lic.hq", {{"who", who}, {"how", how}, {"items", labels(*group)}});
            if (group == &excepted) f.then("lic.hq_nac");
            f.evidence = {{"party", h.party}, {"role", h.role}, {"name", h.name}, {"headquarters", h.country},
                          {"basis", h.basis}, {"items", items_json(*group, in)}, {"red_flag", "R11"},
                          {"review_policy", rule.value("policy", "")}};
            merge_into(f.evidence, cite(rule));
            out.push_back(std::move(f));
        }
        if (!unsure.empty() && strict.empty() && excepted.empty()) {
            Finding f;
            f.kind = "license";
            f.rule = "LIC-UNDETERMINED";
            f.severity = Severity::review;
            f.say("lic.hq_undetermined", {{"who", who}, {"how", how}, {"items", labels(unsure)}, {"n", unsure.size()}});
            f.evidence = {{"party", h.party}, {"headquarters", h.country}, {"items", items_json(unsure, in)}};
            merge_into(f.evidence, cite(rule));
            out.push_back(std::move(f));
        }
    }
    return out;
}

std::vector<Finding> check_catch_all(const CheckInput& in) {
    std::vector<Finding> out;
    const auto& cw = *in.rules.words;
    // What the order says about its use: the end-use statement, and the business of who receives the goods.
    std::string text = in.order.end_use;
    for (const auto& p : in.order.parties)
        if (p.role == Role::end_user || p.role == Role::ultimate_consignee)
            text += " . " + p.business;
    const auto folded = fold(text);
    const bool licence_dest = std::any_of(in.destinations.countries.begin(), in.destinations.countries.end(),
                                          [](const DestinationCountry& c) { return c.license_set; }) ||
                              !in.destinations.headquarters.empty();
    const bool military_dest = std::any_of(in.destinations.countries.begin(), in.destinations.countries.end(), [&](const DestinationCountry& c) {
        return contains(in.rules.license.military_countries, c.counts_as) || contains(in.rules.license.military_countries, c.code);
    });
    for (const auto& ca : in.rules.license.catch_all) {
        const auto words_key = ca.value("words", "");
        const auto it = cw.catch_all.find(words_key);
        if (it == cw.catch_all.end()) continue;
        const auto found = it->second.find_all(folded);
        if (found.empty()) continue;
        const auto when = ca.value("license_when", "always");
        const bool licence = when == "always" || (when == "destination_in_license_set_or_hq" && licence_dest) ||
                             (when == "destination_in_military_countries" && military_dest);
        const auto otherwise = ca.value("otherwise", "review");
        Finding f;
        f.kind = "license";
        f.rule = "R21";
        f.severity = licence ? Severity::license_required
                   : otherwise == "info" ? Severity::info
                   : otherwise == "license_required" ? Severity::license_required
                   : Severity::review;
        ojson quoted = ojson::array();
        for (const auto& w : found) quoted.push_back(quote(w));
        f.say(licence ? "catch_all.licence" : f.severity == Severity::info ? "catch_all.info" : "catch_all.review",
              {{"words", comma_list(quoted)}, {"what", data_text(ca, "plain")}, {"citation", ca.value("citation", "")}});
        f.evidence = {{"catch_all", ca.value("id", "")}, {"words_found", found}, {"end_use", in.order.end_use}};
        merge_into(f.evidence, cite(ca));
        out.push_back(std::move(f));
    }
    // R16: a cloud / IaaS buyer serving D:5-headquartered AI customers.
    if (const auto iaas = cw.iaas.find(folded)) {
        if (const auto d5 = cw.d5_mentions.find(folded)) {
            const bool strict = std::any_of(in.items.begin(), in.items.end(), [](const ItemClassification& c) {
                return c.cls == ItemClass::a || c.cls == ItemClass::consumer_a;
            });
            const bool advanced = std::any_of(in.items.begin(), in.items.end(), [](const ItemClassification& c) { return c.advanced(); });
            if (advanced) {
                Finding f;
                f.kind = "license";
                f.rule = "R16";
                f.severity = strict ? Severity::license_required : Severity::review;
                f.say("lic.iaas", {{"iaas", quote(*iaas)}, {"d5", quote(*d5)}});
                f.evidence = {{"words_found", {*iaas, *d5}}, {"end_use", in.order.end_use},
                              {"citation", "BIS policy statement of 2025-05-13 (IaaS for D:5/Macau-headquartered parties)"}};
                const auto fc = flag_cite(in.rules, "R16");
                for (auto it = fc.begin(); it != fc.end(); ++it)
                    if (it.key() != "flag") f.evidence[it.key()] = it.value();
                out.push_back(std::move(f));
            }
        }
    }
    return out;
}

}  // namespace exportcheck
