// What kind of party a name belongs to: the lists say it of each entry, an order of each party, and the
// name pipeline reads names differently by kind (a person's given names, a company's legal form).
#pragma once

#include <cstdint>
#include <string_view>

namespace exportcheck {

enum class EntityType : std::uint8_t { unknown = 0, person, organization, vessel, aircraft };

std::string_view to_string(EntityType t) noexcept;
// Accepts "person"/"individual", "organization"/"entity"/"company", "vessel", "aircraft"
// (any case); anything else is `unknown`.
EntityType entity_type_from(std::string_view text) noexcept;

}  // namespace exportcheck
