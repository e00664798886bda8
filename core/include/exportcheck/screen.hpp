// Screening an order: every party against the lists (through the Matcher), every item against the chip
// rules, the destinations against the country groups, the whole order against the red flags; then one
// decision and a report that says why (docs/orders.md describes the report JSON).
//
//   auto screener = Screener::load(bundle);          // once per bundle: builds the name index, loads the rules
//   if (!screener) return screener.error();          // rules missing or malformed
//   auto report = screener.screen_json(request);     // request: an order, or {order, clearances, settings, screened_at}
//
// Deterministic: the same bundle and the same request give byte-identical JSON (no clock: pass
// `screened_at` to have it in the report and to date company ages).
#pragma once

#include <exportcheck/bundle.hpp>
#include <exportcheck/checks.hpp>
#include <exportcheck/message.hpp>
#include <exportcheck/order.hpp>
#include <exportcheck/result.hpp>
#include <exportcheck/rules.hpp>

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace exportcheck {

class Matcher;
class OwnList;

// A prior adjudication of a false positive ("good-guy list"). It applies while the party, the list entry
// and the entry's content are unchanged: when the entry changes, the hit comes back for review.
struct Clearance {
    std::string party_fingerprint;  // from the finding's evidence
    std::string list;               // "SDN"
    std::string source_id;          // the entry's id in its source
    std::string entry_fingerprint;  // the entry's content as cleared
    std::string reason;
    std::string by;
    std::string at;                 // when (ISO 8601)
};
// Reads [{party_fingerprint, list, source_id, entry_fingerprint, reason, by, at}, ...];
// Error("bad_clearances", "clearances[2].reason: missing") when one is not so.
Result<std::vector<Clearance>> clearances_from_json(const nlohmann::ordered_json& j);

// Identity of a party for clearances: its folded name and country.
std::string party_fingerprint(std::string_view name, std::string_view country);

// The payers' names (payer parties and payment.payer) that the name matcher takes for the same company as
// another party or payer of the order: what R04 asks, answered here so Rules needs no matcher.
AlikeNames alike_payer_names(const Order& order);
// Identity of a list entry's content: changes whenever any field of the entry changes.
std::string entry_fingerprint(const Entry& entry);

struct ScreenOptions {
    std::vector<Clearance> clearances;
    nlohmann::ordered_json settings = nlohmann::ordered_json::object();  // applied before the order's own `settings`
    std::string screened_at;                             // ISO 8601, shown in the report when given
    const OwnList* own_list = nullptr;                   // the reseller's own list (own_list.hpp), screened too;
                                                         // built over this Screener's matcher()
    Lang lang = Lang::en;                                // the language the report's sentences are written in
};

class Screener {
public:
    // Keeps a reference to `bundle` (it must outlive the Screener). The rules documents come from `rules`
    // when given ({"country-groups": {...}, ...}), else from the bundle; Error("rules_missing") when neither
    // has them, Error("rules_invalid") when they are malformed (RulesData::from_documents).
    static Result<Screener> load(const Bundle& bundle, const nlohmann::ordered_json* rules = nullptr);
    // The same, sharing a Matcher already built over `bundle.entries` (it must outlive the Screener).
    static Result<Screener> load(const Bundle& bundle, const Matcher& matcher, const nlohmann::ordered_json* rules = nullptr);
    // With rules already loaded.
    Screener(const Bundle& bundle, RulesData rules);
    Screener(const Bundle& bundle, const Matcher& matcher, RulesData rules);
    ~Screener();
    Screener(Screener&&) noexcept;
    Screener(const Screener&) = delete;
    Screener& operator=(const Screener&) = delete;

    // The report, or Error("bad_settings") for a setting it cannot apply (the order's or the options').
    Result<nlohmann::ordered_json> screen(const Order& order, const ScreenOptions& options = {}) const;
    // A bare order, or {"order": ..., "clearances"?: [...], "settings"?: {...}, "screened_at"?: "...",
    // "lang"?: "en"|"fr"}.
    // Error("bad_order" / "bad_settings" / "bad_clearances") naming the field.
    Result<nlohmann::ordered_json> screen_json(const nlohmann::ordered_json& request, const OwnList* own_list = nullptr) const;
    // The bundle's name index (an OwnList takes its word rarity from it).
    const Matcher& matcher() const noexcept;

    const RulesData& rules() const noexcept;
    const Bundle& bundle() const noexcept { return bundle_; }

    struct State;

private:
    const Bundle& bundle_;
    std::unique_ptr<State> state_;
};

// A request (an order or {order, ...}) from its JSON text, as the wasm export and the fuzz targets get it.
// Error("bad_order") beyond limits::kMaxOrderBytes, and Error("bad_json") for text that is not JSON, naming
// where and why (parse_json_text).
Result<nlohmann::ordered_json> request_from_text(std::string_view text, std::string_view what = "order");
// The language a request asks for ({..., "lang": "fr"}); English when it names none or one not known (the
// screener refuses those; this only picks the language of the refusal).
Lang request_lang(const nlohmann::ordered_json& request) noexcept;

}  // namespace exportcheck
