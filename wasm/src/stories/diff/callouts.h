// Numbers, names and dates that a group's word edits changed. Internal to the core.
#ifndef LECTERN_DIFF_CALLOUTS_H_
#define LECTERN_DIFF_CALLOUTS_H_

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "lectern/diff.h"

namespace lectern::diff {

/// True when a lower-cased word also occurs in lower case in the texts (so "The" or "He" at the
/// start of a sentence is an ordinary word, while "Putin" there is a name). Called for each
/// capitalised word that starts a sentence in a run of changes: it must be cheap (DiffSentences
/// looks it up in a hash table of the words already tokenized).
using SeenLowercase = std::function<bool(std::string_view folded)>;

/// One version of a group as the callouts see it.
struct CalloutSide {
  std::string_view text;  ///< the whole version
  /// Byte offset in `text` where the group's words start (its equal and deleted texts for A, its
  /// equal and inserted texts for B, concatenated, are `text` from here).
  std::size_t start = 0;
  /// The version's mentions (DiffOptions::a_mentions or b_mentions, checked), or null to find
  /// names from capitalised words.
  const std::vector<NotableSpan>* mentions = nullptr;
  /// The version's quiet stretches (checked), or null for none.
  const std::vector<Span>* quiet = nullptr;
};

/// The notable changes in each run of changes of `words` (a deletion next to an insertion),
/// described in lectern/diff.h (CalloutSource). With mentions on both sides, touched mentions pair
/// by type, nearest in place; without, numbers pair with numbers and names with names in reading
/// order (weekdays with weekdays and months with months first). What is left over is dropped ("b"
/// empty) or added ("a" empty). Changes lying wholly in a quiet stretch are left out. Cost: linear
/// in the words' bytes plus a binary search per run; pairing is quadratic only in the items of one
/// run, up to 4096 pairs, and in order beyond.
std::vector<NotableChange> FindNotableChanges(const std::vector<WordEdit>& words,
                                              const CalloutSide& a, const CalloutSide& b,
                                              const SeenLowercase& seen_lowercase);

}  // namespace lectern::diff

#endif  // LECTERN_DIFF_CALLOUTS_H_
