#include "viterbi.h"

#include <limits>

namespace lectern::entities {

std::vector<int> Viterbi(const std::vector<std::array<float, kTagCount>>& emissions,
                         const std::function<float(int, int)>& transition) {
  TransitionTable table{};
  for (int p = -1; p < kTagCount; ++p) {
    for (int t = 0; t < kTagCount; ++t) {
      table[static_cast<std::size_t>((p + 1) * kTagCount + t)] = transition(p, t);
    }
  }
  return Viterbi(emissions, table);
}

std::vector<int> Viterbi(const std::vector<std::array<float, kTagCount>>& emissions,
                         const TransitionTable& transition) {
  const std::size_t n = emissions.size();
  if (n == 0) return {};
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  // Forbidden pairs (I-X after anything but X) score -inf, so the loops below test nothing.
  TransitionTable allowed;
  for (int p = -1; p < kTagCount; ++p) {
    for (int t = 0; t < kTagCount; ++t) {
      const auto k = static_cast<std::size_t>((p + 1) * kTagCount + t);
      allowed[k] = Allowed(p, t) ? transition[k] : kNone;
    }
  }
  std::vector<std::array<int, kTagCount>> back(n);
  std::array<float, kTagCount> best, next;
  for (std::size_t t = 0; t < kTagCount; ++t) {
    best[t] = allowed[t] + emissions[0][t];
    back[0][t] = -1;
  }
  for (std::size_t i = 1; i < n; ++i) {
    for (std::size_t t = 0; t < kTagCount; ++t) {
      float top = kNone;
      int arg = 0;
      for (std::size_t p = 0; p < kTagCount; ++p) {
        const float v = best[p] + allowed[(p + 1) * kTagCount + t];
        if (v > top) {
          top = v;
          arg = static_cast<int>(p);
        }
      }
      next[t] = top + emissions[i][t];
      back[i][t] = arg;
    }
    best = next;
  }
  int last = 0;
  for (int t = 1; t < kTagCount; ++t) {
    if (best[static_cast<std::size_t>(t)] > best[static_cast<std::size_t>(last)]) last = t;
  }
  std::vector<int> tags(n);
  for (std::size_t i = n; i-- > 0;) {
    tags[i] = last;
    last = back[i][static_cast<std::size_t>(last)];
  }
  return tags;
}

}  // namespace lectern::entities
