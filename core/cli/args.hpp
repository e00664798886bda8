// A small command-line argument reader: positional arguments and `--name value` / `--flag` options.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace exportcheck::cli {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Args {
public:
    // `flags` are options without a value; every other `--x` takes the next argument as its value.
    // Options listed in `repeatable` may be given several times.
    Args(const std::vector<std::string>& argv, const std::vector<std::string>& flags = {});

    const std::vector<std::string>& positional() const { return positional_; }
    std::optional<std::string> get(const std::string& name) const;
    std::vector<std::string> all(const std::string& name) const;
    std::string require(const std::string& name) const;
    bool flag(const std::string& name) const;
    // Fails on options the command does not know.
    void only(const std::vector<std::string>& known) const;

private:
    std::vector<std::string> positional_;
    std::multimap<std::string, std::string> options_;
};

}  // namespace exportcheck::cli
