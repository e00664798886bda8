// The diversion red flags of the brief (§4) that an order can show. Each fires with its inputs in the
// evidence and its citation (red-flags.json `flags`); thresholds and word lists are data.
#include "evidence.hpp"
#include "free_text.hpp"

#include <exportcheck/checks.hpp>

#include <algorithm>
#include <set>

namespace exportcheck {

using namespace rules_detail;

namespace {

struct Ctx {
    const CheckInput& in;
    const CompiledWords& w;
    std::vector<Finding> out;
    bool advanced = false;     // advanced-computing items (3A090/4A090, letters, undetermined, datacenter-looking)
    bool controlled = false;   // 3A090/4A090 items
    bool hub_destination = false;
    bool licence_or_hq = false;  // a destination in the licence set, or a party under the headquarters test
    std::vector<TextHit> text;   // what the buyer wrote that the phrase lexicons recognise

    std::vector<const TextHit*> said(std::initializer_list<const char*> categories) const {
        std::vector<const TextHit*> v;
        for (const auto& h : text)
            for (const char* cat : categories)
                if (h.category == cat) v.push_back(&h);
        return v;
    }

    Finding& flag(const std::string& id, Severity s, const std::string& level, std::string message_id, ojson params = ojson::object()) {
        Finding f;
        f.kind = "red_flag";
        f.rule = id;
        f.severity = s;
        f.level = level;
        f.say(std::move(message_id), std::move(params));
        f.evidence = flag_cite(in.rules, id);
        out.push_back(std::move(f));
        return out.back();
    }
};

// "forwarder", "logistics", "trading", "bank" from the party's type, business or name.
std::optional<std::pair<std::string, std::string>> party_kind(const Party& p, const CompiledWords& w) {
    for (const auto* field : {&p.type, &p.business, &p.name}) {
        if (field->empty()) continue;
        const auto f = fold(*field);
        for (const char* kind : {"forwarder", "logistics", "trading", "bank"}) {
            const auto it = w.party_kinds.find(kind);
            if (it == w.party_kinds.end()) continue;
            if (const auto hit = it->second.find(f)) return std::make_pair(std::string(kind), *hit);
        }
    }
    return std::nullopt;
}

ojson party_json(const Party& p) {
    return ojson{{"party", p.path}, {"role", std::string(to_string(p.role))}, {"name", p.name}, {"country", p.address.country}};
}

ojson who(const Party& p) { return who_msg(p.role, p.name); }

// The buyer's own words and where they wrote them: "\"pay in USDT\" (in the instructions)"; for the evidence,
// the words, field and language of each phrase (said_json).
ojson said_msg(const Order& o, const std::vector<const TextHit*>& hits) {
    ojson a = ojson::array();
    for (const auto* h : hits) {
        const auto party = std::find_if(o.parties.begin(), o.parties.end(), [&](const Party& p) { return h->field == p.path + ".business"; });
        a.push_back(party != o.parties.end() ? msg("said.business", {{"words", quote(h->quote)}, {"who", who(*party)}})
                                             : msg("said.in", {{"words", quote(h->quote)}, {"field", h->field}}));
    }
    return a;
}

ojson said_json(const std::vector<const TextHit*>& hits) {
    ojson a = ojson::array();
    for (const auto* h : hits)
        a.push_back({{"field", h->field}, {"words", h->quote}, {"phrase", h->phrase}, {"language", h->language}});
    return a;
}

// One company under two spellings? Folding decides the plain cases, Screen's name matcher the rest.
bool same_name(const AlikeNames& alike, const std::string& a, const std::string& b) {
    if (a.empty() || b.empty()) return false;
    return fold(a).text == fold(b).text || alike.alike(a, b);
}

// R03: a forwarder, logistics or trading firm as ultimate consignee or end user.
void r03(Ctx& c) {
    const auto& o = c.in.order;
    std::vector<Role> roles = {Role::ultimate_consignee, Role::end_user};
    if (o.with_role(Role::ultimate_consignee).empty() && o.with_role(Role::end_user).empty()) roles.push_back(Role::ship_to);
    for (const auto& p : o.parties) {
        if (std::find(roles.begin(), roles.end(), p.role) == roles.end()) continue;
        const auto kind = party_kind(p, c.w);
        if (!kind) continue;
        auto& f = c.flag("R03", c.advanced ? Severity::review : Severity::info, c.advanced ? "high" : "low",
                         "flag.r03", {{"who", who(p)}, {"kind", kind->first}, {"word", kind->second}});
        f.evidence["inputs"] = party_json(p);
        f.evidence["inputs"]["kind"] = kind->first;
        f.evidence["inputs"]["word"] = kind->second;
    }
}

// R04: the payer differs from the buyer or consignee, or pays from CN/HK/MO/D:5.
void r04(Ctx& c) {
    const auto& o = c.in.order;
    const auto& concern = c.in.rules.flags.concern_countries;
    std::vector<const Party*> receivers;
    for (const auto& p : o.parties)
        if (p.role == Role::buyer || p.role == Role::ultimate_consignee || p.role == Role::end_user || p.role == Role::ship_to)
            receivers.push_back(&p);
    struct Payer {
        std::string name, country, path, basis;
    };
    std::vector<Payer> payers;
    for (const auto* p : o.with_role(Role::payer)) payers.push_back({p->name, p->address.country, p->path, "payer party"});
    if (!o.payment.payer.empty()) payers.push_back({o.payment.payer, o.payment.from_country, "payment.payer", "payment.payer"});
    for (std::size_t i = 0; i < payers.size(); ++i) {
        const auto& py = payers[i];
        // The payer party and payment.payer are often the same company: one finding for it.
        if (std::any_of(payers.begin(), payers.begin() + static_cast<std::ptrdiff_t>(i), [&](const Payer& x) { return same_name(c.in.payer_names, x.name, py.name); }))
            continue;
        const bool matches = std::any_of(receivers.begin(), receivers.end(), [&](const Party* r) { return same_name(c.in.payer_names, py.name, r->name); });
        if (!matches && !receivers.empty()) {
            auto& f = c.flag("R04", Severity::review, "medium", "flag.r04_third_party", {{"name", shorten(py.name)}});
            f.evidence["inputs"] = {{"payer", py.name}, {"field", py.path}};
            ojson names = ojson::array();
            for (const auto* r : receivers) names.push_back({{"role", std::string(to_string(r->role))}, {"name", r->name}});
            f.evidence["inputs"]["buyer_and_consignees"] = names;
        }
    }
    // Money from China, Hong Kong, Macau or D:5 for goods going elsewhere.
    std::vector<std::pair<std::string, ojson>> origins;  // country, who pays from there
    for (const auto* p : o.with_role(Role::payer)) origins.emplace_back(p->address.country, who(*p));
    for (const auto* p : o.with_role(Role::payer_bank)) origins.emplace_back(p->address.country, who(*p));
    origins.emplace_back(o.payment.from_country, msg("payment.the"));
    origins.emplace_back(o.payment.bank_country, msg("payment.bank"));
    std::set<std::string> dest;
    for (const auto& d : c.in.destinations.countries) dest.insert(d.code);
    std::set<std::string> seen;
    for (const auto& origin : origins) {
        const std::string& cc = origin.first;  // not a structured binding: the lambda below captures it
        const auto& where = origin.second;
        if (cc.empty() || !contains(concern, cc) || seen.count(cc)) continue;
        const bool elsewhere = dest.empty() || std::any_of(dest.begin(), dest.end(), [&](const std::string& d) { return d != cc; });
        if (!elsewhere) continue;
        seen.insert(cc);
        std::vector<std::string> dests(dest.begin(), dest.end());
        ojson labels = ojson::array();
        for (const auto& d : dests) labels.push_back(country(d));
        auto& f = c.flag("R04", Severity::review, "high", "flag.r04_money_from",
                         {{"country", country(cc)}, {"who", where}, {"dests", labels}});
        f.evidence["inputs"] = {{"payment_country", cc}, {"field", render(where.value("$m", ""), where.value("p", ojson::object()), Lang::en)},
                                {"destinations", dests}};
    }
}

double order_value_usd(const Order& o, bool& all_usd) {
    double total = 0;
    all_usd = true;
    for (const auto& it : o.items) {
        if (!it.unit_price) continue;
        if (!it.currency.empty() && it.currency != "USD") {
            all_usd = false;
            continue;
        }
        total += *it.unit_price * it.quantity;
    }
    return total;
}

// R05: cash or crypto for a costly order; a price far from the market.
void r05(Ctx& c) {
    const auto& o = c.in.order;
    const auto& flags = c.in.rules.flags;
    auto cash = c.said({"cash_crypto"});
    const auto except = c.said({"cash_crypto_not"});
    cash.erase(std::remove_if(cash.begin(), cash.end(), [&](const TextHit* h) {
                   return std::any_of(except.begin(), except.end(), [&](const TextHit* e) { return e->field == h->field; });
               }), cash.end());
    if (!cash.empty()) {
        bool usd = true;
        const double value = order_value_usd(o, usd);
        const double costly = flags.number("costly_order_usd");
        if (value >= costly || (value == 0 && c.advanced)) {
            auto& f = c.flag("R05", Severity::review, "high", "flag.r05_cash",
                             {{"method", said_msg(o, cash)}, {"value", value > 0 ? ojson(json_number(value)) : ojson("")}});
            f.evidence["inputs"] = {{"said", said_json(cash)}, {"method", o.payment.method},
                                    {"order_value_usd", json_number(value)}, {"threshold_usd", json_number(costly)}};
        }
    }
    const double premium = flags.number("price_premium"), discount = flags.number("price_discount");
    for (std::size_t i = 0; i < o.items.size(); ++i) {
        const auto& it = o.items[i];
        const auto& cl = c.in.items[i];
        if (!it.unit_price || cl.system || cl.catalogue_id.empty() || cl.chips_per_unit != 1) continue;
        if (!it.currency.empty() && it.currency != "USD") continue;
        const auto band = flags.price_bands.find(cl.catalogue_id);
        if (band == flags.price_bands.end()) continue;
        const auto [low, high] = band->second;
        const double p = *it.unit_price;
        const bool above = p > high * (1 + premium), below = p < low * (1 - discount);
        if (!above && !below) continue;
        auto& f = c.flag("R05", Severity::review, above ? "medium" : "high", above ? "flag.r05_above" : "flag.r05_below",
                         {{"price", json_number(p)}, {"item", item_msg(it, cl)}, {"low", json_number(low)}, {"high", json_number(high)}});
        f.evidence["inputs"] = {{"item", it.path}, {"unit_price_usd", json_number(p)}, {"band_usd", {json_number(low), json_number(high)}},
                                {"premium_threshold", json_number(premium)}, {"discount_threshold", json_number(discount)},
                                {"currency_assumed", it.currency.empty() ? "USD (none given)" : "USD"}};
        f.evidence["band_confidence"] = "L";
    }
}

// R06: evasive or missing end use.
void r06(Ctx& c) {
    if (!c.advanced) return;
    const auto& o = c.in.order;
    const auto text = fold(o.end_use);
    std::string problem, word;
    ojson said = "";
    bool hard = false;
    if (text.words.empty() && c.said({"evasive"}).empty()) {
        problem = o.end_use_given ? "is empty" : "is missing";
        hard = true;
        if (!c.hub_destination && !c.licence_or_hq) {
            // Going to a country without licence requirement or hub: note it, do not hold the order for it.
            auto& f = c.flag("R06", Severity::info, "low", "flag.r06_note", {{"problem", problem}});
            f.evidence["inputs"] = {{"end_use", o.end_use}, {"problem", msg("flag.end_use_problem", {{"problem", problem}})}};
            return;
        }
    } else if (const auto e = c.said({"evasive", "evasive_end_use"}); !e.empty()) {
        problem = "is evasive";
        said = said_msg(o, e);
        word = e.front()->quote;
        hard = true;
    } else if (const auto v = c.w.vague_end_use.whole(text)) {
        problem = "says nothing about the use";
        word = *v;
    }
    if (problem.empty()) return;
    const bool block = hard && c.hub_destination;
    auto& f = c.flag("R06", block ? Severity::blocked : Severity::review, "high", block ? "flag.r06_block" : "flag.r06_review",
                     {{"problem", problem}, {"said", said}});
    f.evidence["inputs"] = {{"end_use", o.end_use}, {"problem", msg("flag.end_use_problem", {{"problem", problem}})}, {"word", word}, {"hub_destination", c.hub_destination},
                            {"said", said_json(c.said({"evasive", "evasive_end_use"}))}};
}

// R07: the item or quantity does not fit the buyer's business.
void r07(Ctx& c) {
    const auto& o = c.in.order;
    const auto& flags = c.in.rules.flags;
    double dc_units = 0, consumer_units = 0;
    for (const auto& cl : c.in.items) {
        if (cl.cls == ItemClass::consumer_a) consumer_units += cl.chips_total;
        else if (cl.advanced() && cl.datacenter != false) dc_units += cl.chips_total;
    }
    if (dc_units == 0 && consumer_units == 0) return;
    std::vector<const Party*> who_uses;
    for (const auto role : {Role::end_user, Role::ultimate_consignee, Role::buyer}) {
        for (const auto* p : o.with_role(role)) who_uses.push_back(p);
        if (!who_uses.empty()) break;
    }
    for (const auto* p : who_uses) {
        if (c.in.rules.names_person(p->type)) {
            const double max_dc = flags.number("person_max_datacenter_units"), max_c = flags.number("person_max_consumer_units");
            if (dc_units > max_dc || consumer_units > max_c) {
                auto& f = c.flag("R07", Severity::review, "high", "flag.r07_person",
                                 {{"who", who(*p)}, {"n", json_number(dc_units + consumer_units)}});
                f.evidence["inputs"] = {{"party", party_json(*p)}, {"datacenter_chips", json_number(dc_units)},
                                        {"consumer_3a090_chips", json_number(consumer_units)},
                                        {"thresholds", {{"person_max_datacenter_units", json_number(max_dc)},
                                                        {"person_max_consumer_units", json_number(max_c)}}}};
            }
            continue;
        }
        if (dc_units == 0 || p->business.empty()) continue;
        const auto b = fold(p->business);
        const auto misfit = c.w.business_misfits.find(b);
        const auto fit = c.w.business_fits.find(b);
        const double large = flags.number("large_order_units");
        if (misfit || (!fit && dc_units >= large)) {
            auto& f = c.flag("R07", Severity::review, "medium", "flag.r07_business",
                             {{"who", who(*p)}, {"business", quote(p->business)}, {"n", json_number(dc_units)}});
            f.evidence["inputs"] = {{"party", party_json(*p)}, {"business", p->business}, {"datacenter_chips", json_number(dc_units)},
                                    {"misfit_word", misfit ? ojson(*misfit) : ojson(nullptr)}};
        }
    }
}

// R08: newly formed (or formed after the October 2022 rule) and buying advanced chips; free-mail addresses.
void r08(Ctx& c) {
    const auto& o = c.in.order;
    const auto& flags = c.in.rules.flags;
    const auto ref = parse_date(c.in.reference_date);
    const auto rule_date = parse_date(flags.text("formed_after_rule_date"));
    const double young = flags.number("new_company_years");
    for (const auto& p : o.parties) {
        if (!(p.role == Role::buyer || p.role == Role::ultimate_consignee || p.role == Role::end_user || p.role == Role::ship_to))
            continue;
        if (c.in.rules.names_person(p.type)) continue;
        if (const auto est = parse_date(p.established); est && c.advanced) {
            const bool is_young = ref && est->years_until(*ref) < young;
            const bool after_rule = rule_date && !(*est < *rule_date) && c.controlled;
            if (is_young || after_rule) {
                const auto age = ref ? est->years_until(*ref) : -1;
                auto& f = c.flag("R08", Severity::review, after_rule ? "high" : "medium", is_young ? "flag.r08_young" : "flag.r08_after_rule",
                                 {{"who", who(p)}, {"date", p.established},
                                  {"years", std::round(std::max(0.0, age) * 10) / 10}});
                f.evidence["inputs"] = {{"party", party_json(p)}, {"established", p.established},
                                        {"reference_date", c.in.reference_date},
                                        {"new_company_years", json_number(young)},
                                        {"formed_after_rule_date", flags.text("formed_after_rule_date")}};
            }
        }
        if (!p.email.empty() && c.advanced) {
            const auto at = p.email.rfind('@');
            if (at != std::string::npos) {
                std::string domain = p.email.substr(at + 1);
                for (auto& ch : domain)
                    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
                if (c.w.free_mail_domains.count(domain)) {
                    auto& f = c.flag("R08", Severity::review, "medium", "flag.r08_free_mail", {{"who", who(p)}, {"domain", domain}});
                    f.evidence["inputs"] = {{"party", party_json(p)}, {"email_domain", domain}};
                }
            }
        }
    }
}

// R09: residential, vague or unverifiable address for commercial quantities.
void r09(Ctx& c) {
    const auto& o = c.in.order;
    double units = 0;
    for (const auto& it : o.items) units += it.quantity;
    const bool datacenter = std::any_of(c.in.items.begin(), c.in.items.end(), [](const ItemClassification& x) {
        return x.advanced() && x.datacenter != false;
    });
    const bool commercial = datacenter || units >= c.in.rules.flags.number("commercial_quantity_units");
    if (!commercial) return;
    std::vector<Role> roles = {Role::ship_to, Role::ultimate_consignee, Role::end_user};
    if (o.with_role(Role::ship_to).empty()) roles.push_back(Role::buyer);
    for (const auto& p : o.parties) {
        if (std::find(roles.begin(), roles.end(), p.role) == roles.end()) continue;
        const auto& a = p.address;
        std::string lines;
        for (const auto& l : a.lines) lines += l + " ";
        const auto folded = fold(lines);
        std::string problem, word;
        if (a.type == "residential" || a.type == "home") {
            problem = "residential";
        } else if (const auto r = c.w.residential.find(folded)) {
            problem = "looks_residential";
            word = *r;
        }
        if (problem.empty()) continue;
        auto& f = c.flag("R09", Severity::review, "medium", "flag.r09", {{"who", who(p)}, {"problem", problem}});
        f.evidence["inputs"] = {{"party", party_json(p)}, {"address_lines", a.lines}, {"city", a.city},
                                {"address_type", a.type}, {"word", word}, {"units", json_number(units)}};
    }
}

// R10 and R15: transshipment hubs as destinations, and routes through several hubs.
void r10_r15(Ctx& c) {
    if (!c.advanced) return;
    std::vector<std::string> hubs_seen;
    for (const auto& d : c.in.destinations.countries) {
        const auto* hub = c.in.rules.flags.hub(d.code);
        if (!hub) continue;
        hubs_seen.push_back(d.code);
        auto& f = c.flag("R10", Severity::review, "medium", "flag.r10",
                         {{"country", country(d.code)},
                          {"why", ojson{{"$t", {{"en", hub->why}, {"fr", hub->why_fr.empty() ? hub->why : hub->why_fr}}}}}});
        f.evidence["inputs"] = {{"country", d.code}, {"roles", d.roles}, {"hub_list", hub->id},
                                {"hub_sources", hub->pedigree.sources}, {"hub_confidence", hub->pedigree.confidence}};
    }
    std::vector<std::string> route_hubs = hubs_seen;
    for (const auto& cc : c.in.order.route)
        if (c.in.rules.flags.hub(cc) && !contains(route_hubs, cc)) route_hubs.push_back(cc);
    const double min = c.in.rules.flags.number("hubs_on_route_min");
    if (static_cast<double>(route_hubs.size()) >= min) {
        ojson labels = ojson::array();
        for (const auto& cc : route_hubs) labels.push_back(country(cc));
        auto& f = c.flag("R15", Severity::review, "high", "flag.r15", {{"n", route_hubs.size()}, {"hubs", labels}});
        f.evidence["inputs"] = {{"route", c.in.order.route}, {"hubs", route_hubs}, {"threshold", json_number(min)}};
    }
}

// R11 outside the licence rule: payer, bank or forwarder headquartered in D:5/Macau; a private buyer there.
void r11(Ctx& c) {
    if (!c.advanced) return;
    const auto& g = c.in.rules.groups;
    for (const auto& p : c.in.order.parties) {
        std::string cc;
        if (p.role == Role::payer || p.role == Role::payer_bank || p.role == Role::forwarder) {
            cc = !p.headquarters_country.empty() && g.hq_concern_country(p.headquarters_country) ? p.headquarters_country
               : !p.parent_headquarters_country.empty() && g.hq_concern_country(p.parent_headquarters_country) ? p.parent_headquarters_country
               : "";
        } else if (p.role == Role::buyer && c.in.rules.names_person(p.type) && g.hq_concern_country(p.address.country)) {
            const bool elsewhere = std::any_of(c.in.destinations.countries.begin(), c.in.destinations.countries.end(),
                                               [&](const DestinationCountry& d) { return !d.d5_or_macau; });
            if (elsewhere) cc = p.address.country;
        }
        if (cc.empty()) continue;
        auto& f = c.flag("R11", Severity::review, "high", "flag.r11", {{"who", who(p)}, {"country", country(cc)}});
        f.evidence["inputs"] = party_json(p);
        f.evidence["inputs"]["concern_country"] = cc;
    }
}

std::vector<std::string> phone_countries(const std::string& phone, const RedFlagConfig& flags) {
    std::string digits;
    std::size_t i = 0;
    while (i < phone.size() && phone[i] == ' ') ++i;
    if (i < phone.size() && phone[i] == '+') {
        ++i;
    } else if (phone.compare(i, 2, "00") == 0) {
        i += 2;
    } else {
        return {};  // a national number says nothing about the country
    }
    for (; i < phone.size() && digits.size() < 4; ++i) {
        if (std::isdigit(static_cast<unsigned char>(phone[i]))) digits += phone[i];
        else if (phone[i] != ' ' && phone[i] != '(' && phone[i] != ')' && phone[i] != '-' && phone[i] != '.') break;
    }
    for (std::size_t n = std::min<std::size_t>(4, digits.size()); n > 0; --n) {
        const auto it = flags.phone_codes.find(digits.substr(0, n));
        if (it != flags.phone_codes.end()) return it->second;
    }
    return {};
}

std::string email_country(const std::string& email, const RedFlagConfig& flags) {
    const auto dot = email.rfind('.');
    if (dot == std::string::npos || email.find('@') == std::string::npos) return "";
    std::string tld = email.substr(dot + 1);
    for (auto& ch : tld)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
    if (tld.size() != 2 || contains(flags.generic_tlds, tld)) return "";
    if (const auto it = flags.tld_aliases.find(tld); it != flags.tld_aliases.end()) return it->second;
    std::string cc = tld;
    for (auto& ch : cc) ch = static_cast<char>(ch - 32);
    return is_country_code(cc) ? cc : "";
}

// R12: contact data from another country.
void r12(Ctx& c) {
    const auto& flags = c.in.rules.flags;
    const auto& g = c.in.rules.groups;
    for (const auto& p : c.in.order.parties) {
        const auto& home = p.address.country;
        if (home.empty()) continue;
        auto related = [&](const std::string& cc) { return cc == home || g.effective(cc) == g.effective(home); };
        const auto phone = phone_countries(p.phone, flags);
        const bool phone_mismatch = !phone.empty() && std::none_of(phone.begin(), phone.end(), related);
        const auto mail = email_country(p.email, flags);
        const bool mail_mismatch = !mail.empty() && !related(mail);
        if (!phone_mismatch && !mail_mismatch) continue;
        ojson what = ojson::array();
        std::string contact_cc;
        if (phone_mismatch) {
            what.push_back(msg("flag.r12_phone", {{"phone", quote(p.phone)}, {"country", country(phone.front())}}));
            contact_cc = phone.front();
        }
        if (mail_mismatch) {
            what.push_back(msg("flag.r12_mail", {{"email", quote(p.email)}, {"country", country(mail)}}));
            if (contact_cc.empty()) contact_cc = mail;
        }
        const bool concern = contains(flags.concern_countries, contact_cc) || (mail_mismatch && contains(flags.concern_countries, mail));
        auto& f = c.flag("R12", Severity::review, concern ? "high" : "low", "flag.r12",
                         {{"who", who(p)}, {"country", country(home)}, {"what", what}});
        f.evidence["inputs"] = {{"party", party_json(p)}, {"phone", p.phone}, {"phone_countries", phone}, {"email", p.email},
                                {"email_country", mail}};
    }
}

// R13, R14, R23: declined support; mislabel, under-declare, remove markings or split; tampering with serials.
void r13_r14(Ctx& c) {
    const auto& o = c.in.order;
    if (const auto s = c.said({"support_declined"}); !s.empty()) {
        auto& f = c.flag("R13", Severity::review, "medium", "flag.r13", {{"words", said_msg(o, s)}});
        f.evidence["inputs"] = {{"said", said_json(s)}};
    }
    if (const auto m = c.said({"mislabel", "mislabel_as", "underdeclare", "markings"}); !m.empty()) {
        auto& f = c.flag("R14", Severity::blocked, "high", "flag.r14_mislabel", {{"words", said_msg(o, m)}});
        f.evidence["inputs"] = {{"said", said_json(m)}};
    }
    if (const auto s = c.said({"split"}); !s.empty()) {
        auto& f = c.flag("R14", Severity::review, "medium", "flag.r14_split", {{"words", said_msg(o, s)}});
        f.evidence["inputs"] = {{"said", said_json(s)}};
    }
    if (const auto t = c.said({"tamper"}); !t.empty()) {
        auto& f = c.flag("R23", Severity::blocked, "high", "flag.r23_tamper", {{"words", said_msg(o, t)}});
        f.evidence["inputs"] = {{"said", said_json(t)}};
    }
    for (std::size_t i = 0; i < o.items.size(); ++i) {
        const auto& it = o.items[i];
        const auto& cl = c.in.items[i];
        if (it.declared_description.empty() || !cl.advanced()) continue;
        const auto declared = fold(it.declared_description);
        const auto generic = c.w.declared_generic.find(declared);
        bool names_it = c.w.datacenter_words.find(declared) || c.w.gpu_words.find(declared);
        if (!cl.catalogue_id.empty()) {
            Item probe;
            probe.description = it.declared_description;
            names_it = names_it || classify_item(probe, c.in.rules).catalogue_id == cl.catalogue_id;
        }
        if (names_it && !generic) continue;
        auto& f = c.flag("R14", Severity::blocked, "high", "flag.r14_declared",
                         {{"item", item_msg(it, cl)}, {"declared", quote(it.declared_description)}});
        f.evidence["inputs"] = {{"item", it.path}, {"description", it.description}, {"declared_description", it.declared_description}};
        if (generic && generic->starts_with("adapt")) {
            auto& t = c.flag("R23", Severity::blocked, "high", "flag.r23_declared",
                             {{"item", item_msg(it, cl)}, {"declared", quote(it.declared_description)}});
            t.evidence["inputs"] = {{"item", it.path}, {"declared_description", it.declared_description}, {"word", *generic}};
        }
    }
}

// R19: a chain of intermediaries.
void r19(Ctx& c) {
    if (!c.advanced) return;
    std::vector<std::string> names;
    ojson parties = ojson::array();
    for (const auto& p : c.in.order.parties) {
        // A forwarder hired to ship is normal; intermediate consignees and trading or logistics firms that buy
        // or receive the goods are links in the chain.
        bool intermediary = p.role == Role::intermediate_consignee;
        if (!intermediary && (p.role == Role::buyer || p.role == Role::ship_to || p.role == Role::ultimate_consignee)) {
            const auto kind = party_kind(p, c.w);
            intermediary = kind && kind->first != "bank";
        }
        if (!intermediary) continue;
        const auto key = fold(p.name).text;
        if (contains(names, key)) continue;
        names.push_back(key);
        parties.push_back(party_json(p));
    }
    const double min = c.in.rules.flags.number("intermediaries_min");
    if (static_cast<double>(names.size()) < min) return;
    auto& f = c.flag("R19", Severity::review, "medium", "flag.r19", {{"n", names.size()}});
    f.evidence["inputs"] = {{"intermediaries", parties}, {"threshold", json_number(min)}};
}

// R20: PRC-made advanced ICs.
void r20(Ctx& c) {
    for (std::size_t i = 0; i < c.in.items.size(); ++i) {
        const auto& cl = c.in.items[i];
        if (!cl.prc_made) continue;
        auto& f = c.flag("R20", Severity::review, "medium", "flag.r20", {{"item", item_msg(c.in.order.items[i], cl)}});
        f.evidence["inputs"] = {{"item", c.in.order.items[i].path}, {"catalogue", cl.catalogue_id}};
        f.evidence["citation"] = msg("cite.gp10");
    }
}

bool in_list(const nlohmann::ordered_json& j, const std::string& cc) {
    const auto countries = j.value("countries", nlohmann::ordered_json::array());
    return std::find(countries.begin(), countries.end(), cc) != countries.end();
}

// The parties who end up with the goods: end users and ultimate consignees, else the ship-to.
std::vector<const Party*> receivers_of(const Order& o) {
    std::vector<const Party*> v;
    for (const auto& p : o.parties)
        if (p.role == Role::end_user || p.role == Role::ultimate_consignee) v.push_back(&p);
    if (v.empty())
        for (const auto* p : o.with_role(Role::ship_to)) v.push_back(p);
    return v;
}

// R24: repacked into unmarked boxes, or a South-East Asian pass-through end user for servers [SMCI-26].
void r24(Ctx& c) {
    if (!c.advanced) return;
    const auto repack = c.said({"repack"});
    std::vector<const Party*> pass;
    const bool servers = std::any_of(c.in.items.begin(), c.in.items.end(), [](const ItemClassification& x) {
        return x.system && x.advanced();
    });
    if (servers)
        for (const auto* p : receivers_of(c.in.order)) {
            const auto kind = party_kind(*p, c.w);
            if (kind && kind->first != "bank" && in_list(c.in.rules.flags.pass_through, p->address.country)) pass.push_back(p);
        }
    if (repack.empty() && pass.empty()) return;
    // With a third-party payer (R04) or a hub destination (R10) the pattern is the Supermicro case's: stop.
    const bool with = std::any_of(c.out.begin(), c.out.end(), [](const Finding& f) {
        return (f.rule == "R04" || f.rule == "R10") && f.severity >= Severity::review;
    });
    const auto what = !repack.empty() ? msg("r24.repack", {{"words", said_msg(c.in.order, repack)}})
                                      : msg("r24.pass_through", {{"who", who(*pass.front())},
                                                                 {"country", country(pass.front()->address.country)}});
    auto& f = c.flag("R24", with ? Severity::blocked : Severity::review, "high", with ? "flag.r24_block" : "flag.r24_review",
                     {{"what", what}});
    ojson parties = ojson::array();
    for (const auto* p : pass) parties.push_back(party_json(*p));
    f.evidence["inputs"] = {{"said", said_json(repack)}, {"pass_through_parties", parties},
                            {"pass_through_countries", c.in.rules.flags.pass_through.value("countries", nlohmann::ordered_json::array())},
                            {"with_r04_or_r10", with}};
}

// R25 (no or staged site visits) and R28 (location verification declined): what the buyer writes.
void r25_r28(Ctx& c) {
    if (!c.advanced) return;
    if (const auto a = c.said({"audit"}); !a.empty()) {
        auto& f = c.flag("R25", Severity::review, "high", "flag.r25", {{"words", said_msg(c.in.order, a)}});
        f.evidence["inputs"] = {{"said", said_json(a)}};
    }
    if (const auto l = c.said({"location_declined"}); !l.empty()) {
        const bool blackwell = std::any_of(c.in.items.begin(), c.in.items.end(), [&](const ItemClassification& x) {
            const auto* chip = c.in.rules.catalogue.chip(x.catalogue_id);
            return chip && chip->family == "blackwell";
        });
        auto& f = c.flag("R28", Severity::review, blackwell ? "high" : "medium", "flag.r28", {{"words", said_msg(c.in.order, l)}});
        f.evidence["inputs"] = {{"said", said_json(l)}, {"blackwell_class", blackwell}};
    }
}

// R26: a company dormant for years, reactivated, that suddenly buys datacenter GPUs [INTRO].
void r26(Ctx& c) {
    if (!c.advanced) return;
    const double years = c.in.rules.flags.dormant_years.value("value", 2.0);
    const auto ref = parse_date(c.in.reference_date);
    for (const auto& p : c.in.order.parties) {
        const auto since = parse_date(p.dormant_since);
        if (!since) continue;
        const auto until = p.reactivated.empty() ? ref : parse_date(p.reactivated);
        if (!until || since->years_until(*until) < years) continue;
        auto& f = c.flag("R26", Severity::review, "high", "flag.r26_dates",
                         {{"who", who(p)}, {"since", date(p.dormant_since)}, {"until", p.reactivated.empty() ? ojson("") : date(p.reactivated)},
                          {"years", json_number(since->years_until(*until), 1)}});
        f.evidence["inputs"] = {{"party", party_json(p)}, {"dormant_since", p.dormant_since}, {"reactivated", p.reactivated},
                                {"dormant_years_min", json_number(years)}};
        return;
    }
    if (const auto d = c.said({"dormant"}); !d.empty()) {
        auto& f = c.flag("R26", Severity::review, "medium", "flag.r26_said", {{"words", said_msg(c.in.order, d)}});
        f.evidence["inputs"] = {{"said", said_json(d)}};
    }
}

// R27: a 'small cloud' in MY/ID/SG spun off from, or owned from, the PRC [MEGA].
void r27(Ctx& c) {
    if (!c.advanced) return;
    const auto& g = c.in.rules.groups;
    const auto spin = c.said({"prc_spinoff"});
    for (const auto& p : c.in.order.parties) {
        if (!(p.role == Role::buyer || p.role == Role::end_user || p.role == Role::ultimate_consignee || p.role == Role::ship_to))
            continue;
        if (!in_list(c.in.rules.flags.small_cloud, p.address.country)) continue;
        const bool cloud = !p.business.empty() && c.w.iaas.find(fold(p.business));
        const bool prc_parent = (!p.parent_headquarters_country.empty() && g.hq_concern_country(p.parent_headquarters_country)) ||
                                (!p.headquarters_country.empty() && g.hq_concern_country(p.headquarters_country)) ||
                                std::any_of(c.in.order.parties.begin(), c.in.order.parties.end(), [&](const Party& x) {
                                    return x.role == Role::parent && g.hq_concern_country(x.headquarters_country.empty() ? x.address.country : x.headquarters_country);
                                });
        if (!(cloud && (prc_parent || !spin.empty()))) continue;
        auto& f = c.flag("R27", Severity::review, "high", "flag.r27_cloud",
                         {{"who", who(p)}, {"country", country(p.address.country)}, {"prc_parent", prc_parent ? "yes" : "no"}});
        f.evidence["inputs"] = {{"party", party_json(p)}, {"business", p.business}, {"prc_parent", prc_parent}, {"said", said_json(spin)}};
        return;
    }
    if (!spin.empty()) {
        auto& f = c.flag("R27", Severity::review, "medium", "flag.r27_said", {{"words", said_msg(c.in.order, spin)}});
        f.evidence["inputs"] = {{"said", said_json(spin)}};
    }
}

// R-MY: transit or transhipment through Malaysia needs a Malaysian permit or a 30-day notice [MY-DIR].
void r_my(Ctx& c) {
    if (!c.advanced) return;
    const auto& leg = c.in.rules.flags.malaysia_leg;
    const auto my = leg.value("country", "MY");
    if (!contains(c.in.order.route, my)) return;
    const auto& permit = c.in.order.malaysia_permit;
    auto& f = c.flag("R-MY", permit.empty() ? Severity::review : Severity::info, permit.empty() ? "medium" : "low",
                     permit.empty() ? "flag.rmy_missing" : "flag.rmy_given",
                     {{"country", country(my)}, {"days", leg.value("notice_days", 30)}, {"permit", quote(permit)}});
    f.evidence["inputs"] = {{"route", c.in.order.route}, {"malaysia_permit", permit}};
    f.evidence["citation"] = data_text(leg, "citation");
}

}  // namespace

std::vector<Finding> check_red_flags(const CheckInput& in) {
    Ctx c{in, *in.rules.words, {}};
    c.text = in.rules.words->free_text.scan(in.order);
    c.advanced = std::any_of(in.items.begin(), in.items.end(), [](const ItemClassification& x) { return x.advanced(); });
    c.controlled = std::any_of(in.items.begin(), in.items.end(), [](const ItemClassification& x) { return x.controlled(); });
    c.licence_or_hq = !in.destinations.headquarters.empty() ||
                      std::any_of(in.destinations.countries.begin(), in.destinations.countries.end(),
                                  [](const DestinationCountry& d) { return d.license_set; });
    c.hub_destination = std::any_of(in.destinations.countries.begin(), in.destinations.countries.end(),
                                    [&](const DestinationCountry& d) { return in.rules.flags.hub(d.code) != nullptr; });
    r03(c);
    r04(c);
    r05(c);
    r06(c);
    r07(c);
    r08(c);
    r09(c);
    r10_r15(c);
    r11(c);
    r12(c);
    r13_r14(c);
    r19(c);
    r20(c);
    r24(c);
    r25_r28(c);
    r26(c);
    r27(c);
    r_my(c);
    return std::move(c.out);
}

std::vector<Finding> check_holistic(const CheckInput& in, const std::vector<Finding>& findings) {
    const bool controlled = std::any_of(in.items.begin(), in.items.end(), [](const ItemClassification& x) {
        return x.controlled() || x.cls == ItemClass::letter;
    });
    if (!controlled) return {};
    std::vector<std::string> rules;
    for (const auto& f : findings)
        if (f.kind == "red_flag" && f.severity >= Severity::review && f.level != "low" &&
            contains(in.rules.flags.holistic_flags, f.rule) && !contains(rules, f.rule))
            rules.push_back(f.rule);
    const double min = in.rules.flags.number("escalate_block_min_flags");
    if (static_cast<double>(rules.size()) < min) return {};
    Finding f;
    f.kind = "red_flag";
    f.rule = "R-HOLISTIC";
    f.severity = Severity::blocked;
    f.level = "high";
    f.say("flag.holistic", {{"n", rules.size()}, {"rules", comma_list(rules)}});
    f.evidence = flag_cite(in.rules, "R-HOLISTIC");
    f.evidence["inputs"] = {{"flags", rules}, {"threshold", json_number(min)}};
    return {f};
}

}  // namespace exportcheck
