// Lectern core: near-duplicate story clustering.
//
// Articles are reduced to sets of hashed word shingles; candidate pairs come from a one-permutation
// MinHash sketch with banded LSH, and every candidate is verified exactly on the shingle sets, so
// no reported figure is an estimate. Clustering costs time and memory about linear in the number
// of articles, also when thousands of them are near-copies of one story (see Cluster). Depends on
// the C++17 standard library and ICU's character properties.
#ifndef LECTERN_DEDUP_H_
#define LECTERN_DEDUP_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

/// How articles are compared and which pairs count as the same story.
///
/// A pair is kept when jaccard >= min_jaccard, or when containment >= min_containment and
/// jaccard >= containment_min_jaccard and the smaller shingle set has at least
/// containment_min_shingles shingles (so that a short text does not glue stories together through
/// one stock phrase). Containment is |A∩B| / min(|A|, |B|).
///
/// The defaults come from reading Reuters-21578 pairs (bench_dedup --show): with containment >= 0.6
/// and Jaccard 0.2-0.5, sets of 25 shingles and more are mostly one story cut down or rewritten
/// (corrections, shortened wire copies), while smaller ones are mostly templated notices of
/// different companies ("Qtly div 12 cts vs 12 cts prior, pay April 1, record March 15"); below
/// Jaccard 0.2 unrelated items that quote one statement creep in.
struct DedupOptions {
  /// Words per shingle. Texts with fewer words get one shingle of all their words.
  std::size_t shingle_words = 5;
  /// Jaccard similarity at or above which a pair is kept on its own.
  double min_jaccard = 0.5;
  /// Containment at or above which a cut-down version is kept (with the two limits below).
  double min_containment = 0.6;
  /// The least Jaccard similarity a pair kept for its containment must still have.
  double containment_min_jaccard = 0.2;
  /// The least number of shingles the smaller set of a pair kept for its containment must have.
  std::size_t containment_min_shingles = 25;
  /// LSH bands; a pair becomes a candidate when all rows of any one band agree, with probability
  /// 1 - (1 - J^rows)^bands: for 128 x 2, 0.995 at J = 0.2 and 0.99999 at J = 0.3, which the
  /// containment rule needs; three rows would need over 600 bands for the same at J = 0.2.
  std::size_t bands = 128;
  /// Sketch values per band. bands * rows is the sketch size (at most 4096).
  std::size_t rows = 2;
  /// Seed of every hash function, so results are reproducible.
  std::uint64_t seed = 0x6c65637465726e31ULL;
  /// Most pairs listed in StoryClusters::pairs (which says which ones are listed when there are
  /// more); clusters always account for every kept pair found. The page's binding
  /// (StoryClusterer) sets its own, smaller default.
  std::uint64_t max_pairs = 1000000;
};

/// Two articles that carry the same story.
struct SimilarPair {
  std::size_t a = 0;        ///< index of the earlier article (in Add order)
  std::size_t b = 0;        ///< index of the later article; always a < b
  double jaccard = 0;       ///< |A∩B| / |A∪B| of their shingle sets, exact
  double containment = 0;   ///< |A∩B| / min(|A|, |B|), exact
  std::size_t overlap = 0;  ///< |A∩B|
  /// Same articles with the same overlap (and so the same figures).
  bool operator==(const SimilarPair& o) const {
    return a == o.a && b == o.b && overlap == o.overlap;
  }
};

/// The stories of a collection.
struct StoryClusters {
  /// Connected components of the kept pairs found, with two or more members: article indices in
  /// Add order, clusters ordered by their first member.
  std::vector<std::vector<std::size_t>> clusters;
  /// Kept pairs found, sorted by (a, b), at most DedupOptions::max_pairs of them. When all
  /// `kept_pairs` fit, all of them. Otherwise, first each clustered article's best pair (among
  /// those found: the highest containment, then Jaccard, then the earlier other article; in a
  /// group of identical texts that is the pair with the group's first member, or for the first
  /// member the one with the second), so that every member of a cluster has a figure as long as
  /// max_pairs is at least the number of clustered articles (else the best pairs of lowest (a, b));
  /// then, while there is room, the others: those within groups of identical texts (groups by first
  /// member), then the rest (ordered by the first articles of the two texts' groups).
  std::vector<SimilarPair> pairs;
  /// The number of kept pairs found, listed or not (64 bits: a story sent 100,000 times is 5
  /// billion pairs). ClusterExact finds every kept pair; Cluster finds the pairs it verifies, which
  /// in a story of thousands of near-copies is a sample of tens of pairs per member (about 50 in
  /// bench_dedup --near-copies; see Cluster), enough to put them all in one cluster.
  std::uint64_t kept_pairs = 0;
  /// Candidate pairs of distinct shingle sets the search proposed (LSH or the prefix filter), each
  /// then either ruled out by its sizes alone (Jaccard is at most smaller / larger, below the least
  /// the keep rule accepts) or verified exactly. Identical sets are grouped first and cost nothing.
  std::size_t candidates = 0;
};

/// One article's part in clustering, as StoryIndex::Add computes it: for pipelines that sketch
/// articles on many machines and must find the same candidates and figures as StoryIndex::Cluster
/// (the Python module, wasm/python/). Cost: one pass over the text, a sort of its shingles and
/// bands * rows sketch values.
struct StorySketch {
  /// Distinct shingle hashes, ascending; empty for a text without words.
  std::vector<std::uint64_t> shingles;
  /// The densified one-permutation MinHash: bands * rows values; empty when `shingles` is.
  std::vector<std::uint64_t> minhash;
  /// One LSH key per band (each a hash of that band's `rows` MinHash values); all zero when
  /// `shingles` is empty. Articles agreeing on band b's key share that band's bucket.
  std::vector<std::uint32_t> band_keys;
  /// A hash of the whole shingle set: equal sets have equal fingerprints (the converse only
  /// almost always, so sets with equal fingerprints are still compared).
  std::uint64_t fingerprint = 0;
};

/// The sketch of `text` under `options` (shingle_words, bands, rows, seed). Throws
/// std::invalid_argument for the options StoryIndex refuses.
StorySketch SketchStory(std::string_view text, const DedupOptions& options = {});

/// The exact figures of two shingle sets (ascending, distinct, as StorySketch::shingles) and
/// whether the keep rule of `options` keeps the pair, as StoryIndex::Cluster verifies a
/// candidate. `a` and `b` in SimilarPair are left 0. Cost: O(|A| + |B|).
struct PairCheck {
  double jaccard = 0;
  double containment = 0;
  std::size_t overlap = 0;
  bool kept = false;
};
PairCheck VerifyPair(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b,
                     const DedupOptions& options = {});

/// Bounds on LSH buckets in StoryIndex::Cluster: a bucket (the distinct texts agreeing on one
/// band, in Add order) of up to kLshFullBucket gives all its pairs as candidates; in a larger one
/// the first kLshFullBucket pair with each other and every later one only with the first
/// kLshLeads. Public so that a distributed pipeline bounds its buckets the same way.
constexpr std::size_t kLshFullBucket = 64;
constexpr std::size_t kLshLeads = 8;

/// A growing collection of articles to cluster into stories. Add is cheap (one pass over the text
/// plus a sort of its shingles), so a caller can feed articles one by one and show progress.
class StoryIndex {
 public:
  /// Throws std::invalid_argument when options are out of range: zero shingle words, bands or
  /// rows, a sketch larger than 4096 values, min_jaccard or min_containment outside (0, 1] (zero
  /// would keep pairs that share nothing, which no candidate search lists), or
  /// containment_min_jaccard outside [0, 1].
  explicit StoryIndex(const DedupOptions& options = {});

  /// Adds an article's text (UTF-8; invalid bytes separate words) and returns its index. Safe on
  /// any bytes; a text without words has no shingles and is never similar to anything.
  std::size_t Add(std::string_view text);

  /// Number of articles added.
  std::size_t size() const { return sizes_.size(); }

  /// Distinct shingles of article `index`.
  std::size_t ShingleCount(std::size_t index) const;

  /// Bytes of memory held by the index (vector capacities), for per-article cost figures.
  std::size_t MemoryBytes() const;

  /// Clusters with sketch + LSH candidates, each verified exactly, listing at most
  /// options().max_pairs pairs (or `max_pairs`).
  ///
  /// An LSH bucket (articles that agree on one band) of up to 64 distinct texts gives all its
  /// pairs as candidates; in a larger one the first 64 (in Add order) pair with each other and
  /// every later one only with the first 8. So near-copies of one story (the same wire story
  /// with a different dateline in each of 3,000 copies), which share a bucket in most bands, cost
  /// candidates linear in their number instead of quadratic; they still form one cluster, through
  /// their earliest versions, but `pairs` lists a sample of their pairs, not all. Buckets that
  /// large take many texts sharing most of their words (Reuters-21578's largest has 28), so
  /// clusters and, outside such stories, pairs are those of ClusterExact up to the LSH's chance
  /// of missing a pair.
  StoryClusters Cluster() const { return Cluster(options_.max_pairs); }
  StoryClusters Cluster(std::uint64_t max_pairs) const;

  /// Clusters with exact all-pairs similarity (prefix-filtered inverted index): slower, for
  /// evaluation and tests. Finds every pair the keep rule keeps, and so costs time quadratic in
  /// the size of a story with many distinct versions.
  StoryClusters ClusterExact() const { return ClusterExact(options_.max_pairs); }
  StoryClusters ClusterExact(std::uint64_t max_pairs) const;

  /// The options the index was made with.
  const DedupOptions& options() const { return options_; }

 private:
  DedupOptions options_;
  // Sets and keys live in chunks, so memory grows by what is added with no copy of everything so
  // far (WebAssembly memory never shrinks, so one doubling vector would cost three times its size
  // at its peak). A shingle chunk is reserved once and never reallocated; a key chunk grows as a
  // vector does, but only up to 2,048 articles' keys (1 MB at 128 bands), then a new one starts.
  std::vector<std::vector<std::uint64_t>> shingle_chunks_;  // sorted distinct shingle hashes
  std::vector<std::uint64_t> locations_;                    // article i's set: chunk << 32 | offset
  std::vector<std::uint32_t> sizes_;                        // article i's number of shingles
  std::vector<std::vector<std::uint32_t>> key_chunks_;      // `bands` LSH keys per article
  std::vector<std::uint64_t> fingerprints_;                 // a hash of each whole set
};

}  // namespace lectern

#endif  // LECTERN_DEDUP_H_
