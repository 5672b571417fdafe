// Exact verification of candidate pairs on their sorted shingle sets, and the keep rule.
#include <algorithm>

#include "internal.h"

namespace lectern::dedup {

double MinKeptJaccard(const DedupOptions& options) {
  return std::min(options.min_jaccard, options.containment_min_jaccard);
}

std::size_t SortedOverlap(const std::uint64_t* a, std::size_t na, const std::uint64_t* b,
                          std::size_t nb) {
  std::size_t i = 0, j = 0, overlap = 0;
  while (i < na && j < nb) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++overlap, ++i, ++j;
    }
  }
  return overlap;
}

std::vector<SimilarPair> VerifyCandidates(const SetView& sets, const IdenticalGroups& groups,
                                          const std::vector<Candidate>& candidates,
                                          const DedupOptions& options) {
  const double min_kept = MinKeptJaccard(options);
  std::vector<SimilarPair> kept;
  for (const Candidate c : candidates) {
    const std::size_t u = groups.reps[c >> 32], v = groups.reps[c & 0xffffffffu];
    const std::size_t nu = sets.Size(u), nv = sets.Size(v);
    const std::size_t small = std::min(nu, nv), large = std::max(nu, nv);
    // Jaccard is at most small / large: most chance agreements between a short and a long text
    // end here without a merge.
    if (static_cast<double>(small) < min_kept * static_cast<double>(large)) continue;
    const std::size_t overlap = SortedOverlap(sets.Begin(u), nu, sets.Begin(v), nv);
    if (overlap == 0) continue;
    const double jaccard = static_cast<double>(overlap) / static_cast<double>(nu + nv - overlap);
    const double containment = static_cast<double>(overlap) / static_cast<double>(small);
    const bool keep =
        jaccard >= options.min_jaccard ||
        (containment >= options.min_containment && jaccard >= options.containment_min_jaccard &&
         small >= options.containment_min_shingles);
    if (keep) kept.push_back({std::min(u, v), std::max(u, v), jaccard, containment, overlap});
  }
  return kept;
}

}  // namespace lectern::dedup
