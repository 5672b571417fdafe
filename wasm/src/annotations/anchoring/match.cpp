#include "match.h"

#include <algorithm>
#include <climits>

namespace lectern {
namespace anchor_match {
namespace {

// One step of Myers' algorithm for one 64-row block and one text character (Hyyrö 2003, with the
// horizontal delta `hin` coming in at the block's top row). Updates the block's vertical delta
// vectors and returns the horizontal delta at the block's last row (`last` has only that row's
// bit set). Bits above the pattern's end in the last block never reach the rows below them:
// additions and shifts only carry upwards.
inline int Advance(std::uint64_t* pv_io, std::uint64_t* mv_io, std::uint64_t eq, int hin,
                   std::uint64_t last) {
  const std::uint64_t pv = *pv_io;
  const std::uint64_t mv = *mv_io;
  const std::uint64_t hin_neg = hin < 0 ? 1 : 0;
  const std::uint64_t xv = eq | mv;
  eq |= hin_neg;
  const std::uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
  std::uint64_t ph = mv | ~(xh | pv);
  std::uint64_t mh = pv & xh;
  const int hout = (ph & last) ? 1 : ((mh & last) ? -1 : 0);
  ph <<= 1;
  mh <<= 1;
  mh |= hin_neg;
  ph |= hin > 0 ? 1 : 0;
  *pv_io = mh | ~(xv | ph);
  *mv_io = ph & xv;
  return hout;
}

// The dynamic programming kernels below index raw pointers and take this minimum rather than
// string_view's operator[] and std::min({...}): those are out-of-line template copies in a fuzz
// build, instrumented by whichever file emitted them, and took half of anchor_fuzzer's time.
inline int Min3(int a, int b, int c) {
  const int ab = a < b ? a : b;
  return ab < c ? ab : c;
}

}  // namespace

PatternMasks::PatternMasks(std::u32string_view pattern)
    : size_(pattern.size()), blocks_(std::max<std::size_t>(1, (pattern.size() + 63) / 64)) {
  masks_.assign(blocks_, 0);
  std::uint32_t next = 1;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char32_t c = pattern[i];
    std::uint32_t row;
    if (c < 128) {
      if (ascii_[c] == 0) ascii_[c] = next++;
      row = ascii_[c];
    } else {
      const auto inserted = other_.emplace(c, next);
      if (inserted.second) ++next;
      row = inserted.first->second;
    }
    if (masks_.size() < next * blocks_) masks_.resize(next * blocks_, 0);
    masks_[row * blocks_ + i / 64] |= std::uint64_t{1} << (i % 64);
  }
}

void Search(const PatternMasks& masks, std::u32string_view text, int max_distance,
            bool anchored_start, const EndCallback& report) {
  const std::size_t m = masks.size();
  if (m == 0) {
    // The empty pattern matches everywhere at no cost (or at the cost of the text so far).
    for (std::size_t j = 1; j <= text.size(); ++j) {
      const int d = anchored_start ? static_cast<int>(std::min<std::size_t>(j, INT_MAX)) : 0;
      if (d <= max_distance) report(j, d);
    }
    return;
  }
  const std::size_t blocks = masks.blocks();
  std::vector<std::uint64_t> pv(blocks, ~std::uint64_t{0}), mv(blocks, 0), last(blocks);
  for (std::size_t b = 0; b < blocks; ++b) last[b] = std::uint64_t{1} << 63;
  last[blocks - 1] = std::uint64_t{1} << ((m - 1) % 64);
  long score = static_cast<long>(m);  // D[m][0]: the whole pattern against nothing
  const char32_t* chars = text.data();
  for (std::size_t j = 0; j < text.size(); ++j) {
    const std::uint64_t* eq = masks.Masks(chars[j]);
    int carry = anchored_start ? 1 : 0;
    for (std::size_t b = 0; b < blocks; ++b) carry = Advance(&pv[b], &mv[b], eq[b], carry, last[b]);
    score += carry;
    if (score <= max_distance) report(j + 1, static_cast<int>(score));
  }
}

int EditDistance(std::u32string_view a, std::u32string_view b) {
  if (a.empty()) return static_cast<int>(b.size());
  if (b.empty()) return static_cast<int>(a.size());
  // Fewer blocks with the shorter string as the pattern.
  if (a.size() > b.size()) std::swap(a, b);
  int distance = static_cast<int>(a.size() + b.size());
  Search(PatternMasks(a), b, INT_MAX, /*anchored_start=*/true, [&](std::size_t end, int d) {
    if (end == b.size()) distance = d;
  });
  return distance;
}

int AlignSuffix(std::u32string_view pattern_view, std::u32string_view text_view,
                std::size_t quote_begin, std::size_t quote_end, std::size_t* begin,
                std::size_t* end) {
  const char32_t* pattern = pattern_view.data();
  const char32_t* text = text_view.data();
  const std::size_t rows = pattern_view.size() + 1, cols = text_view.size() + 1;
  std::vector<int> cells(rows * cols);
  int* d = cells.data();
  auto at = [d, cols](std::size_t i, std::size_t j) -> int& { return d[i * cols + j]; };
  for (std::size_t j = 0; j < cols; ++j) at(0, j) = 0;  // the text's start is free
  for (std::size_t i = 1; i < rows; ++i) {
    at(i, 0) = static_cast<int>(i);
    for (std::size_t j = 1; j < cols; ++j) {
      const int diagonal = at(i - 1, j - 1) + (pattern[i - 1] == text[j - 1] ? 0 : 1);
      at(i, j) = Min3(diagonal, at(i - 1, j) + 1, at(i, j - 1) + 1);
    }
  }
  // Trace back from the end. A row's run of horizontal steps is text inserted between two pattern
  // characters: at the quote's start row it goes to the prefix (take the run's right end), at the
  // quote's end row to the suffix (take its left end).
  std::size_t i = pattern_view.size(), j = text_view.size();
  *begin = *end = j;
  bool begin_set = false;
  while (true) {
    if (i == quote_end) *end = j;  // visited right to left: the last write is the run's left end
    if (i == quote_begin && !begin_set) {
      *begin = j;  // the first visit is the run's right end
      begin_set = true;
    }
    if (i == 0) break;
    const int here = at(i, j);
    if (j > 0 && here == at(i - 1, j - 1) + (pattern[i - 1] == text[j - 1] ? 0 : 1)) {
      --i;
      --j;
    } else if (here == at(i - 1, j) + 1) {
      --i;
    } else {
      --j;
    }
  }
  return at(pattern_view.size(), text_view.size());
}

long ContextAgreement(std::u32string_view context_view, std::u32string_view text_view) {
  if (context_view.empty()) return 0;
  const char32_t* context = context_view.data();
  const char32_t* text = text_view.data();
  const std::size_t rows = context_view.size(), cols = text_view.size() + 1;
  std::vector<int> cells(2 * cols);
  int* prev = cells.data();
  int* cur = prev + cols;
  for (std::size_t j = 0; j < cols; ++j) prev[j] = static_cast<int>(j);
  long best = 0;
  for (std::size_t i = 1; i <= rows; ++i) {
    cur[0] = static_cast<int>(i);
    int row_min = cur[0];
    for (std::size_t j = 1; j < cols; ++j) {
      const int diagonal = prev[j - 1] + (context[i - 1] == text[j - 1] ? 0 : 1);
      cur[j] = Min3(diagonal, prev[j] + 1, cur[j - 1] + 1);
      row_min = row_min < cur[j] ? row_min : cur[j];
    }
    best = std::max(best, static_cast<long>(i) - 3L * row_min);
    // Every later row can gain at most one per character: stop when no gain is possible.
    if (static_cast<long>(rows) - 3L * row_min <= best) break;
    std::swap(prev, cur);
  }
  return best;
}

}  // namespace anchor_match
}  // namespace lectern
