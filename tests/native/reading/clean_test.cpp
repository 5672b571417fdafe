// Tests for CleanArticle (clean.h): the five real seed articles, the seed header, and one synthetic
// case per boilerplate heuristic. Metadata and whitespace: clean_metadata_test.cpp; cases where
// nothing may change but whitespace: clean_negative_test.cpp.
#include "clean.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "clean_checks.h"

namespace lectern {
namespace {

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

}  // namespace
}  // namespace lectern
