// compare_names(): two names, no lists. Word rarity comes from the built-in table of common name words.
#include "scorer.hpp"

namespace exportcheck {

NameScore compare_names(std::string_view a, std::string_view b, EntityType type) {
    const auto qa = match::prepare(a, type, match::builtin_rarity());
    const auto qb = match::prepare(b, type, match::builtin_rarity());
    return match::score_names(qa, qb, match::mode_for(type, qa, qb), true);
}

}  // namespace exportcheck
