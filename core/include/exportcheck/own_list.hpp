// A reseller's own list: parties they refuse, or want a second look at, in their own words (list code OWN,
// each entry with its consequence: block or review). It is screened with every order beside the bundle's
// lists, through a small name index of its own: the bundle's big index is never rebuilt for it.
//
//   const auto entries = parse_own_list({{text, "refused.csv"}}).value();  // lists.hpp; errors name file, line, field
//   const OwnList own(entries, bundle_matcher);                      // word rarity from the bundle's index
//   ScreenOptions options;
//   options.own_list = &own;                                         // hits: list OWN, the entry's consequence
#pragma once

#include <exportcheck/entry.hpp>

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace exportcheck {

class Matcher;

class OwnList {
public:
    // `base`: the name index of the bundle screened beside it (it must outlive this OwnList). An own-list
    // name then scores what it would if the entry were in the bundle.
    OwnList(std::vector<Entry> entries, const Matcher& base);
    ~OwnList();
    OwnList(const OwnList&) = delete;
    OwnList& operator=(const OwnList&) = delete;

    const std::vector<Entry>& entries() const noexcept;
    const Matcher& matcher() const noexcept;
    // The bundle index it was built over: a Screener refuses an own list built over another one.
    const Matcher& base() const noexcept;
    // sha256 of the entries as read (all fields): a report names the own list it was screened with.
    const std::string& sha256() const noexcept;
    // {"entries": n, "sha256": ...}: what a report and the wasm API say about it.
    nlohmann::ordered_json summary() const;

    struct State;
    const State& state() const noexcept { return *state_; }

private:
    std::unique_ptr<State> state_;
};

}  // namespace exportcheck
