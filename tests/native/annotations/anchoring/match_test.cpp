// Tests of the matcher underneath re-anchoring (match.h) against a plain dynamic programme.
#include "match.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "anchor_checks.h"
#include "lectern/anchoring.h"

namespace lectern {
namespace {

// ---------------------------------------------------------------------------------------------
// The matcher against a plain dynamic programme.

// Edit distance of `pattern` to the best substring of `text` ending at each end (or starting at
// text[0] when `anchored`), by the textbook recurrence.
std::vector<int> NaiveEnds(std::u32string_view pattern, std::u32string_view text, bool anchored) {
  std::vector<int> prev(text.size() + 1), cur(text.size() + 1);
  for (std::size_t j = 0; j <= text.size(); ++j) prev[j] = anchored ? static_cast<int>(j) : 0;
  for (std::size_t i = 1; i <= pattern.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= text.size(); ++j) {
      cur[j] = std::min(
          {prev[j - 1] + (pattern[i - 1] == text[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1});
    }
    std::swap(prev, cur);
  }
  return prev;
}

// A deterministic pseudo-random string over a small alphabet (with one non-BMP letter).
std::u32string RandomString(std::uint64_t* state, std::size_t length) {
  static const char32_t kLetters[] = {U'a', U'b', U'c', U' ', U'\U0001D538'};
  std::u32string s;
  for (std::size_t i = 0; i < length; ++i) {
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    s.push_back(kLetters[(*state >> 33) % 5]);
  }
  return s;
}

TEST(AnchorMatchTest, MyersAgreesWithDynamicProgramming) {
  std::uint64_t state = 42;
  for (int round = 0; round < 300; ++round) {
    const std::size_t m = 1 + (round * 7) % 150;  // one to three blocks
    const std::u32string pattern = RandomString(&state, m);
    const std::u32string text = RandomString(&state, 20 + (round * 13) % 300);
    for (bool anchored : {false, true}) {
      const std::vector<int> expected = NaiveEnds(pattern, text, anchored);
      std::vector<int> got(text.size() + 1, -1);
      anchor_match::Search(anchor_match::PatternMasks(pattern), text, 1 << 20, anchored,
                           [&](std::size_t end, int d) { got[end] = d; });
      for (std::size_t j = 1; j <= text.size(); ++j) {
        ASSERT_EQ(got[j], expected[j]) << "round " << round << " end " << j;
      }
      // A limit reports exactly the ends within it.
      const int limit = static_cast<int>(m / 3);
      anchor_match::Search(anchor_match::PatternMasks(pattern), text, limit, anchored,
                           [&](std::size_t end, int d) {
                             EXPECT_EQ(d, expected[end]);
                             EXPECT_LE(d, limit);
                           });
    }
    EXPECT_EQ(anchor_match::EditDistance(pattern, text), NaiveEnds(pattern, text, true).back());
  }
  EXPECT_EQ(anchor_match::EditDistance(U"", U"abc"), 3);
  EXPECT_EQ(anchor_match::EditDistance(U"kitten", U"sitting"), 3);
}

TEST(AnchorMatchTest, AlignSuffixFindsTheQuoteInsideItsContext) {
  // pattern = "abc " + "quote" + " xyz"; the text has the quote misspelt and extra spaces.
  const std::u32string pattern = U"abc quote xyz";
  const std::u32string text = U"zzzabc  qoute  xyz";
  std::size_t begin = 0, end = 0;
  const int d = anchor_match::AlignSuffix(pattern, text, 4, 9, &begin, &end);
  EXPECT_EQ(d, 4);  // two extra spaces and a transposition (two substitutions)
  EXPECT_EQ(text.substr(begin, end - begin), U"qoute");
}

TEST(AnchorMatchTest, ContextAgreementIgnoresChance) {
  EXPECT_EQ(anchor_match::ContextAgreement(U"the bridge", U"the bridge over"), 10);
  // "the bri" agrees (7); all ten characters would cost a transposition: 10 - 3 * 2 = 4.
  EXPECT_EQ(anchor_match::ContextAgreement(U"the bridge", U"the brigde over"), 7);
  EXPECT_LE(anchor_match::ContextAgreement(U"council met on tuesday", U"shops fear a drop in"), 2);
  EXPECT_EQ(anchor_match::ContextAgreement(U"abc", U""), 0);
}

}  // namespace
}  // namespace lectern
