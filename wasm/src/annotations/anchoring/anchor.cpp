// Re-anchoring. The text and the selector are decoded to code points and normalised for matching
// (case folded, typographic quotes and dashes unified, whitespace runs collapsed to one space,
// invisible characters dropped) with a map back to the original code points, so a reflowed copy
// matches and offsets stay exact. Then:
//
// 1. Fast path: the position still holds the exact quote, and the context agrees there (or the
//    quote is long) → anchored there, score 1.
// 2. Candidates: places where the quote matches with at most 35% errors (Myers' bit-parallel
//    search over the whole text, or, when that would cost too much, over the windows that q-gram
//    seeds vote for); for short quotes also places where prefix+quote, quote+suffix or the three
//    together match with at most 30% errors, so that a short quote changed in its right context is
//    found even among thousands of exact copies.
// 3. Score: quote similarity (above what chance reaches; numbers that differ cost extra),
//    context agreement on each side (counted from the boundary outward, where an error costs
//    three agreeing characters, so unrelated text scores ~0) and closeness to the old position.
//    The quote weighs less when it is short, the context more.
// 4. Decide, preferring an orphan to a guess: the best place must beat every other by a margin
//    (a near tie between copies of the passage may be broken by a clearly nearer position; any
//    other tie is ambiguous); no place elsewhere may match the quote much better (conflict); a
//    short or repeated quote needs agreeing context; context on one side only needs a quote that
//    is nearly the same; and the score must reach the minimum.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <queue>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lectern/anchoring.h"
#include "lectern/text.h"
#include "match.h"

namespace lectern {

struct AnchorText::Data {
  std::u32string raw;  // the text's code points
  // The normalised text and, for each of its characters, the range [from, to) of raw code points
  // it stands for (a collapsed whitespace run stands for the whole run).
  std::u32string norm;
  std::vector<std::uint32_t> from, to;
  // For each raw index (and raw.size()), the normalised character covering it, or the next one.
  std::vector<std::uint32_t> norm_of;
};

namespace {

using anchor_match::PatternMasks;

// --- Tuning (calibrated with bench/anchor_eval.cpp) ----------------------------------------------

// Search.
constexpr double kMaxQuoteErrors = 0.35;      // candidates for the quote alone
constexpr double kMaxContextErrors = 0.30;    // candidates for quote and context together
constexpr std::size_t kShortQuote = 64;       // quotes up to this long also search with context
constexpr std::size_t kContextSearch = 32;    // context characters used in those searches
constexpr std::size_t kMaxCandidates = 1000;  // per quote search: the lowest-distance ends
constexpr std::size_t kMaxContextCandidates = 200;  // per context search
constexpr double kSearchBudget = 2e7;  // Myers block steps (~50 ms) before seeded windows
constexpr std::size_t kGram = 8;       // seed length
constexpr std::size_t kBucket = 32;    // diagonal bucket width for seed votes
constexpr std::size_t kMaxWindows = 8;

// Score.
constexpr std::size_t kContextScore = 64;  // context characters compared when scoring
constexpr std::size_t kContextFull = 32;   // context shorter than this earns partial credit
constexpr double kReliableQuote = 64;      // quotes shorter than this weigh less than context
constexpr double kQuoteWeight = 50, kSideWeight = 20, kPositionWeight = 10;
constexpr double kChanceQuote = 0.4;  // quote similarity that chance alone about reaches

// Decision.
constexpr double kMargin = 0.10;        // the best place must beat every other by this much
constexpr double kSameEvidence = 0.1;   // position breaks ties only between places this alike
constexpr double kCopyQuote = 0.95;     // ... and only between near-exact copies of the quote
constexpr double kConflictQuote = 0.9;  // a place elsewhere this similar to the quote ...
constexpr double kConflictGap = 0.1;    // ... and this much more similar than the winner ...
constexpr int kConflictErrors = 3;      // ... by at least this many errors: conflict, orphan
constexpr double kFastAgreement = 0.5;  // "agrees": fast path (each side), near the old place
constexpr double kMinAgreement = 0.75;  // a short or repeated quote: one side agrees this much
constexpr double kNearPosition = 0.8;   // "near the old place": within a fifth of the text
// Context on one side only: the quote must be this alike, from short (up to kOneSidedShort) to
// long quotes (from kOneSidedLong; in between, linearly): a long quote identifies its place by
// itself, a short one could be the neighbour of a deleted sentence.
constexpr double kOneSidedQuote = 0.85, kOneSidedLongQuote = 0.75;
constexpr double kOneSidedShort = 40, kOneSidedLong = 120;
constexpr double kMinQuote = 0.5;  // below this the passage was rewritten

// --- Text preparation
// -----------------------------------------------------------------------------

// Decodes UTF-8; each invalid byte becomes one U+FFFD, so the input never throws.
std::u32string Decode(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
  std::int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

bool IsSpace(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

// Characters that do not show and that editors insert or drop freely.
bool IsInvisible(char32_t c) {
  return c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

bool IsMark(char32_t c) {
  const int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK;
}

// One code point folded for matching: case, and the typographic variants that copies of a story
// swap freely (curly and straight quotes, dashes). Always one code point, so offsets map 1:1.
char32_t Fold(char32_t c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
      return U'\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB:
      return U'"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return U'-';
    default:
      return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
  }
}

// The normalised form of `raw` with its map back to raw code points.
struct Normalised {
  std::u32string chars;
  std::vector<std::uint32_t> from, to;
};

Normalised Normalise(std::u32string_view raw) {
  Normalised n;
  n.chars.reserve(raw.size());
  n.from.reserve(raw.size());
  n.to.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char32_t c = raw[i];
    const auto at = static_cast<std::uint32_t>(i);
    if (IsSpace(c)) {
      if (!n.chars.empty() && n.chars.back() == U' ') {
        n.to.back() = at + 1;  // the run grows
        continue;
      }
      n.chars.push_back(U' ');
    } else if (IsInvisible(c)) {
      if (!n.chars.empty() && n.chars.back() == U' ') n.to.back() = at + 1;
      continue;
    } else {
      n.chars.push_back(Fold(c));
    }
    n.from.push_back(at);
    n.to.push_back(at + 1);
  }
  return n;
}

std::shared_ptr<const AnchorText::Data> Prepare(std::string_view text) {
  auto data = std::make_shared<AnchorText::Data>();
  data->raw = Decode(text);
  Normalised n = Normalise(data->raw);
  data->norm = std::move(n.chars);
  data->from = std::move(n.from);
  data->to = std::move(n.to);
  const std::size_t size = data->raw.size();
  data->norm_of.assign(size + 1, UINT32_MAX);
  data->norm_of[size] = static_cast<std::uint32_t>(data->norm.size());
  for (std::size_t k = 0; k < data->norm.size(); ++k) {
    for (std::uint32_t r = data->from[k]; r < data->to[k]; ++r) {
      data->norm_of[r] = static_cast<std::uint32_t>(k);
    }
  }
  for (std::size_t r = size; r-- > 0;) {
    if (data->norm_of[r] == UINT32_MAX) data->norm_of[r] = data->norm_of[r + 1];
  }
  return data;
}

// --- The selector, normalised ----------------------------------------------------------------

// The numbers in normalised text: runs of digits, with the separators inside them ("25,000",
// "7-3/8", "2.50"), sorted.
std::vector<std::u32string> Numbers(std::u32string_view s) {
  std::vector<std::u32string> out;
  auto digit = [](char32_t c) { return u_isdigit(static_cast<UChar32>(c)) != 0; };
  for (std::size_t i = 0; i < s.size();) {
    if (!digit(s[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < s.size() && (digit(s[i]) || ((s[i] == U'.' || s[i] == U',' || s[i] == U'/' ||
                                             s[i] == U':' || s[i] == U'-') &&
                                            i + 1 < s.size() && digit(s[i + 1])))) {
      ++i;
    }
    out.emplace_back(s.substr(start, i - start));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Extra errors for the numbers that the quote and a candidate do not share: a figure that
// changed makes a different statement ("rose 5.2 pct" is not "rose 6.9 pct"), and parallel
// sentences, table rows and results lines differ in little else. Each unshared number costs its
// length plus three.
int NumberErrors(const std::vector<std::u32string>& quote,
                 const std::vector<std::u32string>& candidate) {
  int extra = 0;
  std::size_t i = 0, j = 0;
  while (i < quote.size() || j < candidate.size()) {
    if (j == candidate.size() || (i < quote.size() && quote[i] < candidate[j])) {
      extra += 3 + static_cast<int>(quote[i++].size());
    } else if (i == quote.size() || candidate[j] < quote[i]) {
      extra += 3 + static_cast<int>(candidate[j++].size());
    } else {
      ++i;
      ++j;
    }
  }
  return extra;
}

struct Query {
  std::u32string raw_exact;                     // the quote's code points, for the exactness check
  std::size_t lead_space = 0, trail_space = 0;  // whitespace around the quote's raw text
  std::u32string quote;                         // normalised, without surrounding whitespace
  std::u32string before;  // normalised context before the quote, nearest kContextScore, reversed
  std::u32string after;   // normalised context after the quote, nearest kContextScore
  std::u32string prefix_search, suffix_search;  // nearest kContextSearch characters, in order
  bool has_context = false;                     // the selector gives a prefix or a suffix
  std::vector<std::u32string> numbers;          // in the quote, sorted
};

// Normalises prefix + exact + suffix together, so whitespace collapses across the joins the way
// it does in the text, and cuts the result at the quote's non-space characters.
Query MakeQuery(const QuoteSelector& selector) {
  Query q;
  q.raw_exact = Decode(selector.exact);
  const std::u32string raw_prefix = Decode(selector.prefix);
  const std::u32string raw_suffix = Decode(selector.suffix);
  q.has_context = !raw_prefix.empty() || !raw_suffix.empty();
  while (q.lead_space < q.raw_exact.size() && IsSpace(q.raw_exact[q.lead_space])) ++q.lead_space;
  while (q.trail_space < q.raw_exact.size() - q.lead_space &&
         IsSpace(q.raw_exact[q.raw_exact.size() - 1 - q.trail_space])) {
    ++q.trail_space;
  }
  const std::u32string all = raw_prefix + q.raw_exact + raw_suffix;
  const Normalised n = Normalise(all);
  const std::size_t quote_from = raw_prefix.size(),
                    quote_to = raw_prefix.size() + q.raw_exact.size();
  std::size_t begin = n.chars.size(), end = 0;
  for (std::size_t k = 0; k < n.chars.size(); ++k) {
    if (n.chars[k] == U' ' || n.from[k] < quote_from || n.to[k] > quote_to) continue;
    begin = std::min(begin, k);
    end = k + 1;
  }
  if (begin >= end) return q;  // nothing but whitespace: q.quote stays empty
  q.quote = n.chars.substr(begin, end - begin);
  q.numbers = Numbers(q.quote);
  const std::size_t before_from = begin > kContextScore ? begin - kContextScore : 0;
  q.before.assign(n.chars.rbegin() + static_cast<std::ptrdiff_t>(n.chars.size() - begin),
                  n.chars.rbegin() + static_cast<std::ptrdiff_t>(n.chars.size() - before_from));
  q.after = n.chars.substr(end, kContextScore);
  const std::size_t search_from = begin > kContextSearch ? begin - kContextSearch : 0;
  q.prefix_search = n.chars.substr(search_from, begin - search_from);
  q.suffix_search = n.chars.substr(end, kContextSearch);
  return q;
}

// --- Candidates --------------------------------------------------------------------------------

struct Candidate {
  std::size_t start = 0, end = 0;  // normalised offsets
  int distance = -1;               // edit distance of the quote to text[start, end); -1: unknown
  int errors = 0;                  // distance plus the cost of numbers that differ
  double quote = 0, before = 0, after = 0, position = 0;
  double score = 0;          // with position
  double context_score = 0;  // without position: what decides between places
};

// Keeps the `capacity` lowest (distance, end) local minima reported by a search. The distances
// of consecutive ends form valleys around each match; only each valley's floor is a candidate
// end (a flat floor keeps all its ends: the scoring chooses among them).
class EndCollector {
 public:
  explicit EndCollector(std::size_t capacity) : capacity_(capacity) {}
  /// Feeds the next reported end (ends ascend; a gap means the distance there exceeded the limit).
  void Add(std::size_t end, int distance) {
    if (has_[1]) {
      const bool left_ok = !has_[0] || ends_[0] + 1 != ends_[1] || dist_[1] <= dist_[0];
      const bool right_ok = ends_[1] + 1 != end || dist_[1] <= distance;
      if (left_ok && right_ok) Keep(ends_[1], dist_[1]);
    }
    Shift(end, distance);
  }
  /// Flushes the last end and returns the kept ends, as (distance, end), best first.
  std::vector<std::pair<int, std::size_t>> Finish() {
    if (has_[1]) {
      const bool left_ok = !has_[0] || ends_[0] + 1 != ends_[1] || dist_[1] <= dist_[0];
      if (left_ok) Keep(ends_[1], dist_[1]);
    }
    has_[0] = has_[1] = false;
    std::vector<std::pair<int, std::size_t>> out;
    while (!heap_.empty()) {
      out.push_back(heap_.top());
      heap_.pop();
    }
    std::reverse(out.begin(), out.end());
    return out;
  }
  /// Whether some ends were dropped for lack of room.
  bool overflowed() const { return overflowed_; }

 private:
  void Shift(std::size_t end, int distance) {
    ends_[0] = ends_[1];
    dist_[0] = dist_[1];
    has_[0] = has_[1];
    ends_[1] = end;
    dist_[1] = distance;
    has_[1] = true;
  }
  void Keep(std::size_t end, int distance) {
    heap_.emplace(distance, end);
    if (heap_.size() > capacity_) {
      heap_.pop();
      overflowed_ = true;
    }
  }
  std::size_t capacity_;
  std::size_t ends_[2] = {0, 0};
  int dist_[2] = {0, 0};
  bool has_[2] = {false, false};
  bool overflowed_ = false;
  std::priority_queue<std::pair<int, std::size_t>> heap_;  // max-heap: the worst on top
};

// The start of the tightest substring ending at `end` that has the smallest edit distance to the
// quote (searching backwards with the reversed quote, anchored at `end`).
std::size_t StartOf(const PatternMasks& reversed_quote, std::u32string_view text, std::size_t end,
                    int distance) {
  const std::size_t reach = reversed_quote.size() + static_cast<std::size_t>(distance);
  const std::size_t from = end > reach ? end - reach : 0;
  std::u32string window(text.substr(from, end - from));
  std::reverse(window.begin(), window.end());
  int best = INT32_MAX;
  std::size_t best_length = 0;
  anchor_match::Search(reversed_quote, window, distance, /*anchored_start=*/true,
                       [&](std::size_t length, int d) {
                         if (d < best) {
                           best = d;
                           best_length = length;
                         }
                       });
  return best == INT32_MAX ? end - std::min(end, reversed_quote.size()) : end - best_length;
}

// The windows of `text` where the quote's q-grams vote for a diagonal: the seeds that bound the
// work on long quotes in long texts. Each window is [first, second).
std::vector<std::pair<std::size_t, std::size_t>> SeedWindows(std::u32string_view text,
                                                             std::u32string_view quote,
                                                             std::size_t max_errors,
                                                             std::size_t max_windows) {
  std::vector<std::pair<std::size_t, std::size_t>> windows;
  const std::size_t m = quote.size(), n = text.size();
  if (m < kGram || n < kGram) return windows;
  constexpr std::uint64_t kBase = 1000003;
  std::uint64_t top = 1;  // kBase^(kGram-1)
  for (std::size_t i = 1; i < kGram; ++i) top *= kBase;
  auto hash_all = [&](std::u32string_view s, auto&& visit) {
    std::uint64_t h = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (i >= kGram) h -= top * s[i - kGram];
      h = h * kBase + s[i];
      if (i + 1 >= kGram) visit(i + 1 - kGram, h);
    }
  };
  // The quote's grams; grams that repeat in the quote carry little information.
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> grams;
  std::vector<std::uint64_t> filter(1 << 14, 0);  // a one-hash Bloom filter over 2^20 bits
  hash_all(quote, [&](std::size_t offset, std::uint64_t h) {
    grams[h].push_back(static_cast<std::uint32_t>(offset));
    const std::uint64_t bit = (h >> 7) & ((1u << 20) - 1);
    filter[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  });
  std::vector<std::uint32_t> votes((n + m) / kBucket + 2, 0);
  hash_all(text, [&](std::size_t i, std::uint64_t h) {
    const std::uint64_t bit = (h >> 7) & ((1u << 20) - 1);
    if (!(filter[bit >> 6] >> (bit & 63) & 1)) return;
    const auto it = grams.find(h);
    if (it == grams.end() || it->second.size() > 4) return;
    for (std::uint32_t offset : it->second) ++votes[(i + m - offset) / kBucket];
  });
  // Indels drift the diagonal: sum neighbouring buckets, then take peaks far enough apart.
  const std::size_t spread = 2 + max_errors / kBucket;
  std::vector<std::uint64_t> smooth(votes.size(), 0);
  for (std::size_t b = 0; b < votes.size(); ++b) {
    for (std::size_t d = b > spread ? b - spread : 0; d <= std::min(votes.size() - 1, b + spread);
         ++d) {
      smooth[b] += votes[d];
    }
  }
  std::vector<bool> taken(votes.size(), false);
  std::uint64_t first = 0;
  for (std::size_t w = 0; w < max_windows; ++w) {
    std::size_t peak = votes.size();
    for (std::size_t b = 0; b < votes.size(); ++b) {
      if (!taken[b] && smooth[b] > 0 && (peak == votes.size() || smooth[b] > smooth[peak]))
        peak = b;
    }
    if (peak == votes.size() || smooth[peak] < 3 || smooth[peak] * 10 < first) break;
    if (w == 0) first = smooth[peak];
    const std::size_t reach = m / kBucket + spread + 1;
    for (std::size_t b = peak > reach ? peak - reach : 0;
         b <= std::min(votes.size() - 1, peak + reach); ++b) {
      taken[b] = true;
    }
    // Diagonal peak*kBucket - m is where the quote's first character would be.
    const long diagonal = static_cast<long>(peak * kBucket) - static_cast<long>(m);
    const long slack = static_cast<long>(max_errors + 2 * kBucket * (spread + 1));
    const long begin = std::max(0L, diagonal - slack);
    const long end = std::min(static_cast<long>(n), diagonal + static_cast<long>(m) + slack);
    if (begin < end) windows.emplace_back(begin, end);
  }
  return windows;
}

// Candidate places for the quote alone.
void QuoteCandidates(const AnchorText::Data& t, const Query& query, std::vector<Candidate>* out,
                     bool* overflowed) {
  const std::u32string_view text = t.norm, quote = query.quote;
  const int max_errors = static_cast<int>(std::floor(quote.size() * kMaxQuoteErrors));
  const PatternMasks masks(quote);
  std::u32string reversed(quote.rbegin(), quote.rend());
  const PatternMasks reversed_masks(reversed);
  std::vector<std::pair<std::size_t, std::size_t>> windows;
  const double work = static_cast<double>(masks.blocks()) * static_cast<double>(text.size());
  if (masks.blocks() > 1 && work > kSearchBudget) {
    const double window_work = static_cast<double>(masks.blocks()) *
                               static_cast<double>(quote.size() + 2 * max_errors + 8 * kBucket);
    const auto affordable = static_cast<std::size_t>(std::max(1.0, kSearchBudget / window_work));
    windows = SeedWindows(text, quote, max_errors, std::min(kMaxWindows, affordable));
  } else {
    windows.emplace_back(0, text.size());
  }
  std::vector<std::pair<int, std::size_t>> ends;
  for (const auto& window : windows) {
    const std::size_t begin = window.first;  // a plain variable: lambdas capture it in C++17
    EndCollector collector(kMaxCandidates);
    anchor_match::Search(masks, text.substr(begin, window.second - begin), max_errors, false,
                         [&](std::size_t e, int d) { collector.Add(begin + e, d); });
    for (const auto& found : collector.Finish()) ends.push_back(found);
    *overflowed = *overflowed || collector.overflowed();
  }
  for (const auto& [distance, end] : ends) {
    Candidate c;
    c.end = end;
    c.start = StartOf(reversed_masks, text, end, distance);
    c.distance = distance;
    if (c.start < c.end) out->push_back(c);
  }
}

// Candidate places for a short quote found together with its context: `pattern` is
// context_before + quote + context_after, and [quote_begin, quote_end) the quote in it.
void ContextCandidates(const AnchorText::Data& t, std::u32string_view pattern,
                       std::size_t quote_begin, std::size_t quote_end,
                       std::vector<Candidate>* out) {
  const std::u32string_view text = t.norm;
  const int max_errors = static_cast<int>(std::floor(pattern.size() * kMaxContextErrors));
  EndCollector collector(kMaxContextCandidates);
  anchor_match::Search(PatternMasks(pattern), text, max_errors, false,
                       [&](std::size_t e, int d) { collector.Add(e, d); });
  for (const auto& [distance, end] : collector.Finish()) {
    const std::size_t reach = pattern.size() + static_cast<std::size_t>(distance);
    const std::size_t from = end > reach ? end - reach : 0;
    std::size_t begin = 0, finish = 0;
    anchor_match::AlignSuffix(pattern, text.substr(from, end - from), quote_begin, quote_end,
                              &begin, &finish);
    Candidate c;
    c.start = from + begin;
    c.end = from + finish;
    if (c.start < c.end) out->push_back(c);
  }
}

// --- Scoring ---------------------------------------------------------------------------------

// Agreement (0..1) of one side's context with the text beside a candidate. `context` runs from
// the quote outward; `available` is how much text there is on that side.
double SideAgreement(std::u32string_view context, std::u32string_view beside,
                     std::size_t available) {
  if (context.empty()) {
    // The selector had nothing on this side: the quote was at the text's edge. Agreement when the
    // candidate is at the edge too.
    return available == 0 || (available == 1 && beside.size() == 1 && beside[0] == U' ') ? 1 : 0;
  }
  // A short context means the quote was near the edge of its text: full credit only when the
  // candidate is near the edge too, else the context counts as what it is, a few characters.
  const double full =
      static_cast<double>(std::max(context.size(), std::min(kContextFull, available)));
  const long agreed = anchor_match::ContextAgreement(context, beside);
  return std::min(1.0, static_cast<double>(agreed) / full);
}

struct Weights {
  double quote, side, position;
};

Weights WeightsFor(const Query& query, bool has_position) {
  const double reliable = std::min(1.0, static_cast<double>(query.quote.size()) / kReliableQuote);
  Weights w;
  w.quote = kQuoteWeight * reliable;
  // A short quote says little by itself: its weight goes to the context.
  // Without context the sides weigh as much as ever and agree with nothing: a selector with only a
  // quote has less evidence, not a different scale.
  w.side = kSideWeight + kQuoteWeight * (1 - reliable) / 2;
  w.position = has_position ? kPositionWeight : 0;
  return w;
}

void Score(const AnchorText::Data& t, const Query& query, const QuoteSelector& selector,
           const Weights& w, Candidate* c) {
  const std::u32string_view text = t.norm;
  if (c->distance < 0) {
    c->distance = anchor_match::EditDistance(query.quote, text.substr(c->start, c->end - c->start));
  }
  const double m = static_cast<double>(query.quote.size());
  c->errors =
      c->distance + NumberErrors(query.numbers, Numbers(text.substr(c->start, c->end - c->start)));
  c->quote = std::max(0.0, 1 - c->errors / m);
  if (query.has_context) {
    const std::size_t reach_before = query.before.size() + query.before.size() / 2 + 2;
    const std::size_t from = c->start > reach_before ? c->start - reach_before : 0;
    std::u32string beside(text.substr(from, c->start - from));
    std::reverse(beside.begin(), beside.end());
    c->before = SideAgreement(query.before, beside, c->start);
    const std::size_t reach_after = query.after.size() + query.after.size() / 2 + 2;
    c->after = SideAgreement(query.after, text.substr(c->end, reach_after), text.size() - c->end);
  }
  if (selector.has_position) {
    const double size = std::max<double>(1, static_cast<double>(t.raw.size()));
    const double moved =
        std::fabs(static_cast<double>(t.from[c->start]) - static_cast<double>(selector.start));
    c->position = std::max(0.0, 1 - moved / size);
  }
  // The best window of any text agrees with a quote in about half its characters: only
  // similarity above that is evidence.
  const double quote_evidence = std::max(0.0, (c->quote - kChanceQuote) / (1 - kChanceQuote));
  const double evidence = w.quote * quote_evidence + w.side * (c->before + c->after);
  const double total = w.quote + 2 * w.side;
  c->context_score = total > 0 ? evidence / total : 0;
  c->score = (evidence + w.position * c->position) / (total + w.position);
}

// --- Results ---------------------------------------------------------------------------------

// Whether raw[from, to) holds a paragraph break (a blank line or U+2029).
bool HasParagraphBreak(std::u32string_view raw, std::size_t from, std::size_t to) {
  int lines = 0;
  for (std::size_t i = from; i < to; ++i) {
    const char32_t c = raw[i];
    if (c == 0x2029) return true;
    if (c == U'\n' || c == 0x2028 || c == 0x85 ||
        (c == U'\r' && (i + 1 >= to || raw[i + 1] != U'\n'))) {
      if (++lines >= 2) return true;
    } else if (!IsSpace(c)) {
      lines = 0;
    }
  }
  return false;
}

// A quote without a paragraph break whose match runs a little way into the next or previous
// paragraph (a dropped ", he said." absorbs the next paragraph's first word as cheaply as it is
// deleted) is cut back to its own paragraph. A larger part on the other side is kept: the other
// version split the paragraph.
void TrimAtParagraphs(const AnchorText::Data& t, const Query& query, Candidate* c) {
  if (HasParagraphBreak(query.raw_exact, 0, query.raw_exact.size())) return;
  bool trimmed = true;
  while (trimmed) {
    trimmed = false;
    const std::size_t length = c->end - c->start;
    for (std::size_t k = c->start + 1; k + 1 < c->end; ++k) {
      if (t.norm[k] != U' ' || !HasParagraphBreak(t.raw, t.from[k], t.to[k])) continue;
      if ((k - c->start) * 5 < length) {
        c->start = k + 1;
        trimmed = true;
      } else if ((c->end - k - 1) * 5 < length) {
        c->end = k;
        trimmed = true;
      }
      if (trimmed) break;
    }
  }
}

// Maps the normalised candidate back to raw code points: the quote's own surrounding whitespace
// comes back, and a combining mark is never cut from its base.
AnchorResult ToResult(const AnchorText::Data& t, const Query& query, const Candidate& c) {
  AnchorResult r;
  r.anchored = true;
  std::size_t start = t.from[c.start], end = t.to[c.end - 1];
  // A collapsed run at an edge of the match: keep only what the quote itself had.
  if (t.norm[c.start] == U' ' && query.lead_space == 0) start = t.to[c.start];
  if (t.norm[c.end - 1] == U' ' && query.trail_space == 0) end = t.from[c.end - 1];
  if (start >= end) {
    start = t.from[c.start];
    end = t.to[c.end - 1];
  }
  for (std::size_t i = 0; i < query.lead_space && start > 0 && IsSpace(t.raw[start - 1]); ++i) {
    --start;
  }
  for (std::size_t i = 0; i < query.trail_space && end < t.raw.size() && IsSpace(t.raw[end]); ++i) {
    ++end;
  }
  if (!query.raw_exact.empty() && !IsMark(query.raw_exact.front())) {
    while (start > 0 && start < t.raw.size() && IsMark(t.raw[start])) --start;
  }
  while (end < t.raw.size() && IsMark(t.raw[end])) ++end;
  r.start = start;
  r.end = end;
  r.exact = std::u32string_view(t.raw).substr(start, end - start) == query.raw_exact;
  r.score = c.score;
  r.quote_score = c.quote;
  r.prefix_score = c.before;
  r.suffix_score = c.after;
  return r;
}

AnchorResult Orphan(double score, const char* reason) {
  AnchorResult r;
  r.score = score;
  r.reason = reason;
  return r;
}

// An orphan that reports its best candidate.
AnchorResult Orphan(const Candidate& best, const char* reason) {
  AnchorResult r = Orphan(best.score, reason);
  r.quote_score = best.quote;
  r.prefix_score = best.before;
  r.suffix_score = best.after;
  return r;
}

bool Overlap(const Candidate& a, const Candidate& b) { return a.start < b.end && b.start < a.end; }

AnchorResult AnchorImpl(const AnchorText::Data& t, const QuoteSelector& selector,
                        const AnchorOptions& options) {
  const Query query = MakeQuery(selector);
  if (query.quote.empty()) return Orphan(0, "empty quote");
  const Weights weights = WeightsFor(query, selector.has_position);
  const std::size_t m = query.quote.size();

  // 1. Fast path.
  const bool position_valid =
      selector.has_position && selector.start <= selector.end && selector.end <= t.raw.size();
  Candidate at_position;
  bool have_at_position = false;
  if (position_valid) {
    const std::size_t start =
        t.norm_of[selector.start + std::min(query.lead_space, selector.end - selector.start)];
    const std::size_t raw_end =
        selector.end - std::min(query.trail_space, selector.end - selector.start);
    std::size_t end = t.norm_of[raw_end];
    if (end < t.norm.size() && t.from[end] < raw_end) ++end;
    if (start < end) {
      at_position.start = start;
      at_position.end = end;
      Score(t, query, selector, weights, &at_position);
      have_at_position = true;
      const bool exact = std::u32string_view(t.raw).substr(
                             selector.start, selector.end - selector.start) == query.raw_exact;
      // Another copy of the quote may have moved under the old position: both sides must agree.
      const bool context_agrees = !query.has_context || (at_position.before >= kFastAgreement &&
                                                         at_position.after >= kFastAgreement);
      if (exact && (context_agrees || m >= kShortQuote)) {
        AnchorResult r;
        r.anchored = true;
        r.start = selector.start;
        r.end = selector.end;
        r.score = 1;
        r.exact = true;
        r.reason = "exact at position";
        return r;
      }
    }
  }

  // 2. Candidates.
  std::vector<Candidate> candidates;
  bool overflowed = false;
  QuoteCandidates(t, query, &candidates, &overflowed);
  if (m <= kShortQuote) {
    const std::u32string& p = query.prefix_search;
    const std::u32string& s = query.suffix_search;
    // With both sides, the quote may have changed beyond the quote search's reach. With one side
    // only, the quote must be nearly the same to be accepted (one_sided_quote below), so the
    // quote search has found it unless it had to drop candidates.
    if (!p.empty() && !s.empty()) {
      ContextCandidates(t, p + query.quote + s, p.size(), p.size() + m, &candidates);
    }
    if (overflowed || p.empty() || s.empty()) {
      if (!p.empty()) ContextCandidates(t, p + query.quote, p.size(), p.size() + m, &candidates);
      if (!s.empty()) ContextCandidates(t, query.quote + s, 0, m, &candidates);
    }
  }
  if (have_at_position) candidates.push_back(at_position);
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  candidates.erase(std::unique(candidates.begin(), candidates.end(),
                               [](const Candidate& a, const Candidate& b) {
                                 return a.start == b.start && a.end == b.end;
                               }),
                   candidates.end());
  if (candidates.empty()) return Orphan(0, "not found");

  // 3. Scores.
  for (Candidate& c : candidates) Score(t, query, selector, weights, &c);
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.context_score != b.context_score) return a.context_score > b.context_score;
    if (a.score != b.score) return a.score > b.score;
    return a.start < b.start;
  });
  // One candidate per place: overlapping candidates are the same place, the best one stands.
  std::vector<Candidate> places;
  for (const Candidate& c : candidates) {
    bool seen = false;
    for (const Candidate& p : places) seen = seen || Overlap(c, p);
    if (!seen) places.push_back(c);
  }

  // 4. Decide.
  const Candidate* winner = &places[0];
  std::vector<const Candidate*> tied;
  for (const Candidate& p : places) {
    // Near the best on quote and context, or on all the evidence with the position.
    if (p.context_score >= places[0].context_score - kMargin ||
        p.score >= places[0].score - kMargin) {
      tied.push_back(&p);
    }
  }
  if (tied.size() > 1) {
    // Quote and context do not tell these places apart; the old position may, when one place is
    // clearly nearer than all the others.
    if (!selector.has_position) return Orphan(places[0], "ambiguous");
    auto moved = [&](const Candidate* c) {
      return std::fabs(static_cast<double>(t.from[c->start]) - static_cast<double>(selector.start));
    };
    std::sort(tied.begin(), tied.end(),
              [&](const Candidate* a, const Candidate* b) { return moved(a) < moved(b); });
    if (moved(tied[0]) * 3 >= moved(tied[1])) return Orphan(places[0], "ambiguous");
    // Only between copies of one passage (the same quote and context, as in repeated
    // boilerplate): a near tie between different kinds of evidence is no tie to break.
    for (const Candidate* other : tied) {
      if (std::fabs(other->quote - tied[0]->quote) > kSameEvidence ||
          std::fabs(other->before - tied[0]->before) > kSameEvidence ||
          std::fabs(other->after - tied[0]->after) > kSameEvidence || other->quote < kCopyQuote) {
        return Orphan(places[0], "ambiguous");
      }
    }
    winner = tied[0];
  }
  // The context points here but the quote, much better, somewhere else: do not guess.
  // (A one-letter variant in its context still beats an exact copy elsewhere: one error is no
  // conflict.)
  for (const Candidate& p : places) {
    if (&p != winner && p.quote >= kConflictQuote && p.quote - winner->quote >= kConflictGap &&
        winner->errors - p.errors >= kConflictErrors) {
      return Orphan(*winner, "conflict");
    }
  }
  // A short quote, or one found in several places, proves nothing by itself: the context must
  // agree.
  std::size_t similar = 0;
  for (const Candidate& p : places) {
    if (p.quote >= winner->quote - 0.1) ++similar;
  }
  const bool weak = m < kReliableQuote || similar > 1 || overflowed;
  const double agreement = std::max(winner->before, winner->after);
  const bool near_old_place = selector.has_position && winner->position >= kNearPosition;
  if (weak && query.has_context &&
      !(agreement >= kMinAgreement || (agreement >= kFastAgreement && near_old_place))) {
    return Orphan(*winner, "no context");
  }
  // With context on one side only, the quote itself must identify the place: a neighbour of a
  // deleted sentence inherits its context.
  const double longness = std::clamp(
      (static_cast<double>(m) - kOneSidedShort) / (kOneSidedLong - kOneSidedShort), 0.0, 1.0);
  const double one_sided_quote = kOneSidedQuote - (kOneSidedQuote - kOneSidedLongQuote) * longness;
  if (query.has_context && std::min(winner->before, winner->after) < kFastAgreement &&
      winner->quote < one_sided_quote) {
    return Orphan(*winner, "one-sided");
  }
  if (winner->quote < kMinQuote) return Orphan(*winner, "quote changed");
  if (winner->score < options.min_score) return Orphan(*winner, "below minimum");
  Candidate chosen = *winner;
  TrimAtParagraphs(t, query, &chosen);
  AnchorResult r = ToResult(t, query, chosen);
  r.reason = r.exact ? "exact" : "fuzzy";
  return r;
}

}  // namespace

AnchorText::AnchorText(std::string_view text) : data_(Prepare(text)) {}

std::size_t AnchorText::size() const { return data_->raw.size(); }

AnchorResult Anchor(const AnchorText& text, const QuoteSelector& selector,
                    const AnchorOptions& options) {
  try {
    return AnchorImpl(text.data(), selector, options);
  } catch (const std::exception&) {
    // Out of memory on a huge input: report an orphan rather than fail the whole import.
    return Orphan(0, "internal error");
  }
}

AnchorResult Anchor(std::string_view text, const QuoteSelector& selector,
                    const AnchorOptions& options) {
  try {
    return Anchor(AnchorText(text), selector, options);
  } catch (const std::exception&) {
    return Orphan(0, "internal error");
  }
}

QuoteSelector DescribeRange(std::string_view text, std::size_t start, std::size_t end,
                            std::size_t context) {
  const std::u32string raw = Decode(text);
  start = std::min(start, raw.size());
  end = std::min(std::max(end, start), raw.size());
  const std::size_t before = start > context ? start - context : 0;
  const std::size_t after = end + std::min(context, raw.size() - end);
  QuoteSelector s;
  for (std::size_t i = before; i < start; ++i) AppendUtf8(raw[i], &s.prefix);
  for (std::size_t i = start; i < end; ++i) AppendUtf8(raw[i], &s.exact);
  for (std::size_t i = end; i < after; ++i) AppendUtf8(raw[i], &s.suffix);
  s.has_position = true;
  s.start = start;
  s.end = end;
  return s;
}

}  // namespace lectern
