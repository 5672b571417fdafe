#include <gtest/gtest.h>

#include "lectern/segment.h"

namespace lectern {
namespace {

TEST(CountWords, CountsWordsNotPunctuation) {
  EXPECT_EQ(CountWords(""), 0u);
  EXPECT_EQ(CountWords("  -- , . "), 0u);
  EXPECT_EQ(CountWords("Putin met Wang Yi in St. Petersburg on Sept. 10, 2024."), 11u);
  EXPECT_EQ(CountWords("U.S. 3.5 percent, e-mail"), 5u);  // ICU splits e-mail at the hyphen
}

TEST(CountWords, SegmentsChineseWithTheDictionary) {
  // 北京 / 天气 / 很好: three dictionary words, not six characters nor one run.
  EXPECT_EQ(CountWords("北京天气很好。"), 3u);
}

TEST(CountWords, OtherScripts) {
  EXPECT_EQ(CountWords("Путин встретился с министром."), 4u);
  EXPECT_EQ(CountWords("هذا نص عربي"), 3u);
  EXPECT_EQ(CountWords("emoji 😀 and 𝔸lpha"), 3u);
}

}  // namespace
}  // namespace lectern
