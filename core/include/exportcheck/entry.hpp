// The listed party as every list format is reduced to it: one entry per listed person, organisation,
// vessel or aircraft, with its aliases and addresses. Parsers fill it; the bundle stores it; matching
// and screening read it.
#pragma once

#include <exportcheck/entity_type.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace exportcheck {

struct Alias {
    std::string name;
    std::string type;  // as the source says it: "aka", "fka", "nka", "good quality a.k.a.", ...
};

struct Address {
    std::string street;       // street lines as one text
    std::string city;
    std::string state;
    std::string postal_code;
    std::string country;      // ISO 3166-1 alpha-2 when known, else empty
    std::string country_name; // as the source wrote it (kept when it could not be mapped)
};

struct Entry {
    std::string list;        // list code: EL, DPL, UVL, MEU, SDN, SSI, FSE, CMIC, MBS, CAP, PLC, DTC, ISN, UN, OWN, ...
    std::string list_name;   // the list's full name as its source gives it ("Entity List (EL) - Bureau of ...")
    std::string source;      // key of the source file it came from: "csl", "ofac_sdn", "ofac_cons", "dpl", "un"
    std::string source_id;   // the source's own identifier (OFAC ent_num, CSL _id, UN reference number, ...)
    EntityType type = EntityType::unknown;
    std::string name;        // primary name as listed
    std::vector<Alias> aliases;
    std::vector<Address> addresses;
    std::vector<std::string> programs;
    std::string title;
    std::string federal_register;     // Federal Register notice(s)
    std::string license_requirement;
    std::string license_policy;
    std::string standard_order;       // DPL: "Y"/"N"
    std::string start_date;           // YYYY-MM-DD or YYYY, as the source gives it
    std::string end_date;
    std::vector<std::string> dates_of_birth;
    std::vector<std::string> places_of_birth;
    std::vector<std::string> nationalities;   // ISO alpha-2 when known
    std::vector<std::string> citizenships;    // ISO alpha-2 when known
    std::vector<std::string> ids;             // "type: number (country)" as listed
    std::string remarks;
    std::string source_url;                   // the list's page
    std::string source_information_url;       // more about the list or the entry
    std::string consequence;                  // lists of one's own: "block" or "review"; empty for official lists
    std::vector<std::string> corroboration;   // the same party in older sources, merged into this entry

    bool operator==(const Entry&) const = default;
};

inline bool operator==(const Alias& a, const Alias& b) { return a.name == b.name && a.type == b.type; }
inline bool operator==(const Address& a, const Address& b) {
    return a.street == b.street && a.city == b.city && a.state == b.state && a.postal_code == b.postal_code &&
           a.country == b.country && a.country_name == b.country_name;
}

}  // namespace exportcheck
