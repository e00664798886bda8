// A libFuzzer entry point for one parser, chosen at compile time by EXPORTCHECK_FUZZ_TARGET.
#include "targets.hpp"

#include <exportcheck/error.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto* target = exportcheck::fuzz::find_target(EXPORTCHECK_FUZZ_TARGET);
    if (!target) std::abort();
    try {
        target->run(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const exportcheck::Error& e) {
        // A clear refusal is the right answer to bad input, if its message can be shown.
        if (!exportcheck::fuzz::message_is_utf8(e)) {
            std::fprintf(stderr, "refused with a message that is not valid UTF-8 [%s]\n", e.code().c_str());
            std::abort();
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "uncaught %s: not an exportcheck::Error\n", e.what());
        std::abort();
    }
    return 0;
}
