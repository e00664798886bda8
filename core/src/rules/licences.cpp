// Embargoes, licence requirements for 3A090/4A090 and the letters, and catch-all end uses (brief §2).
#include "evidence.hpp"
#include "free_text.hpp"

#include <exportcheck/checks.hpp>

#include <algorithm>
#include <map>
#include <optional>

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
        ojson item = {{"item", in.order.items[r.index].path}, {"label", r.label_msg}, {"eccn", c.eccn}};
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
    const auto countries = r.value("countries", nlohmann::ordered_json::array());
    if (std::find(countries.begin(), countries.end(), d.counts_as) == countries.end()) return false;
    if (!reference_on_or_after(in.reference_date, r.value("effective", ""))) return false;
    if (*c.tpp >= r.value("tpp_below", 0.0)) return false;
    return !c.memory_bandwidth_gbs || *c.memory_bandwidth_gbs < r.value("memory_bandwidth_below_gbs", 0.0);
}


// The reason notes a licence finding carries: N-01 (the May 31, 2026 guidance) on every 3A090 finding.
void add_notes(ojson& evidence, const CheckInput& in) {
    const auto& n01 = in.rules.license.notes.value("N-01", nlohmann::ordered_json::object());
    if (n01.contains("text")) evidence["notes"] = {{{"id", "N-01"}, {"text", data_text(n01, "text")}, {"citation", data_text(n01, "citation")},
                                                    {"confidence", n01.value("confidence", "")}}};
}

// A 3A090/4A090 licence finding under one rule: its policy and one sentence.
Finding licence_finding(const CheckInput& in, const DestinationCountry& d, const std::string& id,
                        const std::vector<ItemRef>& group, const ojson& where, bool exception) {
    const auto& L = in.rules.license;
    const auto& rule = L.rule(id);
    Finding f;
    f.kind = "license";
    f.rule = id;
    f.severity = Severity::license_required;
    f.evidence = {{"destination", d.code}, {"counts_as", d.counts_as}, {"roles", d.roles}, {"groups", d.groups},
                  {"items", items_json(group, in)}};
    merge_into(f.evidence, cite(rule));
    f.evidence["review_policy"] = data_text(rule, "policy");
    const ojson p = {{"items", labels(group)}, {"n", group.size()}, {"where", where}};
    if (id == "LIC-H200-CASE") {
        auto with_date = p;
        with_date["since"] = date(rule.value("effective", ""));
        f.say("lic.h200", std::move(with_date));
        f.evidence["note"] = data_text(rule, "note");
        f.evidence["conditions"] = data_text(rule, "conditions");
        f.evidence["revenue_share"] = {{"id", "N-02"}, {"text", data_text(rule, "revenue_share_note")},
                                       {"sources", rule.value("revenue_share_sources", nlohmann::ordered_json::array())}};
    } else if (!exception) {
        f.say("lic.needs", p);
        f.then("lic.no_exceptions");
    } else {
        const auto& ex = L.rule(d.d5_or_macau ? "EXC-NAC" : "EXC-ACA");
        f.say("lic.needs", p);
        if (d.d5_or_macau) f.then("lic.nac", {{"days", L.rule("EXC-NAC").value("notice_days", 25)}});
        else f.then("lic.aca");
        f.evidence["exception"] = {{"rule", d.d5_or_macau ? "EXC-NAC" : "EXC-ACA"}, {"title", data_text(ex, "title")},
                                   {"conditions", data_text(ex, "conditions")}};
        merge_into(f.evidence["exception"], cite(ex));
    }
    add_notes(f.evidence, in);
    return f;
}

// Blackwell-class parts (C-03): no licence path to China, Macau, D:5 or their headquartered parties.
bool no_licence_path(const ItemClassification& c, const CheckInput& in) {
    const auto* chip = in.rules.catalogue.chip(c.catalogue_id);
    if (!chip || chip->family.empty()) return false;
    const auto families = in.rules.license.rule("LIC-BLACKWELL-NOPATH").value("families", nlohmann::ordered_json::array());
    return std::find(families.begin(), families.end(), chip->family) != families.end();
}

Finding nopath_finding(const CheckInput& in, const std::vector<ItemRef>& group, const ojson& how, ojson evidence) {
    const auto& rule = in.rules.license.rule("LIC-BLACKWELL-NOPATH");
    Finding f;
    f.kind = "license";
    f.rule = "LIC-BLACKWELL-NOPATH";
    f.severity = Severity::blocked;
    f.say("lic.nopath", {{"items", labels(group)}, {"n", group.size()}, {"how", how}, {"reason", data_text(rule, "reason")}});
    f.evidence = std::move(evidence);
    f.evidence["items"] = items_json(group, in);
    f.evidence["review_policy"] = data_text(rule, "policy");
    merge_into(f.evidence, cite(rule));
    return f;
}

// Whether a party is one of the UAE's approved recipients on the reference date; which one, and until when.
const nlohmann::ordered_json* uae_recipient(const Party& p, const CheckInput& in) {
    if (p.address.country != "AE") return nullptr;
    const auto name = fold(p.name);
    const auto type = fold(p.type);
    for (const auto& r : in.rules.license.uae_recipients["recipients"]) {
        if (!r.value("approved", true)) continue;
        const auto until = r.value("valid_until", "");
        if (!until.empty() && !in.reference_date.empty() && in.reference_date > until) continue;
        const auto types = WordList::from_json(r.value("party_types", nlohmann::ordered_json::array()));
        const auto names = WordList::from_json(r.value("names", nlohmann::ordered_json::array()));
        if ((!types.empty() && types.whole(type)) || names.find(name)) return &r;
    }
    return nullptr;
}

// 3A090/4A090 to or within the UAE since 2026-07-10: a licence unless every recipient is approved.
Finding uae_finding(const CheckInput& in, const DestinationCountry& d, const std::vector<ItemRef>& group, const ojson& where) {
    const auto& rule = in.rules.license.rule("LIC-3A090-AE");
    const auto& list = in.rules.license.uae_recipients;
    std::vector<const Party*> recipients;
    for (const auto& p : in.order.parties)
        if (p.role == Role::ultimate_consignee || p.role == Role::end_user) recipients.push_back(&p);
    if (recipients.empty())
        for (const auto& p : in.order.parties)
            if (p.role == Role::ship_to || p.role == Role::buyer) recipients.push_back(&p);
    ojson matched = ojson::array();
    bool all = !recipients.empty();
    for (const auto* p : recipients) {
        const auto* r = uae_recipient(*p, in);
        if (!r) { all = false; continue; }
        matched.push_back({{"party", p->path}, {"name", p->name}, {"recipient", r->value("id", "")},
                           {"valid_until", r->value("valid_until", "")}, {"confidence", r->value("confidence", "")}});
    }
    all = all && in.destinations.headquarters.empty();
    Finding f;
    f.kind = "license";
    f.rule = "LIC-3A090-AE";
    f.severity = all ? Severity::info : Severity::license_required;
    f.say(all ? "lic.uae_approved" : "lic.uae", {{"items", labels(group)}, {"n", group.size()}, {"where", where},
                                                 {"verify", data_text(list, "verify")}});
    f.evidence = {{"destination", d.code}, {"groups", d.groups}, {"items", items_json(group, in)},
                  {"approved_recipients", matched}, {"all_recipients_approved", all},
                  {"verify", data_text(list, "verify")}, {"review_policy", data_text(rule, "policy")},
                  {"exceptions_note", data_text(rule, "exceptions_note")},
                  {"rs_text", in.rules.license.rs_country_chart.value("text", "")}};
    merge_into(f.evidence, cite(rule));
    add_notes(f.evidence, in);
    return f;
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

namespace {

// The order's items by what they need: a licence with a presumption of denial (3A090.a), a licence an exception
// may lift (3A090.b, 3A090.a not for datacenters), the H20/MI308 letter, or a person's look at the class.
struct ItemsByNeed {
    std::vector<ItemRef> strict, excepted, letter, unsure;
};
ItemsByNeed items_by_need(const CheckInput& in) {
    ItemsByNeed by;
    for (std::size_t i = 0; i < in.items.size(); ++i) {
        const auto& c = in.items[i];
        const ItemRef ref{i, item_label(in.order.items[i], c), item_msg(in.order.items[i], c)};
        if (c.cls == ItemClass::a) by.strict.push_back(ref);
        else if (c.cls == ItemClass::b || c.cls == ItemClass::consumer_a) by.excepted.push_back(ref);
        else if (c.cls == ItemClass::letter) by.letter.push_back(ref);
        else if (c.cls == ItemClass::undetermined || c.cls == ItemClass::unclassified) by.unsure.push_back(ref);
    }
    return by;
}

// A destination in the licence set (D:1/D:4/D:5, Macau). One rule, one policy, one sentence: the H200-class
// chips under the 2026 case-by-case policy get their own finding (LIC-H200-CASE), the other 3A090.a chips keep
// the presumption of denial, and a chip no licence can cover to D:5 says so.
void licence_set_findings(std::vector<Finding>& out, const CheckInput& in, const DestinationCountry& d,
                          const ItemsByNeed& by, const ojson& where) {
    const auto id = d.d5_or_macau ? "LIC-3A090-D5" : "LIC-3A090-D1D4";
    std::vector<ItemRef> cases, denial, nopath;
    for (const auto& r : by.strict)
        (d.d5_or_macau && no_licence_path(in.items[r.index], in) ? nopath
         : h200_case(in.items[r.index], d, in)                    ? cases
                                                                  : denial).push_back(r);
    if (!nopath.empty())
        out.push_back(nopath_finding(in, nopath, msg("nopath.going", {{"where", where}}),
                                     {{"destination", d.code}, {"counts_as", d.counts_as}}));
    if (!denial.empty()) out.push_back(licence_finding(in, d, id, denial, where, false));
    if (!cases.empty()) out.push_back(licence_finding(in, d, "LIC-H200-CASE", cases, where, false));
    if (!by.excepted.empty()) out.push_back(licence_finding(in, d, id, by.excepted, where, true));
}

// The April 2025 letters: H20/MI308-class items going to China or a D:5 country need a licence.
Finding letter_finding(const CheckInput& in, const DestinationCountry& d, const std::vector<ItemRef>& letter,
                       const ojson& where) {
    const auto& rule = in.rules.license.rule("LIC-H20-LETTER");
    Finding f;
    f.kind = "license";
    f.rule = "LIC-H20-LETTER";
    f.severity = Severity::license_required;
    f.say("lic.letter", {{"items", labels(letter)}, {"n", letter.size()}, {"where", where}});
    f.evidence = {{"destination", d.code}, {"counts_as", d.counts_as}, {"items", items_json(letter, in)},
                  {"note", data_text(rule, "note")}};
    merge_into(f.evidence, cite(rule));
    return f;
}

// Items the tool could not class, going where a 3A090 item would need a licence: a person must decide.
Finding undetermined_finding(const CheckInput& in, const DestinationCountry& d, const std::vector<ItemRef>& unsure,
                             const ojson& where) {
    Finding f;
    f.kind = "license";
    f.rule = "LIC-UNDETERMINED";
    f.severity = Severity::review;
    f.say("lic.undetermined", {{"items", labels(unsure)}, {"n", unsure.size()}, {"where", where}});
    f.evidence = {{"destination", d.code}, {"counts_as", d.counts_as}, {"items", items_json(unsure, in)}};
    merge_into(f.evidence, cite(in.rules.license.rule("LIC-3A090-D1D4")));
    return f;
}

void destination_findings(std::vector<Finding>& out, const CheckInput& in, const DestinationCountry& d,
                          const ItemsByNeed& by) {
    if (in.rules.groups.embargo(d.code)) return;  // the embargo finding says it all
    const std::string uae = in.rules.license.rule("LIC-3A090-AE").value("country", "AE");
    const bool controlled = !by.strict.empty() || !by.excepted.empty();
    const auto where = where_msg(d);
    if (d.license_set && controlled) licence_set_findings(out, in, d, by, where);
    if (d.code == uae && controlled) {
        std::vector<ItemRef> all = by.strict;
        all.insert(all.end(), by.excepted.begin(), by.excepted.end());
        out.push_back(uae_finding(in, d, all, where));
    }
    if (!by.letter.empty() && (d.counts_as == "CN" || d.d5_or_macau)) out.push_back(letter_finding(in, d, by.letter, where));
    if (!by.unsure.empty() && (d.license_set || d.code == uae)) out.push_back(undetermined_finding(in, d, by.unsure, where));
}

// How a party counts as headquartered in D:5: through its parent, its stated headquarters, or its own address.
ojson hq_how(const HeadquartersConcern& h) {
    return msg("hq.how", {{"basis", h.basis == "parent.headquarters_country" ? "parent"
                                    : h.basis == "parent party" || h.basis == "headquarters_country" ? "hq"
                                                                                                     : "based"},
                          {"country", country(h.country)}});
}

Finding hq_licence_finding(const CheckInput& in, const HeadquartersConcern& h, const std::vector<ItemRef>& group,
                           bool excepted, const ojson& who, const ojson& how) {
    const auto& rule = in.rules.license.rule("LIC-HQ-D5");
    Finding f;
    f.kind = "license";
    f.rule = "LIC-HQ-D5";
    f.severity = Severity::license_required;
    f.say("lic.hq", {{"who", who}, {"how", how}, {"items", labels(group)}});
    if (excepted) f.then("lic.hq_nac");
    f.evidence = {{"party", h.party}, {"role", h.role}, {"name", h.name}, {"headquarters", h.country},
                  {"basis", h.basis}, {"items", items_json(group, in)}, {"red_flag", "R11"},
                  {"review_policy", data_text(rule, "policy")}};
    merge_into(f.evidence, cite(rule));
    add_notes(f.evidence, in);
    return f;
}

Finding hq_undetermined_finding(const CheckInput& in, const HeadquartersConcern& h, const std::vector<ItemRef>& unsure,
                                const ojson& who, const ojson& how) {
    Finding f;
    f.kind = "license";
    f.rule = "LIC-UNDETERMINED";
    f.severity = Severity::review;
    f.say("lic.hq_undetermined", {{"who", who}, {"how", how}, {"items", labels(unsure)}, {"n", unsure.size()}});
    f.evidence = {{"party", h.party}, {"headquarters", h.country}, {"items", items_json(unsure, in)}};
    merge_into(f.evidence, cite(in.rules.license.rule("LIC-HQ-D5")));
    return f;
}

// The headquarters rule applies wherever the goods go.
void headquarters_findings(std::vector<Finding>& out, const CheckInput& in, const HeadquartersConcern& h,
                           const ItemsByNeed& by) {
    const auto who = who_msg(h.role, h.name);
    const auto how = hq_how(h);
    std::vector<ItemRef> nopath;
    for (const auto& r : by.strict)
        if (no_licence_path(in.items[r.index], in)) nopath.push_back(r);
    if (!nopath.empty())
        out.push_back(nopath_finding(in, nopath, msg("nopath.for", {{"who", who}, {"how", how}}),
                                     {{"party", h.party}, {"headquarters", h.country}}));
    if (!by.strict.empty()) out.push_back(hq_licence_finding(in, h, by.strict, false, who, how));
    if (!by.excepted.empty()) out.push_back(hq_licence_finding(in, h, by.excepted, true, who, how));
    if (!by.unsure.empty() && by.strict.empty() && by.excepted.empty())
        out.push_back(hq_undetermined_finding(in, h, by.unsure, who, how));
}

}  // namespace

std::vector<Finding> check_licences(const CheckInput& in) {
    std::vector<Finding> out;
    const auto by = items_by_need(in);
    for (const auto& d : in.destinations.countries) destination_findings(out, in, d, by);
    for (const auto& h : in.destinations.headquarters) headquarters_findings(out, in, h, by);
    return out;
}

namespace {

// What the order says about its use: the end-use statement, instructions and notes, and the business of who
// receives the goods, in any of the lexicon's languages, negations respected ("not for military use"). Other
// parties' business is not the goods' use, so it is left out.
std::vector<TextHit> end_use_hits(const CheckInput& in) {
    std::vector<std::string> categories;
    for (const auto& ca : in.rules.license.catch_all) categories.push_back(ca.value("words", ""));
    auto hits = in.rules.words->free_text.scan(in.order, categories);
    hits.erase(std::remove_if(hits.begin(), hits.end(), [&](const TextHit& h) {
                   if (!h.field.starts_with("parties[")) return false;
                   const auto path = h.field.substr(0, h.field.find(']') + 1);
                   return std::none_of(in.order.parties.begin(), in.order.parties.end(), [&](const Party& p) {
                       return p.path == path && (p.role == Role::end_user || p.role == Role::ultimate_consignee);
                   });
               }), hits.end());
    return hits;
}

// Where the goods go decides whether some catch-all uses need a licence or only a look.
struct CatchAllReach {
    bool licence_dest = false;   // a destination in the licence set, or a D:5 headquarters
    bool military_dest = false;  // a destination under the military end-use rule
};
CatchAllReach catch_all_reach(const CheckInput& in) {
    const auto& countries = in.destinations.countries;
    const auto& military = in.rules.license.military_countries;
    CatchAllReach r;
    r.licence_dest = std::any_of(countries.begin(), countries.end(), [](const DestinationCountry& c) { return c.license_set; }) ||
                     !in.destinations.headquarters.empty();
    r.military_dest = std::any_of(countries.begin(), countries.end(), [&](const DestinationCountry& c) {
        return contains(military, c.counts_as) || contains(military, c.code);
    });
    return r;
}

// One catch-all end use (R21), if the order's words name it.
std::optional<Finding> catch_all_finding(const CheckInput& in, const nlohmann::ordered_json& ca, const std::vector<TextHit>& hits,
                                         const CatchAllReach& reach) {
    const auto words_key = ca.value("words", "");
    std::vector<std::string> found;
    ojson said = ojson::array();
    for (const auto& h : hits) {
        if (h.category != words_key) continue;
        found.push_back(h.quote);
        said.push_back({{"field", h.field}, {"words", h.quote}, {"phrase", h.phrase}, {"language", h.language}});
    }
    if (found.empty()) return std::nullopt;
    const auto when = ca.value("license_when", "always");
    const bool licence = when == "always" || (when == "destination_in_license_set_or_hq" && reach.licence_dest) ||
                         (when == "destination_in_military_countries" && reach.military_dest);
    const auto otherwise = ca.value("otherwise", "review");
    Finding f;
    f.kind = "license";
    f.rule = "R21";
    f.severity = licence ? Severity::license_required
               : otherwise == "info" ? Severity::info
               : otherwise == "license_required" ? Severity::license_required
               : Severity::review;
    ojson words = ojson::array();
    for (const auto& w : found) words.push_back(quote(w));
    const auto id = licence && ca.value("wmd", false) ? "catch_all.wmd"
                  : licence                           ? "catch_all.licence"
                  : f.severity == Severity::info      ? "catch_all.info"
                                                      : "catch_all.review";
    f.say(id, {{"words", comma_list(words)}, {"what", data_text(ca, "plain")}, {"citation", data_text(ca, "citation")}});
    f.evidence = {{"catch_all", ca.value("id", "")}, {"words_found", found}, {"said", said}, {"end_use", in.order.end_use}};
    merge_into(f.evidence, cite(ca));
    return f;
}

// R16: a cloud / IaaS buyer serving D:5-headquartered AI customers, read from the end use and the receivers'
// business. Only advanced items count; 3A090.a ones need a licence.
std::optional<Finding> iaas_finding(const CheckInput& in) {
    const auto& cw = *in.rules.words;
    std::string text = in.order.end_use;
    for (const auto& p : in.order.parties)
        if (p.role == Role::end_user || p.role == Role::ultimate_consignee) text += " . " + p.business;
    const auto folded = fold(text);
    const auto iaas = cw.iaas.find(folded);
    if (!iaas) return std::nullopt;
    const auto d5 = cw.d5_mentions.find(folded);
    if (!d5) return std::nullopt;
    const bool strict = std::any_of(in.items.begin(), in.items.end(), [](const ItemClassification& c) {
        return c.cls == ItemClass::a || c.cls == ItemClass::consumer_a;
    });
    const bool advanced = std::any_of(in.items.begin(), in.items.end(), [](const ItemClassification& c) { return c.advanced(); });
    if (!advanced) return std::nullopt;
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
    return f;
}

}  // namespace

std::vector<Finding> check_catch_all(const CheckInput& in) {
    std::vector<Finding> out;
    const auto hits = end_use_hits(in);
    const auto reach = catch_all_reach(in);
    for (const auto& ca : in.rules.license.catch_all)
        if (auto f = catch_all_finding(in, ca, hits, reach)) out.push_back(std::move(*f));
    if (auto f = iaas_finding(in)) out.push_back(std::move(*f));
    return out;
}

}  // namespace exportcheck
