// Rendering a message: its template from the catalogue, its parameters in the language's style.
#include <exportcheck/concat.hpp>
#include <exportcheck/countries.hpp>
#include <exportcheck/message.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace exportcheck {

using ojson = nlohmann::ordered_json;



std::string_view to_string(Lang l) noexcept { return l == Lang::fr ? "fr" : "en"; }

std::optional<Lang> lang_from(std::string_view code) noexcept {
    const auto base = code.substr(0, code.find_first_of("-_"));
    if (base == "en" || base == "EN") return Lang::en;
    if (base == "fr" || base == "FR") return Lang::fr;
    return std::nullopt;
}

ojson msg(std::string_view id, ojson params) { return ojson{{"$m", id}, {"p", std::move(params)}}; }
ojson country(std::string_view code) { return ojson{{"$country", code}}; }
ojson country_plain(std::string_view code) { return ojson{{"$cname", code}}; }
ojson date(std::string_view iso) { return ojson{{"$date", iso}}; }
ojson any_of(ojson items) { return ojson{{"$or", std::move(items)}}; }
ojson comma_list(ojson items) { return ojson{{"$commas", std::move(items)}}; }

std::string fixed(double value, int decimals) {
    char buffer[400];  // the longest double in %f: 309 digits, the sign, the point and the decimals asked for
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

namespace {
// The digits of %.*e one up in their last place ("1.25e+03" -> "1.26e+03"), the sign and point left alone.
void round_up_last(char* text) {
    for (auto i = static_cast<std::size_t>(std::strchr(text, 'e') - text); i-- > 0 && text[i] != '-';) {
        if (text[i] == '.') continue;
        if (text[i] != '9') return void(++text[i]);
        text[i] = '0';
    }
}
}  // namespace

std::string shortest(double value) {
    if (!std::isfinite(value)) return std::isnan(value) ? "nan" : value < 0 ? "-inf" : "inf";
    char buffer[32];
    for (int decimals = 0; decimals <= 16; ++decimals) {  // 17 digits always read back
        std::snprintf(buffer, sizeof buffer, "%.*e", decimals, value);
        if (std::strtod(buffer, nullptr) == value) break;
        // At a power of two the doubles below are closer than those above: the digits one up may read back.
        round_up_last(buffer);
        if (std::strtod(buffer, nullptr) == value) break;
    }
    const std::string_view text(buffer);
    const bool negative = text[0] == '-';
    const auto e = text.find('e');
    const int exponent = std::atoi(buffer + e + 1);
    std::string digits(text.substr(negative ? 1 : 0, e - (negative ? 1 : 0)));
    if (digits.size() > 1) digits.erase(1, 1);  // the point
    std::string out = negative ? "-" : "";
    if (exponent < -4 || exponent >= 16) {
        out += digits.substr(0, 1);
        if (digits.size() > 1) out += concat('.', digits.substr(1));
        out += concat('e', exponent < 0 ? '-' : '+', std::abs(exponent) < 10 ? "0" : "", std::abs(exponent));
    } else if (exponent < 0) {
        out += concat("0.", std::string(static_cast<std::size_t>(-exponent - 1), '0'), digits);
    } else if (digits.size() <= static_cast<std::size_t>(exponent) + 1) {
        out += digits + std::string(static_cast<std::size_t>(exponent) + 1 - digits.size(), '0');
    } else {
        out += concat(digits.substr(0, static_cast<std::size_t>(exponent) + 1), '.', digits.substr(static_cast<std::size_t>(exponent) + 1));
    }
    return out;
}

std::string format_number(double v, Lang lang) {
    const char* group = lang == Lang::fr ? "\u202F" : ",";
    const char decimal = lang == Lang::fr ? ',' : '.';
    if (std::fabs(v) < 100 && v != std::floor(v)) {
        auto s = fixed(v, 2);
        for (auto& c : s)
            if (c == '.') c = decimal;
        return s;
    }
    const double r = std::round(v * 10) / 10;
    const std::string digits = fixed(std::floor(std::fabs(r)), 0);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += group;
        out += digits[i];
    }
    const double frac = std::fabs(r) - std::floor(std::fabs(r));
    if (frac > 0.05) out += concat(decimal, fixed(frac * 10, 0));
    return (r < 0 ? "-" : "") + out;
}

namespace {

constexpr std::string_view kMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
constexpr std::string_view kMonthsFr[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                          "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};

// "2026-12-07" -> "7 December 2026" / "7 décembre 2026"; "2026-12" -> "December 2026"; anything else as given.
std::string format_date(const std::string& iso, Lang lang) {
    auto digits = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (i >= iso.size() || iso[i] < '0' || iso[i] > '9') return -1;
            v = v * 10 + (iso[i] - '0');
        }
        return v;
    };
    const int y = digits(0, 4), m = iso.size() >= 7 && iso[4] == '-' ? digits(5, 2) : -1;
    if (y < 0 || m < 1 || m > 12) return iso;
    const auto month = lang == Lang::fr ? kMonthsFr[m - 1] : kMonthsEn[m - 1];
    const int d = iso.size() >= 10 && iso[7] == '-' ? digits(8, 2) : -1;
    if (d < 1) return concat(month, " ", y);
    if (lang == Lang::fr) return concat(d, d == 1 ? "er" : "", " ", month, " ", y);
    return concat(d, " ", month, " ", y);
}

std::string render_template(std::string_view tpl, const ojson& params, Lang lang);

std::string join_rendered(const ojson& items, Lang lang, std::string_view last) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? last : std::string_view(", ");
        out += render_value(items[i], lang);
    }
    return out;
}

std::string_view conjunction(Lang lang, bool any) {
    if (any) return lang == Lang::fr ? " ou " : " or ";
    return lang == Lang::fr ? " et " : " and ";
}

}  // namespace

std::string render_value(const ojson& v, Lang lang) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer() || v.is_number_unsigned()) return format_number(v.get<double>(), lang);
    if (v.is_number_float()) return format_number(v.get<double>(), lang);
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_array()) return join_rendered(v, lang, conjunction(lang, false));
    if (v.is_object()) {
        if (v.contains("$m")) return render(v["$m"].get<std::string>(), v.value("p", ojson::object()), lang);
        if (v.contains("$country") || v.contains("$cname")) {
            const bool plain = v.contains("$cname");
            const auto code = v[plain ? "$cname" : "$country"].get<std::string>();
            const auto name = country_name_in(code, lang);
            if (name.empty()) return code;
            return plain ? std::string(name) : concat(name, " (", code, ")");
        }
        if (v.contains("$date")) return format_date(v["$date"].get<std::string>(), lang);
        if (v.contains("$t")) return v["$t"].value(std::string(to_string(lang)), std::string());
        if (v.contains("$or")) return join_rendered(v["$or"], lang, conjunction(lang, true));
        if (v.contains("$commas")) return join_rendered(v["$commas"], lang, ", ");
    }
    return v.is_null() ? "" : v.dump();
}

namespace {

// Splits "a|b|c" at '|' outside braces.
std::vector<std::string_view> branches(std::string_view s) {
    std::vector<std::string_view> out;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '{') ++depth;
        else if (s[i] == '}') --depth;
        else if (s[i] == '|' && depth == 0) {
            out.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    out.push_back(s.substr(start));
    return out;
}

// The first sentence: up to the first ". " outside quotes.
std::string first_sentence(const std::string& s) {
    bool quoted = false;
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        if (s[i] == '"') quoted = !quoted;
        if (!quoted && s[i] == '.' && s[i + 1] == ' ') return s.substr(0, i + 1);
    }
    return s;
}

bool lower_ascii(char c) { return c >= 'a' && c <= 'z'; }
bool upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

std::string apply_format(const ojson& value, std::string_view format, std::string_view arg, const ojson& params,
                         Lang lang) {
    if (format == "plural") {
        const double n = value.is_number() ? value.get<double>() : value.is_array() ? double(value.size()) : 0;
        const auto b = branches(arg);
        std::string_view pick = b.back();
        if (b.size() >= 3 && n == 0) pick = b[0];
        else if (lang == Lang::fr ? n < 2 : n == 1) pick = b[b.size() >= 3 ? 1 : 0];
        else pick = b.back();
        return render_template(pick, params, lang);
    }
    if (format == "sel") {
        const std::string key = value.is_string() ? value.get<std::string>() : value.dump();
        for (const auto b : branches(arg)) {
            const auto eq = b.find('=');
            if (eq == std::string_view::npos) continue;
            const auto k = b.substr(0, eq);
            if (k == key || k == "*") return render_template(b.substr(eq + 1), params, lang);
        }
        return "";
    }
    std::string s = render_value(value, lang);
    if (format == "2dp" && value.is_number()) {
        s = fixed(value.get<double>(), 2);
        if (lang == Lang::fr)
            for (auto& c : s)
                if (c == '.') c = ',';
    } else if (format == "1dp" && value.is_number()) {
        s = fixed(value.get<double>(), 1);
        if (lang == Lang::fr)
            for (auto& c : s)
                if (c == '.') c = ',';
    } else if (format == "int" && value.is_number()) {
        s = std::to_string(value.get<long long>());
    } else if (format == "sentence" || format == "lcsentence") {
        s = first_sentence(s);
        if (format == "lcsentence" && s.size() > 1 && upper_ascii(s[0]) && lower_ascii(s[1])) s[0] = char(s[0] + 32);
        // French capitals with an accent ("État") are left as they are: rare at a sentence start here.
    } else if (format == "cap") {
        if (!s.empty() && lower_ascii(s[0])) s[0] = char(s[0] - 32);
    }
    return s;
}

std::string render_template(std::string_view tpl, const ojson& params, Lang lang) {
    std::string out;
    out.reserve(tpl.size() + 32);
    for (std::size_t i = 0; i < tpl.size(); ++i) {
        if (tpl[i] != '{') {
            out += tpl[i];
            continue;
        }
        int depth = 1;
        std::size_t j = i + 1;
        for (; j < tpl.size() && depth > 0; ++j) {
            if (tpl[j] == '{') ++depth;
            else if (tpl[j] == '}') --depth;
        }
        const auto inner = tpl.substr(i + 1, j - i - 2);
        i = j - 1;
        const auto c1 = inner.find(':');
        const auto name = std::string(inner.substr(0, c1));
        std::string_view format, arg;
        if (c1 != std::string_view::npos) {
            const auto rest = inner.substr(c1 + 1);
            const auto c2 = rest.find(':');
            format = rest.substr(0, c2);
            if (c2 != std::string_view::npos) arg = rest.substr(c2 + 1);
        }
        static const ojson null_value;
        const ojson& value = params.is_object() && params.contains(name) ? params[name] : null_value;
        out += apply_format(value, format, arg, params, lang);
    }
    return out;
}

}  // namespace

std::string render(std::string_view id, const ojson& params, Lang lang) {
    const auto* e = find_message(id);
    if (!e) return std::string(id);
    return render_template(lang == Lang::fr && !e->fr.empty() ? e->fr : e->en, params, lang);
}

std::string render(const Message& m, Lang lang) { return render(m.id, m.params, lang); }

}  // namespace exportcheck
