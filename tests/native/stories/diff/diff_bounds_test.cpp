// Tests of the story diff (lectern/diff.h) on degenerate and huge inputs: the time it takes stays
// bounded, and its limits do not wrap.
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
#include "lectern/diff.h"
#include "tokens.h"
#include "words.h"

namespace lectern {
namespace {

std::vector<std::string> SeedWords() {
  std::vector<std::string> words;
  for (const char* f :
       {"shared/seeds/000_c1e1a87b767bdb0e.txt", "shared/seeds/002_c9edad714b5359fe.txt",
        "shared/seeds/003_9de8cc9d8582abb9.txt", "shared/seeds/004_572afbd63a801590.txt"}) {
    const std::string text = testing::ReadSource(f);
    for (const diff::Token& t : diff::Tokenize(text)) {
      if (t.kind == diff::TokenKind::kWord) words.push_back(text.substr(t.start, t.end - t.start));
    }
  }
  return words;
}

double Seconds(const std::function<void()>& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(DiffTest, HugeUnpunctuatedSentenceAgainstShuffledCopyIsBounded) {
  const std::vector<std::string> words = SeedWords();
  ASSERT_GT(words.size(), 1000u);
  std::mt19937 rng(11);
  std::vector<std::string> picked;
  for (int k = 0; k < 50000; ++k) picked.push_back(words[rng() % words.size()]);
  std::string a, b;
  for (const std::string& w : picked) a += (a.empty() ? "" : " ") + w;
  std::shuffle(picked.begin(), picked.end(), rng);
  for (const std::string& w : picked) b += (b.empty() ? "" : " ") + w;
  TextDiff d;
  // Generous: it takes well under a second in a release build; a quadratic diff takes minutes.
  EXPECT_LT(Seconds([&] { d = DiffSentences(a, {{0, a.size()}}, b, {{0, b.size()}}); }), 10.0);
  ExpectWellFormed(a, b, d);
  ASSERT_EQ(d.groups.size(), 1u);
}

TEST(DiffTest, UnrelatedLongTextsAreBounded) {
  const std::vector<std::string> words = SeedWords();
  std::mt19937 rng(12);
  auto text = [&](std::size_t n) {
    std::string s;
    for (std::size_t k = 0; k < n; ++k) {
      s += words[rng() % words.size()];
      s += (k % 20 == 19) ? ". " : " ";
    }
    return s;
  };
  const std::string a = text(20000), b = text(20000);
  TextDiff d;
  EXPECT_LT(Seconds([&] { d = DiffTexts(a, b); }), 10.0);
  ExpectWellFormed(a, b, d);
}

// A letter-only word for k ("a", "b", ..., "ba", ...): names must not hold digits.

// Every sentence's first word renamed ("Tab said ..." -> "Tob said ..."), 120,000 words: whether
// each such word is a name used to scan both whole texts, quadratic in all (some 15 s here).
TEST(DiffTest, FirstWordOfEverySentenceChangedIsLinear) {
  std::string a, b;
  const std::size_t sentences = 12000;  // 10 words each
  for (std::size_t k = 0; k < sentences; ++k) {
    const std::string w = Letters(k);
    // Every tenth sentence also has both words in lower case, which makes them ordinary words.
    const std::string middle = k % 10 == 0 ? " said ta" + w + " and to" + w + " on day "
                                           : " said the trade talks went well on day ";
    a += "Ta" + w + middle + std::to_string(k) + ". ";
    b += "To" + w + middle + std::to_string(k) + ". ";
  }
  TextDiff d;
  // Well under a second in a release build since the fix.
  EXPECT_LT(Seconds([&] { d = DiffTexts(a, b); }), 5.0);
  ASSERT_EQ(d.groups.size(), sentences);
  std::size_t names = 0;
  for (std::size_t k = 0; k < sentences; ++k) {
    const DiffGroup& g = d.groups[k];
    SCOPED_TRACE("sentence " + std::to_string(k));
    ASSERT_EQ(g.kind, DiffKind::kChanged);
    ASSERT_EQ(g.a, (std::vector<std::size_t>{k}));
    if (k % 10 == 0) {
      EXPECT_TRUE(g.changes.empty());
    } else {
      ASSERT_EQ(g.changes.size(), 1u);
      EXPECT_TRUE(HasChange(g, "name", "Ta" + Letters(k), "To" + Letters(k)));
      ++names;
    }
  }
  EXPECT_EQ(names, sentences - sentences / 10);
  const DiffSummary s = Summarize(d);
  EXPECT_EQ(s.changed, sentences);
  EXPECT_EQ(s.changes, names);
  EXPECT_EQ(s.words_deleted, sentences);
  EXPECT_EQ(s.words_inserted, sentences);
}

// max_group_sentences is a size_t, but the alignment's steps hold a group's size in 8 bits: the
// best step here, a merge of all 256 A sentences, was read back as 0 A sentences, and nothing at
// all was aligned (257 would have become a wrong 1:1 group).
TEST(DiffTest, HugeMaxGroupSentencesIsClamped) {
  // One long A sentence and 255 one-word ones, all of which B's single sentence holds.
  std::string a = "Alpha", b = "Alpha";
  for (std::size_t k = 0; k < 300; ++k) a += " w" + Letters(k);
  a += ".";
  for (std::size_t k = 0; k < 255; ++k) a += " X" + Letters(k) + ".";
  for (std::size_t k = 0; k < 300; ++k) b += " w" + Letters(k);
  for (std::size_t k = 0; k < 255; ++k) b += " X" + Letters(k);
  b += ".";
  DiffOptions options;
  // No anchors and no moved sentences: only the dynamic programme aligns.
  options.anchor_similarity = 2;
  options.moved_similarity = 2;
  for (const std::size_t most : {std::size_t{256}, std::size_t{1000}, SIZE_MAX}) {
    SCOPED_TRACE(most);
    options.max_group_sentences = most;
    const TextDiff d = DiffTexts(a, b, options);
    ASSERT_EQ(d.a_sentences.size(), 256u);
    ExpectWellFormed(a, b, d);
    for (const DiffGroup& g : d.groups) EXPECT_LE(g.a.size(), kMaxGroupSentences);
    const DiffGroup* first = GroupWithA(d, 0);
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->kind, DiffKind::kChanged);
    EXPECT_EQ(first->b, (std::vector<std::size_t>{0}));
  }
  options.max_group_sentences = 0;
  ExpectWellFormed(a, b, DiffTexts(a, b, options));
}

// The word budget is computed in 64 bits and saturates: it wrapped (to a 268 MB text on wasm32,
// or here to a huge word_steps_per_byte), leaving only the fixed allowance.
TEST(DiffTest, WordBudgetDoesNotWrap) {
  EXPECT_EQ(diff::WordBudgetSteps(16, 300000000), 4801000000u);
  EXPECT_EQ(diff::WordBudgetSteps(0, 5), 1000000u);
  EXPECT_EQ(diff::WordBudgetSteps(UINT64_MAX / 3, 4), UINT64_MAX);
  EXPECT_EQ(diff::WordBudgetSteps(UINT64_MAX, 0), 1000000u);
  // A long sentence with every tenth word changed needs more than the allowance alone.
  const char* const vocabulary[] = {"oil",   "prices", "rose", "fell",  "the",   "bank",
                                    "said",  "of",     "in",   "trade", "wheat", "corn",
                                    "Tokyo", "mln",    "dlrs", "pct",   "year",  "week"};
  std::mt19937 rng(13);
  std::string a, b;
  for (std::size_t k = 0; k < 5000; ++k) {
    const std::string w = vocabulary[rng() % std::size(vocabulary)];
    a += (k ? " " : "") + w;
    b += (k ? " " : "") + (k % 10 == 0 ? "zz" + w : w);
  }
  auto edited_words = [](const TextDiff& d) { return Summarize(d).words_deleted; };
  const TextDiff fine = DiffTexts(a, b);
  ExpectWellFormed(a, b, fine);
  EXPECT_EQ(edited_words(fine), 500u);
  DiffOptions options;
  options.word_steps_per_byte = 0;  // the allowance alone: one block
  EXPECT_GT(edited_words(DiffTexts(a, b, options)), 4000u);
  // 2^63 steps per byte, times an even length, wrapped to 0 (in 64 bits).
  ASSERT_EQ((a.size() + b.size()) % 2, 0u);
  options.word_steps_per_byte = static_cast<std::size_t>(std::uint64_t{1} << 63);
  const TextDiff generous = DiffTexts(a, b, options);
  ExpectWellFormed(a, b, generous);
  EXPECT_LE(edited_words(generous), edited_words(fine));
}

TEST(DiffTest, BadSpansThrow) {
  EXPECT_THROW(DiffSentences("abc", {{2, 1}}, "abc", {}), std::invalid_argument);
  EXPECT_THROW(DiffSentences("abc", {{0, 4}}, "abc", {}), std::invalid_argument);
  EXPECT_THROW(DiffSentences("abc", {}, "abc", {{0, 2}, {1, 3}}), std::invalid_argument);
  EXPECT_NO_THROW(DiffSentences("abc", {}, "abc", {{0, 1}, {1, 3}}));
}

}  // namespace
}  // namespace lectern
