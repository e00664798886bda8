// Where the goods go, and who falls under the headquarters test (brief §2.1, §2.2).
#include "evidence.hpp"

#include <exportcheck/concat.hpp>
#include <exportcheck/checks.hpp>

#include <algorithm>

namespace exportcheck {

using namespace rules_detail;

namespace {

void add_country(Destinations& d, const RulesData& rules, const std::string& cc, const std::string& role) {
    if (cc.empty()) return;
    for (auto& c : d.countries)
        if (c.code == cc) {
            if (!contains(c.roles, role)) c.roles.push_back(role);
            return;
        }
    DestinationCountry c;
    c.code = cc;
    c.counts_as = rules.groups.effective(cc);
    c.roles.push_back(role);
    c.groups = rules.groups.groups_of(cc);
    c.license_set = rules.groups.in_license_set(cc);
    c.d5_or_macau = rules.groups.d5_or_macau(cc);
    d.countries.push_back(std::move(c));
}

}  // namespace

Destinations destinations_of(const Order& order, const RulesData& rules) {
    Destinations d;
    const Role dest_roles[] = {Role::ship_to, Role::ultimate_consignee, Role::end_user, Role::intermediate_consignee};
    std::vector<std::string> basis;
    for (const auto& p : order.parties)
        if (std::find(std::begin(dest_roles), std::end(dest_roles), p.role) != std::end(dest_roles) && !p.address.country.empty()) {
            add_country(d, rules, p.address.country, std::string(to_string(p.role)));
            if (!contains(basis, std::string(to_string(p.role)))) basis.push_back(std::string(to_string(p.role)));
        }
    if (d.countries.empty() && !order.destination_country.empty()) {
        add_country(d, rules, order.destination_country, "destination");
        basis.push_back("the order's destination");
    }
    if (d.countries.empty()) {
        for (const auto role : {Role::buyer, Role::forwarder}) {
            for (const auto* p : order.with_role(role)) add_country(d, rules, p->address.country, std::string(to_string(role)));
            if (!d.countries.empty()) {
                basis.push_back(concat(to_string(role), " (no ship-to, consignee or end user with a country)"));
                break;
            }
        }
    }
    d.basis = join(basis, ", ");

    // The headquarters test: the parties that receive or control the goods, and their ultimate parents.
    const bool all_dest_concern = !d.countries.empty() &&
        std::all_of(d.countries.begin(), d.countries.end(), [](const DestinationCountry& c) { return c.d5_or_macau; });
    auto concern = [&](const Party& p, const std::string& cc, const std::string& basis_text) {
        if (cc.empty() || !rules.groups.hq_concern_country(cc)) return;
        for (const auto& h : d.headquarters)
            if (h.party == p.path && h.country == cc) return;
        d.headquarters.push_back({p.path, std::string(to_string(p.role)), p.name, cc, basis_text});
    };
    for (const auto& p : order.parties) {
        const bool receiver = p.role == Role::buyer || p.role == Role::ship_to || p.role == Role::ultimate_consignee ||
                              p.role == Role::end_user || p.role == Role::intermediate_consignee;
        if (receiver) {
            concern(p, p.headquarters_country, "headquarters_country");
            concern(p, p.parent_headquarters_country, "parent.headquarters_country");
            // A buyer organisation located in D:5/Macau buying for elsewhere: its seat is taken as its headquarters.
            if (p.role == Role::buyer && p.headquarters_country.empty() && !rules.names_person(p.type) && !all_dest_concern)
                concern(p, p.address.country, "address (no headquarters_country given)");
        } else if (p.role == Role::parent) {
            concern(p, p.headquarters_country.empty() ? p.address.country : p.headquarters_country, "parent party");
        }
    }
    return d;
}

}  // namespace exportcheck
