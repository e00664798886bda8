// The reseller's own list: its entries, a small name index weighing words as the bundle's does, and its
// listed addresses (R02), built once when the list is set.
#include "screen_internal.hpp"

#include <exportcheck/bundle.hpp>
#include <exportcheck/sha256.hpp>

namespace exportcheck {

namespace {

std::string entries_sha256(const std::vector<Entry>& entries) {
    std::string all;
    for (const auto& e : entries) all += entry_canonical_text(e) + "\n";
    return sha256_hex(all);
}

}  // namespace

OwnList::State::State(std::vector<Entry> e, const Matcher& bundle_index)
    : entries(std::move(e)), base(bundle_index), matcher(entries, bundle_index), addresses(entries), sha256(entries_sha256(entries)) {}

OwnList::OwnList(std::vector<Entry> entries, const Matcher& base)
    : state_(std::make_unique<State>(std::move(entries), base)) {}
OwnList::~OwnList() = default;

const std::vector<Entry>& OwnList::entries() const noexcept { return state_->entries; }
const Matcher& OwnList::matcher() const noexcept { return state_->matcher; }
const Matcher& OwnList::base() const noexcept { return state_->base; }
const std::string& OwnList::sha256() const noexcept { return state_->sha256; }

nlohmann::ordered_json OwnList::summary() const {
    nlohmann::ordered_json j;
    j["entries"] = state_->entries.size();
    j["sha256"] = state_->sha256;
    return j;
}

}  // namespace exportcheck
