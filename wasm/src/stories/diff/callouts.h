// Numbers and names that a group's word edits changed. Internal to the core.
#ifndef LECTERN_DIFF_CALLOUTS_H_
#define LECTERN_DIFF_CALLOUTS_H_

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

/// The numbers and names in each run of changes of `words` (a deletion next to an insertion):
/// numbers pair with numbers and names with names in reading order (weekdays with weekdays and
/// months with months first), and what is left over is dropped ("b" empty) or added ("a" empty).
std::vector<NotableChange> FindNotableChanges(const std::vector<WordEdit>& words,
                                              const SeenLowercase& seen_lowercase);

}  // namespace lectern::diff

#endif  // LECTERN_DIFF_CALLOUTS_H_
