// From kept pairs of distinct sets to the reported pairs and clusters (union-find).
#include <algorithm>
#include <numeric>

#include "dedup_internal.h"

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

}  // namespace

StoryClusters AssembleClusters(std::size_t n, const SetView& sets, const IdenticalGroups& groups,
                               const std::vector<SimilarPair>& kept_reps, std::size_t candidates,
                               std::size_t max_pairs) {
  StoryClusters result;
  result.candidates = candidates;
  // Pairs are counted by arithmetic and listed only while there is room: a story wired 100,000
  // times is 5 billion pairs, which must cost nothing past the limit.
  const auto full = [&] { return result.pairs.size() >= max_pairs; };
  const auto emit = [&](std::size_t x, std::size_t y, double jaccard, double containment,
                        std::size_t overlap) {
    result.pairs.push_back({std::min(x, y), std::max(x, y), jaccard, containment, overlap});
  };
  std::vector<std::size_t> group_of(n, 0);
  for (std::size_t g = 0; g < groups.reps.size(); ++g) {
    for (std::size_t k = groups.starts[g]; k < groups.starts[g + 1]; ++k) {
      group_of[groups.members[k]] = g;
    }
  }
  UnionFind uf(n);
  for (std::size_t g = 0; g < groups.reps.size(); ++g) {
    const std::size_t begin = groups.starts[g], end = groups.starts[g + 1];
    const std::size_t size = sets.Size(groups.reps[g]);
    for (std::size_t k = begin + 1; k < end; ++k)
      uf.Union(groups.members[begin], groups.members[k]);
    result.kept_pairs += (end - begin) * (end - begin - 1) / 2;
    for (std::size_t i = begin; i < end && !full(); ++i) {
      for (std::size_t j = i + 1; j < end && !full(); ++j) {
        emit(groups.members[i], groups.members[j], 1.0, 1.0, size);
      }
    }
  }
  for (const SimilarPair& p : kept_reps) {
    uf.Union(p.a, p.b);
    const std::size_t ga = group_of[p.a], gb = group_of[p.b];
    result.kept_pairs +=
        (groups.starts[ga + 1] - groups.starts[ga]) * (groups.starts[gb + 1] - groups.starts[gb]);
    for (std::size_t i = groups.starts[ga]; i < groups.starts[ga + 1] && !full(); ++i) {
      for (std::size_t j = groups.starts[gb]; j < groups.starts[gb + 1] && !full(); ++j) {
        emit(groups.members[i], groups.members[j], p.jaccard, p.containment, p.overlap);
      }
    }
  }
  std::sort(result.pairs.begin(), result.pairs.end(),
            [](const SimilarPair& x, const SimilarPair& y) {
              return x.a != y.a ? x.a < y.a : x.b < y.b;
            });

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
