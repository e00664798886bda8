// Internals of screening: the Screener's state and party screening (internal).
#pragma once

#include <exportcheck/checks.hpp>
#include <exportcheck/match.hpp>
#include <exportcheck/own_list.hpp>
#include <exportcheck/screen.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace exportcheck {

// Listed street addresses by country, for R02 (a party at a listed address).
struct AddressIndex {
    struct Record {
        std::size_t entry = 0;
        std::size_t address = 0;
        std::vector<std::string> words;    // informative words of the street
        std::vector<std::string> numbers;  // house, floor, unit numbers
        bool address_only = false;         // an Entity List entry that is an address ("Address 01")
    };
    std::map<std::string, std::vector<Record>> by_country;

    explicit AddressIndex(const std::vector<Entry>& entries);
    // Records whose street is contained in the given address (same country).
    std::vector<const Record*> find(const PartyAddress& address) const;
};

struct Screener::State {
    RulesData rules;
    std::unique_ptr<Matcher> own_matcher;  // when the Screener built its own
    const Matcher& matcher;
    AddressIndex addresses;
    std::map<std::string, std::string> list_dates;  // each list's data date, for the report's `bundle`
    State(const Bundle& bundle, RulesData r)
        : rules(std::move(r)), own_matcher(std::make_unique<Matcher>(bundle.entries)), matcher(*own_matcher),
          addresses(bundle.entries), list_dates(exportcheck::list_dates(bundle)) {}
    State(const Bundle& bundle, const Matcher& shared, RulesData r)
        : rules(std::move(r)), matcher(shared), addresses(bundle.entries), list_dates(exportcheck::list_dates(bundle)) {}
};

// The own list's entries, their name index (word rarity from the bundle's) and their listed addresses.
struct OwnList::State {
    std::vector<Entry> entries;
    const Matcher& base;
    Matcher matcher;
    AddressIndex addresses;
    std::string sha256;
    State(std::vector<Entry> e, const Matcher& bundle_index);
};

struct PartyScreenInput {
    const Order& order;
    const RulesData& rules;
    const Matcher& matcher;
    const AddressIndex& addresses;
    std::string reference_date;
    const OwnList* own_list = nullptr;  // screened beside the bundle's lists when given
};

// R01, R02, R17, R22: every party (and parent, owner, payer and bank named in the order) against the lists.
std::vector<Finding> screen_parties(const PartyScreenInput& in);

// Marks party findings matching a clearance as cleared (or notes a clearance whose entry changed).
void apply_clearances(std::vector<Finding>& findings, const std::vector<Clearance>& clearances);

}  // namespace exportcheck
