#include <exportcheck/list_names.hpp>

#include <array>

namespace exportcheck {
namespace {

struct ListNames {
    std::string_view code;
    std::string_view entry_name;  // as the entries carry it (and reports quote it): the CSL's `source` strings
    ListTitle title;
};

constexpr std::string_view kBis = "U.S. Department of Commerce, Bureau of Industry and Security (BIS)";
constexpr std::string_view kOfac = "U.S. Department of the Treasury, Office of Foreign Assets Control (OFAC)";
constexpr std::string_view kDdtc = "U.S. Department of State, Directorate of Defense Trade Controls (DDTC)";
constexpr std::string_view kIsn = "U.S. Department of State, Bureau of International Security and Nonproliferation";

// Titles as each publisher's own page gives them (data/README.md lists the pages).
constexpr std::array<ListNames, 16> kLists = {{
    {"EL", "Entity List (EL) - Bureau of Industry and Security", {"Entity List", kBis}},
    {"DPL", "Denied Persons List (DPL) - Bureau of Industry and Security", {"Denied Persons List", kBis}},
    {"UVL", "Unverified List (UVL) - Bureau of Industry and Security", {"Unverified List", kBis}},
    {"MEU", "Military End User (MEU) List - Bureau of Industry and Security", {"Military End-User List", kBis}},
    {"SDN", "Specially Designated Nationals (SDN) - Treasury Department",
     {"Specially Designated Nationals and Blocked Persons List", kOfac}},
    {"SSI", "Sectoral Sanctions Identifications List (SSI) - Treasury Department",
     {"Sectoral Sanctions Identifications List", kOfac}},
    {"FSE", "Foreign Sanctions Evaders (FSE) - Treasury Department", {"Foreign Sanctions Evaders List", kOfac}},
    {"CMIC", "Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department",
     {"Non-SDN Chinese Military-Industrial Complex Companies List", kOfac}},
    {"MBS", "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department",
     {"Non-SDN Menu-Based Sanctions List", kOfac}},
    {"CAP", "Capta List (CAP) - Treasury Department",
     {"List of Foreign Financial Institutions Subject to Correspondent Account or Payable-Through Account "
      "Sanctions (CAPTA List)", kOfac}},
    {"PLC", "Palestinian Legislative Council List (PLC) - Treasury Department",
     {"Non-SDN Palestinian Legislative Council List", kOfac}},
    {"DTC", "ITAR Debarred (DTC) - State Department", {"Statutorily Debarred Parties (ITAR)", kDdtc}},
    {"ISN", "Nonproliferation Sanctions (ISN) - State Department", {"Nonproliferation Sanctions", kIsn}},
    {"UN", "UN Security Council Consolidated List",
     {"United Nations Security Council Consolidated List", "United Nations Security Council"}},
    {"UK", "UK Sanctions List (FCDO; OFSI Consolidated List until 2026-01-28)",
     {"UK Sanctions List", "UK Foreign, Commonwealth & Development Office (FCDO)"}},
    {"AU", "Australian Consolidated Sanctions List (DFAT)",
     {"Australian Sanctions Consolidated List", "Australian Government, Department of Foreign Affairs and Trade (DFAT)"}},
}};

const ListNames* find(std::string_view code) noexcept {
    for (const auto& l : kLists)
        if (l.code == code) return &l;
    return nullptr;
}

}  // namespace

std::string_view official_list_name(std::string_view code) noexcept {
    const auto* l = find(code);
    return l ? l->entry_name : std::string_view();
}

ListTitle official_list_title(std::string_view code) noexcept {
    const auto* l = find(code);
    return l ? l->title : ListTitle{};
}

}  // namespace exportcheck
