// StoryIndex: per-article shingle sets and LSH keys, kept in flat arrays so that memory grows by
// the shingles themselves plus a fixed amount per article, with no allocation per article.
#include <algorithm>
#include <stdexcept>

#include "dedup_internal.h"
#include "dedup_shingles.h"
#include "dedup_sketch.h"
#include "lectern/dedup.h"

namespace lectern {

namespace {

constexpr std::size_t kMaxSketch = 4096;

bool InUnitRange(double x) { return x >= 0 && x <= 1; }  // false for NaN too

}  // namespace

StoryIndex::StoryIndex(const DedupOptions& options) : options_(options), offsets_{0} {
  const DedupOptions& o = options_;
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

std::size_t StoryIndex::Add(std::string_view text) {
  thread_local std::vector<std::uint64_t> set;
  set.clear();
  dedup::AppendShingles(text, options_.shingle_words, options_.seed, &set);
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  if (set.capacity() > (std::size_t{1} << 20)) set.shrink_to_fit();  // after a giant text

  const std::size_t index = size();
  shingles_.insert(shingles_.end(), set.begin(), set.end());
  offsets_.push_back(shingles_.size());
  std::uint64_t fingerprint = dedup::Mix64(options_.seed ^ set.size());
  for (const std::uint64_t s : set) fingerprint = dedup::Mix64(fingerprint ^ s);
  fingerprints_.push_back(fingerprint);
  band_keys_.resize(band_keys_.size() + options_.bands, 0);
  if (!set.empty()) {
    dedup::SketchBandKeys(set.data(), set.size(), options_.bands, options_.rows, options_.seed,
                          band_keys_.data() + index * options_.bands);
  }
  return index;
}

std::size_t StoryIndex::ShingleCount(std::size_t index) const {
  if (index >= size()) throw std::out_of_range("no article " + std::to_string(index));
  return offsets_[index + 1] - offsets_[index];
}

std::size_t StoryIndex::MemoryBytes() const {
  return sizeof(*this) + shingles_.capacity() * sizeof(std::uint64_t) +
         offsets_.capacity() * sizeof(std::size_t) + band_keys_.capacity() * sizeof(std::uint32_t) +
         fingerprints_.capacity() * sizeof(std::uint64_t);
}

StoryClusters StoryIndex::Cluster() const {
  const dedup::SetView sets{shingles_.data(), offsets_.data(), size()};
  const dedup::IdenticalGroups groups = dedup::GroupIdentical(sets, fingerprints_);
  const std::vector<dedup::Candidate> candidates =
      dedup::LshCandidates(groups, band_keys_, options_.bands);
  const std::vector<SimilarPair> kept = dedup::VerifyCandidates(sets, groups, candidates, options_);
  return dedup::AssembleClusters(size(), sets, groups, kept, candidates.size(), options_.max_pairs);
}

StoryClusters StoryIndex::ClusterExact() const {
  const dedup::SetView sets{shingles_.data(), offsets_.data(), size()};
  const dedup::IdenticalGroups groups = dedup::GroupIdentical(sets, fingerprints_);
  const std::vector<dedup::Candidate> candidates =
      dedup::PrefixFilterCandidates(sets, groups, dedup::MinKeptJaccard(options_));
  const std::vector<SimilarPair> kept = dedup::VerifyCandidates(sets, groups, candidates, options_);
  return dedup::AssembleClusters(size(), sets, groups, kept, candidates.size(), options_.max_pairs);
}

}  // namespace lectern
