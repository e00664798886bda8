// Embargoes, licence requirements for 3A090/4A090 and the letters, and catch-all end uses (brief §2).
#include "evidence.hpp"

#include <exportcheck/checks.hpp>

#include <algorithm>
#include <map>

namespace exportcheck {

using namespace rules_detail;

namespace {

const char* china_note(const DestinationCountry& c) {
    return c.code != c.counts_as && c.counts_as == "CN" ? ", which US rules treat as China" : "";
}

std::string is_are(std::size_t n) { return n == 1 ? "is" : "are"; }

struct ItemRef {
    std::size_t index;
    std::string label;
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

std::string labels(const std::vector<ItemRef>& refs) {
    std::vector<std::string> v;
    for (const auto& r : refs) v.push_back(r.label);
    return join(v);
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
    auto embargo_for = [&](const std::string& cc, const std::string& where) {
        const auto* e = in.rules.groups.embargo(cc);
        if (!e || contains(seen, e->id + cc)) return;
        seen.push_back(e->id + cc);
        Finding f;
        f.kind = "embargo";
        f.rule = e->id;
        f.severity = Severity::blocked;
        f.message = fmt::format("Do not ship: {}, which is under US sanctions ({}): {}.", where, e->citation, e->why);
        f.evidence = {{"country", cc}, {"where", where}, {"citation", e->citation}, {"sources", e->pedigree.sources},
                      {"confidence", e->pedigree.confidence}};
        out.push_back(std::move(f));
    };
    for (const auto& d : in.destinations.countries)
        embargo_for(d.code, fmt::format("the goods go to {} ({})", country_label(d.code), join(d.roles, ", ")));
    for (const auto& cc : in.order.route) embargo_for(cc, fmt::format("the route passes through {}", country_label(cc)));
    for (const auto& p : in.order.parties)
        if (p.role == Role::buyer || p.role == Role::payer || p.role == Role::payer_bank || p.role == Role::parent)
            embargo_for(p.address.country, fmt::format("the {} \"{}\" is in {}", role_label(p.role), shorten(p.name),
                                                       country_label(p.address.country)));
    if (!in.order.payment.from_country.empty())
        embargo_for(in.order.payment.from_country,
                    fmt::format("the payment comes from {}", country_label(in.order.payment.from_country)));
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
        const ItemRef ref{i, item_label(in.order.items[i], c)};
        if (c.cls == ItemClass::a) strict.push_back(ref);
        else if (c.cls == ItemClass::b || c.cls == ItemClass::consumer_a) excepted.push_back(ref);
        else if (c.cls == ItemClass::letter) letter.push_back(ref);
        else if (c.cls == ItemClass::undetermined || c.cls == ItemClass::unclassified) unsure.push_back(ref);
    }

    for (const auto& d : in.destinations.countries) {
        if (in.rules.groups.embargo(d.code)) continue;  // the embargo finding says it all
        const auto where = fmt::format("{}{}", country_label(d.code), china_note(d));
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
                f.message = fmt::format("This order needs a US export licence: {} {} going to {}.", labels(*group),
                                        is_are(group->size()), where);
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
                        f.message += fmt::format(" Since {}, applications for exports of {} from the US to end users in "
                                                 "{} are reviewed case by case (FR 2026-00789), but a licence is still "
                                                 "required.", h.value("effective", ""),
                                                 cases.size() == group->size() ? std::string("these chips") : labels(cases),
                                                 country_name(d.counts_as));
                        f.evidence["case_by_case"] = {{"rule", "LIC-H200-CASE"}, {"items", items_json(cases, in)},
                                                      {"conditions", h.value("conditions", "")}};
                        merge_into(f.evidence["case_by_case"], cite(h));
                        if (cases.size() == group->size()) policy = "case-by-case (FR 2026-00789) for exports from the US; "
                                                                    "reexports and transfers: presumption of denial";
                    }
                    f.message += " Licence exceptions NAC and ACA are not available for datacenter 3A090.a items.";
                } else {
                    const auto& ex = d.d5_or_macau ? nac : aca;
                    f.message += d.d5_or_macau
                        ? fmt::format(" License Exception NAC may be used instead of a licence: notify BIS at least {} "
                                      "days ahead (SNAP-R), at most 6 items, one consignee and one end user, no distributor.",
                                      nac.value("notice_days", 25))
                        : " License Exception ACA may be used instead of a licence (no notification).";
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
            f.message = fmt::format("This order needs a US export licence: {} {} outside ECCN 3A090 but, since April 2025, "
                                    "licence-required to China (including Hong Kong and Macau) and Country Group D:5, and {} "
                                    "going to {}.", labels(letter), is_are(letter.size()), is_are(letter.size()), where);
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
            f.message = fmt::format("Check before shipping: {} could not be classified and {} going to {}, where 3A090/4A090 "
                                    "items need a licence. Give the model, the maker's ECCN or the chip's TPP and die area.",
                                    labels(relevant), is_are(relevant.size()), where);
            f.evidence = {{"destination", d.code}, {"counts_as", d.counts_as}, {"items", items_json(relevant, in)}};
            merge_into(f.evidence, cite(L.rule("LIC-3A090-D1D4")));
            out.push_back(std::move(f));
        }
    }

    // The headquarters rule: wherever the goods go.
    for (const auto& h : in.destinations.headquarters) {
        const auto& rule = L.rule("LIC-HQ-D5");
        const auto who = fmt::format("the {} \"{}\"", role_label(h.role), shorten(h.name));
        const auto how = h.basis == "parent.headquarters_country" ? fmt::format("has its ultimate parent headquartered in {}", country_label(h.country))
                       : h.basis == "parent party"                  ? fmt::format("is headquartered in {}", country_label(h.country))
                       : h.basis == "headquarters_country"          ? fmt::format("is headquartered in {}", country_label(h.country))
                                                                    : fmt::format("is based in {} (no other headquarters given)", country_label(h.country));
        for (const auto* group : {&strict, &excepted}) {
            if (group->empty()) continue;
            Finding f;
            f.kind = "license";
            f.rule = "LIC-HQ-D5";
            f.severity = Severity::license_required;
            f.message = fmt::format("This order needs a US export licence wherever the goods go: {} {}, and US rules require a "
                                    "licence for {} for parties headquartered in Country Group D:5 or Macau.",
                                    who, how, labels(*group));
            if (group == &excepted)
                f.message += " License Exception NAC may be used instead (notify BIS at least 25 days ahead).";
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
            f.message = fmt::format("Check before shipping: {} {}, and {} could not be classified; a 3A090/4A090 item would "
                                    "need a licence for such a party.", who, how, labels(unsure));
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
        std::vector<std::string> quoted;
        for (const auto& w : found) quoted.push_back(quote(w));
        f.message = licence
            ? fmt::format("This order needs a US export licence whatever the items are: the stated use ({}) points to {} "
                          "({}).", join(quoted, ", "), ca.value("plain", ""), ca.value("citation", ""))
            : f.severity == Severity::info
            ? fmt::format("The stated use ({}) points to {}; {} requires a licence only for destinations in the licence set "
                          "or parties headquartered in D:5 or Macau, which this order does not have.",
                          join(quoted, ", "), ca.value("plain", ""), ca.value("citation", ""))
            : fmt::format("Check the end use before shipping: the stated use ({}) points to {}; {} does not require a licence "
                          "for these destinations by itself, but the use must be understood.",
                          join(quoted, ", "), ca.value("plain", ""), ca.value("citation", ""));
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
                f.message = fmt::format("The stated use ({} for {}) suggests compute rented to customers headquartered in "
                                        "China or Country Group D:5: BIS guidance of May 2025 requires a licence for 3A090.a "
                                        "items serving such parties, including through cloud access.", quote(*iaas), quote(*d5));
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
