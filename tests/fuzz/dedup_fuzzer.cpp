// Clusters a few short texts of arbitrary bytes (the input cut at 0xFF bytes; its first byte picks
// the shingle size and how many pairs to list) and checks what the library promises: every pair
// listed is a kept pair with exact figures, LSH finds no pair the exact search does not, both
// agree on what they count, a pair's articles share a cluster, and the max_pairs limit holds.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_input.h"
#include "lectern/api.h"
#include "lectern/dedup.h"

using lectern_fuzz::Check;

namespace {

bool Kept(const lectern::StoryIndex& index, const lectern::SimilarPair& p) {
  const lectern::DedupOptions& o = index.options();
  const std::size_t smaller = std::min(index.ShingleCount(p.a), index.ShingleCount(p.b));
  return p.jaccard >= o.min_jaccard ||
         (p.containment >= o.min_containment && p.jaccard >= o.containment_min_jaccard &&
          smaller >= o.containment_min_shingles);
}

void CheckClusters(const lectern::StoryIndex& index, const lectern::StoryClusters& result,
                   std::uint64_t max_pairs) {
  const std::size_t n = index.size();
  std::vector<std::size_t> cluster_of(n, n);
  for (std::size_t c = 0; c < result.clusters.size(); ++c) {
    const std::vector<std::size_t>& members = result.clusters[c];
    Check(members.size() >= 2 && std::is_sorted(members.begin(), members.end()));
    Check(c == 0 || result.clusters[c - 1].front() < members.front());
    for (const std::size_t m : members) {
      Check(m < n && cluster_of[m] == n);
      cluster_of[m] = c;
    }
  }
  Check(result.pairs.size() <= max_pairs && result.pairs.size() <= result.kept_pairs);
  for (const lectern::SimilarPair& p : result.pairs) {
    Check(p.a < p.b && p.b < n && cluster_of[p.a] == cluster_of[p.b] && cluster_of[p.a] < n);
    Check(p.overlap <= std::min(index.ShingleCount(p.a), index.ShingleCount(p.b)));
    Check(p.jaccard > 0 && p.jaccard <= p.containment && p.containment <= 1);
    Check(Kept(index, p));
  }
  lectern::StoryClustersToJson(result, {"a", "b"});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  lectern::DedupOptions options;
  options.shingle_words = 1 + data[0] % 4;
  const std::uint64_t few_pairs = (data[0] >> 2) % 4;
  lectern::StoryIndex index(options);
  for (const std::string_view text :
       lectern_fuzz::SplitInput(lectern_fuzz::AsText(data + 1, size - 1), 8, 1024)) {
    index.Add(text);
  }

  const lectern::StoryClusters exact = index.ClusterExact(), lsh = index.Cluster();
  CheckClusters(index, exact, options.max_pairs);
  CheckClusters(index, lsh, options.max_pairs);
  Check(exact.pairs.size() == exact.kept_pairs && lsh.pairs.size() == lsh.kept_pairs);
  for (const lectern::SimilarPair& p : lsh.pairs) {
    Check(std::find(exact.pairs.begin(), exact.pairs.end(), p) != exact.pairs.end());
  }
  const lectern::StoryClusters exact_few = index.ClusterExact(few_pairs);
  CheckClusters(index, exact_few, few_pairs);
  Check(exact_few.kept_pairs == exact.kept_pairs && exact_few.clusters == exact.clusters);
  CheckClusters(index, index.Cluster(few_pairs), few_pairs);
  return 0;
}
