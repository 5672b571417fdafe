// Re-anchoring: finding where a W3C TextQuoteSelector (+ TextPositionSelector) belongs in a text
// that may differ from the one it was made on: the engine of lectern_anchoring, which
// lectern_annotations uses to place whole annotations. Pure functions of their arguments (no I/O,
// no globals); depends only on the C++17 standard library. Offsets are Unicode code points, as the
// W3C model requires.
//
// Better nothing than the wrong place: a passage is anchored only when the quote, its context and
// its position together single out one place; otherwise the result is an orphan.
#ifndef LECTERN_ANCHORING_H_
#define LECTERN_ANCHORING_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace lectern {

/// What an annotation says about where it is: W3C TextQuoteSelector and TextPositionSelector.
struct QuoteSelector {
  std::string exact;   // the quoted text (UTF-8)
  std::string prefix;  // text just before it (may be empty)
  std::string suffix;  // text just after it (may be empty)
  bool has_position = false;
  std::size_t start = 0, end = 0;  // TextPositionSelector, Unicode code points into the text it was
                                   // made on
};

/// Where an annotation was found in a text.
struct AnchorResult {
  bool anchored = false;           // false: orphan (nothing scored above the minimum)
  std::size_t start = 0, end = 0;  // code points into the text, when anchored
  double score = 0;                // 0..1, the best candidate's score (also reported for orphans)
  bool exact = false;              // the quote matched exactly at that place
  /// The parts of the best candidate's score, each 0..1: how similar the quote is (numbers that
  /// differ count extra), and how well the text before and after agrees with prefix and suffix.
  double quote_score = 0, prefix_score = 0, suffix_score = 0;
  /// Why, in a few words: "exact at position", "fuzzy", "ambiguous", "no context", "below minimum",
  /// "not found", "empty quote". For people and logs; do not parse.
  std::string reason;
};

/// Tuning of Anchor.
struct AnchorOptions {
  /// Candidates scoring below this are not anchored (the decision rules in anchor.cpp also orphan
  /// ambiguous, conflicting and context-less places at any score). Calibrated with
  /// bench/anchor_eval: the lowest minimum with no passage anchored in the wrong place was
  /// 0.40; 0.5 leaves a margin at a cost of 0.1% of the right anchors.
  double min_score = 0.5;
};

/// A text prepared for anchoring (decoded and normalised once), for anchoring many selectors into
/// the same text. Cheap to copy: copies share the prepared data.
class AnchorText {
 public:
  /// Prepares `text` (UTF-8; invalid bytes count as one U+FFFD code point each).
  explicit AnchorText(std::string_view text);
  /// The text's length in code points.
  std::size_t size() const;

  struct Data;  // defined in steps.h, internal to lectern_anchoring
  /// The prepared data, for the anchoring engine.
  const Data& data() const { return *data_; }

 private:
  std::shared_ptr<const Data> data_;
};

/// Finds `selector` in `text` (UTF-8). Never throws on any valid UTF-8 input.
AnchorResult Anchor(std::string_view text, const QuoteSelector& selector,
                    const AnchorOptions& options = {});

/// Anchor, on a text prepared once (the same result as Anchor on its string).
AnchorResult Anchor(const AnchorText& text, const QuoteSelector& selector,
                    const AnchorOptions& options = {});

/// Builds the selector for [start, end) (code points) of `text`: exact, prefix and suffix of
/// `context` code points (32 by default), and the position. Offsets past the end are clamped to
/// it, and an end before the start is taken as the start.
QuoteSelector DescribeRange(std::string_view text, std::size_t start, std::size_t end,
                            std::size_t context = 32);

}  // namespace lectern

#endif  // LECTERN_ANCHORING_H_
