#include "tokenize.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lectern::entities {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& s : Tokenize(text)) out.emplace_back(text.substr(s.start, s.end - s.start));
  return out;
}

using V = std::vector<std::string>;

TEST(EntityTokenize, KeepsAbbreviationsAndInitials) {
  EXPECT_EQ(Words("The U.S. and Acme Inc. met J. R. Smith."),
            (V{"The", "U.S.", "and", "Acme", "Inc.", "met", "J.", "R.", "Smith", "."}));
  EXPECT_EQ(Words("St. Petersburg, Mr. Wang"), (V{"St.", "Petersburg", ",", "Mr.", "Wang"}));
}

TEST(EntityTokenize, SplitsPossessivesButNotInnerMarks) {
  EXPECT_EQ(Words("China's AT&T al-Ani's don't"),
            (V{"China", "'s", "AT&T", "al-Ani", "'s", "don't"}));
  EXPECT_EQ(Words("Russia\u2019s"), (V{"Russia", "\u2019s"}));
  // Two capitalised names joined by a hyphen are two tokens; other compounds stay whole.
  EXPECT_EQ(Words("the Russia-China relationship"),
            (V{"the", "Russia", "-", "China", "relationship"}));
  EXPECT_EQ(Words("Al-Zaman long-term Coca-cola"), (V{"Al-Zaman", "long-term", "Coca-cola"}));
}

TEST(EntityTokenize, MarksAreTokensAndSpansCoverWords) {
  EXPECT_EQ(Words("(Reuters) - 5.5% \u2014 end"),
            (V{"(", "Reuters", ")", "-", "5.5", "%", "\u2014", "end"}));
  EXPECT_EQ(Words("  "), V{});
  EXPECT_EQ(Words("Путин и Си"), (V{"Путин", "и", "Си"}));
  EXPECT_EQ(Words("\xff\xfe ok"), (V{"\xff", "\xfe", "ok"}));  // each invalid byte a token
}

}  // namespace
}  // namespace lectern::entities
