// Country names to ISO 3166-1 alpha-2, as the list files write them ("Korea, North", "Burma",
// "Democratic People's Republic of Korea", "Iran (Islamic Republic of)", "HK", ...).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace exportcheck {

// The alpha-2 code for a country name or code, or "" when unknown. Case, accents and punctuation
// are ignored. OFAC "Region: Crimea" style regions map to the country they belong to where one is
// plain (Crimea -> UA, Gaza / West Bank -> PS).
std::string country_code(std::string_view name_or_code);

// The English short name of an alpha-2 code, or "" when the code is unknown.
std::string_view country_name(std::string_view alpha2);

bool is_country_code(std::string_view alpha2);

// Every code the core knows (ISO 3166-1 alpha-2 and XK), in code order, with its English short name: the
// one country list of the page and the widget (ec_countries).
std::vector<std::pair<std::string_view, std::string_view>> countries();

}  // namespace exportcheck
