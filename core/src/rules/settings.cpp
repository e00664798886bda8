// Per-order settings: the overrides of [L] facts an order (or the caller) asks for, applied to a copy of
// the rules and listed in the report.
#include <exportcheck/countries.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/rules.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace exportcheck {
namespace {

using json = nlohmann::ordered_json;

// A refused setting: where (its path, as the caller wrote it) and what is wrong, from the catalogue (set.*).
[[noreturn]] void bad_setting(const std::string& path, nlohmann::ordered_json what) {
    throw Error("bad_settings", Message{"in.field", {{"field", path}, {"what", std::move(what)}}});
}

double positive_number(const json& v, const std::string& path) {
    if (!v.is_number()) bad_setting(path, msg("in.expected_number"));
    const double d = v.get<double>();
    if (!(d >= 0)) bad_setting(path, msg("in.not_negative"));
    return d;
}

template <class T>
json to_json_opt(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

// One figure of a catalogue chip: an order may know better than the catalogue (a cut-down variant, a measured
// TPP). A TPP given outright replaces the catalogue's "below N" bound.
Override set_chip_figure(Chip& chip, const std::string& field, const json& v, const std::string& fpath) {
    Override o{fpath, v, nullptr, chip.pedigree.confidence};
    if (field == "tpp") {
        o.replaced = to_json_opt(chip.tpp);
        chip.tpp = positive_number(v, fpath);
        chip.tpp_below.reset();
    } else if (field == "die_area_mm2") {
        o.replaced = to_json_opt(chip.die_area_mm2);
        chip.die_area_mm2 = positive_number(v, fpath);
        if (*chip.die_area_mm2 == 0) bad_setting(fpath, msg("set.positive"));
    } else if (field == "memory_bandwidth_gbs") {
        o.replaced = to_json_opt(chip.memory_bandwidth_gbs);
        chip.memory_bandwidth_gbs = positive_number(v, fpath);
    } else if (field == "datacenter") {
        if (!v.is_boolean()) bad_setting(fpath, msg("in.expected_bool"));
        o.replaced = to_json_opt(chip.datacenter);
        chip.datacenter = v.get<bool>();
    } else {
        bad_setting(fpath, msg("set.unknown_figure", {{"fields", "tpp, die_area_mm2, datacenter, memory_bandwidth_gbs"}}));
    }
    return o;
}

void set_products(RulesData& rules, const json& value, const std::string& path, std::vector<Override>& applied) {
    if (!value.is_object()) bad_setting(path, msg("set.expected_catalogue_ids"));
    for (const auto& item : value.items()) {
        const std::string& id = item.key();  // not a structured binding: the lambda below captures it
        const auto& figures = item.value();
        const auto ppath = path + "." + id;
        auto it = std::find_if(rules.catalogue.chips.begin(), rules.catalogue.chips.end(),
                               [&](const Chip& c) { return c.id == id; });
        if (it == rules.catalogue.chips.end()) bad_setting(ppath, msg("set.no_chip"));
        if (!figures.is_object()) bad_setting(ppath, msg("in.expected_object"));
        for (const auto& [field, v] : figures.items()) applied.push_back(set_chip_figure(*it, field, v, ppath + "." + field));
    }
}

// A red-flag threshold keeps its type: a number stays a number, a string a string.
void set_thresholds(RulesData& rules, const json& value, const std::string& path, std::vector<Override>& applied) {
    if (!value.is_object()) bad_setting(path, msg("in.expected_object"));
    for (const auto& [name, v] : value.items()) {
        const auto tpath = path + "." + name;
        const auto it = rules.flags.thresholds.find(name);
        if (it == rules.flags.thresholds.end()) bad_setting(tpath, msg("set.unknown_threshold"));
        if (it->second.value.is_number() && !v.is_number()) bad_setting(tpath, msg("in.expected_number"));
        if (it->second.value.is_string() && !v.is_string()) bad_setting(tpath, msg("set.expected_string"));
        applied.push_back({tpath, v, it->second.value, it->second.pedigree.confidence});
        it->second.value = v;
    }
}

// Countries the seller also treats as transshipment hubs; the list is reported as one override.
void set_extra_hubs(RulesData& rules, const json& value, const std::string& path, std::vector<Override>& applied) {
    if (!value.is_array()) bad_setting(path, msg("in.expected_list", {{"what", "countries"}}));
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto cpath = fmt::format("{}[{}]", path, i);
        if (!value[i].is_string()) bad_setting(cpath, msg("set.expected_country"));
        const auto cc = country_code(value[i].get<std::string>());
        if (cc.empty()) bad_setting(cpath, msg("set.not_country", {{"value", value[i].get<std::string>()}}));
        rules.flags.extra_hubs.push_back(cc);
    }
    applied.push_back({path, value, nullptr, "L"});
}

void set_price_bands(RulesData& rules, const json& value, const std::string& path, std::vector<Override>& applied) {
    if (!value.is_object()) bad_setting(path, msg("set.expected_catalogue_ids"));
    for (const auto& [id, band] : value.items()) {
        const auto bpath = path + "." + id;
        if (!band.is_array() || band.size() != 2 || !band[0].is_number() || !band[1].is_number() ||
            band[0].get<double>() > band[1].get<double>())
            bad_setting(bpath, msg("set.expected_band"));
        const auto it = rules.flags.price_bands.find(id);
        applied.push_back({bpath, band, it == rules.flags.price_bands.end() ? json(nullptr) : json::array({it->second.first, it->second.second}), "L"});
        rules.flags.price_bands[id] = {band[0].get<double>(), band[1].get<double>()};
    }
}

// The Affiliates rule's state, as a yes/no (affiliates_rule_in_force) or one of its states by name.
void set_affiliates_rule(RulesData& rules, const std::string& key, const json& value, const std::string& path,
                         std::vector<Override>& applied) {
    auto& a = rules.license.ownership["affiliates_rule"];
    std::string state;
    if (key == "affiliates_rule_in_force") {
        if (!value.is_boolean()) bad_setting(path, msg("in.expected_bool"));
        state = value.get<bool>() ? "active" : "stayed";
    } else {
        if (!value.is_string()) bad_setting(path, msg("set.expected_state"));
        state = value.get<std::string>();
        const auto states = a.value("states", json::array());
        if (std::find(states.begin(), states.end(), state) == states.end())
            bad_setting(path, msg("set.expected_state"));
    }
    applied.push_back({path, value, a.value("state", ""), a.value("state_confidence", "L")});
    a["state"] = state;
    a["set_by_order"] = true;
}

// An approved UAE recipient's approval or its end date; null removes the field.
void set_uae_recipients(RulesData& rules, const json& value, const std::string& path, std::vector<Override>& applied) {
    if (!value.is_object()) bad_setting(path, msg("set.expected_recipient_ids"));
    auto& list = rules.license.uae_recipients["recipients"];
    for (const auto& [id, change] : value.items()) {
        const auto rpath = path + "." + id;
        auto it = std::find_if(list.begin(), list.end(),
                               [&id = id](const json& r) { return r.value("id", "") == id; });  // clang: no capture of a binding
        if (it == list.end()) bad_setting(rpath, msg("set.no_recipient", {{"ids", "UAE_GOV, G42, Core42, US-HQ-AI"}}));
        if (!change.is_object()) bad_setting(rpath, msg("in.expected_shape", {{"shape", "{valid_until, approved}"}}));
        for (const auto& [field, v] : change.items()) {
            const auto fpath = rpath + "." + field;
            if (field == "valid_until") {
                if (!v.is_string() && !v.is_null()) bad_setting(fpath, msg("set.expected_date_or_null"));
            } else if (field == "approved") {
                if (!v.is_boolean()) bad_setting(fpath, msg("in.expected_bool"));
            } else {
                bad_setting(fpath, msg("set.unknown_field", {{"fields", "valid_until, approved"}}));
            }
            applied.push_back({fpath, v, it->value(field, json(nullptr)), it->value("confidence", "M")});
            if (v.is_null()) it->erase(field);
            else (*it)[field] = v;
        }
    }
}

}  // namespace

std::vector<Override> apply_settings(RulesData& rules, const json& settings) {
    std::vector<Override> applied;
    if (settings.is_null()) return applied;
    if (!settings.is_object()) bad_setting("settings", msg("in.expected_object"));
    for (const auto& [key, value] : settings.items()) {
        const std::string path = "settings." + key;
        if (key == "products") set_products(rules, value, path, applied);
        else if (key == "thresholds") set_thresholds(rules, value, path, applied);
        else if (key == "extra_hubs") set_extra_hubs(rules, value, path, applied);
        else if (key == "price_bands") set_price_bands(rules, value, path, applied);
        else if (key == "affiliates_rule_in_force" || key == "affiliates_rule_state") set_affiliates_rule(rules, key, value, path, applied);
        else if (key == "uae_approved_recipients") set_uae_recipients(rules, value, path, applied);
        else bad_setting(path, msg("set.unknown_setting", {{"names", "products, thresholds, extra_hubs, price_bands, "
                                                                  "affiliates_rule_state, affiliates_rule_in_force, uae_approved_recipients"}}));
    }
    return applied;
}

}  // namespace exportcheck
