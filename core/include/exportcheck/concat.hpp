// Plain text glued from pieces, for error details and evidence: concat("line ", 12, ": ", what).
// The code the browser runs formats with this instead of fmt, whose engine cost the wasm 18 KB gzipped;
// numbers a person reads in their language go through message.hpp (format_number) instead.
#pragma once

#include <concepts>
#include <string>
#include <string_view>

namespace exportcheck {

// A number with `decimals` digits after the point, as C's "%.*f" writes it ("3.14"); never in a locale.
std::string fixed(double value, int decimals);
// The fewest digits that read back as `value`, as fmt's "{}" wrote them: "1.5", "100", "0.0001", "1e+16", "5e-05".
std::string shortest(double value);

namespace detail {
inline void append(std::string& out, std::string_view s) { out += s; }
inline void append(std::string& out, char c) { out += c; }
template <std::integral I>
    requires(!std::same_as<I, char> && !std::same_as<I, bool>)
void append(std::string& out, I n) {
    out += std::to_string(n);
}
}  // namespace detail

template <class... Parts>
std::string concat(const Parts&... parts) {
    std::string out;
    (detail::append(out, parts), ...);
    return out;
}

}  // namespace exportcheck
