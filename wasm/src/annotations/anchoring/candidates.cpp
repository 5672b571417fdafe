// The places where a quote may be: where it matches with at most 35% errors (Myers' bit-parallel
// search over the whole text, or, when that would cost too much, over the windows that q-gram
// seeds vote for), and for short quotes also where prefix+quote, quote+suffix or the three
// together match with at most 30% errors.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <queue>
#include <unordered_map>
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
constexpr double kSearchBudget = 2e7;  // Myers block steps (~50 ms) before seeded windows
constexpr std::size_t kGram = 8;       // seed length
constexpr std::size_t kBucket = 32;    // diagonal bucket width for seed votes
constexpr std::size_t kMaxWindows = 8;

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

}  // namespace

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

}  // namespace lectern::anchoring
