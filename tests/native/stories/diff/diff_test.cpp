// Tests of the story diff (lectern/diff.h): the China Daily / KUNA seed pair, exact rebuilding of
// both texts on generated edits, callouts of numbers and names, and the tokens underneath
// (tokens.h). Bounded time: diff_bounds_test.cpp; the JSON: tests/native/api.
#include "lectern/diff.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "diff_checks.h"
#include "tokens.h"

namespace lectern {
namespace {

TEST_F(SeedDiffTest, WellFormed) { ExpectWellFormed(a_.body, b_.body, diff_); }

TEST_F(SeedDiffTest, KunaMergesTwoSentencesIntoOne) {
  // KUNA's 3rd sentence ("He said that Russia and China, acting on ...") is China Daily's 4th and
  // 5th.
  const DiffGroup* g = GroupWithB(diff_, 2);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->kind, DiffKind::kMerged);
  EXPECT_EQ(g->a, (std::vector<std::size_t>{3, 4}));
  EXPECT_EQ(g->b, (std::vector<std::size_t>{2}));
  EXPECT_GT(g->similarity, 0.8);
}

TEST_F(SeedDiffTest, KunaSplitsOneSentenceIntoTwo) {
  // China Daily's 11th ("The two sides have strengthened strategic cooperation, rejected
  // unilateral bullying, ...") is KUNA's 7th and 8th, without the bullying.
  const DiffGroup* g = GroupWithA(diff_, 10);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->kind, DiffKind::kSplit);
  EXPECT_EQ(g->a, (std::vector<std::size_t>{10}));
  EXPECT_EQ(g->b, (std::vector<std::size_t>{6, 7}));
  EXPECT_NE(Joined(*g, WordOp::kDelete).find("rejected unilateral bullying"), std::string::npos)
      << Joined(*g, WordOp::kDelete);
  EXPECT_EQ(Joined(*g, WordOp::kInsert).find("bullying"), std::string::npos);
}

TEST_F(SeedDiffTest, FirstSentenceDropsPutinAndThursdayBecomesFriday) {
  const DiffGroup* g = GroupWithA(diff_, 0);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->kind, DiffKind::kChanged);
  EXPECT_EQ(g->b, (std::vector<std::size_t>{0}));
  EXPECT_TRUE(HasChange(*g, "name", "Thursday", "Friday"));
  EXPECT_TRUE(HasChange(*g, "name", "Putin", ""));
  const std::string deleted = Joined(*g, WordOp::kDelete), inserted = Joined(*g, WordOp::kInsert);
  EXPECT_NE(deleted.find("Putin"), std::string::npos) << deleted;
  EXPECT_NE(deleted.find("Thursday"), std::string::npos) << deleted;
  EXPECT_NE(inserted.find("Friday"), std::string::npos) << inserted;
  // "Vladimir" is in both, so it is not part of the change.
  EXPECT_EQ(deleted.find("Vladimir"), std::string::npos);
}

TEST_F(SeedDiffTest, SentencesKunaDroppedAreOnlyInA) {
  // Greetings to Xi (3rd), the Ukraine talks (15th to 17th).
  for (const std::size_t i : {2u, 14u, 15u, 16u}) {
    const DiffGroup* g = GroupWithA(diff_, i);
    ASSERT_NE(g, nullptr);
    EXPECT_EQ(g->kind, DiffKind::kOnlyA) << "A sentence " << i + 1;
  }
}

TEST_F(SeedDiffTest, RewordedSentencesFindTheirSource) {
  // KUNA's "For his part, Wang said Beijing and Moscow have solid mutual trust ..." is China
  // Daily's 10th (perhaps with the 9th, where "For his part, Wang" comes from).
  const DiffGroup* g = GroupWithB(diff_, 5);
  ASSERT_NE(g, nullptr);
  EXPECT_NE(std::find(g->a.begin(), g->a.end(), 9u), g->a.end());
  EXPECT_TRUE(HasChange(*g, "name", "Russia", "Moscow"));
  // Each KUNA sentence comes from China Daily, in the same order: nothing only in B, nothing
  // moved.
  for (const DiffGroup& group : diff_.groups) {
    EXPECT_NE(group.kind, DiffKind::kOnlyB);
    EXPECT_NE(group.kind, DiffKind::kMoved);
  }
  // KUNA's last, with ", he noted" added, is China Daily's 13th.
  const DiffGroup* last = GroupWithB(diff_, 9);
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->a, (std::vector<std::size_t>{12}));
  EXPECT_EQ(last->kind, DiffKind::kChanged);
}

TEST_F(SeedDiffTest, DiffTextsSplitsTheSameSentences) {
  const TextDiff d = DiffTexts(a_.body, b_.body);
  EXPECT_EQ(d.a_sentences, a_.sentences);
  EXPECT_EQ(d.b_sentences, b_.sentences);
  ExpectWellFormed(a_.body, b_.body, d);
}

// ---------------------------------------------------------------------------------------------
// Generated edits: random stories, randomly rewritten.

const char* const kVocabulary[] = {
    "minister", "said",   "talks",   "the",     "oil",   "prices", "rose",  "fell",  "bank",
    "company",  "shares", "market",  "of",      "in",    "and",    "to",    "a",     "Tokyo",
    "London",   "Monday", "Tuesday", "155,221", "3.5",   "pct",    "U.S.",  "don't", "trade",
    "deficit",  "wheat",  "corn",    "exports", "China", "Russia", "year",  "week",  "dlrs",
    "mln",      "crop",   "harvest", "rain",    "port",  "strike", "union", "wage",  "deal",
    "cocoa",    "coffee", "sugar",   "Brazil",  "Ghana", "Reuter", "net",   "loss",  "profit"};

std::string RandomSentence(std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> len(3, 25), word(0, std::size(kVocabulary) - 1);
  std::string s = "It";
  const std::size_t n = len(rng);
  for (std::size_t k = 0; k < n; ++k) {
    s += (rng() % 9 == 0) ? ", " : (rng() % 13 == 0 ? "\n  " : " ");
    s += kVocabulary[word(rng)];
  }
  return s + ".";
}

std::string Join(const std::vector<std::string>& sentences, std::mt19937& rng) {
  std::string s;
  for (const std::string& t : sentences) {
    if (!s.empty()) s += rng() % 4 == 0 ? "\n\n" : " ";
    s += t;
  }
  return s;
}

// One random rewrite of a sentence list: words inserted, deleted or replaced, sentences merged,
// split, moved, added or dropped.
void Rewrite(std::vector<std::string>& s, std::mt19937& rng) {
  if (s.empty()) {
    s.push_back(RandomSentence(rng));
    return;
  }
  const std::size_t i = rng() % s.size();
  std::uniform_int_distribution<std::size_t> word(0, std::size(kVocabulary) - 1);
  switch (rng() % 8) {
    case 0: {  // replace a word
      const std::size_t sp = s[i].find(' ', rng() % s[i].size());
      if (sp != std::string::npos) s[i].insert(sp + 1, std::string(kVocabulary[word(rng)]) + " ");
      break;
    }
    case 1: {  // delete a word
      const std::size_t sp = s[i].find(' ', rng() % s[i].size());
      if (sp == std::string::npos) break;
      const std::size_t next = s[i].find(' ', sp + 1);
      if (next != std::string::npos) s[i].erase(sp, next - sp);
      break;
    }
    case 2:  // merge with the next
      if (i + 1 < s.size()) {
        s[i] = s[i].substr(0, s[i].size() - 1) + ", and " + s[i + 1];
        s.erase(s.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      }
      break;
    case 3: {  // split
      const std::size_t sp = s[i].find(' ', s[i].size() / 2);
      if (sp != std::string::npos && sp + 1 < s[i].size()) {
        const std::string tail = "He " + s[i].substr(sp + 1);
        s[i] = s[i].substr(0, sp) + ".";
        s.insert(s.begin() + static_cast<std::ptrdiff_t>(i) + 1, tail);
      }
      break;
    }
    case 4: {  // move
      const std::string t = s[i];
      s.erase(s.begin() + static_cast<std::ptrdiff_t>(i));
      s.insert(s.begin() + static_cast<std::ptrdiff_t>(rng() % (s.size() + 1)), t);
      break;
    }
    case 5:
      s.insert(s.begin() + static_cast<std::ptrdiff_t>(i), RandomSentence(rng));
      break;
    case 6:
      s.erase(s.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    default:  // a number changes
      s[i] += " 12";
      break;
  }
}

TEST(DiffTest, GeneratedRewritesRebuildBothTexts) {
  std::mt19937 rng(20240913);
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> sa;
    const std::size_t n = rng() % 15;
    for (std::size_t k = 0; k < n; ++k) sa.push_back(RandomSentence(rng));
    std::vector<std::string> sb = sa;
    const int edits = static_cast<int>(rng() % 8);
    for (int e = 0; e < edits; ++e) Rewrite(sb, rng);
    const std::string a = Join(sa, rng), b = Join(sb, rng);
    SCOPED_TRACE("round " + std::to_string(round) + "\nA: " + a + "\nB: " + b);
    ExpectWellFormed(a, b, DiffTexts(a, b));
  }
}

TEST(DiffTest, MovedSentenceIsMoved) {
  const std::string a =
      "Cocoa arrivals in Bahia rose sharply this week. Farmers sold most of their crop. "
      "Exporters in Ilheus expect shipments to Europe to slow. The weather stayed dry in "
      "the south.";
  const std::string b =
      "Exporters in Ilheus expect shipments to Europe to slow. Cocoa arrivals in Bahia rose "
      "sharply this week. Farmers sold most of their crop. The weather stayed dry in the south.";
  const TextDiff d = DiffTexts(a, b);
  ExpectWellFormed(a, b, d);
  const DiffGroup* g = GroupWithA(d, 2);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->kind, DiffKind::kMoved);
  EXPECT_EQ(g->b, (std::vector<std::size_t>{0}));
  for (const std::size_t i : {0u, 1u, 3u}) EXPECT_EQ(GroupWithA(d, i)->kind, DiffKind::kSame);
}

TEST(DiffTest, InsertedSentenceIsOnlyInBAndPlacedAfterItsPredecessor) {
  const std::string a = "The strike at the port ended. Dockers went back to work on Monday.";
  const std::string b =
      "The strike at the port ended. The union won a wage rise of nine pct. Dockers went back "
      "to work on Monday.";
  const TextDiff d = DiffTexts(a, b);
  ExpectWellFormed(a, b, d);
  ASSERT_EQ(d.groups.size(), 3u);
  EXPECT_EQ(d.groups[0].kind, DiffKind::kSame);
  EXPECT_EQ(d.groups[1].kind, DiffKind::kOnlyB);
  EXPECT_EQ(d.groups[1].b, (std::vector<std::size_t>{1}));
  EXPECT_EQ(d.groups[2].kind, DiffKind::kSame);
}

TEST(DiffTest, TextAgainstItselfIsAllSame) {
  const std::string a = testing::ReadSource("shared/seeds/000_c1e1a87b767bdb0e.txt");
  ASSERT_FALSE(a.empty());
  const TextDiff d = DiffTexts(a, a);
  ExpectWellFormed(a, a, d);
  EXPECT_EQ(d.groups.size(), d.a_sentences.size());
  for (const DiffGroup& g : d.groups) {
    EXPECT_EQ(g.kind, DiffKind::kSame);
    EXPECT_EQ(g.a, g.b);
  }
}

// ---------------------------------------------------------------------------------------------
// Callouts.

TEST(DiffTest, ChangedNumbersAreCalledOut) {
  TextDiff d = DiffTexts("Arrivals for the week were 155,221 bags of 60 kilos.",
                         "Arrivals for the week were 155,222 bags of 60 kilos.");
  EXPECT_TRUE(HasChange(OnlyGroup(d), "number", "155,221", "155,222"));
  EXPECT_EQ(OnlyGroup(d).changes.size(), 1u);
  d = DiffTexts("Consumer prices rose 3.5 pct in January.",
                "Consumer prices rose 4.0 pct in January.");
  EXPECT_TRUE(HasChange(OnlyGroup(d), "number", "3.5", "4.0"));
  d = DiffTexts("The bank cut its rate to 7.5 pct on Friday.", "The bank cut its rate on Friday.");
  EXPECT_TRUE(HasChange(OnlyGroup(d), "number", "7.5", ""));
}

TEST(DiffTest, ChangedNamesAreCalledOut) {
  TextDiff d = DiffTexts("Talks with Japan in Geneva ended without a deal.",
                         "Talks with Japan in Vienna ended without a deal.");
  EXPECT_TRUE(HasChange(OnlyGroup(d), "name", "Geneva", "Vienna"));
  d = DiffTexts("The minister met Wang Yi on Monday.", "The minister met Xi Jinping on Monday.");
  EXPECT_TRUE(HasChange(OnlyGroup(d), "name", "Wang Yi", "Xi Jinping"));
  // A capitalised word that only starts a sentence is not a name.
  d = DiffTexts("The talks in Geneva ended.", "Those talks in Geneva ended.");
  EXPECT_TRUE(OnlyGroup(d).changes.empty());
  // Nor is a changed word in lower case.
  d = DiffTexts("Oil prices rose in Geneva.", "Oil prices fell in Geneva.");
  EXPECT_TRUE(OnlyGroup(d).changes.empty());
}

TEST(DiffTokensTest, WordsStayWhole) {
  const std::string text = "In the U.S., 1,000.5 tonnes don't move; e.g. St. Louis-based firms.";
  std::vector<std::string> words;
  std::string rebuilt;
  for (const diff::Token& t : diff::Tokenize(text)) {
    const std::string s = text.substr(t.start, t.end - t.start);
    rebuilt += s;
    if (t.kind == diff::TokenKind::kWord) words.push_back(s);
  }
  EXPECT_EQ(rebuilt, text);
  EXPECT_EQ(words, (std::vector<std::string>{"In", "the", "U.S.", "1,000.5", "tonnes", "don't",
                                             "move", "e.g.", "St", "Louis", "based", "firms"}));
  EXPECT_EQ(diff::FoldWord("Don\xE2\x80\x99t \xC3\x89T\xC3\x89"), "don't \xC3\xA9t\xC3\xA9");
}

}  // namespace
}  // namespace lectern
