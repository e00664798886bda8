// One error type for everything the core rejects: a stable machine-readable code and a message that
// names the file, line, column or field at fault. An input error a person sees (a bad order, a bad CSV
// row, a file that is not a CSV of orders) also carries its message id and parameters (message.hpp), so
// the page and the widget show it in the user's language; what() is its English text.
#pragma once

#include <exportcheck/message.hpp>

#include <stdexcept>
#include <string>

namespace exportcheck {

class Error : public std::runtime_error {
public:
    Error(std::string code, const std::string& message) : std::runtime_error(message), code_(std::move(code)) {}
    Error(std::string code, Message message)
        : std::runtime_error(render(message, Lang::en)), code_(std::move(code)), message_(std::move(message)) {}
    const std::string& code() const noexcept { return code_; }
    // The message id and parameters; the id is "" for an error without a catalogue entry.
    const Message& message() const noexcept { return message_; }
    // The message in a language (what() when it has no catalogue entry).
    std::string text(Lang lang) const { return message_.id.empty() ? std::string(what()) : render(message_, lang); }

private:
    std::string code_;  // e.g. "bundle_truncated", "csv_unbalanced_quote", "bad_order"
    Message message_;
};

}  // namespace exportcheck
