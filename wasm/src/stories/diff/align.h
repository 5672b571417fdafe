// Sentence alignment for the diff. Internal to the core.
#ifndef LECTERN_DIFF_ALIGN_H_
#define LECTERN_DIFF_ALIGN_H_

#include <cstddef>
#include <vector>

#include "lectern/diff.h"
#include "similarity.h"

namespace lectern::diff {

/// A's sentences [a_lo, a_hi) aligned with B's [b_lo, b_hi); both ranges are non-empty and at
/// least one of them is a single sentence.
struct Alignment {
  std::size_t a_lo = 0, a_hi = 0, b_lo = 0, b_hi = 0;
  double similarity = 0;
  bool moved = false;  ///< off the in-order backbone of the story
};

/// Aligns the sentences of A with those of B by similarity: sentences that found no counterpart
/// are in no alignment. The result is sorted by a_lo; alignments never share a sentence.
std::vector<Alignment> AlignSentences(const SentenceBags& bags, const DiffOptions& options);

}  // namespace lectern::diff

#endif  // LECTERN_DIFF_ALIGN_H_
