// The gram index: positions grouped by a hash of the gram (counting sort into buckets, then by a
// 32-bit key within each), and windows chosen by diagonal votes: a gram of the pattern at offset
// o found at text position p votes for a match starting near p - o.
#include "gram_index.h"

#include <algorithm>
#include <cmath>

namespace lectern::anchoring {
namespace {

constexpr std::size_t kBucket = 32;  // diagonal bucket width: votes this close are one place
// Votes count over a bucket and its two neighbours: indels move a match's later grams off its
// first diagonal, but a stretch without indels keeps its votes within that band.
constexpr std::size_t kBand = 1;
// A window qualifies with this share of the pattern's looked-up grams in its band, and clearly
// more than chance gives a band (the expected count of chance votes plus four standard
// deviations). The grams looked up lie side by side, so an edit costs at most two of them: a
// place with few errors keeps most; one with many may still be found through the context
// searches. Checked with bench/anchor_eval with the index forced on every text (BENCHMARKS.md).
constexpr double kMinVotes = 0.1;
constexpr std::size_t kMaxGrams = 256;   // grams of a long pattern looked up (evenly spaced)
constexpr double kMinShareOfBest = 0.5;  // ... and at least this share of the best band's votes
constexpr std::size_t kMaxVotes = 4096;  // places read per pattern (the rarest grams' first)
constexpr std::size_t kMaxCover = 4;     // windows over 1/kMaxCover of the text: scan it instead

std::uint64_t HashGram(std::u32string_view gram) {
  std::uint64_t h = 0;
  for (char32_t c : gram) h = (h ^ c) * 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 29);
}

}  // namespace

GramIndex::GramIndex(std::u32string_view text) {
  const std::size_t n = text.size();
  if (n < kGram) return;
  const std::size_t grams = n - kGram + 1;
  unsigned bits = 8;  // at least 256 buckets, about 4 grams per bucket
  while ((std::size_t{1} << bits) < grams / 4) ++bits;
  shift_ = 64 - bits;
  starts_.assign((std::size_t{1} << bits) + 1, 0);
  std::vector<std::uint64_t> hashes(grams);
  for (std::size_t p = 0; p < grams; ++p) {
    hashes[p] = HashGram(text.substr(p, kGram));
    ++starts_[(hashes[p] >> shift_) + 1];
  }
  for (std::size_t b = 1; b < starts_.size(); ++b) starts_[b] += starts_[b - 1];
  positions_.resize(grams);
  std::vector<std::uint32_t> fill(starts_.begin(), starts_.end() - 1);
  for (std::size_t p = 0; p < grams; ++p) {
    positions_[fill[hashes[p] >> shift_]++] = static_cast<std::uint32_t>(p);
  }
  keys_.resize(grams);
  for (std::size_t b = 0; b + 1 < starts_.size(); ++b) {
    const auto first = positions_.begin() + starts_[b], last = positions_.begin() + starts_[b + 1];
    // By key, then position (the stable sort keeps positions ascending).
    std::stable_sort(first, last, [&](std::uint32_t x, std::uint32_t y) {
      return static_cast<std::uint32_t>(hashes[x]) < static_cast<std::uint32_t>(hashes[y]);
    });
    for (auto it = first; it != last; ++it) {
      keys_[static_cast<std::size_t>(it - positions_.begin())] =
          static_cast<std::uint32_t>(hashes[*it]);
    }
  }
}

std::size_t GramIndex::memory() const {
  return (starts_.capacity() + keys_.capacity() + positions_.capacity()) * sizeof(std::uint32_t);
}

std::optional<std::vector<Window>> GramIndex::Windows(std::u32string_view text,
                                                      std::u32string_view pattern,
                                                      std::size_t max_errors) const {
  const std::size_t m = pattern.size(), n = text.size();
  if (m < kGram || positions_.empty()) return std::nullopt;
  // The pattern's grams side by side, not overlapping: the overlapping grams of one shared word
  // would vote together, and chance would look like a match.
  struct Gram {
    std::size_t places, offset, first;  // first: its first entry in keys_
  };
  std::vector<Gram> grams;
  std::size_t absent = 0;  // grams not in the text: looked up, no votes
  const std::size_t step = std::max(kGram, (m - kGram) / kMaxGrams + 1);
  for (std::size_t o = 0; o + kGram <= m; o += step) {
    const std::uint64_t h = HashGram(pattern.substr(o, kGram));
    const std::size_t b = static_cast<std::size_t>(h >> shift_);
    const auto [first, last] = std::equal_range(
        keys_.begin() + starts_[b], keys_.begin() + starts_[b + 1], static_cast<std::uint32_t>(h));
    const auto places = static_cast<std::size_t>(last - first);
    if (places > kCommon) continue;  // common: says little, costs much
    if (places == 0) {
      ++absent;
      continue;
    }
    grams.push_back({places, o, static_cast<std::size_t>(first - keys_.begin())});
  }
  // The rarest grams first, up to a budget of votes: they say the most and cost the least.
  std::stable_sort(grams.begin(), grams.end(),
                   [](const Gram& a, const Gram& b) { return a.places < b.places; });
  // Diagonal buckets voted for: (p + m - o) / kBucket, m added so that it never goes negative.
  std::vector<std::uint32_t> votes;
  std::size_t looked_up = absent;
  double chance = 0;  // votes a band gets by chance
  for (const Gram& g : grams) {
    if (!votes.empty() && votes.size() + g.places > kMaxVotes) break;
    ++looked_up;
    chance += static_cast<double>(g.places * (2 * kBand + 1) * kBucket) / static_cast<double>(n);
    for (std::size_t k = g.first; k < g.first + g.places; ++k) {
      votes.push_back(static_cast<std::uint32_t>((positions_[k] + m - g.offset) / kBucket));
    }
  }
  if (looked_up == 0) return std::nullopt;
  std::sort(votes.begin(), votes.end());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> runs;  // (bucket, votes)
  for (std::uint32_t v : votes) {
    if (runs.empty() || runs.back().first != v) runs.emplace_back(v, 0);
    ++runs.back().second;
  }
  // Each run's band: its votes and its neighbours'.
  std::vector<std::uint32_t> bands(runs.size());
  std::size_t lo = 0, hi = 0;  // runs[lo, hi): the band of runs[i]
  std::uint32_t band = 0, best = 0;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    while (hi < runs.size() && runs[hi].first <= runs[i].first + kBand) band += runs[hi++].second;
    while (runs[lo].first + kBand < runs[i].first) band -= runs[lo++].second;
    bands[i] = band;
    best = std::max(best, band);
  }
  const double needed = std::max({looked_up < 2 ? 1.0 : 2.0, kMinVotes * looked_up,
                                  chance + 4 * std::sqrt(chance) + 1, kMinShareOfBest * best});
  std::vector<Window> windows;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (static_cast<double>(bands[i]) < needed) continue;
    // Bucket b holds matches starting in [b * kBucket - m, b * kBucket - m + kBucket).
    const long first = static_cast<long>(runs[i].first * kBucket) - static_cast<long>(m);
    const long slack = static_cast<long>(max_errors + kBucket);
    const auto from = static_cast<std::size_t>(std::max(0L, first - slack));
    const auto to = static_cast<std::size_t>(
        std::min(static_cast<long>(n), first + static_cast<long>(kBucket + m) + slack));
    if (from >= to) continue;
    if (!windows.empty() && from <= windows.back().second) {
      windows.back().second = std::max(windows.back().second, to);
    } else {
      windows.emplace_back(from, to);
    }
  }
  std::size_t covered = 0;
  for (const Window& w : windows) covered += w.second - w.first;
  if (covered * kMaxCover > n) return std::nullopt;
  return windows;
}

}  // namespace lectern::anchoring
