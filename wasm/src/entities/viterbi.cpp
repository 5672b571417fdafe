#include "viterbi.h"

#include <limits>

namespace lectern::entities {

std::vector<int> Viterbi(const std::vector<std::array<float, kTagCount>>& emissions,
                         const std::function<float(int, int)>& transition) {
  const std::size_t n = emissions.size();
  if (n == 0) return {};
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  std::vector<std::array<float, kTagCount>> best(n);
  std::vector<std::array<int, kTagCount>> back(n);
  for (int t = 0; t < kTagCount; ++t) {
    best[0][t] = Allowed(-1, t) ? emissions[0][t] + transition(-1, t) : kNone;
    back[0][t] = -1;
  }
  for (std::size_t i = 1; i < n; ++i) {
    for (int t = 0; t < kTagCount; ++t) {
      float top = kNone;
      int arg = 0;
      for (int p = 0; p < kTagCount; ++p) {
        if (!Allowed(p, t) || best[i - 1][p] == kNone) continue;
        const float v = best[i - 1][p] + transition(p, t);
        if (v > top) {
          top = v;
          arg = p;
        }
      }
      best[i][t] = top == kNone ? kNone : top + emissions[i][t];
      back[i][t] = arg;
    }
  }
  int last = 0;
  for (int t = 1; t < kTagCount; ++t) {
    if (best[n - 1][t] > best[n - 1][last]) last = t;
  }
  std::vector<int> tags(n);
  for (std::size_t i = n; i-- > 0;) {
    tags[i] = last;
    last = back[i][last];
  }
  return tags;
}

}  // namespace lectern::entities
