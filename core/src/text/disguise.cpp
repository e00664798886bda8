// Step 0 of the name pipeline: undoes the tricks that hide a name from a screener without changing how it
// reads. Invisible format characters go; Greek, Cyrillic and styled letters that look Latin are read as the
// Latin letters they imitate (Unicode TR39 confusables, confusables_table.inc) inside words written in Latin
// letters, and so are the digits 0 and 1 between two letters. Each trick found leaves a note for the match explanation.
#include "text_internal.hpp"

#include <algorithm>

namespace exportcheck::text {
namespace {

constexpr detail::CharMap kConfusable[] = {
#include "confusables_table.inc"
};

// Zero-width, direction and other format characters, variation selectors and tags: invisible when shown.
bool is_invisible(char32_t cp) {
    return cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x206F) ||
           cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0000 && cp <= 0xE007F);
}

bool is_ascii_letter(char32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'); }

bool is_greek_or_cyrillic(char32_t cp) { return cp >= 0x0370 && cp <= 0x052F; }

// Anything that ends a word for this step: ASCII other than letters, digits and apostrophes, spaces and
// general punctuation.
bool ends_word(char32_t cp) {
    if (cp < 0x80) return !(is_ascii_letter(cp) || (cp >= '0' && cp <= '9') || cp == '\'');
    return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F);
}

Reason letter_note(char32_t cp, const char* latin) {
    Reason note{cp <= 0x03FF ? ReasonCode::greek : ReasonCode::cyrillic, {}, latin};
    append_utf8(note.a, cp);
    return note;
}

void add_note(std::vector<Reason>* notes, Reason note) {
    if (notes && std::find(notes->begin(), notes->end(), note) == notes->end()) notes->push_back(std::move(note));
}

// Reads the look-alike letters of one word as Latin when the word is otherwise Latin: every Greek or
// Cyrillic letter in it must have a Latin look-alike (a Russian word with one Latin letter stays Russian).
bool undisguise_word(std::u32string& out, std::size_t from, bool latin_name, std::vector<Reason>* notes) {
    std::size_t latin = 0, alike = 0, other = 0;
    for (std::size_t i = from; i < out.size(); ++i) {
        const char32_t cp = out[i];
        if (is_ascii_letter(cp)) ++latin;
        else if (is_greek_or_cyrillic(cp)) (detail::find_char(kConfusable, cp) ? alike : other) += 1;
    }
    if (alike == 0 || other > 0 || (latin == 0 && !latin_name)) return false;
    std::u32string word;
    for (std::size_t i = from; i < out.size(); ++i) {
        const char32_t cp = out[i];
        const char* l = is_greek_or_cyrillic(cp) ? detail::find_char(kConfusable, cp) : nullptr;
        if (!l) {
            word.push_back(cp);
            continue;
        }
        add_note(notes, letter_note(cp, l));
        for (const char* c = l; *c; ++c) word.push_back(static_cast<char32_t>(*c));
    }
    out.replace(from, out.size() - from, word);
    return true;
}

// Whether the name has a word of two or more ASCII letters (so a lone all-look-alike word is a disguise).
bool has_latin_word(std::u32string_view s) {
    std::size_t run = 0;
    for (const char32_t cp : s) {
        run = is_ascii_letter(cp) ? run + 1 : 0;
        if (run >= 2) return true;
    }
    return false;
}

bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// A digit between two letters that TR39 says looks like a letter is that letter ("Ig0r", "Sech1n"); digits
// elsewhere ("A1", "855", "B2B") are left alone.
bool letters_for_digits(std::u32string& text, std::vector<Reason>* notes) {
    bool changed = false;
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        if (!is_digit(text[i]) || !is_ascii_letter(text[i - 1]) || !is_ascii_letter(text[i + 1])) continue;
        const char* l = detail::find_char(kConfusable, text[i]);
        if (!l || l[1] != 0) continue;
        add_note(notes, {ReasonCode::digit, std::string(1, static_cast<char>(text[i])), l});
        text[i] = static_cast<char32_t>(l[0]);
        changed = true;
    }
    return changed;
}

bool has_digit_between_letters(std::string_view s) {
    for (std::size_t i = 1; i + 1 < s.size(); ++i)
        if (is_digit(static_cast<unsigned char>(s[i])) && is_ascii_letter(static_cast<unsigned char>(s[i - 1])) &&
            is_ascii_letter(static_cast<unsigned char>(s[i + 1])))
            return true;
    return false;
}

}  // namespace

bool undisguise(std::string_view name, std::string& out, std::vector<Reason>* notes) {
    if (std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }) &&
        !has_digit_between_letters(name))
        return false;
    const std::u32string in = decode_utf8(name);
    const bool latin_name = has_latin_word(in);
    std::u32string text;
    text.reserve(in.size());
    bool changed = false, invisible = false, styled = false, full_width = false;
    std::size_t word_start = 0;
    auto end_word = [&] {
        if (word_start < text.size()) changed |= undisguise_word(text, word_start, latin_name, notes);
    };
    for (const char32_t cp : in) {
        if (is_invisible(cp)) {
            invisible = changed = true;
            continue;
        }
        full_width |= cp >= 0xFF10 && cp <= 0xFF5A;
        if (cp >= 0x2100 && !(cp >= 0xFF00 && cp <= 0xFFEF))
            if (const char* l = detail::find_char(kConfusable, cp)) {  // letterlike and mathematical letters
                for (const char* c = l; *c; ++c) text.push_back(static_cast<char32_t>(*c));
                styled = changed = true;
                continue;
            }
        if (ends_word(cp)) {
            end_word();
            text.push_back(cp);
            word_start = text.size();
            continue;
        }
        text.push_back(cp);
    }
    end_word();
    changed |= letters_for_digits(text, notes);
    if (invisible) add_note(notes, {ReasonCode::invisible});
    if (styled) add_note(notes, {ReasonCode::styled});
    if (full_width) add_note(notes, {ReasonCode::full_width});
    if (!changed) return false;
    out.clear();
    for (const char32_t cp : text) append_utf8(out, cp);
    return true;
}

}  // namespace exportcheck::text
