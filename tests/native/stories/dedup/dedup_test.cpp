// Near-duplicate story clustering: the seed pair, LSH against exact on planted near-duplicates,
// the keep rule, thousands of near-copies of one story, which pairs are listed when not all fit,
// degenerate and hostile input, Unicode words, determinism and the JSON.
#include "lectern/dedup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "lectern/reading.h"
#include "shingles.h"

namespace lectern {
namespace {

using nlohmann::json;

const char* const kSeeds[] = {"000_c1e1a87b767bdb0e.txt", "001_cac242e89444e96e.txt",
                              "002_c9edad714b5359fe.txt", "003_9de8cc9d8582abb9.txt",
                              "004_572afbd63a801590.txt"};

Article ReadSeed(const std::string& name) {
  std::ifstream in(std::string(LECTERN_SOURCE_DIR) + "/shared/seeds/" + name, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  ReadResult r = ReadFile(bytes, name);
  EXPECT_EQ(r.articles.size(), 1u) << name;
  return r.articles.empty() ? Article{} : r.articles[0];
}

std::size_t WordCount(std::string_view text) {
  std::vector<std::uint64_t> words;
  return dedup::HashWords(text, 1, &words);
}

// A deterministic pseudo-text of `n` words from a 5,000-word vocabulary.
std::vector<std::string> RandomWords(std::mt19937& rng, std::size_t n) {
  std::uniform_int_distribution<int> word(0, 4999);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back("w" + std::to_string(word(rng)));
  return out;
}

std::string Join(const std::vector<std::string>& words, std::size_t begin, std::size_t end) {
  std::string s;
  for (std::size_t i = begin; i < end && i < words.size(); ++i) s += words[i] + " ";
  return s;
}

TEST(Dedup, SeedPairIsOneStoryAndTheRestStandAlone) {
  StoryIndex raw, cleaned;
  for (const char* name : kSeeds) {
    const Article a = ReadSeed(name);
    raw.Add(a.original);
    cleaned.Add(a.body);
  }
  // On the files as they are, the figures of an independent word-5-gram count (maximal runs of
  // letters and digits, lower-cased): 673 and 390 shingles, 280 shared.
  const StoryClusters r = raw.Cluster();
  EXPECT_EQ(raw.ShingleCount(0), 673u);
  EXPECT_EQ(raw.ShingleCount(1), 390u);
  ASSERT_EQ(r.pairs.size(), 1u);
  EXPECT_EQ(r.pairs[0].a, 0u);
  EXPECT_EQ(r.pairs[0].b, 1u);
  EXPECT_EQ(r.pairs[0].overlap, 280u);
  EXPECT_NEAR(r.pairs[0].jaccard, 280.0 / (673 + 390 - 280), 1e-12);
  EXPECT_NEAR(r.pairs[0].containment, 280.0 / 390, 1e-12);
  EXPECT_LT(r.pairs[0].jaccard, 0.5);  // kept for its containment, not its Jaccard
  ASSERT_EQ(r.clusters.size(), 1u);
  EXPECT_EQ(r.clusters[0], (std::vector<std::size_t>{0, 1}));

  // Cleaning drops the China Daily page's navigation, which only brings the two closer.
  const StoryClusters c = cleaned.Cluster();
  ASSERT_EQ(c.clusters.size(), 1u);
  EXPECT_EQ(c.clusters[0], (std::vector<std::size_t>{0, 1}));
  ASSERT_EQ(c.pairs.size(), 1u);
  EXPECT_GT(c.pairs[0].jaccard, 0.36);
  EXPECT_GT(c.pairs[0].containment, 0.7);
  EXPECT_EQ(cleaned.ClusterExact().pairs, c.pairs);
}

// Base stories plus cut-down, reworded and cut-and-reworded versions of some of them: the LSH
// must find exactly what exact all-pairs finds, and that must include the planted versions.
TEST(Dedup, LshEqualsExactOnPlantedNearDuplicates) {
  std::mt19937 rng(20240913);
  StoryIndex index;
  std::vector<std::vector<std::string>> bases;
  struct Planted {
    std::size_t base, copy;
  };
  std::vector<Planted> planted;
  std::uniform_int_distribution<std::size_t> length(60, 400);
  for (int i = 0; i < 400; ++i) {
    bases.push_back(RandomWords(rng, length(rng)));
    index.Add(Join(bases.back(), 0, bases.back().size()));
  }
  std::vector<std::size_t> base_index(bases.size());
  for (std::size_t i = 0; i < bases.size(); ++i) base_index[i] = i;
  std::uniform_real_distribution<double> unit(0, 1);
  for (int k = 0; k < 300; ++k) {
    const std::size_t b = rng() % bases.size();
    std::vector<std::string> words = bases[b];
    const int kind = k % 3;
    if (kind != 1) {  // cut down to a contiguous 55-95%
      const auto keep = static_cast<std::size_t>(words.size() * (0.55 + 0.4 * unit(rng)));
      const std::size_t start = rng() % (words.size() - keep + 1);
      words = std::vector<std::string>(words.begin() + start, words.begin() + start + keep);
    }
    if (kind != 0) {  // reword 1-4% of the words
      const double rate = 0.01 + 0.03 * unit(rng);
      for (std::string& w : words) {
        if (unit(rng) < rate) w = "x" + std::to_string(rng() % 100000);
      }
    }
    planted.push_back({b, index.Add(Join(words, 0, words.size()))});
  }
  const StoryClusters lsh = index.Cluster();
  const StoryClusters exact = index.ClusterExact();
  EXPECT_EQ(lsh.pairs, exact.pairs);
  EXPECT_EQ(lsh.clusters, exact.clusters);
  EXPECT_EQ(lsh.kept_pairs, exact.kept_pairs);
  std::size_t found = 0;
  for (const Planted& p : planted) {
    for (const SimilarPair& s : exact.pairs) found += s.a == p.base && s.b == p.copy;
  }
  // Nearly every planted version clears the keep rule (a cut to 55% with rewording may not).
  EXPECT_GT(found, planted.size() * 9 / 10);
  // Random unrelated bases never pair with each other.
  for (const SimilarPair& s : exact.pairs) EXPECT_GE(s.b, bases.size());
  // Far fewer candidates than the 245,000 pairs there are.
  EXPECT_LT(lsh.candidates, 5000u);
}

TEST(Dedup, KeepRule) {
  std::mt19937 rng(7);
  const std::vector<std::string> story = RandomWords(rng, 200);
  DedupOptions options;
  StoryIndex index(options);
  index.Add(Join(story, 0, 200));    // 0: 196 shingles
  index.Add(Join(story, 0, 80));     // 1: 76, all in 0: J 0.39, C 1, kept for containment
  index.Add(Join(story, 100, 130));  // 2: 26, all in 0: J 0.13, too little Jaccard
  const std::vector<std::string> other = RandomWords(rng, 40);
  index.Add(Join(other, 0, 40));                                            // 3: 36 shingles
  index.Add(Join(other, 0, 24) + " " + Join(RandomWords(rng, 20), 0, 20));  // 4: 20 of 3's + 20
  const StoryClusters r = index.Cluster();
  ASSERT_EQ(r.pairs.size(), 1u);
  EXPECT_EQ(r.pairs[0].a, 0u);
  EXPECT_EQ(r.pairs[0].b, 1u);
  EXPECT_DOUBLE_EQ(r.pairs[0].containment, 1.0);
  EXPECT_NEAR(r.pairs[0].jaccard, 76.0 / 196, 1e-12);
  EXPECT_EQ(r.clusters, (std::vector<std::vector<std::size_t>>{{0, 1}}));
  EXPECT_EQ(index.ClusterExact().pairs, r.pairs);

  // 3 and 4 share 20 shingles: C 0.51, J 0.36. A cut of 3 with a new ending: 28 shingles, 20 of
  // them in 3's 36: C 0.714, J 0.455, so kept only by the containment rule and its size floor.
  const std::string cut = Join(other, 0, 24) + " " + Join(RandomWords(rng, 8), 0, 8);
  const auto pairs_with = [&](const DedupOptions& o) {
    StoryIndex two(o);
    two.Add(Join(other, 0, 40));
    two.Add(cut);
    EXPECT_EQ(two.ShingleCount(1), 28u);
    return two.Cluster().pairs.size();
  };
  EXPECT_EQ(pairs_with(options), 1u);
  options.containment_min_shingles = 29;
  EXPECT_EQ(pairs_with(options), 0u);
  options.containment_min_shingles = 28;
  EXPECT_EQ(pairs_with(options), 1u);
  options.min_containment = 0.72;
  EXPECT_EQ(pairs_with(options), 0u);
  options.min_containment = 0.6;
  options.containment_min_jaccard = 0.46;
  EXPECT_EQ(pairs_with(options), 0u);
  options.min_jaccard = 0.45;
  EXPECT_EQ(pairs_with(options), 1u);
}

// Copies of one wire story, each with its own dateline and byline and one word changed: nearly but
// not exactly identical, so no two are grouped as identical texts and one LSH bucket per band holds
// them all. Listing every pair of such a bucket took minutes and hundreds of MB for 3,000 copies.
std::vector<std::string> NearCopies(std::mt19937& rng, std::size_t copies) {
  const std::vector<std::string> story = RandomWords(rng, 300);
  std::vector<std::string> out;
  for (std::size_t c = 0; c < copies; ++c) {
    std::string text = "CITY" + std::to_string(c) + ", March " + std::to_string(c % 28 + 1) +
                       " (Agency " + std::to_string(c % 7) + ") - By Reporter" + std::to_string(c) +
                       "\n";
    const std::size_t changed = rng() % story.size();
    for (std::size_t i = 0; i < story.size(); ++i) {
      text += (i == changed ? "changed" + std::to_string(c) : story[i]) + " ";
    }
    out.push_back(std::move(text));
  }
  return out;
}

TEST(Dedup, ThousandsOfNearCopiesClusterWithoutQuadraticCost) {
  std::mt19937 rng(31);
  const std::vector<std::string> copies = NearCopies(rng, 3000);
  StoryIndex index;
  std::set<std::size_t> copy_ids;
  for (std::size_t c = 0; c < copies.size(); ++c) {
    copy_ids.insert(index.Add(copies[c]));
    if (c % 3 == 0) {
      const auto words = RandomWords(rng, 150);
      index.Add(Join(words, 0, words.size()));  // unrelated
    }
  }
  const StoryClusters r = index.Cluster();
  ASSERT_EQ(r.clusters.size(), 1u);
  EXPECT_EQ(std::set<std::size_t>(r.clusters[0].begin(), r.clusters[0].end()), copy_ids);
  // Candidates grow linearly with the copies (all pairs would be 4.5 million).
  EXPECT_LT(r.candidates, 100u * copies.size());
  EXPECT_LE(r.kept_pairs, r.candidates);
  // Each copy is paired with at least one of the earliest versions.
  std::vector<bool> has_pair(index.size(), false);
  for (const SimilarPair& p : r.pairs) {
    has_pair[p.a] = has_pair[p.b] = true;
    EXPECT_GT(p.jaccard, 0.8);
  }
  for (const std::size_t c : copy_ids) EXPECT_TRUE(has_pair[c]) << c;

  // A list cut to one pair per copy still gives every copy a figure.
  const StoryClusters cut = index.Cluster(copies.size());
  EXPECT_EQ(cut.pairs.size(), copies.size());
  EXPECT_EQ(cut.clusters, r.clusters);
  std::set<std::size_t> listed;
  for (const SimilarPair& p : cut.pairs) listed.insert({p.a, p.b});
  EXPECT_EQ(listed, copy_ids);
}

// With more copies than a full LSH bucket (64), but few enough for ClusterExact: the same clusters,
// and every pair the LSH lists is an exact pair with the same figures.
TEST(Dedup, BoundedBucketsKeepTheExactClusters) {
  std::mt19937 rng(32);
  StoryIndex index;
  for (int story = 0; story < 3; ++story) {
    for (const std::string& text : NearCopies(rng, 150)) index.Add(text);
    const auto words = RandomWords(rng, 150);
    index.Add(Join(words, 0, words.size()));
  }
  const StoryClusters lsh = index.Cluster();
  const StoryClusters exact = index.ClusterExact();
  EXPECT_EQ(lsh.clusters, exact.clusters);
  ASSERT_EQ(lsh.clusters.size(), 3u);
  EXPECT_EQ(exact.kept_pairs, 3u * 150 * 149 / 2);
  EXPECT_LT(lsh.kept_pairs, exact.kept_pairs);  // a sample of each story's pairs
  for (const SimilarPair& p : lsh.pairs) {
    EXPECT_TRUE(std::binary_search(exact.pairs.begin(), exact.pairs.end(), p,
                                   [](const SimilarPair& x, const SimilarPair& y) {
                                     return x.a != y.a ? x.a < y.a : x.b < y.b;
                                   }));
  }
}

// When not every kept pair fits in max_pairs, each article's best pair is listed first.
TEST(Dedup, ACutListKeepsEachArticlesBestPair) {
  std::mt19937 rng(8);
  const std::vector<std::string> story = RandomWords(rng, 200);
  const std::vector<std::string> other = RandomWords(rng, 60);
  StoryIndex index;
  index.Add(Join(story, 0, 200));  // 0: 196 shingles
  index.Add(Join(story, 0, 150));  // 1: 146, all in 0 (J 0.74) and holding all of 2 (J 0.79)
  index.Add(Join(story, 0, 120));  // 2: 116, all in 0 (J 0.59) and in 1 (J 0.79)
  for (int i = 0; i < 5; ++i) index.Add(Join(other, 0, 60));  // 3-7: identical
  const StoryClusters all = index.Cluster();
  EXPECT_EQ(all.kept_pairs, 3u + 10u);
  EXPECT_EQ(all.pairs.size(), 13u);
  EXPECT_EQ(all.clusters, (std::vector<std::vector<std::size_t>>{{0, 1, 2}, {3, 4, 5, 6, 7}}));

  // Best pairs: 0-1 (for 0), 1-2 (for 1 and 2; both contained, 1-2 has more Jaccard than 0-2),
  // and the identical group's first member with each other one; then one more, the first within
  // the group that is not listed yet.
  const StoryClusters cut = index.Cluster(7);
  std::vector<std::pair<std::size_t, std::size_t>> listed;
  for (const SimilarPair& p : cut.pairs) listed.emplace_back(p.a, p.b);
  EXPECT_EQ(listed, (std::vector<std::pair<std::size_t, std::size_t>>{
                        {0, 1}, {1, 2}, {3, 4}, {3, 5}, {3, 6}, {3, 7}, {4, 5}}));
  EXPECT_EQ(cut.kept_pairs, all.kept_pairs);
  EXPECT_EQ(cut.clusters, all.clusters);
  EXPECT_EQ(index.ClusterExact(7).pairs, cut.pairs);
  // Too little room even for the best pairs: those of lowest (a, b).
  EXPECT_EQ(index.Cluster(2).pairs.size(), 2u);
  EXPECT_EQ(index.Cluster(2).pairs[1].b, 2u);
  EXPECT_TRUE(index.Cluster(0).pairs.empty());
}

TEST(Dedup, IdenticalTextsHaveJaccardOne) {
  StoryIndex index;
  const std::string text = "The central bank raised its key rate by a quarter point on Thursday.";
  index.Add("unrelated words that share nothing with the story at all, none");
  index.Add(text);
  index.Add("THE CENTRAL BANK raised its key rate -- by a quarter point, on Thursday!");
  index.Add(text);
  const StoryClusters r = index.Cluster();
  ASSERT_EQ(r.pairs.size(), 3u);
  for (const SimilarPair& p : r.pairs) {
    EXPECT_DOUBLE_EQ(p.jaccard, 1.0);
    EXPECT_DOUBLE_EQ(p.containment, 1.0);
  }
  EXPECT_EQ(r.pairs[0].a, 1u);
  EXPECT_EQ(r.pairs[0].b, 2u);
  EXPECT_EQ(r.pairs[2].a, 2u);
  EXPECT_EQ(r.pairs[2].b, 3u);
  EXPECT_EQ(r.clusters, (std::vector<std::vector<std::size_t>>{{1, 2, 3}}));
  // Identical sets are compared once, not pair by pair.
  EXPECT_EQ(r.candidates, 0u);
}

// Counted in 64 bits even where size_t has 32 (WebAssembly): 100,000 copies are 5 billion pairs.
static_assert(std::is_same_v<decltype(StoryClusters::kept_pairs), std::uint64_t>);
static_assert(std::is_same_v<decltype(DedupOptions::max_pairs), std::uint64_t>);

TEST(Dedup, ManyIdenticalTextsAndTheListLimit) {
  DedupOptions options;
  options.max_pairs = 100;
  StoryIndex index(options);
  for (int i = 0; i < 2000; ++i) index.Add(i % 2 ? "a repeated wire item" : "another one");
  const StoryClusters r = index.Cluster();
  EXPECT_EQ(r.kept_pairs, 2u * (1000u * 999u / 2));
  EXPECT_EQ(r.pairs.size(), 100u);
  ASSERT_EQ(r.clusters.size(), 2u);
  EXPECT_EQ(r.clusters[0].size(), 1000u);
  EXPECT_EQ(r.clusters[0][0], 0u);
  EXPECT_EQ(r.clusters[1][0], 1u);
  // 1,998 best pairs (each copy with its group's first) do not fit: those of lowest (a, b).
  EXPECT_EQ(r.pairs.front().a, 0u);
  EXPECT_EQ(r.pairs.front().b, 2u);
  EXPECT_EQ(r.pairs.back().a, 0u);
  EXPECT_EQ(r.pairs.back().b, 200u);
  for (std::size_t i = 1; i < r.pairs.size(); ++i) {
    EXPECT_TRUE(r.pairs[i - 1].a < r.pairs[i].a ||
                (r.pairs[i - 1].a == r.pairs[i].a && r.pairs[i - 1].b < r.pairs[i].b));
  }
}

TEST(Dedup, EmptyAndTinyTexts) {
  StoryIndex index;
  EXPECT_EQ(index.Add(""), 0u);
  EXPECT_EQ(index.Add("  ... --- !!! "), 1u);
  EXPECT_EQ(index.Add("word"), 2u);
  EXPECT_EQ(index.Add("Word."), 3u);
  EXPECT_EQ(index.Add("two words"), 4u);
  EXPECT_EQ(index.Add("two words and more"), 5u);
  EXPECT_EQ(index.size(), 6u);
  EXPECT_EQ(index.ShingleCount(0), 0u);
  EXPECT_EQ(index.ShingleCount(1), 0u);
  EXPECT_EQ(index.ShingleCount(2), 1u);
  EXPECT_EQ(index.ShingleCount(5), 1u);  // fewer than 5 words: one shingle of them all
  EXPECT_THROW(index.ShingleCount(6), std::out_of_range);
  const StoryClusters r = index.Cluster();
  // Texts without words share nothing, not even their emptiness; a prefix of a short text is a
  // different shingle.
  EXPECT_EQ(r.clusters, (std::vector<std::vector<std::size_t>>{{2, 3}}));
  EXPECT_EQ(index.ClusterExact().pairs, r.pairs);
  EXPECT_TRUE(StoryIndex().Cluster().clusters.empty());
}

TEST(Dedup, AnyBytesAreSafe) {
  std::mt19937 rng(99);
  StoryIndex index;
  for (int i = 0; i < 50; ++i) {
    std::string junk(1000 + rng() % 5000, '\0');
    for (char& c : junk) c = static_cast<char>(rng());
    index.Add(junk);
  }
  // Truncated, overlong, surrogate and out-of-range sequences separate words.
  index.Add(
      "ab\xff"
      "cd \xe2\x82 ef\xc0\xafgh \xed\xa0\x80ij \xf4\x90\x80\x80kl");
  EXPECT_EQ(WordCount("ab\xff"
                      "cd \xe2\x82 ef\xc0\xafgh \xed\xa0\x80ij \xf4\x90\x80\x80kl"),
            6u);
  EXPECT_EQ(WordCount(std::string("a\0b", 3)), 2u);
  const StoryClusters r = index.Cluster();
  EXPECT_EQ(index.ClusterExact().pairs, r.pairs);
}

TEST(Dedup, HugeTexts) {
  std::mt19937 rng(5);
  const std::vector<std::string> words = RandomWords(rng, 200000);
  std::string big = Join(words, 0, words.size());
  StoryIndex index;
  const auto start = std::chrono::steady_clock::now();
  index.Add(big);
  big.replace(big.size() / 2, 3, "zzz");
  index.Add(big);
  index.Add(std::string(1 << 20, 'a'));  // one 1 MB word
  const StoryClusters r = index.Cluster();
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 10.0);
  EXPECT_EQ(index.ShingleCount(2), 1u);
  ASSERT_EQ(r.pairs.size(), 1u);
  EXPECT_GT(r.pairs[0].jaccard, 0.999);
  EXPECT_EQ(index.ClusterExact().pairs, r.pairs);
}

TEST(Dedup, UnicodeWords) {
  EXPECT_EQ(WordCount("Über naïve café"), 3u);
  EXPECT_EQ(WordCount("a\u2014b\u00a0c\u201cd\u201d"), 4u);  // em dash, no-break space, quotes
  EXPECT_EQ(WordCount("\u0939\u093f\u0928\u094d\u0926\u0940"), 1u);  // हिन्दी: marks join
  EXPECT_EQ(WordCount("\u5317\u4eac\u5929\u6c14"), 4u);  // 北京天气: one word per ideograph
  EXPECT_EQ(WordCount("\u0645\u0631\u062d\u0628\u0627 \u0628\u0643\u0645"), 2u);  // Arabic
  EXPECT_EQ(WordCount("x\U0001D538y"), 1u);  // 𝔸, a letter outside the BMP

  StoryIndex index;
  index.Add("ΟΔΟΣ ÜBER DIE STRAẞE Москва 2024");
  index.Add("οδος über die straße москва 2024");   // final sigma folds like sigma
  index.Add("οδος uber die strasse москва 2024");  // accents and ß are not dropped
  const StoryClusters r = index.Cluster();
  ASSERT_EQ(r.pairs.size(), 1u);
  EXPECT_EQ(r.pairs[0].a, 0u);
  EXPECT_EQ(r.pairs[0].b, 1u);

  StoryIndex cjk;
  cjk.Add("俄罗斯总统普京表示愿与中国共同推动多极化");
  cjk.Add("普京表示愿与中国共同推动多极化和国际秩序");
  EXPECT_EQ(cjk.ShingleCount(0), 20u - 4u);
  EXPECT_EQ(cjk.Cluster().pairs.size(), 1u);  // 11 of their 5-character shingles are shared
}

// What a result says, for comparing two of them: clusters, pairs (with their overlaps), counts.
std::tuple<std::vector<std::vector<std::size_t>>, std::vector<SimilarPair>, std::uint64_t,
           std::size_t>
Comparable(const StoryClusters& r) {
  return {r.clusters, r.pairs, r.kept_pairs, r.candidates};
}

TEST(Dedup, DeterministicAndIncremental) {
  std::vector<std::string> texts;
  for (const char* name : kSeeds) texts.push_back(ReadSeed(name).body);
  std::mt19937 rng(3);
  for (int i = 0; i < 200; ++i) {
    const auto words = RandomWords(rng, 50 + rng() % 100);
    texts.push_back(Join(words, 0, words.size()));
    if (i % 4 == 0) texts.push_back(Join(words, 5, words.size()));
  }
  // Two indexes built separately give the same result.
  StoryIndex a, b;
  for (const std::string& t : texts) a.Add(t);
  for (const std::string& t : texts) b.Add(t);
  const StoryClusters ra = a.Cluster();
  EXPECT_EQ(Comparable(ra), Comparable(b.Cluster()));
  // Incremental: an index of the first half, then the rest added, clusters the first half as an
  // index of the first half alone does, and the whole as `a` does.
  const std::size_t half = texts.size() / 2;
  StoryIndex growing, first_half;
  for (std::size_t i = 0; i < half; ++i) growing.Add(texts[i]), first_half.Add(texts[i]);
  const StoryClusters early = growing.Cluster();
  EXPECT_EQ(Comparable(early), Comparable(first_half.Cluster()));
  EXPECT_FALSE(early.clusters.empty());
  for (std::size_t i = half; i < texts.size(); ++i) growing.Add(texts[i]);
  EXPECT_EQ(Comparable(growing.Cluster()), Comparable(ra));
  EXPECT_GT(ra.clusters.size(), early.clusters.size());
  // Another seed gives other candidates but (exact verification) the same pairs here.
  DedupOptions other;
  other.seed = 12345;
  StoryIndex c(other);
  for (const std::string& t : texts) c.Add(t);
  EXPECT_EQ(c.Cluster().pairs, a.Cluster().pairs);
  EXPECT_GE(a.Cluster().clusters.size(), 50u);
}

TEST(Dedup, MemoryGrowsWithTheText) {
  std::mt19937 rng(11);
  StoryIndex index;
  const std::size_t empty = index.MemoryBytes();
  std::size_t shingles = 0;
  for (int i = 0; i < 2000; ++i) {
    const auto words = RandomWords(rng, 100);
    index.Add(Join(words, 0, words.size()));
    shingles += index.ShingleCount(i);
  }
  const std::size_t per_article = (index.MemoryBytes() - empty) / index.size();
  const std::size_t floor = shingles * 8 / index.size() + index.options().bands * 4;
  EXPECT_GE(per_article, floor);
  EXPECT_LE(per_article, 2 * floor + 64);  // vector growth leaves at most half unused
}

TEST(Dedup, OptionsAreChecked) {
  DedupOptions o;
  o.bands = 0;
  EXPECT_THROW(StoryIndex{o}, std::invalid_argument);
  o = {};
  o.bands = 1000;
  o.rows = 5;
  EXPECT_THROW(StoryIndex{o}, std::invalid_argument);
  o = {};
  o.shingle_words = 0;
  EXPECT_THROW(StoryIndex{o}, std::invalid_argument);
  o = {};
  o.min_jaccard = 0;
  EXPECT_THROW(StoryIndex{o}, std::invalid_argument);
  o = {};
  o.min_containment = 0;
  EXPECT_THROW(StoryIndex{o}, std::invalid_argument);
  o = {};
  o.min_containment = 1.5;
  EXPECT_THROW(StoryIndex{o}, std::invalid_argument);
  o = {};
  o.containment_min_jaccard = 0;  // allowed: containment alone then decides
  EXPECT_NO_THROW(StoryIndex{o});
  o = {};
  o.shingle_words = 3;
  o.bands = 20;
  o.rows = 5;
  StoryIndex three(o);
  three.Add("one two three four");
  EXPECT_EQ(three.ShingleCount(0), 2u);
}

// SketchStory and VerifyPair are what StoryIndex does to one text and to one candidate pair, for
// pipelines that sketch on many machines (wasm/python/): the same sets, the same figures.
TEST(Dedup, SketchAndVerifyAreTheIndexsOwnSteps) {
  StoryIndex index;
  std::vector<StorySketch> sketches;
  for (const char* name : kSeeds) {
    const Article a = ReadSeed(name);
    index.Add(a.body);
    sketches.push_back(SketchStory(a.body));
  }
  const DedupOptions o;
  for (std::size_t i = 0; i < sketches.size(); ++i) {
    const StorySketch& s = sketches[i];
    EXPECT_EQ(s.shingles.size(), index.ShingleCount(i));
    EXPECT_TRUE(std::is_sorted(s.shingles.begin(), s.shingles.end()));
    EXPECT_EQ(std::adjacent_find(s.shingles.begin(), s.shingles.end()), s.shingles.end());
    EXPECT_EQ(s.minhash.size(), o.bands * o.rows);
    EXPECT_EQ(s.band_keys.size(), o.bands);
  }
  const StoryClusters r = index.Cluster();
  ASSERT_EQ(r.pairs.size(), 1u);
  const PairCheck c = VerifyPair(sketches[0].shingles, sketches[1].shingles);
  EXPECT_TRUE(c.kept);
  EXPECT_EQ(c.overlap, r.pairs[0].overlap);
  EXPECT_EQ(c.jaccard, r.pairs[0].jaccard);
  EXPECT_EQ(c.containment, r.pairs[0].containment);
  // Pairs the index does not keep are not kept here either, and still get their figures.
  for (std::size_t i = 2; i < sketches.size(); ++i) {
    const PairCheck other = VerifyPair(sketches[0].shingles, sketches[i].shingles);
    EXPECT_FALSE(other.kept) << i;
    EXPECT_LT(other.jaccard, 0.2) << i;
  }

  // The same text, the same sketch; a changed word moves the fingerprint and a few band keys.
  std::mt19937 rng(7);
  std::vector<std::string> words = RandomWords(rng, 400);
  const StorySketch a = SketchStory(Join(words, 0, words.size()));
  const StorySketch same = SketchStory(Join(words, 0, words.size()));
  EXPECT_EQ(a.fingerprint, same.fingerprint);
  EXPECT_EQ(a.band_keys, same.band_keys);
  EXPECT_EQ(a.minhash, same.minhash);
  words[200] = "changed";
  const StorySketch b = SketchStory(Join(words, 0, words.size()));
  EXPECT_NE(a.fingerprint, b.fingerprint);
  std::size_t agree = 0;
  for (std::size_t k = 0; k < o.bands; ++k) agree += a.band_keys[k] == b.band_keys[k];
  EXPECT_GT(agree, o.bands * 3 / 4);
  EXPECT_LT(agree, o.bands);

  // A text without words: no shingles, no MinHash, zero keys (as the index stores them).
  const StorySketch empty = SketchStory(" ... ");
  EXPECT_TRUE(empty.shingles.empty());
  EXPECT_TRUE(empty.minhash.empty());
  EXPECT_EQ(empty.band_keys, std::vector<std::uint32_t>(o.bands, 0));
  EXPECT_FALSE(VerifyPair(empty.shingles, a.shingles).kept);
  DedupOptions bad;
  bad.bands = 0;
  EXPECT_THROW(SketchStory("text", bad), std::invalid_argument);
}

}  // namespace
}  // namespace lectern
