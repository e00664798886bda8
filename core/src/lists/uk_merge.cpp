// The UK list from the UK Sanctions List (newer, authoritative on who is listed) and OFSI's ConList
// (older, richer: full addresses, names in other scripts, towns of birth, regimes). The two share
// identifiers, so parties are joined by them, never by name.
#include "list_text.hpp"
#include "sheet_text.hpp"

#include <exportcheck/intl_lists.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace exportcheck {
namespace {

constexpr std::string_view kRefLabel = "UK Sanctions List Ref: ";
constexpr std::string_view kGroupLabel = "OFSI group ID: ";

using lists::add_unique;

bool has_name(const Entry& e, const std::string& name) {
    return lists::iequals(e.name, name) ||
           std::any_of(e.aliases.begin(), e.aliases.end(), [&](const Alias& a) { return lists::iequals(a.name, name); });
}

// The OFSI group IDs a UK Sanctions List entry cites in its remarks ("OFSI group ID: 12703").
std::vector<std::string> group_ids(const Entry& e) {
    std::vector<std::string> out;
    for (auto at = e.remarks.find(kGroupLabel); at != std::string::npos; at = e.remarks.find(kGroupLabel, at + 1)) {
        const auto from = at + kGroupLabel.size();
        out.push_back(e.remarks.substr(from, e.remarks.find(" |", from) - from));
    }
    return out;
}

void add_detail(Entry& into, const Entry& old, std::string_view date) {
    if (!has_name(into, old.name)) into.aliases.push_back({old.name, "primary name (OFSI)"});
    for (const auto& a : old.aliases)
        if (!has_name(into, a.name)) into.aliases.push_back(a);
    // The newer list gives only an address's country: a full OFSI address replaces that.
    for (const auto& a : old.addresses) {
        std::erase_if(into.addresses, [&](const Address& mine) {
            return mine.street.empty() && mine.city.empty() && mine.postal_code.empty() && mine.country == a.country &&
                   !a.country.empty();
        });
        if (std::find(into.addresses.begin(), into.addresses.end(), a) == into.addresses.end()) into.addresses.push_back(a);
    }
    for (const auto& place : old.places_of_birth) {
        // "Town, Country" supersedes the newer list's bare "Country".
        std::erase_if(into.places_of_birth, [&](const std::string& mine) { return place.ends_with(", " + mine); });
        add_unique(into.places_of_birth, place);
    }
    for (const auto& d : old.dates_of_birth) add_unique(into.dates_of_birth, d);
    for (const auto& n : old.nationalities) add_unique(into.nationalities, n);
    for (const auto& id : old.ids)
        if (!id.starts_with(kRefLabel)) add_unique(into.ids, id);
    for (const auto& p : old.programs) add_unique(into.programs, p);
    if (into.title.empty()) into.title = old.title;
    if (!old.remarks.empty()) into.remarks += (into.remarks.empty() ? "" : " | ") + old.remarks;
    into.corroboration.push_back(fmt::format("OFSI Consolidated List of {}, group ID {}", date, old.source_id));
}

}  // namespace

UkMerge merge_uk_sources(std::vector<Entry>& uksl, const std::vector<Entry>& ofsi, std::string_view ofsi_date) {
    std::map<std::string, std::size_t> by_id, by_group;
    for (std::size_t i = 0; i < uksl.size(); ++i) {
        by_id.emplace(uksl[i].source_id, i);
        for (const auto& g : group_ids(uksl[i])) by_group.emplace(g, i);
    }
    UkMerge result;
    for (const auto& old : ofsi) {
        std::size_t target = uksl.size();
        for (const auto& id : old.ids)
            if (id.starts_with(kRefLabel))
                if (auto it = by_id.find(id.substr(kRefLabel.size())); it != by_id.end()) target = it->second;
        if (target == uksl.size())
            if (auto it = by_group.find(old.source_id); it != by_group.end()) target = it->second;
        if (target == uksl.size()) {
            ++result.dropped;  // not on the newer list: delisted since
            continue;
        }
        add_detail(uksl[target], old, ofsi_date);
        ++result.enriched;
    }
    return result;
}

}  // namespace exportcheck
