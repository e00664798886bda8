// Issue 16: the name pipeline undoes the tricks that hide a name from a screener (spaced and dotted letters,
// invisible characters, full-width and look-alike letters, abbreviated company words) and reads Chinese
// characters in pinyin and Kana in Hepburn. Each step says what it undid.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <exportcheck/text.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace exportcheck;
using namespace exportcheck::text;

namespace {

using test::name_tokens;

// Whether normalising the name leaves the reason (with these parameters, when given).
bool noted(std::string_view name, ReasonCode code, std::string_view a = {}, std::string_view b = {}) {
    const auto notes = normalize_name(name).notes;
    return std::any_of(notes.begin(), notes.end(), [&](const Reason& n) {
        return n.code == code && (a.empty() || n.a == a) && (b.empty() || n.b == b);
    });
}

}  // namespace

TEST_CASE("disguise: spaced and dotted single letters are one word") {
    CHECK(name_tokens("S h e n z h e n Trading") == "shenzhen trading");
    CHECK(name_tokens("S.H.E.N.Z.H.E.N Trading") == "shenzhen trading");
    CHECK(name_tokens("S-H-E-N-Z-H-E-N") == "shenzhen");
    CHECK(noted("S h e n z h e n Trading", ReasonCode::spaced, "s h e n z h e n", "shenzhen"));
    // Two letters are initials, and legal forms written in letters stay legal forms.
    CHECK(name_tokens("J. R. Smith") == "j r smith");
    CHECK(name_tokens("Planar S.A.R.L.") == "planar ltd");
    CHECK(name_tokens("Planar Sp. z o.o.") == "planar ltd");
    CHECK_FALSE(noted("Planar S.A.R.L.", ReasonCode::spaced));
}

TEST_CASE("disguise: invisible format characters are dropped") {
    CHECK(name_tokens("Hu\u200Bawei Tech\u200Dnologies") == "huawei technology");
    CHECK(name_tokens("Hua\u2060wei\u200E") == "huawei");
    CHECK(noted("Hu\u200Bawei", ReasonCode::invisible));
    CHECK_FALSE(noted("Huawei", ReasonCode::invisible));
}

TEST_CASE("disguise: full-width letters fold, and say so") {
    CHECK(name_tokens("ＨＵＡＷＥＩ") == "huawei");
    CHECK(noted("ＨＵＡＷＥＩ", ReasonCode::full_width));
}

TEST_CASE("disguise: Greek and Cyrillic look-alikes in a Latin word read as Latin (TR39 confusables)") {
    CHECK(name_tokens("\u0397uawei") == "huawei");                // Greek capital Eta
    CHECK(name_tokens("Hu\u0430wei Technologies") == "huawei technology");  // Cyrillic a
    CHECK(name_tokens("SHENZ\u041DEN") == "shenzhen");             // Cyrillic En
    CHECK(noted("\u0397uawei", ReasonCode::greek, "\u0397", "H"));
    CHECK(noted("Hu\u0430wei", ReasonCode::cyrillic, "\u0430", "a"));
    // A whole look-alike word beside Latin words is a disguise too ("ΑΒΒ" in Greek capitals).
    CHECK(name_tokens("\u0391\u0392\u0392 Ltd") == "abb ltd");
    // Real Cyrillic and Greek words keep their own reading.
    CHECK(name_tokens("Ротенберг") == "rotenberg");
    CHECK(name_tokens("Αλέξανδρος") == "alexandros");
    CHECK(name_tokens("ООО Вектор") == "ltd vektor");
    // Styled mathematical letters are plain letters.
    CHECK(name_tokens("\U0001D407\U0001D42E\U0001D41A\U0001D430\U0001D41E\U0001D422") == "huawei");
}

TEST_CASE("disguise: the digits 0 and 1 between letters read as the letters they imitate (TR39)") {
    CHECK(name_tokens("Ig0r Sech1n") == "igor sechln");
    CHECK(noted("Ig0r", ReasonCode::digit, "0", "O"));
    CHECK(noted("Sech1n", ReasonCode::digit, "1", "l"));
    // Digits that are numbers, or next to one letter only, stay digits.
    CHECK(name_tokens("Fund A1") == "fund a1");
    CHECK(name_tokens("855 Investment") == "855 investment");
    CHECK_FALSE(noted("B2B Trading", ReasonCode::digit));
}

TEST_CASE("disguise: abbreviated company words are the words, and weigh as generic words") {
    CHECK(name_tokens("XYZ GRP") == "xyz group");
    CHECK(name_tokens("ACME TECH DEV CO") == "acme technology development co");
    CHECK(name_tokens("Volga INDS") == "volga industry");
    CHECK(name_tokens("ABC COMM GRP") == "abc communication group");
    CHECK(name_tokens("KAMA ELEC SRVCS") == "kama electronic service");
    CHECK(name_tokens("Neva MFG INTL") == "neva manufacturing international");
    CHECK(name_tokens("Ural TRDG") == "ural trading");
    CHECK(name_tokens("Planar JOINT STOCK COMP") == "planar jsc");
    CHECK(name_tokens("Planar LTD LIAB CO") == "planar ltd");
    const auto t = normalize_name("XYZ GRP").tokens;
    REQUIRE(t.size() == 2);
    CHECK(t[1].kind == TokenKind::generic);
    // An abbreviation that is also a name stays a name outside a company name.
    CHECK(name_tokens("Tan Eng Hock") == "tan eng hock");
    CHECK(name_tokens("Kama ENG Co") == "kama engineering co");
    CHECK(name_tokens("Dev Patel") == "dev patel");
}

TEST_CASE("disguise: legal forms of more languages") {
    CHECK(name_tokens("Tecnologias Rio SL") == "technology rio ltd");
    CHECK(name_tokens("Duna Zrt") == "duna jsc");
    CHECK(name_tokens("Baltic UAB") == "baltic jsc");
    CHECK(name_tokens("Maple Ltee") == "maple ltd");
}

TEST_CASE("Han characters read in pinyin, company words in English") {
    CHECK(name_tokens("深圳市华为技术有限公司") == "shenzhen huawei technology ltd");
    CHECK(name_tokens("中兴通讯股份有限公司") == "zhongxing communication jsc");
    CHECK(fold_to_ascii("习近平") == "xi jinping");
    CHECK(name_tokens("李克强") == "li keqiang");
    CHECK(name_tokens("北京大学") == "beijing university");
    CHECK(split_words(std::string_view("华为")).front().script == Script::han);
    // Every word read from Chinese is Chinese, the last one too.
    const auto words = split_words(std::string_view("习近平"));
    REQUIRE(words.size() == 2);
    CHECK(words.back().script == Script::han);
    // A name written in parts (given names, then the surname) has a word per part: no surname split.
    CHECK(name_tokens("志偉 陳") == "zhiwei chen");
    // A long run between company words is cut in words of two syllables, as the lists write it.
    CHECK(name_tokens("东莞圣寅数控设备有限公司") == "dongguan shengyin cnc equipment ltd");
    CHECK(name_tokens("金华市海润动力科技有限公司") == "jinhua hairun power technology ltd");
    CHECK(name_tokens("宁波贝宁机床有限公司") == "ningbo beining machine tool ltd");
}

TEST_CASE("Han company words are written once: their traditional forms come from Unihan_Variants") {
    // data/han/company_words.tsv has 装备 and 微电子 in simplified characters only.
    CHECK(name_tokens("纽威数控装备") == name_tokens("紐威數控裝備"));
    CHECK(name_tokens("香港恒邦微電子有限公司") == "hong kong hengbang microelectronics ltd");
    CHECK(name_tokens("朝鮮會社") == "korea co");
    // Japanese forms are words of their own: Katakana next to Chinese characters starts a new word.
    CHECK(name_tokens("カザン火薬工場") == "kazan powder plant");
}

TEST_CASE("Han characters read in Korean: Hanja to Hangul, company words kept") {
    CHECK(korean_reading("金铁三") == "김철삼");     // 铁 is simplified: read as its traditional form 鐵
    CHECK(name_tokens(korean_reading("金正恩")) == "kimjongun");
    CHECK(korean_reading("三金") == "삼금");         // 金 is 김 Kim only as a surname
    // A name also written in Latin letters is read from its characters only.
    CHECK(korean_reading("Jin Tiesan (金铁三)") == "김철삼");
    CHECK(name_tokens(korean_reading("朝鲜联合机械贸易会社")) == "korea ryonhap machinery trading co");
    CHECK(korean_reading("Kim Chol Sam").empty());
    CHECK(korean_reading("カザン").empty());
}

TEST_CASE("Han characters of two everyday readings read the other way, company words kept") {
    // kMandarin reads 長 zhang and 厦 sha; place names use chang and xia (長安 Chang'an, 厦门 Xiamen).
    const auto changan = other_han_reading("長安海連技術有限公司");
    CHECK(name_tokens(changan.name) == "changan hailian technology ltd");
    CHECK(changan.changed == "長 chang");
    CHECK(name_tokens(other_han_reading("厦门华讯科技有限公司").name) == "xiamen huaxun technology ltd");
    CHECK(name_tokens(other_han_reading("成都华为技术有限公司").name) == "chengdu huawei technology ltd");
    // A company word keeps its reading: 重 of 重工 (heavy industry) is not read chong.
    CHECK(other_han_reading("中国重工").name.empty());
    CHECK(other_han_reading("深圳").name.empty());  // no character with another reading
    CHECK(other_han_reading("Chang An").name.empty());
    // The provinces the lists spell their own way are company words: 陕西 Shaanxi, not Shanxi (山西).
    CHECK(name_tokens("陕西鸿润金华贸易有限公司") == "shaanxi hongrun jinhua trading ltd");
    CHECK(name_tokens("山西华兴") == "shanxi huaxing");
}

TEST_CASE("Kana read in Hepburn") {
    CHECK(fold_to_ascii("プーチン") == "puchin");
    CHECK(fold_to_ascii("とうきょう") == "toukyou");
    CHECK(fold_to_ascii("しんじゅく") == "shinjuku");
    CHECK(fold_to_ascii("ちゃ") == "cha");
    CHECK(fold_to_ascii("ほっかいどう") == "hokkaidou");
    CHECK(fold_to_ascii("ファ") == "fa");
}

TEST_CASE("given names and their nicknames, from the nickname data") {
    const auto* nick = given_name_variants("nick");
    REQUIRE(nick != nullptr);
    CHECK(std::find(nick->begin(), nick->end(), "nicholas") != nick->end());
    const auto* robert = given_name_variants("robert");
    REQUIRE(robert != nullptr);
    CHECK(std::find(robert->begin(), robert->end(), "bob") != robert->end());
    CHECK(given_name_variants("putin") == nullptr);
}
