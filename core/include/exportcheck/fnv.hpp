// 64-bit FNV-1a, the core's one string hash: maps keyed by words (Text, Match), the matcher's index keys,
// and the DPL's ids, which are stored (tests/native/dpl_test.cpp pins them), so it must never change.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace exportcheck::text {

inline constexpr std::uint64_t kFnvOffsetBasis = 14695981039346656037ull;
inline constexpr std::uint64_t kFnvPrime = 1099511628211ull;

// `h` carries on from an earlier hash, so several strings can be hashed as one key.
constexpr std::uint64_t fnv1a64(std::string_view s, std::uint64_t h = kFnvOffsetBasis) noexcept {
    for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * kFnvPrime;
    return h;
}

// For unordered maps of words; transparent, so string_views look up std::string keys without a copy.
struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return static_cast<std::size_t>(fnv1a64(s)); }
};

}  // namespace exportcheck::text
