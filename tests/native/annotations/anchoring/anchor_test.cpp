// Tests of re-anchoring (lectern/anchoring.h): the fast path, edits to the article and to the
// quote, the Hypothesis failure case, ambiguity, orphans, code point offsets outside the BMP and
// whitespace reflow. The KUNA rewrite of the Xinhua seed story: anchor_seed_test.cpp; the matcher
// underneath: match_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "anchor_checks.h"
#include "lectern/anchoring.h"

namespace lectern {
namespace {

// ---------------------------------------------------------------------------------------------
// DescribeRange.

TEST(DescribeRangeTest, QuoteContextAndPosition) {
  const std::string text = kArticle;
  const QuoteSelector s = Describe(text, "the old bridge");
  EXPECT_EQ(s.exact, "the old bridge");
  EXPECT_EQ(s.prefix, "urs about the cost of repairing ");  // 32 code points
  EXPECT_EQ(s.suffix, " over the river.\n\nThe mayor said");
  EXPECT_TRUE(s.has_position);
  EXPECT_EQ(s.end - s.start, 14u);

  const QuoteSelector first = DescribeRange(text, 0, 3, 10);
  EXPECT_EQ(first.prefix, "");
  EXPECT_EQ(first.exact, "The");
  EXPECT_EQ(first.suffix, " city coun");

  const QuoteSelector clamped = DescribeRange("abc", 2, 99);
  EXPECT_EQ(clamped.exact, "c");
  EXPECT_EQ(clamped.end, 3u);
  const QuoteSelector reversed = DescribeRange("abc", 2, 1);
  EXPECT_EQ(reversed.exact, "");
  EXPECT_EQ(reversed.start, 2u);
  EXPECT_EQ(reversed.end, 2u);
}

TEST(DescribeRangeTest, CountsCodePointsNotBytesOrUtf16Units) {
  const std::string text = "\xF0\x9F\x98\x80 \xF0\x9D\x94\xB8x caf\x65\xCC\x81 ok";  // 😀 𝔸x café ok
  const QuoteSelector s = DescribeRange(text, 2, 4, 2);
  EXPECT_EQ(s.exact, "\xF0\x9D\x94\xB8x");
  EXPECT_EQ(s.prefix, "\xF0\x9F\x98\x80 ");
  EXPECT_EQ(s.suffix, " c");
}

// ---------------------------------------------------------------------------------------------
// Anchor.

TEST(AnchorTest, ExactAtPositionIsTheFastPath) {
  const std::string text = kArticle;
  const AnchorResult r = Anchor(text, Describe(text, "the bridge would be closed"));
  ExpectAt(r, text, "the bridge would be closed");
  EXPECT_EQ(r.score, 1);
  EXPECT_TRUE(r.exact);
}

TEST(AnchorTest, MovedText) {
  const std::string text = kArticle;
  const QuoteSelector s = Describe(text, "Local shops fear a drop in trade");
  const std::string edited = "Breaking: an update was added at the top of the story.\n\n" + text;
  const AnchorResult r = Anchor(edited, s);
  ExpectAt(r, edited, "Local shops fear a drop in trade");
  EXPECT_TRUE(r.exact);
  EXPECT_LT(r.score, 1);
  EXPECT_GT(r.score, 0.9);

  // The paragraphs swapped: the quote is elsewhere, its sentence-level context the same.
  const std::string p1 =
      "The city council met on Tuesday to discuss the new budget. Members argued for hours about "
      "the cost of repairing the old bridge over the river.";
  const std::string p2 =
      "The mayor said the bridge would be closed for three months starting in June. Local shops "
      "fear a drop in trade while the work goes on.";
  const std::string swapped = p2 + "\n\n" + p1;
  ExpectAt(Anchor(swapped, Describe(text, "Members argued for hours")), swapped,
           "Members argued for hours");
}

TEST(AnchorTest, TyposInTheArticle) {
  const std::string text = kArticle;
  const QuoteSelector s = Describe(text, "closed for three months starting in June");
  std::string edited = text;
  edited.replace(edited.find("three months"), 12, "thre monhts");
  edited.replace(edited.find("Tuesday"), 7, "Tusday");
  const AnchorResult r = Anchor(edited, s);
  ExpectAt(r, edited, "closed for thre monhts starting in June");
  EXPECT_FALSE(r.exact);
}

TEST(AnchorTest, QuoteEditedByOneLetterOrOneWord) {
  const std::string text = kArticle;
  const QuoteSelector s = Describe(text, "A final vote on the budget is expected next week");
  std::string letter = text;
  letter.replace(letter.find("final vote"), 10, "finel vote");
  ExpectAt(Anchor(letter, s), letter, "A finel vote on the budget is expected next week");
  std::string word = text;
  word.replace(word.find("next week"), 9, "next month");
  ExpectAt(Anchor(word, s), word, "A final vote on the budget is expected next month");
  std::string inserted = text;
  inserted.replace(inserted.find("is expected"), 11, "is now widely expected");
  ExpectAt(Anchor(inserted, s), inserted,
           "A final vote on the budget is now widely expected next week");
}

TEST(AnchorTest, SentencesInsertedOrDeletedBeforeIt) {
  const std::string text = kArticle;
  const QuoteSelector s = Describe(text, "after a public hearing at the town hall");
  std::string inserted = text;
  inserted.insert(inserted.find("The mayor"),
                  "Opposition members walked out in protest. The session ended late. ");
  ExpectAt(Anchor(inserted, s), inserted, "after a public hearing at the town hall");
  std::string deleted = text;
  const std::size_t from = deleted.find("Members argued");
  deleted.erase(from, deleted.find("The mayor") - from);
  ExpectAt(Anchor(deleted, s), deleted, "after a public hearing at the town hall");
  // A sentence inserted right before the quote replaces its prefix: the suffix still agrees.
  const QuoteSelector local = Describe(text, "Local shops fear a drop in trade");
  std::string right_before = text;
  right_before.insert(right_before.find("Local shops"), "Traffic will be diverted. ");
  ExpectAt(Anchor(right_before, local), right_before, "Local shops fear a drop in trade");
}

// Hypothesis keeps only the matches with the fewest errors, so an exact copy of the quote
// anywhere beats the right place with a one-letter change.
TEST(AnchorTest, OneLetterVariantInContextBeatsExactCopyElsewhere) {
  const std::string original =
      "Shares of the company rose sharply on Monday after it reported record profits. Analysts "
      "had expected a loss. The chief executive said demand was strong in every region. "
      "Competitors saw their shares fall.";
  const QuoteSelector s = Describe(original, "said demand was strong");
  const std::string edited =
      "Elsewhere in the market, one trader said demand was strong but prices were weak. "
      "Shares of the company rose sharply on Monday after it reported record profits. Analysts "
      "had expected a loss. The chief executive said demand was stong in every region. "
      "Competitors saw their shares fall.";
  const AnchorResult r = Anchor(edited, s);
  ExpectAt(r, edited, "said demand was stong");
  EXPECT_FALSE(r.exact);
  // Also without the position: the context alone decides.
  QuoteSelector no_position = s;
  no_position.has_position = false;
  ExpectAt(Anchor(edited, no_position), edited, "said demand was stong");
}

// The right place changed a word, an exact copy sits elsewhere in unrelated context: quote and
// context disagree by more than a typo's worth, so neither wins.
TEST(AnchorTest, QuoteAndContextInConflictGiveAnOrphan) {
  const std::string original =
      "Shares of the company rose sharply on Monday after it reported record profits. Analysts "
      "had expected a loss. The chief executive said demand was strong in every region. "
      "Competitors saw their shares fall.";
  const QuoteSelector s = Describe(original, "said demand was strong");
  const std::string edited =
      "Elsewhere in the market, one trader said demand was strong but prices were weak. "
      "Shares of the company rose sharply on Monday after it reported record profits. Analysts "
      "had expected a loss. The chief executive said demand was weak in every region. "
      "Competitors saw their shares fall.";
  const AnchorResult r = Anchor(edited, s);
  EXPECT_FALSE(r.anchored) << Slice(edited, r.start, r.end);
  EXPECT_EQ(r.reason, "conflict");
}

// Figures are facts: a parallel sentence with other figures is another statement.
TEST(AnchorTest, ChangedFiguresAreAnotherStatement) {
  const std::string original =
      "The bank lends to three countries. Outstanding loans to Mexico total about 2.1 billion "
      "dlrs, of which 310 mln dlrs are past due. Outstanding loans to Venezuela total about 1.3 "
      "billion dlrs, of which 241 mln dlrs are past due. The bank expects no further losses.";
  const QuoteSelector s =
      Describe(original, "Outstanding loans to Venezuela total about 1.3 billion dlrs");
  std::string edited = original;
  const std::size_t from = edited.find("Outstanding loans to Venezuela");
  edited.erase(from, edited.find("The bank expects") - from);
  const AnchorResult r = Anchor(edited, s);
  EXPECT_FALSE(r.anchored) << Slice(edited, r.start, r.end) << " " << r.score;
  // With the same figures and its context, a reworded sentence still anchors.
  std::string reworded = original;
  reworded.replace(reworded.find("loans to Venezuela total"), 24, "loans to Venezuela now total");
  ExpectAt(Anchor(reworded, s), reworded,
           "Outstanding loans to Venezuela now total about 1.3 billion dlrs");
}

// When a sentence is deleted, its neighbours inherit its context: a neighbour that merely
// resembles it must not take its annotation.
TEST(AnchorTest, NeighbourOfADeletedSentenceDoesNotInheritIt) {
  const std::string original =
      "The exchange will list a new futures contract in June. Settlement of the new contract will "
      "be based on the opening value of the index. Settlement of the existing contract is based "
      "on the closing value of the index. Trading hours will not change.";
  const QuoteSelector s = Describe(
      original, "Settlement of the existing contract is based on the closing value of the index");
  std::string edited = original;
  const std::size_t from = edited.find("Settlement of the existing");
  edited.erase(from, edited.find("Trading hours") - from);
  const AnchorResult r = Anchor(edited, s);
  EXPECT_FALSE(r.anchored) << Slice(edited, r.start, r.end) << " " << r.score;
}

TEST(AnchorTest, RepeatedShortQuotes) {
  const std::string text =
      "The minister said the plan was ready. Critics said the plan was late. "
      "The union said the plan was unfair. Nobody said the plan was cheap.";
  // Context decides among the four copies of "the plan", also after an edit moved everything.
  const QuoteSelector s = Describe(text, "the plan", 2);
  const std::string edited = "New paragraph first. " + text;
  ExpectAt(Anchor(edited, s), edited, "the plan", 2);
  QuoteSelector no_position = s;
  no_position.has_position = false;
  ExpectAt(Anchor(edited, no_position), edited, "the plan", 2);

  // Identical contexts: neither context nor (missing) position tells them apart → orphan.
  const std::string twice =
      "Markets were calm all day long. Prices rose. Markets were calm all day long. Prices rose. "
      "Markets were calm all day long.";
  QuoteSelector calm = Describe(twice, "Prices rose", 0);
  calm.has_position = false;
  const AnchorResult ambiguous = Anchor(twice, calm);
  EXPECT_FALSE(ambiguous.anchored);
  EXPECT_EQ(ambiguous.reason, "ambiguous");
  // With the position, a clearly nearer copy wins even after a small shift.
  calm.has_position = true;
  const std::string shifted = "Hi. " + twice;
  ExpectAt(Anchor(shifted, calm), shifted, "Prices rose", 0);

  // A short quote whose context is gone proves nothing.
  QuoteSelector bare = Describe(text, "the plan", 1);
  const std::string other = "In other news the plan for the park was approved by the board.";
  EXPECT_FALSE(Anchor(other, bare).anchored);
}

TEST(AnchorTest, DeletedPassageIsAnOrphan) {
  const std::string text = kArticle;
  const QuoteSelector s = Describe(text, "Residents can send written comments until Friday.");
  std::string deleted = text;
  deleted.erase(deleted.find(" Residents can send"));
  const AnchorResult r = Anchor(deleted, s);
  EXPECT_FALSE(r.anchored) << Slice(deleted, r.start, r.end);
  EXPECT_LT(r.score, AnchorOptions().min_score);

  const QuoteSelector mayor = Describe(text, "The mayor said the bridge would be closed");
  std::string gone = text;
  gone.replace(gone.find("The mayor said"), 76, "");
  EXPECT_FALSE(Anchor(gone, mayor).anchored);
}

TEST(AnchorTest, EmptyOrWhitespaceQuoteIsAnOrphan) {
  const std::string text = kArticle;
  QuoteSelector s;
  EXPECT_FALSE(Anchor(text, s).anchored);
  EXPECT_EQ(Anchor(text, s).reason, "empty quote");
  s.exact = " \n\t\xC2\xA0";
  s.has_position = true;
  s.start = 5;
  s.end = 9;
  EXPECT_FALSE(Anchor(text, s).anchored);
  EXPECT_FALSE(Anchor("", Describe(text, "budget")).anchored);
}

TEST(AnchorTest, QuoteLongerThanText) {
  const std::string text = kArticle;
  const QuoteSelector s = DescribeRange(text, 0, CodePoints(text));
  EXPECT_FALSE(Anchor("The city council met.", s).anchored);
  // The whole text, slightly edited, still anchors.
  std::string edited = text;
  edited.replace(edited.find("Tuesday"), 7, "Wednesday");
  const AnchorResult r = Anchor(edited, s);
  ASSERT_TRUE(r.anchored);
  EXPECT_EQ(r.start, 0u);
  EXPECT_EQ(r.end, CodePoints(edited));
}

TEST(AnchorTest, OffsetsAreCodePointsOutsideTheBmp) {
  // 😀 and 𝔸 take two UTF-16 units and four bytes; é is e + a combining acute.
  const std::string text =
      "\xF0\x9F\x98\x80 Emoji first. The \xF0\x9D\x94\xB8lpha team met at the cafe\xCC\x81 "
      "downtown on Friday to plan the launch.";
  const QuoteSelector s = Describe(text, "met at the cafe\xCC\x81 downtown");
  EXPECT_EQ(s.start, 30u);
  EXPECT_EQ(Slice(text, s.start, s.end), "met at the cafe\xCC\x81 downtown");
  const AnchorResult same = Anchor(text, s);
  EXPECT_EQ(same.start, 30u);
  EXPECT_EQ(same.score, 1);

  // More astral characters before it, and a typo inside: code point offsets move by one each.
  const std::string edited =
      "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80 Emoji first. The \xF0\x9D\x94\xB8lpha "
      "team met at teh cafe\xCC\x81 downtown on Friday to plan the launch.";
  const AnchorResult r = Anchor(edited, s);
  ExpectAt(r, edited, "met at teh cafe\xCC\x81 downtown");
  EXPECT_EQ(r.start, 32u);

  // A quote ending on the base letter never leaves its combining mark behind.
  const QuoteSelector cafe = Describe(text, "the cafe\xCC\x81");
  std::string moved = "Intro. " + text;
  moved.replace(moved.find("the cafe"), 3, "teh");
  const AnchorResult rc = Anchor(moved, cafe);
  ExpectAt(rc, moved, "teh cafe\xCC\x81");

  // Quotes of astral characters only.
  const std::string emoji = "a \xF0\x9F\x98\x80\xF0\x9F\x98\x81\xF0\x9F\x98\x82 b c d e f";
  const QuoteSelector e = DescribeRange(emoji, 2, 5);
  const AnchorResult re = Anchor("x " + emoji, e);
  ASSERT_TRUE(re.anchored);
  EXPECT_EQ(re.start, 4u);
  EXPECT_EQ(re.end, 7u);
}

TEST(AnchorTest, WhitespaceReflowAndParagraphBreaks) {
  const std::string text = kArticle;
  // A quote across a paragraph break.
  const std::string across = "over the river.\n\nThe mayor said";
  const QuoteSelector s = Describe(text, across);
  // The other copy: hard-wrapped lines, paragraph breaks collapsed, double spaces and an NBSP.
  std::string reflowed;
  std::size_t column = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        reflowed += "\n   ";
        ++i;
        column = 0;
      }
      continue;
    }
    if (text[i] == ' ' && column > 50) {
      reflowed += '\n';
      column = 0;
      continue;
    }
    reflowed += text[i];
    ++column;
  }
  std::string spaced = reflowed;
  spaced.replace(spaced.find("The mayor"), 9, "The\xC2\xA0 mayor");
  for (const std::string& other : {reflowed, spaced}) {
    const AnchorResult r = Anchor(other, s);
    ASSERT_TRUE(r.anchored) << r.reason;
    const std::string got = Slice(other, r.start, r.end);
    EXPECT_EQ(got.substr(0, 5), "over ") << got;
    EXPECT_EQ(got.substr(got.size() - 5), " said") << got;
    EXPECT_EQ(r.start, Find(other, "over the river.")) << got;
  }
}

// The range [start, end) of `text`, described from it, is anchored there exactly (the text
// prepared or not).
void ExpectOwnRangeFound(const std::string& text, std::size_t start, std::size_t end) {
  const QuoteSelector own = DescribeRange(text, start, end);
  for (const bool prepared : {false, true}) {
    const AnchorResult r = prepared ? Anchor(AnchorText(text), own) : Anchor(text, own);
    EXPECT_TRUE(r.anchored) << r.reason;
    EXPECT_EQ(r.start, start) << r.reason;
    EXPECT_EQ(r.end, end) << r.reason;
    EXPECT_TRUE(r.exact) << r.reason;
  }
}

// A range that ends inside a long run of whitespace: its suffix, all whitespace, is one space once
// normalised. It agreed fully only where the text ends after a space (fuzz finding 6), so a copy
// of the quote at the very end won over the range's own place.
TEST(AnchorTest, ARangeEndingInsideWhitespaceIsFoundAtItsOwnPlace) {
  const std::string run(70, '\f');
  const std::string text = "The old fish market on the east quay reopene" + run +
                           " closed soon after. The old fish market on the east quay reopene\f\f";
  const std::size_t start = Find(text, "y reopene");
  const std::size_t end = start + 9 + 29;  // "y reopene" and 29 of the 70 form feeds
  ExpectOwnRangeFound(text, start, end);
}

// Fuzz finding 7: an invisible character (here a soft hyphen) after the whitespace a range starts
// with normalises into that whitespace run; a range at the text's start, with no prefix to agree
// with, was found without its first three characters.
TEST(AnchorTest, ARangeStartingWithWhitespaceAndASoftHyphenIsFoundWhole) {
  const std::string text = "\n\n\xC2\xADThe port reopened on Monday after the storm.";
  const std::size_t start = Find(text, "\n\n");
  const std::size_t end = Find(text, " reopened");  // a short quote: found by its context
  ExpectOwnRangeFound(text, start, end);
}

TEST(AnchorTest, CaseAndTypographyDoNotMatter) {
  const std::string text = "He said \"it's over\" - and left the room for good.";
  const QuoteSelector s = Describe(text, "\"it's over\" - and left");
  const std::string other =
      "He said \xE2\x80\x9CIT\xE2\x80\x99S OVER\xE2\x80\x9D \xE2\x80\x94 and left the room for "
      "good.";
  const AnchorResult r = Anchor(other, s);
  ASSERT_TRUE(r.anchored);
  EXPECT_EQ(Slice(other, r.start, r.end),
            "\xE2\x80\x9CIT\xE2\x80\x99S OVER\xE2\x80\x9D \xE2\x80\x94 and left");
  EXPECT_FALSE(r.exact);
}

TEST(AnchorTest, StalePositionOnAnotherCopyFallsBackToContext) {
  // The old position now holds another exact copy of the quote, whose context disagrees: the
  // position must not win by itself.
  const std::string text =
      "Prices rose sharply in May as demand for steel recovered. Exports fell. Prices rose slowly "
      "in June while the harbour was closed for repairs.";
  QuoteSelector s = Describe(text, "Prices rose", 1);  // June
  const std::string edited =
      "Prices rose slowly in June while the harbour was closed for repairs. Exports fell. Prices "
      "rose sharply in May as demand for steel recovered.";
  s.start = Find(edited, "Prices rose", 1);  // May's copy sits at the old position
  s.end = s.start + 11;
  const AnchorResult r = Anchor(edited, s);
  ExpectAt(r, edited, "Prices rose", 0);
  EXPECT_LT(r.score, 1);
}

TEST(AnchorTest, InvalidUtf8AndHugeOffsetsDoNotThrow) {
  QuoteSelector s;
  s.exact =
      "ab\xFF"
      "c";
  s.prefix = "\xC3";
  s.has_position = true;
  s.start = 1000;
  s.end = 5;
  EXPECT_NO_THROW(
      Anchor("xx ab\xFF"
             "c yy \xE2\x82",
             s));
  EXPECT_NO_THROW(DescribeRange("\xFF\xFE", 0, 100));
}

TEST(AnchorTest, PreparedTextGivesTheSameResults) {
  const std::string text = kArticle;
  std::string edited = text;
  edited.replace(edited.find("three"), 5, "four");
  const AnchorText prepared(edited);
  EXPECT_EQ(prepared.size(), CodePoints(edited));
  for (const char* needle : {"three months", "the budget", "Friday", "the old bridge"}) {
    const QuoteSelector s = Describe(text, needle);
    const AnchorResult a = Anchor(edited, s), b = Anchor(prepared, s);
    EXPECT_EQ(a.anchored, b.anchored);
    EXPECT_EQ(a.start, b.start);
    EXPECT_EQ(a.end, b.end);
    EXPECT_EQ(a.score, b.score);
  }
}

// A long quote in a long text takes the seeded path; it must still be found with edits.
TEST(AnchorTest, LongQuoteInLongText) {
  std::string text;
  std::uint64_t state = 7;
  static const char* kWords[] = {"market", "share",  "price", "bank", "rate", "growth", "trade",
                                 "oil",    "export", "the",   "of",   "said", "year",   "new"};
  for (int i = 0; i < 150000; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    text += kWords[(state >> 33) % 14];
    text += (i % 17 == 16) ? ". " : " ";
  }
  const std::size_t start = 500000;
  const QuoteSelector s = DescribeRange(text, start, start + 3000);
  std::string edited = "Preface added. " + text;
  const std::size_t byte = start + 15 + 1000;  // inside the quote (ASCII: bytes = code points)
  edited.replace(byte, 40, "a rewritten stretch of forty characters!");
  edited.erase(byte + 500, 30);
  const AnchorResult r = Anchor(edited, s);
  ASSERT_TRUE(r.anchored) << r.reason;
  EXPECT_NEAR(static_cast<double>(r.start), start + 15.0, 2);
  EXPECT_NEAR(static_cast<double>(r.end), start + 15.0 + 3000 - 30, 2);
}

}  // namespace
}  // namespace lectern
