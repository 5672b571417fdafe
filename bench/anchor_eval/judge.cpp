// Judging anchor_eval's cases: where the annotated passage went (the ground truth), each
// outcome, and Hypothesis's method, run on the same cases for comparison.
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "anchor_eval.h"
#include "match.h"

namespace anchor_eval {
namespace {

std::vector<Match> ApproxSearch(std::u32string_view text, std::u32string_view pattern,
                                int max_errors) {
  std::vector<Match> matches;
  if (pattern.empty()) return matches;
  int best = max_errors;
  std::vector<std::pair<std::size_t, int>> ends;
  lectern::anchor_match::Search(lectern::anchor_match::PatternMasks(pattern), text, max_errors,
                                false, [&](std::size_t end, int d) {
                                  if (d < best) {
                                    best = d;
                                    ends.clear();
                                  }
                                  if (d == best) ends.emplace_back(end, d);
                                });
  const std::u32string reversed(pattern.rbegin(), pattern.rend());
  const lectern::anchor_match::PatternMasks reversed_masks(reversed);
  for (const auto& [end, errors] : ends) {
    const std::size_t reach = pattern.size() + static_cast<std::size_t>(errors);
    const std::size_t from = end > reach ? end - reach : 0;
    std::u32string window(text.substr(from, end - from));
    std::reverse(window.begin(), window.end());
    int least = errors;
    std::size_t longest = 0;
    lectern::anchor_match::Search(reversed_masks, window, errors, false, [&](std::size_t e, int d) {
      if (d < least) {
        least = d;
        longest = 0;
      }
      if (d == least) longest = std::max(longest, e);
    });
    matches.push_back({end - longest, end, errors});
  }
  return matches;
}

double TextMatchScore(std::u32string_view text, std::u32string_view str) {
  if (str.empty() || text.empty()) return 0;
  const std::vector<Match> m = ApproxSearch(text, str, static_cast<int>(str.size()));
  return m.empty() ? 0 : 1 - static_cast<double>(m[0].errors) / static_cast<double>(str.size());
}

}  // namespace

Truth TruthOf(const Doc& d, std::u32string_view original, Range span) {
  const std::u32string_view text = original.substr(span.start, span.end - span.start);
  std::vector<Range> copies;
  for (std::size_t at = original.find(text); at != std::u32string_view::npos;
       at = original.find(text, at + 1)) {
    copies.push_back({at, at + text.size()});
  }
  Truth t;
  t.duplicated = copies.size() > 1;
  for (const Range& copy : copies) {
    std::size_t count = 0, first = 0, last = 0;
    for (std::size_t i = 0; i < d.orig.size(); ++i) {
      const std::int64_t o = d.orig[i];
      if (o < static_cast<std::int64_t>(copy.start) || o >= static_cast<std::int64_t>(copy.end)) {
        continue;
      }
      if (count == 0) first = i;
      last = i;
      ++count;
    }
    if (count == 0) continue;
    const std::size_t length = copy.end - copy.start;
    const bool compact = last + 1 - first <= 2 * length + 10;
    const Kind kind = count * 2 >= length && compact ? Kind::kSurvives : Kind::kPartial;
    t.kind = std::min(t.kind, kind);
    t.where.push_back({first, last + 1});
  }
  return t;
}

Outcome Judge(const Truth& truth, bool anchored, Range got) {
  if (!anchored) return Outcome::kOrphan;
  Outcome best = Outcome::kWrong;
  for (const Range& where : truth.where) {
    const std::size_t lo = std::max(got.start, where.start);
    const std::size_t hi = std::min(got.end, where.end);
    if (hi <= lo) continue;
    const std::size_t uni = std::max(got.end, where.end) - std::min(got.start, where.start);
    best = std::min(best, (hi - lo) * 2 >= uni ? Outcome::kRight : Outcome::kNear);
  }
  return best;
}

Selector32 ToSelector32(const QuoteSelector& s) {
  return {ToU32(s.exact), ToU32(s.prefix), ToU32(s.suffix), s.has_position, s.start, s.end};
}

AnchorResult HypothesisAnchor(std::u32string_view text, const Selector32& s) {
  AnchorResult r;
  if (s.has_position && s.start <= s.end && s.end <= text.size() &&
      text.substr(s.start, s.end - s.start) == s.exact) {
    r.anchored = r.exact = true;
    r.start = s.start;
    r.end = s.end;
    r.score = 1;
    return r;
  }
  const std::size_t m = s.exact.size();
  if (m == 0) return r;
  const int max_errors = static_cast<int>(std::min<std::size_t>(256, m / 2));
  const std::vector<Match> matches = ApproxSearch(text, s.exact, max_errors);
  double best = -1;
  for (const Match& match : matches) {
    const double quote = 1 - static_cast<double>(match.errors) / static_cast<double>(m);
    double prefix = 1, suffix = 1, position = 1;
    if (!s.prefix.empty()) {
      const std::size_t from = match.start > s.prefix.size() ? match.start - s.prefix.size() : 0;
      prefix = TextMatchScore(s.prefix, text.substr(from, match.start - from));
    }
    if (!s.suffix.empty())
      suffix = TextMatchScore(s.suffix, text.substr(match.end, s.suffix.size()));
    if (s.has_position) {
      position = 1 - std::fabs(static_cast<double>(match.start) - static_cast<double>(s.start)) /
                         static_cast<double>(text.size());
    }
    const double score = (50 * quote + 20 * prefix + 20 * suffix + 2 * position) / 92;
    if (score > best) {
      best = score;
      r.anchored = true;
      r.start = match.start;
      r.end = match.end;
      r.score = score;
      r.exact = match.errors == 0;
    }
  }
  return r;
}

}  // namespace anchor_eval
