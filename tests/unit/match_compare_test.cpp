// compare_names() and the scorer behind it: what must match, what must not, and how each score explains
// itself. Pairs are the kinds screening meets (name order, transliteration, legal forms, typos, initials,
// joined words) and the known failures of other screeners ("CORP" alone, George Bush / George Habbash).
#include <doctest/doctest.h>

#include <exportcheck/error.hpp>
#include <exportcheck/match.hpp>

#include <algorithm>
#include <string>

using namespace exportcheck;

namespace {

double score(std::string_view a, std::string_view b, EntityType t = EntityType::unknown) {
    return compare_names(a, b, t).score;
}
bool matches(std::string_view a, std::string_view b, EntityType t = EntityType::unknown) {
    return score(a, b, t) >= kReportThreshold;
}

}  // namespace

TEST_CASE("compare: the same name, in any order, case, script or spelling, matches") {
    CHECK(score("Vladimir Putin", "Vladimir Putin") == doctest::Approx(1.0));
    CHECK(matches("PUTIN, Vladimir", "Vladimir Putin", EntityType::person));
    CHECK(matches("Vladimir Putin", "PUTIN, Vladimir Vladimirovich", EntityType::person));  // patronymic missing
    CHECK(matches("Владимир Путин", "Vladimir Putin"));
    CHECK(matches("Mohamed Ali", "محمد علي"));
    CHECK(matches("Mohamad Ali Hasan", "HASAN, Muhammad Ali", EntityType::person));
    CHECK(matches("Sergei Lavrov", "Sergey Viktorovich LAVROV", EntityType::person));
    CHECK(matches("Kim Jong Un", "김정은"));
    CHECK(matches("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"));
    CHECK(matches("Kim Jong Un", "Jong Un Kim"));  // surname last: a rotation is no disagreement
}

TEST_CASE("compare: typos, initials and words written together or apart") {
    CHECK(matches("Olaf Scholze", "Olaf Scholz"));
    CHECK(matches("Tianjin Phytum Information Tech", "Tianjin Phytium Information Technology Co., Ltd."));
    CHECK(matches("V. Putin", "Vladimir Putin"));
    CHECK(matches("Khalid Al Rashid", "Khalid Alrashid"));
    CHECK(matches("Jan Daniel Bothma", "JanDaniel Bothma"));
    CHECK(matches("Mahmood Bashiruddin", "MAHMOOD, Bashir-Ud-Din", EntityType::person));
    CHECK(matches("Siemens AG", "SiemensAG"));
    CHECK(matches("ABC Company", "A.B.C. Company"));
}

TEST_CASE("compare: companies meet across legal forms; the form is never the match itself") {
    CHECK(matches("Huawei Technologies Co., Ltd.", "HUAWEI TECHNOLOGIES COMPANY LIMITED", EntityType::organization));
    CHECK(matches("Gazprom Transgaz Volgograd OOO", "Gazprom Transgaz Volgograd LLC"));
    CHECK(matches("JSC Tactical Missiles Corporation", "Tactical Missiles Corporation Joint Stock Company"));
    CHECK(matches("Microsoft Corporation", "Microsoft Corp."));
    // Only generic words or legal forms agree: never a match.
    CHECK_FALSE(matches("International Trading Co", "International Trading Company Ltd"));
    CHECK_FALSE(matches("CORP", "ACME CORP"));
    CHECK_FALSE(matches("Global Trading LLC", "Global Trading Limited"));
    CHECK_FALSE(matches("Global Technology Group", "Global Technology Group Holding"));
    // ... unless two names of three generic words or more are the same name word for word.
    CHECK(matches("Equipment Development Department", "EQUIPMENT DEVELOPMENT DEPARTMENT"));
    CHECK(score("International Trading Co", "International Trading Co") <= 0.5);
}

TEST_CASE("compare: different people and companies do not match") {
    CHECK_FALSE(matches("George Bush", "George Habbash"));
    CHECK_FALSE(matches("Barack Obama", "Michelle Obama"));
    CHECK_FALSE(matches("Ihab Makhlouf", "Rami Makhlouf"));
    CHECK_FALSE(matches("Michael Chan", "Michael Jackson"));
    CHECK_FALSE(matches("Ali Saddam Hussein Al-Rawi", "Ali Saddam Hussein Al-Tikriti", EntityType::person));
    CHECK_FALSE(matches("Sergey Viktorovich Lavrov", "Sergey Borisovich Lavrov", EntityType::person));
    CHECK_FALSE(matches("Abdullah bin Omar Al-Muhammad", "Omar bin Abdullah Al-Muhammad", EntityType::person));
    // Numbers are weak evidence (fund and series numbers), but a different number still lowers the score.
    CHECK(score("Apollo Investment Fund 8", "Apollo Investment Fund 9") <
          score("Apollo Investment Fund 8", "Apollo Investment Fund 8"));
    CHECK(score("Vladimir Putin", "Vladimir Poutine") > score("Vladimir Putin", "Vladimir Pushkin"));
}

TEST_CASE("compare: scores are 0..1 and symmetric enough to be used both ways") {
    for (const auto& [a, b] : {std::pair{"Mohamad Ali Hasan", "Ali Hassan"}, {"Siemens", "Siemens AG"},
                               {"A", "B"}, {"", "Putin"}}) {
        const double ab = score(a, b), ba = score(b, a);
        CHECK(ab >= 0.0);
        CHECK(ab <= 1.0);
        CHECK(std::abs(ab - ba) < 0.1);
    }
    CHECK(score("", "") == 0.0);
}

TEST_CASE("compare: every score explains itself: which token met which, and why") {
    const auto r = compare_names("Mohamed Alrashid", "AL RASHID, Muhammad", EntityType::person);
    REQUIRE(r.explanation.pairs.size() == 2);
    CHECK(r.explanation.pairs[0].query == "mohamed");
    CHECK(r.explanation.pairs[0].listed == "muhammad");
    CHECK(r.explanation.pairs[0].why == Reason{ReasonCode::variant, "muhammad"});
    CHECK(r.explanation.pairs[1].query == "alrashid");
    CHECK(r.explanation.pairs[1].listed == "al rashid");
    CHECK(r.explanation.pairs[1].why.code == ReasonCode::apart);

    const auto g = compare_names("George Bush", "George Habbash");
    CHECK(g.explanation.unmatched_query == std::vector<std::string>{"bush"});
    CHECK(g.explanation.unmatched_listed == std::vector<std::string>{"habbash"});

    const auto generic = compare_names("International Trading Co", "International Trading Company");
    REQUIRE(!generic.explanation.notes.empty());
    CHECK(generic.explanation.notes[0].code == ReasonCode::only_generic);
}

TEST_CASE("compare: JSON in and out, with errors that name the field") {
    const auto j = compare_json({{"a", "PUTIN, Vladimir"}, {"b", "Vladimir Putin"}, {"type", "person"}}).value();
    CHECK(j["a"] == "PUTIN, Vladimir");
    CHECK(j["type"] == "person");
    CHECK(j["match"] == true);
    CHECK(j["score"].get<double>() == doctest::Approx(1.0));
    CHECK(j["explanation"]["band"] == "strong");
    CHECK(j["explanation"]["pairs"].size() == 2);
    CHECK_FALSE(compare_json({{"a", "x"}, {"b", "y"}}).value().contains("type"));

    auto code_of = [](const nlohmann::ordered_json& pair) {
        const auto r = compare_json(pair);
        return r.ok() ? std::string("none") : r.error().code();
    };
    CHECK(code_of({{"a", "x"}}) == "bad_pair");
    CHECK(code_of({{"a", 1}, {"b", "y"}}) == "bad_pair");
    CHECK(code_of({{"a", "x"}, {"b", "y"}, {"type", "planet"}}) == "bad_pair");
    CHECK(code_of(nlohmann::ordered_json::array()) == "bad_pair");
}

TEST_CASE("compare: scores print with 4 decimals, the same in every build") {
    CHECK(round_score(0.123456) == 0.1235);
    CHECK(round_score(1.0) == 1.0);
    const auto j = compare_json({{"a", "Olaf Scholze"}, {"b", "Olaf Scholz"}}).value();
    const auto text = j["score"].dump();
    CHECK(text.size() <= 6);
}

TEST_CASE("compare: disguised names meet the listed name, and the explanation says how (issue 16)") {
    CHECK(matches("S h e n z h e n Huawei Trading", "Shenzhen Huawei Trading Co"));
    CHECK(matches("\u0397uawei Technologies", "Huawei Technologies Co., Ltd."));
    const auto greek = compare_names("\u0397uawei Technologies", "Huawei Technologies Co., Ltd.");
    const auto& notes = greek.explanation.notes;
    CHECK(std::find(notes.begin(), notes.end(), Reason{ReasonCode::greek, "\u0397", "H"}) != notes.end());
    CHECK(matches("Rostec TECH DEV CO", "Rostec Technology Development Company"));
    CHECK(matches("深圳市华为技术有限公司", "Shenzhen Huawei Technology Co., Ltd."));
    CHECK(matches("Nick Ivanenko", "Nicholas IVANENKO", EntityType::person));
    const auto nick = compare_names("Bob Menendez", "Robert Menendez", EntityType::person);
    CHECK(nick.score >= kReportThreshold);
    REQUIRE_FALSE(nick.explanation.pairs.empty());
    CHECK(nick.explanation.pairs.front().why == Reason{ReasonCode::nickname, "bob", "robert"});
}

TEST_CASE("compare: two different words of a company name are not one misspelt (issue 16)") {
    CHECK_FALSE(matches("Pioneer Travel", "Pioneer Trade LLC"));
    CHECK(matches("Pioneer Tradeing LLC", "Pioneer Trade LLC"));  // a misspelling is still one
}

TEST_CASE("compare: a given name met by its initial is half known") {
    CHECK(matches("N. Nazarbayev", "Nursultan Nazarbayev", EntityType::person));
    CHECK_FALSE(matches("N. Smith", "Nursultan Nazarbayev", EntityType::person));
}

TEST_CASE("compare: a name in Chinese characters meets its pinyin") {
    CHECK(matches("习近平", "Xi Jinping"));
    CHECK(matches("李克强", "LI Keqiang", EntityType::person));
    // One character apart is another name: the given name (the last word) is read from Chinese too.
    CHECK_FALSE(matches("习近朋", "习近平"));
    CHECK_FALSE(matches("习近朋", "习近平", EntityType::person));
    // One syllable read from a character is exact against Latin too: 成 cheng is not Chen.
    CHECK_FALSE(matches("成 朱", "Zhu Chen", EntityType::person));
    CHECK(matches("陈 朱", "Zhu Chen", EntityType::person));
}

TEST_CASE("compare: a Korean name in Chinese characters meets its listed spelling, read in Korean") {
    // UN KPi: KIM CHOL SAM, alias "Jin Tiesan (金铁三)" (data/un/UN_consolidated.xml).
    const auto kim = compare_names("金铁三", "KIM CHOL SAM");
    CHECK(kim.score >= kReportThreshold);
    CHECK(kim.score < 1.0);  // another reading, not the name as written
    const auto& notes = kim.explanation.notes;
    CHECK(std::find(notes.begin(), notes.end(), Reason{ReasonCode::korean_reading, "김철삼"}) != notes.end());
    CHECK(matches("Jin Tiesan (金铁三)", "KIM CHOL SAM"));
    CHECK(matches("金正恩", "Kim Jong Un"));
    // The Mandarin reading still comes first for a Chinese name, and a Korean reading is no wildcard.
    CHECK(compare_names("习近平", "Xi Jinping").score == 1.0);
    CHECK_FALSE(matches("金铁山", "KIM CHOL SAM"));
}

TEST_CASE("A name in Chinese characters is also read with its characters of two readings read otherwise") {
    const auto xiamen = compare_names("厦门华讯科技有限公司", "Xiamen Huaxun Technology Co Ltd");
    CHECK(xiamen.score >= kReportThreshold);
    CHECK(xiamen.score < 1.0);  // a guess at the reading, not the name as read first
    const auto& notes = xiamen.explanation.notes;
    CHECK(std::find(notes.begin(), notes.end(), Reason{ReasonCode::other_reading, "厦 xia"}) != notes.end());
    CHECK(compare_names("深圳华讯科技有限公司", "Shenzhen Huaxun Technology Co Ltd").score == 1.0);
    CHECK_FALSE(matches("厦门华讯科技有限公司", "Xiamen Huawei Technology Co Ltd"));
}

TEST_CASE("A registered Chinese name is also read without the place it starts with") {
    // The lists often leave the city out; the registered name has it, up to its 市 (city) or 省 (province).
    const auto huawei = compare_names("深圳市华为科技有限公司", "HUAWEI TECHNOLOGIES CO., LTD.");
    CHECK(huawei.score >= kReportThreshold);
    const auto& notes = huawei.explanation.notes;
    CHECK(std::find(notes.begin(), notes.end(), Reason{ReasonCode::without_place, "深圳市"}) != notes.end());
    CHECK(text::han_without_place("华为科技有限公司").name.empty());
    CHECK(text::han_without_place("市场").name.empty());
    CHECK(text::han_without_place("广东省深圳市华为").name == "华为");
}

TEST_CASE("A syllable read from Chinese characters is no misspelling of another listed word") {
    // 北京 beijing is not 北航 beihang: other characters, whatever the letters share.
    CHECK_FALSE(matches("北京大学", "Beihang University"));
    CHECK(matches("成都华为技术有限公司", "Chengdu Huawei Technology Co., Ltd."));  // chengdou: a romanisation
}

TEST_CASE("compare: Chinese company words, places and their Latin forms (issue 16)") {
    // UK list names of parties also written in Chinese characters (data/uk/uksl_derived_2026-04).
    CHECK(matches("中国控股有限公司", "SINO HOLDINGS GROUP CO., LTD."));
    CHECK(matches("カザン火薬工場", "Federal State Enterprise Kazan State Powder Plant"));
    CHECK(matches("HK Hengbang Electronics Limited", "Hong Kong Hengbang Electronics Ltd"));
    // Well-known unlisted companies that share only company words and places with a listed name.
    CHECK_FALSE(matches("吉利汽车控股有限公司", "SINO HOLDINGS GROUP CO., LTD."));
    CHECK_FALSE(matches("中国平安保险（集团）股份有限公司", "SINO HOLDINGS GROUP CO., LTD."));
    CHECK_FALSE(matches("广州数控设备有限公司", "NEWAY CNC EQUIPMENT (SUZHOU) CO LTD"));
}

TEST_CASE("compare: an abbreviated generic word weighs what the word weighs") {
    // "GRP" is "group": two names that share only it do not match.
    CHECK_FALSE(matches("XYZ GRP", "Volga Group"));
    CHECK_FALSE(matches("Kama TECH DEV CO", "Ural Technology Development Company"));
}

TEST_CASE("compare: a vessel's name is a label: every word counts and its letters are not initials") {
    // Vessels named like people: a person's full name is not the vessel.
    CHECK_FALSE(matches("Olivia Rodriguez", "OLIVIA", EntityType::vessel));
    CHECK_FALSE(matches("Emily Snyder", "EMILY S", EntityType::vessel));
    CHECK(matches("Olivia", "OLIVIA", EntityType::vessel));
    CHECK(matches("Emily S.", "EMILY S", EntityType::vessel));
    CHECK(matches("Hellenic Spirit", "MV Hellenic Spirit", EntityType::vessel));  // a word the query lacks
    // A person's name of one word is no one in particular either: the surname the query adds counts.
    CHECK_FALSE(matches("Roberta Lee", "ROBERTA", EntityType::person));
    CHECK(matches("Roberta", "ROBERTA", EntityType::person));
}

TEST_CASE("compare: a Chinese or Korean name read from its script has no middle names and no misspellings") {
    // An extra syllable is another given name, not a dropped middle name.
    CHECK_FALSE(matches("斌 莉 徐", "XU, Bin", EntityType::person));
    CHECK(matches("斌 徐", "XU, Bin", EntityType::person));
    CHECK_FALSE(matches("浩 李", "HAO LI CHEN", EntityType::person));
    // A syllable a letter off the listed one is another syllable (the Matcher's test has the single words).
    CHECK_FALSE(matches("상철 이", "RI, Song Chol", EntityType::person));
    // ... and a near join no longer outbids the exact one ("songchol" was "song chol ri" two letters off).
    CHECK(matches("송철 이", "RI, Song Chol", EntityType::person));
    CHECK(matches("박지성", "Park Ji Sung", EntityType::person));  // romanisations differ, the sound is one
}
