// What a step that can fail gives back: its value, or the Error that stopped it.
//
// The core returns its errors instead of throwing them, so that the WebAssembly build carries no exception
// tables: they cost 81 KB of a 579 KB gzipped module (bench/README.md). Every door the browser reaches
// (bundle, rules, orders, settings, own list, match queries) reports through a Result; `throw` remains only
// in native-only code (list parsers, CLI). value() throws the Error, for native code and tests that prefer
// exceptions; in the browser build a throw aborts, so wasm code looks at ok() first.
//
//   Result<Order> order = order_from_json(j);
//   if (!order) return order.error();
//   EC_ASSIGN_OR_RETURN(auto order, order_from_json(j));   // the same, in one line
#pragma once

#include <exportcheck/error.hpp>

#include <optional>
#include <utility>
#include <variant>

namespace exportcheck {

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const noexcept { return v_.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    T& operator*() & { return *std::get_if<0>(&v_); }
    const T& operator*() const& { return *std::get_if<0>(&v_); }
    T&& operator*() && { return std::move(*std::get_if<0>(&v_)); }
    T* operator->() { return std::get_if<0>(&v_); }
    const T* operator->() const { return std::get_if<0>(&v_); }

    const Error& error() const& { return *std::get_if<1>(&v_); }
    Error&& error() && { return std::move(*std::get_if<1>(&v_)); }

    // The value, or the Error thrown (native code and tests only: see above).
    T value() && {
        if (!ok()) throw std::move(*std::get_if<1>(&v_));
        return std::move(*std::get_if<0>(&v_));
    }

private:
    std::variant<T, Error> v_;
};

// A step with nothing to give back but success or its Error.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error) : error_(std::move(error)) {}

    bool ok() const noexcept { return !error_; }
    explicit operator bool() const noexcept { return ok(); }
    const Error& error() const& { return *error_; }
    Error&& error() && { return std::move(*error_); }
    // Throws the Error, if any (native code and tests only).
    void value() && {
        if (error_) throw std::move(*error_);
    }

private:
    std::optional<Error> error_;
};

}  // namespace exportcheck

#define EC_RESULT_CONCAT_(a, b) a##b
#define EC_RESULT_CONCAT(a, b) EC_RESULT_CONCAT_(a, b)

// Declares (or assigns) `lhs` from a Result's value, or returns its Error from the enclosing function.
#define EC_ASSIGN_OR_RETURN(lhs, expr) EC_ASSIGN_OR_RETURN_(EC_RESULT_CONCAT(ec_result_, __LINE__), lhs, expr)
#define EC_ASSIGN_OR_RETURN_(tmp, lhs, expr)       \
    auto tmp = (expr);                             \
    if (!tmp.ok()) return std::move(tmp).error(); \
    lhs = std::move(*tmp)

// Returns the Error of a Status or Result from the enclosing function, if it has one.
#define EC_RETURN_IF_ERROR(expr)                                         \
    do {                                                                 \
        if (auto ec_status_ = (expr); !ec_status_.ok()) return std::move(ec_status_).error(); \
    } while (false)
