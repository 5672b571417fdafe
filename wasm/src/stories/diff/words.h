// Word-level diff of two aligned passages, in bounded time. Internal to the core.
#ifndef LECTERN_DIFF_WORDS_H_
#define LECTERN_DIFF_WORDS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "lectern/diff.h"

namespace lectern::diff {

/// Comparison steps the word diffs of one DiffTexts call may still take.
class WorkBudget {
 public:
  explicit WorkBudget(std::uint64_t steps) : left_(steps) {}
  /// Takes `steps`; false once the budget is spent.
  bool Spend(std::uint64_t steps) {
    if (steps > left_) {
      left_ = 0;
      return false;
    }
    left_ -= steps;
    return true;
  }
  std::uint64_t left() const { return left_; }

 private:
  std::uint64_t left_;
};

/// The budget of a DiffTexts call: `steps_per_byte` for each of `bytes`, plus a million; in 64
/// bits and saturating, so that neither wasm32's 32-bit size_t nor a huge option wraps it.
std::uint64_t WordBudgetSteps(std::uint64_t steps_per_byte, std::uint64_t bytes);

/// Words (not spaces or punctuation) in the edits of a DiffWords result, by op.
struct WordCounts {
  std::size_t equal = 0, deleted = 0, inserted = 0;
};

/// The edits that turn `a` into `b`, on whole tokens (words, whitespace runs, marks): equal and
/// delete texts concatenate to `a`, equal and insert texts to `b`. Within a run of changes all of
/// A's text comes first (one delete) and then B's (one insert); whitespace and punctuation alone
/// between two changes is taken into the change so that it reads as one. Uses Myers' O(ND)
/// algorithm while the budget allows, then anchors on tokens found once in both, and finally
/// shows what is left as one deletion and one insertion.
/// `counts` receives the words of the equal, deleted and inserted texts.
std::vector<WordEdit> DiffWords(std::string_view a, std::string_view b, WorkBudget& budget,
                                WordCounts& counts);

}  // namespace lectern::diff

#endif  // LECTERN_DIFF_WORDS_H_
