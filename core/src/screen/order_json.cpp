// An order from JSON, with errors that name the field. Lenient where it costs nothing (a role written
// "Ship-To", an address given as one line, a quantity given as "8"), strict where a wrong guess could let
// an order pass (wrong types are errors; unknown countries and roles become review issues).
#include <exportcheck/countries.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/limits.hpp>
#include <exportcheck/order.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace exportcheck {
namespace {

using json = nlohmann::ordered_json;

// A refused field: its path as the order wrote it, and what is wrong as a message (in.*, messages_input.inc).
[[noreturn]] void bad_order(const std::string& field, nlohmann::ordered_json what) {
    throw Error("bad_order", Message{"in.field", {{"field", field}, {"what", std::move(what)}}});
}

std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return s;
}

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

// A string field; numbers are accepted and written as text. Null and absent give "". Text beyond the
// documented limit (exportcheck/limits.hpp) is refused, never truncated.
std::string str(const json& j, const std::string& field, std::size_t max = limits::kMaxTextFieldBytes) {
    if (j.is_null()) return "";
    if (j.is_string()) {
        const auto& text = j.get_ref<const std::string&>();
        if (text.size() > max)
            bad_order(field, msg("in.too_long", {{"size", std::to_string(text.size())},
                                            {"kind", max == limits::kMaxNameBytes ? "names" : "text"},
                                            {"max", std::to_string(max)}}));
        return trim(text);
    }
    if (j.is_number_integer()) return std::to_string(j.get<long long>());
    if (j.is_number()) return fmt::format("{}", j.get<double>());
    bad_order(field, msg("in.expected_text"));
}

std::optional<double> num(const json& j, const std::string& field) {
    if (j.is_null()) return std::nullopt;
    if (j.is_number()) return j.get<double>();
    if (j.is_string()) {
        auto s = trim(j.get<std::string>());
        if (s.empty()) return std::nullopt;
        std::string digits;
        for (char c : s)
            if (c != ',' && c != '_' && c != ' ' && c != '$') digits += c;
        char* end = nullptr;
        const double v = std::strtod(digits.c_str(), &end);
        if (!digits.empty() && end && *end == '\0' && std::isfinite(v)) return v;
        bad_order(field, msg("in.expected_number_got", {{"value", s}}));
    }
    bad_order(field, msg("in.expected_number"));
}

std::optional<bool> boolean(const json& j, const std::string& field) {
    if (j.is_null()) return std::nullopt;
    if (j.is_boolean()) return j.get<bool>();
    if (j.is_string()) {
        const auto s = lower(trim(j.get<std::string>()));
        if (s.empty()) return std::nullopt;
        if (s == "true" || s == "yes" || s == "y" || s == "1") return true;
        if (s == "false" || s == "no" || s == "n" || s == "0") return false;
        bad_order(field, msg("in.expected_bool_got", {{"value", j.get<std::string>()}}));
    }
    bad_order(field, msg("in.expected_bool"));
}

// Reads a country field: ISO alpha-2 (any case) or a name. Unknown -> "" with a review issue.
std::string order_country(const json& j, const std::string& field, Order& order) {
    const auto input = str(j, field);
    if (input.empty()) return "";
    const auto cc = country_code(input);
    if (cc.empty())
        order.issues.push_back({field, fmt::format("\"{}\" is not a country this engine knows (ISO 3166 alpha-2 expected): "
                                                   "the rules that depend on it cannot be checked", input), true,
                                "dq.unknown_country", {{"value", input}}});
    return cc;
}

// The roles whose country is where the goods go.
bool is_destination(Role r) {
    return r == Role::ship_to || r == Role::ultimate_consignee || r == Role::end_user || r == Role::intermediate_consignee;
}

void unknown_field(Order& order, const std::string& field) {
    order.issues.push_back({field, "not a field of the order format: ignored", false, "dq.unknown_field", {}});
}

PartyAddress read_address(const json& a, const std::string& field, Order& order) {
    PartyAddress addr;
    if (a.is_null()) return addr;
    if (a.is_string()) {
        addr.lines.push_back(trim(a.get<std::string>()));
        return addr;
    }
    if (!a.is_object()) bad_order(field, msg("in.expected_address", {{"shape", "{lines, city, postal_code, country}"}}));
    for (const auto& [key, v] : a.items()) {
        const auto f = field + "." + key;
        if (key == "lines") {
            if (v.is_string()) {
                addr.lines.push_back(str(v, f));
            } else if (v.is_array()) {
                for (std::size_t i = 0; i < v.size(); ++i) addr.lines.push_back(str(v[i], fmt::format("{}[{}]", f, i)));
            } else if (!v.is_null()) {
                bad_order(f, msg("in.expected_list", {{"what", "lines"}}));
            }
        } else if (key == "line1" || key == "line2" || key == "line3" || key == "street" || key == "address") {
            if (auto s = str(v, f); !s.empty()) addr.lines.push_back(s);
        } else if (key == "city") {
            addr.city = str(v, f);
        } else if (key == "state" || key == "region" || key == "province") {
            addr.state = str(v, f);
        } else if (key == "postal_code" || key == "zip" || key == "postcode") {
            addr.postal_code = str(v, f);
        } else if (key == "country") {
            addr.country_input = str(v, f);
            addr.country = order_country(v, f, order);
        } else if (key == "type") {
            addr.type = lower(str(v, f));
        } else {
            unknown_field(order, f);
        }
    }
    return addr;
}

// "parent": a name, or {name, headquarters_country}.
void read_parent(const json& v, const std::string& f, Party& party, Order& order) {
    if (v.is_string()) {
        party.parent_name = str(v, f, limits::kMaxNameBytes);
    } else if (v.is_object()) {
        for (const auto& [pk, pv] : v.items()) {
            const auto pf = f + "." + pk;
            if (pk == "name") party.parent_name = str(pv, pf, limits::kMaxNameBytes);
            else if (pk == "headquarters_country" || pk == "country" || pk == "hq_country")
                party.parent_headquarters_country = order_country(pv, pf, order);
            else unknown_field(order, pf);
        }
    } else if (!v.is_null()) {
        bad_order(f, msg("in.expected_shape_or_name", {{"shape", "{name, headquarters_country}"}}));
    }
}

// One owner of "ownership": {name, percent, country}.
Owner read_owner(const json& v, const std::string& of, Order& order) {
    if (!v.is_object()) bad_order(of, msg("in.expected_shape", {{"shape", "{name, percent, country}"}}));
    Owner o;
    for (const auto& [ok, ov] : v.items()) {
        const auto okf = of + "." + ok;
        if (ok == "name") o.name = str(ov, okf, limits::kMaxNameBytes);
        else if (ok == "percent" || ok == "share") o.percent = num(ov, okf);
        else if (ok == "country" || ok == "headquarters_country") o.country = order_country(ov, okf, order);
        else unknown_field(order, okf);
    }
    if (o.percent && (*o.percent < 0 || *o.percent > 100)) bad_order(of + ".percent", msg("in.between_0_100"));
    if (o.name.empty()) bad_order(of + ".name", msg("in.missing"));
    return o;
}

void read_owners(const json& v, const std::string& f, Party& party, Order& order) {
    if (v.is_null()) return;
    if (!v.is_array()) bad_order(f, msg("in.expected_list_of", {{"shape", "{name, percent, country}"}}));
    for (std::size_t i = 0; i < v.size(); ++i) party.ownership.push_back(read_owner(v[i], fmt::format("{}[{}]", f, i), order));
}

// A party's own country ("country" beside "address"): the address's, unless the address names one.
void read_party_country(const json& v, const std::string& f, Party& party, Order& order) {
    const auto top_country = str(v, f);
    if (!top_country.empty() && party.address.country_input.empty()) {
        party.address.country_input = top_country;
        party.address.country = order_country(v, f, order);
    }
}

// Who the party is and how to reach it; false when `key` is none of these fields.
bool read_party_identity(const std::string& key, const json& v, const std::string& f, Party& party, Order& order) {
    if (key == "role") party.role_input = str(v, f);
    else if (key == "name") party.name = str(v, f, limits::kMaxNameBytes);
    else if (key == "type" || key == "kind") party.type = lower(str(v, f));
    else if (key == "address") party.address = read_address(v, f, order);
    else if (key == "country") read_party_country(v, f, party, order);
    else if (key == "email") party.email = str(v, f);
    else if (key == "phone" || key == "telephone") party.phone = str(v, f);
    else if (key == "website" || key == "web") party.website = str(v, f);
    else return false;
    return true;
}

// The company's history and owners (the red flags read them); false when `key` is none of these fields.
bool read_party_company(const std::string& key, const json& v, const std::string& f, Party& party, Order& order) {
    if (key == "business" || key == "industry") party.business = str(v, f);
    else if (key == "established" || key == "incorporated" || key == "founded") party.established = str(v, f);
    else if (key == "dormant_since") party.dormant_since = str(v, f);
    else if (key == "reactivated") party.reactivated = str(v, f);
    else if (key == "headquarters_country" || key == "hq_country") party.headquarters_country = order_country(v, f, order);
    else if (key == "parent") read_parent(v, f, party, order);
    else if (key == "ownership" || key == "owners") read_owners(v, f, party, order);
    else return false;
    return true;
}

// Fields a party may carry that screening does not read.
bool informational_party_field(const std::string& key) {
    return key == "id" || key == "notes" || key == "contact" || key == "contact_name" || key == "tax_id" ||
           key == "registration_number" || key == "vat";
}

// The party's role as written, else the role its place in the order gives (`role_hint`); an unknown role is
// kept as `other` with a review issue.
void settle_role(Party& party, const std::string& field, std::optional<Role> role_hint, Order& order) {
    if (!party.role_input.empty()) {
        if (auto r = role_from(party.role_input)) {
            party.role = *r;
        } else {
            party.role = Role::other;
            order.issues.push_back({field + ".role",
                                    fmt::format("\"{}\" is not a role this engine knows (buyer, ship_to, ultimate_consignee, "
                                                "end_user, forwarder, intermediate_consignee, payer, payer_bank, parent): the "
                                                "party is screened against the lists but no role rule applies", party.role_input),
                                    true, "dq.unknown_role", {{"value", party.role_input}}});
        }
    } else if (role_hint) {
        party.role = *role_hint;
        party.role_input = std::string(to_string(*role_hint));
    } else {
        bad_order(field + ".role", msg("in.missing"));
    }
}

Party read_party(const json& p, const std::string& field, std::optional<Role> role_hint, Order& order) {
    if (!p.is_object()) bad_order(field, msg("in.expected_object"));
    Party party;
    party.path = field;
    for (const auto& [key, v] : p.items()) {
        const auto f = field + "." + key;
        if (!read_party_identity(key, v, f, party, order) && !read_party_company(key, v, f, party, order) &&
            !informational_party_field(key))
            unknown_field(order, f);
    }
    settle_role(party, field, role_hint, order);
    if (party.name.empty()) bad_order(field + ".name", msg("in.party_no_name"));
    return party;
}

Item read_item(const json& it, const std::string& field, Order& order) {
    if (it.is_string()) {
        Item item;
        item.path = field;
        item.description = trim(it.get<std::string>());
        return item;
    }
    if (!it.is_object()) bad_order(field, msg("in.expected_object"));
    Item item;
    item.path = field;
    for (const auto& [key, v] : it.items()) {
        const auto f = field + "." + key;
        if (key == "description" || key == "name" || key == "title") {
            const auto s = str(v, f);
            if (!s.empty()) item.description += (item.description.empty() ? "" : " ") + s;
        } else if (key == "model" || key == "sku" || key == "part_number" || key == "mpn") {
            const auto s = str(v, f);
            if (!s.empty()) item.model += (item.model.empty() ? "" : " ") + s;
        } else if (key == "declared_description" || key == "customs_description") {
            item.declared_description = str(v, f);
        } else if (key == "quantity" || key == "qty") {
            if (auto q = num(v, f)) {
                if (!(*q > 0)) bad_order(f, msg("in.more_than_0"));
                item.quantity = *q;
                item.quantity_given = true;
            }
        } else if (key == "unit_price" || key == "price") {
            item.unit_price = num(v, f);
            if (item.unit_price && *item.unit_price < 0) bad_order(f, msg("in.not_negative"));
        } else if (key == "currency") {
            item.currency = str(v, f);
            for (auto& c : item.currency) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        } else if (key == "eccn") {
            item.eccn = str(v, f);
        } else if (key == "tpp") {
            item.tpp = num(v, f);
            if (item.tpp && *item.tpp < 0) bad_order(f, msg("in.not_negative"));
        } else if (key == "die_area_mm2" || key == "die_area") {
            item.die_area_mm2 = num(v, f);
            if (item.die_area_mm2 && *item.die_area_mm2 <= 0) bad_order(f, msg("in.more_than_0"));
        } else if (key == "memory_bandwidth_gbs") {
            item.memory_bandwidth_gbs = num(v, f);
        } else if (key == "datacenter") {
            item.datacenter = boolean(v, f);
        } else if (key == "id" || key == "notes" || key == "line" || key == "vendor" || key == "manufacturer" ||
                   key == "brand" || key == "category") {
            if (key == "vendor" || key == "manufacturer" || key == "brand") {
                const auto s = str(v, f);
                if (!s.empty()) item.model += (item.model.empty() ? "" : " ") + s;
            }
        } else {
            unknown_field(order, f);
        }
    }
    if (item.description.empty() && item.model.empty())
        bad_order(field + ".description", msg("in.item_no_description"));
    return item;
}

}  // namespace

std::string_view to_string(Role role) noexcept {
    switch (role) {
        case Role::buyer: return "buyer";
        case Role::ship_to: return "ship_to";
        case Role::ultimate_consignee: return "ultimate_consignee";
        case Role::end_user: return "end_user";
        case Role::forwarder: return "forwarder";
        case Role::intermediate_consignee: return "intermediate_consignee";
        case Role::payer: return "payer";
        case Role::payer_bank: return "payer_bank";
        case Role::parent: return "parent";
        case Role::owner: return "owner";
        case Role::other: return "other";
    }
    return "other";
}

std::optional<Role> role_from(std::string_view text) {
    std::string s;
    for (char c : text) {
        if (c == '-' || c == ' ' || c == '.') c = '_';
        s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    while (!s.empty() && s.back() == '_') s.pop_back();
    static const std::pair<const char*, Role> names[] = {
        {"buyer", Role::buyer}, {"customer", Role::buyer}, {"purchaser", Role::buyer}, {"sold_to", Role::buyer},
        {"ship_to", Role::ship_to}, {"shipto", Role::ship_to}, {"deliver_to", Role::ship_to}, {"delivery", Role::ship_to},
        {"ultimate_consignee", Role::ultimate_consignee}, {"consignee", Role::ultimate_consignee},
        {"end_user", Role::end_user}, {"enduser", Role::end_user}, {"ultimate_end_user", Role::end_user},
        {"forwarder", Role::forwarder}, {"freight_forwarder", Role::forwarder},
        {"intermediate_consignee", Role::intermediate_consignee},
        {"payer", Role::payer}, {"bill_to", Role::payer},
        {"payer_bank", Role::payer_bank}, {"bank", Role::payer_bank},
        {"parent", Role::parent}, {"ultimate_parent", Role::parent}, {"owner", Role::owner},
    };
    for (const auto& [name, role] : names)
        if (s == name) return role;
    return std::nullopt;
}

std::vector<const Party*> Order::with_role(Role role) const {
    std::vector<const Party*> out;
    for (const auto& p : parties)
        if (p.role == role) out.push_back(&p);
    return out;
}

namespace {

// "parties" or "items": a list of at most `max`, each read by `read`.
template <class Read>
void read_list(const json& v, const char* what, std::size_t max, Read&& read) {
    if (!v.is_array()) bad_order(what, msg("in.expected_list", {{"what", what}}));
    if (v.size() > max)
        bad_order(what, msg("in.too_many", {{"n", std::to_string(v.size())}, {"what", what}, {"max", std::to_string(max)}}));
    for (std::size_t i = 0; i < v.size(); ++i) read(v[i], fmt::format("{}[{}]", what, i));
}

// "payment": a method, or {method, from_country, payer, bank, bank_country}; a payer given as an object is a
// party of the order.
void read_payment(const json& v, Order& order) {
    if (v.is_null()) return;
    if (v.is_string()) {
        order.payment.method = str(v, "payment");
        return;
    }
    if (!v.is_object()) bad_order("payment", msg("in.expected_object_shape", {{"shape", "{method, from_country, payer}"}}));
    for (const auto& [pk, pv] : v.items()) {
        const auto f = "payment." + pk;
        if (pk == "method") order.payment.method = str(pv, f);
        else if (pk == "from_country" || pk == "country") order.payment.from_country = order_country(pv, f, order);
        else if (pk == "payer" && pv.is_object()) order.parties.push_back(read_party(pv, f, Role::payer, order));
        else if (pk == "payer") order.payment.payer = str(pv, f, limits::kMaxNameBytes);
        else if (pk == "bank") order.payment.bank = str(pv, f, limits::kMaxNameBytes);
        else if (pk == "bank_country") order.payment.bank_country = order_country(pv, f, order);
        else if (pk != "amount" && pk != "currency" && pk != "terms" && pk != "reference") unknown_field(order, f);
    }
}

// "shipping.route": the countries the goods pass through, as codes or {country}.
void read_route(const json& sv, const std::string& f, Order& order) {
    if (sv.is_null()) return;
    if (!sv.is_array()) bad_order(f, msg("in.expected_list", {{"what", "countries"}}));
    for (std::size_t i = 0; i < sv.size(); ++i) {
        const auto rf = fmt::format("{}[{}]", f, i);
        const auto& step = sv[i];
        const auto cc = step.is_object() ? order_country(step.value("country", json()), rf + ".country", order)
                                         : order_country(step, rf, order);
        if (!cc.empty()) order.route.push_back(cc);
    }
}

void read_shipping(const json& v, Order& order) {
    if (v.is_null()) return;
    if (!v.is_object()) bad_order("shipping", msg("in.expected_object_shape", {{"shape", "{route}"}}));
    for (const auto& [sk, sv] : v.items()) {
        const auto f = "shipping." + sk;
        if (sk == "route" || sk == "via") read_route(sv, f, order);
        else if (sk == "destination" || sk == "destination_country" || sk == "country")
            order.destination_country = order_country(sv, f, order);
        else if (sk == "malaysia_permit") order.malaysia_permit = str(sv, f);
        else if (sk != "method" && sk != "carrier" && sk != "incoterms" && sk != "mode") unknown_field(order, f);
    }
}

// "instructions": text, or a list of texts joined with "; ".
void read_instructions(const json& v, Order& order) {
    if (!v.is_array()) {
        order.instructions = str(v, "instructions");
        return;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto s = str(v[i], fmt::format("instructions[{}]", i));
        if (!s.empty()) order.instructions += (order.instructions.empty() ? "" : "; ") + s;
    }
}

// {"buyer": {...}, "end_user": [{...}, ...]}: parties keyed by role.
void read_parties_by_role(const std::string& key, Role role, const json& v, Order& order) {
    if (v.is_object()) {
        order.parties.push_back(read_party(v, key, role, order));
        return;
    }
    for (std::size_t i = 0; i < v.size(); ++i) order.parties.push_back(read_party(v[i], fmt::format("{}[{}]", key, i), role, order));
}

// Order fields that screening does not read.
bool informational_order_field(const std::string& key) {
    return key == "metadata" || key == "customer_id" || key == "reference" || key == "channel" || key == "scenario" ||
           key == "expected" || key == "description" || key == "currency" || key == "total";
}

// What the order says of its goods' path and purpose; false when `key` is none of these fields.
bool read_order_terms(const std::string& key, const json& v, Order& order) {
    if (key == "payment") {
        read_payment(v, order);
    } else if (key == "shipping") {
        read_shipping(v, order);
    } else if ((key == "destination" || key == "destination_country") && v.is_string()) {
        order.destination_country = order_country(v, key, order);
    } else if (key == "end_use" || key == "end_use_statement") {
        order.end_use = str(v, key);
        order.end_use_given = !v.is_null();
    } else if (key == "instructions") {
        read_instructions(v, order);
    } else if (key == "settings") {
        if (!v.is_null() && !v.is_object()) bad_order("settings", msg("in.expected_object"));
        if (v.is_object()) order.settings = v;
    } else {
        return false;
    }
    return true;
}

// One top-level field of the order.
void read_order_field(const std::string& key, const json& v, Order& order, bool& id_seen) {
    if (key == "id" || key == "order_id") {
        order.id = str(v, key);
        id_seen = true;
    } else if (key == "date" || key == "order_date") {
        order.date = str(v, key);
    } else if (key == "parties") {
        read_list(v, "parties", limits::kMaxPartiesPerOrder,
                  [&](const json& p, const std::string& f) { order.parties.push_back(read_party(p, f, std::nullopt, order)); });
    } else if (key == "items") {
        read_list(v, "items", limits::kMaxItemsPerOrder,
                  [&](const json& it, const std::string& f) { order.items.push_back(read_item(it, f, order)); });
    } else if (read_order_terms(key, v, order)) {
    } else if (auto role = role_from(key); role && (v.is_object() || v.is_array())) {
        read_parties_by_role(key, *role, v, order);
    } else if (key == "notes") {
        order.notes = str(v, key);
    } else if (!informational_order_field(key)) {
        unknown_field(order, key);
    }
}

// What the order lacks for screening: an id, parties, items, a party's country.
void note_missing(Order& order, bool id_seen) {
    if (!id_seen || order.id.empty())
        order.issues.push_back({"id", "the order has no id", false, "dq.no_id", {}});
    if (order.parties.empty())
        order.issues.push_back({"parties", "the order names no parties: nobody can be screened", true, "dq.no_parties", {}});
    if (order.items.empty())
        order.issues.push_back({"items", "the order has no items: nothing can be classified", true, "dq.no_items", {}});
    for (const auto& p : order.parties) {
        if (!p.address.country.empty() || !p.address.country_input.empty()) continue;
        const bool dest = is_destination(p.role);
        const bool matters = dest || p.role == Role::buyer;
        order.issues.push_back({p.path + ".address.country",
                                matters ? "missing: the destination rules cannot be checked for this party"
                                        : "missing: the country-based rules cannot be checked for this party",
                                dest, matters ? "dq.no_country_destination" : "dq.no_country", {}});
    }
}

// Destinations must be known: a ship-to, consignee or end user, a destination, or at least a buyer's country.
void note_unknown_destination(Order& order) {
    const bool any_destination =
        std::any_of(order.parties.begin(), order.parties.end(), [](const Party& p) { return is_destination(p.role); });
    if (any_destination || order.parties.empty() || !order.destination_country.empty()) return;
    const auto buyers = order.with_role(Role::buyer);
    if (buyers.empty() || buyers.front()->address.country.empty())
        order.issues.push_back({"parties", "no ship-to, consignee or end user, and no buyer country: the destination "
                                           "is unknown", true, "dq.no_destination", {}});
}

}  // namespace

Order order_from_json(const json& j) {
    if (!j.is_object()) bad_order("order", msg("in.expected_json_object"));
    Order order;
    bool id_seen = false;
    for (const auto& [key, v] : j.items()) read_order_field(key, v, order, id_seen);
    note_missing(order, id_seen);
    note_unknown_destination(order);
    return order;
}

}  // namespace exportcheck
