// The Screener: an order in, a report out. Runs the checks in order, applies clearances, decides, and
// writes the report JSON (docs/orders.md).
#include "../i18n/wording.hpp"
#include "screen_internal.hpp"

#include <exportcheck/countries.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/rules.hpp>

#include <optional>

namespace exportcheck {

using namespace wording;

namespace {

const nlohmann::ordered_json& rules_source(const Bundle& bundle, const nlohmann::ordered_json* rules) {
    if (rules) return *rules;
    return bundle.meta.rules;
}

ojson opt(const std::optional<double>& v, int decimals = 2) { return v ? json_number(*v, decimals) : ojson(nullptr); }

ojson classification_json(const Item& item, const ItemClassification& c, Lang lang) {
    ojson j;
    j["item"] = item.path;
    j["description"] = item.description;
    if (!item.model.empty()) j["model"] = item.model;
    j["quantity"] = json_number(item.quantity);
    ojson k;
    k["eccn"] = c.eccn;
    k["class"] = std::string(to_string(c.cls));
    k["basis"] = c.basis_msg.is_null() ? c.basis : render_value(c.basis_msg, lang);
    if (!c.basis_msg.is_null()) {
        k["basis_id"] = c.basis_msg.value("$m", "");
        k["basis_params"] = c.basis_msg.value("p", ojson::object());
    }
    k["maker_eccn"] = c.maker_eccn.empty() ? ojson(nullptr) : ojson(c.maker_eccn);
    k["system"] = c.system;
    if (!c.system_id.empty()) k["system_model"] = {{"id", c.system_id}, {"name", c.system_name}};
    k["tpp"] = opt(c.tpp, 1);
    k["die_area_mm2"] = opt(c.die_area_mm2, 1);
    k["pd"] = opt(c.pd, 2);
    k["datacenter"] = c.datacenter ? ojson(*c.datacenter) : ojson(nullptr);
    if (c.memory_bandwidth_gbs) k["memory_bandwidth_gbs"] = json_number(*c.memory_bandwidth_gbs);
    if (c.chips_per_unit > 0) {
        k["chips_per_unit"] = json_number(c.chips_per_unit);
        k["chips_total"] = json_number(c.chips_total);
    }
    k["figures_from"] = c.figures_from;
    if (!c.catalogue_id.empty())
        k["catalogue"] = {{"id", c.catalogue_id}, {"name", c.catalogue_name}, {"confidence", c.confidence}, {"sources", c.sources}};
    else
        k["catalogue"] = nullptr;
    if (!c.letter.empty()) k["letter"] = c.letter;
    if (!c.fallback_eccn.empty()) k["fallback_eccn"] = c.fallback_eccn;
    if (c.prc_made) k["prc_made"] = true;
    if (c.looks_datacenter) k["looks_datacenter"] = true;
    ojson notes = ojson::array();
    for (const auto& n : c.notes) notes.push_back(render_value(n, lang));
    k["notes"] = notes;
    j["classification"] = k;
    return j;
}

std::string reference_date(const std::string& screened_at, const Order& order, const Bundle& bundle) {
    for (const auto* s : {&screened_at, &order.date, &bundle.meta.built_at})
        if (const auto d = iso_date(*s)) return *d;
    return "";
}

// The rules this order is screened under: settings (the caller's, then the order's) change a copy, for this
// order only, and each change is reported as an override.
struct OrderRules {
    std::optional<RulesData> adjusted;
    std::vector<Override> overrides;
};
Result<OrderRules> order_rules(const RulesData& base, const Order& order, const ScreenOptions& options) {
    OrderRules out;
    const bool has_settings = (options.settings.is_object() && !options.settings.empty()) ||
                              (order.settings.is_object() && !order.settings.empty());
    if (!has_settings) return out;
    out.adjusted = base;
    EC_ASSIGN_OR_RETURN(out.overrides, apply_settings(*out.adjusted, options.settings));
    EC_ASSIGN_OR_RETURN(auto own, apply_settings(*out.adjusted, order.settings));
    for (auto& o : own) out.overrides.push_back(std::move(o));
    return out;
}

// Every finding, in the order the checks depend on each other: clearances act on list matches before ownership
// looks at them, and the holistic check and case names see all the others. Sorted, as the report shows them.
std::vector<Finding> all_findings(const CheckInput& in, const PartyScreenInput& parties, const ScreenOptions& options) {
    std::vector<Finding> findings = screen_parties(parties);
    apply_clearances(findings, options.clearances);
    for (auto& f : check_ownership(in, findings)) findings.push_back(std::move(f));
    for (auto* check : {check_list_overlays, check_embargo, check_licences, check_catch_all, check_red_flags, check_data_quality})
        for (auto& f : check(in)) findings.push_back(std::move(f));
    for (auto& f : check_holistic(in, findings)) findings.push_back(std::move(f));
    name_cases(in, findings);
    sort_findings(findings);
    return findings;
}

// Each party with its fingerprint (the key clearances use) and how many list matches a person must look at.
ojson parties_json(const Order& order, const std::vector<Finding>& findings) {
    ojson ps = ojson::array();
    for (const auto& p : order.parties) {
        std::size_t hits = 0;
        for (const auto& f : findings)
            if (f.kind == "party_match" && f.evidence.value("party", "").starts_with(p.path) && f.severity != Severity::info) ++hits;
        ps.push_back({{"party", p.path}, {"role", std::string(to_string(p.role))}, {"name", p.name},
                      {"country", p.address.country}, {"fingerprint", party_fingerprint(p.name, p.address.country)},
                      {"list_matches", hits}});
    }
    return ps;
}

ojson destination_json(const Destinations& destinations, const Order& order, const RulesData& rules) {
    ojson dest;
    dest["basis"] = destinations.basis;
    ojson cs = ojson::array();
    for (const auto& c : destinations.countries) {
        ojson groups = ojson::array();
        for (const auto& g : c.groups) groups.push_back(g);
        cs.push_back({{"code", c.code}, {"name", std::string(country_name(c.code))}, {"counts_as", c.counts_as},
                      {"roles", c.roles}, {"groups", groups}, {"license_set", c.license_set},
                      {"d5_or_macau", c.d5_or_macau}, {"embargo", rules.groups.embargo(c.code) != nullptr},
                      {"hub", rules.flags.hub(c.code) != nullptr}});
    }
    dest["countries"] = cs;
    ojson hq = ojson::array();
    for (const auto& h : destinations.headquarters)
        hq.push_back({{"party", h.party}, {"role", h.role}, {"name", h.name}, {"country", h.country}, {"basis", h.basis}});
    dest["headquarters_concern"] = hq;
    dest["route"] = order.route;
    dest["country_groups"] = {{"version", rules.groups.version}, {"as_of", rules.groups.as_of}};
    return dest;
}

ojson overrides_json(const std::vector<Override>& overrides) {
    ojson ov = ojson::array();
    for (const auto& o : overrides)
        ov.push_back({{"path", o.path}, {"value", ojson(o.value)}, {"replaced", ojson(o.replaced)},
                      {"confidence_replaced", o.confidence}});
    return ov;
}

ojson bundle_json(const Bundle& bundle, const std::map<std::string, std::string>& list_dates) {
    ojson dates = ojson::object();
    for (const auto& [list, date] : list_dates) dates[list] = date;
    return {{"id", bundle.meta.id}, {"sha256", bundle.sha256}, {"built_at", bundle.meta.built_at}, {"list_dates", dates}};
}

}  // namespace

Result<Screener> Screener::load(const Bundle& bundle, const nlohmann::ordered_json* rules) {
    EC_ASSIGN_OR_RETURN(auto loaded, RulesData::from_documents(rules_source(bundle, rules)));
    return Screener(bundle, std::move(loaded));
}

Result<Screener> Screener::load(const Bundle& bundle, const Matcher& matcher, const nlohmann::ordered_json* rules) {
    EC_ASSIGN_OR_RETURN(auto loaded, RulesData::from_documents(rules_source(bundle, rules)));
    return Screener(bundle, matcher, std::move(loaded));
}

Screener::Screener(const Bundle& bundle, RulesData rules)
    : bundle_(bundle), state_(std::make_unique<State>(bundle, std::move(rules))) {}

Screener::Screener(const Bundle& bundle, const Matcher& matcher, RulesData rules)
    : bundle_(bundle), state_(std::make_unique<State>(bundle, matcher, std::move(rules))) {}

Screener::~Screener() = default;
Screener::Screener(Screener&&) noexcept = default;

const RulesData& Screener::rules() const noexcept { return state_->rules; }
const Matcher& Screener::matcher() const noexcept { return state_->matcher; }

Result<nlohmann::ordered_json> Screener::screen(const Order& order, const ScreenOptions& options) const {
    // Its word weights (and the pointer behind them) belong to the index it was built over.
    if (options.own_list && &options.own_list->base() != &state_->matcher)
        return Error("own_list_mismatch", "the own list was built over another bundle's name index: build it again over "
                                          "this Screener's matcher()");
    EC_ASSIGN_OR_RETURN(const auto order_specific, order_rules(state_->rules, order, options));
    const RulesData& rules = order_specific.adjusted ? *order_specific.adjusted : state_->rules;

    std::vector<ItemClassification> items;
    items.reserve(order.items.size());
    for (const auto& item : order.items) items.push_back(classify_item(item, rules));
    const auto destinations = destinations_of(order, rules);
    const auto ref = reference_date(options.screened_at, order, bundle_);
    const CheckInput in{order, rules, items, destinations, ref, alike_payer_names(order)};
    const auto findings = all_findings(in, {order, rules, state_->matcher, state_->addresses, ref, options.own_list}, options);
    const auto decision = decide(findings);

    ojson r;
    r["order_id"] = order.id;
    r["decision"] = std::string(to_string(decision));
    r["lang"] = std::string(to_string(options.lang));
    const auto summary = summarize(decision, findings);
    r["summary"] = render(summary, options.lang);
    r["summary_id"] = summary.id;
    r["summary_params"] = summary.params;
    if (!options.screened_at.empty()) r["screened_at"] = options.screened_at;
    r["reference_date"] = ref;
    ojson fs = ojson::array();
    for (const auto& f : findings) fs.push_back(finding_json(f, options.lang));
    r["findings"] = fs;
    ojson steps = next_steps(in, findings, decision);
    for (auto& st : steps) st["message"] = render(st["message_id"].get<std::string>(), st["params"], options.lang);
    r["next_steps"] = steps;
    ojson is = ojson::array();
    for (std::size_t i = 0; i < items.size(); ++i) is.push_back(classification_json(order.items[i], items[i], options.lang));
    r["items"] = is;
    r["parties"] = parties_json(order, findings);
    r["destination"] = destination_json(destinations, order, rules);
    r["overrides"] = overrides_json(order_specific.overrides);
    r["bundle"] = bundle_json(bundle_, state_->list_dates);
    if (options.own_list) r["own_list"] = options.own_list->summary();
    r["engine"] = {{"name", "exportcheck"}, {"version", EXPORTCHECK_VERSION}};
    r["rules"] = rules.versions();
    r["disclaimer"] = render("report.disclaimer", ojson::object(), options.lang);
    return r;
}

namespace {

// A refused request field (the order's own fields are order_from_json's).
Error bad_request(std::string code, std::string_view field, ojson what) {
    return Error(std::move(code), Message{"in.field", {{"field", field}, {"what", std::move(what)}}});
}

// {order, clearances?, settings?, screened_at?, lang?} without the order: how it is to be screened.
Result<ScreenOptions> request_options(const ojson& request) {
    for (const auto& [key, v] : request.items())
        if (key != "order" && key != "clearances" && key != "settings" && key != "screened_at" && key != "lang")
            return bad_request("bad_order", key, msg("in.not_request_field", {{"fields", "order, clearances, settings, screened_at, lang"}}));
    ScreenOptions options;
    if (const auto it = request.find("lang"); it != request.end()) {
        const auto lang = it->is_string() ? lang_from(it->get_ref<const std::string&>()) : std::nullopt;
        if (!lang) return bad_request("bad_order", "lang", msg("in.expected_lang"));
        options.lang = *lang;
    }
    if (const auto it = request.find("clearances"); it != request.end()) {
        EC_ASSIGN_OR_RETURN(options.clearances, clearances_from_json(*it));
    }
    if (const auto it = request.find("settings"); it != request.end()) {
        if (!it->is_object() && !it->is_null()) return bad_request("bad_settings", "settings", msg("in.expected_object"));
        if (it->is_object()) options.settings = *it;
    }
    if (const auto it = request.find("screened_at"); it != request.end()) {
        if (!it->is_string()) return bad_request("bad_order", "screened_at", msg("in.expected_time"));
        options.screened_at = it->get<std::string>();
        if (!iso_date(options.screened_at)) return bad_request("bad_order", "screened_at", msg("in.not_time", {{"value", options.screened_at}}));
    }
    return options;
}

}  // namespace

Result<nlohmann::ordered_json> Screener::screen_json(const nlohmann::ordered_json& request, const OwnList* own_list) const {
    if (!request.is_object()) return bad_request("bad_order", "order", msg("in.expected_json_object"));
    const auto order_it = request.find("order");
    ScreenOptions options;
    if (order_it != request.end()) {
        EC_ASSIGN_OR_RETURN(options, request_options(request));
    }
    options.own_list = own_list;
    EC_ASSIGN_OR_RETURN(const auto order, order_from_json(order_it != request.end() ? *order_it : request));
    return screen(order, options);
}

}  // namespace exportcheck
