#include <exportcheck/entity_type.hpp>

#include <algorithm>
#include <cctype>
#include <string>

namespace exportcheck {

std::string_view to_string(EntityType t) noexcept {
    switch (t) {
        case EntityType::person: return "person";
        case EntityType::organization: return "organization";
        case EntityType::vessel: return "vessel";
        case EntityType::aircraft: return "aircraft";
        case EntityType::unknown: break;
    }
    return "unknown";
}

EntityType entity_type_from(std::string_view text) noexcept {
    std::string t(text);
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
    if (t == "person" || t == "individual") return EntityType::person;
    if (t == "organization" || t == "organisation" || t == "entity" || t == "company") return EntityType::organization;
    if (t == "vessel") return EntityType::vessel;
    if (t == "aircraft") return EntityType::aircraft;
    return EntityType::unknown;
}

}  // namespace exportcheck
