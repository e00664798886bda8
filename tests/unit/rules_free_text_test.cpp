// Red flags read from what buyers write, in English, French, German, Spanish and Chinese (the phrase
// lexicons data/rules/phrases-<lang>.json): per language, negation, ordinary notes, the quoted words, and the
// precision and recall over the free-text orders of tests/fixtures/orders/free-text-orders.jsonl.
#include "screen_support.hpp"
#include "test_support.hpp"

#include "../../core/src/rules/compiled_words.hpp"

#include <exportcheck/report.hpp>
#include <exportcheck/rules.hpp>
#include <exportcheck/screen.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <map>
#include <set>
#include <sstream>


using namespace exportcheck;
using json = nlohmann::ordered_json;

using exportcheck::test::rules;

namespace {

// The categories that fire in one text, read as `field`.
std::set<std::string> fired(const std::string& text, const std::string& field = "instructions") {
    std::set<std::string> out;
    for (const auto& h : rules().words->free_text.scan_text(text, field)) out.insert(h.category);
    return out;
}

std::string quote_of(const std::string& text, const std::string& category, const std::string& field = "instructions") {
    for (const auto& h : rules().words->free_text.scan_text(text, field))
        if (h.category == category) return h.quote;
    return "";
}

// The free-text rules a report raises (review or stricter).
const std::set<std::string> kTextRules = {"R05", "R06", "R13", "R14", "R21", "R23", "R24", "R25", "R26", "R27", "R28"};

}  // namespace

TEST_CASE("free text, English: each red flag, its quoted words, and ordinary notes that raise nothing") {
    CHECK(fired("Please write computer parts on the invoice").count("mislabel"));
    CHECK(fired("declare a lower value please").count("underdeclare"));
    CHECK(fired("ship in separate parcels under the limit").count("split"));
    CHECK(fired("Remove the stickers").count("tamper"));
    CHECK(fired("cover the serial numbers").count("tamper"));
    CHECK(fired("Why do you need to know?", "end_use").count("evasive"));
    CHECK(fired("no installation or warranty needed").count("support_declined"));
    CHECK(fired("pay in USDT").count("cash_crypto"));
    CHECK(fired("for a weapons programme", "end_use").count("military"));
    CHECK(quote_of("Kindly Remove The Stickers, thanks", "tamper") == "Remove The Stickers");
    for (const char* innocent : {"please do not split the shipment", "invoice with full model names",
                                 "deliver between 9 and 17h, call them before delivery", "declare as NVIDIA H100 GPUs",
                                 "don't remove the labels", "installation and warranty required"})
        CHECK_MESSAGE(fired(innocent).empty(), innocent);
    // A negation in another clause does not cancel; "forget" undoes a negation.
    CHECK(fired("No problem. Pay in bitcoin").count("cash_crypto"));
    CHECK(fired("don't forget to remove the labels").count("tamper"));
    // "confidential" alone is evasive only as an end-use statement.
    CHECK(fired("confidential", "end_use").count("evasive_end_use"));
    CHECK(fired("please keep our order confidential", "instructions").empty());
}

TEST_CASE("free text, French") {
    CHECK(fired("Merci d'écrire « pièces informatiques » sur la facture").count("mislabel"));
    CHECK(fired("Déclarez une valeur plus basse").count("underdeclare"));
    CHECK(fired("Envoyez en plusieurs colis").count("split"));
    CHECK(fired("Retirez les étiquettes").count("tamper"));
    CHECK(fired("Pourquoi avez-vous besoin de savoir ?", "end_use").count("evasive"));
    CHECK(fired("Pas besoin d'installation").count("support_declined"));
    CHECK(fired("paiement en bitcoin").count("cash_crypto"));
    CHECK(fired("armes nucléaires", "end_use").count("nuclear"));
    CHECK(quote_of("Retirez les étiquettes, merci", "tamper") == "Retirez les étiquettes");
    for (const char* innocent : {"Merci de ne pas diviser l'envoi", "Ne fractionnez pas la commande",
                                 "reconnaissance d'images", "cryptographie post-quantique", "Livraison entre 9h et 17h"})
        CHECK_MESSAGE(fired(innocent).empty(), innocent);
}

TEST_CASE("free text, German: 'nicht' after the verb cancels too") {
    CHECK(fired("Bitte als Computerteile deklarieren").count("mislabel"));
    CHECK(fired("einen niedrigeren Wert angeben").count("underdeclare"));
    CHECK(fired("in mehrere Pakete aufteilen").count("split"));
    CHECK(fired("Entfernen Sie die Seriennummern").count("tamper"));
    CHECK(fired("Endverwendung ist vertraulich", "end_use").count("evasive"));
    CHECK(fired("Keine Garantie nötig").count("support_declined"));
    CHECK(fired("Zahlung in bar").count("cash_crypto"));
    CHECK(fired("für die Bundeswehr", "end_use").count("military"));
    for (const char* innocent : {"Teilen Sie die Sendung bitte nicht auf", "Bitte die Sendung nicht aufteilen",
                                 "Entfernen Sie die Aufkleber nicht", "Kryptographie-Forschung", "Lieferung zwischen 8 und 16 Uhr"})
        CHECK_MESSAGE(fired(innocent).empty(), innocent);
}

TEST_CASE("free text, Spanish") {
    CHECK(fired("escriba piezas de computadora en la factura").count("mislabel"));
    CHECK(fired("declare un valor más bajo").count("underdeclare"));
    CHECK(fired("envíe en varios paquetes").count("split"));
    CHECK(fired("quite las etiquetas").count("tamper"));
    CHECK(fired("¿Por qué necesita saber eso?", "end_use").count("evasive"));
    CHECK(fired("sin garantía").count("support_declined"));
    CHECK(fired("pagamos en efectivo").count("cash_crypto"));
    CHECK(fired("misiles balísticos", "end_use").count("missile"));
    for (const char* innocent : {"Por favor, no dividan el envío", "un sistema efectivo", "criptografía", "Entregar por la mañana"})
        CHECK_MESSAGE(fired(innocent).empty(), innocent);
}

TEST_CASE("free text, Chinese: phrases inside unspaced text, negation just before") {
    CHECK(fired("发票上请写电脑配件").count("mislabel"));
    CHECK(fired("请低报货值").count("underdeclare"));
    CHECK(fired("请拆单发货").count("split"));
    CHECK(fired("撕掉标签").count("tamper"));
    CHECK(fired("最终用途保密", "end_use").count("evasive"));
    CHECK(fired("不需要保修").count("support_declined"));
    CHECK(fired("我们用USDT付款").count("cash_crypto"));
    CHECK(fired("用于导弹制导", "end_use").count("missile"));
    CHECK(quote_of("我们用USDT付款", "cash_crypto") == "USDT");
    for (const char* innocent : {"请不要拆单", "发票请写完整型号", "工作日上午送货", "需要安装和保修", "白盒服务器"})
        CHECK_MESSAGE(fired(innocent).empty(), innocent);
}

TEST_CASE("free text: every phrase lexicon is data of the bundle, with its version, sources and negations") {
    const auto docs = test::rules_documents();
    for (const char* lang : {"en", "fr", "de", "es", "zh"}) {
        const auto& d = docs[std::string("phrases-") + lang];
        CHECK(d["language"] == lang);
        CHECK(d.contains("version"));
        CHECK_FALSE(d["sources"].empty());
        CHECK_FALSE(d["negation"]["words"].empty());
        for (const char* cat : {"cash_crypto", "evasive", "support_declined", "mislabel", "underdeclare", "split", "tamper",
                                "military", "nuclear", "missile", "chem_bio"})
            CHECK_MESSAGE(d["categories"].contains(cat), lang, " ", cat);
    }
    CHECK(rules().words->free_text.languages().size() == 5);
}

TEST_CASE("free text orders: precision and recall over 5 languages (tests/fixtures/orders/free-text-orders.jsonl)") {
    std::istringstream lines(test::fixture("orders/free-text-orders.jsonl"));
    std::string line;
    std::map<std::string, std::array<int, 3>> per_lang;  // tp, fp, fn
    int tp = 0, fp = 0, fn = 0, orders = 0, innocent_clear = 0, innocent = 0;
    while (std::getline(lines, line)) {
        if (line.empty()) continue;
        const auto order = json::parse(line);
        ++orders;
        const auto lang = order["expected"]["language"].get<std::string>();
        std::set<std::string> want;
        for (const auto& r : order["expected"]["rules"]) want.insert(r.get<std::string>());
        const auto report = test::real_screener().screen_json(order).value();
        std::set<std::string> got;
        for (const auto& f : report["findings"])
            if (kTextRules.count(f["rule"].get<std::string>()) && f["severity"] != "info" && f["severity"] != "cleared")
                got.insert(f["rule"].get<std::string>());
        for (const auto& r : want) (got.count(r) ? tp : fn)++, (got.count(r) ? per_lang[lang][0] : per_lang[lang][2])++;
        for (const auto& r : got)
            if (!want.count(r)) ++fp, ++per_lang[lang][1];
        if (want.empty()) {
            ++innocent;
            if (report["decision"] == "clear") ++innocent_clear;
            else MESSAGE("innocent order not clear: ", order["id"], " ", report["summary"]);
        }
        for (const auto& r : want)
            if (!got.count(r)) MESSAGE("missed ", r, " in ", order["id"]);
    }
    const double precision = tp + fp ? static_cast<double>(tp) / (tp + fp) : 1, recall = tp + fn ? static_cast<double>(tp) / (tp + fn) : 1;
    MESSAGE("free-text orders: ", orders, " (", innocent, " innocent), precision ", precision, ", recall ", recall,
            ", innocent orders clear ", innocent_clear, "/", innocent);
    for (const auto& [lang, c] : per_lang) MESSAGE(lang, ": tp ", c[0], " fp ", c[1], " fn ", c[2]);
    CHECK(orders >= 60);
    CHECK(per_lang.size() == 5);
    CHECK(precision >= 0.95);
    CHECK(recall >= 0.95);
    CHECK(innocent_clear == innocent);
}

TEST_CASE("every finding of every fixture report carries a citation") {
    std::vector<json> orders;
    for (const char* f : {"case-a100-via-malaysia.json", "case-alx-solutions.json", "case-operation-gatekeeper.json",
                          "case-singapore-server-fraud.json", "clean-common-name-us.json", "clean-gaming-pc-germany.json",
                          "clean-h100-cluster-japan.json", "clean-laptop-singapore.json", "list-el-address-hong-kong.json",
                          "list-el-corad-singapore.json", "list-sdn-dubai.json", "list-uvl-hong-kong.json",
                          "rule-a100-hong-kong.json", "rule-h20-china.json", "rule-hq-malaysia-cloud.json",
                          "rule-iran-embargo.json", "rule-rtx4090-uae.json", "h2-uae-h100-unapproved.json",
                          "h2-uae-h100-g42.json", "h2-cn-h200-case.json", "h2-hk-h100.json", "h2-cn-b200-blackwell.json",
                          "h2-fallback-l20-germany.json", "h2-zai-overlay.json", "h2-jingsheng-affiliate.json",
                          "h2-ownership-aggregate.json", "h2-ownership-unknown-percent.json", "h2-ownership-us-subsidiary.json",
                          "h2-k01-supermicro-pattern.json", "h2-k02-megaspeed-pattern.json", "h2-k03-gatekeeper-2026.json",
                          "h2-my-transit.json", "h2-id-hub.json", "h2-r28-location-declined.json", "h2-missile-end-use.json",
                          "h2-nuclear-fr.json"})
        orders.push_back(json::parse(test::fixture(std::string("orders/") + f)));
    std::istringstream lines(test::fixture("orders/free-text-orders.jsonl"));
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) orders.push_back(json::parse(line));
    std::size_t findings = 0;
    for (const auto& o : orders) {
        const auto r = test::real_screener().screen_json(o).value();
        for (const auto& f : r["findings"]) {
            ++findings;
            const auto& e = f["evidence"];
            const bool cited = (e.contains("citation") && e["citation"].is_string() && !e["citation"].get<std::string>().empty()) ||
                               (e.contains("list") && e.contains("source_id"));  // a list entry is its own citation
            CHECK_MESSAGE(cited, o["id"], " ", f["rule"], ": ", f["message"]);
        }
    }
    CHECK(findings > 100);
}
