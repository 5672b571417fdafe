// From kept pairs of distinct sets to the reported pairs and clusters (union-find).
#include <algorithm>
#include <numeric>

#include "internal.h"

namespace lectern::dedup {
namespace {

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  std::size_t Find(std::size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // The smaller index becomes the root, so a cluster's root is its first member.
  void Union(std::size_t a, std::size_t b) {
    a = Find(a), b = Find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
  }

 private:
  std::vector<std::size_t> parent_;
};

bool ByArticles(const SimilarPair& x, const SimilarPair& y) {
  return x.a != y.a ? x.a < y.a : x.b < y.b;
}

// Whether `x` is a better pair than `y` for the article they share: more containment, then more
// Jaccard, then the earlier other article.
bool Better(const SimilarPair& x, std::size_t x_other, const SimilarPair& y, std::size_t y_other) {
  if (x.containment != y.containment) return x.containment > y.containment;
  if (x.jaccard != y.jaccard) return x.jaccard > y.jaccard;
  return x_other < y_other;
}

// Each article's best kept pair (as StoryClusters::pairs defines it), once per pair, sorted. A
// member of a group of identical sets is best paired within it (Jaccard 1 beats any other set):
// the group's first member with its second, the others with the first. An article alone in its
// group takes its best kept pair of reps; the rep of the other group is that group's first member.
std::vector<SimilarPair> BestPairs(const SetView& sets, const IdenticalGroups& groups,
                                   const std::vector<std::size_t>& group_of,
                                   const std::vector<SimilarPair>& kept_reps) {
  std::vector<SimilarPair> best;
  const auto group_size = [&](std::size_t g) { return groups.starts[g + 1] - groups.starts[g]; };
  for (std::size_t g = 0; g < groups.reps.size(); ++g) {
    if (group_size(g) < 2) continue;
    const std::size_t begin = groups.starts[g], end = groups.starts[g + 1];
    const std::size_t size = sets.Size(groups.reps[g]);
    for (std::size_t k = begin + 1; k < end; ++k) {
      best.push_back({groups.members[begin], groups.members[k], 1.0, 1.0, size});
    }
  }
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> chosen(groups.reps.size(), kNone);  // index into kept_reps, by group
  for (std::size_t k = 0; k < kept_reps.size(); ++k) {
    const SimilarPair& p = kept_reps[k];
    for (const auto& [self, other] : {std::pair{p.a, p.b}, std::pair{p.b, p.a}}) {
      const std::size_t g = group_of[self];
      if (group_size(g) != 1) continue;
      std::size_t& c = chosen[g];
      if (c == kNone) {
        c = k;
        continue;
      }
      const SimilarPair& q = kept_reps[c];
      if (Better(p, other, q, q.a == self ? q.b : q.a)) c = k;
    }
  }
  for (const std::size_t c : chosen) {
    if (c != kNone) best.push_back(kept_reps[c]);
  }
  std::sort(best.begin(), best.end(), ByArticles);
  best.erase(std::unique(best.begin(), best.end()), best.end());
  return best;
}

}  // namespace

StoryClusters AssembleClusters(std::size_t n, const SetView& sets, const IdenticalGroups& groups,
                               const std::vector<SimilarPair>& kept_reps, std::size_t candidates,
                               std::uint64_t max_pairs) {
  StoryClusters result;
  result.candidates = candidates;
  std::vector<std::size_t> group_of(n, 0);
  for (std::size_t g = 0; g < groups.reps.size(); ++g) {
    for (std::size_t k = groups.starts[g]; k < groups.starts[g + 1]; ++k) {
      group_of[groups.members[k]] = g;
    }
  }
  const auto group_size = [&](std::size_t g) {
    return std::uint64_t{groups.starts[g + 1] - groups.starts[g]};
  };
  UnionFind uf(n);
  // Pairs are counted by arithmetic (in 64 bits: a story wired 100,000 times is 5 billion pairs,
  // past a 32-bit size_t) and listed only while there is room, which must cost nothing past it.
  for (std::size_t g = 0; g < groups.reps.size(); ++g) {
    const std::size_t begin = groups.starts[g], end = groups.starts[g + 1];
    for (std::size_t k = begin + 1; k < end; ++k)
      uf.Union(groups.members[begin], groups.members[k]);
    result.kept_pairs += group_size(g) * (group_size(g) - 1) / 2;
  }
  for (const SimilarPair& p : kept_reps) {
    uf.Union(p.a, p.b);
    result.kept_pairs += group_size(group_of[p.a]) * group_size(group_of[p.b]);
  }

  // When not every pair fits, each article's best pair goes first, so that every clustered article
  // still has a figure; the room left takes the others in the order below.
  std::vector<SimilarPair> best;
  if (result.kept_pairs > max_pairs) {
    best = BestPairs(sets, groups, group_of, kept_reps);
    if (best.size() > max_pairs) best.resize(static_cast<std::size_t>(max_pairs));
    result.pairs = best;
  }
  const auto full = [&] { return result.pairs.size() >= max_pairs; };
  const auto emit = [&](std::size_t x, std::size_t y, double jaccard, double containment,
                        std::size_t overlap) {
    const SimilarPair p{std::min(x, y), std::max(x, y), jaccard, containment, overlap};
    if (!std::binary_search(best.begin(), best.end(), p, ByArticles)) result.pairs.push_back(p);
  };
  for (std::size_t g = 0; g < groups.reps.size() && !full(); ++g) {
    const std::size_t begin = groups.starts[g], end = groups.starts[g + 1];
    const std::size_t size = sets.Size(groups.reps[g]);
    for (std::size_t i = begin; i < end && !full(); ++i) {
      for (std::size_t j = i + 1; j < end && !full(); ++j) {
        emit(groups.members[i], groups.members[j], 1.0, 1.0, size);
      }
    }
  }
  for (std::size_t k = 0; k < kept_reps.size() && !full(); ++k) {
    const SimilarPair& p = kept_reps[k];
    const std::size_t ga = group_of[p.a], gb = group_of[p.b];
    for (std::size_t i = groups.starts[ga]; i < groups.starts[ga + 1] && !full(); ++i) {
      for (std::size_t j = groups.starts[gb]; j < groups.starts[gb + 1] && !full(); ++j) {
        emit(groups.members[i], groups.members[j], p.jaccard, p.containment, p.overlap);
      }
    }
  }
  std::sort(result.pairs.begin(), result.pairs.end(), ByArticles);

  // Roots are first members, so numbering clusters as their roots appear orders them by first
  // member, and members are appended in input order.
  std::vector<std::size_t> cluster_of(n, n), size(n, 0);
  for (std::size_t i = 0; i < n; ++i) ++size[uf.Find(i)];
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t root = uf.Find(i);
    if (size[root] < 2) continue;
    if (cluster_of[root] == n) {
      cluster_of[root] = result.clusters.size();
      result.clusters.emplace_back();
      result.clusters.back().reserve(size[root]);
    }
    result.clusters[cluster_of[root]].push_back(i);
  }
  return result;
}

}  // namespace lectern::dedup
