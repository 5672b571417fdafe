// DATE mentions and their values against the article date.
#include <gtest/gtest.h>

#include <string>

#include "date_mentions.h"
#include "tokenize.h"

namespace lectern::entities {
namespace {

// "text of the mention=value" of the first date found in `text`.
std::string First(const std::string& text, const std::string& date) {
  const std::vector<DateMention> d = FindDates(text, Tokenize(text), date);
  if (d.empty()) return "(none)";
  return text.substr(d[0].span.start, d[0].span.end - d[0].span.start) + "=" + d[0].value;
}

TEST(EntityDates, ResolvesAgainstTheArticleDate) {
  const std::string fri = "2024-09-13";  // seed 000's date, a Friday
  EXPECT_EQ(First("Putin on Thursday voiced", fri), "Thursday=2024-09-12");
  EXPECT_EQ(First("the summit in Kazan next month.", fri), "next month=2024-10");
  EXPECT_EQ(First("Vladimir Putin on Friday said", fri), "Friday=2024-09-13");
  EXPECT_EQ(First("last Friday", fri), "last Friday=2024-09-06");
  EXPECT_EQ(First("next Monday", fri), "next Monday=2024-09-16");
  EXPECT_EQ(First("It rained yesterday.", fri), "yesterday=2024-09-12");
  EXPECT_EQ(First("on Sept. 10 they met", "2024-09-11"), "Sept. 10=2024-09-10");
  EXPECT_EQ(First("on September 11, 2001 ,", fri), "September 11, 2001=2001-09-11");
  EXPECT_EQ(First("on 12 March 2023", fri), "12 March 2023=2023-03-12");
  EXPECT_EQ(First("in January 2025", fri), "January 2025=2025-01");
  EXPECT_EQ(First("last year", fri), "last year=2023");
  EXPECT_EQ(First("next month", "2024-12-02"), "next month=2025-01");
  EXPECT_EQ(First("founded in 1987 by", fri), "1987=1987");
  EXPECT_EQ(First("on Thursday", ""), "Thursday=");  // no article date: no value
}

TEST(EntityDates, AnArticleDateThatIsNotOneAnchorsNothing) {
  // A fuzz finding: "-024-09-1r" was read as the year -24, and "next month" became "-023--2".
  EXPECT_EQ(First("the summit next month.", "-024-09-1r"), "next month=");
  EXPECT_EQ(First("the summit next month.", "2024-13-01"), "next month=");
  EXPECT_EQ(First("the summit next month.", "0000-05-01"), "next month=");
  EXPECT_EQ(First("on Friday", "2024-09-xx"), "Friday=");
  EXPECT_EQ(First("the summit next month.", "Sept. 13, 2024"), "next month=2024-10");
}

TEST(EntityDates, LeavesOrdinaryWordsAlone) {
  EXPECT_EQ(First("You may go in March", "2024-09-13"), "(none)");
  // "March" alone is a month or a walk, not a date a reader can place.
  EXPECT_EQ(First("March was wet.", "2024-09-13"), "(none)");
  EXPECT_EQ(First("The March on Washington", "2024-09-13"), "(none)");
  EXPECT_EQ(First("PROTESTERS MARCH ON CAPITAL", "2024-09-13"), "(none)");
  EXPECT_EQ(First("on March 3", "2024-09-13"), "March 3=2024-03-03");
  EXPECT_EQ(First("Jan Smith said", "2024-09-13"), "(none)");
  EXPECT_EQ(First("in 300 cases, 1987 times", "2024-09-13"), "(none)");
}

TEST(EntityDates, MentionsNeverShareATokenOrOverlap) {
  // A wire price table (Reuters 14278): "7" ends one date and must not start the next.
  const std::string text = "COCOA - APRIL 7\n MAY 1922 (1934)\n SEP 1981\n on 3 May";
  const std::vector<DateMention> d = FindDates(text, Tokenize(text), "1987-04-07");
  ASSERT_EQ(d.size(), 4u);
  for (std::size_t i = 1; i < d.size(); ++i) EXPECT_LE(d[i - 1].span.end, d[i].span.start);
  EXPECT_EQ(d[0].value, "1987-04-07");
  EXPECT_EQ(d[1].value, "1922-05");
  EXPECT_EQ(d[3].value, "1987-05-03");
}

TEST(EntityDates, CivilDaysRoundTrip) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  for (long d = -800000; d < 800000; d += 997) {
    int y, m, day;
    CivilFromDays(d, &y, &m, &day);
    EXPECT_EQ(DaysFromCivil(y, m, day), d);
  }
}

}  // namespace
}  // namespace lectern::entities
