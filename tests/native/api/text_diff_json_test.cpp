// Tests of TextDiffToJson (lectern/api.h): offsets in each unit outside the BMP, degenerate and
// invalid input still giving JSON, the caps on listed changes, and the seed story's JSON agreeing
// with the diff it is made from.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "diff_checks.h"
#include "lectern/api.h"
#include "lectern/diff.h"
#include "tokens.h"

namespace lectern {
namespace {

TEST(DiffTest, OutsideTheBasicMultilingualPlane) {
  const std::string a =
      "\xF0\x9D\x94\xB8 rose 5 pct \xF0\x9F\x93\x88 in Tokyo. \xE6\x9D\xB1\xE4"
      "\xBA\xAC\xE3\x81\xA7\xE6\xA0\xAA\xE4\xBE\xA1\xE4\xB8\x8A\xE6\x98\x87"
      "\xE3\x80\x82 Caf\xC3\xA9 prices fell.";
  const std::string b =
      "\xF0\x9D\x94\xB8 rose 6 pct \xF0\x9F\x93\x89 in Osaka. \xE5\xA4\xA7\xE9"
      "\x98\xAA\xE3\x81\xA7\xE6\xA0\xAA\xE4\xBE\xA1\xE4\xB8\x8A\xE6\x98\x87"
      "\xE3\x80\x82 Cafe\xCC\x81 prices fell.";
  const TextDiff d = DiffTexts(a, b);
  ExpectWellFormed(a, b, d);
  const DiffGroup* g = GroupWithA(d, 0);
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(HasChange(*g, "number", "5", "6"));
  EXPECT_TRUE(HasChange(*g, "name", "Tokyo", "Osaka"));
  // One ideograph each changed, not the whole run of Japanese text.
  const DiffGroup* jp = GroupWithA(d, 1);
  ASSERT_NE(jp, nullptr);
  for (const WordEdit& w : jp->words) {
    if (w.op == WordOp::kDelete) EXPECT_EQ(w.text, "\xE6\x9D\xB1\xE4\xBA\xAC");
  }
  // UTF-16 offsets in the JSON: 𝔸 is two units.
  const nlohmann::json j = nlohmann::json::parse(TextDiffToJson(a, b, d, OffsetUnit::kUtf16));
  EXPECT_EQ(j["offsetUnit"], "utf16");
  EXPECT_EQ(j["a"]["sentences"][1]["start"], 27);  // "𝔸 rose 5 pct 📈 in Tokyo. ": 25 + 2
  const nlohmann::json cp = nlohmann::json::parse(TextDiffToJson(a, b, d, OffsetUnit::kCodePoint));
  EXPECT_EQ(cp["a"]["sentences"][1]["start"], 25);
}

// ---------------------------------------------------------------------------------------------
// Bad, degenerate and huge inputs.

TEST(DiffTest, EmptyAndTinyTexts) {
  for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{{"", ""},
                                                                             {"", "Word"},
                                                                             {"Word", ""},
                                                                             {"Word", "Word"},
                                                                             {"Word", "Other"},
                                                                             {"   ", "\n\n"},
                                                                             {"...", "!!!"},
                                                                             {"***", "***"}}) {
    SCOPED_TRACE("'" + a + "' vs '" + b + "'");
    const TextDiff d = DiffTexts(a, b);
    ExpectWellFormed(a, b, d);
    EXPECT_TRUE(nlohmann::json::accept(TextDiffToJson(a, b, d, OffsetUnit::kCodePoint)));
  }
  const TextDiff same = DiffTexts("Word", "Word");
  ASSERT_EQ(same.groups.size(), 1u);
  EXPECT_EQ(same.groups[0].kind, DiffKind::kSame);
  EXPECT_EQ(same.groups[0].similarity, 1.0);
  const TextDiff stars = DiffTexts("***", "***");
  ASSERT_EQ(stars.groups.size(), 1u);
  EXPECT_EQ(stars.groups[0].kind, DiffKind::kSame);
}

TEST(DiffTest, BinaryJunkAndInvalidUtf8) {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::string a(2000 + rng() % 2000, '\0'), b;
    for (char& c : a) c = static_cast<char>(rng());
    b = a;
    for (int k = 0; k < 50; ++k) b[rng() % b.size()] = static_cast<char>(rng());
    b.insert(rng() % b.size(), "\xF0\x9F\x93\x88 text. \xC3");
    const TextDiff d = DiffTexts(a, b);
    ExpectWellFormed(a, b, d);
    const nlohmann::json j = nlohmann::json::parse(TextDiffToJson(a, b, d, OffsetUnit::kUtf16));
    EXPECT_TRUE(j["groups"].is_array());
  }
}

TEST(DiffTest, NotableChangesAreCapped) {
  // One sentence with 30 numbers, all changed: 20 listed, 10 more counted.
  std::string a = "Prices were", b = "Prices were";
  for (int k = 0; k < 30; ++k) {
    a += " " + std::to_string(100 + k) + " dlrs,";
    b += " " + std::to_string(200 + k) + " dlrs,";
  }
  a += " traders said.";
  b += " traders said.";
  const TextDiff d = DiffTexts(a, b);
  const DiffGroup& g = OnlyGroup(d);
  ASSERT_EQ(g.changes.size(), kMaxChangesPerGroup);
  EXPECT_EQ(g.changes_omitted, 30 - kMaxChangesPerGroup);
  EXPECT_TRUE(HasChange(g, "number", "100", "200"));
  EXPECT_EQ(Summarize(d).changes, 30u);
  const nlohmann::json j = nlohmann::json::parse(TextDiffToJson(a, b, d, OffsetUnit::kCodePoint));
  EXPECT_EQ(j["groups"][0]["changes"].size(), kMaxChangesPerGroup);
  EXPECT_EQ(j["groups"][0]["changesOmitted"], 10);
  EXPECT_EQ(j["summary"]["changes"].size(), kMaxChangesPerGroup);
  EXPECT_EQ(j["summary"]["changesOmitted"], 10);

  // 300 sentences with a changed number each: the summary lists 200.
  std::string x, y;
  for (int k = 0; k < 300; ++k) {
    x += "Line " + Letters(static_cast<std::size_t>(k)) + " sold " + std::to_string(k) + " bags. ";
    y += "Line " + Letters(static_cast<std::size_t>(k)) + " sold " + std::to_string(k + 1000) +
         " bags. ";
  }
  const TextDiff many = DiffTexts(x, y);
  const nlohmann::json m = nlohmann::json::parse(TextDiffToJson(x, y, many, OffsetUnit::kUtf16));
  EXPECT_EQ(m["summary"]["changes"].size(), kMaxSummaryChanges);
  EXPECT_EQ(m["summary"]["changesOmitted"], 300 - kMaxSummaryChanges);
  EXPECT_EQ(m["summary"]["changes"][199]["group"], 199);
  EXPECT_EQ(m["groups"][299]["changes"].size(), 1u);
  EXPECT_EQ(m["groups"][299]["changesOmitted"], 0);
}

// ---------------------------------------------------------------------------------------------
// JSON and tokens.

std::size_t CountWordsOf(const Article& article) {
  std::size_t n = 0;
  for (const Span& s : article.sentences) {
    for (const diff::Token& t :
         diff::Tokenize(std::string_view(article.body).substr(s.start, s.end - s.start))) {
      n += t.kind == diff::TokenKind::kWord;
    }
  }
  return n;
}

TEST_F(SeedDiffTest, Json) {
  const nlohmann::json j =
      nlohmann::json::parse(TextDiffToJson(a_.body, b_.body, diff_, OffsetUnit::kCodePoint));
  EXPECT_EQ(j["offsetUnit"], "codepoint");
  ASSERT_EQ(j["a"]["sentences"].size(), 18u);
  ASSERT_EQ(j["b"]["sentences"].size(), 10u);
  EXPECT_EQ(j["groups"].size(), diff_.groups.size());
  const nlohmann::json& s = j["summary"];
  std::size_t total = 0;
  for (const char* k : {"same", "changed", "merged", "split", "moved", "onlyA", "onlyB"}) {
    total += s[k].get<std::size_t>();
  }
  EXPECT_EQ(total, diff_.groups.size());
  EXPECT_EQ(s["merged"], 1);
  EXPECT_EQ(s["split"], 1);
  EXPECT_EQ(s["wordsEqual"].get<std::size_t>() + s["wordsDeleted"].get<std::size_t>(),
            CountWordsOf(a_));
  EXPECT_EQ(s["wordsEqual"].get<std::size_t>() + s["wordsInserted"].get<std::size_t>(),
            CountWordsOf(b_));
  EXPECT_EQ(s["changesOmitted"], 0);
  // The counts are those of the words of each edit.
  const DiffSummary sum = Summarize(diff_);
  std::size_t by_edit[3] = {};
  for (const DiffGroup& g : diff_.groups) {
    std::size_t group[3] = {};
    for (const WordEdit& w : g.words) {
      for (const diff::Token& t : diff::Tokenize(w.text)) {
        group[static_cast<int>(w.op)] += t.kind == diff::TokenKind::kWord;
      }
    }
    EXPECT_EQ(g.words_equal, group[static_cast<int>(WordOp::kEqual)]);
    EXPECT_EQ(g.words_deleted, group[static_cast<int>(WordOp::kDelete)]);
    EXPECT_EQ(g.words_inserted, group[static_cast<int>(WordOp::kInsert)]);
    for (int k = 0; k < 3; ++k) by_edit[k] += group[k];
  }
  EXPECT_EQ(sum.words_equal, by_edit[static_cast<int>(WordOp::kEqual)]);
  EXPECT_EQ(sum.words_deleted, by_edit[static_cast<int>(WordOp::kDelete)]);
  EXPECT_EQ(sum.words_inserted, by_edit[static_cast<int>(WordOp::kInsert)]);
  // What only one side has is counted apart: the seed story's KUNA version leaves out sentences.
  std::size_t only_a = 0, only_b = 0;
  for (const DiffGroup& g : diff_.groups) {
    if (g.kind == DiffKind::kOnlyA) only_a += g.words_deleted;
    if (g.kind == DiffKind::kOnlyB) only_b += g.words_inserted;
  }
  EXPECT_GT(only_a, 0u);
  EXPECT_EQ(sum.words_only_a, only_a);
  EXPECT_EQ(sum.words_only_b, only_b);
  EXPECT_EQ(s["wordsOnlyA"], only_a);
  EXPECT_EQ(s["wordsOnlyB"], only_b);
  EXPECT_EQ(sum.merged, 1u);
  EXPECT_EQ(sum.split, 1u);
  EXPECT_EQ(sum.same + sum.changed + sum.merged + sum.split + sum.moved + sum.only_a + sum.only_b,
            diff_.groups.size());
  bool thursday = false;
  for (const nlohmann::json& c : s["changes"]) {
    const nlohmann::json& group = j["groups"][c["group"].get<std::size_t>()];
    EXPECT_FALSE(group["changes"].empty());
    thursday = thursday || (c["a"] == "Thursday" && c["b"] == "Friday");
  }
  EXPECT_TRUE(thursday);
  const nlohmann::json& g0 = j["groups"][0];
  EXPECT_EQ(g0["kind"], "changed");
  EXPECT_EQ(g0["a"], nlohmann::json::array({0}));
  EXPECT_GT(g0["similarity"].get<double>(), 0.5);
  EXPECT_EQ(g0["words"][0]["op"], "delete");
}

}  // namespace
}  // namespace lectern
