#include "lectern/dates.h"

#include <gtest/gtest.h>

namespace lectern {
namespace {

TEST(NormalizeDate, RewritesTheFormsNewsUses) {
  EXPECT_EQ(NormalizeDate("2024-09-13"), "2024-09-13");
  EXPECT_EQ(NormalizeDate("2024-09-13T13:57:00+08:00"), "2024-09-13");
  EXPECT_EQ(NormalizeDate("2024/9/3"), "2024-09-03");
  EXPECT_EQ(NormalizeDate("26-FEB-1987 15:01:01.79"), "1987-02-26");
  EXPECT_EQ(NormalizeDate("September 11, 2024"), "2024-09-11");
  EXPECT_EQ(NormalizeDate("Sept. 10, 2024"), "2024-09-10");
  EXPECT_EQ(NormalizeDate("11 September 2024"), "2024-09-11");
  EXPECT_EQ(NormalizeDate("Thursday, September 12, 2024"), "2024-09-12");
}

TEST(NormalizeDate, KeepsWhatItCannotRead) {
  EXPECT_EQ(NormalizeDate(""), "");
  EXPECT_EQ(NormalizeDate("  yesterday "), "yesterday");
  EXPECT_EQ(NormalizeDate("2024-13-45"), "2024-13-45");
  EXPECT_EQ(NormalizeDate("Foo 12, 2024"), "Foo 12, 2024");
  EXPECT_EQ(NormalizeDate("2023-02-29"), "2023-02-29");  // not a day: kept as given
  EXPECT_EQ(NormalizeDate("2024-02-29"), "2024-02-29");
  EXPECT_EQ(NormalizeDate("2024-99999999999-01"), "2024-99999999999-01");  // no overflow
  EXPECT_EQ(IsoDate(2023, 2, 29), "");
  EXPECT_EQ(IsoDate(2000, 2, 29), "2000-02-29");
  EXPECT_EQ(IsoDate(1900, 2, 29), "");
}

TEST(MonthFromName, KnowsAbbreviations) {
  EXPECT_EQ(MonthFromName("Sept"), 9);
  EXPECT_EQ(MonthFromName("FEB"), 2);
  EXPECT_EQ(MonthFromName("december"), 12);
  EXPECT_EQ(MonthFromName("Ma"), 0);
  EXPECT_EQ(MonthFromName("Mayday"), 0);
  EXPECT_EQ(MonthFromName("Marc"), 0);
}

}  // namespace
}  // namespace lectern
