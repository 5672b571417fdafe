// Tests for CleanArticle (clean.h): negative cases where nothing may change but whitespace, odd
// and random input keeping the contract, and wire copy.
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
