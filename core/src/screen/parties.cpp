// Party screening (brief §3.1, R01 R02 R17 R22): every name the order gives, with the list semantics:
// a strong match on DPL, SDN, FSE, EL or MEU blocks; on the UVL it asks for the UVL statement; on other
// lists it asks for review; weaker matches ask for review and never block. The party's country and
// address corroborate or weaken a match; listed street addresses (EL address entries) are checked too.
#include "../i18n/wording.hpp"
#include "screen_internal.hpp"

#include <exportcheck/concat.hpp>
#include <exportcheck/bundle.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/sha256.hpp>
#include <exportcheck/text.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace exportcheck {

using namespace wording;
using text::fold_free_text;

std::string party_fingerprint(std::string_view name, std::string_view country) {
    return sha256_hex(fold_free_text(name) + "|" + std::string(country)).substr(0, 16);
}

// Dumped as ordered_json (the same text: the keys stay sorted) so the wasm carries one JSON serializer.
std::string entry_fingerprint(const Entry& entry) {
    return sha256_hex(entry_canonical_text(entry)).substr(0, 16);
}

namespace {

// Street words that say nothing about which building it is.
const std::set<std::string>& street_noise() {
    static const std::set<std::string> s = {"no", "the", "of", "and", "road", "rd", "street", "st", "avenue", "ave",
                                            "building", "bldg", "floor", "fl", "f", "room", "rm", "flat", "unit", "suite",
                                            "district", "city", "province", "hong", "kong", "china", "prc", "kowloon",
                                            "tower", "block", "blk", "centre", "center", "plaza", "lane", "ln", "dist",
                                            "new", "territories", "nt", "sar", "level", "lvl"};
    return s;
}

bool has_digit(const std::string& w) {
    return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void street_parts(std::string_view street, std::vector<std::string>& words, std::vector<std::string>& numbers) {
    for (const auto& word : text::free_text_words(street)) {
        const std::string& w = word.text;
        if (has_digit(w)) {
            std::string digits;
            for (char c : w)
                if (c >= '0' && c <= '9') digits += c;
            if (!contains(numbers, digits)) numbers.push_back(digits);
        } else if (w.size() >= 2 && !street_noise().count(w) && !contains(words, w)) {
            words.push_back(w);
        }
    }
}

bool address_only(const Entry& e) {
    const auto name = fold_free_text(e.name);
    if (name == "address" || name.starts_with("address ")) return true;
    for (const auto& a : e.addresses)
        if (!a.street.empty() && fold_free_text(a.street) == name) return true;
    return false;
}

}  // namespace

AddressIndex::AddressIndex(const std::vector<Entry>& entries) {
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        const bool only = address_only(e);
        for (std::size_t k = 0; k < e.addresses.size(); ++k) {
            const auto& a = e.addresses[k];
            if (a.street.empty() || a.country.empty()) continue;
            Record r;
            r.entry = i;
            r.address = k;
            r.address_only = only;
            street_parts(a.street, r.words, r.numbers);
            // A useful street has a number and two words of its own (not "Moscow, Russia").
            if (r.numbers.empty() || r.words.size() < 2) continue;
            by_country[a.country].push_back(std::move(r));
        }
    }
}

std::vector<const AddressIndex::Record*> AddressIndex::find(const PartyAddress& address) const {
    std::vector<const Record*> out;
    if (address.country.empty() || address.lines.empty()) return out;
    const auto it = by_country.find(address.country);
    if (it == by_country.end()) return out;
    std::string text;
    for (const auto& l : address.lines) text += l + " ";
    text += address.city + " " + address.postal_code;
    std::vector<std::string> words, numbers;
    street_parts(text, words, numbers);
    if (numbers.empty()) return out;
    for (const auto& r : it->second) {
        const bool all_numbers = std::all_of(r.numbers.begin(), r.numbers.end(), [&](const std::string& n) { return contains(numbers, n); });
        if (!all_numbers) continue;
        std::size_t common = 0;
        for (const auto& w : r.words)
            if (contains(words, w)) ++common;
        if (common >= 2 && static_cast<double>(common) >= 0.7 * static_cast<double>(r.words.size())) out.push_back(&r);
    }
    return out;
}

namespace {

struct Query {
    const Party* party = nullptr;   // the party the name belongs to
    std::string name;
    std::string relation;           // "" (the party itself), "parent", "owner"
    std::optional<double> percent;  // owners
    std::string country;
    std::string path;               // field naming the name
    EntityType type = EntityType::unknown;
};

// The same as a message parameter, in the report's language.
ojson describe_msg(const Query& q) {
    if (q.party && (q.party->role == Role::parent || q.party->role == Role::owner) && q.relation != "")
        return msg("who.owner_party", {{"kind", q.party->role == Role::parent ? "parent" : "owner"}, {"name", shorten(q.name)}});
    if (q.relation == "parent")
        return msg("who.parent_of", {{"name", shorten(q.name)}, {"of", who_msg(q.party->role, q.party->name)}});
    if (q.relation == "owner")
        return msg("who.owner_of", {{"name", shorten(q.name)}, {"pct", q.percent ? ojson(json_number(*q.percent, 1)) : ojson("")},
                                    {"of", who_msg(q.party->role, q.party->name)}});
    if (!q.party) return msg("who.field", {{"name", shorten(q.name)}, {"field", q.path}});
    return who_msg(q.party->role, q.name);
}

// A list's name and a hit's effect in the report's language (the rules data carry both).
ojson list_name_msg(const ListAction& a, const std::string& code) {
    if (a.name.empty()) return code;
    return twin(a.name, a.name_fr);
}
ojson effect_msg(const ListAction& a, bool own, const std::string& consequence) {
    if (own) return msg("own.effect", {{"c", consequence == "block" ? "block" : "review"}});
    return twin(a.effect, a.effect_fr);
}

std::vector<std::string> entry_countries(const Entry& e) {
    std::vector<std::string> v;
    for (const auto& a : e.addresses)
        if (!a.country.empty() && !contains(v, a.country)) v.push_back(a.country);
    for (const auto* list : {&e.nationalities, &e.citizenships})
        for (const auto& c : *list)
            if (c.size() == 2 && !contains(v, c)) v.push_back(c);
    return v;
}

std::string address_text(const Address& a) {
    std::vector<std::string> parts;
    for (const auto* s : {&a.street, &a.city, &a.state, &a.postal_code}) if (!s->empty()) parts.push_back(*s);
    parts.push_back(a.country.empty() ? a.country_name : a.country);
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

ojson entry_evidence(const Entry& e, const ListAction& action, bool own) {
    ojson ev;
    ev["list"] = e.list;
    ev["list_name"] = !e.list_name.empty() ? e.list_name : action.name;
    ev["source"] = e.source;
    ev["source_id"] = e.source_id;
    ev["listed_name"] = e.name;
    if (!e.federal_register.empty()) ev["fr_notice"] = e.federal_register;
    if (!e.start_date.empty()) ev["entry_date"] = e.start_date;
    const auto url = !e.source_information_url.empty() ? e.source_information_url : e.source_url;
    if (!url.empty()) ev["source_url"] = url;
    if (!e.programs.empty()) ev["programs"] = e.programs;
    if (!e.license_requirement.empty()) ev["license_requirement"] = e.license_requirement;
    if (!e.license_policy.empty()) ev["license_policy"] = e.license_policy;
    ojson addrs = ojson::array();
    for (std::size_t i = 0; i < e.addresses.size() && i < 3; ++i) addrs.push_back(address_text(e.addresses[i]));
    if (!addrs.empty()) ev["listed_addresses"] = addrs;
    ev["effect"] = own ? ojson(action.effect) : effect_msg(action, false, "");
    if (own) {
        // The reseller's own words: what a match does, and why the party is on their list.
        ev["own_list"] = true;
        ev["consequence"] = e.consequence;
        if (!e.remarks.empty()) ev["remarks"] = e.remarks;
    } else {
        ev["list_confidence"] = action.confidence;
    }
    return ev;
}

// The matcher's explanation with its reasons as messages: the report shows them in its language (finding_json).
// Keys in explanation_json's (alphabetical) order.
ojson explanation_msg(const Explanation& x) {
    ojson j = ojson::object();
    if (!x.notes.empty()) {
        ojson notes = ojson::array();
        for (const auto& n : x.notes) notes.push_back(reason_msg(n));
        j["notes"] = std::move(notes);
    }
    ojson pairs = ojson::array();
    for (const auto& p : x.pairs)
        pairs.push_back({{"listed", p.listed}, {"query", p.query}, {"similarity", round_score(p.similarity)},
                         {"why", reason_msg(p.why)}});
    j["pairs"] = std::move(pairs);
    if (!x.unmatched_listed.empty()) j["unmatched_listed"] = x.unmatched_listed;
    if (!x.unmatched_query.empty()) j["unmatched_query"] = x.unmatched_query;
    return j;
}

// Where names are looked up: the bundle's lists, then the reseller's own list.
struct Source {
    const Matcher& matcher;
    const AddressIndex& addresses;
    bool own = false;
};

// An entry with a consequence is the reseller's own (only own lists say what a match should do), whether
// it came in through the own list or was built into the bundle with `bundle build --list`.
bool own_entry(const Source& src, const Entry& e) { return src.own || !e.consequence.empty(); }

// What a hit on the entry does. An own-list entry does what the reseller's consequence says.
ListAction action_for(const RulesData& rules, const Source& src, const Entry& e) {
    auto action = rules.license.action_for(e.list);
    if (own_entry(src, e)) {
        action.action = e.consequence == "block" ? "blocked" : "review";
        action.rule = "OWN";
        action.name = e.list_name.empty() ? "your own list" : e.list_name;
        action.effect = concat("your own list says: ", e.consequence == "block" ? "block" : "review",
                               " (your own list, not an official restricted-party list)");
        action.confidence = "";
    }
    return action;
}

// A name the lists can be searched for has at least one word of a name in it. Punctuation ("...", "-/-"),
// symbols, a lone initial or a bare legal form ("Ltd.") give the matcher nothing to compare: no hit would
// then be read as no match, so such a name is a gap in the screening, not a clean party.
bool screenable(const std::string& name, EntityType type) {
    const auto tokens = text::normalize_name(name, type).tokens;
    return std::any_of(tokens.begin(), tokens.end(), [](const text::Token& t) {
        return t.kind == text::TokenKind::word || t.kind == text::TokenKind::generic;
    });
}

struct Screening {
    const PartyScreenInput& in;
    std::vector<Source> sources;
    std::vector<Finding> out;
    std::set<std::tuple<std::string, std::size_t, std::size_t>> named;  // (party path, source, entry) already reported

    void query(const Query& q) {
        if (q.name.empty()) return;
        if (!screenable(q.name, q.type)) return unscreenable(q);
        MatchQuery mq;
        mq.name = q.name;
        mq.type = q.type;
        mq.country = q.country;
        for (std::size_t s = 0; s < sources.size(); ++s) {
            const auto& src = sources[s];
            const auto& entries = src.matcher.entries();
            for (const auto& hit : src.matcher.match(mq, 5)) {
                report(q, src, entries[hit.entry], hit);
                named.insert({q.path, s, hit.entry});
            }
        }
    }

    // DQ-NAME: the order is not fully evaluated, so it asks for review (never clear).
    void unscreenable(const Query& q) {
        const auto field = q.party ? q.path + ".name" : q.path;  // "parties[0].parent.name"; "payment.payer"
        Finding f;
        f.kind = "data_quality";
        f.rule = "DQ-NAME";
        f.severity = Severity::review;
        f.say("party.unscreenable", {{"name", quote(q.name)}, {"field", field}});
        f.evidence = {{"field", field},
                      {"name", q.name},
                      {"reason", "only punctuation, symbols, initials or a legal form: the matcher has nothing to compare, "
                                 "and no hit is not a clean result"},
                      {"citation", "15 CFR Part 732, Supp. No. 3 (BIS 'Know Your Customer' guidance and red flags); the "
                                   "restricted-party check of every party (R01)"}};
        const auto& r01 = in.rules.flags.flags.value("R01", nlohmann::ordered_json::object());
        if (r01.contains("sources")) f.evidence["sources"] = ojson(r01["sources"]);
        out.push_back(std::move(f));
    }

    void report(const Query& q, const Source& src, const Entry& e, const Hit& hit) {
        const auto& groups = in.rules.groups;
        const bool own = own_entry(src, e);
        const auto action = action_for(in.rules, src, e);
        const double score = round_score(hit.score);
        const bool strong = hit.score >= kStrongMatch;
        // Corroboration by country and address.
        const auto listed_countries = entry_countries(e);
        std::optional<bool> country_agrees;
        if (!q.country.empty() && !listed_countries.empty())
            country_agrees = std::any_of(listed_countries.begin(), listed_countries.end(), [&](const std::string& c) {
                return c == q.country || groups.effective(c) == groups.effective(q.country);
            });
        std::string address_note;
        ojson note_msg;
        if (q.party && q.path == q.party->path) {  // the party's own name: its address can corroborate
            for (const auto* r : src.addresses.find(q.party->address))
                if (&src.matcher.entries()[r->entry] == &e) {
                    address_note = "the party's street address matches a listed address";
                    note_msg = msg("corr.street");
                }
            if (address_note.empty() && !q.party->address.city.empty())
                for (const auto& a : e.addresses)
                    if (!a.city.empty() && fold_free_text(a.city) == fold_free_text(q.party->address.city)) {
                        address_note = "same city as a listed address (" + a.city + ")";
                        note_msg = msg("corr.city", {{"city", a.city}});
                    }
        }
        if (address_note.empty()) {
            address_note = !country_agrees ? "no country to compare"
                         : *country_agrees ? "the country agrees with the entry's"
                                           : concat("the entry is listed in ", join(listed_countries, ", "), ", the party is in ", q.country);
            ojson listed_in = ojson::array();
            for (const auto& c : listed_countries) listed_in.push_back(country(c));
            note_msg = !country_agrees ? msg("corr.no_country")
                     : *country_agrees ? msg("corr.agrees")
                                       : msg("corr.differs", {{"listed", comma_list(listed_in)}, {"party", country(q.country)}});
        }

        const bool is_uvl = action.rule == "R22";
        const bool ownership = !q.relation.empty();
        Severity sev;
        std::string id;
        ojson p;
        const auto listed = quote(e.name);
        const auto alias = hit.matched_name != e.name ? quote(hit.matched_name) : std::string();
        // "the Entity List entry "X" (as "Y")", or for the reseller's own: "the entry "X" of your own list".
        const auto entry_ref = own ? msg("entry.own", {{"name", listed}, {"alias", alias},
                                                       {"list", e.list_name.empty() ? std::string() : quote(e.list_name)}})
                                   : msg("entry.ref", {{"list", list_name_msg(action, e.list)}, {"name", listed}, {"alias", alias}});
        const auto effect = effect_msg(action, own, e.consequence);
        const ojson base = {{"who", describe_msg(q)}, {"entry", entry_ref}, {"score", score}};
        auto with = [&](ojson extra) {
            ojson o = base;
            for (auto it = extra.begin(); it != extra.end(); ++it) o[it.key()] = it.value();
            return o;
        };
        // A person is known by more than a name: a listed person's name on a party in a country the entry never
        // mentions, or a partial match with no country agreeing, is set aside (logged, not counted).
        // Organisations keep their branches abroad: a strong organisation match in another country still asks
        // for review.
        const bool person = e.type == EntityType::person || q.type == EntityType::person;
        if (person && country_agrees == false) {
            sev = Severity::info;
            id = "match.aside_person";
            p = with({{"note", note_msg}});
        } else if (person && !strong && country_agrees != true) {
            // A partial match on a person's name, with no country to back it, is the classic false positive.
            sev = Severity::info;
            id = "match.aside_partial";
            p = with({{"note", note_msg}});
        } else if (strong && country_agrees != false) {
            if (ownership) {
                p = base;
                sev = owner_severity(q, e, action, id, p);
            } else if (action.action == "blocked") {
                sev = Severity::blocked;
                id = "match.block";
                p = with({{"effect", effect}});
            } else {
                sev = Severity::review;
                id = is_uvl ? "match.uvl" : "match.review";
                p = with({{"effect", effect}});
            }
        } else if (strong) {
            sev = Severity::review;
            id = "match.same_name_elsewhere";
            p = with({{"note", note_msg}, {"effect", own ? effect : ojson("")}});
        } else if (country_agrees == false) {
            sev = Severity::info;
            id = "match.aside_country";
            p = with({{"note", note_msg}});
        } else {
            sev = Severity::review;
            id = "match.possible";
            p = with({{"effect", own ? effect : ojson("")}});
        }
        Finding f;
        f.kind = "party_match";
        f.rule = ownership ? "R17" : is_uvl ? "R22" : own ? "OWN" : "R01";
        f.severity = sev;
        f.say(id, std::move(p));
        ojson ev;
        ev["party"] = q.party ? q.party->path : q.path;
        ev["role"] = q.party ? role_msg(q.party->role) : role_msg(Role::payer);
        ev["name"] = q.name;
        if (!q.relation.empty()) ev["relation"] = q.relation;
        if (q.percent) ev["percent"] = json_number(*q.percent);
        ev["country"] = q.country;
        merge_into(ev, entry_evidence(e, action, own));
        ev["matched_name"] = hit.matched_name;
        ev["score"] = score;
        ev["strength"] = strong ? "strong" : "possible";
        ev["thresholds"] = {{"report", kReportThreshold}, {"strong", kStrongMatch}};
        ev["corroboration"] = note_msg;  // rendered in the report's language (finding_json)
        ev["explanation"] = explanation_msg(hit.explanation);
        if (!own) ev["sources"] = in.rules.license.list_pedigree.sources;
        ev["party_fingerprint"] = party_fingerprint(q.name, q.country);
        ev["entry_fingerprint"] = entry_fingerprint(e);
        f.evidence = std::move(ev);
        out.push_back(std::move(f));
    }

    // R17: a listed owner or parent. OFAC's 50% rule always; BIS's Affiliates Rule when in force.
    Severity owner_severity(const Query& q, const Entry& e, const ListAction& action, std::string& id, ojson& p) {
        const auto& own = in.rules.license.ownership;
        const double control = own.value("control_percent", 50.0);
        const bool controlling = q.relation == "parent" || (q.percent && *q.percent >= control);
        const auto ofac = own.value("ofac_lists", nlohmann::ordered_json::array());
        const auto bis = own.value("bis_lists", nlohmann::ordered_json::array());
        const bool is_ofac = std::find(ofac.begin(), ofac.end(), e.list) != ofac.end();
        const bool is_bis = std::find(bis.begin(), bis.end(), e.list) != bis.end();
        if (controlling && is_ofac) {
            id = "owner.ofac50";
            return Severity::blocked;
        }
        if (controlling && is_bis) {
            // The Affiliates Rule's state is the rules' call (stayed / active / unknown, with its confidence).
            const auto state = affiliates_rule_state(in.rules, in.reference_date);
            const bool us = q.party && q.party->address.country == "US" &&
                            own.value("affiliates_rule", nlohmann::ordered_json::object()).value("us_subsidiaries_excluded", false);
            if (state.state == "active" && !us) {
                id = "owner.affiliates";
                p["note"] = state.note_msg;
                return Severity::blocked;
            }
            id = us ? "owner.affiliates_us" : "owner.affiliates_state";
            p["state"] = state.state;
            p["note"] = state.note_msg;
            return Severity::review;
        }
        if (controlling && action.action == "blocked") {
            id = "owner.controlled";
            return Severity::review;
        }
        id = q.relation == "owner" && !q.percent && is_bis ? "owner.share_unknown" : "owner.minority";
        return Severity::review;
    }

    // R02: the party's address is a listed address.
    void addresses(const Party& p) {
        for (std::size_t s = 0; s < sources.size(); ++s) addresses(p, s);
    }

    void addresses(const Party& p, std::size_t source) {
        const auto& src = sources[source];
        const auto& entries = src.matcher.entries();
        std::set<std::size_t> seen;
        for (const auto* r : src.addresses.find(p.address)) {
            if (named.count({p.path, source, r->entry}) || !seen.insert(r->entry).second) continue;
            const auto& e = entries[r->entry];
            const bool own = own_entry(src, e);
            const auto action = action_for(in.rules, src, e);
            Finding f;
            f.kind = "party_match";
            f.rule = "R02";
            const bool block = r->address_only && action.action == "blocked";
            f.severity = block ? Severity::blocked : Severity::review;
            const auto& a = e.addresses[r->address];
            const auto where = own ? msg("list.own") : msg("list.the", {{"list", list_name_msg(action, e.list)}});
            const auto effect = effect_msg(action, own, e.consequence);
            f.say(block ? "address.block" : "address.review",
                  {{"who", who_msg(p.role, p.name)}, {"listed", e.name}, {"where", where}, {"street", a.street},
                   {"effect", block || own ? effect : ojson("")}});
            ojson ev;
            ev["party"] = p.path;
            ev["role"] = std::string(to_string(p.role));
            ev["name"] = p.name;
            ev["country"] = p.address.country;
            ev["party_address"] = p.address.lines;
            merge_into(ev, entry_evidence(e, action, own));
            ev["matched_address"] = address_text(a);
            ev["address_entry"] = r->address_only;
            if (!own) ev["sources"] = in.rules.license.list_pedigree.sources;
            ev["party_fingerprint"] = party_fingerprint(p.name, p.address.country);
            ev["entry_fingerprint"] = entry_fingerprint(e);
            f.evidence = std::move(ev);
            out.push_back(std::move(f));
        }
    }
};

EntityType party_type(const std::string& type, const RulesData& rules) {
    if (type.empty()) return EntityType::unknown;
    if (rules.names_person(type)) return EntityType::person;
    return EntityType::organization;
}

}  // namespace

namespace {

// The same name under several roles ("ship to: same as buyer") hits the same entry once per role: one finding
// that names every role it concerns ("the buyer and the ship-to party "X""), with every party path in evidence.
void merge_same_party(std::vector<Finding>& findings) {
    std::map<std::string, std::size_t> first;  // key -> index of the finding that keeps the others' roles
    std::vector<Finding> kept;
    for (auto& f : findings) {
        const auto& e = f.evidence;
        const bool direct = f.kind == "party_match" && !e.contains("relation") && e.value("party", "").starts_with("parties[") &&
                            f.params.contains("who") && f.params["who"].value("$m", "") == "party.who";
        if (!direct) {
            kept.push_back(std::move(f));
            continue;
        }
        const auto key = concat(f.rule, "|", f.message_id, "|", e.value("list", ""), "|", e.value("source_id", ""), "|",
                                e.value("name", ""), "|", e.value("country", ""));
        const auto it = first.find(key);
        if (it == first.end()) {
            first.emplace(key, kept.size());
            kept.push_back(std::move(f));
            continue;
        }
        auto& k = kept[it->second];
        if (!k.evidence.contains("parties")) {
            k.evidence["parties"] = ojson::array({k.evidence["party"]});
            k.evidence["roles"] = ojson::array({k.evidence["role"]});
            k.params["who"] = msg("party.who_many", {{"roles", ojson::array({k.params["who"]["p"]["role"]})},
                                                     {"name", k.params["who"]["p"]["name"]}});
        }
        k.evidence["parties"].push_back(e["party"]);
        k.evidence["roles"].push_back(e["role"]);
        k.params["who"]["p"]["roles"].push_back(f.params["who"]["p"]["role"]);
        k.message = k.text(Lang::en);
    }
    findings = std::move(kept);
}

}  // namespace

std::vector<Finding> screen_parties(const PartyScreenInput& in) {
    Screening s{in, {{in.matcher, in.addresses, false}}, {}, {}};
    if (in.own_list) s.sources.push_back({in.own_list->matcher(), in.own_list->state().addresses, true});
    for (const auto& p : in.order.parties) {
        Query q;
        q.party = &p;
        q.name = p.name;
        q.country = p.address.country.empty() ? p.headquarters_country : p.address.country;
        q.path = p.path;
        q.type = party_type(p.type, in.rules);
        if (p.role == Role::parent) q.relation = "parent";  // an ultimate parent given as a party: R17
        if (p.role == Role::owner) q.relation = "owner";
        s.query(q);
        if (!p.parent_name.empty()) {
            Query pq;
            pq.party = &p;
            pq.name = p.parent_name;
            pq.relation = "parent";
            pq.country = p.parent_headquarters_country;
            pq.path = p.path + ".parent";
            pq.type = EntityType::organization;
            s.query(pq);
        }
        for (std::size_t i = 0; i < p.ownership.size(); ++i) {
            const auto& o = p.ownership[i];
            Query oq;
            oq.party = &p;
            oq.name = o.name;
            oq.relation = "owner";
            oq.percent = o.percent;
            oq.country = o.country;
            oq.path = concat(p.path, ".ownership[", i, "]");
            s.query(oq);
        }
        s.addresses(p);
    }
    const auto& pay = in.order.payment;
    for (const auto& [name, country, path] : {std::tuple{pay.payer, pay.from_country, std::string("payment.payer")},
                                              std::tuple{pay.bank, pay.bank_country, std::string("payment.bank")}}) {
        if (name.empty()) continue;
        Query q;
        q.name = name;
        q.country = country;
        q.path = path;
        s.query(q);
    }
    merge_same_party(s.out);
    return std::move(s.out);
}

Result<std::vector<Clearance>> clearances_from_json(const nlohmann::ordered_json& j) {
    std::vector<Clearance> out;
    if (j.is_null()) return out;
    const auto bad = [](std::string field, ojson what) {
        return Error("bad_clearances", Message{"in.field", {{"field", std::move(field)}, {"what", std::move(what)}}});
    };
    if (!j.is_array()) return bad("clearances", msg("in.expected_list", {{"what", ""}}));
    for (std::size_t i = 0; i < j.size(); ++i) {
        const auto where = concat("clearances[", i, "]");
        if (!j[i].is_object()) return bad(where, msg("in.expected_object"));
        std::string missing;  // the first field missing, if any
        auto field = [&](const char* key) {
            const auto it = j[i].find(key);
            if (it == j[i].end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
                if (missing.empty()) missing = key;
                return std::string();
            }
            return it->get<std::string>();
        };
        Clearance c;
        c.party_fingerprint = field("party_fingerprint");
        c.list = field("list");
        c.source_id = field("source_id");
        c.entry_fingerprint = field("entry_fingerprint");
        c.reason = field("reason");
        c.by = field("by");
        c.at = field("at");
        if (!missing.empty()) return bad(where + "." + missing, msg("in.missing"));
        out.push_back(std::move(c));
    }
    return out;
}

void apply_clearances(std::vector<Finding>& findings, const std::vector<Clearance>& clearances) {
    for (auto& f : findings) {
        if (f.kind != "party_match") continue;
        const auto pf = f.evidence.value("party_fingerprint", "");
        const auto list = f.evidence.value("list", "");
        const auto id = f.evidence.value("source_id", "");
        const auto ef = f.evidence.value("entry_fingerprint", "");
        for (const auto& c : clearances) {
            if (c.party_fingerprint != pf || c.list != list || c.source_id != id) continue;
            ojson record = {{"reason", c.reason}, {"by", c.by}, {"at", c.at}, {"entry_fingerprint", c.entry_fingerprint}};
            if (c.entry_fingerprint == ef) {
                f.evidence["cleared"] = record;
                f.evidence["severity_before_clearance"] = std::string(to_string(f.severity));
                f.severity = Severity::cleared;
                f.say("match.cleared", {{"by", c.by}, {"at", c.at}, {"reason", c.reason},
                                        {"finding", msg(f.message_id, f.params)}});
            } else {
                f.evidence["stale_clearance"] = record;
                f.then("match.stale_clearance", {{"by", c.by}, {"at", c.at}});
            }
            break;
        }
    }
}

}  // namespace exportcheck
