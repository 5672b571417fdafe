// The places where a quote may be: where it matches with at most 35% errors, and for short quotes
// also where prefix+quote, quote+suffix or the three together match with at most 30% errors. Each
// search is Myers' bit-parallel search over the whole text, or, in a long text, over the windows
// its gram index proposes (gram_index.h).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <queue>
#include <utility>
#include <vector>

#include "match.h"
#include "steps.h"

namespace lectern::anchoring {
namespace {

using anchor_match::PatternMasks;

// Tuning (calibrated with bench/anchor_eval).
constexpr double kMaxQuoteErrors = 0.35;            // candidates for the quote alone
constexpr double kMaxContextErrors = 0.30;          // candidates for quote and context together
constexpr std::size_t kMaxCandidates = 1000;        // per quote search: the lowest-distance ends
constexpr std::size_t kMaxContextCandidates = 200;  // per context search

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

// The windows to search for `pattern`: those the text's gram index proposes, or the whole text.
std::vector<Window> WindowsFor(const AnchorText::Data& t, std::u32string_view pattern,
                               std::size_t max_errors) {
  if (t.index) {
    if (auto windows = t.index->Windows(t.norm, pattern, max_errors)) return std::move(*windows);
  }
  return {Window(0, t.norm.size())};
}

// Every end in `windows` (sorted, disjoint) where `pattern` matches with at most `max_errors`
// errors, into one collector: the same ends as a scan of the whole text, when the windows hold
// all the matches.
void SearchWindows(const PatternMasks& masks, std::u32string_view text,
                   const std::vector<Window>& windows, int max_errors, EndCollector* collector) {
  for (const Window& window : windows) {
    const std::size_t begin = window.first;  // a plain variable: lambdas capture it in C++17
    anchor_match::Search(masks, text.substr(begin, window.second - begin), max_errors, false,
                         [&](std::size_t e, int d) { collector->Add(begin + e, d); });
  }
}

}  // namespace

void QuoteCandidates(const AnchorText::Data& t, const Query& query, std::vector<Candidate>* out,
                     bool* overflowed) {
  const std::u32string_view text = t.norm, quote = query.quote;
  const int max_errors = static_cast<int>(std::floor(quote.size() * kMaxQuoteErrors));
  const PatternMasks masks(quote);
  std::u32string reversed(quote.rbegin(), quote.rend());
  const PatternMasks reversed_masks(reversed);
  EndCollector collector(kMaxCandidates);
  SearchWindows(masks, text, WindowsFor(t, quote, static_cast<std::size_t>(max_errors)), max_errors,
                &collector);
  *overflowed = *overflowed || collector.overflowed();
  for (const auto& [distance, end] : collector.Finish()) {
    Candidate c;
    c.end = end;
    c.start = StartOf(reversed_masks, text, end, distance);
    c.distance = distance;
    if (c.start < c.end) out->push_back(c);
  }
}

void ContextCandidates(const AnchorText::Data& t, std::u32string_view pattern,
                       std::size_t quote_begin, std::size_t quote_end,
                       std::vector<Candidate>* out) {
  const std::u32string_view text = t.norm;
  const int max_errors = static_cast<int>(std::floor(pattern.size() * kMaxContextErrors));
  EndCollector collector(kMaxContextCandidates);
  SearchWindows(PatternMasks(pattern), text,
                WindowsFor(t, pattern, static_cast<std::size_t>(max_errors)), max_errors,
                &collector);
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

}  // namespace lectern::anchoring
