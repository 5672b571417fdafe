// Banded LSH over the sketches of the groups' reps. Each band is bucketed with a small open-
// addressing table (reused across bands, so it stays in cache) instead of sorting band keys.
//
// A bucket lists every pair of its members only while it is small. Copies of one story that are
// nearly but not exactly identical (a syndicated story with a different dateline in each copy)
// agree on most bands, so one bucket per band holds all n of them, and listing its pairs would
// cost n^2 / 2 candidates to verify in every band. In a bucket of more than kFullBucket groups, the
// first kFullBucket (in Add order) still pair with each other, and every later one pairs only with
// the first kLeads: a star around the earliest versions, which joins the copies into one cluster
// just as well, with candidates linear in n.
#include <algorithm>
#include <limits>

#include "internal.h"

namespace lectern::dedup {

std::vector<Candidate> LshCandidates(const IdenticalGroups& groups,
                                     const std::uint32_t* const* keys, std::size_t bands) {
  const std::size_t m = groups.reps.size();
  std::vector<Candidate> out;
  if (m < 2) return out;
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  std::size_t capacity = 16;
  while (capacity < 2 * m) capacity <<= 1;
  const std::size_t mask = capacity - 1;
  std::vector<std::uint32_t> slot_key(capacity), slot_head(capacity, kNone), next(m);
  std::vector<std::uint32_t> used;    // occupied slots of this band
  std::vector<std::uint32_t> bucket;  // one bucket's members, ascending
  used.reserve(m);
  std::size_t compact_at = 4 * m + (std::size_t{1} << 20);
  for (std::size_t b = 0; b < bands; ++b) {
    for (std::size_t p = 0; p < m; ++p) {
      const std::uint32_t key = keys[groups.reps[p]][b];
      // The key is already a hash; a multiply spreads its low bits over the table.
      std::size_t s = static_cast<std::size_t>((key * 0x9e3779b97f4a7c15ULL) >> 32) & mask;
      while (slot_head[s] != kNone && slot_key[s] != key) s = (s + 1) & mask;
      if (slot_head[s] == kNone) {
        slot_key[s] = key;
        used.push_back(static_cast<std::uint32_t>(s));
      }
      next[p] = slot_head[s];
      slot_head[s] = static_cast<std::uint32_t>(p);
    }
    for (std::uint32_t s : used) {
      if (next[slot_head[s]] != kNone) {
        bucket.clear();
        for (std::uint32_t p = slot_head[s]; p != kNone; p = next[p]) bucket.push_back(p);
        std::reverse(bucket.begin(), bucket.end());  // chains run from the last added
        const std::size_t full = std::min(bucket.size(), kFullBucket);
        for (std::size_t i = 0; i < full; ++i) {
          for (std::size_t j = i + 1; j < full; ++j) {
            out.push_back(MakeCandidate(bucket[i], bucket[j]));
          }
        }
        for (std::size_t j = full; j < bucket.size(); ++j) {
          for (std::size_t i = 0; i < kLeads; ++i) {
            out.push_back(MakeCandidate(bucket[i], bucket[j]));
          }
        }
      }
      slot_head[s] = kNone;
    }
    used.clear();
    // Near-duplicates agree on many bands; dropping repeats as they pile up keeps memory near the
    // number of distinct candidates.
    if (out.size() > compact_at) {
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
      compact_at = std::max(compact_at, 2 * out.size());
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace lectern::dedup
