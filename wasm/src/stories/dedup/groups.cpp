// Identical shingle sets (reposts, wire copies) are grouped before anything is compared: a story
// sent out 50 times would otherwise fill every LSH bucket with 50 * 49 / 2 pairs to verify.
#include <algorithm>
#include <numeric>

#include "internal.h"

namespace lectern::dedup {

IdenticalGroups GroupIdentical(const SetView& sets,
                               const std::vector<std::uint64_t>& fingerprints) {
  std::vector<std::size_t> order;
  order.reserve(sets.n);
  for (std::size_t i = 0; i < sets.n; ++i) {
    if (sets.Size(i) > 0) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    if (fingerprints[x] != fingerprints[y]) return fingerprints[x] < fingerprints[y];
    if (sets.Size(x) != sets.Size(y)) return sets.Size(x) < sets.Size(y);
    return x < y;
  });
  const auto same = [&](std::size_t x, std::size_t y) {
    return sets.Size(x) == sets.Size(y) &&
           std::equal(sets.Begin(x), sets.Begin(x) + sets.Size(x), sets.Begin(y));
  };
  // group_of[i] for articles in `order`; a run of equal fingerprints almost always holds one set,
  // but a fingerprint collision must not merge different sets.
  std::vector<std::size_t> first_of(sets.n, sets.n);
  for (std::size_t r = 0; r < order.size();) {
    std::size_t end = r + 1;
    while (end < order.size() && fingerprints[order[end]] == fingerprints[order[r]] &&
           sets.Size(order[end]) == sets.Size(order[r])) {
      ++end;
    }
    std::vector<std::size_t> firsts;  // first article of each distinct set in this run
    for (std::size_t k = r; k < end; ++k) {
      const std::size_t i = order[k];
      auto it =
          std::find_if(firsts.begin(), firsts.end(), [&](std::size_t f) { return same(f, i); });
      if (it == firsts.end()) {
        firsts.push_back(i);
        first_of[i] = i;
      } else {
        first_of[i] = *it;
      }
    }
    r = end;
  }
  IdenticalGroups g;
  std::vector<std::size_t> count(sets.n, 0), group_index(sets.n, 0);
  for (std::size_t i = 0; i < sets.n; ++i) {
    if (first_of[i] == sets.n) continue;
    if (first_of[i] == i) {
      group_index[i] = g.reps.size();
      g.reps.push_back(i);
    }
    ++count[group_index[first_of[i]]];
  }
  g.starts.assign(g.reps.size() + 1, 0);
  for (std::size_t k = 0; k < g.reps.size(); ++k) g.starts[k + 1] = g.starts[k] + count[k];
  g.members.resize(g.starts.back());
  std::vector<std::size_t> fill(g.starts.begin(), g.starts.end() - 1);
  for (std::size_t i = 0; i < sets.n; ++i) {
    if (first_of[i] != sets.n) g.members[fill[group_index[first_of[i]]]++] = i;
  }
  return g;
}

}  // namespace lectern::dedup
