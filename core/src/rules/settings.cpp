// Per-order settings: the overrides of [L] facts an order (or the caller) asks for, applied to a copy of
// the rules and listed in the report. A refused setting is returned, never thrown (the browser build has no
// exceptions), and nothing here lets nlohmann throw on what the order wrote.
#include <exportcheck/concat.hpp>
#include <exportcheck/countries.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/rules.hpp>

#include <algorithm>

namespace exportcheck {
namespace {

using json = nlohmann::ordered_json;

// A refused setting: where (its path, as the caller wrote it) and what is wrong, from the catalogue (set.*).
Error bad_setting(const std::string& path, nlohmann::ordered_json what) {
    return Error("bad_settings", Message{"in.field", {{"field", path}, {"what", std::move(what)}}});
}

// A text of the rules documents, or `fallback` when absent or of another type (value() would throw).
std::string text_or(const json& j, const char* key, const char* fallback) {
    if (!j.is_object()) return fallback;
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

Result<double> positive_number(const json& v, const std::string& path) {
    if (!v.is_number()) return bad_setting(path, msg("in.expected_number"));
    const double d = v.get<double>();
    if (!(d >= 0)) return bad_setting(path, msg("in.not_negative"));
    return d;
}

template <class T>
json to_json_opt(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

// One figure of a catalogue chip: an order may know better than the catalogue (a cut-down variant, a measured
// TPP). A TPP given outright replaces the catalogue's "below N" bound.
Result<Override> set_chip_figure(Chip& chip, const std::string& field, const json& v, const std::string& fpath) {
    Override o{fpath, v, nullptr, chip.pedigree.confidence};
    if (field == "tpp") {
        o.replaced = to_json_opt(chip.tpp);
        EC_ASSIGN_OR_RETURN(chip.tpp, positive_number(v, fpath));
        chip.tpp_below.reset();
    } else if (field == "die_area_mm2") {
        o.replaced = to_json_opt(chip.die_area_mm2);
        EC_ASSIGN_OR_RETURN(chip.die_area_mm2, positive_number(v, fpath));
        if (*chip.die_area_mm2 == 0) return bad_setting(fpath, msg("set.positive"));
    } else if (field == "memory_bandwidth_gbs") {
        o.replaced = to_json_opt(chip.memory_bandwidth_gbs);
        EC_ASSIGN_OR_RETURN(chip.memory_bandwidth_gbs, positive_number(v, fpath));
    } else if (field == "datacenter") {
        if (!v.is_boolean()) return bad_setting(fpath, msg("in.expected_bool"));
        o.replaced = to_json_opt(chip.datacenter);
        chip.datacenter = v.get<bool>();
    } else {
        return bad_setting(fpath, msg("set.unknown_figure", {{"fields", "tpp, die_area_mm2, datacenter, memory_bandwidth_gbs"}}));
    }
    return o;
}

Status set_products(RulesData& rules, const json& value, const std::string& path, std::vector<Override>& applied) {
    if (!value.is_object()) return bad_setting(path, msg("set.expected_catalogue_ids"));
    for (const auto& item : value.items()) {
        const std::string& id = item.key();  // not a structured binding: the lambda below captures it
        const auto& figures = item.value();
        const auto ppath = path + "." + id;
        auto it = std::find_if(rules.catalogue.chips.begin(), rules.catalogue.chips.end(),
                               [&](const Chip& c) { return c.id == id; });
        if (it == rules.catalogue.chips.end()) return bad_setting(ppath, msg("set.no_chip"));
        if (!figures.is_object()) return bad_setting(ppath, msg("in.expected_object"));
        for (const auto& [field, v] : figures.items()) {
            EC_ASSIGN_OR_RETURN(auto o, set_chip_figure(*it, field, v, ppath + "." + field));
            applied.push_back(std::move(o));
        }
    }
    return {};
}

// A red-flag threshold keeps its type: a number stays a number, a string a string.
Status set_thresholds(RulesData& rules, const json& value, const std::string& path, std::vector<Override>& applied) {
    if (!value.is_object()) return bad_setting(path, msg("in.expected_object"));
    for (const auto& [name, v] : value.items()) {
        const auto tpath = path + "." + name;
        const auto it = rules.flags.thresholds.find(name);
        if (it == rules.flags.thresholds.end()) return bad_setting(tpath, msg("set.unknown_threshold"));
        if (it->second.value.is_number() && !v.is_number()) return bad_setting(tpath, msg("in.expected_number"));
        if (it->second.value.is_string() && !v.is_string()) return bad_setting(tpath, msg("set.expected_string"));
        applied.push_back({tpath, v, it->second.value, it->second.pedigree.confidence});
        it->second.value = v;
    }
    return {};
}

// Countries the seller also treats as transshipment hubs; the list is reported as one override.
Status set_extra_hubs(RulesData& rules, const json& value, const std::string& path, std::vector<Override>& applied) {
    if (!value.is_array()) return bad_setting(path, msg("in.expected_list", {{"what", "countries"}}));
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto cpath = concat(path, "[", i, "]");
        if (!value[i].is_string()) return bad_setting(cpath, msg("set.expected_country"));
        const auto cc = country_code(value[i].get<std::string>());
        if (cc.empty()) return bad_setting(cpath, msg("set.not_country", {{"value", value[i].get<std::string>()}}));
        rules.flags.extra_hubs.push_back(cc);
    }
    applied.push_back({path, value, nullptr, "L"});
    return {};
}

Status set_price_bands(RulesData& rules, const json& value, const std::string& path, std::vector<Override>& applied) {
    if (!value.is_object()) return bad_setting(path, msg("set.expected_catalogue_ids"));
    for (const auto& [id, band] : value.items()) {
        const auto bpath = path + "." + id;
        if (!band.is_array() || band.size() != 2 || !band[0].is_number() || !band[1].is_number() ||
            band[0].get<double>() > band[1].get<double>())
            return bad_setting(bpath, msg("set.expected_band"));
        const auto it = rules.flags.price_bands.find(id);
        applied.push_back({bpath, band, it == rules.flags.price_bands.end() ? json(nullptr) : json::array({it->second.first, it->second.second}), "L"});
        rules.flags.price_bands[id] = {band[0].get<double>(), band[1].get<double>()};
    }
    return {};
}

// The Affiliates rule's state, as a yes/no (affiliates_rule_in_force) or one of its states by name.
Status set_affiliates_rule(RulesData& rules, const std::string& key, const json& value, const std::string& path,
                           std::vector<Override>& applied) {
    auto& ownership = rules.license.ownership;
    const auto found = ownership.is_object() ? ownership.find("affiliates_rule") : ownership.end();
    if (found == ownership.end() || !found->is_object())
        return Error("rules_invalid", "rules document license.ownership.affiliates_rule: expected an object");
    auto& a = *found;
    std::string state;
    if (key == "affiliates_rule_in_force") {
        if (!value.is_boolean()) return bad_setting(path, msg("in.expected_bool"));
        state = value.get<bool>() ? "active" : "stayed";
    } else {
        if (!value.is_string()) return bad_setting(path, msg("set.expected_state"));
        state = value.get<std::string>();
        const auto states = a.value("states", json::array());
        if (std::find(states.begin(), states.end(), state) == states.end())
            return bad_setting(path, msg("set.expected_state"));
    }
    applied.push_back({path, value, text_or(a, "state", ""), text_or(a, "state_confidence", "L")});
    a["state"] = state;
    a["set_by_order"] = true;
    return {};
}

// An approved UAE recipient's approval or its end date; null removes the field.
Status set_uae_recipients(RulesData& rules, const json& value, const std::string& path, std::vector<Override>& applied) {
    if (!value.is_object()) return bad_setting(path, msg("set.expected_recipient_ids"));
    auto& list = rules.license.uae_recipients["recipients"];  // an array: the rules loader checks it
    for (const auto& [id, change] : value.items()) {
        const auto rpath = path + "." + id;
        auto it = std::find_if(list.begin(), list.end(), [&id = id](const json& r) {  // clang: no capture of a binding
            return r.is_object() && r.contains("id") && text_or(r, "id", "") == id;
        });
        if (it == list.end()) return bad_setting(rpath, msg("set.no_recipient", {{"ids", "UAE_GOV, G42, Core42, US-HQ-AI"}}));
        if (!change.is_object()) return bad_setting(rpath, msg("in.expected_shape", {{"shape", "{valid_until, approved}"}}));
        for (const auto& [field, v] : change.items()) {
            const auto fpath = rpath + "." + field;
            if (field == "valid_until") {
                if (!v.is_string() && !v.is_null()) return bad_setting(fpath, msg("set.expected_date_or_null"));
            } else if (field == "approved") {
                if (!v.is_boolean()) return bad_setting(fpath, msg("in.expected_bool"));
            } else {
                return bad_setting(fpath, msg("set.unknown_field", {{"fields", "valid_until, approved"}}));
            }
            applied.push_back({fpath, v, it->value(field, json(nullptr)), text_or(*it, "confidence", "M")});
            if (v.is_null()) it->erase(field);
            else (*it)[field] = v;
        }
    }
    return {};
}

// One setting by its name.
Status apply_setting(RulesData& rules, const std::string& key, const json& value, std::vector<Override>& applied) {
    const std::string path = "settings." + key;
    if (key == "products") return set_products(rules, value, path, applied);
    if (key == "thresholds") return set_thresholds(rules, value, path, applied);
    if (key == "extra_hubs") return set_extra_hubs(rules, value, path, applied);
    if (key == "price_bands") return set_price_bands(rules, value, path, applied);
    if (key == "affiliates_rule_in_force" || key == "affiliates_rule_state") return set_affiliates_rule(rules, key, value, path, applied);
    if (key == "uae_approved_recipients") return set_uae_recipients(rules, value, path, applied);
    return bad_setting(path, msg("set.unknown_setting", {{"names", "products, thresholds, extra_hubs, price_bands, "
                                                                   "affiliates_rule_state, affiliates_rule_in_force, uae_approved_recipients"}}));
}

}  // namespace

Result<std::vector<Override>> apply_settings(RulesData& rules, const json& settings) {
    std::vector<Override> applied;
    if (settings.is_null()) return applied;
    if (!settings.is_object()) return bad_setting("settings", msg("in.expected_object"));
    for (const auto& [key, value] : settings.items()) EC_RETURN_IF_ERROR(apply_setting(rules, key, value, applied));
    return applied;
}

}  // namespace exportcheck
