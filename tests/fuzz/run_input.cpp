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
    try {
        target->run(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const Error& e) {
        // A clear refusal is the right answer to bad input, if its message can be shown.
        if (!message_is_utf8(e)) {
            std::fprintf(stderr, "refused with a message that is not valid UTF-8 [%s]\n", e.code().c_str());
            std::abort();
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "uncaught %s: not an exportcheck::Error\n", e.what());
        std::abort();
    }
    return 0;
}

}  // namespace exportcheck::fuzz
