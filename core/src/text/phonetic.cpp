// Spelling keys used by matching: the sound form (transliteration-insensitive, vowels kept) and the
// consonant skeleton (for words from scripts that do not write short vowels).
#include <exportcheck/text.hpp>

#include <string_view>

namespace exportcheck::text {
namespace {

struct SoundRule {
    std::string_view from, to;
};
constexpr SoundRule kSoundRules[] = {
#include "sound_rules_table.inc"
};

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

std::string sound_form(std::string_view t) {
    std::string out;
    out.reserve(t.size() + 2);
    for (std::size_t i = 0; i < t.size();) {
        bool done = false;
        for (const auto& r : kSoundRules) {  // rules are listed longest first
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
    std::string single;
    for (char c : out)
        if (single.empty() || single.back() != c) single.push_back(c);
    if (single.size() > 2 && single.back() == 'h' && is_vowel(single[single.size() - 2])) single.pop_back();
    return single;
}

std::string skeleton(std::string_view t) {
    // Arabic has no p or v: its transliterations write b and f where other languages write p and v.
    std::string out;
    for (char c : sound_form(t)) {
        if (is_vowel(c)) continue;
        if (c == 'p') c = 'b';
        if (c == 'v') c = 'f';
        if (out.empty() || out.back() != c) out.push_back(c);
    }
    return out;
}

}  // namespace exportcheck::text
