// R04 compares the payer's name with the buyer's, the consignee's and the other payers': the name matcher
// decides, here in Screen, and Rules reads the answer (checks.hpp, AlikeNames).
#include <exportcheck/match.hpp>
#include <exportcheck/screen.hpp>

namespace exportcheck {
namespace {

constexpr double kSameCompany = 0.9;

std::vector<std::string> payer_names(const Order& order) {
    std::vector<std::string> out;
    for (const auto* p : order.with_role(Role::payer)) out.push_back(p->name);
    if (!order.payment.payer.empty()) out.push_back(order.payment.payer);
    return out;
}

}  // namespace

AlikeNames alike_payer_names(const Order& order) {
    const auto payers = payer_names(order);
    std::vector<std::string> others = payers;
    for (const auto& p : order.parties) others.push_back(p.name);
    AlikeNames out;
    for (const auto& payer : payers)
        for (const auto& other : others) {
            if (payer.empty() || other.empty() || payer == other || out.alike(payer, other)) continue;
            if (compare_names(payer, other, EntityType::organization).score >= kSameCompany) out.pairs.emplace_back(payer, other);
        }
    return out;
}

}  // namespace exportcheck
