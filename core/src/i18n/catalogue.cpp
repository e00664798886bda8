// The message catalogue: every sentence the engine writes, in English and French, by id. One .inc per
// area; an id is "area.what" and never changes meaning (a stored report's message_id stays readable).
#include <exportcheck/message.hpp>

#include <string_view>
#include <unordered_map>

namespace exportcheck {
namespace {

constexpr CatalogueEntry kCatalogue[] = {
#include "messages_report.inc"
#include "messages_licences.inc"
#include "messages_parties.inc"
#include "messages_flags.inc"
#include "messages_data.inc"
#include "messages_input.inc"
#include "messages_match.inc"
};

}  // namespace

std::span<const CatalogueEntry> catalogue() noexcept { return kCatalogue; }

const CatalogueEntry* find_message(std::string_view id) noexcept {
    static const auto index = [] {
        std::unordered_map<std::string_view, const CatalogueEntry*> m;
        for (const auto& e : kCatalogue) m.emplace(e.id, &e);
        return m;
    }();
    const auto it = index.find(id);
    return it == index.end() ? nullptr : it->second;
}

}  // namespace exportcheck
