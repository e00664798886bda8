// An order from JSON, with errors that name the field. Lenient where it costs nothing (a role written
// "Ship-To", an address given as one line, a quantity given as "8"), strict where a wrong guess could let
// an order pass (wrong types are errors; unknown countries and roles become review issues). The first field
// refused is returned, never thrown (the browser build has no exceptions): the readers note it in their
// Reading and go on with an empty value, each checking a value's type before nlohmann reads it.
#include <exportcheck/concat.hpp>
#include <exportcheck/countries.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/limits.hpp>
#include <exportcheck/order.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace exportcheck {
namespace {

using json = nlohmann::ordered_json;

// The order being read, and the first field refused (the rest of the order is then read only to no end).
struct Reading {
    Order order;
    std::optional<Error> error;

    // A refused field: its path as the order wrote it, and what is wrong as a message (in.*, messages_input.inc).
    void bad(const std::string& field, nlohmann::ordered_json what) {
        if (!error) error = Error("bad_order", Message{"in.field", {{"field", field}, {"what", std::move(what)}}});
    }
    bool failed() const noexcept { return error.has_value(); }
};

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
std::string str(Reading& rd, const json& j, const std::string& field, std::size_t max = limits::kMaxTextFieldBytes) {
    if (j.is_null()) return "";
    if (j.is_string()) {
        const auto& text = j.get_ref<const std::string&>();
        if (text.size() > max) {
            rd.bad(field, msg("in.too_long", {{"size", std::to_string(text.size())},
                                              {"kind", max == limits::kMaxNameBytes ? "names" : "text"},
                                              {"max", std::to_string(max)}}));
            return "";
        }
        return trim(text);
    }
    if (j.is_number_integer()) return std::to_string(j.get<long long>());
    if (j.is_number()) return shortest(j.get<double>());
    rd.bad(field, msg("in.expected_text"));
    return "";
}

std::optional<double> num(Reading& rd, const json& j, const std::string& field) {
    if (j.is_null()) return std::nullopt;
    if (j.is_number()) return j.get<double>();
    if (!j.is_string()) {
        rd.bad(field, msg("in.expected_number"));
        return std::nullopt;
    }
    auto s = trim(j.get<std::string>());
    if (s.empty()) return std::nullopt;
    std::string digits;
    for (char c : s)
        if (c != ',' && c != '_' && c != ' ' && c != '$') digits += c;
    char* end = nullptr;
    const double v = std::strtod(digits.c_str(), &end);
    if (!digits.empty() && end && *end == '\0' && std::isfinite(v)) return v;
    rd.bad(field, msg("in.expected_number_got", {{"value", s}}));
    return std::nullopt;
}

std::optional<bool> boolean(Reading& rd, const json& j, const std::string& field) {
    if (j.is_null()) return std::nullopt;
    if (j.is_boolean()) return j.get<bool>();
    if (!j.is_string()) {
        rd.bad(field, msg("in.expected_bool"));
        return std::nullopt;
    }
    const auto s = lower(trim(j.get<std::string>()));
    if (s.empty()) return std::nullopt;
    if (s == "true" || s == "yes" || s == "y" || s == "1") return true;
    if (s == "false" || s == "no" || s == "n" || s == "0") return false;
    rd.bad(field, msg("in.expected_bool_got", {{"value", j.get<std::string>()}}));
    return std::nullopt;
}

// Reads a country field: ISO alpha-2 (any case) or a name. Unknown -> "" with a review issue.
std::string order_country(Reading& rd, const json& j, const std::string& field) {
    const auto input = str(rd, j, field);
    if (input.empty()) return "";
    const auto cc = country_code(input);
    if (cc.empty())
        rd.order.issues.push_back({field, concat("\"", input, "\" is not a country this engine knows (ISO 3166 alpha-2 expected): "
                                                              "the rules that depend on it cannot be checked"), true,
                                   "dq.unknown_country", {{"value", input}}});
    return cc;
}

// The roles whose country is where the goods go.
bool is_destination(Role r) {
    return r == Role::ship_to || r == Role::ultimate_consignee || r == Role::end_user || r == Role::intermediate_consignee;
}

void unknown_field(Reading& rd, const std::string& field) {
    rd.order.issues.push_back({field, "not a field of the order format: ignored", false, "dq.unknown_field", {}});
}

// "lines": one line, or a list of them.
void read_address_lines(Reading& rd, const json& v, const std::string& f, PartyAddress& addr) {
    if (v.is_string()) {
        addr.lines.push_back(str(rd, v, f));
    } else if (v.is_array()) {
        for (std::size_t i = 0; i < v.size(); ++i) addr.lines.push_back(str(rd, v[i], concat(f, "[", i, "]")));
    } else if (!v.is_null()) {
        rd.bad(f, msg("in.expected_list", {{"what", "lines"}}));
    }
}

PartyAddress read_address(Reading& rd, const json& a, const std::string& field) {
    PartyAddress addr;
    if (a.is_null()) return addr;
    if (a.is_string()) {
        addr.lines.push_back(trim(a.get<std::string>()));
        return addr;
    }
    if (!a.is_object()) {
        rd.bad(field, msg("in.expected_address", {{"shape", "{lines, city, postal_code, country}"}}));
        return addr;
    }
    for (const auto& [key, v] : a.items()) {
        const auto f = field + "." + key;
        if (key == "lines") {
            read_address_lines(rd, v, f, addr);
        } else if (key == "line1" || key == "line2" || key == "line3" || key == "street" || key == "address") {
            if (auto s = str(rd, v, f); !s.empty()) addr.lines.push_back(s);
        } else if (key == "city") {
            addr.city = str(rd, v, f);
        } else if (key == "state" || key == "region" || key == "province") {
            addr.state = str(rd, v, f);
        } else if (key == "postal_code" || key == "zip" || key == "postcode") {
            addr.postal_code = str(rd, v, f);
        } else if (key == "country") {
            addr.country_input = str(rd, v, f);
            addr.country = order_country(rd, v, f);
        } else if (key == "type") {
            addr.type = lower(str(rd, v, f));
        } else {
            unknown_field(rd, f);
        }
    }
    return addr;
}

// "parent": a name, or {name, headquarters_country}.
void read_parent(Reading& rd, const json& v, const std::string& f, Party& party) {
    if (v.is_string()) {
        party.parent_name = str(rd, v, f, limits::kMaxNameBytes);
    } else if (v.is_object()) {
        for (const auto& [pk, pv] : v.items()) {
            const auto pf = f + "." + pk;
            if (pk == "name") party.parent_name = str(rd, pv, pf, limits::kMaxNameBytes);
            else if (pk == "headquarters_country" || pk == "country" || pk == "hq_country")
                party.parent_headquarters_country = order_country(rd, pv, pf);
            else unknown_field(rd, pf);
        }
    } else if (!v.is_null()) {
        rd.bad(f, msg("in.expected_shape_or_name", {{"shape", "{name, headquarters_country}"}}));
    }
}

// One owner of "ownership": {name, percent, country}.
Owner read_owner(Reading& rd, const json& v, const std::string& of) {
    Owner o;
    if (!v.is_object()) {
        rd.bad(of, msg("in.expected_shape", {{"shape", "{name, percent, country}"}}));
        return o;
    }
    for (const auto& [ok, ov] : v.items()) {
        const auto okf = of + "." + ok;
        if (ok == "name") o.name = str(rd, ov, okf, limits::kMaxNameBytes);
        else if (ok == "percent" || ok == "share") o.percent = num(rd, ov, okf);
        else if (ok == "country" || ok == "headquarters_country") o.country = order_country(rd, ov, okf);
        else unknown_field(rd, okf);
    }
    if (o.percent && (*o.percent < 0 || *o.percent > 100)) rd.bad(of + ".percent", msg("in.between_0_100"));
    if (o.name.empty()) rd.bad(of + ".name", msg("in.missing"));
    return o;
}

void read_owners(Reading& rd, const json& v, const std::string& f, Party& party) {
    if (v.is_null()) return;
    if (!v.is_array()) return rd.bad(f, msg("in.expected_list_of", {{"shape", "{name, percent, country}"}}));
    for (std::size_t i = 0; i < v.size() && !rd.failed(); ++i) party.ownership.push_back(read_owner(rd, v[i], concat(f, "[", i, "]")));
}

// A party's own country ("country" beside "address"): the address's, unless the address names one.
void read_party_country(Reading& rd, const json& v, const std::string& f, Party& party) {
    const auto top_country = str(rd, v, f);
    if (!top_country.empty() && party.address.country_input.empty()) {
        party.address.country_input = top_country;
        party.address.country = order_country(rd, v, f);
    }
}

// Who the party is and how to reach it; false when `key` is none of these fields.
bool read_party_identity(Reading& rd, const std::string& key, const json& v, const std::string& f, Party& party) {
    if (key == "role") party.role_input = str(rd, v, f);
    else if (key == "name") party.name = str(rd, v, f, limits::kMaxNameBytes);
    else if (key == "type" || key == "kind") party.type = lower(str(rd, v, f));
    else if (key == "address") party.address = read_address(rd, v, f);
    else if (key == "country") read_party_country(rd, v, f, party);
    else if (key == "email") party.email = str(rd, v, f);
    else if (key == "phone" || key == "telephone") party.phone = str(rd, v, f);
    else if (key == "website" || key == "web") party.website = str(rd, v, f);
    else return false;
    return true;
}

// The company's history and owners (the red flags read them); false when `key` is none of these fields.
bool read_party_company(Reading& rd, const std::string& key, const json& v, const std::string& f, Party& party) {
    if (key == "business" || key == "industry") party.business = str(rd, v, f);
    else if (key == "established" || key == "incorporated" || key == "founded") party.established = str(rd, v, f);
    else if (key == "dormant_since") party.dormant_since = str(rd, v, f);
    else if (key == "reactivated") party.reactivated = str(rd, v, f);
    else if (key == "headquarters_country" || key == "hq_country") party.headquarters_country = order_country(rd, v, f);
    else if (key == "parent") read_parent(rd, v, f, party);
    else if (key == "ownership" || key == "owners") read_owners(rd, v, f, party);
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
void settle_role(Reading& rd, Party& party, const std::string& field, std::optional<Role> role_hint) {
    if (!party.role_input.empty()) {
        if (auto r = role_from(party.role_input)) {
            party.role = *r;
        } else {
            party.role = Role::other;
            rd.order.issues.push_back({field + ".role",
                                       concat("\"", party.role_input, "\" is not a role this engine knows (buyer, ship_to, "
                                              "ultimate_consignee, end_user, forwarder, intermediate_consignee, payer, payer_bank, "
                                              "parent): the party is screened against the lists but no role rule applies"),
                                       true, "dq.unknown_role", {{"value", party.role_input}}});
        }
    } else if (role_hint) {
        party.role = *role_hint;
        party.role_input = std::string(to_string(*role_hint));
    } else {
        rd.bad(field + ".role", msg("in.missing"));
    }
}

Party read_party(Reading& rd, const json& p, const std::string& field, std::optional<Role> role_hint) {
    Party party;
    if (!p.is_object()) {
        rd.bad(field, msg("in.expected_object"));
        return party;
    }
    party.path = field;
    for (const auto& [key, v] : p.items()) {
        const auto f = field + "." + key;
        if (!read_party_identity(rd, key, v, f, party) && !read_party_company(rd, key, v, f, party) &&
            !informational_party_field(key))
            unknown_field(rd, f);
    }
    settle_role(rd, party, field, role_hint);
    if (party.name.empty()) rd.bad(field + ".name", msg("in.party_no_name"));
    return party;
}

// `s` after `to`'s text, a space between ("A100" + "PCIe" -> "A100 PCIe").
void append_word(std::string& to, const std::string& s) {
    if (!s.empty()) to += (to.empty() ? "" : " ") + s;
}

// An item's figures (the chip's own numbers and yes/no); false when `key` is none of them.
bool read_item_figure(Reading& rd, const std::string& key, const json& v, const std::string& f, Item& item) {
    if (key == "quantity" || key == "qty") {
        if (auto q = num(rd, v, f)) {
            if (!(*q > 0)) rd.bad(f, msg("in.more_than_0"));
            item.quantity = *q;
            item.quantity_given = true;
        }
    } else if (key == "unit_price" || key == "price") {
        item.unit_price = num(rd, v, f);
        if (item.unit_price && *item.unit_price < 0) rd.bad(f, msg("in.not_negative"));
    } else if (key == "tpp") {
        item.tpp = num(rd, v, f);
        if (item.tpp && *item.tpp < 0) rd.bad(f, msg("in.not_negative"));
    } else if (key == "die_area_mm2" || key == "die_area") {
        item.die_area_mm2 = num(rd, v, f);
        if (item.die_area_mm2 && *item.die_area_mm2 <= 0) rd.bad(f, msg("in.more_than_0"));
    } else if (key == "memory_bandwidth_gbs") {
        item.memory_bandwidth_gbs = num(rd, v, f);
    } else if (key == "datacenter") {
        item.datacenter = boolean(rd, v, f);
    } else {
        return false;
    }
    return true;
}

// What the item is called; false when `key` is none of its names.
bool read_item_name(Reading& rd, const std::string& key, const json& v, const std::string& f, Item& item) {
    if (key == "description" || key == "name" || key == "title") {
        append_word(item.description, str(rd, v, f));
    } else if (key == "model" || key == "sku" || key == "part_number" || key == "mpn" || key == "vendor" ||
               key == "manufacturer" || key == "brand") {
        append_word(item.model, str(rd, v, f));
    } else if (key == "declared_description" || key == "customs_description") {
        item.declared_description = str(rd, v, f);
    } else if (key == "currency") {
        item.currency = str(rd, v, f);
        for (auto& c : item.currency) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (key == "eccn") {
        item.eccn = str(rd, v, f);
    } else {
        return false;
    }
    return true;
}

Item read_item(Reading& rd, const json& it, const std::string& field) {
    Item item;
    item.path = field;
    if (it.is_string()) {
        item.description = trim(it.get<std::string>());
        return item;
    }
    if (!it.is_object()) {
        rd.bad(field, msg("in.expected_object"));
        return item;
    }
    for (const auto& [key, v] : it.items()) {
        const auto f = field + "." + key;
        const bool informational = key == "id" || key == "notes" || key == "line" || key == "category";
        if (!read_item_name(rd, key, v, f, item) && !read_item_figure(rd, key, v, f, item) && !informational)
            unknown_field(rd, f);
    }
    if (item.description.empty() && item.model.empty()) rd.bad(field + ".description", msg("in.item_no_description"));
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
void read_list(Reading& rd, const json& v, const char* what, std::size_t max, Read&& read) {
    if (!v.is_array()) return rd.bad(what, msg("in.expected_list", {{"what", what}}));
    if (v.size() > max)
        return rd.bad(what, msg("in.too_many", {{"n", std::to_string(v.size())}, {"what", what}, {"max", std::to_string(max)}}));
    for (std::size_t i = 0; i < v.size() && !rd.failed(); ++i) read(v[i], concat(what, "[", i, "]"));
}

// "payment": a method, or {method, from_country, payer, bank, bank_country}; a payer given as an object is a
// party of the order.
void read_payment(Reading& rd, const json& v) {
    if (v.is_null()) return;
    auto& payment = rd.order.payment;
    if (v.is_string()) {
        payment.method = str(rd, v, "payment");
        return;
    }
    if (!v.is_object()) return rd.bad("payment", msg("in.expected_object_shape", {{"shape", "{method, from_country, payer}"}}));
    for (const auto& [pk, pv] : v.items()) {
        const auto f = "payment." + pk;
        if (pk == "method") payment.method = str(rd, pv, f);
        else if (pk == "from_country" || pk == "country") payment.from_country = order_country(rd, pv, f);
        else if (pk == "payer" && pv.is_object()) rd.order.parties.push_back(read_party(rd, pv, f, Role::payer));
        else if (pk == "payer") payment.payer = str(rd, pv, f, limits::kMaxNameBytes);
        else if (pk == "bank") payment.bank = str(rd, pv, f, limits::kMaxNameBytes);
        else if (pk == "bank_country") payment.bank_country = order_country(rd, pv, f);
        else if (pk != "amount" && pk != "currency" && pk != "terms" && pk != "reference") unknown_field(rd, f);
    }
}

// "shipping.route": the countries the goods pass through, as codes or {country}.
void read_route(Reading& rd, const json& sv, const std::string& f) {
    if (sv.is_null()) return;
    if (!sv.is_array()) return rd.bad(f, msg("in.expected_list", {{"what", "countries"}}));
    for (std::size_t i = 0; i < sv.size(); ++i) {
        const auto rf = concat(f, "[", i, "]");
        const auto& step = sv[i];
        const auto cc = step.is_object() ? order_country(rd, step.value("country", json()), rf + ".country")
                                         : order_country(rd, step, rf);
        if (!cc.empty()) rd.order.route.push_back(cc);
    }
}

void read_shipping(Reading& rd, const json& v) {
    if (v.is_null()) return;
    if (!v.is_object()) return rd.bad("shipping", msg("in.expected_object_shape", {{"shape", "{route}"}}));
    for (const auto& [sk, sv] : v.items()) {
        const auto f = "shipping." + sk;
        if (sk == "route" || sk == "via") read_route(rd, sv, f);
        else if (sk == "destination" || sk == "destination_country" || sk == "country")
            rd.order.destination_country = order_country(rd, sv, f);
        else if (sk == "malaysia_permit") rd.order.malaysia_permit = str(rd, sv, f);
        else if (sk != "method" && sk != "carrier" && sk != "incoterms" && sk != "mode") unknown_field(rd, f);
    }
}

// "instructions": text, or a list of texts joined with "; ".
void read_instructions(Reading& rd, const json& v) {
    auto& instructions = rd.order.instructions;
    if (!v.is_array()) {
        instructions = str(rd, v, "instructions");
        return;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto s = str(rd, v[i], concat("instructions[", i, "]"));
        if (!s.empty()) instructions += (instructions.empty() ? "" : "; ") + s;
    }
}

// {"buyer": {...}, "end_user": [{...}, ...]}: parties keyed by role.
void read_parties_by_role(Reading& rd, const std::string& key, Role role, const json& v) {
    if (v.is_object()) {
        rd.order.parties.push_back(read_party(rd, v, key, role));
        return;
    }
    for (std::size_t i = 0; i < v.size() && !rd.failed(); ++i)
        rd.order.parties.push_back(read_party(rd, v[i], concat(key, "[", i, "]"), role));
}

// Order fields that screening does not read.
bool informational_order_field(const std::string& key) {
    return key == "metadata" || key == "customer_id" || key == "reference" || key == "channel" || key == "scenario" ||
           key == "expected" || key == "description" || key == "currency" || key == "total";
}

// What the order says of its goods' path and purpose; false when `key` is none of these fields.
bool read_order_terms(Reading& rd, const std::string& key, const json& v) {
    auto& order = rd.order;
    if (key == "payment") {
        read_payment(rd, v);
    } else if (key == "shipping") {
        read_shipping(rd, v);
    } else if ((key == "destination" || key == "destination_country") && v.is_string()) {
        order.destination_country = order_country(rd, v, key);
    } else if (key == "end_use" || key == "end_use_statement") {
        order.end_use = str(rd, v, key);
        order.end_use_given = !v.is_null();
    } else if (key == "instructions") {
        read_instructions(rd, v);
    } else if (key == "settings") {
        if (!v.is_null() && !v.is_object()) rd.bad("settings", msg("in.expected_object"));
        if (v.is_object()) order.settings = v;
    } else {
        return false;
    }
    return true;
}

// One top-level field of the order.
void read_order_field(Reading& rd, const std::string& key, const json& v, bool& id_seen) {
    auto& order = rd.order;
    if (key == "id" || key == "order_id") {
        order.id = str(rd, v, key);
        id_seen = true;
    } else if (key == "date" || key == "order_date") {
        order.date = str(rd, v, key);
    } else if (key == "parties") {
        read_list(rd, v, "parties", limits::kMaxPartiesPerOrder,
                  [&](const json& p, const std::string& f) { order.parties.push_back(read_party(rd, p, f, std::nullopt)); });
    } else if (key == "items") {
        read_list(rd, v, "items", limits::kMaxItemsPerOrder,
                  [&](const json& it, const std::string& f) { order.items.push_back(read_item(rd, it, f)); });
    } else if (read_order_terms(rd, key, v)) {
    } else if (auto role = role_from(key); role && (v.is_object() || v.is_array())) {
        read_parties_by_role(rd, key, *role, v);
    } else if (key == "notes") {
        order.notes = str(rd, v, key);
    } else if (!informational_order_field(key)) {
        unknown_field(rd, key);
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

Result<Order> order_from_json(const json& j) {
    if (!j.is_object()) return Error("bad_order", Message{"in.field", {{"field", "order"}, {"what", msg("in.expected_json_object")}}});
    Reading rd;
    bool id_seen = false;
    for (const auto& [key, v] : j.items()) {
        read_order_field(rd, key, v, id_seen);
        if (rd.failed()) return std::move(*rd.error);
    }
    note_missing(rd.order, id_seen);
    note_unknown_destination(rd.order);
    return std::move(rd.order);
}

}  // namespace exportcheck
