// One party listed by two sources of the same list (the eCFR Entity List and the CSL's copy of it)
// must give one hit, not two: the newer source's record leads, the older one corroborates.
#include "list_text.hpp"

#include <exportcheck/lists.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

namespace exportcheck {
namespace {

// Case, spacing and ASCII punctuation ignored; other bytes (non-Latin scripts) kept as they are.
std::string party_key(std::string_view name) {
    std::string key;
    for (const unsigned char c : name) {
        if (c >= 0x80 || std::isalnum(c)) key += static_cast<char>(std::tolower(c));
    }
    return key;
}

std::set<std::string> countries_of(const Entry& e) {
    std::set<std::string> out;
    for (const auto& a : e.addresses)
        if (!a.country.empty()) out.insert(a.country == "HK" || a.country == "MO" ? "CN" : a.country);
    return out;
}

bool countries_agree(const Entry& a, const Entry& b) {
    const auto ca = countries_of(a), cb = countries_of(b);
    if (ca.empty() || cb.empty()) return true;
    return std::any_of(ca.begin(), ca.end(), [&](const std::string& c) { return cb.count(c) > 0; });
}

std::vector<std::string> keys_of(const Entry& e) {
    std::vector<std::string> keys;
    auto add = [&](std::string_view name) {
        lists::add_unique(keys, party_key(name));
        // "Chengdu Huawei Technologies Co., Ltd., Chengdu, Sichuan": the name, then its place. Every
        // prefix ending before a ", " is a candidate; short ones are too ambiguous to count.
        for (auto comma = name.find(", "); comma != std::string_view::npos; comma = name.find(", ", comma + 1)) {
            const auto head = party_key(name.substr(0, comma));
            if (head.size() >= 8) lists::add_unique(keys, head);
        }
    };
    add(e.name);
    for (const auto& a : e.aliases) add(a.name);
    return keys;
}

std::string citation(const Entry& old) {
    std::string s = fmt::format("{} {} {}: {}", old.source, old.list, old.source_id, old.name);
    if (old.name.empty()) s = fmt::format("{} {} {}: detail", old.source, old.list, old.source_id);
    if (!old.federal_register.empty()) s += "; " + old.federal_register;
    if (!old.start_date.empty()) s += "; listed " + old.start_date;
    if (!old.license_requirement.empty()) s += "; licence requirement: " + old.license_requirement;
    if (!old.license_policy.empty()) s += "; licence policy: " + old.license_policy;
    return s;
}

// OFAC numbers its parties (ent_num) in every format it publishes and in the CSL: where both records
// carry such a number, the number alone says whether they are the same party.
bool is_ofac_number(std::string_view id) {
    return !id.empty() && id.size() <= 9 && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void add_all(std::vector<std::string>& into, const std::vector<std::string>& from) {
    for (const auto& v : from) lists::add_unique(into, v);
}

// A full address replaces the newer record's bare country of the same country (the CSL export keeps
// only countries); any other address is added once.
void add_addresses(Entry& into, std::vector<Address>& from) {
    for (auto& a : from) {
        if (std::find(into.addresses.begin(), into.addresses.end(), a) != into.addresses.end()) continue;
        const bool detailed = !a.street.empty() || !a.city.empty() || !a.postal_code.empty();
        if (detailed && !a.country.empty())
            std::erase_if(into.addresses, [&](const Address& b) {
                return b.country == a.country && b.street.empty() && b.city.empty() && b.state.empty() &&
                       b.postal_code.empty();
            });
        into.addresses.push_back(std::move(a));
    }
}

void fold(Entry& into, Entry& old) {
    const auto known = [&](const std::string& n) {
        const auto k = party_key(n);
        return k == party_key(into.name) ||
               std::any_of(into.aliases.begin(), into.aliases.end(), [&](const Alias& a) { return party_key(a.name) == k; });
    };
    if (!old.name.empty() && !known(old.name)) into.aliases.push_back({old.name, "name in " + old.source});
    for (auto& a : old.aliases)
        if (!known(a.name)) into.aliases.push_back(a);
    add_addresses(into, old.addresses);
    if (into.type == EntityType::unknown) into.type = old.type;
    if (into.title.empty()) into.title = old.title;
    if (into.start_date.empty()) into.start_date = old.start_date;
    if (into.remarks.empty()) into.remarks = old.remarks;
    add_all(into.dates_of_birth, old.dates_of_birth);
    add_all(into.places_of_birth, old.places_of_birth);
    add_all(into.nationalities, old.nationalities);
    add_all(into.citizenships, old.citizenships);
    add_all(into.ids, old.ids);
    into.corroboration.push_back(citation(old));
}

}  // namespace

std::vector<Entry> merge_into_newer(std::vector<Entry>& newer, std::vector<Entry> older) {
    std::unordered_map<std::string, std::vector<std::size_t>> by_key;  // "LIST\x1fkey" -> newer entries
    std::unordered_map<std::string, std::size_t> by_number;            // "LIST\x1fent_num" -> newer entry
    for (std::size_t i = 0; i < newer.size(); ++i) {
        by_key[newer[i].list + '\x1f' + party_key(newer[i].name)].push_back(i);
        for (const auto& a : newer[i].aliases) by_key[newer[i].list + '\x1f' + party_key(a.name)].push_back(i);
        if (is_ofac_number(newer[i].source_id)) by_number.emplace(newer[i].list + '\x1f' + newer[i].source_id, i);
    }
    std::vector<Entry> unmatched;
    for (auto& old : older) {
        Entry* into = nullptr;
        if (is_ofac_number(old.source_id) && !by_number.empty()) {
            if (const auto it = by_number.find(old.list + '\x1f' + old.source_id); it != by_number.end())
                into = &newer[it->second];
        } else {
            for (const auto& key : keys_of(old)) {
                const auto it = by_key.find(old.list + '\x1f' + key);
                if (key.empty() || it == by_key.end()) continue;
                for (const auto i : it->second)
                    if (countries_agree(newer[i], old)) {
                        into = &newer[i];
                        break;
                    }
                if (into) break;
            }
        }
        if (into)
            fold(*into, old);
        else
            unmatched.push_back(std::move(old));
    }
    return unmatched;
}

}  // namespace exportcheck
