// What a publisher's refresh refuses: a downloaded file that is not the list (an HTML error or login
// page, a file cut short), and a new bundle whose list shrank too much against the previous bundle.
#pragma once

#include <exportcheck/bundle.hpp>

#include <string>
#include <string_view>

namespace exportcheck::cli {

// Throws Error "fetch_refused" naming the URL and the reason when `body` is an HTML page, or is cut
// short for its format (.xlsx: not a whole zip / workbook; .xml: the root element never closes; .csv and
// .txt: the last line is incomplete).
void check_fetched_file(std::string_view url, std::string_view file_name, std::string_view body);

// Throws Error "bundle_shrunk" when a list of `built` has more than 20% fewer entries than in `previous`
// (or is gone), naming the list, the source files it came from and both counts. `allowed`: list codes
// (comma-separated) or "all" that may shrink, as the publisher says (--allow-shrink).
void check_no_shrink(const Bundle& previous, std::string_view previous_name, const BundleMeta& built_meta,
                     const std::vector<Entry>& built_entries, std::string_view allowed);

}  // namespace exportcheck::cli
