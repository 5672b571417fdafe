// Tests for CleanArticle (wasm/src/clean.h): the five real seed articles, one synthetic case per
// heuristic, and negative cases where nothing may change but whitespace.
#include "clean.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {
namespace {

/// Reads shared/seeds/<name> from the source tree.
std::string ReadSeed(const std::string& name) {
  std::ifstream in(std::string(LECTERN_SOURCE_DIR) + "/shared/seeds/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read seed " << name;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// Splits on "\n\n" (the body's paragraph separator).
std::vector<std::string> Paragraphs(const std::string& body) {
  std::vector<std::string> out;
  if (body.empty()) return out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = body.find("\n\n", start);
    out.push_back(body.substr(start, end - start));
    if (end == std::string::npos) return out;
    start = end + 2;
  }
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool Contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

/// The body contract: paragraphs separated by exactly "\n\n", none empty, no stray whitespace.
void ExpectWellFormed(const std::string& body) {
  if (body.empty()) return;
  EXPECT_NE(body.front(), ' ');
  EXPECT_NE(body.front(), '\n');
  EXPECT_NE(body.back(), ' ');
  EXPECT_NE(body.back(), '\n');
  EXPECT_FALSE(Contains(body, "\n\n\n")) << body;
  EXPECT_FALSE(Contains(body, "  ")) << body;
  EXPECT_FALSE(Contains(body, "\t")) << body;
  EXPECT_FALSE(Contains(body, " \n")) << body;
  EXPECT_FALSE(Contains(body, "\n ")) << body;
  for (const std::string& p : Paragraphs(body)) {
    EXPECT_FALSE(p.empty());
    EXPECT_FALSE(Contains(p, "\n")) << p;
  }
}

// ---------------------------------------------------------------------------------------------
// The five seed articles.

TEST(CleanSeedTest, ChinaDailyPage000) {
  const std::string text = ReadSeed("000_c1e1a87b767bdb0e.txt");
  const CleanedArticle a = CleanArticle(text, "000_c1e1a87b767bdb0e.txt");
  EXPECT_EQ(a.title, "Russia to work with China for multipolarity, fair intl order, says Putin");
  EXPECT_EQ(a.date, "2024-09-13");
  EXPECT_EQ(a.source, "China Daily");
  EXPECT_EQ(a.dateline, "ST. PETERSBURG -");
  EXPECT_TRUE(StartsWith(a.body, "ST. PETERSBURG - Russian President")) << a.body.substr(0, 80);
  EXPECT_TRUE(EndsWith(a.body, "and national security advisors."));
  for (const char* gone :
       {"xi's moments", "Home | Europe", "Updated:", "Global Edition", "BACK TO THE TOP",
        "Copyright", "License for publishing", "Registration Number", "says Putin\n"}) {
    EXPECT_FALSE(Contains(a.body, gone)) << gone;
  }
  EXPECT_EQ(Paragraphs(a.body).size(), 17u);
  ExpectWellFormed(a.body);
}

TEST(CleanSeedTest, KunaViaMenafn001) {
  const std::string text = ReadSeed("001_cac242e89444e96e.txt");
  const CleanedArticle a = CleanArticle(text, "001_cac242e89444e96e.txt");
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.date, "2024-09-13");
  EXPECT_EQ(a.source, "KUNA");
  EXPECT_EQ(a.dateline, "BEIJING, Sept 13 (KUNA) --");
  EXPECT_TRUE(StartsWith(a.body, "BEIJING, Sept 13 (KUNA) -- Russian President Vladimir Friday"));
  EXPECT_TRUE(EndsWith(a.body, "a full success, he noted."));
  EXPECT_FALSE(Contains(a.body, "(end)"));
  EXPECT_FALSE(Contains(a.body, "MENAFN"));
  EXPECT_EQ(Paragraphs(a.body).size(), 10u);
  ExpectWellFormed(a.body);
}

TEST(CleanSeedTest, XinhuaWithWebEditor002) {
  const std::string text = ReadSeed("002_c9edad714b5359fe.txt");
  const CleanedArticle a = CleanArticle(text, "002_c9edad714b5359fe.txt");
  EXPECT_EQ(a.title, "China, Russia agree to strengthen strategic consultation, cooperation");
  EXPECT_EQ(a.date, "2024-09-11");
  EXPECT_EQ(a.source, "Xinhua");
  EXPECT_EQ(a.dateline, "ST. PETERSBURG, Sept. 10 (Xinhua) --");
  EXPECT_TRUE(StartsWith(a.body, "ST. PETERSBURG, Sept. 10 (Xinhua) -- China is willing"));
  EXPECT_TRUE(EndsWith(a.body, "a political resolution to the crisis."));
  EXPECT_FALSE(Contains(a.body, "Web editor"));
  EXPECT_FALSE(Contains(a.body, "08:27"));
  EXPECT_EQ(Paragraphs(a.body).size(), 12u);
  ExpectWellFormed(a.body);
}

TEST(CleanSeedTest, PlainBody003IsKeptWhole) {
  const std::string text = ReadSeed("003_9de8cc9d8582abb9.txt");
  const CleanedArticle a = CleanArticle(text, "003_9de8cc9d8582abb9.txt");
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.date, "2024-04-10");
  EXPECT_EQ(a.dateline, "");
  const std::string header = " date 2024-04-10 ";
  ASSERT_TRUE(StartsWith(text, header));
  std::string expected = text.substr(header.size());
  while (!expected.empty() && (expected.back() == '\n' || expected.back() == ' ')) {
    expected.pop_back();
  }
  EXPECT_EQ(a.body, expected);
  ExpectWellFormed(a.body);
}

TEST(CleanSeedTest, PhotoCaptions004AreRemovedAndEveryParagraphKept) {
  const std::string text = ReadSeed("004_572afbd63a801590.txt");
  const CleanedArticle a = CleanArticle(text, "004_572afbd63a801590.txt");
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.date, "2022-10-02");
  // The article is written "with information from EFE"; the mid-article "(AFP)" is not its end.
  EXPECT_EQ(a.source, "EFE");
  EXPECT_EQ(a.dateline, "");
  for (const char* caption : {"Sputnik/Sergey Bobylev", "Photo by Alexandr Demyanchuk",
                              "REUTERS/Eduardo Munoz", "With information from EFE"}) {
    EXPECT_FALSE(Contains(a.body, caption)) << caption;
  }
  // Every other paragraph of the original survives verbatim and in order.
  std::vector<std::string> expected;
  for (const std::string& p : Paragraphs(text.substr(std::string(" date 2022-10-02 ").size()))) {
    std::string trimmed = p;
    while (!trimmed.empty() && trimmed.back() == '\n') trimmed.pop_back();
    if (trimmed.empty() || Contains(trimmed, "REUTERS/") || Contains(trimmed, "(Photo by") ||
        trimmed == "(With information from EFE)") {
      continue;
    }
    expected.push_back(trimmed);
  }
  EXPECT_EQ(expected.size(), 19u);
  EXPECT_EQ(Paragraphs(a.body), expected);
  EXPECT_TRUE(Contains(a.body, "developing countries. (AFP)"));
  ExpectWellFormed(a.body);
}

// ---------------------------------------------------------------------------------------------
// The seed header.

TEST(CleanSeedHeaderTest, DateAndTitleOnTheFirstLine) {
  const CleanedArticle a =
      CleanArticle(" date 2024-01-02 Leaders meet to discuss trade\n\nThe leaders met on Monday.");
  EXPECT_EQ(a.date, "2024-01-02");
  EXPECT_EQ(a.title, "Leaders meet to discuss trade");
  EXPECT_EQ(a.body, "The leaders met on Monday.");
}

TEST(CleanSeedHeaderTest, BodyStartsOnTheFirstLine) {
  const CleanedArticle a = CleanArticle(" date 2023-12-31 The year ended quietly.\n\nMore text.");
  EXPECT_EQ(a.date, "2023-12-31");
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.body, "The year ended quietly.\n\nMore text.");
}

TEST(CleanSeedHeaderTest, InvalidOrUnspacedHeaderIsText) {
  EXPECT_EQ(CleanArticle(" date 2024-13-45 Odd start.").date, "");
  const CleanedArticle a = CleanArticle("date 2024-01-02 is when it happened.");
  EXPECT_EQ(a.date, "");
  EXPECT_EQ(a.body, "date 2024-01-02 is when it happened.");
}

// ---------------------------------------------------------------------------------------------
// Boilerplate.

TEST(CleanBoilerplateTest, NavigationCrumbsAboveTheTitle) {
  const CleanedArticle a = CleanArticle(
      "World\nHome | Europe\nNews > World > Asia\n\nPrices rise across the region\n\n"
      "Prices rose again in March, officials said.");
  EXPECT_EQ(a.title, "Prices rise across the region");
  EXPECT_EQ(a.body, "Prices rose again in March, officials said.");
}

TEST(CleanBoilerplateTest, SiteFurnitureAndFooter) {
  const CleanedArticle a = CleanArticle(
      "The first paragraph ends here.\n\nThe last paragraph ends here.\n\nGlobal Edition\n"
      "BACK TO THE TOP\nCopyright 1995 - . All rights reserved. Content belongs to China Daily "
      "Information Co (CDIC).\nLicense for publishing multimedia online 0108263\n\n"
      "Registration Number: 130349");
  EXPECT_EQ(a.body, "The first paragraph ends here.\n\nThe last paragraph ends here.");
  EXPECT_EQ(a.source, "China Daily");
}

TEST(CleanBoilerplateTest, CopyrightOwnerWithoutKnownOutlet) {
  const CleanedArticle a =
      CleanArticle("Rain fell all day.\n\n\xC2\xA9 2024 Jordan Times. All rights reserved.");
  EXPECT_EQ(a.body, "Rain fell all day.");
  EXPECT_EQ(a.source, "Jordan Times");
}

TEST(CleanBoilerplateTest, SentenceAboutCopyrightIsKept) {
  const std::string text = "Copyright law changed in 1998, the court said.\n\nIt was appealed.";
  EXPECT_EQ(CleanArticle(text).body, text);
}

TEST(CleanBoilerplateTest, PhotoCaptionsEndingInCredits) {
  const CleanedArticle a = CleanArticle(
      "Officials met on Monday.\n\n"
      "Wang Yi attends a session in New York, on September 24, 2022. REUTERS/Eduardo Munoz\n\n"
      "Leaders pose in Samarkand on September 15, 2022. (Photo by A. Demyanchuk/SPUTNIK/AFP ) "
      "File, Archive\n\n"
      "A worker checks a panel in Hebei. [Photo/Xinhua]\n\n"
      "Xi speaks in Beijing. AP Photo/J. Scott Applewhite\n\n"
      "Xinhua/Li Xin\n\n"
      "Talks will continue next week.");
  EXPECT_EQ(a.body, "Officials met on Monday.\n\nTalks will continue next week.");
}

TEST(CleanBoilerplateTest, SourceCitationsAndPollsAreNotCaptions) {
  const std::string text =
      "Officials met on Monday. (AFP/Xinhua)\n\n"
      "A Reuters/Ipsos poll showed support at 40 percent.\n\n"
      "The talks ended. Reuters/Ipsos poll results were published later in the week";
  EXPECT_EQ(CleanArticle(text).body, text);
}

TEST(CleanBoilerplateTest, LongParagraphEndingInCreditIsKept) {
  std::string text;
  for (int i = 0; i < 12; ++i) text += "This is a long sentence of the story itself. ";
  text += "REUTERS/Eduardo Munoz";
  EXPECT_EQ(CleanArticle(text).body, text);
}

TEST(CleanBoilerplateTest, EndMarkers) {
  EXPECT_EQ(CleanArticle("It was a success, he noted. (end)").body, "It was a success, he noted.");
  EXPECT_EQ(CleanArticle("It was a success. (END) ibm.as").body, "It was a success.");
  EXPECT_EQ(CleanArticle("First.\n\n(end)").body, "First.");
  EXPECT_EQ(CleanArticle("They fought to the end").body, "They fought to the end");
}

TEST(CleanBoilerplateTest, EditorAndSourceLines) {
  const CleanedArticle a = CleanArticle(
      "Talks ended.\n\n(Web editor: Zhang Kaiwei, Zhong Wenxing)\n\nSource: Xinhua\n\n"
      "Editor: Li Yan");
  EXPECT_EQ(a.body, "Talks ended.");
  EXPECT_EQ(a.source, "Xinhua");
}

TEST(CleanBoilerplateTest, LabelledSentenceIsKept) {
  const std::string text = "Source: a senior official said the talks would resume.\n\nMore.";
  EXPECT_EQ(CleanArticle(text).body, text);
}

TEST(CleanBoilerplateTest, FeedPrefixNamesTheSource) {
  const CleanedArticle a =
      CleanArticle("(MENAFN- Jordan Times) AMMAN - The cabinet met on Sunday.");
  EXPECT_EQ(a.body, "AMMAN - The cabinet met on Sunday.");
  EXPECT_EQ(a.source, "Jordan Times");
  EXPECT_EQ(a.dateline, "AMMAN -");
}

TEST(CleanBoilerplateTest, CreditAndUpdatedLines) {
  const CleanedArticle a = CleanArticle(
      "Ministers agree on a new budget plan\n\nXinhua | Updated: 2024-09-13 13:57\n\n"
      "The ministers agreed on Friday.");
  EXPECT_EQ(a.title, "Ministers agree on a new budget plan");
  EXPECT_EQ(a.date, "2024-09-13");
  EXPECT_EQ(a.source, "Xinhua");
  EXPECT_EQ(a.body, "The ministers agreed on Friday.");

  const CleanedArticle b = CleanArticle(
      "Ministers agree on a new budget plan\n\nXinhua) 08:27, September 11, 2024\n\n"
      "The ministers agreed.");
  EXPECT_EQ(b.date, "2024-09-11");
  EXPECT_EQ(b.source, "Xinhua");
  EXPECT_EQ(b.body, "The ministers agreed.");

  const CleanedArticle c = CleanArticle("Published: 11 Sept 2024\n\nThe ministers agreed.");
  EXPECT_EQ(c.date, "2024-09-11");
  EXPECT_EQ(c.body, "The ministers agreed.");
}

TEST(CleanBoilerplateTest, BylineCreditLineAndTitleWithOutlet) {
  const CleanedArticle a = CleanArticle(
      "Home | China | World\n\nPutin meets Wang in Kazan | China Daily\n\n"
      "By Zhang Yi | chinadaily.com.cn | Updated: 2024-09-13 09:00\n\n"
      "(MENAFN- Kuwait News Agency (KUNA)) The two men met on Friday.");
  EXPECT_EQ(a.title, "Putin meets Wang in Kazan");
  EXPECT_EQ(a.date, "2024-09-13");
  EXPECT_EQ(a.source, "KUNA");  // the feed outranks the credit line and the title's outlet
  EXPECT_EQ(a.body, "The two men met on Friday.");
}

TEST(CleanBoilerplateTest, BareDateLineInHeader) {
  const CleanedArticle a = CleanArticle(
      "Ministers agree on a new budget plan\n\nSeptember 11, 2024\n\nThe ministers agreed.");
  EXPECT_EQ(a.title, "Ministers agree on a new budget plan");
  EXPECT_EQ(a.date, "2024-09-11");
  EXPECT_EQ(a.body, "The ministers agreed.");
}

TEST(CleanBoilerplateTest, SentenceWithDateIsKept) {
  const std::string text =
      "The meeting on September 11, 2024 was the first.\n\nIt was updated: 2024-09-13 13:57.";
  const CleanedArticle a = CleanArticle(text);
  EXPECT_EQ(a.body, text);
  EXPECT_EQ(a.date, "");
}

TEST(CleanBoilerplateTest, AttributionCredits) {
  const CleanedArticle a = CleanArticle("Peace talks resumed.\n\n(With information from EFE)");
  EXPECT_EQ(a.body, "Peace talks resumed.");
  EXPECT_EQ(a.source, "EFE");

  const CleanedArticle b =
      CleanArticle("Peace talks resumed, he said. (Reporting by John Smith; Editing by Jane Doe)");
  EXPECT_EQ(b.body, "Peace talks resumed, he said.");
  EXPECT_EQ(b.source, "");

  const CleanedArticle c = CleanArticle("Peace talks resumed.\n\n(With AFP inputs)");
  EXPECT_EQ(c.body, "Peace talks resumed.");
  EXPECT_EQ(c.source, "AFP");
}

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

// ---------------------------------------------------------------------------------------------
// Negative and degenerate cases.

TEST(CleanNegativeTest, NormalArticleIsUnchangedApartFromWhitespace) {
  const std::string text =
      "The central bank raised interest rates by a quarter point on Wednesday, citing\n"
      "persistent inflation.\n\n"
      "\"We will do what is needed,\" the governor told reporters in the capital.\n\n"
      "Analysts had expected the move. Markets barely reacted.\n\n"
      "The next meeting is scheduled for December.";
  const CleanedArticle a = CleanArticle(text);
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.date, "");
  EXPECT_EQ(a.source, "");
  EXPECT_EQ(a.dateline, "");
  EXPECT_EQ(a.body,
            "The central bank raised interest rates by a quarter point on Wednesday, citing "
            "persistent inflation.\n\n"
            "\"We will do what is needed,\" the governor told reporters in the capital.\n\n"
            "Analysts had expected the move. Markets barely reacted.\n\n"
            "The next meeting is scheduled for December.");
}

TEST(CleanNegativeTest, ParagraphMentioningReutersIsKept) {
  const std::string text =
      "Talks began on Monday.\n\nThe deal was first reported by Reuters.\n\nReuters";
  const CleanedArticle a = CleanArticle(text);
  EXPECT_EQ(a.body, text);
}

TEST(CleanNegativeTest, EmptyAndWhitespaceOnly) {
  for (const char* text : {"", " ", "\n", "\n\n\n", " \t \n \xC2\xA0\n", "\xEF\xBB\xBF"}) {
    const CleanedArticle a = CleanArticle(text);
    EXPECT_EQ(a.title, "");
    EXPECT_EQ(a.body, "");
    EXPECT_EQ(a.date, "");
    EXPECT_EQ(a.source, "");
    EXPECT_EQ(a.dateline, "");
  }
}

TEST(CleanNegativeTest, SingleLine) {
  EXPECT_EQ(CleanArticle("Hello world").body, "Hello world");
  EXPECT_EQ(CleanArticle("Hello world").title, "");
  EXPECT_EQ(CleanArticle("  One sentence only.  ").body, "One sentence only.");
  EXPECT_EQ(CleanArticle(" date 2024-05-06").body, "");
  EXPECT_EQ(CleanArticle(" date 2024-05-06").date, "2024-05-06");
}

TEST(CleanNegativeTest, OddPunctuationDoesNotBreak) {
  for (const char* text : {"(",
                           ")",
                           "((((",
                           "))))",
                           "(()",
                           "-- --",
                           "(end)",
                           "( end )",
                           "|",
                           "| | |",
                           "/ / /",
                           "()",
                           "[]",
                           "[",
                           "\xC2\xA9",
                           "Copyright",
                           "(MENAFN-",
                           "(MENAFN- )",
                           "(MENAFN-)x",
                           "A (B (C (D (E",
                           "BEIJING, Sept",
                           "BEIJING, Sept 13 (",
                           "BEIJING (",
                           "X/Y",
                           "/",
                           " date ",
                           " date 2024",
                           "Photo:",
                           "(Photo",
                           "\xE2\x80\x94",
                           "1:2 2024-02-30 ::"}) {
    const CleanedArticle a = CleanArticle(text);
    ExpectWellFormed(a.body);
  }
}

TEST(CleanNegativeTest, RandomTokenSoupKeepsTheContract) {
  // Tokens that trigger every recognizer, shuffled into lines and paragraphs.
  const std::vector<std::string> vocabulary = {"(",
                                               ")",
                                               "(end)",
                                               "--",
                                               "-",
                                               "|",
                                               "/",
                                               "REUTERS/Eduardo",
                                               "Munoz",
                                               "Photo",
                                               "by",
                                               "Copyright",
                                               "\xC2\xA9",
                                               "2024",
                                               "Sept.",
                                               "10,",
                                               "13:57",
                                               "Updated:",
                                               "Xinhua",
                                               "KUNA",
                                               "(KUNA)",
                                               "BEIJING,",
                                               "ST.",
                                               "PETERSBURG",
                                               "said.",
                                               "the",
                                               "With",
                                               "information",
                                               "from",
                                               "EFE)",
                                               "(MENAFN-",
                                               "Web",
                                               "editor:",
                                               "\xE2\x80\x9C",
                                               "\xE2\x80\x9D",
                                               "\xC2\xA0",
                                               "\t",
                                               "\n",
                                               "\n\n",
                                               "Home",
                                               ">",
                                               "All",
                                               "rights",
                                               "reserved.",
                                               "2024-09-13",
                                               "Source:",
                                               "\xE4\xB8\xAD\xE6\x96\x87",
                                               "a.m.",
                                               "File",
                                               "via",
                                               "[Photo/Xinhua]",
                                               " date 2024-01-01"};
  std::mt19937 rng(12345);
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 60);
    for (int i = 0; i < length; ++i) {
      text += vocabulary[rng() % vocabulary.size()];
      if (rng() % 3) text += ' ';
    }
    const CleanedArticle a = CleanArticle(text, "file.txt");
    ExpectWellFormed(a.body);
    EXPECT_TRUE(a.date.empty() || a.date.size() == 10) << a.date;
  }
}

TEST(CleanNegativeTest, LargeInputsAreHandled) {
  std::string one_line;
  for (int i = 0; i < 100000; ++i) one_line += "Word (and) more / text | here. ";
  EXPECT_FALSE(CleanArticle(one_line).body.empty());
  std::string many_lines;
  for (int i = 0; i < 100000; ++i) many_lines += "Short line\n";
  EXPECT_FALSE(CleanArticle(many_lines).body.empty());
  std::string nested(100000, '(');
  EXPECT_EQ(CleanArticle(nested).body, nested);
}

// Reuters-21578 copy: hard-wrapped lines, paragraphs opened by indentation, and a first line
// cut short where the dateline was taken off.
constexpr std::string_view kWireCopy =
    "Standard Oil Co and BP North America\n"
    "Inc said they plan to form a venture to manage the money market\n"
    "borrowing and investment activities of both companies.\n"
    "    BP North America is a subsidiary of British Petroleum Co\n"
    "Plc, which also owns a 55 pct interest in Standard Oil.\n";

TEST(CleanWireCopyTest, IndentedLinesOpenParagraphs) {
  const CleanedArticle article = CleanArticle(kWireCopy, "", /*title_given=*/true);
  EXPECT_EQ(article.title, "");
  EXPECT_EQ(article.body,
            "Standard Oil Co and BP North America Inc said they plan to form a venture to manage "
            "the money market borrowing and investment activities of both companies.\n\n"
            "BP North America is a subsidiary of British Petroleum Co Plc, which also owns a 55 "
            "pct interest in Standard Oil.");
}

TEST(CleanWireCopyTest, AGivenTitleKeepsTheShortFirstLineInTheBody) {
  // Without a title from elsewhere the short first line may be a headline; with one it is text.
  const CleanedArticle given = CleanArticle(kWireCopy, "", /*title_given=*/true);
  EXPECT_EQ(given.body.rfind("Standard Oil Co and BP North America Inc said", 0), 0u);
}

}  // namespace
}  // namespace lectern
