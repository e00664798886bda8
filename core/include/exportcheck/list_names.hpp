// The official lists by code: the name their entries carry (the Consolidated Screening List's wording for the
// US lists) and, for people, the list's full official title and its publisher. The one home for list names:
// the bundle build writes the titles into the bundle's metadata (`list_names`), the page reads them there.
#pragma once

#include <string_view>

namespace exportcheck {

// "EL" -> "Entity List (EL) - Bureau of Industry and Security"; "" for a code that is not an official list.
std::string_view official_list_name(std::string_view code) noexcept;

struct ListTitle {
    std::string_view title;      // "Entity List"
    std::string_view publisher;  // "U.S. Department of Commerce, Bureau of Industry and Security (BIS)"
};
// The list's full official title and publisher; both empty for a code that is not an official list.
ListTitle official_list_title(std::string_view code) noexcept;

}  // namespace exportcheck
