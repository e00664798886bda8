// What the engine could not evaluate: order fields it could not read, items it could not classify. An
// order that cannot be fully evaluated is never `clear`: such findings ask for review.
#include "evidence.hpp"

#include <exportcheck/checks.hpp>

namespace exportcheck {

using namespace rules_detail;

// What a data-quality finding rests on: a fact the screening could not evaluate is not a clean result.
constexpr const char* kKnowYourCustomer = "15 CFR Part 732, Supp. No. 3 (BIS 'Know Your Customer' guidance): a fact the "
                                          "screening could not evaluate is not a clean result";

std::vector<Finding> check_data_quality(const CheckInput& in) {
    std::vector<Finding> out;
    for (const auto& issue : in.order.issues) {
        Finding f;
        f.kind = "data_quality";
        f.rule = issue.field.find("country") != std::string::npos ? "DQ-COUNTRY"
               : issue.field.find("role") != std::string::npos    ? "DQ-ROLE"
               : issue.needs_review                               ? "DQ-MISSING"
                                                                  : "DQ-IGNORED";
        f.severity = issue.needs_review ? Severity::review : Severity::info;
        f.message = fmt::format("{}: {}", issue.field, issue.message);
        f.evidence = {{"field", issue.field}, {"citation", kKnowYourCustomer}};
        out.push_back(std::move(f));
    }
    const bool hub_or_licence = std::any_of(in.destinations.countries.begin(), in.destinations.countries.end(), [&](const DestinationCountry& d) {
        return d.license_set || in.rules.flags.hub(d.code) != nullptr;
    });
    for (std::size_t i = 0; i < in.items.size(); ++i) {
        const auto& c = in.items[i];
        const auto& item = in.order.items[i];
        const bool gpu = contains(c.notes, "gpu");
        if (c.cls == ItemClass::undetermined || (c.cls == ItemClass::unclassified && (c.looks_datacenter || (gpu && hub_or_licence)))) {
            Finding f;
            f.kind = "data_quality";
            f.rule = "DQ-UNCLASSIFIED";
            f.severity = Severity::review;
            f.message = fmt::format("{} could not be classified ({}). Give the exact model, the maker's ECCN, or the chip's "
                                    "TPP and die area (items[].tpp, items[].die_area_mm2).",
                                    quote(item.description.empty() ? item.model : item.description), c.basis);
            f.evidence = {{"item", item.path}, {"classification", c.eccn}, {"basis", c.basis}, {"citation", kKnowYourCustomer}};
            out.push_back(std::move(f));
        } else if (c.cls == ItemClass::unclassified) {
            Finding f;
            f.kind = "data_quality";
            f.rule = "DQ-UNCLASSIFIED";
            f.severity = Severity::info;
            f.message = fmt::format("{} is not in the catalogue: it is reported as unclassified (not as EAR99). Check its "
                                    "ECCN with the maker.", quote(item.description.empty() ? item.model : item.description));
            f.evidence = {{"item", item.path}, {"classification", c.eccn}, {"citation", kKnowYourCustomer}};
            out.push_back(std::move(f));
        }
        for (const auto& note : c.notes) {
            if (note.find("maker's ECCN") == std::string::npos) continue;
            Finding f;
            f.kind = "data_quality";
            f.rule = "DQ-ECCN";
            f.severity = Severity::info;
            f.message = fmt::format("{}: {}.", item_label(item, c), note);
            f.evidence = {{"item", item.path}, {"maker_eccn", c.maker_eccn}, {"tool_eccn", c.eccn}, {"citation", "ECCN 3A090 and the Note to 3A090.a/.b (Supp. No. 1 to Part 774)"}};
            out.push_back(std::move(f));
        }
    }
    return out;
}

}  // namespace exportcheck
