// Lectern diff: how one version of a news story became another, sentence by sentence and word by
// word.
//
// Outlets merge, split, reorder and drop sentences when they rewrite a wire story, so a plain word
// diff of two versions is unreadable. DiffTexts first aligns sentences by what they say (one to
// one, one to many, moved, only in one version) and then shows the word changes inside each
// aligned group. Words are never split, both texts can be rebuilt exactly from each group's word
// edits, and the time spent is bounded whatever the input. Depends only on the standard library.
#ifndef LECTERN_DIFF_H_
#define LECTERN_DIFF_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/text.h"

namespace lectern {

/// How a group of A's sentences relates to a group of B's.
enum class DiffKind {
  kSame,     ///< one sentence each, identical text, in order
  kChanged,  ///< one sentence each, edited, in order
  kMerged,   ///< several consecutive A sentences became one B sentence, in order
  kSplit,    ///< one A sentence became several consecutive B sentences, in order
  kMoved,    ///< matched, but out of order with the rest of the story (may also be edited)
  kOnlyA,    ///< an A sentence with no counterpart in B (deleted)
  kOnlyB,    ///< a B sentence with no counterpart in A (inserted)
};

/// What a word edit does.
enum class WordOp {
  kEqual,   ///< text in both versions
  kInsert,  ///< text only in B
  kDelete,  ///< text only in A
};

/// A run of text with one edit: whole words, spaces and punctuation, never part of a word.
struct WordEdit {
  WordOp op = WordOp::kEqual;
  std::string text;
  bool operator==(const WordEdit& o) const { return op == o.op && text == o.text; }
};

/// What kind of thing a notable span of text names.
enum class NotableType {
  kPerson,        ///< "PER"
  kOrganisation,  ///< "ORG"
  kPlace,         ///< "LOC"
  kDate,          ///< "DATE"
};

/// The name of `type` in JSON: "PER", "ORG", "LOC", "DATE" (the entity types of lectern/entities.h,
/// which this library does not depend on: the caller translates).
const char* NotableTypeName(NotableType type);

/// A stretch of one version that names a person, organisation, place or date (an entity mention
/// found by the caller). Two mentions are the same thing when their ids are equal (dates: their
/// values, when both have one).
struct NotableSpan {
  Span span;  ///< UTF-8 bytes of the version
  NotableType type = NotableType::kPerson;
  std::string id;     ///< e.g. "PER:vladimir putin"; "" compares by the text, ignoring case
  std::string value;  ///< dates: "2024-09-12" (or "2024-09", "2024") when resolved, else ""
};

/// A number, name or date that a group's edits changed, dropped or added.
struct NotableChange {
  /// "number" ("155,221", "3.5"), "name" (a person, organisation or place; without mentions, a
  /// capitalised word) or "date" (a DATE mention).
  std::string kind;
  /// The mention's type for changes found from mentions: "PER", "ORG", "LOC" or "DATE"; "" for
  /// numbers and for names found from capitalised words.
  std::string type;
  std::string a;  ///< as in A (the whole mention); empty when B added it
  std::string b;  ///< as in B (the whole mention); empty when A's was dropped
};

/// Aligned sentences of A and B with the word edits that turn the one into the other.
struct DiffGroup {
  /// Indices of consecutive sentences of A (ascending); empty for kOnlyB.
  std::vector<std::size_t> a;
  /// Indices of consecutive sentences of B (ascending); empty for kOnlyA.
  std::vector<std::size_t> b;
  DiffKind kind = DiffKind::kSame;
  /// IDF-weighted Dice coefficient of the lower-cased word multisets of the two sides, in [0, 1]:
  /// 1 when they use the same words, 0 when they share none (and for kOnlyA / kOnlyB). Words
  /// common in both texts weigh little, rare ones (names, numbers) much.
  double similarity = 0;
  /// Equal and delete texts concatenate to A from the start of its first sentence to the end of
  /// its last (separators between the sentences included); equal and insert texts likewise to B.
  /// Adjacent edits never have the same op.
  std::vector<WordEdit> words;
  /// Numbers, names and dates changed within `words` (see DiffOptions::callouts): for each run of
  /// changes in reading order, from mentions its people, organisations, places, dates, then
  /// numbers; from capitalised words its numbers, then names. At most kMaxChangesPerGroup; the
  /// rest are counted in `changes_omitted`. Always empty for kSame, kOnlyA and kOnlyB groups.
  std::vector<NotableChange> changes;
  /// Notable changes found beyond the first kMaxChangesPerGroup (a block of text rewritten as a
  /// whole can hold thousands of numbers and names).
  std::size_t changes_omitted = 0;
  /// Words (not spaces or punctuation) in the equal, deleted and inserted texts of `words`.
  std::size_t words_equal = 0, words_deleted = 0, words_inserted = 0;
};

/// Most notable changes kept in one group (DiffGroup::changes).
inline constexpr std::size_t kMaxChangesPerGroup = 20;
/// Most notable changes listed in the summary of TextDiffToJson.
inline constexpr std::size_t kMaxSummaryChanges = 200;

/// The whole diff: both texts' sentences and the groups that cover them.
struct TextDiff {
  std::vector<Span> a_sentences;  ///< byte ranges into A
  std::vector<Span> b_sentences;  ///< byte ranges into B
  /// Every sentence of A and of B is in exactly one group. Groups follow A's reading order; a
  /// kOnlyB group comes right after the group that holds the B sentence before it (first when it
  /// is B's first sentence).
  std::vector<DiffGroup> groups;
};

/// Where DiffGroup::changes come from.
enum class CalloutSource {
  /// Capitalised words and numbers in each run of changes: needs nothing from the caller, but
  /// takes "The" opening a sentence for a name now and then and knows no types.
  kCapitalisedWords,
  /// The caller's mentions (DiffOptions::a_mentions, b_mentions) that a deleted or inserted run
  /// touches, plus numbers outside DATE mentions. A touched mention pairs with one of the same
  /// type on the other side of the run (the nearest in place): reported as changed when their
  /// ids (dates: values) differ; an unpaired one is dropped or added unless a mention with its id
  /// stands anywhere on the other side of the group (it moved within the sentence).
  kMentions,
};

/// Thresholds and work limits of DiffTexts. The defaults suit news text.
struct DiffOptions {
  /// Where the notable changes come from. kCapitalisedWords keeps the behaviour of callers that
  /// know nothing of the texts' entities.
  CalloutSource callouts = CalloutSource::kCapitalisedWords;
  /// The mentions of A and of B (kMentions only): ascending, non-overlapping and within their
  /// text; DiffTexts / DiffSentences throw std::invalid_argument if not.
  std::vector<NotableSpan> a_mentions, b_mentions;
  /// Instead of a_mentions and b_mentions (kMentions only, when set): finds the mentions of one
  /// side when the diff needs them, so that finding them costs only the text that changed. Called
  /// for A (`b_side` false) and for B with each `range` of bytes that holds aligned sentences that
  /// differ (stretches a few sentences apart are one range), in ascending order, never for
  /// sentences that stayed the same. Answers the mentions inside `range` with offsets into the
  /// whole text, under the same contract as a_mentions (checked the same way).
  std::function<std::vector<NotableSpan>(bool b_side, Span range)> find_mentions;
  /// Stretches of A and of B whose edits are never called out, whatever the source (a wire
  /// dateline: "BEIJING, Sept 13 (KUNA) --" for "ST. PETERSBURG -" is no news). Ascending,
  /// non-overlapping, within their text (else std::invalid_argument). A change is left out when
  /// its mention (or number) lies wholly inside one.
  std::vector<Span> a_quiet, b_quiet;
  /// Mutual best matches at least this similar become anchors of the in-order backbone.
  double anchor_similarity = 0.5;
  /// Least similarity for sentences between anchors to be aligned rather than kOnlyA / kOnlyB.
  double match_similarity = 0.3;
  /// Least similarity for a sentence found elsewhere in the other text to count as kMoved.
  double moved_similarity = 0.5;
  /// How much more similar a merge or split must be than its best single sentence pair.
  double merge_margin = 0.05;
  /// Least share (by weight) of each sentence on the many side of a merge or split that must be
  /// found in the sentence on the other side: they must really have gone into it.
  double merge_coverage = 0.5;
  /// Similarity credited to the sentences at the same place between two aligned neighbours, when
  /// just as many sentences stand there in A as in B ("Pay April 30" and "Pay July 10").
  double slot_bonus = 0.1;
  /// Most sentences on the many side of a merge or split, at most kMaxGroupSentences (a larger
  /// value counts as kMaxGroupSentences; 0 as 1). Aligning a stretch between anchors costs about
  /// max_gap_cells times the square of this.
  std::size_t max_group_sentences = 3;
  /// Largest stretch between anchors (A sentences times B sentences) aligned by dynamic
  /// programming; larger stretches are first cut down by a sparse in-order chain of matches.
  std::size_t max_gap_cells = 4096;
  /// Work budget of all word diffs together, in comparison steps per byte of both texts, plus a
  /// fixed allowance of a million (computed in 64 bits, saturating). When it runs out, what is
  /// left of a group is shown as one deletion and one insertion.
  std::size_t word_steps_per_byte = 16;
};

/// Largest DiffOptions::max_group_sentences that DiffTexts honours.
inline constexpr std::size_t kMaxGroupSentences = 16;

/// Diffs two texts, split into sentences with SplitSentences (the sentences the reader shows).
/// Never throws for bad text: empty, binary or invalid UTF-8 input gives a diff too (an invalid
/// byte is a token of its own). With the default options time is O(n log n) and memory O(n) in
/// the size n of both texts together, whatever they hold: candidate pairs of sentences are
/// limited per sentence, each stretch aligned exactly is at most max_gap_cells, and the word
/// diffs share a budget proportional to n (word_steps_per_byte); the callouts look up each run's
/// mentions and quiet stretches by binary search. Identical texts are split once; the sentences
/// that stayed the same cost no mentions (DiffOptions::find_mentions). Throws
/// std::invalid_argument only for mentions or quiet stretches that break their contract
/// (DiffOptions).
TextDiff DiffTexts(std::string_view a, std::string_view b, const DiffOptions& options = {});

/// Diffs two texts whose sentences are already known. The spans must be ascending,
/// non-overlapping and within their text; throws std::invalid_argument if not (or if the options'
/// mentions or quiet stretches are not).
TextDiff DiffSentences(std::string_view a, std::vector<Span> a_sentences, std::string_view b,
                       std::vector<Span> b_sentences, const DiffOptions& options = {});

/// The name of `kind` in JSON: "same", "changed", "merged", "split", "moved", "onlyA", "onlyB".
const char* DiffKindName(DiffKind kind);

/// The name of `op` in JSON: "equal", "insert", "delete".
const char* WordOpName(WordOp op);

/// Counts over a whole diff: groups by kind, words by edit, notable changes.
struct DiffSummary {
  std::size_t same = 0, changed = 0, merged = 0, split = 0, moved = 0, only_a = 0, only_b = 0;
  /// Sums of DiffGroup::words_equal, words_deleted and words_inserted.
  std::size_t words_equal = 0, words_deleted = 0, words_inserted = 0;
  /// The words of the sentences only A has (onlyA groups) and only B has (onlyB groups): what one
  /// version leaves out or adds, as the page's summary says it.
  std::size_t words_only_a = 0, words_only_b = 0;
  /// Notable changes of all groups, those omitted from the groups' lists included.
  std::size_t changes = 0;
  /// The count of groups of `kind`.
  std::size_t count(DiffKind kind) const;
};

/// Counts the groups by kind, the words by edit and the notable changes of `diff`.
DiffSummary Summarize(const TextDiff& diff);

}  // namespace lectern

#endif  // LECTERN_DIFF_H_
