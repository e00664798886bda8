// The Matcher over a small list: hits at or above the threshold, best first, ties by list then source_id,
// aliases and parenthesised names, corroboration (type, country, date of birth), the JSON of a result line,
// and the index finding what a full scan finds.
#include <doctest/doctest.h>

#include <exportcheck/error.hpp>
#include <exportcheck/match.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace exportcheck;

namespace {

Entry person(std::string list, std::string id, std::string name, std::vector<std::string> aliases = {},
             std::string country = "", std::string dob = "") {
    Entry e;
    e.list = std::move(list);
    e.source_id = std::move(id);
    e.type = EntityType::person;
    e.name = std::move(name);
    for (auto& a : aliases) e.aliases.push_back({std::move(a), "aka"});
    if (!country.empty()) e.nationalities.push_back(country);
    if (!dob.empty()) e.dates_of_birth.push_back(dob);
    return e;
}

Entry organization(std::string list, std::string id, std::string name, std::vector<std::string> aliases = {},
                   std::string country = "") {
    Entry e;
    e.list = std::move(list);
    e.source_id = std::move(id);
    e.type = list == "EL" ? EntityType::unknown : EntityType::organization;
    e.name = std::move(name);
    for (auto& a : aliases) e.aliases.push_back({std::move(a), "aka"});
    if (!country.empty()) e.addresses.push_back({"", "", "", "", country, ""});
    return e;
}

const std::vector<Entry>& entries() {
    static const std::vector<Entry> list = {
        person("SDN", "35096", "PUTIN, Vladimir Vladimirovich", {"PUTIN, Vladimir"}, "RU", "07 Oct 1952"),
        person("SDN", "6365", "BIN LADIN, Usama bin Muhammad bin Awad", {"BIN LADEN, Osama"}, "SA", "1957"),
        person("SDN", "100", "HASSAN, Mohamed", {}, "SO"),
        person("UN", "QDi.1", "Mohamed Hassan", {}, "SO"),
        person("SDN", "200", "KIM, Jong Un", {}, "KP", "08 Jan 1984"),
        organization("EL", "el-1", "Tianjin Phytium Information Technology Co., Ltd.", {"Phytium"}, "CN"),
        organization("EL", "el-2", "Huawei Technologies Co., Ltd.", {"Huawei"}, "CN"),
        organization("EL", "el-3", "Huawei Technologies (UK) Co., Ltd.", {}, "GB"),
        organization("SDN", "300", "INTERNATIONAL TRADING COMPANY LIMITED", {}, "IR"),
        organization("SDN", "301", "ROSOBORONEXPORT OAO", {"ROSOBORONEKSPORT"}, "RU"),
        person("DPL", "dpl-1", "Andrey V Gromadskih"),
    };
    return list;
}

const Matcher& matcher() {
    static const Matcher m(entries());
    return m;
}

std::vector<std::string> ids(const std::vector<Hit>& hits) {
    std::vector<std::string> out;
    for (const auto& h : hits) out.push_back(matcher().entries()[h.entry].source_id);
    return out;
}

}  // namespace

TEST_CASE("matcher: finds the listed party by name, alias, spelling and script") {
    CHECK(matcher().name_count() >= entries().size());
    CHECK(ids(matcher().match({"Vladimir Putin", EntityType::person, "", ""})) == std::vector<std::string>{"35096"});
    CHECK(ids(matcher().match({"Владимир Путин", EntityType::unknown, "", ""})).front() == "35096");
    CHECK(ids(matcher().match({"Osama bin Laden", EntityType::unknown, "", ""})).front() == "6365");
    CHECK(ids(matcher().match({"Tianjin Phytum Information Tech", EntityType::unknown, "", ""})).front() == "el-1");
    CHECK(ids(matcher().match({"Rosoboroneksport JSC", EntityType::unknown, "", ""})).front() == "301");
    CHECK(ids(matcher().match({"Andrey Gromadskih", EntityType::unknown, "", ""})).front() == "dpl-1");
    const auto hits = matcher().match({"PHYTIUM", EntityType::unknown, "", ""});
    REQUIRE(!hits.empty());
    CHECK(hits.front().matched_name == "Phytium");
}

TEST_CASE("matcher: nothing for generic names, unrelated names or empty queries") {
    CHECK(matcher().match({"International Trading Co", EntityType::unknown, "", ""}).empty());
    CHECK(matcher().match({"Michael Chan", EntityType::unknown, "", ""}).empty());
    CHECK(matcher().match({"George Bush", EntityType::unknown, "", ""}).empty());
    CHECK(matcher().match({"", EntityType::unknown, "", ""}).empty());
    CHECK(matcher().match({"Ltd", EntityType::unknown, "", ""}).empty());
}

TEST_CASE("matcher: best first, ties by list then source_id, at most top N, all at or above the threshold") {
    const auto hits = matcher().match({"Mohamed Hassan", EntityType::unknown, "", ""});
    REQUIRE(hits.size() >= 2);
    CHECK(ids(hits)[0] == "100");  // SDN before UN on an equal score
    CHECK(ids(hits)[1] == "QDi.1");
    for (std::size_t i = 0; i + 1 < hits.size(); ++i) CHECK(hits[i].score >= hits[i + 1].score);
    for (const auto& h : hits) CHECK(h.score >= kReportThreshold);
    CHECK(matcher().match({"Mohamed Hassan", EntityType::unknown, "", ""}, 1).size() == 1);
    CHECK(matcher().match({"Mohamed Hassan", EntityType::unknown, "", ""}, 0).empty());
    // A lower threshold reports more.
    CHECK(matcher().match({"Huawei", EntityType::unknown, "", ""}, 10, 0.5).size() >=
          matcher().match({"Huawei", EntityType::unknown, "", ""}).size());
}

TEST_CASE("matcher: a name with a parenthesised part is found with and without it") {
    const auto hits = matcher().match({"Huawei Technologies Co Ltd", EntityType::organization, "", ""});
    const auto found = ids(hits);
    CHECK(std::find(found.begin(), found.end(), "el-2") != found.end());
    CHECK(std::find(found.begin(), found.end(), "el-3") != found.end());
}

TEST_CASE("matcher: corroboration by type, country and date of birth moves the score a little") {
    const MatchQuery plain{"Kim Jong Un", EntityType::unknown, "", ""};
    const auto base = matcher().match(plain);
    REQUIRE(base.size() == 1);
    const auto same_country = matcher().match({"Kim Jong Un", EntityType::unknown, "KP", ""}, 10, 0.5);
    const auto other_country = matcher().match({"Kim Jong Un", EntityType::unknown, "Brazil", ""}, 10, 0.5);
    const auto wrong_type = matcher().match({"Kim Jong Un", EntityType::organization, "", ""}, 10, 0.5);
    const auto other_year = matcher().match({"Kim Jong Un", EntityType::person, "", "1990-01-01"}, 10, 0.5);
    const auto same_year = matcher().match({"Kim Jong Un", EntityType::person, "", "1984"}, 10, 0.5);
    REQUIRE(!other_country.empty());
    REQUIRE(!wrong_type.empty());
    REQUIRE(!other_year.empty());
    CHECK(other_country[0].score < base[0].score);
    CHECK(wrong_type[0].score < base[0].score);
    CHECK(other_year[0].score < base[0].score);
    CHECK(same_year[0].score >= other_year[0].score);
    CHECK(!same_country.empty());
    bool noted = false;
    for (const auto& n : other_country[0].explanation.notes) noted |= n == Reason{ReasonCode::country_differs, "BR"};
    CHECK(noted);
}

TEST_CASE("matcher: the index finds what a full scan finds") {
    for (const char* name : {"Vladimir Putin", "Usama bin Ladin", "Huawei", "Mohamed Hasan", "Phytium Tianjin",
                             "Kim Jong-un", "Rosoboronexport", "Gromadskih"}) {
        const MatchQuery q{name, EntityType::unknown, "", ""};
        CHECK(ids(matcher().match(q)) == ids(matcher().match_exhaustive(q)));
    }
}

TEST_CASE("matcher: JSON result line passes the query through and names every hit") {
    const nlohmann::ordered_json query = {{"name", "PUTIN, Vladimir"}, {"type", "person"}, {"order_ref", "A-17"}};
    const auto line = match_json(matcher(), query).value();
    CHECK(line["query"] == query);
    REQUIRE(line["hits"].size() == 1);
    const auto& hit = line["hits"][0];
    CHECK(hit["list"] == "SDN");
    CHECK(hit["source_id"] == "35096");
    CHECK(hit["name"] == "PUTIN, Vladimir Vladimirovich");
    CHECK(hit["matched_name"] == "PUTIN, Vladimir");
    CHECK(hit["score"].get<double>() == doctest::Approx(1.0));
    CHECK(hit["explanation"]["band"] == "strong");
    CHECK(hit["explanation"]["pairs"].size() == 2);
    CHECK(match_json(matcher(), {{"name", "Mohamed Hassan"}, {"top", 1}}).value()["hits"].size() == 1);
    CHECK(match_json(matcher(), {{"name", "Nobody Atall"}}).value()["hits"].empty());

    auto code_of = [](const nlohmann::ordered_json& q) {
        const auto r = match_json(matcher(), q);
        return r.ok() ? std::string("none") : r.error().code();
    };
    CHECK(code_of({{"nom", "x"}}) == "bad_query");
    CHECK(code_of({{"name", 5}}) == "bad_query");
    CHECK(code_of({{"name", "   "}}) == "bad_query");
    CHECK(code_of({{"name", "x"}, {"type", "ship"}}) == "bad_query");
    CHECK(code_of({{"name", "x"}, {"country", 1}}) == "bad_query");
    CHECK(code_of({{"name", "x"}, {"top", -1}}) == "bad_query");
    CHECK(code_of(nlohmann::ordered_json("Putin")) == "bad_query");
    CHECK(std::string(match_json(matcher(), {{"name", "x"}, {"dob", 1970}}).error().what()) == "\"dob\" must be a string");
}

TEST_CASE("matcher: a name asked again (from the recent queries) gets what a fresh Matcher gives") {
    // The same names with other countries, birth dates and thresholds, in an order that reuses each name's
    // scores: every answer must equal that of a Matcher that never saw the name before.
    const std::vector<MatchQuery> queries = {
        {"Kim Jong Un", EntityType::unknown, "", ""},        {"Kim Jong Un", EntityType::unknown, "KP", ""},
        {"Kim Jong Un", EntityType::unknown, "Brazil", ""},  {"Kim Jong Un", EntityType::person, "", "1984"},
        {"Mohamed Hasan", EntityType::person, "SO", ""},     {"Mohamed Hasan", EntityType::person, "", ""},
        {"Huawei Technologies", EntityType::unknown, "GB", ""}, {"Huawei Technologies", EntityType::unknown, "", ""},
    };
    const Matcher warm(entries());
    for (const double threshold : {0.5, kReportThreshold}) {
        for (const auto& q : queries) {
            const Matcher fresh(entries());
            const auto expected = fresh.match(q, 10, threshold);
            const auto got = warm.match(q, 10, threshold);
            REQUIRE(got.size() == expected.size());
            for (std::size_t i = 0; i < got.size(); ++i) {
                CHECK(got[i].entry == expected[i].entry);
                CHECK(got[i].score == expected[i].score);
                CHECK(got[i].matched_name == expected[i].matched_name);
                CHECK(got[i].explanation.pairs.size() == expected[i].explanation.pairs.size());
                CHECK(got[i].explanation.notes == expected[i].explanation.notes);
            }
        }
    }
}

TEST_CASE("matcher: a person's name near another known name is two names, not a misspelling") {
    // "Manuel" and "Miguel" are two letters apart. When the lists know "Manuel" as a name of its own, the pair
    // counts for less than when "Manuel" could be a misspelling of "Miguel".
    const std::vector<Entry> alone = {person("SDN", "1", "DOMINGUEZ, Miguel")};
    const std::vector<Entry> with_manuel = {person("SDN", "1", "DOMINGUEZ, Miguel"), person("SDN", "2", "ORTEGA, Manuel"),
                                            person("SDN", "3", "RUIZ, Manuel")};
    const Matcher unknown_name(alone), known_name(with_manuel);
    const MatchQuery q{"Manuel Dominguez", EntityType::person, "", ""};
    auto pair_similarity = [](const std::vector<Hit>& hits) {
        REQUIRE(!hits.empty());
        for (const auto& p : hits[0].explanation.pairs)
            if (p.query == "manuel") return p.similarity;
        return -1.0;
    };
    const auto a = unknown_name.match(q, 1, 0.0), b = known_name.match(q, 1, 0.0);
    REQUIRE(!b.empty());
    CHECK(b[0].matched_name == "DOMINGUEZ, Miguel");
    CHECK(pair_similarity(b) < pair_similarity(a));
    CHECK(pair_similarity(b) > 0);
}

TEST_CASE("matcher: a legal form or company word shows an untyped query is an organization's name (issue 16)") {
    // A person and a vessel listed under one common word.
    Entry vessel = organization("SDN", "v-1", "SAPPHIRE");
    vessel.type = EntityType::vessel;
    const std::vector<Entry> list = {person("UK", "p-1", "Silver"), vessel};
    const Matcher m(list);
    auto score_of = [&](const std::vector<Hit>& hits, const char* id) {
        for (const auto& h : hits)
            if (list[h.entry].source_id == id) return h.score;
        return -1.0;
    };
    auto notes_of = [&](const std::vector<Hit>& hits, const char* id) {
        for (const auto& h : hits)
            if (list[h.entry].source_id == id) return h.explanation.notes;
        return std::vector<Reason>{};
    };
    auto says_organization = [](const std::vector<Reason>& notes) {
        return std::any_of(notes.begin(), notes.end(), [](const Reason& n) { return n.code == ReasonCode::type_inferred; });
    };
    // "Silver Trading Inc." names a company: scored against the person Silver as a query typed organization is.
    const auto untyped = m.match({"Silver Trading Inc.", EntityType::unknown, "", ""}, 10, 0.0);
    const auto typed = m.match({"Silver Trading Inc.", EntityType::organization, "", ""}, 10, 0.0);
    CHECK(score_of(untyped, "p-1") == doctest::Approx(score_of(typed, "p-1")));
    CHECK(says_organization(notes_of(untyped, "p-1")));
    CHECK(says_organization(notes_of(m.match({"Sapphire Design", EntityType::unknown, "", ""}, 10, 0.0), "v-1")));
    // The name alone says nothing of the type.
    const auto alone = m.match({"Silver", EntityType::unknown, "", ""}, 10, 0.0);
    CHECK(score_of(alone, "p-1") > score_of(untyped, "p-1"));
    CHECK_FALSE(says_organization(notes_of(alone, "p-1")));
}

TEST_CASE("matcher: a nickname retrieves its given name, weighing what the lighter of the two weighs") {
    // Many names with the common "Bob"; "Bob Menendez" still finds Robert MENENDEZ through the nickname.
    std::vector<Entry> list;
    for (int i = 0; i < 300; ++i) list.push_back(person("SDN", "a-" + std::to_string(i), "BOB, Hassan" + std::to_string(i)));
    list.push_back(person("SDN", "r-1", "MENENDEZ, Robert"));
    const Matcher m(list);
    const auto bob = m.match({"Bob Menendez", EntityType::unknown, "", ""});
    REQUIRE_FALSE(bob.empty());
    CHECK(list[bob[0].entry].source_id == "r-1");
}

TEST_CASE("matcher: a name read from Chinese characters is not a misspelling of a listed name near it") {
    const std::vector<Entry> list = {person("SDN", "1", "WANG, Guoying"), person("SDN", "2", "WANG, Hongfei")};
    const Matcher m(list);
    // 桂英 guiying is a letter from Guoying: another name, not a misspelling.
    CHECK(m.match({"桂英 王", EntityType::unknown, "", ""}, 5, kReportThreshold).empty());
    // Typed in Latin letters, the same spelling may be a slip of the keyboard.
    CHECK(!m.match({"Wang Guiying", EntityType::unknown, "", ""}, 5, kReportThreshold).empty());
    const auto hits = m.match({"国英 王", EntityType::unknown, "", ""}, 5, kReportThreshold);
    REQUIRE(hits.size() == 1);
    CHECK(list[hits[0].entry].source_id == "1");
}

TEST_CASE("matcher: names in Chinese characters meet listed parties written in Latin letters, and only them") {
    // Listed names of parties that the UN and UK lists also write in Chinese characters (data/un, data/uk).
    static const std::vector<Entry> listed = {
        person("UN", "KPi.038", "KIM CHOL SAM"),
        organization("UN", "KPe.016", "KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION"),
        organization("UK", "CHN0001", "SINO HOLDINGS GROUP CO., LTD."),
        organization("UK", "RUS1234", "Federal State Enterprise Kazan State Powder Plant"),
        organization("UK", "CHN0002", "NINGBO BLIN MACHINERY CO., LTD."),
        organization("EL", "el-9", "Shenzhen Huawei Technology Co., Ltd."),
    };
    const Matcher m(listed);
    auto top = [&](std::string name) {
        const auto hits = m.match({std::move(name), EntityType::unknown, "", ""});
        return hits.empty() ? std::string() : listed[hits.front().entry].source_id;
    };
    CHECK(top("金铁三") == "KPi.038");
    CHECK(top("Jin Tiesan (金铁三)") == "KPi.038");
    CHECK(top("中国控股有限公司") == "CHN0001");
    CHECK(top("カザン火薬工場") == "RUS1234");
    CHECK(top("深圳市华为技术有限公司") == "el-9");
    const auto kim = m.match({"金铁三", EntityType::unknown, "", ""});
    REQUIRE(kim.size() == 1);
    CHECK(kim[0].score < 1.0);
    // Well-known unlisted Chinese companies, which share company words and places with those names.
    for (const char* unlisted : {"腾讯控股有限公司", "吉利汽车控股有限公司", "中国平安保险（集团）股份有限公司",
                                 "宁波舟山港股份有限公司", "金山软件有限公司", "海尔集团公司", "三一重工股份有限公司"})
        CHECK_MESSAGE(top(unlisted).empty(), unlisted);
}
