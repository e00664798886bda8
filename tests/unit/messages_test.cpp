// The message catalogue: every id has a French text with the same parameters, rendering follows the
// language (numbers, dates, plurals), and French reports of every fixture order carry no English words
// outside quoted list data and the user's own words.
#include "screen_support.hpp"
#include "test_support.hpp"

#include <exportcheck/concat.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/match.hpp>
#include <exportcheck/message.hpp>
#include <exportcheck/order.hpp>
#include <exportcheck/reason.hpp>
#include <exportcheck/screen.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>


using namespace exportcheck;
using ojson = nlohmann::ordered_json;

namespace {

// The parameter names a template uses: {name...}, nested ones included.
std::set<std::string> placeholders(std::string_view t) {
    std::set<std::string> out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] != '{') continue;
        std::size_t j = i + 1;
        while (j < t.size() && t[j] != ':' && t[j] != '}' && t[j] != '{' && t[j] != '|') ++j;
        if (j > i + 1) out.insert(std::string(t.substr(i + 1, j - i - 1)));
    }
    return out;
}

// Words that are English and never French (no "a", "on", "as", "son": they are French too).
const std::set<std::string> kEnglishWords = {
    "the", "of", "and", "is", "are", "to", "for", "with", "this", "that", "from", "by", "which", "has", "have",
    "was", "were", "not", "its", "an", "be", "or", "but", "it", "these", "those", "than", "been", "any", "into",
    "check", "before", "shipping", "hold", "ship", "party", "match", "matches", "order", "entry", "list", "license", "goes", "going", "through", "who", "what", "when", "where", "why", "how", "may", "must", "should",
    "needs", "need", "given", "found", "none", "only", "also", "under", "about", "same", "name", "buyer",
    "payer", "end", "user", "item", "items", "review", "blocked", "clear", "give", "find", "out", "look", "looks"};

// Text outside quotes ("..." and « ... »), lower-cased, split into words.
std::vector<std::string> unquoted_words(const std::string& s) {
    std::vector<std::string> words;
    std::string word;
    bool in_ascii_quote = false;
    int in_guillemets = 0;
    auto flush = [&] {
        if (!word.empty() && !in_ascii_quote && in_guillemets == 0) words.push_back(word);
        word.clear();
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '"') {
            flush();
            in_ascii_quote = !in_ascii_quote;
        } else if (s.compare(i, 2, "\u00AB") == 0) {
            flush();
            ++in_guillemets;
            ++i;
        } else if (s.compare(i, 2, "\u00BB") == 0) {
            flush();
            if (in_guillemets > 0) --in_guillemets;
            ++i;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) {
            word += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else {
            flush();
        }
    }
    flush();
    return words;
}

std::vector<std::string> sentences_of(const nlohmann::ordered_json& report) {
    std::vector<std::string> out = {report["summary"].get<std::string>(), report["disclaimer"].get<std::string>()};
    for (const auto& f : report["findings"]) out.push_back(f["message"].get<std::string>());
    for (const auto& s : report["next_steps"]) out.push_back(s["message"].get<std::string>());
    for (const auto& i : report["items"]) out.push_back(i["classification"]["basis"].get<std::string>());
    for (const auto& f : report["findings"]) {
        if (!f["evidence"].contains("explanation")) continue;
        const auto& x = f["evidence"]["explanation"];
        for (const auto& p : x["pairs"]) out.push_back(p["why"].get<std::string>());
        if (x.contains("notes"))
            for (const auto& n : x["notes"]) out.push_back(n.get<std::string>());
    }
    return out;
}

}  // namespace

TEST_CASE("messages: every id has a French text with the parameters of the English") {
    std::set<std::string_view> ids;
    for (const auto& e : catalogue()) {
        CHECK_MESSAGE(ids.insert(e.id).second, "id twice: ", e.id);
        CHECK_MESSAGE(!e.en.empty(), "no English text: ", e.id);
        CHECK_MESSAGE(!e.fr.empty(), "no French text: ", e.id);
        // French says every value English says (it may use more parameters, for agreement: "{n:plural:part|partent}").
        const auto en = placeholders(e.en), fr = placeholders(e.fr);
        CHECK_MESSAGE(std::includes(fr.begin(), fr.end(), en.begin(), en.end()), "French drops a parameter: ", e.id);
    }
    CHECK(catalogue().size() > 20);
}

TEST_CASE("messages: numbers, dates, plurals and countries follow the language") {
    CHECK(format_number(5286, Lang::en) == "5,286");
    CHECK(format_number(5286, Lang::fr) == "5\u202F286");
    CHECK(format_number(5.9213, Lang::fr) == "5,92");
    CHECK(format_number(12104.5, Lang::fr) == "12\u202F104,5");
    CHECK(render("summary.top", {{"top", "Stop."}, {"more", 1}}, Lang::en) == "Stop. (1 more finding below.)");
    CHECK(render("summary.top", {{"top", "Stop."}, {"more", 2}}, Lang::en) == "Stop. (2 more findings below.)");
    CHECK(render("summary.top", {{"top", "Stop."}, {"more", 1}}, Lang::fr) == "Stop. (1 autre constat ci-dessous.)");
    CHECK(render("summary.top", {{"top", "Stop."}, {"more", 0}}, Lang::fr) == "Stop.");
    CHECK(render("value", {{"v", date("2026-12-07")}}, Lang::fr) == "7 décembre 2026");
    CHECK(render("value", {{"v", date("2026-12-01")}}, Lang::fr) == "1er décembre 2026");
    CHECK(render("value", {{"v", date("2026-12-07")}}, Lang::en) == "7 December 2026");
    CHECK(render("value", {{"v", ojson::array({country("DE"), country("CN")})}}, Lang::fr) ==
          "Allemagne (DE) et Chine (CN)");
    CHECK(render("value", {{"v", any_of({"a", "b", "c"})}}, Lang::en) == "a, b or c");
    CHECK(lang_from("fr-CA") == Lang::fr);
    CHECK_FALSE(lang_from("de"));
}

TEST_CASE("messages: a French report names its language and renders every sentence from the catalogue") {
    const auto order = test::fixture_order("rule-a100-hong-kong.json");
    const auto en = test::real_screener().screen_json({{"order", order}}).value();
    const auto fr = test::real_screener().screen_json({{"order", order}, {"lang", "fr"}}).value();
    CHECK(en["lang"] == "en");
    CHECK(fr["lang"] == "fr");
    CHECK(fr["decision"] == en["decision"]);
    REQUIRE(fr["findings"].size() == en["findings"].size());
    for (std::size_t i = 0; i < fr["findings"].size(); ++i) {
        CHECK(fr["findings"][i]["message_id"] == en["findings"][i]["message_id"]);
        CHECK(fr["findings"][i]["params"] == en["findings"][i]["params"]);
        CHECK(fr["findings"][i]["message"] != en["findings"][i]["message"]);
    }
    CHECK_FALSE(test::real_screener().screen_json({{"order", order}, {"lang", "de"}}).ok());
}

TEST_CASE("messages: French reports of every fixture order have no English words outside quotes") {
    std::size_t orders = 0;
    for (const auto& file : std::filesystem::directory_iterator(std::string(EXPORTCHECK_FIXTURES) + "/orders")) {
        if (file.path().extension() != ".json") continue;
        const auto name = file.path().filename().string();
        const auto report = test::real_screener().screen_json(
            {{"order", test::fixture_order(name)}, {"lang", "fr"}, {"screened_at", "2026-12-07"}}).value();
        ++orders;
        for (const auto& f : report["findings"]) CHECK_MESSAGE(!f["message_id"].get<std::string>().empty(), name);
        for (const auto& s : sentences_of(report)) {
            std::vector<std::string> english;
            for (const auto& w : unquoted_words(s))
                if (kEnglishWords.count(w)) english.push_back(w);
            std::string found;
            for (const auto& w : english) found += " " + w;
            CHECK_MESSAGE(english.empty(), name, ":", found, ": ", s);
        }
    }
    CHECK(orders >= 15);
}

TEST_CASE("messages: every reason code of the name matcher is worded in English and in French") {
    // Each code with parameters, its English (the matcher's words before reasons became codes, byte for byte)
    // and its French. A code added without its catalogue entry, or with no French text, fails here.
    struct Case {
        Reason reason;
        const char *en, *fr;
    };
    const Case cases[] = {
        {{ReasonCode::same}, "same word", "même mot"},
        {{ReasonCode::variant, "muhammad"}, "same name, other spelling (muhammad)", "même nom, autre graphie (« muhammad »)"},
        {{ReasonCode::edits, {}, {}, 1}, "1 letter differs", "1 lettre diffère"},
        {{ReasonCode::sound}, "sounds alike", "se prononce pareil"},
        {{ReasonCode::skeleton}, "same consonants (written without vowels)", "mêmes consonnes (écrit sans voyelles)"},
        {{ReasonCode::initial}, "initial", "initiale"},
        {{ReasonCode::apart}, "written apart in the listed name", "en deux mots dans le nom listé"},
        {{ReasonCode::together}, "written together in the listed name", "en un seul mot dans le nom listé"},
        {{ReasonCode::legal_form, "ltd"}, "legal form (ltd)", "forme juridique (« ltd »)"},
        {{ReasonCode::forms_differ}, "different legal forms", "formes juridiques différentes"},
        {{ReasonCode::number}, "same number", "même nombre"},
        {{ReasonCode::nickname, "bob", "robert"}, "same given name, nickname (bob / robert)",
         "même prénom, diminutif (« bob » / « robert »)"},
        {{ReasonCode::spaced, "s h e n", "shen"}, "letters spaced out (s h e n read as shen)",
         "lettres espacées (« s h e n » lu « shen »)"},
        {{ReasonCode::abbreviation, "grp", "group"}, "abbreviation grp read as group", "abréviation « grp » lue « group »"},
        {{ReasonCode::digit, "0", "O"}, "digit 0 read as O", "chiffre 0 lu comme la lettre O"},
        {{ReasonCode::greek, "\u0397", "H"}, "Greek letter \u0397 read as H", "lettre grecque \u0397 lue comme H"},
        {{ReasonCode::cyrillic, "\u0430", "a"}, "Cyrillic letter \u0430 read as a", "lettre cyrillique \u0430 lue comme a"},
        {{ReasonCode::invisible}, "invisible characters removed", "caractères invisibles retirés"},
        {{ReasonCode::styled}, "styled letters read as plain letters", "lettres stylisées lues comme des lettres ordinaires"},
        {{ReasonCode::full_width}, "full-width letters", "lettres pleine chasse"},
        {{ReasonCode::korean_reading, "김철삼"}, "Chinese characters read in Korean: 김철삼", "caractères chinois lus en coréen : 김철삼"},
        {{ReasonCode::other_reading, "厦 xia"}, "Chinese characters read another way: 厦 xia", "caractères chinois lus autrement : 厦 xia"},
        {{ReasonCode::without_place, "深圳市"}, "read without the place it starts with: 深圳市", "lu sans le lieu par lequel il commence : 深圳市"},
        {{ReasonCode::only_generic}, "only generic words, legal forms or initials agree",
         "seuls des mots génériques, des formes juridiques ou des initiales concordent"},
        {{ReasonCode::common}, "the agreeing words are common", "les mots qui concordent sont courants"},
        {{ReasonCode::order}, "the words agree in another order", "les mots concordent dans un autre ordre"},
        {{ReasonCode::type_inferred, "person"},
         "the query's name is an organization's (a legal form or company word), the entry is a person",
         "le nom saisi est celui d'une organisation (une forme juridique ou un mot d'entreprise), l'inscription est une personne"},
        {{ReasonCode::type, "person", "vessel"}, "the query is a person, the entry a vessel",
         "le nom saisi est une personne, l'inscription un navire"},
        {{ReasonCode::country_agrees, "DE"}, "country Germany (DE) agrees with the entry",
         "le pays Allemagne (DE) concorde avec l'inscription"},
        {{ReasonCode::country_differs, "BR"}, "country Brazil (BR) is none of the entry's",
         "le pays Brésil (BR) n'est aucun de ceux de l'inscription"},
        {{ReasonCode::dob_agrees}, "year of birth agrees", "l'année de naissance concorde"},
        {{ReasonCode::dob_differs}, "year of birth differs", "l'année de naissance diffère"},
    };
    std::set<ReasonCode> covered;
    for (const auto& c : cases) {
        covered.insert(c.reason.code);
        const auto id = "why." + std::string(to_string(c.reason.code));
        const auto* entry = find_message(id);
        REQUIRE_MESSAGE(entry, "no catalogue entry: ", id);
        CHECK_MESSAGE(!entry->fr.empty(), "no French text: ", id);
        CHECK(reason_msg(c.reason)["$m"] == id);
        CHECK(reason_text(c.reason, Lang::en) == c.en);
        CHECK(reason_text(c.reason, Lang::fr) == c.fr);
    }
    // Plurals follow the language: French counts 0 and 1 as one.
    CHECK(reason_text({ReasonCode::edits, {}, {}, 2}, Lang::en) == "2 letters differ");
    CHECK(reason_text({ReasonCode::edits, {}, {}, 2}, Lang::fr) == "2 lettres diffèrent");
    for (std::size_t i = 1; i < kReasonCodes; ++i)
        CHECK_MESSAGE(covered.count(static_cast<ReasonCode>(i)), "a reason code without a case here: ", i);
    CHECK(reason_text({}, Lang::fr).empty());  // no reason, no words
}

TEST_CASE("messages: the reasons the name matcher gives are codes the catalogue words in both languages") {
    // Pairs that bring out the matcher's reasons: same word, spelling, sound, initials, legal forms, nicknames,
    // glued and spaced words, abbreviations, look-alike letters and digits, order.
    const std::pair<const char*, const char*> pairs[] = {
        {"Shenzhen Huawei Technology Co Ltd", "SHENZHEN HUAWEI TECHNOLOGY CO., LTD."},
        {"Mohamad Hasan", "Mohammed Hassan"}, {"Nick Petrov", "Nicholas Petrov"}, {"N. Nazarbayev", "Nursultan Nazarbayev"},
        {"Jong Un Kim", "Kim Jong Un"}, {"S h e n z h e n Trading", "Shenzhen Trading"}, {"Acme Tech Dev Co", "Acme Technology Development Co"},
        {"\u0397uawei", "Huawei"}, {"Ig0r Sech1n", "Igor Sechin"}, {"Rosoboron export", "Rosoboronexport"}, {"Acme GmbH", "Acme SA"},
        {"Global Trading Limited", "Global Trading LLC"}, {"\uFF21\uFF43\uFF4D\uFF45 Ltd", "Acme Ltd"}, {"Mkhl Pvlv", "Mikhail Pavlov"},
        {"Factory 17", "Factory 17"}, {"金铁三", "KIM CHOL SAM"}};
    std::set<ReasonCode> codes;
    for (const auto& pair : pairs) {
        const char* a = pair.first;  // not a structured binding: clang 14 cannot capture one (CHECK_MESSAGE)
        const char* b = pair.second;
        const auto x = compare_names(nlohmann::ordered_json::parse(std::string("\"") + a + "\"").get<std::string>(), b);
        std::vector<Reason> said;
        for (const auto& p : x.explanation.pairs) said.push_back(p.why);
        said.insert(said.end(), x.explanation.notes.begin(), x.explanation.notes.end());
        for (const auto& r : said) {
            CHECK_MESSAGE(r.code != ReasonCode::none, a, " / ", b);
            codes.insert(r.code);
            CHECK(reason_msg(r).is_object());
            CHECK(!reason_text(r, Lang::en).empty());
            CHECK(reason_text(r, Lang::fr) != reason_text(r, Lang::en));
        }
    }
    CHECK(codes.size() >= 16);
}

namespace {

// English words outside quotes in a French sentence, joined for the failure message ("" when none).
std::string english_in(const std::string& french) {
    std::string found;
    for (const auto& w : unquoted_words(french))
        if (kEnglishWords.count(w)) found += " " + w;
    return found;
}

// The error of a refused input.
template <class R>
Error refusal_of(const R& result) {
    if (!result.ok()) return result.error();
    FAIL("not refused");
    return Error("none", "");
}

}  // namespace

TEST_CASE("messages: a product's name comes in French where it has words, in English unchanged") {
    // "H100 (variant not stated; SXM figures used)" has a French twin in data/rules/products.json (name_fr).
    const nlohmann::json order = {
        {"order_id", "T-NAMES"}, {"destination", "CN"},
        {"parties", {{{"role", "buyer"}, {"name", "Lumière Calcul SAS"}, {"country", "FR"}}}},
        {"items", {{{"description", "NVIDIA H100 80GB"}, {"quantity", 8}}, {{"description", "Dell laptop"}, {"quantity", 1}}}}};
    auto screen = [&](const char* lang) {
        return test::real_screener().screen_json({{"order", order}, {"lang", lang}, {"screened_at", "2026-12-07"}}).value();
    };
    const auto fr = screen("fr"), en = screen("en");
    const auto fr_summary = fr["summary"].get<std::string>(), en_summary = en["summary"].get<std::string>();
    CHECK(fr_summary.find("H100 (variante non précisée ; chiffres de la SXM retenus)") != std::string::npos);
    CHECK(english_in(fr_summary).empty());
    CHECK(en_summary.find("H100 (variant not stated; SXM figures used)") != std::string::npos);
    CHECK(fr["items"][1]["classification"]["basis"].get<std::string>().find("« ordinateur portable »") != std::string::npos);
    CHECK(en["items"][1]["classification"]["basis"].get<std::string>().find("laptop or notebook computer") != std::string::npos);
}

TEST_CASE("messages: CSV row errors and order errors come in French with no English words, English unchanged") {
    // One bad row of each kind, and a good order that is still read.
    const std::string csv =
        "order_id,buyer.name,buyer.country,item.description,item.quantity,item.datacenter,end_use\n"
        "A1,Acme GmbH,DE,A100,lots,no,research\n"
        "A2,Beta SA,FR,A100,-1,no,research\n"
        "A3,Gamma,DE,A100,0,maybe,research\n"
        "A4,Delta,DE,A100,1,no,research\n"
        "A4,Delta,DE,A100,1,no,training\n"
        "A5,Epsilon,DE,,1,no,research\n"
        "A6,Zeta,DE,A100,1,no,research,extra\n"
        "A1,Acme GmbH,DE,A100,1,no,research\n"
        "A7,Eta,DE,A100,2,no,research\n";
    const auto read = read_orders_csv(csv, "commandes.csv").value();
    CHECK(read.orders.size() == 1);  // A7: every other order has a bad row
    REQUIRE(read.errors.size() >= 7);
    CHECK(read.errors[0].message == "commandes.csv line 2, column 5 (item.quantity): expected a number, got \"lots\"");
    for (const auto& e : read.errors) {
        CHECK(render(e.text, Lang::en) == e.message);
        const auto fr = render(e.text, Lang::fr);
        CHECK_MESSAGE(english_in(fr).empty(), fr, " ->", english_in(fr));
        CHECK(fr.find("commandes.csv") != std::string::npos);  // the file's name as written
    }
    CHECK(render(read.errors[0].text, Lang::fr) ==
          "« commandes.csv », ligne 2, colonne 5 (« item.quantity ») : nombre attendu, reçu « lots »");

    // Files refused as a whole, and orders refused field by field.
    const std::vector<Error> refused = {
        refusal_of(read_orders_csv("\x89PNG\r\n\x1a\n", "photo.csv")),
        refusal_of(read_orders_csv("", "vide.csv")),
        refusal_of(read_orders_csv("hello,world\n1,2\n", "notes.csv")),
        refusal_of(read_orders_csv("order_id,buyer.nam\nA,B\n", "commandes.csv")),
        refusal_of(read_orders_csv("order_id,buyer.name,colour\nA,B,red\n", "commandes.csv")),
        refusal_of(read_orders_csv("buyer.name,item.description\nA,B\n", "commandes.csv")),
        refusal_of(read_orders_csv("order_id,buyer.name\n\"A,B\n", "commandes.csv")),
        refusal_of(order_from_json(nlohmann::ordered_json::parse(R"({"id":"X","parties":[{"role":"buyer"}],"items":[]})"))),
        refusal_of(order_from_json(nlohmann::ordered_json::parse(R"({"id":"X","parties":[],"items":[{"quantity":1}]})"))),
        refusal_of(order_from_json(nlohmann::ordered_json::parse(R"({"id":"X","items":[{"model":"A100","datacenter":"maybe"}]})"))),
        refusal_of(order_from_json(nlohmann::ordered_json::parse(R"({"id":"X","payment":[1]})"))),
        refusal_of(order_from_json(nlohmann::ordered_json::parse(R"({"id":"X","parties":{}})"))),
        refusal_of(request_from_text("{\"order\": ")),
        refusal_of(test::real_screener().screen_json({{"order", nlohmann::ordered_json::object()}, {"colour", 1}})),
        refusal_of(test::real_screener().screen_json({{"order", nlohmann::ordered_json::object()}, {"screened_at", "soon"}})),
    };
    for (const auto& e : refused) {
        REQUIRE_MESSAGE(!e.message().id.empty(), e.what());
        CHECK(e.text(Lang::en) == e.what());
        const auto fr = e.text(Lang::fr);
        CHECK_MESSAGE(english_in(fr).empty(), fr, " ->", english_in(fr));
        CHECK(fr != e.what());
    }
    CHECK(std::string(refused[3].what()) == "commandes.csv line 1, column 2: unknown column \"buyer.nam\": did you mean \"buyer.name\"?");
    CHECK(refused[3].text(Lang::fr) ==
          "« commandes.csv », ligne 1, colonne 2 : colonne inconnue « buyer.nam » : vouliez-vous dire « buyer.name » ?");
    CHECK(std::string(refused[7].what()) == "parties[0].name: missing: every party needs a name to be screened");
}

namespace {

// Evidence keys whose values are list data, the order's own words, codes or references, not engine sentences.
const std::set<std::string> kDataKeys = {
    "name", "role", "listed_name", "matched_name", "entered_name", "party", "item", "source", "source_id", "source_url",
    "list", "list_name", "programs", "listed_addresses", "matched_address", "party_address", "address_entry",
    "address_lines", "license_requirement", "license_policy", "rs_text", "remarks", "fr_notice", "entry_date",
    "consequence", "end_use", "said", "word", "words", "explanation", "party_fingerprint", "entry_fingerprint",
    "sources", "confidence", "list_confidence", "relation", "overlay", "flag", "rule", "roles", "destination",
    "counts_as", "groups", "headquarters", "country", "basis", "eccn", "catalogue", "figures_from", "strength",
    "classification", "maker_eccn", "tool_eccn", "field", "value", "text_hits", "recipient", "id", "city",
    "address_type", "payment", "instructions", "notes_field", "business", "email", "phone", "website"};

// Every engine-written string of a finding's evidence, with where it sits.
void evidence_strings(const ojson& v, const std::string& at, std::vector<std::pair<std::string, std::string>>& out) {
    if (v.is_string()) out.emplace_back(at, v.get<std::string>());
    if (v.is_array())
        for (const auto& x : v) evidence_strings(x, at + "[]", out);
    if (!v.is_object()) return;
    for (auto it = v.begin(); it != v.end(); ++it) {
        const auto& key = it.key();
        if (kDataKeys.count(key) || key.ends_with("_id") || key.ends_with("_params") || key.ends_with("_ids")) continue;
        evidence_strings(it.value(), at + "." + key, out);
    }
}

}  // namespace

TEST_CASE("messages: French reports of every fixture order word their evidence and item notes in French") {
    std::size_t strings = 0;
    for (const auto& file : std::filesystem::directory_iterator(std::string(EXPORTCHECK_FIXTURES) + "/orders")) {
        if (file.path().extension() != ".json") continue;
        const auto name = file.path().filename().string();
        const auto report = test::real_screener().screen_json(
            {{"order", test::fixture_order(name)}, {"lang", "fr"}, {"screened_at", "2026-12-07"}}).value();
        std::vector<std::pair<std::string, std::string>> texts;
        for (const auto& f : report["findings"]) evidence_strings(f["evidence"], f["rule"].get<std::string>(), texts);
        for (const auto& item : report["items"])
            for (const auto& n : item["classification"]["notes"]) texts.emplace_back("notes", n.get<std::string>());
        for (const auto& text : texts) {  // not a structured binding: clang 14 cannot capture one in CHECK_MESSAGE
            ++strings;
            const auto english = english_in(text.second);
            CHECK_MESSAGE(english.empty(), name, " ", text.first, ":", english, ": ", text.second);
        }
    }
    CHECK(strings > 50);
}

TEST_CASE("concat: shortest() writes a number as fmt's \"{}\" did, the fewest digits that read back") {
    CHECK(shortest(1.5) == "1.5");
    CHECK(shortest(100.0) == "100");
    CHECK(shortest(-0.25) == "-0.25");
    CHECK(shortest(0.0001) == "0.0001");
    CHECK(shortest(0.00001) == "1e-05");
    CHECK(shortest(1e15) == "1000000000000000");
    CHECK(shortest(1e16) == "1e+16");
    CHECK(shortest(0.1 + 0.2) == "0.30000000000000004");
    CHECK(shortest(1.7976931348623157e308) == "1.7976931348623157e+308");
    // A power of two: the digits that read back lie above the nearest ones (2^-24 = 5.9604644775390625e-08).
    CHECK(shortest(5.9604644775390625e-08) == "5.960464477539063e-08");
}
