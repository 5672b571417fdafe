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

PairCheck CheckOverlap(std::size_t na, std::size_t nb, std::size_t overlap,
                       const DedupOptions& options) {
  PairCheck c;
  c.overlap = overlap;
  if (overlap == 0) return c;
  const std::size_t small = std::min(na, nb);
  c.jaccard = static_cast<double>(overlap) / static_cast<double>(na + nb - overlap);
  c.containment = static_cast<double>(overlap) / static_cast<double>(small);
  c.kept = c.jaccard >= options.min_jaccard || (c.containment >= options.min_containment &&
                                                c.jaccard >= options.containment_min_jaccard &&
                                                small >= options.containment_min_shingles);
  return c;
}

std::vector<SimilarPair> VerifyCandidates(const SetView& sets, const IdenticalGroups& groups,
                                          const std::vector<Candidate>& candidates,
                                          const DedupOptions& options) {
  std::vector<SimilarPair> kept;
  for (const Candidate c : candidates) {
    const std::size_t u = groups.reps[c >> 32], v = groups.reps[c & 0xffffffffu];
    const std::size_t nu = sets.Size(u), nv = sets.Size(v);
    // Most chance agreements between a short and a long text end here without a merge.
    if (!SizesAllowKeep(nu, nv, options)) continue;
    const PairCheck check =
        CheckOverlap(nu, nv, SortedOverlap(sets.Begin(u), nu, sets.Begin(v), nv), options);
    if (check.kept) {
      kept.push_back(
          {std::min(u, v), std::max(u, v), check.jaccard, check.containment, check.overlap});
    }
  }
  return kept;
}

}  // namespace lectern::dedup

namespace lectern {

// The same steps as VerifyCandidates, without the shortcut on sizes: callers get the figures of
// any pair they ask about, kept or not.
PairCheck VerifyPair(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b,
                     const DedupOptions& options) {
  const std::size_t overlap = dedup::SortedOverlap(a.data(), a.size(), b.data(), b.size());
  return dedup::CheckOverlap(a.size(), b.size(), overlap, options);
}

}  // namespace lectern
