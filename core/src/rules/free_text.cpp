#include "free_text.hpp"
#include "json_read.hpp"

#include <exportcheck/order.hpp>

#include <algorithm>
#include <cctype>

namespace exportcheck::rules_detail {

namespace {

bool non_ascii(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// A clause ends at sentence or list punctuation, ASCII or CJK: a negation never reaches over it.
std::vector<std::string_view> clauses(std::string_view text) {
    static const std::string_view cjk[] = {"\xE3\x80\x82", "\xEF\xBC\x8C", "\xEF\xBC\x9B", "\xEF\xBC\x81", "\xEF\xBC\x9F",
                                           "\xE3\x80\x81", "\xEF\xBC\x9A", "\xEF\xBC\x88", "\xEF\xBC\x89"};  // 。，；！？、：（）
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        std::size_t cut = 0;
        if (c == '.' || c == ';' || c == '!' || c == '?' || c == '\n' || c == ',' || c == ':' || c == '(' || c == ')') {
            cut = 1;
        } else if (static_cast<unsigned char>(c) >= 0xE3) {
            for (const auto& p : cjk)
                if (text.compare(i, p.size(), p) == 0) cut = p.size();
        }
        if (cut) {
            if (i > start) out.push_back(text.substr(start, i - start));
            i += cut;
            start = i;
        } else {
            ++i;
        }
    }
    if (start < text.size()) out.push_back(text.substr(start));
    return out;
}

// "用USDT付款" -> "用 USDT 付款": Chinese is written without spaces, so a Latin word inside it is cut out.
std::string space_scripts(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    int prev = 0;  // 1 ASCII letter or digit, 2 CJK
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        const std::size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
        const int kind = b < 0x80 ? (std::isalnum(b) ? 1 : 0) : (len >= 3 && b >= 0xE2 ? 2 : 0);
        if (kind && prev && kind != prev) out += ' ';
        out.append(text.substr(i, len));
        prev = kind;
        i += len;
    }
    return out;
}

std::vector<std::string> string_list(const nlohmann::ordered_json& j, const std::string& where) { return strings(j, where); }

}  // namespace

FreeTextLexicon::Phrase FreeTextLexicon::compile(const std::string& raw, const std::string& language) {
    Phrase p;
    p.raw = raw;
    p.language = language;
    std::string_view body = raw;
    if (!body.empty() && body.back() == '*') {
        p.prefix = true;
        body.remove_suffix(1);
    }
    const auto f = fold(space_scripts(body));
    p.words = f.words;
    p.folded = f.text;
    p.cjk = non_ascii(p.folded);
    return p;
}

FreeTextLexicon::FreeTextLexicon(const nlohmann::ordered_json& config, const nlohmann::ordered_json& documents) {
    const std::string w = "red-flags.free_text";
    fields_ = string_list(need(config, "fields", w), w + ".fields");
    languages_ = string_list(need(config, "languages", w), w + ".languages");
    window_ = static_cast<std::size_t>(number(config, "negation_window", w).value_or(4));
    window_after_ = static_cast<std::size_t>(number(config, "negation_after_window", w).value_or(2));
    then_window_ = static_cast<std::size_t>(number(config, "then_window", w).value_or(4));
    std::map<std::string, std::size_t> index;
    for (const auto& [name, c] : need(config, "categories", w).items()) {
        const auto cw = w + ".categories." + name;
        Category cat;
        cat.name = name;
        if (c.contains("fields")) cat.fields = string_list(c["fields"], cw + ".fields");
        cat.negatable = boolean(c, "negatable", cw).value_or(true);
        index[name] = categories_.size();
        categories_.push_back(std::move(cat));
    }
    for (const auto& lang : languages_) {
        const auto doc_name = "phrases-" + lang;
        if (!documents.contains(doc_name)) {
            invalid(w + ".languages", concat("the rules document \"", doc_name, "\" is missing"));
            continue;
        }
        const auto& doc = documents[doc_name];
        const auto& neg = need(doc, "negation", doc_name);
        for (const auto& n : string_list(need(neg, "words", doc_name + ".negation"), doc_name + ".negation.words")) {
            auto p = compile(n, lang);
            if (p.words.empty()) continue;
            if (p.cjk) cjk_negations_.push_back(p.folded);
            else negations_.push_back(std::move(p));
        }
        if (neg.contains("after"))
            for (const auto& n : string_list(neg["after"], doc_name + ".negation.after")) negations_after_.push_back(compile(n, lang));
        if (neg.contains("cancel"))
            for (const auto& n : string_list(neg["cancel"], doc_name + ".negation.cancel")) {
                auto p = compile(n + "*", lang);
                if (p.cjk) cjk_cancels_.push_back(p.folded);
                else cancels_.push_back(std::move(p));
            }
        for (const auto& [name, list] : need(doc, "categories", doc_name).items()) {
            const auto cw = doc_name + ".categories." + name;
            const auto it = index.find(name);
            if (it == index.end()) continue;  // a list the engine does not use as free text (e.g. exceptions below)
            const bool object = list.is_object();
            for (const auto& raw : string_list(object ? need(list, "phrases", cw) : list, cw)) {
                auto p = compile(raw, lang);
                if (p.words.empty()) continue;
                phrase_category_.push_back(it->second);
                phrases_.push_back(std::move(p));
            }
            if (object && list.contains("then"))
                for (const auto& raw : string_list(list["then"], cw + ".then"))
                    categories_[it->second].then.push_back(compile(raw, lang));
        }
    }
    for (std::size_t i = 0; i < phrases_.size(); ++i) {
        const auto& p = phrases_[i];
        if (p.cjk) cjk_.push_back(i);
        else if (p.prefix && p.words.size() == 1) prefix_first_.push_back(i);
        else by_first_word_[p.words.front()].push_back(i);
    }
}

std::vector<std::string> FreeTextLexicon::languages() const { return languages_; }

bool FreeTextLexicon::match_at(const Phrase& p, const std::vector<std::string>& words, std::size_t at) {
    const auto n = p.words.size();
    if (at + n > words.size()) return false;
    for (std::size_t k = 0; k < n; ++k) {
        const auto& w = words[at + k];
        if (p.prefix && k + 1 == n ? w.compare(0, p.words[k].size(), p.words[k]) != 0 : w != p.words[k]) return false;
    }
    return true;
}

// A negation ending within the window before [begin, end), or (German) just after it, with no "forget" between.
bool FreeTextLexicon::negated_latin(const std::vector<std::string>& words, std::size_t begin, std::size_t end) const {
    const std::size_t from = begin > window_ + 3 ? begin - window_ - 3 : 0;
    for (std::size_t j = from; j < begin; ++j)
        for (const auto& n : negations_) {
            if (!match_at(n, words, j)) continue;
            const std::size_t n_end = j + n.words.size();
            if (n_end > begin || n_end + window_ < begin) continue;
            bool cancelled = false;
            for (std::size_t k = n_end; k < begin && !cancelled; ++k)
                for (const auto& c : cancels_) cancelled = cancelled || match_at(c, words, k);
            if (!cancelled) return true;
        }
    for (std::size_t j = end; j < words.size() && j < end + window_after_; ++j)
        for (const auto& n : negations_after_)
            if (match_at(n, words, j)) return true;
    return false;
}

// In Chinese the negation stands right before the verb: look at the few characters before the phrase.
bool FreeTextLexicon::negated_cjk(const std::string& text, std::size_t at) const {
    const std::size_t from = at > 12 ? at - 12 : 0;  // about four CJK characters
    const auto before = std::string_view(text).substr(from, at - from);
    for (const auto& n : cjk_negations_) {
        const auto pos = before.rfind(n);
        if (pos == std::string_view::npos) continue;
        const auto between = before.substr(pos + n.size());
        if (std::none_of(cjk_cancels_.begin(), cjk_cancels_.end(), [&](const std::string& c) { return between.find(c) != std::string_view::npos; }))
            return true;
    }
    return false;
}

bool FreeTextLexicon::then_follows(const Category& c, const std::vector<std::string>& words, std::size_t end) const {
    if (c.then.empty()) return true;
    for (std::size_t j = end; j < words.size() && j <= end + then_window_; ++j)
        for (const auto& t : c.then)
            if (match_at(t, words, j)) return true;
    return false;
}

bool FreeTextLexicon::wants(const Category& c, const std::string& field, const std::vector<std::string>& wanted) const {
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), c.name) == wanted.end()) return false;
    if (c.fields.empty()) return field != "payment.method";
    const auto base = field.starts_with("parties[") ? std::string("business") : field;
    return std::find(c.fields.begin(), c.fields.end(), base) != c.fields.end();
}

void FreeTextLexicon::scan_clause(std::string_view clause, const std::string& field, const std::vector<std::string>& wanted,
                                  std::vector<TextHit>& out) const {
    const auto fs = fold_with_spans(clause);
    const auto& words = fs.folded.words;
    auto add = [&](std::size_t pi, std::string quote) {
        const auto& cat = categories_[phrase_category_[pi]];
        for (const auto& h : out)
            if (h.category == cat.name && h.field == field) return;
        out.push_back({cat.name, phrases_[pi].language, phrases_[pi].raw, std::move(quote), field});
    };
    auto try_at = [&](std::size_t pi, std::size_t i) {
        const auto& p = phrases_[pi];
        const auto& cat = categories_[phrase_category_[pi]];
        if (!wants(cat, field, wanted) || !match_at(p, words, i)) return;
        const std::size_t end = i + p.words.size();
        if (!then_follows(cat, words, end)) return;
        if (cat.negatable && negated_latin(words, i, end)) return;
        const auto b = fs.spans[i].first, e = fs.spans[end - 1].second;
        add(pi, std::string(clause.substr(b, e - b)));
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (const auto it = by_first_word_.find(words[i]); it != by_first_word_.end())
            for (const auto pi : it->second) try_at(pi, i);
        for (const auto pi : prefix_first_) try_at(pi, i);
    }
    if (!non_ascii(fs.folded.text)) return;
    for (const auto pi : cjk_) {
        const auto& p = phrases_[pi];
        const auto& cat = categories_[phrase_category_[pi]];
        if (!wants(cat, field, wanted)) continue;
        for (auto at = fs.folded.text.find(p.folded); at != std::string::npos; at = fs.folded.text.find(p.folded, at + 1)) {
            if (cat.negatable && negated_cjk(fs.folded.text, at)) continue;
            add(pi, p.folded);
            break;
        }
    }
}

std::vector<TextHit> FreeTextLexicon::scan_text(std::string_view text, const std::string& field,
                                                const std::vector<std::string>& wanted) const {
    std::vector<TextHit> out;
    const auto spaced = non_ascii(text) ? space_scripts(text) : std::string(text);
    for (const auto clause : clauses(spaced)) scan_clause(clause, field, wanted, out);
    return out;
}

std::vector<TextHit> FreeTextLexicon::scan(const Order& order, const std::vector<std::string>& wanted) const {
    std::vector<TextHit> out;
    auto read = [&](const std::string& text, const std::string& field) {
        if (text.empty()) return;
        for (auto& h : scan_text(text, field, wanted)) out.push_back(std::move(h));
    };
    for (const auto& f : fields_) {
        if (f == "end_use") read(order.end_use, f);
        else if (f == "instructions") read(order.instructions, f);
        else if (f == "notes") read(order.notes, f);
        else if (f == "payment.method") read(order.payment.method, f);
        else if (f == "business")
            for (const auto& p : order.parties) read(p.business, p.path + ".business");
    }
    return out;
}

}  // namespace exportcheck::rules_detail
