// First-order Viterbi decoding over BIO tags.
#ifndef LECTERN_ENTITIES_VITERBI_H_
#define LECTERN_ENTITIES_VITERBI_H_

#include <array>
#include <functional>
#include <vector>

#include "tag_features.h"

namespace lectern::entities {

/// The best tag sequence for per-token `emissions` and `transition(prev, tag)` (prev -1 at the
/// start), never putting I-X after anything but B-X or I-X. Ties go to the lower tag. O(n · T²).
std::vector<int> Viterbi(const std::vector<std::array<float, kTagCount>>& emissions,
                         const std::function<float(int, int)>& transition);

/// Transition scores as a table: row 0 is the start of a sentence, row p + 1 follows tag p.
using TransitionTable = std::array<float, (kTagCount + 1) * kTagCount>;

/// The same with the scores in a table (the tagger's hot path: no call per pair).
std::vector<int> Viterbi(const std::vector<std::array<float, kTagCount>>& emissions,
                         const TransitionTable& transition);

}  // namespace lectern::entities

#endif  // LECTERN_ENTITIES_VITERBI_H_
