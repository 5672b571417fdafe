// What the steps of re-anchoring share (anchor.cpp): a text prepared for matching, a selector
// normalised the same way (prepare.cpp), and the places where its quote may be (candidates.cpp).
// Internal to lectern_anchoring. Offsets are code points: "raw" ones into the text as given,
// "normalised" ones into its normalised form.
#ifndef LECTERN_ANCHORING_STEPS_H_
#define LECTERN_ANCHORING_STEPS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gram_index.h"
#include "lectern/anchoring.h"

namespace lectern {

struct AnchorText::Data {
  std::u32string raw;  // the text's code points
  // The normalised text and, for each of its characters, the range [from, to) of raw code points
  // it stands for (a collapsed whitespace run stands for the whole run).
  std::u32string norm;
  std::vector<std::uint32_t> from, to;
  // For each raw index (and raw.size()), the normalised character covering it, or the next one.
  std::vector<std::uint32_t> norm_of;
  // Where the grams of `norm` are, for long texts (AnchorTextOptions::index_from); shorter texts
  // are scanned whole, which costs less than indexing them.
  std::optional<anchoring::GramIndex> index;
};

namespace anchoring {

// --- Preparing the text and the selector ---------------------------------------------------

// Decodes UTF-8; each invalid byte becomes one U+FFFD, so the input never throws.
std::u32string Decode(std::string_view text);

bool IsSpace(char32_t c);

// A character that does not show and that editors insert or drop freely (a soft hyphen, zero-width
// spaces and joiners): normalising drops it, or adds it to the whitespace run it follows.
bool IsInvisible(char32_t c);

// Whitespace or invisible: what may stand around a quote without being part of its words.
inline bool IsBlank(char32_t c) { return IsSpace(c) || IsInvisible(c); }

bool IsMark(char32_t c);

std::shared_ptr<const AnchorText::Data> Prepare(std::string_view text,
                                                const AnchorTextOptions& options);

// --- The selector, normalised ----------------------------------------------------------------

// The numbers in normalised text: runs of digits, with the separators inside them ("25,000",
// "7-3/8", "2.50"), sorted.
std::vector<std::u32string> Numbers(std::u32string_view s);

// Extra errors for the numbers that the quote and a candidate do not share: a figure that
// changed makes a different statement ("rose 5.2 pct" is not "rose 6.9 pct"), and parallel
// sentences, table rows and results lines differ in little else. Each unshared number costs its
// length plus three.
int NumberErrors(const std::vector<std::u32string>& quote,
                 const std::vector<std::u32string>& candidate);

struct Query {
  std::u32string raw_exact;                     // the quote's code points, for the exactness check
  std::size_t lead_space = 0, trail_space = 0;  // blanks (IsBlank) around the quote's raw text
  std::u32string quote;                         // normalised, without surrounding whitespace
  std::u32string before;  // normalised context before the quote, nearest kContextScore, reversed
  std::u32string after;   // normalised context after the quote, nearest kContextScore
  std::u32string prefix_search, suffix_search;    // nearest kContextSearch characters, in order
  bool has_context = false;                       // the selector gives a prefix or a suffix
  std::size_t given_before = 0, given_after = 0;  // its prefix's and suffix's code points, raw
  std::vector<std::u32string> numbers;            // in the quote, sorted
};

// Normalises prefix + exact + suffix together, so whitespace collapses across the joins the way
// it does in the text, and cuts the result at the quote's non-space characters.
Query MakeQuery(const QuoteSelector& selector);

// --- Candidates --------------------------------------------------------------------------------

struct Candidate {
  std::size_t start = 0, end = 0;  // normalised offsets
  int distance = -1;               // edit distance of the quote to text[start, end); -1: unknown
  int errors = 0;                  // distance plus the cost of numbers that differ
  double quote = 0, before = 0, after = 0, position = 0;
  double score = 0;          // with position
  double context_score = 0;  // without position: what decides between places
};

// Candidate places for the quote alone.
void QuoteCandidates(const AnchorText::Data& t, const Query& query, std::vector<Candidate>* out,
                     bool* overflowed);

// Candidate places for a short quote found together with its context: `pattern` is
// context_before + quote + context_after, and [quote_begin, quote_end) the quote in it.
void ContextCandidates(const AnchorText::Data& t, std::u32string_view pattern,
                       std::size_t quote_begin, std::size_t quote_end, std::vector<Candidate>* out);

}  // namespace anchoring
}  // namespace lectern

#endif  // LECTERN_ANCHORING_STEPS_H_
