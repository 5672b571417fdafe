// Tests of the story diff (diff.h): the China Daily / KUNA seed pair, exact rebuilding of both
// texts on generated edits and outside the BMP, bad and huge inputs in bounded time, callouts of
// numbers and names, the JSON, and the tokens underneath (diff_tokens.h).
#include "lectern/diff.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "diff_tokens.h"
#include "diff_words.h"
#include "lectern/lectern.h"

namespace lectern {
namespace {

// ---------------------------------------------------------------------------------------------
// Helpers.

std::string ReadSourceFile(const std::string& relative) {
  std::ifstream in(std::string(LECTERN_SOURCE_DIR) + "/" + relative, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Checks everything DiffGroup and TextDiff promise: every sentence in exactly one group,
// consecutive indices, both texts rebuilt exactly from each group's edits, no word split between
// two edits, the order of groups, and the shape of onlyA / onlyB groups.
void ExpectWellFormed(std::string_view a, std::string_view b, const TextDiff& d) {
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

const DiffGroup* GroupWithA(const TextDiff& d, std::size_t i) {
  for (const DiffGroup& g : d.groups) {
    if (std::find(g.a.begin(), g.a.end(), i) != g.a.end()) return &g;
  }
  return nullptr;
}

const DiffGroup* GroupWithB(const TextDiff& d, std::size_t j) {
  for (const DiffGroup& g : d.groups) {
    if (std::find(g.b.begin(), g.b.end(), j) != g.b.end()) return &g;
  }
  return nullptr;
}

std::string Joined(const DiffGroup& g, WordOp op) {
  std::string s;
  for (const WordEdit& w : g.words) {
    if (w.op == op) s += w.text + "|";
  }
  return s;
}

bool HasChange(const DiffGroup& g, const std::string& kind, const std::string& a,
               const std::string& b) {
  for (const NotableChange& c : g.changes) {
    if (c.kind == kind && c.a == a && c.b == b) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// The seed story: China Daily's copy of a Xinhua report (A) and KUNA's cut-down rewrite (B).

class SeedDiffTest : public testing::Test {
 protected:
  void SetUp() override {
    const ReadResult ra = ReadFile(ReadSourceFile("shared/seeds/000_c1e1a87b767bdb0e.txt"),
                                   "000_c1e1a87b767bdb0e.txt");
    const ReadResult rb = ReadFile(ReadSourceFile("shared/seeds/001_cac242e89444e96e.txt"),
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

TEST(DiffTest, TextAgainstItselfIsAllSame) {
  const std::string a = ReadSourceFile("shared/seeds/000_c1e1a87b767bdb0e.txt");
  ASSERT_FALSE(a.empty());
  const TextDiff d = DiffTexts(a, a);
  ExpectWellFormed(a, a, d);
  EXPECT_EQ(d.groups.size(), d.a_sentences.size());
  for (const DiffGroup& g : d.groups) {
    EXPECT_EQ(g.kind, DiffKind::kSame);
    EXPECT_EQ(g.a, g.b);
  }
}

// Words of the seed stories, repeated in varying order: long texts with a news vocabulary.
std::vector<std::string> SeedWords() {
  std::vector<std::string> words;
  for (const char* f :
       {"shared/seeds/000_c1e1a87b767bdb0e.txt", "shared/seeds/002_c9edad714b5359fe.txt",
        "shared/seeds/003_9de8cc9d8582abb9.txt", "shared/seeds/004_572afbd63a801590.txt"}) {
    const std::string text = ReadSourceFile(f);
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
std::string Letters(std::size_t k) {
  std::string s;
  do {
    s += static_cast<char>('a' + k % 26);
    k /= 26;
  } while (k > 0);
  return s;
}

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

// ---------------------------------------------------------------------------------------------
// Callouts.

const DiffGroup& OnlyGroup(const TextDiff& d) {
  static const DiffGroup none;
  return d.groups.size() == 1 ? d.groups[0] : none;
}

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
