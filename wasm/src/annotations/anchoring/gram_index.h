// An index of where each q-gram (q code points) occurs in a long normalised text, built once per
// text, so that finding a quote costs what the quote's grams point at instead of a scan of the
// whole text. It only proposes windows to search: the edit-distance search and the scoring of
// anchor.cpp decide, as they do on a whole text. Internal to lectern_anchoring.
#ifndef LECTERN_ANCHORING_GRAM_INDEX_H_
#define LECTERN_ANCHORING_GRAM_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace lectern::anchoring {

/// A text range [first, second) of normalised code points.
using Window = std::pair<std::size_t, std::size_t>;

class GramIndex {
 public:
  static constexpr std::size_t kGram = 4;  // q: short enough that a typo leaves most grams intact

  /// Indexes `text` (normalised code points; not kept: pass the same text to Windows). Costs
  /// O(text.size() log) time and about 9 bytes per code point.
  explicit GramIndex(std::u32string_view text);

  /// The windows of `text` (sorted, disjoint) where `pattern` may match with at most `max_errors`
  /// edits: around the diagonals on which enough of the pattern's grams occur, clearly more than
  /// chance gives and at least half as many as on the best diagonal (a place with half the
  /// evidence of another matches the quote much worse; bench/anchor_eval with the index
  /// forced on every text gives the same results with and without this rule). Grams found in
  /// more than kCommon places are not looked up, and the rarest are read first, up to a budget
  /// of places (they say the most and cost the least). nullopt when the index cannot narrow the
  /// search and the caller must scan the whole text: the pattern is shorter than q, all its grams
  /// are common, or the windows would cover a quarter of the text (a text of many repeats).
  /// Costs O(g log g) for the pattern's g grams plus the places read (at most a few thousand).
  std::optional<std::vector<Window>> Windows(std::u32string_view text, std::u32string_view pattern,
                                             std::size_t max_errors) const;

  /// Bytes held.
  std::size_t memory() const;

  static constexpr std::uint32_t kCommon = 1024;

 private:
  unsigned shift_ = 64;
  // A gram's 64-bit hash: its top bits choose a bucket, its low 32 bits (the key) tell the grams
  // of a bucket apart, so a lookup reads no text (two grams sharing both only add a vote).
  std::vector<std::uint32_t> starts_;     // per bucket: its first entry in keys_ and positions_
  std::vector<std::uint32_t> keys_;       // bucket by bucket, sorted by key
  std::vector<std::uint32_t> positions_;  // the gram starts, in the order of keys_
};

}  // namespace lectern::anchoring

#endif  // LECTERN_ANCHORING_GRAM_INDEX_H_
