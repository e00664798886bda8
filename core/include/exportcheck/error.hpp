// One error type for everything the core rejects: a stable machine-readable code and a message that
// names the file, line, column or field at fault.
#pragma once

#include <stdexcept>
#include <string>

namespace exportcheck {

class Error : public std::runtime_error {
public:
    Error(std::string code, const std::string& message) : std::runtime_error(message), code_(std::move(code)) {}
    const std::string& code() const noexcept { return code_; }

private:
    std::string code_;  // e.g. "bundle_truncated", "csv_unbalanced_quote", "bad_order"
};

}  // namespace exportcheck
