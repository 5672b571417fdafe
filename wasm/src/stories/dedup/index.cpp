// StoryIndex: per-article shingle sets and LSH keys, kept in flat arrays so that memory grows by
// the shingles themselves plus a fixed amount per article, with no allocation per article.
#include <algorithm>
#include <stdexcept>

#include "internal.h"
#include "lectern/dedup.h"
#include "shingles.h"
#include "sketch.h"

namespace lectern {

namespace {

constexpr std::size_t kMaxSketch = 4096;

bool InUnitRange(double x) { return x >= 0 && x <= 1; }  // false for NaN too

// Chunk sizes: small at first so that a handful of articles costs little, then 1 MB of shingles
// (or 2,048 articles' keys) per chunk, which wastes at most the tail of each chunk.
constexpr std::size_t kFirstShingleChunk = 4096;
constexpr std::size_t kMaxShingleChunk = std::size_t{1} << 17;
constexpr std::size_t kKeyChunkArticles = 2048;

// Flat per-article pointers into the chunks for the clustering steps (8 bytes per article, for the
// call only).
dedup::SetView View(const std::vector<std::vector<std::uint64_t>>& chunks,
                    const std::vector<std::uint64_t>& locations,
                    const std::vector<std::uint32_t>& sizes,
                    std::vector<const std::uint64_t*>& begins) {
  begins.resize(sizes.size());
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    begins[i] = chunks[locations[i] >> 32].data() + (locations[i] & 0xffffffffu);
  }
  return {begins.data(), sizes.data(), sizes.size()};
}

// Refuses options StoryIndex and SketchStory cannot work with (see the StoryIndex constructor).
void CheckOptions(const DedupOptions& o) {
  if (o.shingle_words == 0) throw std::invalid_argument("shingle_words must be at least 1");
  if (o.bands == 0 || o.rows == 0) throw std::invalid_argument("bands and rows must be at least 1");
  if (o.bands > kMaxSketch || o.rows > kMaxSketch / o.bands) {
    throw std::invalid_argument("bands * rows must be at most 4096");
  }
  // Zero thresholds would keep pairs that share nothing, which no candidate search can list.
  if (!InUnitRange(o.min_jaccard) || o.min_jaccard == 0 || !InUnitRange(o.min_containment) ||
      o.min_containment == 0 || !InUnitRange(o.containment_min_jaccard)) {
    throw std::invalid_argument(
        "min_jaccard and min_containment must be in (0, 1], containment_min_jaccard in [0, 1]");
  }
}

}  // namespace

namespace dedup {

void ShingleSet(std::string_view text, const DedupOptions& options,
                std::vector<std::uint64_t>* set) {
  set->clear();
  AppendShingles(text, options.shingle_words, options.seed, set);
  std::sort(set->begin(), set->end());
  set->erase(std::unique(set->begin(), set->end()), set->end());
  // Past 4 billion shingles (a text of 30 GB and more) the rest of the text is not compared.
  if (set->size() > UINT32_MAX) set->resize(UINT32_MAX);
}

std::uint64_t SetFingerprint(const std::uint64_t* set, std::size_t count, std::uint64_t seed) {
  std::uint64_t fingerprint = Mix64(seed ^ count);
  for (std::size_t i = 0; i < count; ++i) fingerprint = Mix64(fingerprint ^ set[i]);
  return fingerprint;
}

}  // namespace dedup

StoryIndex::StoryIndex(const DedupOptions& options) : options_(options) { CheckOptions(options_); }

StorySketch SketchStory(std::string_view text, const DedupOptions& options) {
  CheckOptions(options);
  StorySketch sketch;
  dedup::ShingleSet(text, options, &sketch.shingles);
  sketch.fingerprint =
      dedup::SetFingerprint(sketch.shingles.data(), sketch.shingles.size(), options.seed);
  sketch.band_keys.assign(options.bands, 0);
  if (!sketch.shingles.empty()) {
    sketch.minhash.resize(options.bands * options.rows);
    dedup::SketchMinHash(sketch.shingles.data(), sketch.shingles.size(), sketch.minhash.size(),
                         options.seed, sketch.minhash.data());
    dedup::BandKeys(sketch.minhash.data(), options.bands, options.rows, options.seed,
                    sketch.band_keys.data());
  }
  return sketch;
}

std::size_t StoryIndex::Add(std::string_view text) {
  thread_local std::vector<std::uint64_t> set;
  dedup::ShingleSet(text, options_, &set);

  const std::size_t index = size();
  // A set is stored whole in one chunk; one that does not fit in the last chunk starts a new one,
  // sized to hold it.
  if (shingle_chunks_.empty() ||
      shingle_chunks_.back().capacity() - shingle_chunks_.back().size() < set.size()) {
    std::size_t capacity = kFirstShingleChunk;
    if (!shingle_chunks_.empty()) {
      capacity = std::min(kMaxShingleChunk, 2 * shingle_chunks_.back().capacity());
    }
    shingle_chunks_.emplace_back();
    shingle_chunks_.back().reserve(std::max(capacity, set.size()));
  }
  std::vector<std::uint64_t>& chunk = shingle_chunks_.back();
  locations_.push_back(std::uint64_t{shingle_chunks_.size() - 1} << 32 | chunk.size());
  chunk.insert(chunk.end(), set.begin(), set.end());
  sizes_.push_back(static_cast<std::uint32_t>(set.size()));

  fingerprints_.push_back(dedup::SetFingerprint(set.data(), set.size(), options_.seed));

  // A key chunk grows as vectors do (doubling), but only up to 2,048 articles' keys.
  if (index % kKeyChunkArticles == 0) key_chunks_.emplace_back();
  std::vector<std::uint32_t>& keys = key_chunks_.back();
  keys.resize(keys.size() + options_.bands, 0);
  if (!set.empty()) {
    dedup::SketchBandKeys(set.data(), set.size(), options_.bands, options_.rows, options_.seed,
                          keys.data() + keys.size() - options_.bands);
  }
  if (set.capacity() > (std::size_t{1} << 20)) {  // after a giant text
    set.clear();
    set.shrink_to_fit();
  }
  return index;
}

std::size_t StoryIndex::ShingleCount(std::size_t index) const {
  if (index >= size()) throw std::out_of_range("no article " + std::to_string(index));
  return sizes_[index];
}

std::size_t StoryIndex::MemoryBytes() const {
  std::size_t bytes = sizeof(*this) + locations_.capacity() * sizeof(std::uint64_t) +
                      sizes_.capacity() * sizeof(std::uint32_t) +
                      fingerprints_.capacity() * sizeof(std::uint64_t) +
                      shingle_chunks_.capacity() * sizeof(shingle_chunks_[0]) +
                      key_chunks_.capacity() * sizeof(key_chunks_[0]);
  for (const auto& c : shingle_chunks_) bytes += c.capacity() * sizeof(std::uint64_t);
  for (const auto& c : key_chunks_) bytes += c.capacity() * sizeof(std::uint32_t);
  return bytes;
}

StoryClusters StoryIndex::Cluster(std::uint64_t max_pairs) const {
  std::vector<const std::uint64_t*> begins;
  const dedup::SetView sets = View(shingle_chunks_, locations_, sizes_, begins);
  std::vector<const std::uint32_t*> keys(size());
  for (std::size_t i = 0; i < size(); ++i) {
    keys[i] = key_chunks_[i / kKeyChunkArticles].data() + (i % kKeyChunkArticles) * options_.bands;
  }
  const dedup::IdenticalGroups groups = dedup::GroupIdentical(sets, fingerprints_);
  const std::vector<dedup::Candidate> candidates =
      dedup::LshCandidates(groups, keys.data(), options_.bands);
  const std::vector<SimilarPair> kept = dedup::VerifyCandidates(sets, groups, candidates, options_);
  return dedup::AssembleClusters(size(), sets, groups, kept, candidates.size(), max_pairs);
}

StoryClusters StoryIndex::ClusterExact(std::uint64_t max_pairs) const {
  std::vector<const std::uint64_t*> begins;
  const dedup::SetView sets = View(shingle_chunks_, locations_, sizes_, begins);
  const dedup::IdenticalGroups groups = dedup::GroupIdentical(sets, fingerprints_);
  const std::vector<dedup::Candidate> candidates =
      dedup::PrefixFilterCandidates(sets, groups, dedup::MinKeptJaccard(options_));
  const std::vector<SimilarPair> kept = dedup::VerifyCandidates(sets, groups, candidates, options_);
  return dedup::AssembleClusters(size(), sets, groups, kept, candidates.size(), max_pairs);
}

}  // namespace lectern
