// Runs one fuzz input through the named target (targets.hpp). Compiled once for every fuzz binary; each
// binary's LLVMFuzzerTestOneInput only names its target.
#pragma once

#include <cstddef>
#include <cstdint>

namespace exportcheck::fuzz {

int run_input(const char* target_name, const std::uint8_t* data, std::size_t size);

}  // namespace exportcheck::fuzz
