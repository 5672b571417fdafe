// What the parts of anchor_eval share: articles as code points, perturbed copies that remember
// where each code point came from (cases.cpp), the ground truth and Hypothesis's method to compare
// with (judge.cpp). See main.cpp for what the evaluation measures.
#ifndef LECTERN_BENCH_ANCHOR_EVAL_H_
#define LECTERN_BENCH_ANCHOR_EVAL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/anchoring.h"
#include "lectern/text.h"

namespace anchor_eval {

using lectern::AnchorResult;
using lectern::QuoteSelector;

// --- Utilities ----------------------------------------------------------------------------------

// splitmix64: the same sequence on every platform (std distributions are not).
struct Rng {
  std::uint64_t state;
  std::uint64_t Next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t Below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(Next() % n); }
  bool Chance(double p) { return static_cast<double>(Next() >> 11) * 0x1.0p-53 < p; }
};

bool ReadWholeFile(const std::string& path, std::string* out);

std::u32string ToU32(std::string_view s);

std::string ToUtf8(std::u32string_view s);

struct Range {
  std::size_t start = 0, end = 0;
};

// An article: its body in code points, and its sentences and paragraphs (code point offsets).
struct Text {
  std::string name;
  std::u32string body;
  std::vector<Range> sentences, paragraphs;
};

bool ReadText(const std::string& bytes, const std::string& name, Text* out);

// The words of [from, to): maximal runs of non-space code points.
std::vector<Range> Words(std::u32string_view text, std::size_t from, std::size_t to);

// Random sentence parts of 5-40 words.
std::vector<Range> PickSpans(const Text& t, Rng* rng, std::size_t count);

// --- Perturbations ----------------------------------------------------------------------------

// A perturbed text: each code point knows the original offset it came from (-1: new).
struct Doc {
  std::u32string text;
  std::vector<std::int64_t> orig;
  void Push(char32_t c, std::int64_t from) {
    text.push_back(c);
    orig.push_back(from);
  }
  void PushNew(std::u32string_view s) {
    for (char32_t c : s) Push(c, -1);
  }
};

Doc Identity(std::u32string_view text);

// Substitutions, deletions, insertions and transpositions of letters.
Doc Typos(const Doc& d, Rng* rng, double rate);

// Whole words replaced by words of other articles.
Doc ReplaceWords(const Doc& d, Rng* rng, double rate, const std::vector<std::u32string>& pool);

// Sentence- and paragraph-level edits of an article: sentences deleted, foreign sentences inserted
// before some, paragraphs in a new order.
struct Plan {
  std::vector<std::size_t> order;                       // paragraph order
  std::set<std::size_t> deleted;                        // sentence indices
  std::map<std::size_t, std::u32string> insert_before;  // sentence index → foreign sentence
};

Plan IdentityPlan(const Text& t);

Doc Build(const Text& t, const Plan& plan);

// Hard-wrapped lines, paragraph breaks collapsed to a line break, some double spaces and
// no-break spaces.
Doc Reflow(const Doc& d, Rng* rng);

// Hypothesis's failure case: an exact copy of the passage as a paragraph elsewhere, and one
// letter changed in the passage where it belongs.
Doc CopyElsewhere(const Text& t, Range span, Rng* rng);

// --- Another version of the story: greedy string tiling of words --------------------------------

// Maps the words of `b` to the words of `a` by greedy string tiling (the longest common runs of
// at least three words first, moves allowed), then fills short gaps between tiles that follow each
// other in both texts (a changed figure or word) by interpolation.
Doc MapVersion(std::u32string_view a, std::u32string_view b);

// --- Ground truth and outcomes
// --------------------------------------------------------------------

enum class Kind { kSurvives, kPartial, kDestroyed };

// Where an annotated passage went: the places it survives, wholly or partly. A passage whose
// exact text occurs more than once in the original has a place for each copy that survives: no
// selector can tell identical copies apart, so any of them is right.
struct Truth {
  Kind kind = Kind::kDestroyed;
  std::vector<Range> where;
  bool duplicated = false;  // the passage's text occurs more than once in the original
};

// Where [span) of the original went in `d`: survives when at least half its code points are
// there in one compact stretch, destroyed when none is, partial otherwise.
Truth TruthOf(const Doc& d, std::u32string_view original, Range span);

enum class Outcome { kRight, kNear, kOrphan, kWrong };

Outcome Judge(const Truth& truth, bool anchored, Range got);

// --- Hypothesis ----------------------------------------------------------------------------------

// approx-string-match's search(): the matches with the fewest errors (at most max_errors), each
// with the smallest start that has that many errors.
struct Match {
  std::size_t start, end;
  int errors;
};

struct Selector32 {
  std::u32string exact, prefix, suffix;
  bool has_position;
  std::size_t start, end;
};

Selector32 ToSelector32(const QuoteSelector& s);

AnchorResult HypothesisAnchor(std::u32string_view text, const Selector32& s);

}  // namespace anchor_eval

#endif  // LECTERN_BENCH_ANCHOR_EVAL_H_
