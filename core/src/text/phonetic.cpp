// Spelling keys used by matching: the sound form (transliteration-insensitive, vowels kept) and the
// consonant skeleton (for words from scripts that do not write short vowels).
#include <exportcheck/text.hpp>

#include <array>
#include <string_view>

namespace exportcheck::text {
namespace {

struct SoundRule {
    std::string_view from, to;
};
constexpr SoundRule kSoundRules[] = {
#include "sound_rules_table.inc"
};

// Which bytes start some rule.
constexpr auto kRuleStart = [] {
    std::array<bool, 256> starts{};
    for (const auto& r : kSoundRules) starts[static_cast<unsigned char>(r.from[0])] = true;
    return starts;
}();

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

std::string sound_form(std::string_view t) {
    std::string out;
    out.reserve(t.size() + 2);
    for (std::size_t i = 0; i < t.size();) {
        // Only letters that start a rule need the rule search (rules are listed longest first).
        bool done = false;
        if (kRuleStart[static_cast<unsigned char>(t[i])]) {
            for (const auto& r : kSoundRules) {
                if (r.from[0] == t[i] && t.compare(i, r.from.size(), r.from) == 0) {
                    out += r.to;
                    i += r.from.size();
                    done = true;
                    break;
                }
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

std::string skeleton(std::string_view t) {
    // Arabic has no p or v: its transliterations write b and f where other languages write p and v.
    std::string out;
    const std::string sound = sound_form(t);
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
