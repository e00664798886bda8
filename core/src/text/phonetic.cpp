// Spelling keys used by matching: the sound form (transliteration-insensitive, vowels kept) and the
// consonant skeleton (for words from scripts that do not write short vowels).
#include <exportcheck/text.hpp>

#include <array>
#include <cstdint>
#include <iterator>
#include <string_view>

namespace exportcheck::text {
namespace {

struct SoundRule {
    std::string_view from, to;
};
constexpr SoundRule kSoundRules[] = {
#include "sound_rules_table.inc"
};

// The rules starting with each byte, in table order (longest first): [begin, end) into kRulesByStart.
// Words are keyed for every listed name when the index is built, so no rule search scans the whole table.
constexpr std::size_t kRuleCount = std::size(kSoundRules);
struct RulesByStart {
    std::array<std::uint16_t, 257> begin{};
    std::array<std::uint16_t, kRuleCount> rule{};
};
constexpr RulesByStart kRulesByStart = [] {
    RulesByStart r{};
    std::array<std::uint16_t, 256> count{};
    for (const auto& rule : kSoundRules) ++count[static_cast<unsigned char>(rule.from[0])];
    for (std::size_t c = 0; c < 256; ++c) r.begin[c + 1] = static_cast<std::uint16_t>(r.begin[c] + count[c]);
    std::array<std::uint16_t, 256> fill{};
    for (std::size_t k = 0; k < kRuleCount; ++k) {
        const auto c = static_cast<unsigned char>(kSoundRules[k].from[0]);
        r.rule[r.begin[c] + fill[c]++] = static_cast<std::uint16_t>(k);
    }
    return r;
}();

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

std::string sound_form(std::string_view t) {
    std::string out;
    out.reserve(t.size() + 2);
    for (std::size_t i = 0; i < t.size();) {
        // Only letters that start a rule need the rule search (rules are listed longest first).
        bool done = false;
        const auto c = static_cast<unsigned char>(t[i]);
        for (std::size_t k = kRulesByStart.begin[c]; k < kRulesByStart.begin[c + 1]; ++k) {
            const auto& r = kSoundRules[kRulesByStart.rule[k]];
            if (t.compare(i, r.from.size(), r.from) == 0) {
                out += r.to;
                i += r.from.size();
                done = true;
                break;
            }
        }
        if (!done) out.push_back(t[i++]);
    }
    // Doubled letters are one sound; a final h after a vowel is silent (Abdullah / Abdulla).
    std::size_t n = 0;
    for (std::size_t i = 0; i < out.size(); ++i)
        if (n == 0 || out[n - 1] != out[i]) out[n++] = out[i];
    out.resize(n);
    if (out.size() > 2 && out.back() == 'h' && is_vowel(out[out.size() - 2])) out.pop_back();
    return out;
}

std::string skeleton(std::string_view t) { return skeleton_of_sound(sound_form(t)); }

std::string skeleton_of_sound(std::string_view sound) {
    // Arabic has no p or v: its transliterations write b and f where other languages write p and v.
    std::string out;
    out.reserve(sound.size());
    for (char c : sound) {
        if (is_vowel(c)) continue;
        if (c == 'p') c = 'b';
        if (c == 'v') c = 'f';
        if (out.empty() || out.back() != c) out.push_back(c);
    }
    return out;
}

}  // namespace exportcheck::text
