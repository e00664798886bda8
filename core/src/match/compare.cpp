// compare_names(): two names, no lists. Word rarity comes from the built-in table of common name words.
// A name with a parenthesised part ("Deutsche Bank (Schweiz) AG") is also compared without it, as the
// Matcher indexes listed names both ways.
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
    // Never both without: "Bank of China (Hong Kong)" and "Bank of China (Singapore)" differ by exactly that.
    NameScore best;
    bool first = true;
    for (std::size_t x = 0; x < as.size(); ++x) {
        const auto qa = prepare(as[x], type, rarity);
        for (std::size_t y = 0; y < bs.size(); ++y) {
            if (x > 0 && y > 0) continue;
            const auto qb = prepare(bs[y], type, rarity);
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
