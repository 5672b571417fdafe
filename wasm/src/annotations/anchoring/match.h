// Approximate string matching for re-anchoring (anchor.cpp): Myers' bit-parallel edit distance
// search, small alignments with traceback, and the context score. Internal to the core; the
// functions work on sequences of code points and know nothing of selectors.
#ifndef LECTERN_ANCHOR_MATCH_H_
#define LECTERN_ANCHOR_MATCH_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lectern {
namespace anchor_match {

/// The match masks of a pattern for Myers' algorithm: for every character, one bit per pattern
/// position, in blocks of 64 positions.
class PatternMasks {
 public:
  /// Builds the masks of `pattern` (which must outlive nothing: it is copied into masks).
  explicit PatternMasks(std::u32string_view pattern);
  /// The pattern's length.
  std::size_t size() const { return size_; }
  /// The number of 64-bit blocks.
  std::size_t blocks() const { return blocks_; }
  /// The masks of `c` (blocks() words); all zero for characters not in the pattern.
  const std::uint64_t* Masks(char32_t c) const {
    if (c < 128) return &masks_[ascii_[c] * blocks_];
    const auto it = other_.find(c);
    return &masks_[(it == other_.end() ? 0 : it->second) * blocks_];
  }

 private:
  std::size_t size_ = 0;
  std::size_t blocks_ = 0;
  std::vector<std::uint64_t> masks_;  // row 0 is all zero: characters not in the pattern
  std::uint32_t ascii_[128] = {};
  std::unordered_map<char32_t, std::uint32_t> other_;
};

/// Called with (end, distance) for each end position reported by Search; `end` is an offset into
/// the text that was searched (one past the match's last character).
using EndCallback = std::function<void(std::size_t end, int distance)>;

/// Myers' bit-parallel algorithm (block-based, Hyyrö's formulation). For every end position j in
/// 1..text.size() with distance <= max_distance, reports the edit distance between the pattern and
/// the best-matching substring of `text` ending at j. With `anchored_start`, the substring must
/// start at text[0] instead (the distance is then ed(pattern, text[0, j))). Costs
/// text.size() * blocks() steps.
void Search(const PatternMasks& masks, std::u32string_view text, int max_distance,
            bool anchored_start, const EndCallback& report);

/// The edit (Levenshtein) distance between `a` and `b`, bit-parallel.
int EditDistance(std::u32string_view a, std::u32string_view b);

/// Aligns all of `pattern` against a suffix of `text` that ends at text.size() (the text's start is
/// free), minimising the edit distance, and returns that distance. `*begin` and `*end` receive the
/// text offsets that pattern[quote_begin, quote_end) aligns with, as tight as the alignment allows:
/// text characters inserted at either edge are left outside. Costs pattern.size() * text.size()
/// time and memory: for short patterns only.
int AlignSuffix(std::u32string_view pattern, std::u32string_view text, std::size_t quote_begin,
                std::size_t quote_end, std::size_t* begin, std::size_t* end);

/// How well `context` (characters ordered from a boundary outward, e.g. a reversed prefix) agrees
/// with `text` (the characters from the same boundary outward), in characters: the best, over every
/// length i of the context's head, of i - 3 * (edit distance of that head to some head of the
/// text). context.size() for a perfect match, near 0 for unrelated text: an error must be paid for
/// by three agreeing characters, so chance agreement does not count.
long ContextAgreement(std::u32string_view context, std::u32string_view text);

}  // namespace anchor_match
}  // namespace lectern

#endif  // LECTERN_ANCHOR_MATCH_H_
