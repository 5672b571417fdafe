// The steps behind StoryIndex::Cluster and ClusterExact. Internal to the core.
#ifndef LECTERN_DEDUP_INTERNAL_H_
#define LECTERN_DEDUP_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "lectern/dedup.h"

namespace lectern::dedup {

/// Read-only view of a StoryIndex's shingle sets.
struct SetView {
  const std::uint64_t* const* begins = nullptr;  // n entries
  const std::uint32_t* sizes = nullptr;          // n entries
  std::size_t n = 0;
  const std::uint64_t* Begin(std::size_t i) const { return begins[i]; }
  std::size_t Size(std::size_t i) const { return sizes[i]; }
};

/// Articles with identical non-empty shingle sets, which only need comparing once.
struct IdenticalGroups {
  /// The first article of each group, ascending: the ones that get compared.
  std::vector<std::size_t> reps;
  /// Members of group g: members[starts[g], starts[g + 1]), ascending, reps[g] first.
  std::vector<std::size_t> members;
  std::vector<std::size_t> starts;
};

/// Groups the articles with non-empty sets by identical set (exactly: equal fingerprints are
/// compared element by element). Articles without shingles belong to no group.
IdenticalGroups GroupIdentical(const SetView& sets, const std::vector<std::uint64_t>& fingerprints);

/// A candidate pair of group indices (positions in IdenticalGroups::reps), first < second.
using Candidate = std::uint64_t;
inline Candidate MakeCandidate(std::uint32_t p, std::uint32_t q) {
  return p < q ? (std::uint64_t{p} << 32 | q) : (std::uint64_t{q} << 32 | p);
}

/// LSH buckets of at most this many groups list all their pairs; in a larger one the first
/// kFullBucket pair with each other and each later group pairs with the first kLeads only.
constexpr std::size_t kFullBucket = kLshFullBucket;
constexpr std::size_t kLeads = kLshLeads;
static_assert(kLeads <= kFullBucket, "the leads are among the first members of a bucket");

/// Distinct candidate pairs of groups whose reps agree on some LSH band key, sorted (bounded in
/// large buckets as kFullBucket says). `keys[i]` points to article i's `bands` keys.
std::vector<Candidate> LshCandidates(const IdenticalGroups& groups,
                                     const std::uint32_t* const* keys, std::size_t bands);

/// Distinct pairs of groups that share a token of their prefix filters for Jaccard `t`: every pair
/// with Jaccard >= t is among them. Sorted.
std::vector<Candidate> PrefixFilterCandidates(const SetView& sets, const IdenticalGroups& groups,
                                              double t);

/// The least Jaccard similarity any kept pair has under `options`.
double MinKeptJaccard(const DedupOptions& options);

/// |A ∩ B| of two ascending arrays of distinct values.
std::size_t SortedOverlap(const std::uint64_t* a, std::size_t na, const std::uint64_t* b,
                          std::size_t nb);

/// The sorted distinct shingle hashes of `text` (as StoryIndex::Add stores them) into `set`.
void ShingleSet(std::string_view text, const DedupOptions& options,
                std::vector<std::uint64_t>* set);

/// The fingerprint of a sorted shingle set (StorySketch::fingerprint).
std::uint64_t SetFingerprint(const std::uint64_t* set, std::size_t count, std::uint64_t seed);

/// Whether a pair of sets of these sizes can be kept at all: Jaccard is at most small / large.
inline bool SizesAllowKeep(std::size_t na, std::size_t nb, const DedupOptions& options) {
  const std::size_t small = na < nb ? na : nb, large = na < nb ? nb : na;
  return !(static_cast<double>(small) < MinKeptJaccard(options) * static_cast<double>(large));
}

/// The figures of two sets with `overlap` shared shingles, and the keep rule.
PairCheck CheckOverlap(std::size_t na, std::size_t nb, std::size_t overlap,
                       const DedupOptions& options);

/// Checks candidate pairs exactly; returns the kept ones as pairs of reps (article indices).
std::vector<SimilarPair> VerifyCandidates(const SetView& sets, const IdenticalGroups& groups,
                                          const std::vector<Candidate>& candidates,
                                          const DedupOptions& options);

/// Expands kept pairs of reps to every member of their groups, adds the pairs within each group,
/// and forms the clusters; lists the pairs as StoryClusters::pairs says.
StoryClusters AssembleClusters(std::size_t n, const SetView& sets, const IdenticalGroups& groups,
                               const std::vector<SimilarPair>& kept_reps, std::size_t candidates,
                               std::uint64_t max_pairs);

}  // namespace lectern::dedup

#endif  // LECTERN_DEDUP_INTERNAL_H_
