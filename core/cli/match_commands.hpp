// `exportcheck match` and `exportcheck compare`: name screening against a bundle, and two names compared.
#pragma once

#include "args.hpp"

#include <ostream>

namespace exportcheck::cli {

// match --bundle BUNDLE --name NAME [--type T] [--country CC] [--dob DATE] [--top N]
// match --bundle BUNDLE --batch QUERIES.jsonl [--top N]     (one result line per query line; "-" is stdin)
int match_command(const Args& args, std::ostream& out, std::ostream& err);

// compare NAME_A NAME_B [--type T]
// compare --batch PAIRS.jsonl                                  (lines {"a", "b", "type"?})
int compare_command(const Args& args, std::ostream& out, std::ostream& err);

}  // namespace exportcheck::cli
