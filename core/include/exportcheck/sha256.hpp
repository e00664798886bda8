// SHA-256 in plain C++ so the core can check a bundle's integrity the same way natively and in wasm.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace exportcheck {

using Sha256Digest = std::array<std::uint8_t, 32>;

Sha256Digest sha256(std::string_view data);
std::string to_hex(const Sha256Digest& digest);
inline std::string sha256_hex(std::string_view data) { return to_hex(sha256(data)); }

}  // namespace exportcheck
