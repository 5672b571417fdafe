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
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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

/// How a text is prepared for anchoring.
struct AnchorTextOptions {
  /// Texts of at least this many (normalised) code points get a q-gram index, so that anchoring
  /// into them costs what the quote's places cost, not a scan of the text; shorter ones are
  /// scanned whole, which is cheaper than indexing them (a scan of 16,384 code points is ~0.05 ms
  /// per search). 0 indexes every text. The index only proposes where to search, but it proposes
  /// by exact 4-grams, so it can miss a place the quote matches only loosely: with every text
  /// indexed, bench/anchor_eval anchors 0.9% fewer passages and 3 of 18,108 in the wrong place
  /// (none with the default, which leaves news-length articles to the scan).
  std::size_t index_from = 16384;
};

/// A text prepared for anchoring (decoded and normalised once), for anchoring many selectors into
/// the same text. Cheap to copy: copies share the prepared data.
///
/// Cost: preparing is linear in the text. Memory: about 20 bytes per code point, plus about 9 for
/// the index of a long text (a 1.7 MB article: ~50 MB). Anchoring one selector costs, on a short
/// text, a few scans of it; on an indexed text, the places of the quote's (and its context's)
/// uncommon 4-grams and a search of the windows they point at — a scan of the whole text only
/// when the quote is shorter than 4 code points, is made of common grams only, or matches all
/// over the text (an article of many repeats).
class AnchorText {
 public:
  /// Prepares `text` (UTF-8; invalid bytes count as one U+FFFD code point each).
  explicit AnchorText(std::string_view text, const AnchorTextOptions& options = {});
  /// The text's length in code points.
  std::size_t size() const;
  /// Whether the text has a q-gram index (AnchorTextOptions::index_from).
  bool indexed() const;
  /// Bytes held by the prepared data, index included.
  std::size_t memory() const;

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

/// Which of many texts can hold a passage: an index of the words in each text (built once), so
/// that looking for a passage in a collection costs what its words point at, not a search of every
/// text. It only proposes texts: Anchor decides. Words are runs of letters and digits, case
/// folded; in scripts written without spaces (Han, kana, Thai, ...) pairs of adjacent characters.
///
/// Cost: building is linear in the texts; memory about 4 bytes per distinct word of each text
/// (12,000 news articles: ~20 MB). A query costs the number of texts holding its uncommon words.
class CollectionIndex {
 public:
  /// Indexes `texts` (UTF-8; not kept).
  explicit CollectionIndex(const std::vector<std::string_view>& texts);

  /// The texts (indices into the list given, ascending) that share enough of the selector's
  /// uncommon words (those in at most a fiftieth of the texts, or in at most 16) to hold its
  /// passage: half of the quote's, or a quarter of those of quote and context together (and two
  /// at least, when there are two), and at least half as many as the text holding the most. A
  /// passage of common words only: the texts holding all three of its rarest words. Words cut by
  /// the edges of prefix + exact + suffix do not count. nullopt when the selector has no whole
  /// word (a few letters without context): then any text may hold it, and the caller must try
  /// them all.
  std::optional<std::vector<std::size_t>> Candidates(const QuoteSelector& selector) const;

  /// The number of texts indexed.
  std::size_t size() const { return size_; }
  /// Bytes held.
  std::size_t memory() const;

 private:
  std::size_t size_ = 0;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> postings_;  // word → texts
};

/// Builds the selector for [start, end) (code points) of `text`: exact, prefix and suffix of
/// `context` code points (32 by default), and the position. Offsets past the end are clamped to
/// it, and an end before the start is taken as the start.
QuoteSelector DescribeRange(std::string_view text, std::size_t start, std::size_t end,
                            std::size_t context = 32);

}  // namespace lectern

#endif  // LECTERN_ANCHORING_H_
