// Loading the four rules documents into typed rules, and the word lists they carry.
#include "compiled_words.hpp"
#include "json_read.hpp"
#include "words.hpp"

#include <exportcheck/countries.hpp>

#include <algorithm>
#include <set>

namespace exportcheck {

using namespace rules_detail;

namespace {

std::string upper(std::string s) {
    for (auto& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    return s;
}

std::vector<std::string> country_codes(const json& j, const std::string& where) {
    auto v = strings(j, where);
    for (std::size_t i = 0; i < v.size(); ++i) {
        v[i] = upper(v[i]);
        if (!is_country_code(v[i])) invalid(concat(where, "[", i, "]"), concat("\"", v[i], "\" is not an ISO 3166 alpha-2 code"));
    }
    return v;
}

CountryGroups load_groups(const json& d) {
    const std::string w = "country-groups";
    CountryGroups g;
    g.version = text(d, "version", w);
    g.as_of = text(d, "as_of", w);
    for (const auto& [name, grp] : need(d, "groups", w).items()) {
        const auto gw = w + ".groups." + name;
        CountryGroups::Group x;
        x.title = text(grp, "title", gw);
        x.as_of = text(grp, "as_of", gw, g.as_of);
        x.note = text(grp, "note", gw);
        x.members = country_codes(need(grp, "members", gw), gw + ".members");
        x.pedigree = pedigree(grp, gw);
        g.groups[name] = std::move(x);
    }
    for (const char* required : {"D:1", "D:4", "D:5", "E:1", "E:2", "A:5", "A:6"})
        if (!g.groups.count(required)) invalid(w + ".groups", concat("group ", required, " is missing"));
    if (const auto it = d.find("treated_as"); it != d.end()) {
        for (const auto& [cc, t] : it->items()) g.treated_as[upper(cc)] = upper(text(t, "as", w + ".treated_as." + cc));
    }
    // The 3A090/4A090 licence set, derived: (D:1 u D:4 u D:5) minus (A:5 u A:6), Macau included.
    std::set<std::string> set;
    for (const char* name : {"D:1", "D:4", "D:5"})
        for (const auto& cc : g.groups[name].members) set.insert(cc);
    for (const char* name : {"A:5", "A:6"})
        for (const auto& cc : g.groups[name].members) set.erase(cc);
    set.insert("MO");
    g.license_set.assign(set.begin(), set.end());
    if (const auto it = d.find("advanced_computing_license_set"); it != d.end()) {
        auto listed = country_codes(need(*it, "members", w + ".advanced_computing_license_set"),
                                    w + ".advanced_computing_license_set.members");
        std::sort(listed.begin(), listed.end());
        if (listed != g.license_set)
            invalid(w + ".advanced_computing_license_set.members", "does not agree with the set derived from the groups");
    }
    const auto& hq = need(d, "headquarters_concern", w);
    std::set<std::string> hqs;
    for (const auto& name : strings(hq, "groups", w + ".headquarters_concern")) {
        const auto it = g.groups.find(name);
        if (it == g.groups.end()) invalid(w + ".headquarters_concern.groups", "unknown group " + name);
        hqs.insert(it->second.members.begin(), it->second.members.end());
    }
    for (const auto& cc : strings(hq, "extra", w + ".headquarters_concern")) hqs.insert(upper(cc));
    g.hq_concern.assign(hqs.begin(), hqs.end());
    const auto& emb = need_list(d, "embargoes", w);
    for (std::size_t i = 0; i < emb.size(); ++i) {
        const auto ew = concat(w, ".embargoes[", i, "]");
        CountryGroups::Embargo e;
        e.id = text(emb[i], "id", ew);
        e.citation = text(emb[i], "citation", ew);
        e.why = text(emb[i], "why", ew);
        e.why_fr = text(emb[i], "why_fr", ew);
        e.countries = country_codes(need(emb[i], "countries", ew), ew + ".countries");
        e.pedigree = pedigree(emb[i], ew);
        g.embargoes.push_back(std::move(e));
    }
    return g;
}

// Aliases folded and written together, as classification compares them: folded once here, not per item.
std::vector<std::string> alias_keys(const std::vector<std::string>& aliases) {
    std::vector<std::string> keys;
    for (const auto& a : aliases) {
        std::string k;
        for (const auto& word : rules_detail::fold(a).words) k += word;
        keys.push_back(std::move(k));
    }
    return keys;
}

Chip load_chip(const json& c, const std::string& w) {
    Chip x;
    x.id = text(c, "id", w);
    if (x.id.empty()) invalid(w + ".id", "missing");
    x.vendor = text(c, "vendor", w);
    x.name = text(c, "name", w);
    x.name_fr = text(c, "name_fr", w);
    x.aliases = strings(c, "aliases", w);
    if (x.aliases.empty()) invalid(w + ".aliases", "a chip needs at least one alias");
    x.alias_keys = alias_keys(x.aliases);
    x.requires_any = strings(c, "requires_any", w);
    x.tpp = number(c, "tpp", w);
    x.tpp_below = number(c, "tpp_below", w);
    x.die_area_mm2 = number(c, "die_area_mm2", w);
    x.memory_bandwidth_gbs = number(c, "memory_bandwidth_gbs", w);
    x.datacenter = boolean(c, "datacenter", w);
    x.likely_eccn = text(c, "likely_eccn", w);
    x.letter = text(c, "letter", w);
    x.family = text(c, "family", w);
    x.prc_made = boolean(c, "prc_made", w).value_or(false);
    x.figures = text(c, "figures", w);
    x.notes = text(c, "notes", w);
    x.notes_fr = text(c, "notes_fr", w);
    x.pedigree = pedigree(c, w);
    if (x.tpp && *x.tpp < 0) invalid(w + ".tpp", "must not be negative");
    if (x.die_area_mm2 && *x.die_area_mm2 <= 0) invalid(w + ".die_area_mm2", "must be positive");
    return x;
}

NamedProduct load_named(const json& c, const std::string& w) {
    NamedProduct p;
    p.id = text(c, "id", w);
    p.name = text(c, "name", w);
    p.name_fr = text(c, "name_fr", w);
    p.aliases = strings(c, "aliases", w);
    p.alias_keys = alias_keys(p.aliases);
    p.likely_eccn = text(c, "likely_eccn", w);
    p.notes = text(c, "notes", w);
    p.notes_fr = text(c, "notes_fr", w);
    p.pedigree = pedigree(c, w);
    if (p.id.empty()) invalid(w + ".id", "missing");
    return p;
}

Catalogue load_catalogue(const json& d) {
    const std::string w = "products";
    Catalogue c;
    c.version = text(d, "version", w);
    c.as_of = text(d, "as_of", w);
    const auto& chips = need_list(d, "chips", w);
    std::set<std::string> ids;
    for (std::size_t i = 0; i < chips.size(); ++i) {
        auto chip = load_chip(chips[i], concat(w, ".chips[", i, "]"));
        if (!ids.insert(chip.id).second) invalid(concat(w, ".chips[", i, "].id"), "duplicate id " + chip.id);
        c.chips.push_back(std::move(chip));
    }
    const auto& systems = need_list(d, "systems", w);
    for (std::size_t i = 0; i < systems.size(); ++i) {
        const auto sw = concat(w, ".systems[", i, "]");
        SystemModel s;
        s.id = text(systems[i], "id", sw);
        s.name = text(systems[i], "name", sw);
        s.name_fr = text(systems[i], "name_fr", sw);
        s.aliases = strings(systems[i], "aliases", sw);
        s.alias_keys = alias_keys(s.aliases);
        s.contains = text(systems[i], "contains", sw);
        s.count = number(systems[i], "count", sw).value_or(1);
        if (!ids.count(s.contains)) invalid(sw + ".contains", "unknown chip id " + s.contains);
        if (const auto it = systems[i].find("count_if_any"); it != systems[i].end())
            for (const auto& [words, n] : it->items()) {
                if (!n.is_number()) {
                    invalid(sw + ".count_if_any." + words, "expected a number");
                    continue;
                }
                s.count_if_any.emplace_back(words, n.get<double>());
            }
        s.pedigree = pedigree(systems[i], sw);
        c.systems.push_back(std::move(s));
    }
    if (d.contains("gpu_server_models")) {
        const auto& servers = need_list(d, "gpu_server_models", w);
        for (std::size_t i = 0; i < servers.size(); ++i)
            c.gpu_servers.push_back(load_named(servers[i], concat(w, ".gpu_server_models[", i, "]")));
    }
    if (d.contains("generic")) {
        const auto& generic = need_list(d, "generic", w);
        for (std::size_t i = 0; i < generic.size(); ++i) c.generic.push_back(load_named(generic[i], concat(w, ".generic[", i, "]")));
    }
    if (const auto it = d.find("contexts"); it != d.end())
        for (const auto& [name, words] : it->items()) c.contexts[name] = strings(words, w + ".contexts." + name);
    for (const auto& chip : c.chips)
        for (const auto& r : chip.requires_any)
            if (r.starts_with("@") && !c.contexts.count(r.substr(1)))
                invalid(w + ".chips." + chip.id + ".requires_any", "unknown context " + r);
    c.system_words = strings(d, "system_words", w);
    c.count_skip_words = strings(d, "count_skip_words", w);
    c.datacenter_words = strings(d, "datacenter_words", w);
    c.gpu_words = strings(d, "gpu_words", w);
    if (const auto it = d.find("maker_eccn_z"); it != d.end()) c.maker_z_bases = strings(*it, "bases", w + ".maker_eccn_z");
    return c;
}

LicenseRules load_license(const json& d) {
    const std::string w = "license-rules";
    LicenseRules l;
    l.version = text(d, "version", w);
    l.as_of = text(d, "as_of", w);
    const auto& e = need(d, "eccn_3a090", w);
    const auto ew = w + ".eccn_3a090";
    auto num = [&](const char* key) {
        const auto v = number(e, key, ew);
        if (!v) invalid(ew + "." + key, "missing");
        return *v;
    };
    auto& t = l.eccn_3a090;
    t.a_tpp = num("a_tpp");
    t.a_tpp_with_pd = num("a_tpp_with_pd");
    t.a_pd = num("a_pd");
    t.b_tpp_low = num("b_tpp_low");
    t.b_pd_low = num("b_pd_low");
    t.b2_tpp = num("b2_tpp");
    t.b2_pd_low = num("b2_pd_low");
    t.non_datacenter_tpp = num("non_datacenter_tpp");
    t.citation = text(e, "citation", ew);
    t.pedigree = pedigree(e, ew);
    l.rules = need(d, "rules", w);
    if (!l.rules.is_object()) invalid(w + ".rules", "expected an object");
    for (const char* id : {"LIC-3A090-D5", "LIC-3A090-D1D4", "LIC-HQ-D5", "LIC-H20-LETTER", "LIC-H200-CASE", "EXC-NAC", "EXC-ACA",
                           "LIC-3A090-AE", "LIC-BLACKWELL-NOPATH"})
        if (!l.rules.contains(id)) invalid(w + ".rules", concat("rule ", id, " is missing"));
    l.military_countries = country_codes(need(need(d, "military_end_use_countries", w), "countries", w + ".military_end_use_countries"),
                                         w + ".military_end_use_countries.countries");
    l.catch_all = need(d, "catch_all", w);
    if (!l.catch_all.is_array()) invalid(w + ".catch_all", "expected a list");
    const auto& la = need(d, "list_actions", w);
    l.list_pedigree = pedigree(la, w + ".list_actions");
    for (const auto& [code, a] : need(la, "lists", w + ".list_actions").items()) {
        const auto aw = w + ".list_actions.lists." + code;
        ListAction x;
        x.action = text(a, "action", aw);
        if (x.action != "blocked" && x.action != "review") invalid(aw + ".action", "must be \"blocked\" or \"review\"");
        x.rule = text(a, "rule", aw, "R01");
        x.name = text(a, "name", aw);
        x.effect = text(a, "effect", aw);
        x.name_fr = text(a, "name_fr", aw);
        x.effect_fr = text(a, "effect_fr", aw);
        x.confidence = text(a, "confidence", aw);
        l.list_actions[code] = std::move(x);
    }
    l.ownership = need(d, "ownership", w);
    l.uae_recipients = need(d, "uae_approved_recipients", w);
    // Read while screening (licences.cpp, settings.cpp) with no checks of their own: checked here.
    const auto& recipients = need_list(l.uae_recipients, "recipients", w + ".uae_approved_recipients");
    for (std::size_t i = 0; i < recipients.size(); ++i) {
        const auto rw = concat(w, ".uae_approved_recipients.recipients[", i, "]");
        const auto& r = recipients[i];
        if (!r.is_object()) invalid(rw, "expected an object");
        for (const char* key : {"id", "valid_until", "confidence"})  // read with value(key, ""): null would not do
            if (r.contains(key) && !r[key].is_string()) invalid(concat(rw, ".", key), "expected a string");
        if (r.contains("approved") && !r["approved"].is_boolean()) invalid(rw + ".approved", "expected true or false");
        strings(r, "party_types", rw);
        strings(r, "names", rw);
    }
    l.fallback_at = need(d, "fallback_at", w);
    const auto it_notes = d.find("notes"), it_chart = d.find("rs_country_chart");  // find: safe on any JSON
    l.notes = it_notes == d.end() ? json::object() : *it_notes;
    l.rs_country_chart = it_chart == d.end() ? json::object() : *it_chart;
    return l;
}

RedFlagConfig load_flags(const json& d, const CountryGroups& groups) {
    const std::string w = "red-flags";
    RedFlagConfig f;
    f.version = text(d, "version", w);
    f.as_of = text(d, "as_of", w);
    f.flags = need(d, "flags", w);
    const auto& hubs = need_list(d, "hubs", w);
    for (std::size_t i = 0; i < hubs.size(); ++i) {
        const auto hw = concat(w, ".hubs[", i, "]");
        RedFlagConfig::Hub h;
        h.id = text(hubs[i], "id", hw);
        h.why = text(hubs[i], "why", hw);
        h.why_fr = text(hubs[i], "why_fr", hw);
        h.countries = country_codes(need(hubs[i], "countries", hw), hw + ".countries");
        h.pedigree = pedigree(hubs[i], hw);
        f.hubs.push_back(std::move(h));
    }
    std::set<std::string> concern;
    for (const auto& cc : country_codes(need(need(d, "concern_countries", w), "countries", w + ".concern_countries"),
                                        w + ".concern_countries.countries"))
        concern.insert(cc);
    for (const auto& cc : groups.hq_concern) concern.insert(cc);
    f.concern_countries.assign(concern.begin(), concern.end());
    for (const auto& [name, t] : need(d, "thresholds", w).items()) {
        const auto tw = w + ".thresholds." + name;
        RedFlagConfig::Threshold x;
        x.value = need(t, "value", tw);
        x.unit = text(t, "unit", tw);
        x.pedigree = pedigree(t, tw);
        f.thresholds[name] = std::move(x);
    }
    f.holistic_flags = strings(d, "holistic_flags", w);
    f.pass_through = need(d, "pass_through", w);
    f.small_cloud = need(d, "small_cloud", w);
    f.malaysia_leg = need(d, "malaysia_leg", w);
    f.dormant_years = need(d, "dormant_years", w);
    f.free_text = need(d, "free_text", w);
    const auto& bands = need(need(d, "price_bands_usd", w), "bands", w + ".price_bands_usd");
    for (const auto& [id, b] : bands.items()) {
        if (!b.is_array() || b.size() != 2 || !b[0].is_number() || !b[1].is_number()) {
            invalid(w + ".price_bands_usd.bands." + id, "expected [low, high]");
            continue;
        }
        f.price_bands[id] = {b[0].get<double>(), b[1].get<double>()};
    }
    for (const auto& [code, ccs] : need(need(d, "phone_country_codes", w), "codes", w + ".phone_country_codes").items())
        f.phone_codes[code] = country_codes(ccs, w + ".phone_country_codes.codes." + code);
    const auto& tlds = need(d, "email_country_domains", w);
    f.generic_tlds = strings(tlds, "generic", w + ".email_country_domains");
    if (const auto it = tlds.find("aliases"); it != tlds.end())
        for (const auto& [tld, cc] : it->items()) {
            if (!cc.is_string()) {
                invalid(w + ".email_country_domains.aliases." + tld, "expected a string");
                continue;
            }
            f.tld_aliases[tld] = upper(cc.get<std::string>());
        }
    return f;
}

}  // namespace

std::shared_ptr<const CompiledWords> compile_words(const json& documents) {
    const auto& red_flags = documents["red-flags"];
    const auto& products = documents["products"];
    auto c = std::make_shared<CompiledWords>();
    const auto& words = need(red_flags, "words", "red-flags");
    const std::string w = "red-flags.words";
    for (const auto& [kind, list] : need(words, "party_kinds", w).items()) {
        if (kind == "note") continue;
        c->party_kinds[kind] = WordList(strings(list, w + ".party_kinds." + kind));
    }
    auto list = [&](const char* key) { return WordList(strings(need(words, key, w), w + "." + key)); };
    c->person_types = list("person_types");
    c->residential = list("residential");
    c->declared_generic = list("declared_generic");
    c->vague_end_use = list("vague_end_use");
    c->business_fits = list("business_fits_datacenter");
    c->business_misfits = list("business_misfits");
    c->iaas = list("iaas");
    c->d5_mentions = list("d5_mentions");
    c->free_text = FreeTextLexicon(need(red_flags, "free_text", "red-flags"), documents);
    const auto& overlays = documents["list-overlays"];
    for (const auto& f : strings(overlays, "legal_forms", "list-overlays")) c->overlay_legal_forms.push_back(fold(f).text);
    std::sort(c->overlay_legal_forms.begin(), c->overlay_legal_forms.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    const auto& entries = need_list(overlays, "entries", "list-overlays");
    for (std::size_t i = 0; i < entries.size(); ++i)
        for (const auto& n : strings(entries[i], "names", concat("list-overlays.entries[", i, "]")))
            c->overlay_names.emplace(fold(n).text, i);
    for (auto d : strings(need(words, "free_mail_domains", w), w + ".free_mail_domains")) {
        for (auto& ch : d)
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
        c->free_mail_domains.insert(d);
    }
    c->system_words = WordList(strings(products, "system_words", "products"));
    c->datacenter_words = WordList(strings(products, "datacenter_words", "products"));
    c->gpu_words = WordList(strings(products, "gpu_words", "products"));
    c->count_skip_words = WordList(strings(products, "count_skip_words", "products"));
    if (const auto it = products.find("contexts"); it != products.end())
        for (const auto& [name, l] : it->items()) c->contexts[name] = WordList(strings(l, "products.contexts." + name));
    return c;
}

Result<RulesData> RulesData::from_documents(const json& documents) {
    if (!documents.is_object()) return Error("rules_missing", "the rules documents are not an object");
    for (const char* name : {"country-groups", "products", "red-flags", "license-rules", "list-overlays", "cases"})
        if (!documents.contains(name))
            return Error("rules_missing", concat("the rules document \"", name,
                                                 "\" is missing: rebuild the bundle with "
                                                 "`exportcheck bundle build ... --rules data/rules` or pass --rules DIR"));
    Problems problems;
    RulesData r;
    r.documents = documents;
    r.groups = load_groups(documents["country-groups"]);
    r.catalogue = load_catalogue(documents["products"]);
    r.license = load_license(documents["license-rules"]);
    r.overlays = documents["list-overlays"];
    r.cases = documents["cases"];
    if (!need(r.cases, "cases", "cases").is_array()) invalid("cases.cases", "expected a list");
    r.flags = load_flags(documents["red-flags"], r.groups);
    // Checked here, so that number() and text() need never fail while screening.
    for (const char* t : {"price_premium", "price_discount", "costly_order_usd", "new_company_years", "formed_after_rule_date",
                          "hubs_on_route_min", "intermediaries_min", "person_max_datacenter_units",
                          "person_max_consumer_units", "commercial_quantity_units", "large_order_units",
                          "escalate_block_min_flags"}) {
        const auto it = r.flags.thresholds.find(t);
        if (it == r.flags.thresholds.end()) invalid("red-flags.thresholds", concat("threshold ", t, " is missing"));
        else if (std::string_view(t) == "formed_after_rule_date" ? !it->second.value.is_string() : !it->second.value.is_number())
            invalid(concat("red-flags.thresholds.", t, ".value"),
                    std::string_view(t) == "formed_after_rule_date" ? "expected a string" : "expected a number");
    }
    r.words = compile_words(documents);
    if (problems.any()) return *problems.first();
    return r;
}

bool RulesData::names_person(std::string_view party_type) const {
    return words && words->person_types.whole(rules_detail::fold(party_type));
}

nlohmann::ordered_json RulesData::versions() const {
    nlohmann::ordered_json v = nlohmann::ordered_json::object();
    for (const auto& [name, doc] : documents.items()) {
        if (!doc.is_object()) continue;
        const auto it_version = doc.find("version"), it_as_of = doc.find("as_of");
        v[name] = {{"version", it_version != doc.end() && it_version->is_string() ? *it_version : json("")},
                   {"as_of", it_as_of != doc.end() && it_as_of->is_string() ? *it_as_of : json("")}};
    }
    return v;
}

// --- lookups --------------------------------------------------------------------------------------------

std::string CountryGroups::effective(std::string_view cc) const {
    const auto it = treated_as.find(std::string(cc));
    return it == treated_as.end() ? std::string(cc) : it->second;
}

bool CountryGroups::in(std::string_view group, std::string_view cc) const {
    const auto it = groups.find(std::string(group));
    if (it == groups.end()) return false;
    const auto eff = effective(cc);
    return std::find(it->second.members.begin(), it->second.members.end(), eff) != it->second.members.end();
}

std::vector<std::string> CountryGroups::groups_of(std::string_view cc) const {
    std::vector<std::string> out;
    for (const auto& [name, g] : groups)
        if (in(name, cc)) out.push_back(name);
    return out;
}

bool CountryGroups::in_license_set(std::string_view cc) const {
    const auto eff = effective(cc);
    return std::binary_search(license_set.begin(), license_set.end(), eff);
}

bool CountryGroups::hq_concern_country(std::string_view cc) const {
    const auto eff = effective(cc);
    return std::binary_search(hq_concern.begin(), hq_concern.end(), eff);
}

bool CountryGroups::d5_or_macau(std::string_view cc) const { return hq_concern_country(cc); }

const CountryGroups::Embargo* CountryGroups::embargo(std::string_view cc) const {
    const auto eff = effective(cc);
    for (const auto& e : embargoes)
        if (std::find(e.countries.begin(), e.countries.end(), eff) != e.countries.end()) return &e;
    return nullptr;
}

const Chip* Catalogue::chip(std::string_view id) const {
    for (const auto& c : chips)
        if (c.id == id) return &c;
    return nullptr;
}

const nlohmann::ordered_json& LicenseRules::rule(std::string_view id) const {
    static const nlohmann::ordered_json empty = nlohmann::ordered_json::object();
    const auto it = rules.find(std::string(id));
    return it == rules.end() ? empty : *it;
}

ListAction LicenseRules::action_for(std::string_view list) const {
    const auto it = list_actions.find(std::string(list));
    if (it != list_actions.end()) return it->second;
    ListAction a;
    a.action = "review";
    a.rule = "R01";
    a.name = std::string(list);
    a.effect = "a restricted-party list this engine has no specific rule for: review the entry";
    a.effect_fr = "une liste de parties soumises à restrictions pour laquelle ce moteur n'a pas de règle propre : examinez l'inscription";
    a.confidence = "L";
    return a;
}

// from_documents made sure of every threshold the checks read; settings keep their types (apply_settings).
double RedFlagConfig::number(std::string_view name) const {
    const auto it = thresholds.find(std::string(name));
    return it == thresholds.end() || !it->second.value.is_number() ? 0.0 : it->second.value.get<double>();
}

std::string RedFlagConfig::text(std::string_view name) const {
    const auto it = thresholds.find(std::string(name));
    return it == thresholds.end() || !it->second.value.is_string() ? std::string() : it->second.value.get<std::string>();
}

const RedFlagConfig::Hub* RedFlagConfig::hub(std::string_view cc) const {
    for (const auto& h : hubs)
        if (std::find(h.countries.begin(), h.countries.end(), cc) != h.countries.end()) return &h;
    if (std::find(extra_hubs.begin(), extra_hubs.end(), cc) != extra_hubs.end()) {
        static const Hub settings_hub{"settings", "added by the order's settings", {}, {{"settings"}, "settings"}};
        return &settings_hub;
    }
    return nullptr;
}

}  // namespace exportcheck
