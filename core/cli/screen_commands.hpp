// `exportcheck screen`: orders screened against a bundle, one JSON report per order.
#pragma once

#include "args.hpp"

#include <ostream>

namespace exportcheck::cli {

// screen --bundle BUNDLE [--rules DIR] [--clearances FILE] [--settings FILE] [--screened-at TIME] [--compact]
//        ORDER.json | ORDERS.jsonl | ORDERS.csv | -
// A .json file holds one order (or {order, clearances, settings, screened_at}, or a list of orders); its report
// is printed indented (one line with --compact; one line per order for a list). A .jsonl or .csv file gives
// one report line per order; a bad line or order gives an error line naming it, the others are still
// screened, and the exit code is 1.
int screen_command(const Args& args, std::ostream& out, std::ostream& err);

}  // namespace exportcheck::cli
