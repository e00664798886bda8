// The string distances under the scorer: the fast one-edit check agrees with the edit distance it replaces.
#include "../../core/src/match/scorer.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace exportcheck::match;
using exportcheck::text::within_one_edit;

TEST_CASE("similarity: within_one_edit is osa_distance(a, b, 1) <= 1 on every pair of short words") {
    // Every word over {a, b, c} up to 5 letters (364 words): each pair is checked, swaps and repeats included.
    std::vector<std::string> words{""};
    for (std::size_t from = 0, len = 0; len < 5; ++len) {
        const std::size_t to = words.size();
        for (std::size_t i = from; i < to; ++i)
            for (char c : {'a', 'b', 'c'}) words.push_back(words[i] + c);
        from = to;
    }
    REQUIRE(words.size() == 364);
    std::size_t near = 0;
    for (const auto& a : words)
        for (const auto& b : words) {
            const bool expected = osa_distance(a, b, 1) <= 1;
            near += expected;
            if (within_one_edit(a, b) != expected) FAIL_CHECK(a << " / " << b);
        }
    CHECK(near > 364);  // more pairs than the identical ones
    CHECK(within_one_edit("hussein", "husein"));
    CHECK(within_one_edit("hussein", "hussien"));
    CHECK(!within_one_edit("hussein", "huseyn"));
}

TEST_CASE("similarity: a bounded distance is the unbounded one whenever it is within the bound") {
    // Every word over {a, e, h, k} up to 4 letters: vowels, consonants, swaps ("akh" / "ahk" is half an edit
    // by a swap that leaps over a row whose cells are all over the bound: the search must not stop there).
    std::vector<std::string> words{""};
    for (std::size_t from = 0, len = 0; len < 4; ++len) {
        const std::size_t to = words.size();
        for (std::size_t i = from; i < to; ++i)
            for (char c : {'a', 'e', 'h', 'k'}) words.push_back(words[i] + c);
        from = to;
    }
    for (const auto& a : words)
        for (const auto& b : words)
            for (int bound = 0; bound <= 4; ++bound) {
                const int full = weighted_distance(a, b, 100), bounded = weighted_distance(a, b, bound);
                if ((full <= bound) != (bounded <= bound) || (full <= bound && full != bounded))
                    FAIL_CHECK(a << " / " << b << " within " << bound << ": " << full << " / " << bounded);
                const int edits = osa_distance(a, b, 100), within = osa_distance(a, b, bound);
                if ((edits <= bound) != (within <= bound) || (edits <= bound && edits != within))
                    FAIL_CHECK(a << " / " << b << " within " << bound << ": " << edits << " / " << within);
            }
    CHECK(weighted_distance("akhmad", "ahkmad", 1) == 1);
}
