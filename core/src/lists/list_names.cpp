#include <exportcheck/list_names.hpp>

#include <array>
#include <utility>

namespace exportcheck {
namespace {

// The CSL's `source` strings (brief §3.1), plus the UN list.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kListNames = {{
    {"EL", "Entity List (EL) - Bureau of Industry and Security"},
    {"DPL", "Denied Persons List (DPL) - Bureau of Industry and Security"},
    {"UVL", "Unverified List (UVL) - Bureau of Industry and Security"},
    {"MEU", "Military End User (MEU) List - Bureau of Industry and Security"},
    {"SDN", "Specially Designated Nationals (SDN) - Treasury Department"},
    {"SSI", "Sectoral Sanctions Identifications List (SSI) - Treasury Department"},
    {"FSE", "Foreign Sanctions Evaders (FSE) - Treasury Department"},
    {"CMIC", "Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department"},
    {"MBS", "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department"},
    {"CAP", "Capta List (CAP) - Treasury Department"},
    {"PLC", "Palestinian Legislative Council List (PLC) - Treasury Department"},
    {"DTC", "ITAR Debarred (DTC) - State Department"},
    {"ISN", "Nonproliferation Sanctions (ISN) - State Department"},
    {"UN", "UN Security Council Consolidated List"},
}};

}  // namespace

std::string_view official_list_name(std::string_view code) noexcept {
    for (const auto& [c, name] : kListNames)
        if (c == code) return name;
    return {};
}

}  // namespace exportcheck
