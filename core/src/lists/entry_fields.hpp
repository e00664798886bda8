// The one list of an Entry's fields, in bundle order, shared by the bundle writer, the bundle reader
// and the JSON conversion so they cannot drift apart. Adding a field means a new bundle format version.
#pragma once

#include <exportcheck/entry.hpp>

namespace exportcheck::lists {

template <class EntryT, class Visitor>
void visit_fields(EntryT& e, Visitor&& v) {
    v("list", e.list);
    v("list_name", e.list_name);
    v("source", e.source);
    v("source_id", e.source_id);
    v("type", e.type);
    v("name", e.name);
    v("aliases", e.aliases);
    v("addresses", e.addresses);
    v("programs", e.programs);
    v("title", e.title);
    v("federal_register", e.federal_register);
    v("license_requirement", e.license_requirement);
    v("license_policy", e.license_policy);
    v("standard_order", e.standard_order);
    v("start_date", e.start_date);
    v("end_date", e.end_date);
    v("dates_of_birth", e.dates_of_birth);
    v("places_of_birth", e.places_of_birth);
    v("nationalities", e.nationalities);
    v("citizenships", e.citizenships);
    v("ids", e.ids);
    v("remarks", e.remarks);
    v("source_url", e.source_url);
    v("source_information_url", e.source_information_url);
    v("consequence", e.consequence);
    v("corroboration", e.corroboration);
}

template <class AddressT, class Visitor>
void visit_address(AddressT& a, Visitor&& v) {
    v("street", a.street);
    v("city", a.city);
    v("state", a.state);
    v("postal_code", a.postal_code);
    v("country", a.country);
    v("country_name", a.country_name);
}

}  // namespace exportcheck::lists
