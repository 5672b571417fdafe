// Exact all-pairs candidates by prefix filtering (Chaudhuri et al. 2006; Bayardo et al.'s
// All-Pairs): with shingles ordered rarest first, two sets with Jaccard >= t share a shingle among
// the first |x| - ceil(t * |x|) + 1 of each, because their overlap is at least t * max(|x|, |y|).
// Rare-first order keeps the inverted lists of those prefixes short.
#include <algorithm>
#include <cmath>

#include "internal.h"

namespace lectern::dedup {

std::vector<Candidate> PrefixFilterCandidates(const SetView& sets, const IdenticalGroups& groups,
                                              double t) {
  const std::size_t m = groups.reps.size();
  // Rank every distinct shingle by (document frequency, hash).
  std::vector<std::uint64_t> all;
  for (std::size_t g = 0; g < m; ++g) {
    const std::size_t r = groups.reps[g];
    all.insert(all.end(), sets.Begin(r), sets.Begin(r) + sets.Size(r));
  }
  std::sort(all.begin(), all.end());
  std::vector<std::uint64_t> distinct;
  std::vector<std::uint32_t> frequency;
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i + 1;
    while (j < all.size() && all[j] == all[i]) ++j;
    distinct.push_back(all[i]);
    frequency.push_back(static_cast<std::uint32_t>(j - i));
    i = j;
  }
  std::vector<std::uint32_t> by_rank(distinct.size());
  for (std::size_t i = 0; i < by_rank.size(); ++i) by_rank[i] = static_cast<std::uint32_t>(i);
  std::sort(by_rank.begin(), by_rank.end(), [&](std::uint32_t x, std::uint32_t y) {
    return frequency[x] != frequency[y] ? frequency[x] < frequency[y] : x < y;
  });
  std::vector<std::uint32_t> rank(distinct.size());
  for (std::size_t r = 0; r < by_rank.size(); ++r) rank[by_rank[r]] = static_cast<std::uint32_t>(r);
  std::vector<std::uint64_t>().swap(all);

  // Prefix tokens of every group, and the inverted lists over them, both as flat arrays (one
  // vector per distinct shingle would cost more than the index itself).
  std::vector<std::uint32_t> prefix_tokens;
  std::vector<std::size_t> prefix_start(m + 1, 0);
  std::vector<std::uint32_t> tokens;
  for (std::size_t g = 0; g < m; ++g) {
    const std::size_t r = groups.reps[g], size = sets.Size(r);
    tokens.clear();
    for (std::size_t k = 0; k < size; ++k) {
      const std::uint64_t* at =
          std::lower_bound(distinct.data(), distinct.data() + distinct.size(), sets.Begin(r)[k]);
      tokens.push_back(rank[static_cast<std::size_t>(at - distinct.data())]);
    }
    std::sort(tokens.begin(), tokens.end());
    const auto need = static_cast<std::size_t>(std::ceil(t * static_cast<double>(size) - 1e-9));
    const std::size_t length = std::min(size, size - std::min(size, need) + 1);
    prefix_tokens.insert(prefix_tokens.end(), tokens.begin(),
                         tokens.begin() + static_cast<std::ptrdiff_t>(length));
    prefix_start[g + 1] = prefix_tokens.size();
  }
  std::vector<std::size_t> list_start(distinct.size() + 1, 0);
  for (const std::uint32_t token : prefix_tokens) ++list_start[token + 1];
  for (std::size_t k = 0; k < distinct.size(); ++k) list_start[k + 1] += list_start[k];
  std::vector<std::uint32_t> lists(prefix_tokens.size());
  {
    std::vector<std::size_t> fill(list_start.begin(), list_start.end() - 1);
    for (std::size_t g = 0; g < m; ++g) {
      for (std::size_t k = prefix_start[g]; k < prefix_start[g + 1]; ++k) {
        lists[fill[prefix_tokens[k]]++] = static_cast<std::uint32_t>(g);
      }
    }
  }

  // Lists hold groups in ascending order, so each group only looks past itself.
  std::vector<Candidate> out;
  std::vector<std::uint32_t> seen(m, static_cast<std::uint32_t>(m));
  for (std::size_t g = 0; g < m; ++g) {
    for (std::size_t k = prefix_start[g]; k < prefix_start[g + 1]; ++k) {
      const std::uint32_t token = prefix_tokens[k];
      const std::uint32_t* begin = lists.data() + list_start[token];
      const std::uint32_t* end = lists.data() + list_start[token + 1];
      for (const std::uint32_t* h = std::upper_bound(begin, end, static_cast<std::uint32_t>(g));
           h != end; ++h) {
        if (seen[*h] == g) continue;
        seen[*h] = static_cast<std::uint32_t>(g);
        out.push_back(MakeCandidate(static_cast<std::uint32_t>(g), *h));
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace lectern::dedup
