// compare_names(): two names, no lists. Word rarity comes from the built-in table of common name words.
// A name with a parenthesised part ("Deutsche Bank (Schweiz) AG") is also compared without it, as the
// Matcher indexes such names both ways.
#include "scorer.hpp"

namespace exportcheck {

namespace match {

std::string without_parentheses(std::string_view s) {
    std::string out;
    int depth = 0;
    for (char c : s) {
        if (c == '(' || c == '[') ++depth;
        else if ((c == ')' || c == ']') && depth > 0) --depth;
        else if (depth == 0) out.push_back(c);
    }
    return out;
}

NameScore compare_prepared(std::string_view a, std::string_view b, EntityType type, const WordRarity& rarity) {
    std::vector<std::string> as{std::string(a)}, bs{std::string(b)};
    if (a.find_first_of("([") != std::string_view::npos) as.push_back(without_parentheses(a));
    if (b.find_first_of("([") != std::string_view::npos) bs.push_back(without_parentheses(b));
    NameScore best;
    bool first = true;
    for (const auto& x : as) {
        const auto qa = prepare(x, type, rarity);
        for (const auto& y : bs) {
            const auto qb = prepare(y, type, rarity);
            auto s = score_names(qa, qb, mode_for(type, qa, qb), true);
            if (first || s.score > best.score) best = std::move(s);
            first = false;
        }
    }
    return best;
}

}  // namespace match

NameScore compare_names(std::string_view a, std::string_view b, EntityType type) {
    return match::compare_prepared(a, b, type, match::builtin_rarity());
}

}  // namespace exportcheck
