// party_fingerprint is stored in clearances and audit logs: a change of its value silently voids every
// clearance a reseller has made. These values were taken before its Unicode folding moved to the text
// module; they must never change. (DPL source ids, also stored, are pinned in dpl_test.cpp.)
#include <exportcheck/bundle.hpp>
#include <exportcheck/screen.hpp>
#include <exportcheck/sha256.hpp>

#include <doctest/doctest.h>

namespace exportcheck {

TEST_CASE("party_fingerprint: pinned values (stored in clearances and audit logs)") {
    const std::pair<std::pair<const char*, const char*>, const char*> pinned[] = {
        {{"Corad Technology Pte Ltd.", "SG"}, "be748ae228b9dc0c"},
        {{"ООО «Ромашка»", "RU"}, "419a96a086255001"},
        {{"Société Générale d’Import", "FR"}, "d0257c0b05d395fb"},
        {{"  HUAWEI   technologies co., LTD ", "CN"}, "2f5163e3a8a3a277"},
        {{"محمد بن سلمان", "SA"}, "03dfe1c13b6263d8"},
        {{"", ""}, "cbe5cfdf7c2118a9"},
        {{"Müller Gerätebau GmbH", "de"}, "08dabef37c341dc3"},
        {{"Straße Æther Œuvre Þór × Ёлка", "DE"}, "40f4bfae35a734c5"},
        {{"ＡＢＣ１２３ Trading", "JP"}, "66c3b83740689cec"},
        {{"华为技术有限公司", "CN"}, "43f510646bcfc321"},
        {{"ΑΘΗΝΑ A.E.", "GR"}, "4411d39828898260"},
        {{"Caf\xE9 \x80 bad", "FR"}, "73137af52cd6d4aa"},  // bytes that are not UTF-8
    };
    for (const auto& pin : pinned) {  // no structured binding: clang (the wasm build) cannot capture one in INFO
        const std::string& name = pin.first.first;
        const std::string& country = pin.first.second;
        INFO(name << " | " << country);
        CHECK(party_fingerprint(name, country) == pin.second);
    }
}

}  // namespace exportcheck

namespace exportcheck {

// entry_fingerprint is stored in clearances too (the entry's content as cleared): it is taken over the entry's
// JSON with its keys sorted, as it was when entries were written through a std::map-backed JSON type.
TEST_CASE("entry_fingerprint: over the entry's JSON with sorted keys (stored in clearances)") {
    Entry e;
    e.list = "EL";
    e.source = "csl";
    e.source_id = "b2a5c1";
    e.type = EntityType::organization;
    e.name = "Quantum Trading LLC";
    e.aliases = {{"Quantum Trade", "aka"}};
    e.addresses = {{"1 Main St", "Moscow", "", "", "RU", "Russia"}};
    e.programs = {"EAR"};
    e.start_date = "2024-05-01";
    const auto text = entry_canonical_text(e);
    CHECK(text.find(R"({"addresses":)") == 0);  // keys in sorted order, whatever order entry_to_json writes
    CHECK(text.find(R"("list":"EL")") < text.find(R"("source":)"));
    CHECK(entry_fingerprint(e) == sha256_hex(text).substr(0, 16));
    CHECK(entry_fingerprint(e) == "c26b38b3651d4d8e");  // as the build before ordered_json gave it
}

}  // namespace exportcheck
