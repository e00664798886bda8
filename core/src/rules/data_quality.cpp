// What the engine could not evaluate: order fields it could not read, items it could not classify. An
// order that cannot be fully evaluated is never `clear`: such findings ask for review.
#include "evidence.hpp"

#include <exportcheck/concat.hpp>
#include <exportcheck/checks.hpp>

namespace exportcheck {

using namespace rules_detail;

// What a data-quality finding rests on: a fact the screening could not evaluate is not a clean result.
ojson know_your_customer() { return msg("cite.kyc_unknown"); }

namespace {

// A field path as a reseller says it: "parties[2].address.country" -> the country of the ship-to party "X".
ojson field_words(const Order& order, const std::string& path) {
    if (path.starts_with("parties[")) {
        const auto close = path.find(']');
        const auto i = static_cast<std::size_t>(std::atoi(path.c_str() + 8));
        const auto rest = close == std::string::npos || close + 2 > path.size() ? std::string() : path.substr(close + 2);
        for (const auto& p : order.parties)
            if (p.path == path.substr(0, close + 1))
                return msg("field.of_party", {{"what", rest}, {"who", who_msg(p.role, p.name)}});
        return msg("field.of_party", {{"what", rest}, {"who", msg("field.party_n", {{"n", i + 1}})}});
    }
    if (path.starts_with("items[")) {
        const auto close = path.find(']');
        const auto i = static_cast<std::size_t>(std::atoi(path.c_str() + 6));
        const auto rest = close == std::string::npos || close + 2 > path.size() ? std::string() : path.substr(close + 2);
        return msg("field.of_item", {{"what", rest}, {"n", i + 1}});
    }
    return msg("field.top", {{"what", path}});
}

}  // namespace

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
        if (issue.message_id.empty()) {
            f.message = concat(issue.field, ": ", issue.message);
        } else {
            f.say("dq.issue", {{"field", field_words(in.order, issue.field)},
                               {"what", msg(issue.message_id, ojson(issue.params))}});
        }
        f.evidence = {{"field", issue.field}, {"citation", know_your_customer()}};
        out.push_back(std::move(f));
    }
    const bool hub_or_licence = std::any_of(in.destinations.countries.begin(), in.destinations.countries.end(), [&](const DestinationCountry& d) {
        return d.license_set || in.rules.flags.hub(d.code) != nullptr;
    });
    for (std::size_t i = 0; i < in.items.size(); ++i) {
        const auto& c = in.items[i];
        const auto& item = in.order.items[i];
        const bool gpu = c.names_gpu;
        if (c.cls == ItemClass::undetermined || (c.cls == ItemClass::unclassified && (c.looks_datacenter || (gpu && hub_or_licence)))) {
            Finding f;
            f.kind = "data_quality";
            f.rule = "DQ-UNCLASSIFIED";
            f.severity = Severity::review;
            f.say("dq.unclassified", {{"item", quote(item.description.empty() ? item.model : item.description)},
                                      {"basis", c.basis_msg.is_null() ? ojson(c.basis) : c.basis_msg}});
            f.evidence = {{"item", item.path}, {"classification", c.eccn}, {"basis", c.basis}, {"citation", know_your_customer()}};
            out.push_back(std::move(f));
        } else if (c.cls == ItemClass::unclassified) {
            Finding f;
            f.kind = "data_quality";
            f.rule = "DQ-UNCLASSIFIED";
            f.severity = Severity::info;
            f.say("dq.not_in_catalogue", {{"item", quote(item.description.empty() ? item.model : item.description)}});
            f.evidence = {{"item", item.path}, {"classification", c.eccn}, {"citation", know_your_customer()}};
            out.push_back(std::move(f));
        }
        for (const auto& note : c.notes) {
            if (!note.value("$m", "").starts_with("class.maker")) continue;
            Finding f;
            f.kind = "data_quality";
            f.rule = "DQ-ECCN";
            f.severity = Severity::info;
            f.say("dq.maker_eccn", {{"item", item_msg(item, c)}, {"note", note}});
            f.evidence = {{"item", item.path}, {"maker_eccn", c.maker_eccn}, {"tool_eccn", c.eccn}, {"citation", msg("cite.eccn_note")}};
            out.push_back(std::move(f));
        }
    }
    return out;
}

}  // namespace exportcheck
