// Numbers as reports print them, identical natively and in wasm (internal).
#pragma once

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

namespace exportcheck::rules_detail {

// 15832 -> "15,832"; 12104.5 -> "12,104.5"; 5.9213 -> "5.92" (two decimals below 100).
inline std::string human(double v) {
    if (std::fabs(v) < 100 && v != std::floor(v)) return fmt::format("{:.2f}", v);
    const double r = std::round(v * 10) / 10;
    std::string digits = fmt::format("{:.0f}", std::floor(std::fabs(r)));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    const double frac = std::fabs(r) - std::floor(std::fabs(r));
    if (frac > 0.05) out += fmt::format(".{:.0f}", frac * 10);
    return (r < 0 ? "-" : "") + out;
}

// A number for JSON: an integer when it is one, else rounded to `decimals`.
inline nlohmann::ordered_json json_number(double v, int decimals = 2) {
    if (v == std::floor(v) && std::fabs(v) < 1e15) return static_cast<long long>(v);
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

}  // namespace exportcheck::rules_detail
