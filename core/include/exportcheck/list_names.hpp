// The official lists by code, with the full names the Consolidated Screening List gives them.
#pragma once

#include <string_view>

namespace exportcheck {

// "EL" -> "Entity List (EL) - Bureau of Industry and Security"; "" for a code that is not an official list.
std::string_view official_list_name(std::string_view code) noexcept;

}  // namespace exportcheck
