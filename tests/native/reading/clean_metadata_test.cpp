// Tests for CleanArticle (clean.h): title, dateline, date and source, and whitespace.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "clean.h"
#include "clean_checks.h"

namespace lectern {
namespace {

// ---------------------------------------------------------------------------------------------
// Title, date, source, dateline.

TEST(CleanTitleTest, NeedsABodyAfterIt) {
  const CleanedArticle a = CleanArticle("Ministers agree on a new budget plan");
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.body, "Ministers agree on a new budget plan");
}

TEST(CleanTitleTest, SentenceIsNotATitle) {
  const std::string text = "Ministers agreed on a budget.\n\nThey met on Friday.";
  const CleanedArticle a = CleanArticle(text);
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.body, text);
}

TEST(CleanTitleTest, PageTitleOutletSuffix) {
  const CleanedArticle a =
      CleanArticle("Putin meets Wang in St. Petersburg - Reuters\n\nThey met on Thursday.");
  EXPECT_EQ(a.title, "Putin meets Wang in St. Petersburg");
  EXPECT_EQ(a.source, "Reuters");
}

TEST(CleanTitleTest, BylineAfterTitleStays) {
  const CleanedArticle a =
      CleanArticle("Putin meets Wang in St. Petersburg\n\nBy John Smith\n\nThey met on Thursday.");
  EXPECT_EQ(a.title, "Putin meets Wang in St. Petersburg");
  EXPECT_EQ(a.body, "By John Smith\n\nThey met on Thursday.");
}

TEST(CleanDatelineTest, Forms) {
  struct Case {
    const char* text;
    const char* dateline;
    const char* source;
  };
  const Case cases[] = {
      {"BEIJING, Sept 13 (KUNA) -- Talks began.", "BEIJING, Sept 13 (KUNA) --", "KUNA"},
      {"ST. PETERSBURG - Talks began.", "ST. PETERSBURG -", ""},
      {"MOSCOW (Reuters) - Talks began.", "MOSCOW (Reuters) -", "Reuters"},
      {"KYIV, Ukraine (AP) \xE2\x80\x94 Talks began.", "KYIV, Ukraine (AP) \xE2\x80\x94", "AP"},
      {"Beijing, Sept. 10 (Xinhua) -- Talks began.", "Beijing, Sept. 10 (Xinhua) --", "Xinhua"},
      {"NEW YORK, March 3 -- Talks began.", "NEW YORK, March 3 --", ""},
  };
  for (const Case& c : cases) {
    const CleanedArticle a = CleanArticle(c.text);
    EXPECT_EQ(a.dateline, c.dateline) << c.text;
    EXPECT_EQ(a.source, c.source) << c.text;
    EXPECT_EQ(a.body, c.text);
  }
}

TEST(CleanDatelineTest, NotDatelines) {
  for (const char* text :
       {"Putin - the president - spoke.", "US - China talks began.",
        "The president said - again - that talks began.", "BEIJING is large.", "WASHINGTON -"}) {
    EXPECT_EQ(CleanArticle(text).dateline, "") << text;
  }
}

TEST(CleanDateTest, FromDatelineWhenTheYearIsKnown) {
  const CleanedArticle a = CleanArticle("WASHINGTON, Sept. 10, 2024 (AP) -- Talks began.");
  EXPECT_EQ(a.date, "2024-09-10");
  EXPECT_EQ(a.source, "AP");
  EXPECT_EQ(CleanArticle("WASHINGTON, Sept. 10 (AP) -- Talks began.").date, "");
  EXPECT_EQ(CleanArticle("WASHINGTON, Sept. 10 (AP) -- Talks began.", "ap_2023_0910.txt").date,
            "2023-09-10");
  // The seed header outranks the dateline.
  EXPECT_EQ(CleanArticle(" date 2024-09-11 BEIJING, Sept. 10 (Xinhua) -- Talks.").date,
            "2024-09-11");
}

TEST(CleanSourceTest, FileNameHint) {
  EXPECT_EQ(CleanArticle("Talks began.", "xinhua_0912.txt").source, "Xinhua");
  EXPECT_EQ(CleanArticle("Talks began.", "data/chinadaily-2024.html").source, "China Daily");
  EXPECT_EQ(CleanArticle("Talks began.", "map_2024.txt").source, "");
  // The text outranks the file name.
  EXPECT_EQ(CleanArticle("MOSCOW (Reuters) - Talks began.", "xinhua.txt").source, "Reuters");
}

TEST(CleanSourceTest, TrailingAgency) {
  EXPECT_EQ(CleanArticle("Talks began.\n\nThey will go on. (AFP)").source, "AFP");
  EXPECT_EQ(CleanArticle("Talks began. (AFP)\n\nThey will go on.").source, "");
}

TEST(CleanSourceTest, MentionIsNotASource) {
  const std::string text =
      "Reuters reported that the talks began, citing the Associated Press and Xinhua.";
  const CleanedArticle a = CleanArticle(text);
  EXPECT_EQ(a.source, "");
  EXPECT_EQ(a.body, text);
}

// ---------------------------------------------------------------------------------------------
// Whitespace.

TEST(CleanWhitespaceTest, CollapsesWithinParagraphsAndKeepsBreaks) {
  const CleanedArticle a = CleanArticle(
      "\n\n  First \t  paragraph\xC2\xA0\xC2\xA0 here.  \r\n\r\n\n\n \t \nSecond one.\n\n\n");
  EXPECT_EQ(a.body, "First paragraph here.\n\nSecond one.");
}

TEST(CleanWhitespaceTest, HardWrappedText) {
  const CleanedArticle a = CleanArticle(
      "The talks between the two delegations began on Monday morning in the\n"
      "capital and were expected to last well into the week, officials said,\n"
      "adding that a joint statement would follow.\n"
      "\n"
      "Both sides described the atmosphere as constructive and the agenda as\n"
      "broad, covering trade, energy and security in the region as a whole.");
  EXPECT_EQ(a.body,
            "The talks between the two delegations began on Monday morning in the capital and "
            "were expected to last well into the week, officials said, adding that a joint "
            "statement would follow.\n\nBoth sides described the atmosphere as constructive and "
            "the agenda as broad, covering trade, energy and security in the region as a whole.");
}

TEST(CleanWhitespaceTest, HeadingAboveWrappedTextAndHyphenation) {
  const CleanedArticle a = CleanArticle(
      "Talks open in the capital\n"
      "The talks between the two delegations began on Monday morning in the\n"
      "capital and were described by both sides as a well-\n"
      "prepared and pro-\n"
      "ductive first round.");
  EXPECT_EQ(a.title, "Talks open in the capital");
  EXPECT_EQ(a.body,
            "The talks between the two delegations began on Monday morning in the capital and "
            "were described by both sides as a well-prepared and pro-ductive first round.");
}

TEST(CleanWhitespaceTest, OneParagraphPerLongLine) {
  const std::string first(150, 'a');
  const std::string second = "Second paragraph on the next line, ending with a full stop.";
  EXPECT_EQ(CleanArticle(first + ".\n" + second).body, first + ".\n\n" + second);
}

}  // namespace
}  // namespace lectern
