// Tests of the indexes that make anchoring cost what is anchored: the q-gram index of a long text
// (gram_index.h) proposes the windows where a quote may be, the collection index (anchoring.h)
// the texts that may hold it. Both only propose: Anchor with an index must decide as it does
// scanning the whole text.
#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "anchor_checks.h"
#include "gram_index.h"
#include "lectern/anchoring.h"
#include "steps.h"

namespace lectern {
namespace {

using anchoring::GramIndex;
using anchoring::Window;

// Distinct sentences (numbered words, so no two sentences share much), `count` of them.
std::string Filler(int count, int seed = 0) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    const int k = i * 7 + seed * 1000;
    text += "Item " + std::to_string(k) + " reports quantity " + std::to_string(k * 13 % 9973) +
            " for region " + std::to_string(k * 31 % 997) + ". ";
  }
  return text;
}

std::u32string Norm(std::string_view text) {
  return AnchorText(text, AnchorTextOptions{}).data().norm;
}

bool Covers(const std::vector<Window>& windows, std::size_t start, std::size_t end) {
  for (const Window& w : windows) {
    if (w.first <= start && end <= w.second) return true;
  }
  return false;
}

std::size_t At(const std::u32string& text, const std::u32string& needle) {
  const std::size_t at = text.find(needle);
  EXPECT_NE(at, std::u32string::npos);
  return at;
}

const char kQuote[] = "the minister said the harbour would reopen on Tuesday after repairs";

// Expects the gram index of `text` to propose, for `pattern` with up to `max_errors` errors, a
// window holding `there` (a passage of `text`); returns the windows.
std::vector<Window> ExpectProposed(const std::string& text, std::string_view pattern,
                                   std::size_t max_errors, std::string_view there) {
  const std::u32string norm = Norm(text), at_norm = Norm(there);
  const GramIndex index(norm);
  const auto windows = index.Windows(norm, Norm(pattern), max_errors);
  EXPECT_TRUE(windows.has_value());
  if (!windows) return {};
  const std::size_t at = At(norm, at_norm);
  EXPECT_TRUE(Covers(*windows, at, at + at_norm.size())) << "not proposed: " << there;
  return *windows;
}

TEST(GramIndexTest, ProposesTheWindowOfAnExactQuote) {
  const std::string text = Filler(400) + kQuote + ". " + Filler(400, 1);
  std::size_t covered = 0;
  for (const Window& w : ExpectProposed(text, kQuote, 10, kQuote)) covered += w.second - w.first;
  EXPECT_LT(covered * 20, Norm(text).size()) << "the windows narrow the search";
}

TEST(GramIndexTest, ProposesTheWindowOfAnEditedQuote) {
  const std::string edited = "the ministre said the harbor would re-open on Tuesday after repair";
  ExpectProposed(Filler(400) + edited + ". " + Filler(400, 1), kQuote, 20, edited);
}

TEST(GramIndexTest, FollowsAMovedQuote) {
  const std::string text = Filler(700) + kQuote + ". " + Filler(100, 1);
  EXPECT_GT(text.find(kQuote), text.size() / 2);
  ExpectProposed(text, kQuote, 10, kQuote);
}

TEST(GramIndexTest, AQuoteShorterThanAGramIsLeftToAScan) {
  const std::u32string text = Norm(Filler(200));
  const GramIndex index(text);
  EXPECT_FALSE(index.Windows(text, U"ite", 1).has_value());
}

TEST(GramIndexTest, FindsNonBmpText) {
  // Mathematical bold letters and CJK Extension B: one code point each, two UTF-16 units.
  const std::string quote = "\U0001D400\U0001D401\U0001D402 \U00020000\U00020001\U00020002 done";
  ExpectProposed(Filler(300) + quote + " " + Filler(300, 2), quote, 3, quote);
}

TEST(GramIndexTest, ProposesEveryCloseCopyButNotAPlaceSharingAFragment) {
  // An exact copy, a copy with two words changed, and many places sharing three words with the
  // quote: the two copies must both be searched (the scoring chooses between them), the places
  // with half or less of the quote's grams not.
  const std::string edited = "the minister said the harbour would reopen on Monday after storms";
  std::string text = Filler(200) + kQuote + ". " + Filler(200, 1) + edited + ". ";
  for (int i = 0; i < 30; ++i) text += Filler(5, 2 + i) + "so the minister said. ";
  const std::vector<Window> windows = ExpectProposed(text, kQuote, 23, kQuote);
  const std::u32string norm = Norm(text);
  const std::size_t at = At(norm, Norm(edited));
  EXPECT_TRUE(Covers(windows, at, at + edited.size())) << "the edited copy is proposed";
  EXPECT_EQ(windows.size(), 2u) << "only the two copies";
}

TEST(GramIndexTest, ATextOfManyRepeatsIsLeftToAScan) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += std::string(kQuote) + ". ";
  const std::u32string norm = Norm(text);
  const GramIndex index(norm);
  EXPECT_FALSE(index.Windows(norm, Norm(kQuote), 10).has_value());
}

// --- Anchor on an indexed text decides as on a scanned one -----------------------------------

void ExpectSameWithIndex(const std::string& text, const QuoteSelector& selector) {
  AnchorTextOptions indexed, scanned;
  indexed.index_from = 0;
  scanned.index_from = std::numeric_limits<std::size_t>::max();
  const AnchorText a(text, indexed), b(text, scanned);
  ASSERT_TRUE(a.indexed());
  ASSERT_FALSE(b.indexed());
  const AnchorResult x = Anchor(a, selector), y = Anchor(b, selector);
  EXPECT_EQ(x.anchored, y.anchored) << x.reason << " / " << y.reason;
  EXPECT_EQ(x.start, y.start);
  EXPECT_EQ(x.end, y.end);
  // An orphan's score is that of the best place seen, and the index does not propose places that
  // share too little with the quote to win: only an anchor's score must be the same.
  if (x.anchored) {
    EXPECT_DOUBLE_EQ(x.score, y.score);
    EXPECT_EQ(x.reason, y.reason);
  }
}

TEST(IndexedAnchorTest, DecidesAsTheScan) {
  const std::string original = Filler(500) + kQuote + ". " + Filler(500, 1);
  const QuoteSelector selector = Describe(original, kQuote);
  // The same text; the quote moved; edited; gone; and a text of many repeats.
  ExpectSameWithIndex(original, selector);
  ExpectSameWithIndex(Filler(900, 3) + original, selector);
  std::string edited = original;
  edited.replace(edited.find("harbour"), 7, "harbor");
  ExpectSameWithIndex("A note.\n\n" + edited, selector);
  ExpectSameWithIndex(Filler(1000, 4), selector);
  std::string repeats;
  for (int i = 0; i < 500; ++i) repeats += std::string(kQuote) + ". ";
  ExpectSameWithIndex(repeats, selector);
}

TEST(IndexedAnchorTest, LongTextsAreIndexedByDefault) {
  EXPECT_TRUE(AnchorText(Filler(600)).indexed());
  EXPECT_FALSE(AnchorText(Filler(20)).indexed());
}

// --- The collection index --------------------------------------------------------------------

TEST(CollectionIndexTest, ProposesTheTextsThatHoldThePassage) {
  std::vector<std::string> texts;
  for (int i = 0; i < 50; ++i) texts.push_back(Filler(20, i + 10));
  const std::string article = Filler(10, 5) + kQuote + ". " + Filler(10, 6);
  std::string version = article;
  version.replace(version.find("minister"), 8, "ministre");
  texts.insert(texts.begin() + 17, article);
  texts.insert(texts.begin() + 33, version);
  const std::vector<std::string_view> views(texts.begin(), texts.end());
  const CollectionIndex index(views);
  EXPECT_EQ(index.size(), texts.size());
  const auto found = index.Candidates(Describe(article, kQuote));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(*found, (std::vector<std::size_t>{17, 33}));
  // Gone from every text: nothing to try.
  QuoteSelector elsewhere;
  elsewhere.exact = "a sentence of words that occur nowhere in this collection";
  EXPECT_EQ(index.Candidates(elsewhere), std::vector<std::size_t>{});
}

TEST(CollectionIndexTest, AQuoteWithoutWholeWordsIsLeftToTheCaller) {
  const std::vector<std::string_view> texts = {"alpha beta", "gamma delta"};
  const CollectionIndex index(texts);
  QuoteSelector s;
  s.exact = "lph";  // cut from a word, no context: any text may hold it
  EXPECT_FALSE(index.Candidates(s).has_value());
}

TEST(CollectionIndexTest, APassageOfCommonWordsNeedsItsRarestWords) {
  std::vector<std::string> texts;
  for (int i = 0; i < 40; ++i) {
    texts.push_back("word" + std::to_string(i) + " the report said that the ministry " +
                    (i % 2 ? "would" : "could") + " act. " + (i % 4 == 0 ? "" : "Later on."));
  }
  const std::vector<std::string_view> views(texts.begin(), texts.end());
  const CollectionIndex index(views);
  QuoteSelector s;
  s.exact = " the report said that the ministry would act ";  // every word in more than 16 texts
  const auto found = index.Candidates(s);
  ASSERT_TRUE(found.has_value());
  // The three rarest: "would" (20 texts), "the", "report"...: the odd texts.
  ASSERT_EQ(found->size(), 20u);
  for (std::size_t t : *found) EXPECT_EQ(t % 2, 1u);
}

TEST(CollectionIndexTest, FindsTextsWrittenWithoutSpaces) {
  const std::vector<std::string_view> texts = {"王毅在圣彼得堡会见了俄罗斯总统。",
                                               "今天天气很好，我们去公园散步。"};
  const CollectionIndex index(texts);
  QuoteSelector s;
  s.exact = "会见了俄罗斯";
  EXPECT_EQ(index.Candidates(s), std::vector<std::size_t>{0});
}

}  // namespace
}  // namespace lectern
