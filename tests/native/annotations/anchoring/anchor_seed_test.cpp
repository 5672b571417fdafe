// Re-anchoring (lectern/anchoring.h) passages of the Xinhua seed story in KUNA's rewrite of it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "anchor_checks.h"
#include "lectern/anchoring.h"
#include "lectern/reading.h"

namespace lectern {
namespace {

// ---------------------------------------------------------------------------------------------
// The seed story: Xinhua (via China Daily) and KUNA's rewrite of it.

struct SeedCase {
  const char* xinhua;  // a sentence or part of one in 000
  const char* kuna;    // where it belongs in 001 (a part of the expected place), or null: dropped
};

TEST(AnchorTest, SeedStoryRewrittenByKuna) {
  const std::string a = testing::ReadSource("shared/seeds/000_c1e1a87b767bdb0e.txt");
  const std::string b = testing::ReadSource("shared/seeds/001_cac242e89444e96e.txt");
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  const ReadResult ra = ReadFile(a, "000_c1e1a87b767bdb0e.txt");
  const ReadResult rb = ReadFile(b, "001_cac242e89444e96e.txt");
  ASSERT_EQ(ra.articles.size(), 1u);
  ASSERT_EQ(rb.articles.size(), 1u);
  const std::string& xinhua = ra.articles[0].body;
  const std::string& kuna = rb.articles[0].body;

  const SeedCase cases[] = {
      // Surviving passages, some reworded.
      {"Russian President Vladimir Putin on Thursday voiced willingness to work together with "
       "China to advance multipolarity",
       "voiced willingness to work together with China to advance multipolarity"},
      {"Putin made the remarks during talks with Wang Yi", "Putin made the remarks while meeting"},
      {"Putin made the remarks", "Putin made the remarks"},
      {"a member of the Political Bureau of the Communist Party of China Central Committee",
       "a member of the Bureau of the Communist Party"},
      {"Russia and China, acting on the principles of equality and mutual benefit, have been "
       "deepening their comprehensive strategic partnership of coordination for the new era.",
       "Russia and China, acting on the principles of equality"},
      {"Interactions at all levels maintain a strong momentum, and cooperation in various fields "
       "is progressing smoothly",
       "interactions at all levels maintain a strong momentum"},
      {"to take the 75th anniversary of the establishment of diplomatic relations",
       "to take the 75th anniversary"},
      {"the BRICS security council meeting has achieved positive results",
       "the BRICS security council meeting has achieved positive results"},
      {"China and Russia have solid mutual trust and a profound friendship",
       "have solid mutual trust and a profound friendship"},
      {"the BRICS Plus cooperation has got off to a good start.",
       "the BRICS Plus cooperation has got off to a good start."},
      {"At the upcoming Kazan Summit, the first meeting of leaders after the expansion of BRICS",
       "At the upcoming Kazan Summit"},
      {"strive to make the summit a full success", "strive to make the summit a full success"},
      {"in St. Petersburg", "in St. Petersburg"},
      // Dropped passages.
      {"Putin asked Wang to convey his sincere greetings and best wishes to Chinese President Xi "
       "Jinping",
       nullptr},
      {"expecting China's attendance at the BRICS leaders' summit in Kazan next month.", nullptr},
      {"The Russian president applauded China's diplomacy based on the long-term and the common "
       "future of humanity",
       nullptr},
      {"For his part, Wang conveyed Xi's warm greetings to Putin.", nullptr},
      {"rejected unilateral bullying", nullptr},
      {"China is ready to work with BRICS partners to push for an equal and orderly multipolar "
       "world",
       nullptr},
      {"The two sides also exchanged views on the Ukraine issue.", nullptr},
      {"Putin appreciated the \"six-point consensus\" made by China and Brazil", nullptr},
      {"reiterating Russia's openness to negotiations", nullptr},
      {"Wang said that China is committed to promoting a political solution to the crisis",
       nullptr},
      {"Before their meeting, Putin met with the heads of delegations", nullptr},
      {"national security advisors", nullptr},
  };
  // A phrase that Xinhua has twice: its first copy survives in KUNA's lead, its second was
  // dropped with its sentence.
  const std::string twice = "international order based on justice and";
  const AnchorResult lead = Anchor(kuna, Describe(xinhua, twice, 0));
  ExpectAt(lead, kuna, twice);
  const AnchorResult dropped = Anchor(kuna, Describe(xinhua, twice, 1));
  EXPECT_FALSE(dropped.anchored) << dropped.score;
  // The lost word: "Vladimir Putin on Thursday voiced" became "Vladimir Friday voiced". An orphan
  // is fine, but if anchored it must be there.
  const AnchorResult lost = Anchor(kuna, Describe(xinhua, "Vladimir Putin on Thursday voiced"));
  if (lost.anchored) {
    EXPECT_EQ(Slice(kuna, lost.start, lost.end).find("Vladimir"), 0u)
        << Slice(kuna, lost.start, lost.end);
  }
  for (const SeedCase& c : cases) {
    SCOPED_TRACE(c.xinhua);
    const AnchorResult r = Anchor(kuna, Describe(xinhua, c.xinhua));
    if (c.kuna == nullptr) {
      EXPECT_FALSE(r.anchored) << "anchored on: " << Slice(kuna, r.start, r.end) << " (score "
                               << r.score << ")";
      continue;
    }
    ASSERT_TRUE(r.anchored) << r.reason << " " << r.score;
    // The expected part must lie inside the anchored range, give or take a word's worth of
    // boundary where the wording changed.
    const std::size_t start = Find(kuna, c.kuna);
    const std::size_t end = start + CodePoints(c.kuna);
    const std::size_t overlap = std::min(end, r.end) > std::max(start, r.start)
                                    ? std::min(end, r.end) - std::max(start, r.start)
                                    : 0;
    EXPECT_GE(overlap * 10, (end - start) * 8) << "anchored on: " << Slice(kuna, r.start, r.end);
  }

  // Whole sentences of the Xinhua copy: each lands on its KUNA counterpart or is an orphan when
  // KUNA dropped it; none lands anywhere else.
  const std::vector<Span>& sentences = ra.articles[0].sentences;
  const std::vector<Span>& targets = rb.articles[0].sentences;
  // Xinhua sentence → KUNA sentences that hold it (-1: dropped; 10 was split into KUNA's 6 and 7).
  const int expected[][2] = {{0, 0}, {1, 1},   {-1, -1}, {2, 2},   {2, 2},   {3, 3},
                             {4, 4}, {-1, -1}, {-1, -1}, {5, 5},   {6, 7},   {8, 8},
                             {9, 9}, {-1, -1}, {-1, -1}, {-1, -1}, {-1, -1}, {-1, -1}};
  ASSERT_EQ(sentences.size(), std::size(expected));
  ASSERT_EQ(targets.size(), 10u);
  int anchored = 0;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const std::size_t start = CodePoints(xinhua, sentences[i].start);
    const std::size_t end = CodePoints(xinhua, sentences[i].end);
    const AnchorResult r = Anchor(kuna, DescribeRange(xinhua, start, end));
    SCOPED_TRACE("sentence " + std::to_string(i) + ": " + Slice(xinhua, start, end));
    if (expected[i][0] < 0) {
      EXPECT_FALSE(r.anchored) << "anchored on: " << Slice(kuna, r.start, r.end);
      continue;
    }
    if (!r.anchored) continue;  // an orphan is never wrong; the count below keeps it honest
    ++anchored;
    const std::size_t lo = CodePoints(kuna, targets[expected[i][0]].start);
    const std::size_t hi = CodePoints(kuna, targets[expected[i][1]].end);
    EXPECT_GE(r.start + 2, lo) << Slice(kuna, r.start, r.end);
    EXPECT_LE(r.end, hi + 2) << Slice(kuna, r.start, r.end);
  }
  EXPECT_GE(anchored, 8);  // of the 10 surviving sentences
}

}  // namespace
}  // namespace lectern
