// Free text cut into folded words, with the bytes each came from (text.hpp free_text_words). Unlike the name
// pipeline (unicode_fold.cpp), other scripts are kept as written: the rules' word lists are matched on them.
#include "text_internal.hpp"

namespace exportcheck::text {
namespace {

// Punctuation and symbols that end a word (ASCII ones are every character that is not a letter or digit).
bool separates(char32_t c) {
    if (c < 0x80) return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
    return (c <= 0xBF) ||                                   // Latin-1 punctuation, no-break space
           c == 0xD7 || c == 0xF7 ||                        // × ÷
           (c >= 0x2000 && c <= 0x206F) ||                  // general punctuation
           (c >= 0x3000 && c <= 0x303F) ||                  // CJK symbols and punctuation
           (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||  // full-width punctuation
           (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) ||
           c == 0xFFFD || c == 0xFEFF;
}

// Appends the folded form of one letter or digit. Latin is folded only up to Latin Extended-A, as it always
// was: a wider fold would change the fingerprints of stored clearances (Vietnamese ư, ơ ...).
void fold_letter(std::string& out, char32_t c) {
    if (c >= 0xFF10 && c <= 0xFF5A) c -= 0xFEE0;  // full-width letters and digits (the rest separates)
    if (c < 0x80) {
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else if (c <= 0x17F && detail::fold_latin(c)) {
        out += detail::fold_latin(c);
    } else if (c >= 0x410 && c <= 0x42F) {
        append_utf8(out, c + 0x20);  // Cyrillic capitals А..Я
    } else if (c >= 0x400 && c <= 0x40F) {
        append_utf8(out, c + 0x50);  // Ѐ..Џ
    } else {
        append_utf8(out, c);
    }
}

}  // namespace

std::vector<TextWord> free_text_words(std::string_view utf8) {
    std::vector<TextWord> words;
    TextWord word;
    const auto flush = [&] {
        if (!word.text.empty()) words.push_back(std::move(word));
        word = {};
    };
    for (std::size_t at = 0; at < utf8.size();) {
        const std::size_t from = at;
        const char32_t c = next_code_point(utf8, at);
        if (separates(c)) {
            flush();
            continue;
        }
        if (word.text.empty()) word.begin = from;
        word.end = at;
        fold_letter(word.text, c);
    }
    flush();
    return words;
}

std::string fold_free_text(std::string_view utf8) {
    std::string out;
    for (const auto& w : free_text_words(utf8)) {
        if (!out.empty()) out += ' ';
        out += w.text;
    }
    return out;
}

}  // namespace exportcheck::text
