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

std::vector<NameReading> other_readings(std::string_view name) {
    std::vector<NameReading> out;
    if (!may_have_han(name)) return out;
    if (auto k = text::korean_reading(name); !k.empty())
        out.push_back({k, kKoreanReadingFactor, {ReasonCode::korean_reading, k}});
    if (auto m = text::other_han_reading(name); !m.name.empty())
        out.push_back({std::move(m.name), kOtherHanReadingFactor, {ReasonCode::other_reading, std::move(m.changed)}});
    if (auto p = text::han_without_place(name); !p.name.empty())
        out.push_back({std::move(p.name), kOtherHanReadingFactor, {ReasonCode::without_place, std::move(p.changed)}});
    return out;
}

namespace {

// The readings of a name compared: as written, without its parenthesised part, and its other readings
// (other_readings, at their factor of the score).
struct Reading {
    std::string text;
    bool whole = true;  // the name with its parenthesised part
    double factor = 1.0;
    Reason note;
};

std::vector<Reading> readings(std::string_view s) {
    std::vector<Reading> r{{std::string(s)}};
    if (s.find_first_of("([") != std::string_view::npos) r.push_back({without_parentheses(s), false});
    for (auto& o : other_readings(s)) r.push_back({std::move(o.name), true, o.factor, std::move(o.note)});
    return r;
}

}  // namespace

NameScore compare_prepared(std::string_view a, std::string_view b, EntityType type, const WordRarity& rarity) {
    const auto as = readings(a), bs = readings(b);
    // Never both without: "Bank of China (Hong Kong)" and "Bank of China (Singapore)" differ by exactly that.
    NameScore best;
    bool first = true;
    for (const auto& ra : as) {
        const auto qa = prepare(ra.text, type, rarity);
        for (const auto& rb : bs) {
            if ((!ra.whole && !rb.whole) || (ra.factor < 1 && rb.factor < 1)) continue;
            const auto qb = prepare(rb.text, type, rarity);
            auto s = score_names(qa, qb, mode_for(type, qa, qb), true);
            if (const double f = ra.factor * rb.factor; f < 1) {
                s.score = round_score(s.score * f);
                s.explanation.notes.push_back(ra.factor < 1 ? ra.note : rb.note);
            }
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
