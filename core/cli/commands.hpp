// The `exportcheck` command line (see README.md and ARCHITECTURE.md for the contract).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace exportcheck::cli {

// Runs one command; output goes to `out`, errors to `err`. Returns the process exit code:
// 0 success, 1 the command failed (bad input, bad signature...), 2 usage error.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run(int argc, char** argv);

}  // namespace exportcheck::cli
