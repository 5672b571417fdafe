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

TEST(CountWords, CountsChineseAndJapaneseByCharacter) {
  // Not one run, nor ICU's dictionary words (北京 / 天气 / 很好): six characters.
  EXPECT_EQ(CountWords("北京天气很好。"), 6u);
  // Kana with the prolonged sound mark (Common script, kana by extension), and Latin beside them.
  EXPECT_EQ(CountWords("コーヒーを飲む。Tokyo 2020"), 9u);
  EXPECT_EQ(CountWords("서울 날씨가 좋다"), 3u);  // Korean is written with spaces: words
}

TEST(CountWords, OtherScripts) {
  EXPECT_EQ(CountWords("Путин встретился с министром."), 4u);
  EXPECT_EQ(CountWords("هذا نص عربي"), 3u);
  EXPECT_EQ(CountWords("emoji 😀 and 𝔸lpha"), 3u);
}

}  // namespace
}  // namespace lectern
