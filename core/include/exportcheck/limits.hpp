// Documented maxima. Input beyond them is refused with a clear error naming the limit, never truncated
// silently and never allowed to exhaust memory (the browser's wasm heap is the tight one).
#pragma once

#include <cstddef>

namespace exportcheck::limits {

inline constexpr std::size_t kMaxNameBytes = 1024;            // a party or list-entry name, an alias
inline constexpr std::size_t kMaxTextFieldBytes = 16 * 1024;  // any other free-text field (address, end use, remarks)
inline constexpr std::size_t kMaxPartiesPerOrder = 64;
inline constexpr std::size_t kMaxItemsPerOrder = 500;
inline constexpr std::size_t kMaxOrderBytes = 1024 * 1024;    // one order's JSON
inline constexpr std::size_t kMaxOrdersPerBatch = 100'000;    // one CSV / JSON lines file of orders
inline constexpr std::size_t kMaxListEntries = 1'000'000;     // entries in one imported list file

}  // namespace exportcheck::limits
