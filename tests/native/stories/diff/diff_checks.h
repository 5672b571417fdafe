// What the story diff's tests share: the checks every diff must pass, lookups into a diff, and
// the seed story (China Daily's copy of a Xinhua report and KUNA's cut-down rewrite).
#ifndef LECTERN_TESTS_DIFF_CHECKS_H_
#define LECTERN_TESTS_DIFF_CHECKS_H_

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/diff.h"
#include "lectern/reading.h"
#include "source_files.h"

namespace lectern {

inline bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Checks everything DiffGroup and TextDiff promise: every sentence in exactly one group,
// consecutive indices, both texts rebuilt exactly from each group's edits, no word split between
// two edits, the order of groups, and the shape of onlyA / onlyB groups.
inline void ExpectWellFormed(std::string_view a, std::string_view b, const TextDiff& d) {
  std::vector<int> a_seen(d.a_sentences.size(), 0), b_seen(d.b_sentences.size(), 0);
  std::size_t last_a = 0;
  bool any_a = false;
  for (std::size_t g = 0; g < d.groups.size(); ++g) {
    const DiffGroup& group = d.groups[g];
    SCOPED_TRACE("group " + std::to_string(g));
    ASSERT_FALSE(group.a.empty() && group.b.empty());
    for (std::size_t k = 1; k < group.a.size(); ++k) ASSERT_EQ(group.a[k], group.a[k - 1] + 1);
    for (std::size_t k = 1; k < group.b.size(); ++k) ASSERT_EQ(group.b[k], group.b[k - 1] + 1);
    for (const std::size_t i : group.a) ++a_seen.at(i);
    for (const std::size_t j : group.b) ++b_seen.at(j);
    EXPECT_GE(group.similarity, 0.0);
    EXPECT_LE(group.similarity, 1.0);
    std::string ra, rb;
    for (std::size_t k = 0; k < group.words.size(); ++k) {
      const WordEdit& w = group.words[k];
      EXPECT_FALSE(w.text.empty());
      if (k > 0) EXPECT_NE(w.op, group.words[k - 1].op);
      // No word is cut between two edits, on either side.
      auto uncut = [&](const std::string& side) {
        if (k > 0 && !side.empty() && !w.text.empty()) {
          EXPECT_FALSE(IsAsciiAlnum(side.back()) && IsAsciiAlnum(w.text.front()))
              << "word cut before '" << w.text << "'";
        }
      };
      if (w.op != WordOp::kInsert) uncut(ra);
      if (w.op != WordOp::kDelete) uncut(rb);
      if (w.op != WordOp::kInsert) ra += w.text;
      if (w.op != WordOp::kDelete) rb += w.text;
    }
    if (!group.a.empty()) {
      const Span first = d.a_sentences[group.a.front()], last = d.a_sentences[group.a.back()];
      EXPECT_EQ(ra, a.substr(first.start, last.end - first.start));
    } else {
      EXPECT_TRUE(ra.empty());
    }
    if (!group.b.empty()) {
      const Span first = d.b_sentences[group.b.front()], last = d.b_sentences[group.b.back()];
      EXPECT_EQ(rb, b.substr(first.start, last.end - first.start));
    } else {
      EXPECT_TRUE(rb.empty());
    }
    if (group.kind == DiffKind::kOnlyA) {
      EXPECT_EQ(group.a.size(), 1u);
      EXPECT_TRUE(group.b.empty());
      EXPECT_LE(group.words.size(), 1u);
      if (!group.words.empty()) EXPECT_EQ(group.words[0].op, WordOp::kDelete);
    }
    if (group.kind == DiffKind::kOnlyB) {
      EXPECT_EQ(group.b.size(), 1u);
      EXPECT_TRUE(group.a.empty());
      EXPECT_LE(group.words.size(), 1u);
      if (!group.words.empty()) EXPECT_EQ(group.words[0].op, WordOp::kInsert);
      // Right after the group holding the B sentence before it.
      const std::size_t j = group.b[0];
      if (j == 0) {
        for (std::size_t h = 0; h < g; ++h) EXPECT_EQ(d.groups[h].kind, DiffKind::kOnlyB);
      } else {
        ASSERT_GT(g, 0u);
        ASSERT_FALSE(d.groups[g - 1].b.empty());
        EXPECT_EQ(d.groups[g - 1].b.back(), j - 1);
      }
    } else {
      EXPECT_FALSE(group.a.empty());
      if (any_a) EXPECT_GT(group.a.front(), last_a) << "groups out of A's order";
      last_a = group.a.back();
      any_a = true;
    }
    if (group.kind == DiffKind::kSame) EXPECT_EQ(ra, rb);
    if (group.kind == DiffKind::kMerged) EXPECT_TRUE(group.a.size() > 1 && group.b.size() == 1);
    if (group.kind == DiffKind::kSplit) EXPECT_TRUE(group.b.size() > 1 && group.a.size() == 1);
    if (group.kind == DiffKind::kChanged) EXPECT_TRUE(group.a.size() == 1 && group.b.size() == 1);
  }
  for (std::size_t i = 0; i < a_seen.size(); ++i) EXPECT_EQ(a_seen[i], 1) << "A sentence " << i;
  for (std::size_t j = 0; j < b_seen.size(); ++j) EXPECT_EQ(b_seen[j], 1) << "B sentence " << j;
}

inline const DiffGroup* GroupWithA(const TextDiff& d, std::size_t i) {
  for (const DiffGroup& g : d.groups) {
    if (std::find(g.a.begin(), g.a.end(), i) != g.a.end()) return &g;
  }
  return nullptr;
}

inline const DiffGroup* GroupWithB(const TextDiff& d, std::size_t j) {
  for (const DiffGroup& g : d.groups) {
    if (std::find(g.b.begin(), g.b.end(), j) != g.b.end()) return &g;
  }
  return nullptr;
}

inline std::string Joined(const DiffGroup& g, WordOp op) {
  std::string s;
  for (const WordEdit& w : g.words) {
    if (w.op == op) s += w.text + "|";
  }
  return s;
}

inline bool HasChange(const DiffGroup& g, const std::string& kind, const std::string& a,
                      const std::string& b) {
  for (const NotableChange& c : g.changes) {
    if (c.kind == kind && c.a == a && c.b == b) return true;
  }
  return false;
}

inline const DiffGroup& OnlyGroup(const TextDiff& d) {
  static const DiffGroup none;
  return d.groups.size() == 1 ? d.groups[0] : none;
}

inline std::string Letters(std::size_t k) {
  std::string s;
  do {
    s += static_cast<char>('a' + k % 26);
    k /= 26;
  } while (k > 0);
  return s;
}

// ---------------------------------------------------------------------------------------------
// The seed story: China Daily's copy of a Xinhua report (A) and KUNA's cut-down rewrite (B).

class SeedDiffTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const ReadResult ra = ReadFile(testing::ReadSource("shared/seeds/000_c1e1a87b767bdb0e.txt"),
                                   "000_c1e1a87b767bdb0e.txt");
    const ReadResult rb = ReadFile(testing::ReadSource("shared/seeds/001_cac242e89444e96e.txt"),
                                   "001_cac242e89444e96e.txt");
    ASSERT_EQ(ra.articles.size(), 1u);
    ASSERT_EQ(rb.articles.size(), 1u);
    a_ = ra.articles[0];
    b_ = rb.articles[0];
    ASSERT_EQ(a_.sentences.size(), 18u);
    ASSERT_EQ(b_.sentences.size(), 10u);
    diff_ = DiffSentences(a_.body, a_.sentences, b_.body, b_.sentences);
  }
  Article a_, b_;
  TextDiff diff_;
};

}  // namespace lectern

#endif  // LECTERN_TESTS_DIFF_CHECKS_H_
