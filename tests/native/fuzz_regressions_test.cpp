// Every input a fuzzer ever crashed on stays here as a regression test: tests/fuzz/regressions/<target>/.
// Each must now either parse or be refused with an exportcheck::Error (whose message is valid UTF-8), and
// never throw; the screening targets also check the report's invariants (tests/fuzz/screening_targets.hpp).
#include "test_support.hpp"

#include "../fuzz/targets.hpp"

#include <exportcheck/error.hpp>

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;

TEST_CASE("fuzz regressions: every saved input is parsed or refused with a clear error") {
    const fs::path root = fs::path(EXPORTCHECK_FIXTURES).parent_path() / "fuzz" / "regressions";
    std::size_t replayed = 0;
    for (const auto& target : exportcheck::fuzz::targets()) {
        const auto dir = root / target.name;
        if (!fs::is_directory(dir)) continue;
        for (const auto& file : fs::directory_iterator(dir)) {
            CAPTURE(file.path().filename().string());
            const auto input = exportcheck::test::read_file(file.path().string());
            const auto status = target.run(input);
            if (!status.ok())
                CHECK_MESSAGE(exportcheck::fuzz::message_is_utf8(status.error()), "the message is not valid UTF-8: ",
                              status.error().code());
            ++replayed;
        }
    }
    MESSAGE("replayed " << replayed << " saved fuzz inputs");
}

TEST_CASE("fuzz targets: the seed-like inputs run") {
    for (const auto& target : exportcheck::fuzz::targets()) {
        CAPTURE(target.name);
        for (std::string_view input : {std::string_view(""), std::string_view("\n--8<--\n"), std::string_view("{}"),
                                       std::string_view("\"\n"), std::string_view("EXCKBNDL")}) {
            (void)target.run(input);  // parsed or refused; a throw fails the test
        }
    }
}
