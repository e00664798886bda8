#include "run_input.hpp"

#include "targets.hpp"

#include <exportcheck/error.hpp>

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace exportcheck::fuzz {

int run_input(const char* target_name, const std::uint8_t* data, std::size_t size) {
    static const auto* target = find_target(target_name);
    if (!target) std::abort();
    Status status;
    try {
        status = target->run(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const std::exception& e) {
        // The refusals come back as values: a throw from the browser's doors would abort the wasm.
        std::fprintf(stderr, "uncaught %s\n", e.what());
        std::abort();
    }
    // A clear refusal is the right answer to bad input, if its message can be shown.
    if (!status.ok() && !message_is_utf8(status.error())) {
        std::fprintf(stderr, "refused with a message that is not valid UTF-8 [%s]\n", status.error().code().c_str());
        std::abort();
    }
    return 0;
}

}  // namespace exportcheck::fuzz
