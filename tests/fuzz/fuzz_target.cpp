// A libFuzzer entry point for one parser, chosen at compile time by EXPORTCHECK_FUZZ_TARGET.
#include "run_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return exportcheck::fuzz::run_input(EXPORTCHECK_FUZZ_TARGET, data, size);
}
